package io.monsterstack.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationRangeTest {

    interface Limits {
        @DurationRange(min = "10ms", max = "1s")
        Duration timeout();
    }

    private final DurationRange.Validator validator = new DurationRange.Validator();

    @BeforeEach
    void readTheBoundsAsVariablesAreWritten() throws NoSuchMethodException {
        validator.initialize(Limits.class.getMethod("timeout").getAnnotation(DurationRange.class));
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.01S,   true",
        "PT0.3S,    true",
        "PT1S,      true",
        "PT0.009S,  false",
        "PT1.001S,  false",
        "PT0S,      false",
        "PT-1S,     false",
    })
    void acceptsTheBoundsAndWhatLiesBetween(Duration value, boolean valid) {
        assertEquals(valid, validator.isValid(value, null));
    }
}
