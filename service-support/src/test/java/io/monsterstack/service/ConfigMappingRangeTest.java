package io.monsterstack.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import io.monsterstack.service.health.EventLoopConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import org.junit.jupiter.api.Test;

/**
 * The shared mappings' ranges as SmallRye Config checks them at start, with Hibernate Validator:
 * {@link DurationRange} on a mapping's method is found, and its line reads as the others do.
 */
class ConfigMappingRangeTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void valuesWithinTheRangesAreRead() {
        SmallRyeConfig config = config(Map.of("SHUTDOWN_DELAY", "0s", "SHUTDOWN_TIMEOUT", "60s", "MANAGEMENT_PORT", "1"));
        assertEquals(Duration.ZERO, config.getConfigMapping(ShutdownConfig.class).delay());
        assertEquals(Duration.ofMinutes(1), config.getConfigMapping(ShutdownConfig.class).timeout());
        assertEquals(Duration.ofSeconds(10), config.getConfigMapping(EventLoopConfig.class).stallLimit());
    }

    @Test
    void valuesOutsideTheRangesAreEachOneLine() {
        ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                () -> config(Map.of("SHUTDOWN_DELAY", "31s", "SHUTDOWN_TIMEOUT", "-1s", "EVENT_LOOP_STALL_LIMIT", "1s",
                        "MANAGEMENT_PORT", "65536")));
        List<String> lines = IntStream.range(0, refused.getProblemCount())
                .mapToObj(i -> refused.getProblem(i).getMessage()).sorted().toList();
        assertEquals(List.of(
                "monsterstack.event-loops.stall-limit (EVENT_LOOP_STALL_LIMIT) is PT1S; allowed: 2s to 60s",
                "monsterstack.management.port (MANAGEMENT_PORT) is 65536; allowed: 1 to 65535",
                "monsterstack.shutdown.delay (SHUTDOWN_DELAY) is PT31S; allowed: 0s to 30s",
                "monsterstack.shutdown.timeout (SHUTDOWN_TIMEOUT) is PT-1S; allowed: 0s to 60s"), lines);
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        Map<String, String> properties = new HashMap<>(values);
        properties.putIfAbsent("monsterstack.management.port", "${MANAGEMENT_PORT}");
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(ShutdownConfig.class)
                .withMapping(EventLoopConfig.class)
                .withMapping(ManagementPortConfig.class)
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }
}
