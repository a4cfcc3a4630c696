package io.monsterstack.drills.start;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.monsterstack.drills.swarm.Docker;

/**
 * A Docker network of the measurement's own, with a Redis on it (alias redis) as in the stack, for
 * containers run outside a swarm. The Redis has no password, so it runs without protected mode,
 * which would answer every command from another container DENIED: a frontend timed against it
 * would run its Redis-down paths. Every container labelled with it goes with it on close, and when
 * the JVM is stopped meanwhile (Ctrl-C): nothing is left behind.
 */
public final class ScratchNetwork implements AutoCloseable {

    private final Docker docker;
    private final String name;
    private final String label;
    private final AtomicBoolean removed = new AtomicBoolean();
    private final Thread removal = new Thread(this::remove);

    private ScratchNetwork(Docker docker, String suffix) {
        this.docker = docker;
        this.name = "monsterstack-scratch-" + suffix;
        this.label = "io.monsterstack.scratch=" + suffix;
    }

    /** Creates the network and starts {@code redisImage} on it, pulled first when the engine lacks it. */
    public static ScratchNetwork start(Docker docker, String redisImage) {
        ScratchNetwork network = new ScratchNetwork(docker, Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(network.removal);
        try {
            docker.out("network", "create", "--label", network.label, network.name);
            if (!docker.run("image", "inspect", redisImage).ok()) {
                docker.out("pull", "-q", redisImage);
            }
            network.run("--network-alias", "redis", redisImage, "redis-server", "--save", "", "--appendonly", "no", "--protected-mode", "no");
            return network;
        } catch (RuntimeException failed) {
            network.close();
            throw failed;
        }
    }

    /** {@code docker run -d} on this network, labelled as its own, with these options, image and command; the container's id. */
    public String run(String... optionsImageCommand) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--network", name, "--label", label));
        args.addAll(List.of(optionsImageCommand));
        return docker.out(args.toArray(String[]::new));
    }

    /** The container's address on this network. */
    public String ip(String container) {
        return docker.out("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + name + "\").IPAddress}}", container);
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(removal);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run, already
        }
    }

    private void remove() {
        if (removed.compareAndSet(false, true)) {
            List<String> containers = docker.lines("ps", "-aq", "--filter", "label=" + label);
            if (!containers.isEmpty()) {
                List<String> rm = new ArrayList<>(List.of("rm", "-f"));
                rm.addAll(containers);
                docker.run(rm.toArray(String[]::new));
            }
            docker.run("network", "rm", name);
        }
    }
}
