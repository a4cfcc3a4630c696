package io.monsterstack.drills.start;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Wait;
import io.monsterstack.testsupport.RawHttp;

/**
 * One timed start of an app image on the scratch network: from "docker run" to the first answer of
 * the URL its healthcheck probes and to its first 200, asked every 50 ms, then where the CPU went.
 * The engine must run on this machine's kernel: the figures come from its /proc and cgroups.
 */
public record ContainerStart(Docker docker, ScratchNetwork network, ProcCpu proc, ContainerCpu cgroups) {

    private static final Duration EVERY = Duration.ofMillis(50);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Starts {@code image} with the docker run options, waits until http://IP:PORT/PATH answers 200, then removes it. */
    public StartSample measure(String image, int port, String path, List<String> runOptions) throws IOException {
        long started = System.nanoTime();
        long busy = proc.machineBusyMs();
        List<String> args = new ArrayList<>(runOptions);
        args.add(image);
        String container = network.run(args.toArray(String[]::new));
        try {
            // The entrypoint execs the JVM: the container's first process is the JVM's, all along.
            long pid = Long.parseLong(docker.out("inspect", "--format", "{{.State.Pid}}", container));
            URI url = URI.create("http://" + network.ip(container) + ":" + port + path);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long listening = -1;
            int status;
            while ((status = RawHttp.get(url, Duration.ofSeconds(1)).status()) != 200) {
                if (System.nanoTime() > deadline) {
                    throw new DrillFailure(image + " not healthy after " + PATIENCE.toSeconds() + "s");
                }
                if (listening < 0 && status != 0) {
                    listening = msSince(started);
                }
                Wait.pause(EVERY);
            }
            long healthy = msSince(started);
            long cpu = cgroups.ms(container).orElseThrow(() -> new DrillFailure("no cgroup CPU account of container " + container
                    + " under " + cgroups.root() + " (cgroup v1 cpuacct or v2 cpu.stat): the engine must run on this machine's kernel"));
            ThreadGroups threads = proc.threadGroups(pid);
            return new StartSample(listening < 0 ? healthy : listening, healthy, cpu, threads, proc.machineBusyMs() - busy);
        } finally {
            docker.run("rm", "-f", container);
        }
    }

    private static long msSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
