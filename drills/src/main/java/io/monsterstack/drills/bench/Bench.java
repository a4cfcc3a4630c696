package io.monsterstack.drills.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.monsterstack.drills.start.ProcCpu;
import io.monsterstack.drills.start.SwarmStackFile;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;

/**
 * {@code bench.sh}: the two services as processes (the jars the images run, with the images' JVM,
 * options and AOT cache) against nginx serving the same PNG as a static file, measured in the same
 * run with wrk; the raw results and facts go to --out, then the report (Results).
 */
public final class Bench {

    private static final Map<String, String> NO_WARM_UP = Map.of("WARM_UP_REQUESTS", "0");
    private static final String DEFAULT_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    /** A build measured: ours, or the --baseline's services beside them ("@baseline" in their names). */
    private record Build(String name, String suffix, int frontendPort, int backendPort) {
    }

    private final BenchOptions options;
    private final Path repo;
    private final Path work;
    private final Results results;
    private final ProcCpu proc;
    private final SwarmStackFile stackFile;
    private final LocalStack stack;
    private final Wrk wrk;
    private final AotTraining training;
    private final List<Build> builds = new ArrayList<>();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final long runId = System.currentTimeMillis() / 1000;
    private int nginxPort;
    private String hitPath;

    private Bench(BenchOptions options, Path repo, Path work, ProcCpu proc, String java, AotTraining training) throws IOException {
        this.options = options;
        this.repo = repo;
        this.work = work;
        this.results = new Results(options.out());
        this.proc = proc;
        Path file = repo.resolve("stack/docker-compose.swarm.yml");
        this.stackFile = SwarmStackFile.parse(file.toString(), Files.readString(file));
        this.stack = new LocalStack(work, java, proc);
        this.wrk = Wrk.of(repo);
        this.training = training;
    }

    /** From the command line: 0 when it measured and reported (whatever the verdicts), 1 after a one-line error. */
    public static int command(List<String> args, Path repo) {
        if (args.contains("-h") || args.contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, repo);
        } catch (IllegalArgumentException badUsage) {
            System.err.println("bench: error: " + badUsage.getMessage() + " (bench.sh --help)");
            return 1;
        }
        try {
            ProcCpu proc = ProcCpu.thisMachine();
            if (!options.reportOnly()) {
                measure(options, repo, proc);
            }
            new Results(options.out()).report(proc.cores(), machine(proc));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | DrillFailure | UncheckedIOException | IOException failure) {
            System.err.println("bench: error: " + failure.getMessage());
            return 1;
        }
    }

    private static void measure(BenchOptions options, Path repo, ProcCpu proc) throws IOException {
        String java = System.getenv().getOrDefault("SERVICE_JAVA", DEFAULT_JAVA);
        if (!Files.isExecutable(Path.of(java))) {
            throw new IllegalStateException("no JDK 25 java at " + java + " (install Temurin 25, or set SERVICE_JAVA)");
        }
        AotTraining training = AotTraining.from(System.getenv());
        Files.createDirectories(options.out());
        Path work = Files.createTempDirectory("bench");
        Bench bench = new Bench(options, repo, work, proc, java, training);
        // On Ctrl-C too: every process stopped, the work directory (AOT caches, Redis's password) removed.
        Runtime.getRuntime().addShutdownHook(new Thread(bench::cleanUp));
        try {
            bench.run();
        } finally {
            bench.cleanUp();
        }
    }

    private void run() throws IOException {
        Files.deleteIfExists(results.facts());
        Files.deleteIfExists(results.runs());
        stack.startRedis(stackFile);
        Build ours = new Build("ours", "", ServiceProcess.freePort(), ServiceProcess.freePort());
        builds.add(ours);
        stack.backendPort(ours.backendPort());

        step("start-up: process start to /q/health/ready (the image's JDK, JVM options and AOT cache)");
        measureStart("imagebackend", ours.backendPort());
        measureStart("frontend", ours.frontendPort());

        startNginx(ours);
        options.baseline().ifPresent(this::startBaseline);

        // One untimed pass first: the JIT compiles each path only once it runs hot, the cold path (REST client, Redis writes) last of all.
        step("JIT warm-up pass (not reported)");
        measureAll(32, "warmup", work.resolve("warmup.tsv"), false);
        for (int connections : options.connections()) {
            step("load at " + connections + " connections (" + options.durationS() + "s each after " + options.warmupS() + "s warm-up)");
            measureAll(connections, "measured", results.runs(), true);
        }
        for (String service : List.of("imagebackend", "frontend")) {
            fact(service, "peak_rss_mb", Long.toString(stack.service(service).process().memoryMb("VmHWM")));
            fact(service, "memory_limit_mb", Integer.toString(stackFile.limits(service).memoryMb()));
        }
    }

    /**
     * The image's AOT cache trained, then 5 starts as the bench's "ready" (without the self warm-up:
     * ready is "answers"; wrk warms the JIT later), and one as a container of the stack starts (the
     * image's self warm-up, which readiness waits for, and the one CPU a cpus limit below 1 shows the
     * JVM); the service is left running, from its cache.
     */
    private void measureStart(String service, int port) throws IOException {
        Path cache = work.resolve(service + ".aot");
        List<String> trainingOptions = new ArrayList<>(training.cacheOptions());
        trainingOptions.addAll(training.trainingOptions());
        trainingOptions.add("-XX:AOTCacheOutput=" + cache);
        stack.start(service, repo, port, training.env(), trainingOptions, true);
        stack.stop(service);  // the JVM writes the cache as it exits
        List<String> fromCache = new ArrayList<>(training.cacheOptions());
        fromCache.add("-XX:AOTCache=" + cache);
        List<String> readyMs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readyMs.add(Long.toString(timedStart(service, port, "ready", NO_WARM_UP, fromCache)));
            stack.stop(service);
        }
        List<String> oneCpu = new ArrayList<>(fromCache);
        oneCpu.add("-XX:ActiveProcessorCount=1");
        timedStart(service, port, "healthy", Map.of(), oneCpu);
        stack.stop(service);
        fact(service, ServiceFigures.CPU_LIMIT, stackFile.limits(service).cpus());
        stack.start(service, repo, port, NO_WARM_UP, fromCache, true);
        long median = Math.round(ServiceFigures.median(readyMs.stream().map(Double::valueOf).toList()));
        System.out.printf("%s ready in %d ms (median of 5: %s)%n", service, median, String.join(" ", readyMs));
    }

    /** Starts the service and records, as PREFIX_..., its time to ready, its CPU by then (by thread too), the JVM's creation and Quarkus's "started in"; the ms to ready. */
    private long timedStart(String service, int port, String prefix, Map<String, String> env, List<String> jvmOptions) throws IOException {
        Path log = work.resolve(service + "-startuptime.log");
        Files.deleteIfExists(log);
        List<String> logged = new ArrayList<>(jvmOptions);
        logged.add("-Xlog:startuptime:file=" + log);
        LocalStack.Service started = stack.start(service, repo, port, env, logged, true);
        fact(service, prefix + "_ms", Long.toString(started.readyMs()));
        fact(service, prefix + "_cpu_ms", Long.toString(started.readyCpuMs()));
        for (Map.Entry<String, Long> group : proc.threadGroups(started.pid()).byName().entrySet()) {
            fact(service, prefix + "_threads." + group.getKey(), Long.toString(group.getValue()));
        }
        fact(service, prefix + "_jvm_created_ms", StartupLogs.jvmCreatedMs(Files.exists(log) ? Files.readString(log) : ""));
        fact(service, prefix + "_quarkus_started_ms", StartupLogs.quarkusStartedMs(started.process().log()));
        return started.readyMs();
    }

    /** The static ceiling: nginx serving the very PNG the frontend serves for the hit path. */
    private void startNginx(Build ours) throws IOException {
        hitPath = "/monster/" + sha256("UNIQUE_SALTBench Hit");
        Path stat = Files.createDirectories(work.resolve("static"));
        Files.write(stat.resolve("monster.png"), png(ours.frontendPort(), "the frontend"));
        // nginx's workers run as an unprivileged user: they must reach the file.
        for (Path dir : List.of(work, stat)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        nginxPort = stack.startNginx(stat);
        RawHttp.await(URI.create("http://127.0.0.1:" + nginxPort + "/monster.png"), 200, Duration.ofSeconds(10));
    }

    /** The hit path's PNG as a frontend serves it. */
    private byte[] png(int port, String whose) {
        RawHttp.Answer answer = RawHttp.get(port, hitPath, Duration.ofSeconds(10));
        if (answer.status() != 200) {
            throw new IllegalStateException(whose + " did not serve " + hitPath + " (" + answer + ")");
        }
        return answer.body().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The baseline's services beside ours, on the same Redis, started as the "ready" starts (no self
     * warm-up: the JIT warm-up pass serves both), with their own images' JVM options and no AOT cache.
     */
    private void startBaseline(Path checkout) {
        try {
            for (String module : List.of("imagebackend", "frontend")) {
                if (!Files.isRegularFile(checkout.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                    throw new IllegalStateException("no " + module + " jar in " + checkout + ": build it first (cd " + checkout
                            + " && ./mvnw -B package -DskipTests)");
                }
            }
            step("the baseline's services, from " + checkout + " (" + Shell.run("git", "-C", checkout.toString(), "log", "-1",
                    "--format=%h, %cs").out() + ")");
            Build baseline = new Build("baseline", "@baseline", ServiceProcess.freePort(), ServiceProcess.freePort());
            // A build from before the management interface answers readiness on the application port.
            boolean management = Files.readAllLines(checkout.resolve("frontend/src/main/resources/application.properties"))
                    .contains("quarkus.management.enabled=true");
            Map<String, String> env = Map.of("WARM_UP_REQUESTS", "0", "IMAGEBACKEND_PORT", Integer.toString(baseline.backendPort()));
            stack.start("imagebackend@baseline", checkout, baseline.backendPort(), env, training.cacheOptions(), management);
            stack.start("frontend@baseline", checkout, baseline.frontendPort(), env, training.cacheOptions(), management);
            png(baseline.frontendPort(), "the baseline");
            builds.add(baseline);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scenario at {@code connections}: nginx, then each path on each build, ours first. */
    private void measureAll(int connections, String round, Path file, boolean print) throws IOException {
        measure("nginx", connections, "http://127.0.0.1:" + nginxPort + "/monster.png", Map.of(), file, print);
        for (Build build : builds) {
            measure("hit" + build.suffix(), connections, frontend(build) + hitPath, Map.of(), file, print);
        }
        for (Build build : builds) {
            measure("cold" + build.suffix(), connections, frontend(build) + "/",
                    Map.of("BENCH_UNIQUE_PREFIX", "/monster/cold-" + build.name() + "-" + runId + "-" + round + "-c" + connections + "-"), file, print);
        }
        for (Build build : builds) {
            measure("page" + build.suffix(), connections, frontend(build) + "/", Map.of(), file, print);
        }
        for (Build build : builds) {
            measure("post" + build.suffix(), connections, frontend(build) + "/", Map.of("BENCH_METHOD", "POST",
                    "BENCH_BODY", "name=Bench+Visitor", "BENCH_CONTENT_TYPE", "application/x-www-form-urlencoded"), file, print);
        }
        for (Build build : builds) {
            measure("backend" + build.suffix(), connections, "http://127.0.0.1:" + build.backendPort() + "/",
                    Map.of("BENCH_UNIQUE_PREFIX", "/monster/direct-" + build.name() + "-" + runId + "-" + round + "-c" + connections + "-",
                            "BENCH_UNIQUE_SUFFIX", "?size=100"), file, print);
        }
    }

    private static String frontend(Build build) {
        return "http://127.0.0.1:" + build.frontendPort();
    }

    /** wrk's warm-up, then its measured run between two CPU snapshots, appended to {@code file} as a runs.tsv line. */
    private void measure(String scenario, int connections, String url, Map<String, String> variables, Path file, boolean print)
            throws IOException {
        if (options.warmupS() > 0) {
            wrk.run(url, connections, options.warmupS(), variables);
        }
        CpuSnapshot before = stack.snapshot();
        WrkResult result = wrk.run(url, connections, options.durationS(), variables)
                .orElseThrow(() -> new IllegalStateException("wrk produced no result for " + scenario));
        CpuSnapshot after = stack.snapshot();
        RawRun run = new RawRun(scenario, connections, result, before, after, result.cpuTicks() * 1000 / proc.ticksPerSecond());
        Files.writeString(file, run.line() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (print) {
            System.out.printf("  %-16s c=%-3d %s%n", scenario, connections, result.json());
        }
    }

    /** A line of facts.tsv: "service TAB key TAB value"; a key given again is a sample more. */
    private void fact(String service, String key, String value) throws IOException {
        Files.writeString(results.facts(), service + "\t" + key + "\t" + value + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Once: at the end, or when the JVM is stopped first. */
    private void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        stack.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("bench: note: " + work + " not removed: " + e.getMessage());
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Linux x86_64, 8 cores, load average 1.2 at the end". */
    private static String machine(ProcCpu proc) throws IOException {
        return Shell.run("uname", "-sm").out() + ", " + proc.cores() + " cores, load average "
                + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " at the end";
    }

    private static void step(String title) {
        System.out.printf("%n==> %s  %s%n", LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")), title);
    }
}
