package io.monsterstack.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.start.ContainerCpu;
import io.monsterstack.drills.start.ContainerStart;
import io.monsterstack.drills.start.ProcCpu;
import io.monsterstack.drills.start.ScratchNetwork;
import io.monsterstack.drills.start.StartFigures;
import io.monsterstack.drills.start.StartOptions;
import io.monsterstack.drills.start.StartSample;
import io.monsterstack.drills.start.SwarmStackFile;
import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Wait;
import io.monsterstack.testsupport.RawHttp;

/**
 * {@code drill.sh measure-start}: the app images' container start under the stack file's limits,
 * median of a few runs each. No swarm needed: the frontend starts beside a Redis and an image
 * backend (healthy before the first start, since its warm-up calls it), as in the stack, on a
 * scratch network. The single-node drill runs it after building the images.
 */
final class MeasureStart {

    static final String USAGE = """
            usage: drill.sh measure-start [--runs N] [--tag TAG] [--only SERVICE] [--env KEY=VALUE]... [--cpus N] [--compare-aot]
               ie: drill.sh measure-start                 # both app images as deployed (AOT cache), 3 runs each
                   drill.sh measure-start --runs 1        # one run each
                   drill.sh measure-start --compare-aot   # also without the AOT cache (-XX:AOTMode=off)
                   drill.sh measure-start --only frontend --env WARM_UP_REQUESTS=500   # one service, a variable changed
                   drill.sh measure-start --only frontend --cpus 2 --env JAVA_TOOL_OPTIONS=-XX:ActiveProcessorCount=1
                                                          # the quota's share: more CPU, the same JVM ergonomics

            Measures container start for the app images: from "docker run" (with the stack's CPU and memory
            limits) to the first answer of the URL its healthcheck probes (listening: 503 while the replica
            warms itself up) and to its first 200 (healthy: warmed up, what Swarm waits for before it sends
            traffic), polled every 50 ms, and the CPU time the container used until then (its cgroup's), and
            where it went: the JVM's threads by what they do (event loops, JIT, GC and VM, main, the rest)
            and, outside the JVM, the entrypoint's unpacking of the AOT cache; and the rest of the machine's
            busy CPU meanwhile. The frontend starts beside a Redis and an image backend (healthy before the
            first start), as in the stack, on a scratch network; no swarm needed, but the engine must run on
            this machine's kernel (its /proc and cgroups are read). --env sets a variable in the measured
            containers only, --cpus their CPU limit instead of the stack's; --tag the images' tag (default:
            the stack's, TAG for the frontend, IMAGEBACKEND_TAG for the image backend).
            """;

    // The port and path each image's healthcheck probes (stack/docker-compose.swarm.yml).
    private static final int FRONTEND_PORT = 5000;
    private static final int BACKEND_PORT = 8080;
    private static final String HEALTH = "/healthz";

    private final Docker docker;
    private final SwarmStackFile stackFile;
    private final StartOptions options;

    private MeasureStart(Docker docker, SwarmStackFile stackFile, StartOptions options) {
        this.docker = docker;
        this.stackFile = stackFile;
        this.options = options;
    }

    /** From the command line: 0 when measured, 1 (after a one-line error) when not. */
    static int command(List<String> args) {
        if (args.contains("-h") || args.contains("--help")) {
            System.out.print(USAGE);
            return 0;
        }
        try {
            StartOptions options = StartOptions.parse(args);
            run(Settings.fromEnvironment("monsterstack", Duration.ZERO).repo(), Docker.local(), options);
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | DrillFailure | UncheckedIOException failure) {
            System.err.println("drill: error: " + failure.getMessage());
            return 1;
        }
    }

    /** Measures as the options say, with the stack file of {@code repo}; a failure throws. */
    static void run(Path repo, Docker docker, StartOptions options) {
        // As "docker stack deploy" would read it here: the images' variables (TAG, DOCKER_USER...) substituted.
        String file = repo.resolve("stack/docker-compose.swarm.yml").toString();
        SwarmStackFile stackFile = SwarmStackFile.parse(file, docker.out("stack", "config", "-c", file));
        try {
            new MeasureStart(docker, stackFile, options).measureAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void measureAll() throws IOException {
        SwarmStackFile.Limits backendLimits = stackFile.limits("imagebackend");
        try (ScratchNetwork network = ScratchNetwork.start(docker, stackFile.image("redis"))) {
            String backend = network.run("--network-alias", "imagebackend", "--cpus", backendLimits.cpus(),
                    "--memory", backendLimits.memoryMb() + "m", image("imagebackend"));
            URI backendHealth = URI.create("http://" + network.ip(backend) + ":" + BACKEND_PORT + HEALTH);
            Wait.until(Duration.ofSeconds(120), "the image backend to be healthy",
                    () -> RawHttp.get(backendHealth, Duration.ofSeconds(2)).status() == 200);

            Report.step("container start -> healthy (" + options.runs() + " runs each)");
            ContainerStart start = new ContainerStart(docker, network, ProcCpu.thisMachine(), ContainerCpu.thisMachine());
            for (String service : options.services()) {
                measure(start, service, service.equals("frontend") ? FRONTEND_PORT : BACKEND_PORT);
            }
        }
    }

    /** One service: two lines a variant, medians of the runs, under the stack's limits (or --cpus). */
    private void measure(ContainerStart start, String service, int port) throws IOException {
        SwarmStackFile.Limits limits = stackFile.limits(service);
        String cpus = options.cpus().orElse(limits.cpus());
        for (String variant : options.variants()) {
            List<String> runOptions = new ArrayList<>(List.of("--cpus", cpus, "--memory", limits.memoryMb() + "m"));
            options.env().forEach(variable -> runOptions.addAll(List.of("-e", variable)));
            if (!variant.equals("AOT")) {
                runOptions.addAll(List.of("-e", "JAVA_TOOL_OPTIONS=-XX:AOTMode=off"));  // after --env's: it wins
            }
            List<StartSample> samples = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                samples.add(start.measure(image(service), port, HEALTH, runOptions));
            }
            StartFigures.lines(service, variant, cpus, limits.memoryMb(), samples).forEach(Report::info);
        }
    }

    /** The service's image as the stack deploys it, at --tag when given. */
    private String image(String service) {
        String deployed = stackFile.image(service);
        return options.tag().map(tag -> deployed.substring(0, deployed.lastIndexOf(':') + 1) + tag).orElse(deployed);
    }
}
