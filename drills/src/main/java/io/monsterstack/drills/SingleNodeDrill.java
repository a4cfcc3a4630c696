package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;
import static io.monsterstack.drills.Report.step;

import java.time.Duration;
import java.util.List;

import io.monsterstack.drills.start.StartOptions;
import io.monsterstack.drills.step.StepFigures;
import io.monsterstack.drills.step.Verdict.Kind;
import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Verbs;
import io.monsterstack.drills.swarm.Wait;

/**
 * The README's Swarm walkthrough as the README writes it, in its order, with nothing warmed up or
 * built beforehand: engine and swarm, images, secret, deploy with monitoring, then at once three
 * rolling updates of the frontend, the image backend's, scaling 3 -> 6 -> 3, the rollback drill
 * and the password rotation, each measured and judged; then the functional checks, the faults,
 * the stack's speed, a plain "docker stack deploy" that keeps the visit counter, and the teardown.
 */
final class SingleNodeDrill implements Drill {

    private final Settings settings;
    private final DrillRun run;
    private final Stack stack;
    private final Docker docker;
    private final Verbs verbs;
    private final boolean keep;
    private boolean madeSwarm;
    private boolean madeSecret;

    private SingleNodeDrill(Settings settings, boolean keep) {
        this.settings = settings;
        this.keep = keep;
        run = DrillRun.onThisEngine(settings);
        stack = run.rig.stack();
        docker = stack.docker();
        verbs = run.verbs;
    }

    static Drill create(List<String> options) {
        Drills.only(options, List.of("--keep"), List.of());
        return new SingleNodeDrill(Settings.fromEnvironment("monsterstack-e2e", Duration.ofSeconds(2)), Drills.flag(options, "--keep"));
    }

    @Override
    public void run() throws Exception {
        step("1. engine and swarm (README step 1), the drill's own tool, stack files");
        madeSwarm = !docker.out("info", "--format", "{{.Swarm.LocalNodeState}}").equals("active");
        verbs.run("engine-setup.sh");
        check(Shell.onPath("wrk"), "wrk is missing (Debian: apt-get install wrk): the drill measures the stack's speed with it");
        new StackFiles(docker, settings.repo()).validate();
        check(docker.lines("stack", "services", "-q", stack.name()).isEmpty(),
                "a stack named " + stack.name() + " already runs here; remove it or set STACK_NAME");
        check(stack.status(stack.url()) == 0, "something already answers on " + stack.url() + "; set EDGE_PORT to a free port");

        step("2. images (README step 2), their start under the stack's limits");
        verbs.run("build-images.sh");
        docker.lines("image", "ls", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}").stream()
                .filter(line -> line.contains("monsterstack")).forEach(Report::info);
        MeasureStart.run(settings.repo(), docker, StartOptions.parse(List.of("--runs", "3")));

        step("3. secret and deploy (README step 3)");
        madeSecret = !docker.run("secret", "inspect", "redis_password").ok();
        verbs.run("secret.sh");
        long deployStarted = System.nanoTime();
        verbs.run("deploy.sh", "--monitoring", "--timeout", "300");
        info("deployed and healthy in " + Duration.ofNanos(System.nanoTime() - deployStarted).toSeconds() + "s");
        info("page title: " + stack.title(stack.url()).orElse("(none)"));

        step("4. three rolling updates of the frontend in a row, at once (README step 4)");
        // The README's own command, then the same for two more versions: each builds and trains its
        // image, then updates under the curl loop, the load and the independent client.
        StepFigures first = updateFrontend("2.0", "MonsterStack v2");
        check(first.curl().saw("MonsterStack"), "v1 title never seen");
        updateFrontend("2.1", "MonsterStack v2.1");
        updateFrontend("2.2", "MonsterStack v2.2");
        check(stack.title(stack.url()).orElse("").equals("MonsterStack v2.2"), "the page is not v2.2 after the updates");
        pass("title moved v1 -> v2 -> v2.1 -> v2.2 (failed and retried requests: the table at the end)");
        List<String> oldIps = stack.taskIps(docker, stack.taskContainers("imagebackend"));
        run.measureUpdate("update imagebackend to 1.1", run.rig.step("backend-update"),
                "update.sh", "--service", "imagebackend", "--tag", "1.1", "--build");
        pass("image backend tasks replaced (" + oldIps + " -> " + stack.taskIps(docker, stack.taskContainers("imagebackend"))
                + "), new monsters served throughout");
        Prometheus.everyTaskScraped(run.rig, "the updates");

        step("5. scale the frontend 3 -> 6 -> 3 under load (README step 5)");
        run.measure("scale frontend 3 -> 6", Kind.PLANNED, run.rig.step("scale"), () -> {
            verbs.run("scale.sh", "frontend=6");
            check(stack.status(stack.url()) == 200, "page is not 200 with 6 frontends");
        });
        Prometheus.everyTaskScraped(run.rig, "scaling to 6");
        run.measure("scale frontend 6 -> 3", Kind.PLANNED, run.rig.step("scale-down"), () -> {
            verbs.run("scale.sh", "frontend=3");
            // The removed tasks finish their shutdown (delay 5 s) under the load.
            Wait.until(Duration.ofSeconds(60), "the removed frontends to exit", () -> stack.taskContainers("frontend").size() == 3);
        });
        pass("scaled up and back (the table at the end)");

        step("6. broken image: automatic rollback (README step 6)");
        RollbackDrill.measure(run, "--timeout", "400");
        pass("Swarm rolled the broken frontend back (the table at the end)");

        step("7. Redis password rotated under load (README step 7)");
        if (madeSecret) {
            run.measure("Redis password rotated", Kind.PLANNED, run.rig.step("rotation"), () -> {
                verbs.run("secret.sh", "--rotate");
                Wait.until(Duration.ofSeconds(60), "the visit counter with the new password", () -> stack.visits(stack.url()).isPresent());
            });
            pass("new password rolled out to Redis and the frontend, counter back: " + stack.visits(stack.url()).orElse(0L));
        } else {
            Report.note("redis_password existed before the drill: not rotating someone else's secret");
        }

        step("8. non-root tasks, page, monster PNG, Redis password, visit counter");
        new FunctionalChecks(stack).run();

        new FaultDrill(run).run();
        SpeedReport.run(settings.repo(), stack);
        redeploy();
    }

    private StepFigures updateFrontend(String tag, String title) throws Exception {
        StepFigures figures = run.measureUpdate("update frontend to " + tag, run.rig.step("update-" + tag),
                "update.sh", "--tag", tag, "--build", "--env", "MONSTERSTACK_TITLE=" + title);
        check(figures.curl().lastTitle().equals(title), "the title did not end on " + title + " but on " + figures.curl().lastTitle());
        return figures;
    }

    private void redeploy() {
        step("13. docker stack rm + a plain docker stack deploy keeps the visit counter");
        long before = stack.visits(stack.url()).orElseThrow();
        info("visit counter before removal: " + before);
        verbs.run("cleanup.sh");
        // The stack file as written, with only the override this kernel needs: no script in between.
        docker.out("stack", "deploy", "--resolve-image", "never", "-c", settings.repo().resolve("stack/docker-compose.swarm.yml").toString(),
                "-c", settings.repo().resolve("stack/docker-compose.no-ipvs.yml").toString(), stack.name());
        stack.awaitConverged(Duration.ofSeconds(300));
        Wait.until(Duration.ofSeconds(60), "the page with its counter", () -> stack.visits(stack.url()).isPresent());
        long after = stack.visits(stack.url()).orElseThrow();
        info("visit counter after redeploy: " + after);
        check(after > before, "visit counter lost (" + before + " -> " + after + ")");
        pass("plain docker stack deploy: every task healthy, none pending; visit counter preserved by the AOF volume");
    }

    @Override
    public boolean teardown(boolean failed) {
        run.abort();
        if (failed && !docker.lines("stack", "services", "-q", stack.name()).isEmpty()) {
            Diagnostics.print(stack);
        }
        run.printTable("measured steps (0 failed and 0 retried required for planned ones)");
        if (keep) {
            Report.note("--keep: stack " + stack.name() + " left running");
            return true;
        }
        step("teardown");
        verbs.attempt("cleanup.sh", madeSecret ? new String[] {"--volumes", "--images", "--secret"} : new String[] {"--volumes", "--images"});
        if (madeSwarm) {
            docker.run("swarm", "leave", "--force");
            info("left the swarm this drill created");
        }
        return true;
    }
}
