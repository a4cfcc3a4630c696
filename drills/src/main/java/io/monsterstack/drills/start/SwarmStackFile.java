package io.monsterstack.drills.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a measurement outside the swarm takes from the Swarm stack file (stack/docker-compose.swarm.yml)
 * so that it runs the containers as the stack does: a service's resource limits and its image as
 * written. Read line by line, as the file is laid out (two-space indents): no YAML parser on the
 * drills' class path for two values.
 */
public final class SwarmStackFile {

    /** A service's limits: its CPUs as the file writes them ("0.5"), its memory in MB. */
    public record Limits(String cpus, int memoryMb) {
    }

    private static final Pattern LIMIT = Pattern.compile("^\\s*(cpus|memory):\\s*'?([0-9.]+)([KkMmGg]?)'?\\s*(#.*)?$");
    private static final Pattern IMAGE = Pattern.compile("^\\s*image:\\s*(\\S+)\\s*(#.*)?$");

    private final Path file;
    private final List<String> lines;

    private SwarmStackFile(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static SwarmStackFile read(Path file) throws IOException {
        return new SwarmStackFile(file, Files.readAllLines(file));
    }

    /** The service's deploy.resources.limits; throws when the file gives it none. */
    public Limits limits(String service) {
        String cpus = null;
        Integer memory = null;
        int limitsIndent = -1;
        for (String line : serviceLines(service)) {
            int indent = indent(line);
            if (line.strip().equals("limits:")) {
                limitsIndent = indent;
                continue;
            }
            if (limitsIndent >= 0 && !line.isBlank() && indent <= limitsIndent) {
                limitsIndent = -1;  // reservations: and whatever follows are not limits
            }
            Matcher limit = LIMIT.matcher(line);
            if (limitsIndent >= 0 && limit.matches()) {
                if (limit.group(1).equals("cpus")) {
                    cpus = limit.group(2);
                } else {
                    memory = megabytes(limit.group(2), limit.group(3));
                }
            }
        }
        if (cpus == null || memory == null) {
            throw new IllegalStateException(file + ": no cpus and memory under " + service + "'s limits");
        }
        return new Limits(cpus, memory);
    }

    /** The service's image as the file writes it (variables not substituted). */
    public String image(String service) {
        return serviceLines(service).stream().map(IMAGE::matcher).filter(Matcher::matches).map(image -> image.group(1)).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + ": no image for " + service));
    }

    /** The lines of the service's block: from "  NAME:" to the next line at its indent or less. */
    private List<String> serviceLines(String service) {
        int start = lines.indexOf("  " + service + ":");
        if (start < 0) {
            throw new IllegalStateException(file + ": no service " + service);
        }
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).strip().startsWith("#") || indent(lines.get(end)) > 2)) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static int megabytes(String number, String unit) {
        double value = Double.parseDouble(number);
        double mb = switch (unit.toLowerCase()) {
            case "g" -> value * 1024;
            case "m" -> value;
            case "k" -> value / 1024;
            default -> value / 1024 / 1024;  // a bare number: bytes, as Compose reads it
        };
        return (int) mb;
    }
}
