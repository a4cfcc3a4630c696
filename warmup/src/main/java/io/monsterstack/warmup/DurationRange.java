package io.monsterstack.warmup;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * A duration from {@code min} to {@code max}, both included, written the way the variable is set
 * ({@code 10ms}, {@code 1s}, {@code 7d}) so that the start-up error shows the range as users write it.
 */
@Documented
@Constraint(validatedBy = DurationRange.Validator.class)
@Target(METHOD)
@Retention(RUNTIME)
public @interface DurationRange {

    String min();

    String max();

    String message() default "must be {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a duration against the bounds, parsed once. */
    class Validator implements ConstraintValidator<DurationRange, Duration> {

        private Duration min;
        private Duration max;

        @Override
        public void initialize(DurationRange range) {
            min = DurationConverter.parseDuration(range.min());
            max = DurationConverter.parseDuration(range.max());
        }

        @Override
        public boolean isValid(Duration value, ConstraintValidatorContext context) {
            return value == null || value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }
}
