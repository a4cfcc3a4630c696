package io.monsterstack.drills;

import static io.monsterstack.drills.Report.info;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Wait;
import io.monsterstack.testsupport.RawHttp;

/**
 * Makes and removes the {@link Cluster}: the node image (images/node: Debian's docker.io), the
 * bridge network, the nodes, the swarm, the zone labels, the registry. Idempotent: what exists is
 * kept, a stopped node is started. Nothing else of this machine's engine is touched.
 */
final class ClusterSetup {

    // An engine in a container on a host whose capability bounding set lacks CAP_SYS_RESOURCE (so
    // --privileged fails): every other capability, no seccomp/AppArmor confinement, /proc and /sys
    // unmasked, all devices, a cgroup namespace of its own; the entrypoint remounts /sys and the
    // cgroups read-write. /var/lib/docker is a volume: overlay2 cannot mount on the container's own overlay.
    private static final List<String> NODE_FLAGS = List.of("--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
            "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
            "--device-cgroup-rule", "a *:* rwm", "--cgroupns=private");
    // offline-bases.sh --mirror's Docker Hub stand-in: on the cluster's network too, when it runs.
    private static final String MIRROR = "monsterstack-hub-mirror";

    private final Cluster cluster;
    private final Path repo;
    private final Docker host;
    private final String nodeImage = Settings.get("NODE_IMAGE", "monsterstack-node:20.10");

    ClusterSetup(Cluster cluster, Path repo) {
        this.cluster = cluster;
        this.repo = repo;
        this.host = cluster.host();
    }

    void up(int nodes, int managers) throws IOException {
        Report.step("cluster " + cluster.name + ": " + managers + " manager(s), " + (nodes - managers) + " worker(s)");
        if (managers < 1 || managers > 9 || nodes < managers || nodes - managers > 9) {
            throw new DrillFailure("up takes 1-9 managers and 0-9 workers (asked: " + nodes + " nodes, " + managers + " managers)");
        }
        List<String[]> wanted = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            wanted.add(i <= managers ? new String[] {"manager", Integer.toString(i)} : new String[] {"worker", Integer.toString(i - managers)});
        }
        List<String> extra = new ArrayList<>(cluster.containers());
        wanted.forEach(node -> extra.remove(cluster.nodeName(node[0], Integer.parseInt(node[1]))));
        if (!extra.isEmpty()) {
            throw new DrillFailure("the cluster has other nodes " + extra + ": 'drill.sh cluster down' first");
        }
        if (!host.run("image", "inspect", nodeImage).ok()) {
            host.out("build", "-q", "-t", nodeImage, repo.resolve("images/node").toString());
        }
        if (!host.run("network", "inspect", cluster.name).ok()) {
            host.out("network", "create", "--driver", "bridge", "--subnet", cluster.subnet, "--opt",
                    "com.docker.network.bridge.name=" + cluster.name, "--label", cluster.owner, cluster.name);
        }
        String mirror = mirror();
        for (String[] node : wanted) {
            ensureNode(node[0], Integer.parseInt(node[1]), mirror);
        }
        for (String node : cluster.containers()) {
            Wait.until(Duration.ofSeconds(60), "the engine of " + node, () -> cluster.engine(node).run("info").ok());
        }
        for (String[] node : wanted) {
            join(node[0], Integer.parseInt(node[1]));
        }
        ensureRegistry();
        new ClusterStatus(cluster).print();
    }

    /** The mirror's address for the nodes, connecting it to the cluster's network; empty without a mirror. */
    private String mirror() {
        if (host.lines("ps", "-q", "--filter", "name=^" + MIRROR + "$").isEmpty()) {
            return "";
        }
        String ip = cluster.subnet.replaceFirst("\\.[0-9]+/[0-9]+$", ".5");
        if (!host.out("inspect", "--format", "{{json .NetworkSettings.Networks}}", MIRROR).contains("\"" + cluster.name + "\"")) {
            host.out("network", "connect", "--ip", ip, cluster.name, MIRROR);
        }
        info("nodes pull Docker Hub images through http://" + ip + ":5000");
        return "http://" + ip + ":5000";
    }

    private void ensureNode(String role, int index, String mirror) throws IOException {
        String name = cluster.nodeName(role, index);
        String running = host.run("inspect", "--format", "{{.State.Running}}", name).out();
        if (running.equals("true")) {
            return;
        }
        if (running.equals("false")) {
            host.out("start", name);
            info(name + ": started again");
            return;
        }
        Path state = Path.of(cluster.stateRoot(), name);
        Files.createDirectories(state);
        Files.setPosixFilePermissions(state.getParent(), PosixFilePermissions.fromString("rwx------"));
        host.out("volume", "create", "--label", cluster.owner, name);
        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", name, "--hostname", name, "--label", cluster.owner));
        run.addAll(NODE_FLAGS);
        if (name.equals(cluster.firstManager())) {
            run.addAll(List.of("--publish", "127.0.0.1::" + cluster.registryPort));  // the registry as this machine pushes to it
        }
        run.addAll(List.of("--network", cluster.name, "--ip", cluster.nodeIp(role, index), "--volume", name + ":/var/lib/docker",
                "--volume", state + ":/run/node", "--env", "NODE_INSECURE_REGISTRY=" + cluster.subnet,
                "--env", "NODE_REGISTRY_MIRROR=" + mirror, nodeImage));
        host.out(run.toArray(String[]::new));
        info(name + ": started at " + cluster.nodeIp(role, index));
    }

    /** The node joins the first manager's swarm unless it is in one, and gets its zone: a, b, a... among managers and among workers. */
    private void join(String role, int index) {
        String name = cluster.nodeName(role, index);
        Docker node = cluster.engine(name);
        if (!node.out("info", "--format", "{{.Swarm.LocalNodeState}}").equals("active")) {
            if (name.equals(cluster.firstManager())) {
                node.out("swarm", "init", "--advertise-addr", cluster.nodeIp(role, index));
            } else {
                String token = cluster.manager().out("swarm", "join-token", "-q", role);
                node.out("swarm", "join", "--token", token, "--advertise-addr", cluster.nodeIp(role, index), cluster.nodeIp("manager", 1) + ":2377");
            }
            info(name + ": " + (name.equals(cluster.firstManager()) ? "swarm initialised" : "joined as " + role));
        }
        // A node without the label would count as a zone of its own for "spread: node.labels.zone".
        cluster.manager().out("node", "update", "--label-add", "zone=" + (index % 2 == 1 ? "a" : "b"), name);
    }

    private void ensureRegistry() {
        if (cluster.manager().lines("service", "ls", "-q", "--filter", "name=registry").isEmpty()) {
            cluster.manager().out("service", "create", "--detach", "--quiet", "--name", "registry",
                    "--constraint", "node.hostname == " + cluster.firstManager(),
                    "--publish", "mode=host,target=5000,published=" + cluster.registryPort,
                    "--mount", "type=volume,source=registry_data,target=/var/lib/registry", "registry:2.8.2");
        }
        URI registry = URI.create("http://" + cluster.registry() + "/v2/");
        Wait.until(Duration.ofSeconds(60), "the registry on " + cluster.registry(), () -> RawHttp.get(registry, Duration.ofSeconds(2)).status() == 200);
        info("registry: " + cluster.registry() + " for the nodes, " + cluster.pushRegistry() + " for pushes from this machine");
    }

    void down(boolean keepImages) throws IOException {
        Report.step("removing cluster " + cluster.name);
        for (String node : cluster.containers()) {
            host.out("rm", "--force", "--volumes", node);
            info("node " + node + " removed");
        }
        host.lines("volume", "ls", "-q", "--filter", "label=" + cluster.owner).forEach(volume -> host.run("volume", "rm", volume));
        if (host.run("network", "inspect", cluster.name).ok()) {
            host.run("network", "disconnect", "--force", cluster.name, MIRROR);  // not connected: nothing to do
            host.out("network", "rm", cluster.name);
            info("network and bridge " + cluster.name + " removed");
        }
        Shell.run("rm", "-rf", cluster.stateRoot());
        if (!keepImages && host.run("image", "inspect", nodeImage).ok()) {
            host.out("image", "rm", nodeImage);
            info("image " + nodeImage + " removed");
        }
    }
}
