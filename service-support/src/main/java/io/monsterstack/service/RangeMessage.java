package io.monsterstack.service;

/**
 * The rest of a range violation's line, after the property and its variable: {@code "(VAR)" + RANGE}
 * in a {@code @Range} or {@link DurationRange} message prints {@code ... (VAR) is 2s; allowed: 10ms to 1s},
 * the bounds read from the annotation itself.
 */
public final class RangeMessage {

    public static final String RANGE = " is ${validatedValue}; allowed: {min} to {max}";

    private RangeMessage() {
    }
}
