package io.monsterstack.drills;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.monsterstack.drills.bench.Bench;
import io.monsterstack.drills.swarm.DrillFailure;

/** {@code scripts/drill.sh NAME [options]}: runs one drill and exits 0 when it passed (or a command: cluster, measure-start, bench). */
public final class Drills {

    static final String USAGE = """
            usage: drill.sh single-node [--keep]
                   drill.sh multi-node [--managers M] [--nodes N] [--keep]
                   drill.sh faults
                   drill.sh rollback [--tag TAG] [--timeout SECONDS]
                   drill.sh cluster up [NODES] [--managers M] | down [--keep-images] | status | env
                   drill.sh measure-start [--runs N] [--tag TAG] [--only SERVICE] [--env KEY=VALUE]... [--cpus N] [--compare-aot]
                   bench.sh [--duration S] [--warmup S] [--connections "16 64"] [--baseline DIR] [--out DIR] [--report-only]
            (scripts/drill.sh --help says what each does; scripts/bench.sh --help what the bench measures)
            """;

    private Drills() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || List.of("-h", "--help").contains(args[0])) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 1 : 0);
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (args[0].equals("cluster")) {
            System.exit(ClusterCommand.run(options));
        }
        if (args[0].equals("bench")) {
            System.exit(Bench.command(options, Settings.fromEnvironment("monsterstack", Duration.ZERO).repo()));
        }
        if (args[0].equals("measure-start")) {
            System.exit(MeasureStart.command(options));
        }
        Drill drill = switch (args[0]) {
            case "single-node" -> SingleNodeDrill.create(options);
            case "multi-node" -> MultiNodeDrill.create(options);
            case "faults" -> FaultDrill.create(options);
            case "rollback" -> RollbackDrill.create(options);
            default -> {
                System.err.print("drill: error: unknown drill " + args[0] + "\n" + USAGE);
                System.exit(1);
                yield null;
            }
        };
        System.exit(execute(args[0], drill));
    }

    /** Runs the drill, then its teardown, also when the JVM is stopped (SIGTERM, Ctrl-C) meanwhile. */
    static int execute(String name, Drill drill) {
        long started = System.nanoTime();
        AtomicBoolean tornDown = new AtomicBoolean();
        Thread stopped = new Thread(() -> {
            if (tornDown.compareAndSet(false, true)) {
                drill.teardown(true);
            }
        });
        Runtime.getRuntime().addShutdownHook(stopped);
        String failure = null;
        try {
            drill.run();
        } catch (DrillFailure failed) {
            failure = failed.getMessage();
            System.err.println("drill: error: " + failure);
        } catch (Exception | Error unexpected) {
            unexpected.printStackTrace();
            failure = unexpected.toString();
        }
        if (tornDown.compareAndSet(false, true) && !drill.teardown(failure != null) && failure == null) {
            failure = "its teardown left something behind";
        }
        Runtime.getRuntime().removeShutdownHook(stopped);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        // The reason again at the very end, where a log's tail shows it after the diagnostics.
        Report.step(name + " drill " + (failure != null ? "FAILED after " + seconds + "s: " + failure : "PASSED in " + seconds + "s"));
        return failure != null ? 1 : 0;
    }

    /** Options: whether {@code flag} is given. */
    static boolean flag(List<String> options, String flag) {
        return options.contains(flag);
    }

    /** Options: the value after {@code option}, or {@code otherwise}. */
    static String value(List<String> options, String option, String otherwise) {
        int at = options.indexOf(option);
        if (at >= 0 && at + 1 >= options.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return at < 0 ? otherwise : options.get(at + 1);
    }

    /** Options: every one is among {@code known} (a flag, or an option followed by its value). */
    static void only(List<String> options, List<String> flags, List<String> valued) {
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (valued.contains(option)) {
                i++;
            } else if (!flags.contains(option)) {
                System.err.print("drill: error: unknown argument: " + option + "\n" + USAGE);
                System.exit(1);
            }
        }
    }
}
