package io.monsterstack.drills.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StartOptionsTest {

    @Test
    void withoutOptionsBothImagesAsDeployedThreeRunsEach() {
        StartOptions options = StartOptions.parse(List.of());
        assertEquals(3, options.runs());
        assertEquals(List.of("frontend", "imagebackend"), options.services());
        assertEquals(List.of("AOT"), options.variants());
        assertEquals(Optional.empty(), options.tag());
        assertEquals(Optional.empty(), options.cpus());
        assertTrue(options.env().isEmpty());
    }

    @Test
    void everyOptionTakesItsValueAndEnvRepeats() {
        StartOptions options = StartOptions.parse(List.of("--runs", "5", "--only", "frontend", "--env", "WARM_UP_REQUESTS=500",
                "--cpus", "2", "--env", "JAVA_TOOL_OPTIONS=-XX:ActiveProcessorCount=1", "--compare-aot", "--tag", "2.1"));
        assertEquals(5, options.runs());
        assertEquals(List.of("frontend"), options.services());
        assertEquals(List.of("WARM_UP_REQUESTS=500", "JAVA_TOOL_OPTIONS=-XX:ActiveProcessorCount=1"), options.env());
        assertEquals(Optional.of("2"), options.cpus());
        assertEquals(Optional.of("2.1"), options.tag());
        assertEquals(List.of("AOT", "no-AOT"), options.variants());
    }

    @Test
    void onlyTakesOneOfTheTwoAppImages() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--only", "nope")));
        assertEquals("--only takes frontend or imagebackend, not nope", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--only", "redis")));
        assertEquals(List.of("imagebackend"), StartOptions.parse(List.of("--only", "imagebackend")).services());
    }

    @Test
    void aValueMissingOrMalformedIsRefusedByName() {
        assertEquals("--runs needs a value", assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--runs"))).getMessage());
        for (String runs : List.of("0", "-1", "three", "")) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--runs", runs))).getMessage()
                    .startsWith("--runs takes"), runs);
        }
        for (String cpus : List.of("0", "half", "-2", "1.")) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--cpus", cpus))).getMessage()
                    .startsWith("--cpus takes"), cpus);
        }
        assertEquals(Optional.of("0.5"), StartOptions.parse(List.of("--cpus", "0.5")).cpus());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--env", "NOVALUE"))).getMessage()
                .startsWith("--env takes KEY=VALUE"));
        assertThrows(IllegalArgumentException.class, () -> StartOptions.parse(List.of("--env", "=x")));
    }

    @Test
    void anUnknownArgumentIsNamed() {
        assertEquals("unknown argument: --keep", assertThrows(IllegalArgumentException.class,
                () -> StartOptions.parse(List.of("--runs", "1", "--keep"))).getMessage());
        assertFalse(StartOptions.parse(List.of("--runs", "1")).compareAot());
    }
}
