package io.monsterstack.drills.counters;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.testsupport.ScrapedMetrics;

/**
 * The backend calls each frontend task retried ({@code monsterstack_backend_retries_total}), read in
 * the task on its management port every 5 s (as often as Prometheus scrapes), so that a task
 * replaced during the step still counts: per task, its last sample minus its first (0 for a task
 * started meanwhile). Each sample is a docker exec in every frontend task, about 0.1 s of CPU each:
 * with Prometheus on the stack, it counts them instead ({@link ServerCount}).
 */
public final class FrontendRetries {

    private final Stack stack;
    private final List<Docker> engines;
    private final Map<String, Double> first = new ConcurrentHashMap<>();
    private final Map<String, Double> last = new ConcurrentHashMap<>();
    private Every sampler;

    public FrontendRetries(Stack stack, List<Docker> engines) {
        this.stack = stack;
        this.engines = engines;
    }

    public void start() {
        sample(first);
        sampler = new Every("frontend-retries", Duration.ofSeconds(5), () -> sample(last));
    }

    /** The retries of every task sampled; prints them. */
    public long stop() {
        sampler.stop();
        sample(last);
        double retries = 0;
        for (Map.Entry<String, Double> task : last.entrySet()) {
            retries += task.getValue() - first.getOrDefault(task.getKey(), 0.0);
        }
        System.out.printf("    frontends: %d backend calls retried (%d tasks sampled)%n", Math.round(retries), last.size());
        return Math.round(retries);
    }

    public void abort() {
        if (sampler != null) {
            sampler.stop();
        }
    }

    private void sample(Map<String, Double> into) {
        for (Docker engine : engines) {
            for (String container : engine.taskContainers(stack.name(), "frontend")) {
                Shell.Result metrics = engine.run("exec", container, "busybox", "timeout", "2",
                        "wget", "-q", "-O", "-", "http://127.0.0.1:9000/q/metrics");
                if (metrics.ok()) {  // a task stopping right now: its last sample stands
                    into.put(container, ScrapedMetrics.parse(metrics.out()).value("monsterstack_backend_retries_total"));
                }
            }
        }
    }
}
