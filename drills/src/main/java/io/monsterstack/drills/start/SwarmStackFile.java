package io.monsterstack.drills.start;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * What a measurement outside the swarm takes from the Swarm stack file (stack/docker-compose.swarm.yml)
 * so that it runs the containers as the stack does: a service's resource limits and its image (the
 * drills give it the file as "docker stack config" resolves it). Read with SnakeYAML, so any YAML
 * layout the file may take (quotes, flow style, comments, anchors and merge keys) reads as Compose
 * reads it. Scalars stay the text the file writes: cpus "0.50" stays "0.50", not the number 0.5.
 */
public final class SwarmStackFile {

    /** A service's limits: its CPUs as the file writes them ("0.5"), its memory in MB. */
    public record Limits(String cpus, int memoryMb) {
    }

    /** Compose's memory (go-units' RAMInBytes): a number of bytes, or of k, m, g with or without a b. */
    private static final Pattern MEMORY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) ?([kmg]?)b?", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final Map<?, ?> services;

    private SwarmStackFile(String file, Map<?, ?> services) {
        this.file = file;
        this.services = services;
    }

    /**
     * Parses a stack file's text, {@code file} naming it in errors; a text that is not YAML, or has a
     * key twice in a mapping, throws IllegalStateException.
     */
    public static SwarmStackFile parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);  // as Compose, which rejects them
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new TextResolver());
        Object document;
        try {
            document = yaml.load(text);
        } catch (YAMLException e) {
            throw new IllegalStateException(file + ": not a YAML stack file: " + e.getMessage(), e);
        }
        Object services = document instanceof Map<?, ?> top ? top.get("services") : null;
        return new SwarmStackFile(file, services instanceof Map<?, ?> map ? map : Map.of());
    }

    /** The service's deploy.resources.limits; throws when the file gives it none. */
    public Limits limits(String service) {
        Map<?, ?> limits = mapping(mapping(mapping(service(service), "deploy"), "resources"), "limits");
        String cpus = text(limits.get("cpus"));
        String memory = text(limits.get("memory"));
        if (cpus == null || memory == null) {
            String missing = cpus == null && memory == null ? "cpus and memory" : cpus == null ? "cpus" : "memory";
            throw new IllegalStateException(file + ": no " + missing + " under " + service + "'s limits");
        }
        return new Limits(cpus, megabytes(service, memory));
    }

    /** The service's image as the text writes it. */
    public String image(String service) {
        String image = text(service(service).get("image"));
        if (image == null) {
            throw new IllegalStateException(file + ": no image for " + service);
        }
        return image;
    }

    /** The value the service's command gives an option ("--maxmemory 192mb"): the word after it; throws when it gives none. */
    public String commandOption(String service, String option) {
        Object command = service(service).get("command");
        String text = command instanceof List<?> words ? words.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(command);
        Matcher matcher = Pattern.compile("(?:^|\\s)" + Pattern.quote(option) + "\\s+(\\S+)").matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(file + ": no " + option + " in " + service + "'s command");
        }
        return matcher.group(1);
    }

    private Map<?, ?> service(String service) {
        if (!(services.get(service) instanceof Map<?, ?> definition)) {
            throw new IllegalStateException(file + ": no service " + service);
        }
        return definition;
    }

    /** The mapping under the key, empty when there is none. */
    private static Map<?, ?> mapping(Map<?, ?> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A scalar's text, stripped; null for a missing, empty or non-scalar value. */
    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }

    private int megabytes(String service, String memory) {
        Matcher matcher = MEMORY.matcher(memory);
        if (!matcher.matches()) {
            throw new IllegalStateException(file + ": " + service + "'s memory limit " + memory + " is not a size");
        }
        double value = Double.parseDouble(matcher.group(1));
        double mb = switch (matcher.group(2).toLowerCase()) {
            case "g" -> value * 1024;
            case "m" -> value;
            case "k" -> value / 1024;
            default -> value / 1024 / 1024;  // a bare number: bytes, as Compose reads it
        };
        return (int) mb;
    }

    /**
     * Every plain scalar a string, as written (no 0.5 as a double, no yes as a boolean), but for
     * null (~, null or nothing: a value not given) and the merge key ({@code <<: *anchor}).
     */
    private static final class TextResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        }
    }
}
