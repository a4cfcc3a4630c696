package io.monsterstack.drills.clients;

import java.util.List;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Stack;

/**
 * A client with no edge and no retries: a container on the stack's overlay network that asks
 * frontend:5000 by Docker's DNS, with busybox wget (a new connection and a new lookup each, bounded
 * by busybox timeout: wget's own -T crashes in these images), for the page and a never-seen monster,
 * about 5 rounds a second. Without the stack's network (no swarm, another stack) there is none.
 */
public final class IndependentClient {

    // Each line: "<start s> <end s> ok|failed <path>", times from /proc/uptime (hundredths of a
    // second); at most 30 minutes, should the drill that started it be gone.
    private static final String LOOP = """
            now() { read -r up idle < /proc/uptime; echo "$up"; }
            end=$(( 1800 + $(now | busybox cut -d . -f 1) )) n=0
            while [ "$(now | busybox cut -d . -f 1)" -lt "$end" ]; do
                n=$((n + 1))
                for path in / "/monster/independent-$HOSTNAME-$n"; do
                    started=$(now)
                    if busybox timeout 5 wget -q -O /dev/null "http://frontend:5000$path"; then
                        result=ok
                    else
                        result=failed
                    fi
                    echo "$started $(now) $result $path"
                done
                busybox sleep 0.1
            done""";

    private final Stack stack;
    private String container;

    public IndependentClient(Stack stack) {
        this.stack = stack;
    }

    public void start() {
        Docker docker = stack.docker();
        container = null;
        if (!docker.run("network", "inspect", stack.network()).ok()) {
            return;
        }
        // The frontend's own image has busybox sh and wget, and is on every node running the stack.
        container = docker.out("run", "-d", "--network", stack.network(), "--label", "io.monsterstack.client=" + stack.name(),
                "--entrypoint", "sh", stack.serviceImage("frontend"), "-c", LOOP);
    }

    public IndependentFigures stop() {
        if (container == null) {
            return IndependentFigures.parse(List.of());
        }
        Docker docker = stack.docker();
        // A client gone meanwhile: its figures are what it logged.
        List<String> log = docker.run("logs", container).lines();
        docker.run("rm", "-f", container);
        container = null;
        IndependentFigures figures = IndependentFigures.parse(log);
        log.stream().filter(line -> line.contains(" failed ")).limit(5).forEach(line -> System.out.println("    independent client: " + line));
        return figures;
    }

    /** Removes the container, for a drill that stops half-way. */
    public void abort() {
        if (container != null) {
            stack.docker().run("rm", "-f", container);
            container = null;
        }
    }
}
