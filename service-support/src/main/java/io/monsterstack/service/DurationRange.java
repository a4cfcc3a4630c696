package io.monsterstack.service;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A {@link Duration} between {@link #min()} and {@link #max()}, both included, each written as a
 * configuration value is ({@code 10ms}, {@code 1s}, {@code 365d}, {@code PT0.5S}), so that the message's
 * {@code {min}} and {@code {max}} print them as written: the bounds are said once, here.
 */
@Documented
@Constraint(validatedBy = DurationRangeValidator.class)
@Target({ METHOD, FIELD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface DurationRange {

    /** The lowest allowed duration, as a configuration value. */
    String min();

    /** The highest allowed duration, as a configuration value. */
    String max();

    String message() default "is ${validatedValue}; allowed: {min} to {max}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
