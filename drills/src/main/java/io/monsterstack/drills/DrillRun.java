package io.monsterstack.drills;

import static io.monsterstack.drills.Report.info;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.monsterstack.drills.step.MeasuredStep;
import io.monsterstack.drills.step.Rig;
import io.monsterstack.drills.step.StepFigures;
import io.monsterstack.drills.step.StepTable;
import io.monsterstack.drills.step.Targets;
import io.monsterstack.drills.step.Verdict;
import io.monsterstack.drills.step.Verdict.Kind;
import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.DrillFailure;
import io.monsterstack.drills.swarm.Stack;
import io.monsterstack.drills.swarm.Verbs;
import io.monsterstack.drills.swarm.Wait;

/**
 * What every drill does around an operation: start the clients and counters, run the operation (a
 * user's script, mostly), stop them, judge the step, add its row to the table. A planned step that
 * misses its targets stops the drill at once, or, {@code stopOnMiss} false, at its end.
 */
final class DrillRun {

    /** An operation under measure. */
    interface Operation {
        void run() throws Exception;
    }

    // The step line update.sh and rollback-drill.sh print once they have built what they need, just
    // before they look up the service and update it.
    private static final Pattern UPDATE_STARTS = Pattern.compile("^==> \\S+  (rolling update of|rollback drill:) ");
    private static final Duration TAIL = Duration.ofSeconds(2);

    final Rig rig;
    final Verbs verbs;
    private final Targets targets;
    private final Duration lead;
    private final boolean stopOnMiss;
    private final StepTable table = new StepTable();
    private final List<String> missed = new ArrayList<>();
    private MeasuredStep running;

    DrillRun(Rig rig, Verbs verbs, Targets targets, Duration lead, boolean stopOnMiss) {
        this.rig = rig;
        this.verbs = verbs;
        this.targets = targets;
        this.lead = lead;
        this.stopOnMiss = stopOnMiss;
    }

    /** A drill against the stack on this machine's engine, with the single-node targets. */
    static DrillRun onThisEngine(Settings settings) {
        Docker docker = Docker.local();
        Rig rig = new Rig(new Stack(settings.stackName(), settings.url(), docker), List.of(docker),
                settings.loadRate(), true, settings.prometheus());
        Verbs verbs = new Verbs(settings.repo(), Map.of("STACK_NAME", settings.stackName()));
        return new DrillRun(rig, verbs, Targets.fromEnvironment(500, 1000), settings.lead(), true);
    }

    /** The clients and counters first, for {@code lead}; then the operation; then the verdict. */
    StepFigures measure(String operation, Kind kind, MeasuredStep step, Operation action) throws Exception {
        return measure(() -> operation, kind, step, action);
    }

    /** The same, the operation's name written once it is over (it may say what moved). */
    StepFigures measure(Supplier<String> operation, Kind kind, MeasuredStep step, Operation action) throws Exception {
        begin(step);
        Wait.pause(lead);
        action.run();
        return end(operation, kind, step);
    }

    /** A verb that updates a service, held as it announces the update (after any build) while the clients start. */
    StepFigures measureUpdate(String operation, MeasuredStep step, String script, String... args) throws Exception {
        return measureUpdate(() -> operation, step, script, args);
    }

    StepFigures measureUpdate(Supplier<String> operation, MeasuredStep step, String script, String... args) throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        verbs.run(UPDATE_STARTS.asPredicate(), () -> {
            begin(step);
            Wait.pause(lead);
            started.set(true);
        }, script, args);
        Report.check(started.get(), "scripts/" + script + " started no update");
        return end(operation, Kind.PLANNED, step);
    }

    private void begin(MeasuredStep step) {
        running = step;
        step.start();
    }

    private StepFigures end(Supplier<String> named, Kind kind, MeasuredStep step) throws InterruptedException {
        Wait.pause(TAIL);  // traffic after the operation, too
        String operation = named.get();
        StepFigures figures = step.stop();
        running = null;
        Verdict verdict = Verdict.judge(figures, kind, targets);
        figures.servers().ifPresent(servers -> info(String.format("servers (Prometheus): %d requests answered, %d 5xx;"
                + " clients: %d requests, %d failed", servers.requests(), servers.fivexx(), figures.clientRequests(), figures.failed())));
        info(String.format("%s (%s): %d failed, %d retried (edge %d, frontends %d), load p99 %d ms, curl gap %d ms: %s%s",
                operation, kind, figures.failed(), figures.retried(), figures.edgeRetries(), figures.frontendRetries(),
                figures.load().p99Ms(), figures.curl().gapMs(), verdict.word(),
                verdict.misses().isEmpty() ? "" : " (" + String.join(", ", verdict.misses()) + ")"));
        table.add(operation, kind, figures, verdict);
        if (verdict.failed()) {
            String misses = operation + ": " + String.join(", ", verdict.misses());
            missed.add(misses);
            if (stopOnMiss) {
                throw new DrillFailure(misses);
            }
        }
        return figures;
    }

    /** Stops a step left running by a failure. */
    void abort() {
        if (running != null) {
            running.abort();
            running = null;
        }
    }

    /** Fails the drill when a planned step missed its targets. */
    void checkNoneMissed() {
        Report.check(missed.isEmpty(), "planned operations that missed their targets (the table): " + String.join("; ", missed));
    }

    void printTable(String title) {
        if (!table.isEmpty()) {
            Report.step(title);
            System.out.println(table.markdown());
        }
    }
}
