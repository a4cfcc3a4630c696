package io.monsterstack.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.monsterstack.service.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.Range;

/**
 * The settings of {@code @ConfigMapping} interfaces as their annotations say them, and the check that
 * docs/configuration.md says the same: each variable, default and range is written once, in its
 * mapping, and the table's rows are held to it. A setting's variable is the one its
 * {@code @WithDefault("${VAR:default}")} names, or else the one its constraint's message starts with,
 * {@code (VAR)}; its range is its {@code @Range}, {@code @DurationRange}, {@code @Size} or
 * {@code @Min}/{@code @Max}.
 */
public final class ConfigurationDoc {

    /** configuration.md, from a service's module directory (where Maven runs its tests). */
    public static final Path DOC = Path.of("..", "docs", "configuration.md");

    private static final Pattern DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(.*)}");
    private static final Pattern MESSAGE_VARIABLE = Pattern.compile("\\(([A-Z][A-Z0-9_]*)\\).*");

    /**
     * One setting: its property, its variable, its default ({@code null} when the mapping has none, or
     * one that is an expression) and its bounds ({@code null} without a range), as the annotations write them.
     */
    public record Setting(String property, String variable, String defaultValue, String min, String max) {

        /** The line start-up prints for a value out of the range, the value as the line reads it (a duration in ISO-8601). */
        public String refusal(String read) {
            return property + " (" + variable + ") is " + read + "; allowed: " + min + " to " + max;
        }

        /** The range as the table writes it: {@code 10ms–1s}, or words in parentheses after either bound. */
        Pattern range() {
            return Pattern.compile("(?<![\\w.])" + Pattern.quote(min) + "(?: \\([^)]*\\))? ?– ?" + Pattern.quote(max)
                    + "(?![\\w.])");
        }
    }

    private ConfigurationDoc() {
    }

    /** The settings of the mappings, nested groups included, that name a variable. */
    public static List<Setting> settings(Class<?>... mappings) {
        List<Setting> settings = new ArrayList<>();
        for (Class<?> mapping : mappings) {
            ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
            if (annotation == null) {
                throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
            }
            collect(mapping, annotation.prefix(), settings);
        }
        return settings;
    }

    /** The setting of this variable among the mappings' settings. */
    public static Setting setting(String variable, Class<?>... mappings) {
        return settings(mappings).stream().filter(setting -> setting.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting names " + variable));
    }

    private static void collect(Class<?> group, String prefix, List<Setting> settings) {
        Method[] methods = group.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (!Modifier.isAbstract(method.getModifiers()) || method.getParameterCount() != 0) {
                continue;
            }
            String property = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && !type.getName().startsWith("java.")) {
                collect(type, property, settings);
                continue;
            }
            setting(method, property).ifPresent(settings::add);
        }
    }

    private static Optional<Setting> setting(Method method, String property) {
        String variable = null;
        String defaultValue = null;
        WithDefault withDefault = method.getAnnotation(WithDefault.class);
        if (withDefault != null) {
            Matcher matcher = DEFAULT.matcher(withDefault.value());
            if (matcher.matches()) {
                variable = matcher.group(1);
                defaultValue = matcher.group(2).contains("${") ? null : matcher.group(2);
            }
        }
        String min = null;
        String max = null;
        for (Annotation constraint : method.getAnnotations()) {
            String message = null;
            if (constraint instanceof Range range) {
                min = Long.toString(range.min());
                max = Long.toString(range.max());
                message = range.message();
            } else if (constraint instanceof DurationRange range) {
                min = range.min();
                max = range.max();
                message = range.message();
            } else if (constraint instanceof Size size) {
                min = Integer.toString(size.min());
                max = Integer.toString(size.max());
                message = size.message();
            } else if (constraint instanceof Min low) {
                min = Long.toString(low.value());
                message = low.message();
            } else if (constraint instanceof Max high) {
                max = Long.toString(high.value());
                message = high.message();
            } else if (constraint instanceof jakarta.validation.constraints.Pattern pattern) {
                message = pattern.message();
            }
            Matcher named = message == null ? null : MESSAGE_VARIABLE.matcher(message);
            if (variable == null && named != null && named.matches()) {
                variable = named.group(1);
            }
        }
        if (variable == null) {
            return Optional.empty();
        }
        if ((min == null) != (max == null)) {
            throw new IllegalStateException(property + " (" + variable + ") has only one bound");
        }
        return Optional.of(new Setting(property, variable, defaultValue, min, max));
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /**
     * The doc's table has a row naming each setting's variable (in backticks, in its first cell) whose
     * second cell holds its default in backticks ({@code (none)} for an empty one) and whose third holds
     * its range; every disagreement is reported at once.
     */
    public static void assertDocumented(Path doc, Class<?>... mappings) {
        List<String[]> rows;
        try {
            rows = Files.readAllLines(doc).stream().filter(line -> line.startsWith("|"))
                    .map(line -> line.substring(1).split("\\|", -1)).filter(cells -> cells.length >= 3).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        for (Setting setting : settings(mappings)) {
            String named = "`" + setting.variable() + "`";
            List<String[]> naming = rows.stream().filter(cells -> cells[0].contains(named)).toList();
            if (naming.isEmpty()) {
                problems.add(setting.variable() + " (" + setting.property() + "): no row names it");
                continue;
            }
            String[] row = naming.get(0);
            String defaultCell = row[1].trim();
            String allowedCell = row[2].trim();
            if (setting.defaultValue() != null) {
                String expected = setting.defaultValue().isEmpty() ? "(none)" : "`" + setting.defaultValue() + "`";
                if (!defaultCell.contains(expected)) {
                    problems.add(setting.variable() + ": default " + expected + " not in \"" + defaultCell + "\"");
                }
            }
            if (setting.min() != null && !setting.range().matcher(allowedCell).find()) {
                problems.add(setting.variable() + ": range " + setting.min() + "–" + setting.max() + " not in \""
                        + allowedCell + "\"");
            }
        }
        assertEquals(List.of(), problems, doc + " disagrees with the mappings");
    }
}
