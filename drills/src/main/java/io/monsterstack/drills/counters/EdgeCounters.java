package io.monsterstack.drills.counters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;

/** The counters of every engine's edge (HAProxy's stats page on its monitor port 8404, not published). */
public final class EdgeCounters {

    private final Stack stack;
    private final List<Docker> engines;

    public EdgeCounters(Stack stack, List<Docker> engines) {
        this.stack = stack;
        this.engines = engines;
    }

    /** The counters of each engine whose edge answers, by engine. */
    public Map<String, EdgeCount> read() {
        Map<String, EdgeCount> counts = new LinkedHashMap<>();
        for (Docker engine : engines) {
            List<String> edges = engine.taskContainers(stack.name(), "edge");
            if (edges.isEmpty()) {
                continue;
            }
            Shell.Result csv = engine.run("exec", edges.get(0), "wget", "-q", "-O", "-", "http://127.0.0.1:8404/stats;csv");
            if (csv.ok()) {
                counts.put(String.valueOf(engine.host()), EdgeCount.parse(csv.out()));
            }
        }
        return counts;
    }

    /** What the step added, summed over the engines whose edge answered both times (a node lost meanwhile takes its own); none without an edge. */
    public static Optional<EdgeCount> delta(Map<String, EdgeCount> before, Map<String, EdgeCount> after) {
        Optional<EdgeCount> sum = Optional.empty();
        for (Map.Entry<String, EdgeCount> entry : after.entrySet()) {
            EdgeCount start = before.get(entry.getKey());
            if (start != null) {
                sum = Optional.of(sum.orElse(EdgeCount.ZERO).plus(entry.getValue().minus(start)));
            }
        }
        return sum;
    }
}
