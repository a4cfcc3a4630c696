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
        min = parse(range.min());
        max = parse(range.max());
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException("@DurationRange min " + range.min() + " is above max " + range.max());
        }
    }

    @Override
    public boolean isValid(Duration value, ConstraintValidatorContext context) {
        return value == null || (value.compareTo(min) >= 0 && value.compareTo(max) <= 0);
    }

    /** A bound as Quarkus reads a duration ({@code 10ms}, {@code 1s}, {@code 365d}, {@code PT0.5S}). */
    public static Duration parse(String bound) {
        return DurationConverter.parseDuration(bound);
    }
}
