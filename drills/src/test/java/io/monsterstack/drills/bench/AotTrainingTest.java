package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AotTrainingTest {

    @Test
    void readsTheWordsBenchShPasses() {
        AotTraining training = AotTraining.from(Map.of("AOT_TRAINING_ENV", "WARM_UP_REQUESTS=3000  WARM_UP_MAX_DURATION=120s",
                "AOT_TRAINING_OPTIONS", "-XX:MaxMetaspaceSize=128m", "AOT_OPTIONS", "-XX:+UseCompactObjectHeaders"));
        assertEquals(Map.of("WARM_UP_REQUESTS", "3000", "WARM_UP_MAX_DURATION", "120s"), training.env());
        assertEquals(List.of("-XX:MaxMetaspaceSize=128m"), training.trainingOptions());
        assertEquals(List.of("-XX:+UseCompactObjectHeaders"), training.cacheOptions());
    }

    @Test
    void saysWhereTheyComeFromWhenMissing() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> AotTraining.from(Map.of("AOT_TRAINING_ENV", "", "AOT_OPTIONS", "")));
        assertEquals("AOT_TRAINING_OPTIONS is not set: run the bench through scripts/bench.sh, which passes how the images are trained",
                missing.getMessage());
    }
}
