package io.monsterstack.drills.step;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.monsterstack.drills.clients.CurlLoop;
import io.monsterstack.drills.clients.CurlReport;
import io.monsterstack.drills.clients.IndependentClient;
import io.monsterstack.drills.clients.IndependentFigures;
import io.monsterstack.drills.clients.Load;
import io.monsterstack.drills.clients.LoadFigures;
import io.monsterstack.drills.counters.EdgeCount;
import io.monsterstack.drills.counters.EdgeCounters;
import io.monsterstack.drills.counters.FrontendRetries;
import io.monsterstack.drills.counters.HealthFigures;
import io.monsterstack.drills.counters.HealthSampler;
import io.monsterstack.drills.counters.ServerCount;
import io.monsterstack.drills.counters.ServerFigures;
import io.monsterstack.drills.swarm.Stack;

/**
 * One operation under watch: the curl loop, the load and the independent client, with the edge's
 * and the frontends' retries, the healthchecks and, with Prometheus, the servers' own count, all
 * started together before the operation ({@link #start()}) and stopped together after it
 * ({@link #stop()}).
 */
public final class MeasuredStep {

    private final Stack stack;
    private final CurlLoop curl;
    private final Load load;
    private final IndependentClient independent;
    private final EdgeCounters edges;
    private final FrontendRetries frontendRetries;
    private final HealthSampler health;
    private final ServerCount servers;
    private Map<String, EdgeCount> edgesBefore;
    private boolean serversCount;
    private Instant started;

    MeasuredStep(Rig rig, List<String> curlUrls, List<URI> loadBases) {
        stack = rig.stack();
        curl = new CurlLoop(curlUrls);
        load = new Load(rig.loadRate(), loadBases, rig.live() ? second -> System.out.println("    " + second.line()) : null);
        independent = new IndependentClient(rig.stack());
        edges = new EdgeCounters(rig.stack(), rig.engines());
        frontendRetries = new FrontendRetries(rig.stack(), rig.engines());
        health = new HealthSampler(rig.stack(), rig.engines());
        servers = new ServerCount(rig.prometheus());
    }

    public void start() {
        started = Instant.now();
        edgesBefore = edges.read();
        serversCount = servers.up();
        if (serversCount) {
            servers.start();
        } else {
            frontendRetries.start();
        }
        health.start();
        independent.start();
        load.start();
        curl.start();
    }

    /** Stops every client and counter, prints what each saw, and returns it all. */
    public StepFigures stop() throws InterruptedException {
        CurlReport curlReport = curl.stop();
        LoadFigures loadFigures = load.stop();
        IndependentFigures independentFigures = independent.stop();
        Optional<EdgeCount> edge = EdgeCounters.delta(edgesBefore, edges.read());
        System.out.println("    " + edge.map(e -> String.format("edge: %d retried, %d redispatched, %d connection/response errors"
                + " towards tasks, %d 5xx answers to clients", e.retries(), e.redispatches(), e.errorsTowardsTasks(), e.client5xx()))
                .orElse("edge: none (routing mesh)"));
        if (edge.isPresent() && edge.get().retries() > 0) {
            printEdgeLog();
        }
        long retries = serversCount ? 0 : frontendRetries.stop();
        HealthFigures healthFigures = health.stop();
        Optional<ServerFigures> serverFigures = serversCount ? Optional.of(servers.stop()) : Optional.empty();
        if (serverFigures.isPresent()) {
            retries = serverFigures.get().retries();
        }
        System.out.println("    curl loop:");
        curlReport.lines().forEach(line -> System.out.println("    " + line));
        System.out.println("    " + loadFigures.line());
        System.out.printf("    independent client (frontend:5000 on the stack network, no edge, no retries): %d requests, %d failed,"
                + " p99 %d ms, longest gap %d ms%n", independentFigures.requests(), independentFigures.failed(),
                independentFigures.p99Ms(), independentFigures.gapMs());
        return new StepFigures(loadFigures, curlReport, independentFigures, edge, retries, serverFigures, healthFigures);
    }

    /** The edge's log of the step: only what went wrong is logged (the retried requests with their task, the tasks' state changes). */
    private void printEdgeLog() {
        stack.docker().run(Duration.ofSeconds(20), "service", "logs", "--since", started.toString(), stack.service("edge")).lines()
                .stream().limit(40).forEach(line -> System.out.println("    edge log: " + line));
    }

    /** Stops whatever runs, without figures: a drill that stops half-way. */
    public void abort() {
        independent.abort();
        frontendRetries.abort();
        health.abort();
        try {
            curl.stop();
            load.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
