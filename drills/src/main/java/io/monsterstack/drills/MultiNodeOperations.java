package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;
import static io.monsterstack.drills.Report.step;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.monsterstack.drills.step.MeasuredStep;
import io.monsterstack.drills.step.Verdict.Kind;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Wait;

/**
 * The multi-node drill's measured operations, the curl loop on every node's port (and a new monster
 * on the first), the load spread over them: rolling updates, a broken image rolled back, a worker
 * drained then active again, a worker killed then restarted, the frontend scaled to 6 and back.
 * Each row names the nodes it touched, the tasks it moved and its time.
 */
final class MultiNodeOperations {

    private final Cluster cluster;
    private final DrillRun run;
    private final Stack stack;
    private final List<URI> urls;
    private final String tag;
    private final String port;
    private Map<String, String[]> before;
    private long started;

    MultiNodeOperations(Cluster cluster, DrillRun run, List<URI> urls, String tag, String port) {
        this.cluster = cluster;
        this.run = run;
        this.stack = run.rig.stack();
        this.urls = urls;
        this.tag = tag;
        this.port = port;
    }

    void run() throws Exception {
        step("7. operations under the curl loop and the load to every node's port");
        update("rolling update frontend", "frontend", "update.sh", "--tag", tag + "-next");
        update("rolling update backend", "imagebackend", "update.sh", "--service", "imagebackend", "--tag", tag + "-next");
        update("broken image, rolled back", "frontend", "rollback-drill.sh", "--tag", tag + "-broken");
        check(stack.serviceImage("frontend").contains(":" + tag + "-next@"), "frontend does not run " + tag + "-next after the rollback");
        List<String> workers = cluster.workers();
        if (!workers.isEmpty()) {
            String drained = workers.get(0);
            String killed = workers.get(Math.min(1, workers.size() - 1));
            long[] moved = new long[2];
            run.measure(() -> row("drain, then active", drained, moved[0] + "s"), Kind.PLANNED, measuredOn(otherThan(drained)), () -> {
                cluster.manager().out("node", "update", "--availability", "drain", drained);
                Wait.until(Duration.ofSeconds(300), "the tasks of " + drained + " to run elsewhere", () -> settledWithout(drained));
                moved[0] = secondsSince(started);
                cluster.manager().out("node", "update", "--availability", "active", drained);
            });
            run.measure(() -> row("kill node (unplanned)", killed, "down " + moved[0] + "s, moved " + moved[1] + "s"), Kind.UNPLANNED,
                    measuredOn(otherThan(killed)), () -> {
                        cluster.host().out("kill", killed);
                        Wait.until(Duration.ofSeconds(90), killed + " to be marked down", () -> cluster.inState(killed, "down"));
                        moved[0] = secondsSince(started);
                        Wait.until(Duration.ofSeconds(300), "the tasks of " + killed + " to run elsewhere", () -> settledWithout(killed));
                        moved[1] = secondsSince(started);
                    });
            cluster.host().out("start", killed);
            Wait.until(Duration.ofSeconds(120), killed + " to be back", () -> cluster.inState(killed, "ready"));
            // Its edge (a global task) starts again with it; the next operation needs every node's port.
            stack.awaitConverged(Duration.ofSeconds(300));
            pass(killed + " restarted, ready and serving again");
        }
        run.measure(() -> row("scale frontend 3 -> 6 -> 3", "frontend", secondsSince(started) + "s"), Kind.PLANNED, measuredOn(urls), () -> {
            run.verbs.run("scale.sh", "frontend=6");
            info("frontend x6 on: " + MultiNodeChecks.tasksOn(stack, "frontend") + ", zones: "
                    + MultiNodeChecks.tasksOn(stack, "frontend").stream().map(node -> cluster.label(node, "zone")).sorted().toList());
            run.verbs.run("scale.sh", "frontend=3");
        });
    }

    private void update(String operation, String service, String script, String... args) throws Exception {
        MeasuredStep step = measuredOn(urls);
        run.measureUpdate(() -> row(operation, service, secondsSince(started) + "s"), step, script, args);
    }

    /** A step on these nodes' ports; the tasks before it noted. */
    private MeasuredStep measuredOn(List<URI> on) {
        before = snapshot();
        started = System.nanoTime();
        List<String> curl = new ArrayList<>(on.stream().map(url -> url + "/").toList());
        curl.add(on.get(0) + "/monster/multinode-" + ProcessHandle.current().pid() + "-{n}");
        return run.rig.step(curl, on);
    }

    private List<URI> otherThan(String node) {
        return cluster.nodes().stream().filter(other -> !other.equals(node)).map(other -> cluster.url(other, port)).toList();
    }

    /** "operation (nodes ..., tasks moved N (M elsewhere), took)": the nodes that ran the service before or after, or the node named. */
    private String row(String operation, String serviceOrNode, String took) {
        Map<String, String[]> after = snapshot();
        TreeSet<String> nodes = new TreeSet<>();
        if (serviceOrNode.equals("frontend") || serviceOrNode.equals("imagebackend")) {
            for (Map<String, String[]> tasks : List.of(before, after)) {
                tasks.values().stream().filter(task -> task[0].startsWith(stack.service(serviceOrNode) + ".")).forEach(task -> nodes.add(shortName(task[1])));
            }
        } else {
            nodes.add(shortName(serviceOrNode));
        }
        int moved = 0;
        int elsewhere = 0;
        Map<String, String> nodeOfSlot = new HashMap<>();
        before.values().forEach(task -> nodeOfSlot.put(task[0], task[1]));
        for (Map.Entry<String, String[]> task : after.entrySet()) {
            if (!before.containsKey(task.getKey())) {
                moved++;
                elsewhere += task.getValue()[1].equals(nodeOfSlot.get(task.getValue()[0])) ? 0 : 1;
            }
        }
        return operation + " (nodes " + String.join(" ", nodes) + ", tasks moved " + moved + " (" + elsewhere + " elsewhere), " + took + ")";
    }

    /** The running app tasks (the edge is per node): task id -> {service.slot, node}. */
    private Map<String, String[]> snapshot() {
        Map<String, String[]> tasks = new HashMap<>();
        for (String line : stack.docker().lines("stack", "ps", "--filter", "desired-state=running", "--format", "{{.ID}} {{.Name}} {{.Node}}", stack.name())) {
            String[] fields = line.split(" ");
            if (!fields[1].startsWith(stack.service("edge") + ".")) {
                tasks.put(fields[0], new String[] {fields[1], fields[2]});
            }
        }
        return tasks;
    }

    /** Every replicated service runs all its tasks, none on {@code lost}. */
    private boolean settledWithout(String lost) {
        for (String service : List.of("frontend", "imagebackend", "redis")) {
            String wanted = stack.docker().out("service", "inspect", "--format", "{{.Spec.Mode.Replicated.Replicas}}", stack.service(service));
            long running = MultiNodeChecks.tasksOn(stack, service).stream().filter(node -> !node.equals(lost)).count();
            if (running != Long.parseLong(wanted)) {
                return false;
            }
        }
        return true;
    }

    private String shortName(String node) {
        return node.replaceFirst("^" + cluster.name + "-", "");
    }

    private static long secondsSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toSeconds();
    }
}
