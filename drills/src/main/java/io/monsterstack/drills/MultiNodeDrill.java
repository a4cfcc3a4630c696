package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;
import static io.monsterstack.drills.Report.step;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.step.Rig;
import io.monsterstack.drills.step.Targets;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Verbs;
import io.monsterstack.drills.swarm.Wait;
import jakarta.json.Json;
import jakarta.json.JsonString;

/**
 * A real swarm of Docker-in-Docker nodes on this machine ({@link Cluster}): the registry flow
 * with the user's scripts, the kernel probes, placement over zones, a frontend calling a backend on
 * another node, then updates, rollback, drain, node loss and scale, each measured on every node
 * ({@link MultiNodeOperations}), a redeploy that keeps the counter, and the exercise's own stack file.
 */
final class MultiNodeDrill implements Drill {

    // What deploy.sh runs to probe ESP with AES-GCM, the encrypted overlay's IPsec, in a scratch network namespace.
    private static final List<String> ESP_PROBE = List.of("unshare", "--net", "ip", "xfrm", "state", "add", "src", "192.0.2.1",
            "dst", "192.0.2.2", "proto", "esp", "spi", "0x100", "mode", "transport", "aead", "rfc4106(gcm(aes))",
            "0x0102030405060708090a0b0c0d0e0f1011121314", "128");

    private final Settings settings;
    private final int managers;
    private final int nodes;
    private final boolean keep;
    private final Cluster cluster = new Cluster();
    private final ClusterSetup setup;
    private final String tag = Settings.get("TAG", "mn");
    private final String user = Settings.get("DOCKER_USER", "monsterstack");
    private Verbs verbs;
    private DrillRun run;

    private MultiNodeDrill(Settings settings, List<String> options) {
        this.settings = settings;
        managers = Integer.parseInt(Drills.value(options, "--managers", "1"));
        nodes = Integer.parseInt(Drills.value(options, "--nodes", "4"));
        keep = Drills.flag(options, "--keep");
        setup = new ClusterSetup(cluster, settings.repo());
    }

    static Drill create(List<String> options) {
        Drills.only(options, List.of("--keep"), List.of("--managers", "--nodes"));
        return new MultiNodeDrill(Settings.fromEnvironment("monsterstack", Duration.ofSeconds(2)), options);
    }

    @Override
    public void run() throws Exception {
        step("1. cluster: " + managers + " manager(s), " + (nodes - managers) + " worker(s)");
        Verbs host = new Verbs(settings.repo(), Map.of("DOCKER_HOST", "", "TAG", tag, "IMAGEBACKEND_TAG", tag, "DOCKER_USER", user));
        host.run("engine-setup.sh", "--no-swarm");
        if (!cluster.containers().isEmpty()) {
            // Stacks, registry contents, labels and drained nodes of an earlier run would change what this one proves.
            info("cluster " + cluster.name + " left from an earlier run: removed, the drill makes its own");
            setup.down(true);
        }
        long upStarted = System.nanoTime();
        setup.up(nodes, managers);
        long upSeconds = Duration.ofNanos(System.nanoTime() - upStarted).toSeconds();
        verbs = host.with("DOCKER_HOST", cluster.manager().host());
        String leader = cluster.firstManager();
        info("cluster up in " + upSeconds + "s");

        step("2. kernel probes (ESP/GCM for the encrypted overlay, IPVS for the routing mesh)");
        Shell.Result esp = Shell.run(ESP_PROBE, Map.of(), Duration.ofSeconds(10));
        info("ip xfrm state add ... aead 'rfc4106(gcm(aes))' ... (scratch netns, this machine): " + (esp.ok() ? "ok" : "exit " + esp.exit()));
        List<String> inNode = new ArrayList<>(List.of("exec", leader));
        inNode.addAll(ESP_PROBE);
        info("the same in node " + leader + ": " + (cluster.host().run(inNode.toArray(String[]::new)).ok() ? "ok" : "refused"));
        boolean ipvs = java.nio.file.Files.exists(java.nio.file.Path.of("/proc/net/ip_vs")) || Shell.run("modprobe", "ip_vs").ok();
        info(ipvs ? "IPVS: present (routing mesh possible)"
                : "IPVS: absent (/proc/net/ip_vs missing, modprobe ip_vs fails): no routing mesh, the edge runs on every node");

        step("3. registry flow: build and push through the loopback, nodes pull from " + cluster.registry());
        host.with("DOCKER_REGISTRY", cluster.pushRegistry()).run("build-images.sh", "--push");
        RegistryTag registry = new RegistryTag(cluster.pushRegistry());
        for (String service : List.of("frontend", "imagebackend")) {
            registry.tag(user + "/monsterstack-" + service, tag, tag + "-next", List.of("MONSTERSTACK_VERSION=" + tag + "-next"));
        }
        // Like rollback-drill.sh's broken image: the frontend listening where nobody checks.
        registry.tag(user + "/monsterstack-frontend", tag, tag + "-broken", List.of("QUARKUS_HTTP_PORT=5999"));
        String catalog = Shell.run("curl", "-s", "http://" + cluster.pushRegistry() + "/v2/_catalog").out();
        info("registry catalog: " + catalog);
        List<String> others = Json.createReader(new StringReader(catalog)).readObject().getJsonArray("repositories")
                .getValuesAs(JsonString.class).stream().map(JsonString::getString).filter(name -> !name.startsWith(user + "/monsterstack-")).toList();
        check(others.isEmpty(), "the registry holds more than " + user + "/monsterstack-*: " + others);
        pass("only " + user + "/monsterstack-* pushed; the nodes pull the public images from Docker Hub (here, its mirror)");
        verbs = verbs.with("DOCKER_REGISTRY", cluster.registry());

        step("4. secret and deploy against " + leader);
        verbs.run("secret.sh");
        List<String> deploy = new ArrayList<>(List.of("--timeout", "400"));
        if (!esp.ok()) {
            Verbs.Result refused = verbs.attempt("deploy.sh", "--no-wait");
            check(!refused.ok(), "deploy.sh deployed an encrypted overlay on a kernel without ESP/GCM");
            info("deploy.sh refused, as it must");
            deploy.add("--no-esp");
        }
        long deployStarted = System.nanoTime();
        verbs.run("deploy.sh", deploy.toArray(String[]::new));
        long deploySeconds = Duration.ofNanos(System.nanoTime() - deployStarted).toSeconds();
        String port = Settings.get("EDGE_PORT", "5000");
        List<URI> urls = cluster.nodes().stream().map(node -> cluster.url(node, port)).toList();
        Stack stack = new Stack(settings.stackName(), urls.get(0), cluster.manager());
        Wait.until(Duration.ofSeconds(60), "the page on every node", () -> urls.stream().allMatch(url -> stack.status(url.resolve("/")) == 200));
        pass("deployed and healthy in " + deploySeconds + "s; the page answers on every node: " + urls);

        Rig rig = new Rig(stack, cluster.engines(), settings.loadRate(), false, settings.prometheus());
        run = new DrillRun(rig, verbs, Targets.fromEnvironment(2000, 3000), settings.lead(), false);
        MultiNodeChecks checks = new MultiNodeChecks(cluster, stack, managers);
        String redisNode = checks.placement();
        checks.crossNode(urls);
        new MultiNodeOperations(cluster, run, urls, tag, port).run();
        checks.redeploy(verbs, deploy, redisNode, urls.get(0));
        checks.exerciseFile(verbs, settings.repo(), Map.of("DOCKER_REGISTRY", cluster.registry(), "DOCKER_USER", user, "TAG", tag,
                "IMAGEBACKEND_TAG", tag));
        run.checkNoneMissed();
        info("cluster set-up " + upSeconds + "s, deploy " + deploySeconds + "s");
    }

    @Override
    public boolean teardown(boolean failed) {
        if (run != null) {
            run.abort();
            if (failed) {
                Diagnostics.print(run.rig.stack());
            }
            run.printTable("multi-node drill: " + managers + " manager(s), " + (nodes - managers) + " worker(s)");
        }
        if (keep) {
            Report.note("--keep: cluster and stack left running (scripts/drill.sh cluster down removes them)");
            return true;
        }
        step("teardown");
        try {
            setup.down(false);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("drill: error: cluster down: " + e.getMessage());
        }
        List<String> left = cluster.leftovers();
        if (!left.isEmpty()) {
            System.err.println("drill: error: left on this machine: " + left);
            return false;
        }
        info("this machine's engine, bridges and iptables hold nothing of the cluster any more");
        return true;
    }
}
