package io.monsterstack.drills.start;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code drill.sh measure-start}: how many runs, which image tag, which services,
 * variables set in the measured containers, another CPU limit than the stack's, and whether to
 * measure without the AOT cache too.
 */
public record StartOptions(int runs, Optional<String> tag, List<String> services, List<String> env, Optional<String> cpus,
        boolean compareAot) {

    /** The app images, in the order they are measured. */
    public static final List<String> SERVICES = List.of("frontend", "imagebackend");

    /** Parses the arguments after the subcommand; a bad one throws with a message that says what is wrong. */
    public static StartOptions parse(List<String> args) {
        int runs = 3;
        Optional<String> tag = Optional.empty();
        List<String> services = SERVICES;
        List<String> env = new ArrayList<>();
        Optional<String> cpus = Optional.empty();
        boolean compareAot = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--compare-aot")) {
                compareAot = true;
                continue;
            }
            if (!List.of("--runs", "--tag", "--only", "--env", "--cpus").contains(option)) {
                throw new IllegalArgumentException("unknown argument: " + option);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--runs" -> runs = positiveRuns(value);
                case "--tag" -> tag = Optional.of(value);
                case "--only" -> {
                    if (!SERVICES.contains(value)) {
                        throw new IllegalArgumentException("--only takes frontend or imagebackend, not " + value);
                    }
                    services = List.of(value);
                }
                case "--env" -> {
                    if (value.indexOf('=') < 1) {
                        throw new IllegalArgumentException("--env takes KEY=VALUE, not " + value);
                    }
                    env.add(value);
                }
                default -> {
                    if (!value.matches("[0-9]*\\.?[0-9]+") || Double.parseDouble(value) <= 0) {
                        throw new IllegalArgumentException("--cpus takes a number of CPUs above 0 (2, 0.5), not " + value);
                    }
                    cpus = Optional.of(value);
                }
            }
        }
        return new StartOptions(runs, tag, services, List.copyOf(env), cpus, compareAot);
    }

    private static int positiveRuns(String value) {
        if (!value.matches("[0-9]{1,4}") || Integer.parseInt(value) < 1) {
            throw new IllegalArgumentException("--runs takes a number of runs from 1, not " + value);
        }
        return Integer.parseInt(value);
    }

    /** The variants measured: the images as deployed (with their AOT cache), and without it on --compare-aot. */
    public List<String> variants() {
        return compareAot ? List.of("AOT", "no-AOT") : List.of("AOT");
    }
}
