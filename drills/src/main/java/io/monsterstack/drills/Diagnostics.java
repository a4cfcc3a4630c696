package io.monsterstack.drills;

import java.time.Duration;
import java.util.List;

import io.monsterstack.drills.swarm.Stack;

/** What a failed drill prints of the stack: its tasks, with Swarm's errors, and the end of each service's log. */
final class Diagnostics {

    private Diagnostics() {
    }

    static void print(Stack stack) {
        Report.step("diagnostics");
        stack.docker().lines("stack", "ps", "--no-trunc", "--format", "{{.Name}} {{.Node}} {{.Image}} {{.CurrentState}} {{.Error}}", stack.name())
                .stream().limit(40).forEach(Report::info);
        for (String service : List.of("frontend", "imagebackend", "redis", "edge")) {
            stack.docker().run(Duration.ofSeconds(20), "service", "logs", "--tail", "15", stack.service(service)).lines()
                    .forEach(line -> Report.info(service + ": " + line));
        }
    }
}
