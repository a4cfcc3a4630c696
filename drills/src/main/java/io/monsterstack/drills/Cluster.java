package io.monsterstack.drills;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Verbs;

/**
 * The swarm scripts/cluster.sh makes on this machine: Docker-in-Docker nodes, each with its engine
 * behind a Unix socket, its address on the cluster's bridge, its zone; a registry on the first manager.
 */
final class Cluster {

    final String name = Settings.get("CLUSTER_NAME", "mscluster");
    private final Map<String, String> env = new HashMap<>();
    private final Docker host = Docker.thisMachine();

    /** Whether this machine already runs nodes of the cluster (then the drill did not make it). */
    boolean exists() {
        return !host.lines("ps", "-aq", "--filter", "label=io.monsterstack.cluster=" + name).isEmpty();
    }

    /** {@code cluster.sh up}, then the addresses of {@code cluster.sh env}. */
    void up(Verbs verbs, int nodes, int managers) {
        verbs.run("cluster.sh", "up", Integer.toString(nodes), "--managers", Integer.toString(managers));
        for (String line : verbs.run("cluster.sh", "env")) {
            String[] pair = line.replaceFirst("^export ", "").split("=", 2);
            env.put(pair[0], pair[1]);
        }
    }

    String env(String variable) {
        return env.get(variable);
    }

    /** The first manager's engine: where the stack is deployed and every Swarm question goes. */
    Docker manager() {
        return new Docker(env("DOCKER_HOST"));
    }

    Docker engine(String node) {
        return new Docker("unix://" + env("CLUSTER_SOCKETS") + "/" + node + "/docker.sock");
    }

    List<String> nodes() {
        return manager().lines("node", "ls", "--format", "{{.Hostname}}").stream().sorted().toList();
    }

    List<String> workers() {
        return manager().lines("node", "ls", "--filter", "role=worker", "--format", "{{.Hostname}}").stream().sorted().toList();
    }

    List<Docker> engines() {
        return nodes().stream().map(this::engine).toList();
    }

    String leader() {
        return manager().lines("node", "ls", "--filter", "role=manager", "--format", "{{.Hostname}} {{.ManagerStatus}}").stream()
                .filter(line -> line.endsWith(" Leader")).map(line -> line.split(" ")[0]).findFirst().orElseThrow();
    }

    URI url(String node, String port) {
        String ip = host.out("inspect", "--format", "{{(index .NetworkSettings.Networks \"" + name + "\").IPAddress}}", node);
        return URI.create("http://" + ip + ":" + port);
    }

    String label(String node, String label) {
        return manager().out("node", "inspect", "--format", "{{index .Spec.Labels \"" + label + "\"}}", node);
    }

    String role(String node) {
        return manager().out("node", "inspect", "--format", "{{.Spec.Role}}", node);
    }

    boolean inState(String node, String state) {
        return manager().out("node", "inspect", "--format", "{{.Status.State}}", node).equals(state);
    }

    /** The node containers, as this machine's engine runs them (a killed node is one stopped). */
    Docker host() {
        return host;
    }

    /** What the cluster left on this machine after {@code cluster.sh down}: containers, volumes, network, bridge, iptables rules. */
    List<String> leftovers() {
        List<String> left = new ArrayList<>();
        String owner = "label=io.monsterstack.cluster=" + name;
        host.lines("ps", "-a", "--filter", owner, "--format", "{{.Names}}").forEach(c -> left.add("container " + c));
        host.lines("volume", "ls", "--filter", owner, "--format", "{{.Name}}").forEach(v -> left.add("volume " + v));
        host.lines("network", "ls", "--filter", "name=^" + name + "$", "--format", "{{.Name}}").forEach(n -> left.add("network " + n));
        if (Shell.run("ip", "link", "show", name).ok()) {
            left.add("bridge " + name);
        }
        String subnet = Settings.get("CLUSTER_SUBNET", "192.168.212.0/24").replaceFirst("\\.[0-9]+/[0-9]+$", ".");
        Shell.run("iptables-save").lines().stream().filter(rule -> rule.contains(name) || rule.contains(subnet))
                .forEach(rule -> left.add("iptables " + rule));
        return left;
    }
}
