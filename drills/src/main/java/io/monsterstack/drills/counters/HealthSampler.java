package io.monsterstack.drills.counters;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Stack;

/**
 * What the healthchecks saw, the worst cases that size them: every 30 s and at the end, the
 * healthcheck results Docker keeps for each frontend and image backend task on every engine (the
 * last five: 50 s at the stack's 10 s interval; each sample costs the engine two docker commands),
 * and at the end the event loops' blocked-thread warnings (Vert.x warns past 2 s) in the services' logs.
 */
public final class HealthSampler {

    private static final String FORMAT = "{{$c := .Name}}{{$s := .State.StartedAt}}{{if .State.Health}}{{range .State.Health.Log}}"
            + "{{$c}} {{.Start.UnixMilli}} {{.End.UnixMilli}} {{.ExitCode}} {{$s}}{{\"\\n\"}}{{end}}{{end}}";
    private static final Pattern BLOCKED = Pattern.compile("has been blocked for ([0-9]+) ms");

    private final Stack stack;
    private final List<Docker> engines;
    private final Set<String> checks = ConcurrentHashMap.newKeySet();
    private Instant started;
    private Every sampler;

    public HealthSampler(Stack stack, List<Docker> engines) {
        this.stack = stack;
        this.engines = engines;
    }

    public void start() {
        started = Instant.now();
        sampler = new Every("healthchecks", Duration.ofSeconds(30), this::sample);
    }

    public HealthFigures stop() {
        sampler.stop();
        sample();
        List<Long> stalls = new ArrayList<>();
        for (String service : List.of("frontend", "imagebackend")) {
            // Bounded: "docker service logs" was seen to hang after a task's container was gone.
            String logs = stack.docker().run(Duration.ofSeconds(20), "service", "logs", "--since", started.toString(),
                    stack.service(service)).out();
            Matcher blocked = BLOCKED.matcher(logs);
            while (blocked.find()) {
                stalls.add(Long.parseLong(blocked.group(1)));
            }
        }
        HealthFigures figures = HealthFigures.of(List.copyOf(checks), started.toEpochMilli(), stalls);
        System.out.println("    " + figures.line());
        return figures;
    }

    public void abort() {
        if (sampler != null) {
            sampler.stop();
        }
    }

    private void sample() {
        for (Docker engine : engines) {
            List<String> containers = engine.taskContainers(stack.name(), "frontend", "imagebackend");
            if (containers.isEmpty()) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of("inspect", "--format", FORMAT));
            args.addAll(containers);
            checks.addAll(engine.run(args.toArray(String[]::new)).lines());  // a task gone meanwhile: the others'
        }
    }
}
