package io.monsterstack.drills.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The containers of a stack service's tasks on this engine. */
    public List<String> taskContainers(String stack, String service) {
        return lines("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + stack + "_" + service);
    }
}
