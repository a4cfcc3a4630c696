package io.monsterstack.drills;

import static io.monsterstack.drills.Report.info;

import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.swarm.Docker;

/** What {@code drill.sh cluster status} and {@code env} say of the {@link Cluster}. */
final class ClusterStatus {

    private final Cluster cluster;
    private final Docker host;

    ClusterStatus(Cluster cluster) {
        this.cluster = cluster;
        this.host = cluster.host();
    }

    void print() {
        Report.step("cluster " + cluster.name);
        List<String> nodes = cluster.containers();
        if (nodes.isEmpty() || !cluster.manager().run("info").ok()) {
            info(nodes.isEmpty() ? "no nodes" : "nodes " + nodes + ", the first manager's engine does not answer");
            return;
        }
        cluster.manager().lines("node", "ls", "--format", "{{.Hostname}} {{.ManagerStatus}} {{.Status}} {{.Availability}}")
                .forEach(line -> info(line + " zone=" + cluster.label(line.split(" ")[0], "zone")));
        cluster.manager().lines("service", "ls", "--filter", "name=registry", "--format", "registry service: {{.Replicas}} {{.Image}}").forEach(Report::info);
        List<String> stats = new ArrayList<>(List.of("stats", "--no-stream", "--format", "{{.MemUsage}}"));
        stats.addAll(nodes);
        double mib = host.lines(stats.toArray(String[]::new)).stream().mapToDouble(ClusterStatus::mebibytes).sum();
        info(String.format("memory of all nodes: %.0f MiB", mib));
    }

    /** The used part of docker stats' "123.4MiB / 23.44GiB". */
    static double mebibytes(String usage) {
        String used = usage.split(" / ")[0];
        double number = Double.parseDouble(used.replaceAll("[A-Za-z]", ""));
        return used.endsWith("GiB") ? number * 1024 : used.endsWith("KiB") ? number / 1024 : used.endsWith("MiB") ? number : number / 1024 / 1024;
    }

    /** Shell lines for the user's scripts: DOCKER_HOST (the first manager), the registry for the nodes and for pushes, the sockets' folder. */
    List<String> env() {
        return List.of("export DOCKER_HOST=" + cluster.manager().host(), "export CLUSTER_REGISTRY=" + cluster.registry(),
                "export CLUSTER_PUSH_REGISTRY=" + cluster.pushRegistry(), "export CLUSTER_SOCKETS=" + cluster.stateRoot());
    }
}
