package io.monsterstack.drills;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;

/**
 * A multi-node swarm on this one machine (what {@code drill.sh cluster up} makes, {@link ClusterSetup}):
 * each node a container running its own dockerd, reached through a Unix socket in /run/NAME/NODE/
 * (no TCP port: only root on this machine reaches it), on a bridge network of its own
 * (CLUSTER_SUBNET, managers at .11-.19, workers at .21-.29), labelled zone=a / zone=b in turn; a
 * registry pinned to the first manager on REGISTRY_PORT (5050, not 5000: the site's).
 */
final class Cluster {

    final String name = Settings.get("CLUSTER_NAME", "mscluster");
    final String subnet = Settings.get("CLUSTER_SUBNET", "192.168.212.0/24");
    final String registryPort = Settings.get("REGISTRY_PORT", "5050");
    final String owner = "io.monsterstack.cluster=" + name;
    private final Docker host = Docker.thisMachine();

    String nodeName(String role, int index) {
        return name + "-" + role + "-" + index;
    }

    String nodeIp(String role, int index) {
        return subnet.replaceFirst("\\.[0-9]+/[0-9]+$", "") + "." + (role.equals("manager") ? 1 : 2) + index;
    }

    String firstManager() {
        return nodeName("manager", 1);
    }

    String stateRoot() {
        return "/run/" + name;
    }

    /** The node containers, as this machine's engine runs them (a killed node is one stopped). */
    Docker host() {
        return host;
    }

    List<String> containers() {
        return host.lines("ps", "-a", "--filter", "label=" + owner, "--format", "{{.Names}}").stream().sorted().toList();
    }

    /** The first manager's engine: where the stack is deployed and every Swarm question goes. */
    Docker manager() {
        return engine(firstManager());
    }

    Docker engine(String node) {
        return new Docker("unix://" + stateRoot() + "/" + node + "/docker.sock");
    }

    /** The registry as the nodes pull from it (in every node's insecure-registries). */
    String registry() {
        return nodeIp("manager", 1) + ":" + registryPort;
    }

    /** The same registry through a loopback port of this machine: Docker and Jib push over plain HTTP to 127.0.0.0/8 without configuration. */
    String pushRegistry() {
        String published = host.out("port", firstManager(), registryPort + "/tcp").lines()
                .filter(line -> line.startsWith("127.0.0.1:")).findFirst().orElseThrow();
        return published;
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

    /** What the cluster left on this machine: containers, volumes, network, bridge, iptables rules. */
    List<String> leftovers() {
        List<String> left = new ArrayList<>();
        host.lines("ps", "-a", "--filter", "label=" + owner, "--format", "{{.Names}}").forEach(c -> left.add("container " + c));
        host.lines("volume", "ls", "--filter", "label=" + owner, "--format", "{{.Name}}").forEach(v -> left.add("volume " + v));
        host.lines("network", "ls", "--filter", "name=^" + name + "$", "--format", "{{.Name}}").forEach(n -> left.add("network " + n));
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/sys/class/net", name))) {
            left.add("bridge " + name);
        }
        String prefix = subnet.replaceFirst("[0-9]+/[0-9]+$", "");
        Shell.run("iptables-save").lines().stream().filter(rule -> rule.contains(name) || rule.contains(prefix))
                .forEach(rule -> left.add("iptables " + rule));
        return left;
    }
}
