package io.monsterstack.service;

import java.time.Duration;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.quarkus.runtime.configuration.DurationConverter;

/** Checks {@link DurationRange}: its bounds are parsed as Quarkus parses a duration in configuration. */
public class DurationRangeValidator implements ConstraintValidator<DurationRange, Duration> {

    private Duration min;
    private Duration max;

    @Override
    public void initialize(DurationRange range) {
        min = DurationConverter.parseDuration(range.min());
        max = DurationConverter.parseDuration(range.max());
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("@DurationRange min " + range.min() + " is above max " + range.max());
        }
    }

    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
        return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }
}
