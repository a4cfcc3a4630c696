package io.monsterstack.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.monsterstack.service.DurationRange;
import io.monsterstack.testsupport.ConfigurationDoc.Setting;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** What {@link ConfigurationDoc} reads from a mapping, and the table rows it takes or refuses. */
class ConfigurationDocTest {

    @ConfigMapping(prefix = "t")
    interface Sample {

        @WithDefault("${SAMPLE_TIMEOUT:300ms}")
        @DurationRange(min = "10ms", max = "1s", message = "(SAMPLE_TIMEOUT) is ${validatedValue}")
        Duration timeout();

        @WithDefault("2")
        @Range(min = 1, max = 16)
        int unnamed();

        Group group();

        interface Group {

            @WithDefault("${SAMPLE_PORT:6379}")
            @Range(min = 1, max = 65535)
            int samplePort();

            @WithDefault("${SAMPLE_FILE:}")
            Optional<Path> file();
        }
    }

    @TempDir
    Path dir;

    @Test
    void settingsComeFromTheAnnotationsNestedGroupsIncluded() {
        assertEquals(List.of(
                new Setting("t.group.file", "SAMPLE_FILE", "", null, null),
                new Setting("t.group.sample-port", "SAMPLE_PORT", "6379", "1", "65535"),
                new Setting("t.timeout", "SAMPLE_TIMEOUT", "300ms", "10ms", "1s")),
                ConfigurationDoc.settings(Sample.class).stream().sorted(
                        java.util.Comparator.comparing(Setting::property)).toList());
    }

    @Test
    void aTableSayingWhatTheAnnotationsSayPasses() throws IOException {
        ConfigurationDoc.assertDocumented(doc("""
                | variable | default | allowed | meaning |
                |---|---|---|---|
                | `SAMPLE_TIMEOUT` | `300ms` | 10ms–1s (a reason) | limit |
                | `SAMPLE_HOST`, `SAMPLE_PORT` | `h`, `6379` | host name, 1 (the lowest) – 65535 | address |
                | `SAMPLE_FILE` | (none) | a file | password |
                """), Sample.class);
    }

    @Test
    void aBoundOrDefaultTheTableDoesNotSayFails() throws IOException {
        Path doc = doc("""
                | variable | default | allowed | meaning |
                |---|---|---|---|
                | `SAMPLE_TIMEOUT` | `500ms` | 10ms–2s | limit |
                | `SAMPLE_PORT` | `6379` | 11–65535 | port |
                """);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> ConfigurationDoc.assertDocumented(doc, Sample.class));
        String message = failure.getMessage();
        assertTrue(message.contains("SAMPLE_TIMEOUT: default `300ms`"), message);
        assertTrue(message.contains("SAMPLE_TIMEOUT: range 10ms–1s"), message);
        assertTrue(message.contains("SAMPLE_PORT: range 1–65535"), message);
        assertTrue(message.contains("SAMPLE_FILE (t.group.file): no row names it"), message);
    }

    private Path doc(String text) throws IOException {
        return Files.writeString(dir.resolve("configuration.md"), text);
    }
}
