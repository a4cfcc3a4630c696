package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;
import static io.monsterstack.drills.Report.step;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.step.StepFigures;
import io.monsterstack.drills.step.Verdict.Kind;
import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Wait;
import io.monsterstack.testsupport.ParallelRequests;
import io.monsterstack.testsupport.RawHttp;

/**
 * The unplanned faults against a deployed stack, each measured and reported, not judged: a Redis
 * task killed, a frontend task SIGKILLed, the image backend scaled to 0 and back; then a burst of
 * never-seen monsters that must all be 200 and OOM-kill no container.
 */
final class FaultDrill implements Drill {

    private final DrillRun run;
    private final Stack stack;

    FaultDrill(DrillRun run) {
        this.run = run;
        this.stack = run.rig.stack();
    }

    static Drill create(List<String> options) {
        Drills.only(options, List.of(), List.of());
        DrillRun run = DrillRun.onThisEngine(Settings.fromEnvironment("monsterstack", Duration.ofSeconds(2)));
        return new FaultDrill(run);
    }

    @Override
    public void run() throws Exception {
        URI url = stack.url();
        Docker docker = stack.docker();
        String monster = stack.monsterPath(url).orElseThrow(() -> new IllegalStateException("no monster image on the page at " + url));

        step("9. Redis task killed under load (unplanned)");
        // The page and the cached monster must both stay 200 while Redis is gone.
        StepFigures redis = run.measure("Redis task killed", Kind.UNPLANNED, run.rig.step(List.of(url + "/", url + monster), List.of(url)), () -> {
            String killed = stack.taskContainers("redis").get(0);
            long at = System.nanoTime();
            docker.out("kill", killed);
            info("killed Redis container " + killed);
            Wait.until(Duration.ofSeconds(120), "Swarm to restart Redis", () -> stack.taskContainers("redis").stream()
                    .anyMatch(now -> !now.equals(killed) && docker.run("inspect", "--format", "{{.State.Health.Status}}", now).out().equals("healthy")));
            info("new Redis task healthy " + secondsSince(at) + "s after the kill");
            Wait.until(Duration.ofSeconds(60), "the visit counter to come back", () -> stack.visits(url).isPresent());
            info("visit counter back " + secondsSince(at) + "s after the kill: " + stack.visits(url).orElse(0L));
        });
        check(redis.curl().titles().stream().anyMatch(title -> title.title().endsWith("[counter disabled]")),
                "the page never said the counter was disabled");
        check(redis.curl().failed() == 0, "the curl loop saw pages or the cached monster fail while Redis was down");
        pass("page and cached monster stayed 200 for the curl loop, counter disabled meanwhile, all back after the restart");

        step("10. a frontend task killed with SIGKILL under load (unplanned)");
        StepFigures sigkill = run.measure("frontend task killed (SIGKILL)", Kind.UNPLANNED, run.rig.step("sigkill"), () -> {
            List<String> before = stack.taskContainers("frontend");
            long at = System.nanoTime();
            docker.out("kill", "--signal", "KILL", before.get(0));
            info("killed frontend container " + before.get(0));
            Wait.until(Duration.ofSeconds(60), "Swarm to start a task in its place",
                    () -> stack.taskContainers("frontend").stream().anyMatch(container -> !before.contains(container)));
            stack.awaitConverged(Duration.ofSeconds(120));
            info("3 healthy frontends again " + secondsSince(at) + "s after the kill");
        });
        if (sigkill.failed() > 0) {
            Report.note("target missed: " + sigkill.failed() + " request(s) failed around a single SIGKILLed frontend"
                    + " (the edge retries GETs, never a POST it sent)");
        }
        pass("frontend task killed: " + sigkill.failed() + " failed, " + sigkill.retried() + " retried");

        step("11. image backend scaled to 0 (unplanned: all backends gone)");
        run.measure("image backend scaled to 0 and back", Kind.UNPLANNED,
                run.rig.step(List.of(url + "/", url + monster, url + "/monster/gone-{n}"), List.of(url)), () -> {
                    run.verbs.run("scale.sh", "imagebackend=0");
                    URI fresh = url.resolve("/monster/never-seen-" + System.nanoTime());
                    Wait.until(Duration.ofSeconds(30), "a new monster to be 503", () -> stack.status(fresh) == 503);
                    RawHttp.Answer answer = stack.get(fresh);
                    info("new monster without backend: " + answer.text().lines().findFirst().orElse(""));
                    check(answer.text().toLowerCase().contains("\nretry-after:"), "the 503 has no Retry-After");
                    check(stack.status(url.resolve(monster)) == 200, "cached monster is not 200 without backend");
                    pass("cached monster 200, new monster 503 with Retry-After");
                    run.verbs.run("scale.sh", "imagebackend=2");
                    Wait.until(Duration.ofSeconds(60), "new monsters to come back",
                            () -> stack.status(url.resolve("/monster/new-" + System.nanoTime())) == 200);
                });
        pass("new monsters 200 again after scaling back");
        burst();
    }

    private void burst() throws InterruptedException {
        URI url = stack.url();
        Docker docker = stack.docker();
        step("12. load burst: no task OOM-killed, memory within the limits");
        // 3000 never-seen monsters, 16 at a time: frontend, backend and Redis all busy. A closed loop,
        // not the load's fixed rate: the burst goes as fast as the stack answers.
        long at = System.nanoTime();
        String prefix = "/monster/burst-" + ProcessHandle.current().pid() + "-";
        Map<Integer, Integer> statuses = ParallelRequests.send(16, 3000, Duration.ofMinutes(5),
                n -> HttpRequest.newBuilder(url.resolve(prefix + n)));
        info("3000 new monsters in " + secondsSince(at) + "s: " + statuses);
        check(statuses.keySet().equals(java.util.Set.of(200)), "some burst requests were not 200: " + statuses);
        List<String> containers = docker.lines("ps", "-aq", "--filter", "label=com.docker.stack.namespace=" + stack.name());
        docker.lines(concat(List.of("stats", "--no-stream", "--format", "{{.Name}} {{.MemUsage}} ({{.MemPerc}})"),
                docker.lines("ps", "-q", "--filter", "label=com.docker.stack.namespace=" + stack.name()))).forEach(Report::info);
        long oom = docker.lines(concat(List.of("inspect", "--format", "{{.Name}} {{.State.OOMKilled}}"), containers)).stream()
                .filter(line -> line.endsWith(" true")).count();
        check(oom == 0, oom + " container(s) of the stack were OOM-killed");
        pass("no container of the stack was ever OOM-killed");
    }

    private static String[] concat(List<String> args, List<String> more) {
        return java.util.stream.Stream.concat(args.stream(), more.stream()).toArray(String[]::new);
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }

    @Override
    public boolean teardown(boolean failed) {
        run.abort();
        run.printTable("measured faults");
        return true;
    }
}
