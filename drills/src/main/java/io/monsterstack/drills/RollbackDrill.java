package io.monsterstack.drills;

import java.time.Duration;
import java.util.List;

/**
 * README step 6 measured: scripts/rollback-drill.sh rolls a broken frontend image out and checks
 * that Swarm rolls it back by itself; the clients must see no failed and no retried request.
 */
final class RollbackDrill implements Drill {

    private final DrillRun run;
    private final List<String> options;

    private RollbackDrill(DrillRun run, List<String> options) {
        this.run = run;
        this.options = options;
    }

    static Drill create(List<String> options) {
        Drills.only(options, List.of(), List.of("--tag", "--timeout"));
        return new RollbackDrill(DrillRun.onThisEngine(Settings.fromEnvironment("monsterstack", Duration.ofSeconds(5))), options);
    }

    /** The measured step, as a drill's: rollback-drill.sh with these options. */
    static void measure(DrillRun run, String... options) throws Exception {
        run.measureUpdate("broken frontend image, automatic rollback", run.rig.step("rollback"), "rollback-drill.sh", options);
    }

    @Override
    public void run() throws Exception {
        measure(run, options.toArray(String[]::new));
    }

    @Override
    public boolean teardown(boolean failed) {
        run.abort();
        run.printTable("measured rollback");
        return true;
    }
}
