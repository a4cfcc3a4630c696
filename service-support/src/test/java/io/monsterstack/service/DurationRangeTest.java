package io.monsterstack.service;

import static io.monsterstack.service.RangeMessage.RANGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** {@link DurationRange} includes its bounds, written as configuration values, and prints them as written. */
class DurationRangeTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Timeout(@DurationRange(min = "10ms", max = "1s", message = "(REDIS_TIMEOUT)" + RANGE) Duration value) {
    }

    record Ttl(@DurationRange(min = "1s", max = "365d") Duration value) {
    }

    record Iso(@DurationRange(min = "PT0.5S", max = "PT2M") Duration value) {
    }

    record Backwards(@DurationRange(min = "2s", max = "1s") Duration value) {
    }

    @Test
    void boundsAreIncluded() {
        for (Duration allowed : List.of(Duration.ofMillis(10), Duration.ofMillis(300), Duration.ofSeconds(1))) {
            assertEquals(Set.of(), VALIDATOR.validate(new Timeout(allowed)), allowed.toString());
        }
        assertEquals(Set.of(), VALIDATOR.validate(new Timeout(null)));
        assertEquals(Set.of(), VALIDATOR.validate(new Ttl(Duration.ofDays(365))));
        assertEquals(Set.of(), VALIDATOR.validate(new Iso(Duration.ofMillis(500))));
        assertEquals(Set.of(), VALIDATOR.validate(new Iso(Duration.ofMinutes(2))));
    }

    @Test
    void outsideTheBoundsTheMessageNamesThemAsWritten() {
        assertEquals("(REDIS_TIMEOUT) is PT2S; allowed: 10ms to 1s", message(new Timeout(Duration.ofSeconds(2))));
        assertEquals("(REDIS_TIMEOUT) is PT0.009S; allowed: 10ms to 1s", message(new Timeout(Duration.ofMillis(9))));
        assertEquals("(REDIS_TIMEOUT) is PT-1S; allowed: 10ms to 1s", message(new Timeout(Duration.ofSeconds(-1))));
        assertEquals("is PT8784H; allowed: 1s to 365d", message(new Ttl(Duration.ofDays(366))));
        assertEquals("is PT0.499S; allowed: PT0.5S to PT2M", message(new Iso(Duration.ofMillis(499))));
    }

    @Test
    void aMinAboveTheMaxIsAMistake() {
        assertThrows(ValidationException.class, () -> VALIDATOR.validate(new Backwards(Duration.ofSeconds(1))));
    }

    private static String message(Object bean) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        assertEquals(1, violations.size(), violations.toString());
        return violations.iterator().next().getMessage();
    }
}
