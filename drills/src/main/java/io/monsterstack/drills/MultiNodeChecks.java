package io.monsterstack.drills;

import static io.monsterstack.drills.Report.check;
import static io.monsterstack.drills.Report.info;
import static io.monsterstack.drills.Report.pass;
import static io.monsterstack.drills.Report.step;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Shell;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Verbs;
import io.monsterstack.drills.swarm.Wait;

/** The multi-node drill's checks besides the measured operations: where tasks run, who reaches whom, what survives a redeploy. */
final class MultiNodeChecks {

    private final Cluster cluster;
    private final Stack stack;
    private final Docker manager;
    private final int managers;

    MultiNodeChecks(Cluster cluster, Stack stack, int managers) {
        this.cluster = cluster;
        this.stack = stack;
        this.manager = stack.docker();
        this.managers = managers;
    }

    /** The nodes running the service's tasks, one per task, sorted. */
    static List<String> tasksOn(Stack stack, String service) {
        return stack.docker().lines("service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}",
                stack.service(service)).stream().filter(line -> line.split(" ")[1].equals("Running")).map(line -> line.split(" ")[0]).sorted().toList();
    }

    /** Tasks spread over both zones, Redis on a manager (the labelled one when there are several); returns Redis' node. */
    String placement() {
        step("5. placement, zones, pulls");
        for (String service : List.of("frontend", "imagebackend", "redis", "edge")) {
            Map<String, Integer> count = new TreeMap<>();
            tasksOn(stack, service).forEach(node -> count.merge(node, 1, Integer::sum));
            count.forEach((node, n) -> info(service + " x" + n + " on " + node + " (" + cluster.role(node) + ", zone " + cluster.label(node, "zone") + ")"));
        }
        for (String service : List.of("frontend", "imagebackend")) {
            List<String> zones = tasksOn(stack, service).stream().map(node -> cluster.label(node, "zone")).distinct().toList();
            check(zones.size() >= 2, service + " is not spread over both zones " + zones);
        }
        pass("frontend and backend spread over zones a and b");
        String redis = tasksOn(stack, "redis").get(0);
        check(cluster.role(redis).equals("manager"), "Redis runs on " + redis + ", not a manager");
        check(managers == 1 || cluster.label(redis, "monsterstack.redis").equals("true"),
                "Redis runs on " + redis + ", not the manager labelled monsterstack.redis=true");
        pass("Redis on " + redis + ", a manager" + (managers == 1 ? "" : ", labelled monsterstack.redis=true"));
        for (String node : cluster.nodes()) {
            long pulled = cluster.engine(node).lines("image", "ls", "--format", "{{.Repository}}").stream()
                    .filter(repository -> repository.startsWith(cluster.registry() + "/")).count();
            info(node + " pulled: " + pulled + " image(s) from " + cluster.registry());
        }
        String worker = cluster.workers().isEmpty() ? cluster.nodes().get(0) : cluster.workers().get(0);
        info(String.join(" ", manager.lines("node", "ps", "--format", "{{.Name}} {{.CurrentState}}", worker).stream().limit(4).toList())
                + " (docker node ps " + worker + ")");
        return redis;
    }

    /** A frontend fetches a PNG from a backend on another node over the overlay; the counter grows through two nodes' edges. */
    void crossNode(List<URI> urls) throws Exception {
        step("6. a frontend calling a backend on another node");
        String frontendNode = tasksOn(stack, "frontend").get(0);
        String backendNode = tasksOn(stack, "imagebackend").stream().filter(node -> !node.equals(frontendNode)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend on another node than " + frontendNode));
        Docker frontendEngine = cluster.engine(frontendNode);
        Docker backendEngine = cluster.engine(backendNode);
        String frontend = frontendEngine.taskContainers(stack.name(), "frontend").get(0);
        String backendIp = stack.taskIps(backendEngine, backendEngine.taskContainers(stack.name(), "imagebackend")).get(0);
        // busybox wget's -T crashes (SIGSEGV) in these images: the time limit is the drill's.
        Shell.Result png = frontendEngine.run(Duration.ofSeconds(20), "exec", frontend, "wget", "-q", "-O", "-",
                "http://" + backendIp + ":8080/monster/cross-node");
        check(png.ok(), "the frontend on " + frontendNode + " cannot reach the backend on " + backendNode + " (" + backendIp + ")");
        info(FunctionalChecks.decode(png.bytes()));
        pass("frontend on " + frontendNode + " fetched a PNG from the backend on " + backendNode + " (" + backendIp + ") over the overlay");
        long first = stack.visits(urls.get(0)).orElse(-1L);
        long second = stack.visits(urls.get(urls.size() - 1)).orElse(-1L);
        check(first >= 0 && second > first, "visit counter did not grow across nodes (" + first + ", " + second + ")");
        pass("visit counter grows through two nodes' edges (" + first + " -> " + second + "): frontends reach Redis");
    }

    /** docker stack rm + deploy.sh again: the counter kept, Redis on the same node. */
    void redeploy(Verbs verbs, List<String> deploy, String redisNode, URI url) {
        step("8. docker stack rm + redeploy keeps the visit counter (Redis pinned to " + redisNode + ")");
        long before = stack.visits(url).orElseThrow();
        verbs.run("cleanup.sh");
        verbs.run("deploy.sh", deploy.toArray(String[]::new));
        Wait.until(Duration.ofSeconds(60), "the page with its counter", () -> stack.visits(url).isPresent());
        long after = stack.visits(url).orElseThrow();
        check(tasksOn(stack, "redis").equals(List.of(redisNode)), "Redis moved to " + tasksOn(stack, "redis"));
        check(after > before, "visit counter lost (" + before + " -> " + after + ")");
        pass("visit counter preserved (" + before + " -> " + after + "), Redis still on " + redisNode);
    }

    /** stack/exercise.swarm.yml with our images: every task's own healthcheck passed twice and never failed, no task replaced. */
    void exerciseFile(Verbs verbs, Path repo, Map<String, String> images) {
        step("9. the exercise's own stack file with our images in it (stack/exercise.swarm.yml)");
        verbs.run("cleanup.sh");
        // Its healthchecks (curl, busybox wget --tries, redis-cli), localhost, environment and ports;
        // its frontend and backend on the workers, Redis on the manager; our images by its variables.
        Map<String, String> env = new HashMap<>(manager.environment());
        env.putAll(images);
        check(Shell.run(List.of("docker", "stack", "deploy", "--with-registry-auth", "-c", repo.resolve("stack/exercise.swarm.yml").toString(),
                "exercise"), env, Duration.ofMinutes(5)).ok(), "docker stack deploy of the exercise's stack file failed");
        Stack exercise = new Stack("exercise", stack.url(), manager);
        exercise.awaitConverged(Duration.ofSeconds(300));
        List<String> tasks = runningTasks();
        // The file's checks run every 30 s, the second pass about 30 s after the first. A check may
        // fail in its start period (a task still warming up), none after a pass.
        Wait.until(Duration.ofSeconds(120), "two passing healthchecks on each of the exercise's tasks", () -> {
            List<String> checks = exerciseHealthchecks();
            check(checks.stream().allMatch(task -> task.matches("\\S+( -?[1-9][0-9]*)*( 0)*")),
                    "a healthcheck of the exercise's failed after passing: " + checks);
            return checks.size() == 6 && checks.stream().allMatch(task -> task.endsWith(" 0 0"));
        });
        check(runningTasks().equals(tasks), "the exercise's tasks did not stay: " + tasks + " -> " + runningTasks());
        exerciseHealthchecks().forEach(task -> info(task + " (exit codes of its healthchecks)"));
        manager.out("stack", "rm", "exercise");
        pass("the exercise's stack file: 3 frontends, 2 backends and Redis each passed their own healthcheck twice, none failed or was replaced");
    }

    private List<String> runningTasks() {
        return manager.lines("stack", "ps", "-q", "--filter", "desired-state=running", "exercise").stream().sorted().toList();
    }

    /** Per task container of the exercise's stack, on every node: its name, then the exit code of each healthcheck Docker kept. */
    private List<String> exerciseHealthchecks() {
        List<String> checks = new ArrayList<>();
        for (String node : cluster.nodes()) {
            Docker engine = cluster.engine(node);
            List<String> containers = engine.taskContainers("exercise", "frontend", "imagebackend", "redis");
            if (!containers.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("inspect", "--format",
                        "{{.Name}}{{if .State.Health}}{{range .State.Health.Log}} {{.ExitCode}}{{end}}{{end}}"));
                args.addAll(containers);
                checks.addAll(engine.lines(args.toArray(String[]::new)));
            }
        }
        return checks;
    }
}
