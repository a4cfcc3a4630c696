package io.monsterstack.drills;

import java.time.Duration;
import java.time.Instant;

import io.monsterstack.drills.counters.ServerCount;
import io.monsterstack.drills.step.Rig;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Wait;

/** What the drills check of the stack's Prometheus besides the servers' count. */
final class Prometheus {

    private Prometheus() {
    }

    /** Within a minute of {@code after}, every running app task is an up target of Prometheus. */
    static void everyTaskScraped(Rig rig, String after) {
        ServerCount prometheus = new ServerCount(rig.prometheus());
        long started = System.nanoTime();
        try {
            Wait.until(Duration.ofSeconds(60), "Prometheus to scrape every app task",
                    () -> prometheus.query("count(up{job=\"monsterstack\"} == 1)", Instant.now()) == appTasks(rig));
        } catch (DrillFailure late) {
            throw new DrillFailure("not every app task is an up target of Prometheus a minute after " + after);
        }
        Report.pass("Prometheus: all " + appTasks(rig) + " app tasks are up targets, "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s after " + after);
    }

    private static int appTasks(Rig rig) {
        return rig.stack().taskContainers("frontend", "imagebackend").size();
    }
}
