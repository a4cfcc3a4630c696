package io.monsterstack.drills.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The docker command against one engine: this machine's (DOCKER_HOST as the drill got it), or a
 * node's of a multi-node swarm, by its DOCKER_HOST value.
 */
public record Docker(String host) {

    /** The engine the drill's own environment names. */
    public static Docker local() {
        return new Docker(System.getenv("DOCKER_HOST"));
    }

    /** This machine's engine, whatever DOCKER_HOST says: where the cluster's node containers run. */
    public static Docker thisMachine() {
        return new Docker("");
    }

    /** Runs {@code docker ARGS}, at most 5 minutes. */
    public Shell.Result run(String... args) {
        return run(Duration.ofMinutes(5), args);
    }

    public Shell.Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Shell.run(command, environment(), timeout);
    }

    /** Its stdout; fails when the command does. */
    public String out(String... args) {
        Shell.Result result = run(args);
        if (!result.ok()) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed (exit " + result.exit() + ")");
        }
        return result.out();
    }

    /** Its stdout lines, none when the command failed (a task gone meanwhile, a node down). */
    public List<String> lines(String... args) {
        Shell.Result result = run(args);
        return result.ok() ? result.lines() : List.of();
    }

    /** The environment a command needs to reach this engine. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DOCKER_HOST", host == null || host.isEmpty() ? null : host);
        return env;
    }

    /**
     * The running containers of the tasks of a stack's services on this engine, in one listing (a
     * docker command costs this machine about 50 ms of CPU; label filters can only narrow, never add).
     */
    public List<String> taskContainers(String stack, String... services) {
        Set<String> wanted = Arrays.stream(services).map(service -> stack + "_" + service).collect(Collectors.toSet());
        return lines("ps", "--filter", "label=com.docker.stack.namespace=" + stack,
                "--format", "{{.ID}} {{.Label \"com.docker.swarm.service.name\"}}").stream()
                .map(line -> line.split(" ", 2))
                .filter(task -> task.length == 2 && wanted.contains(task[1]))
                .map(task -> task[0])
                .toList();
    }
}
