package io.monsterstack.drills.swarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The user's scripts (scripts/*.sh), run as a user runs them: same arguments, the drill's
 * environment plus the names it sets (STACK_NAME, DOCKER_HOST...). What they print goes to the
 * drill's output as it comes, and is kept for the checks that read it.
 */
public final class Verbs {

    /** A script's exit status and every line it printed (stdout and stderr). */
    public record Result(int exit, List<String> lines) {

        public boolean ok() {
            return exit == 0;
        }
    }

    private final Path scripts;
    private final Map<String, String> env;

    public Verbs(Path repo, Map<String, String> env) {
        this.scripts = repo.resolve("scripts");
        this.env = Map.copyOf(env);
    }

    /** The same verbs with one more environment variable (null: removed). */
    public Verbs with(String key, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(key, value == null ? "" : value);
        return new Verbs(scripts.getParent(), more);
    }

    /** Runs the script; fails the drill when it fails. */
    public List<String> run(String script, String... args) {
        return run(line -> false, () -> { }, script, args);
    }

    /**
     * Runs the script, and calls {@code then} once, as soon as it prints a line {@code when} accepts,
     * with the script held (SIGSTOP, then SIGCONT) until {@code then} returns: how a drill starts its
     * clients a few seconds before the operation a verb announces, after what it built.
     */
    public List<String> run(Predicate<String> when, Runnable then, String script, String... args) {
        Result result = attempt(when, then, script, args);
        if (!result.ok()) {
            throw new DrillFailure("scripts/" + script + " " + String.join(" ", args) + " failed (exit " + result.exit() + ")");
        }
        return result.lines();
    }

    /** Runs the script, whatever its exit status. */
    public Result attempt(String script, String... args) {
        return attempt(line -> false, () -> { }, script, args);
    }

    private static void signal(String signal, Process process) {
        List<String> kill = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.descendants().forEach(child -> kill.add(Long.toString(child.pid())));
        Shell.run(kill, Map.of(), java.time.Duration.ofSeconds(5));
    }

    private Result attempt(Predicate<String> when, Runnable then, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(scripts.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        env.forEach((key, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        List<String> lines = new ArrayList<>();
        boolean triggered = false;
        try {
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println(line);
                    lines.add(line);
                    if (!triggered && when.test(line)) {
                        triggered = true;
                        signal("STOP", process);
                        try {
                            then.run();
                        } finally {
                            signal("CONT", process);
                        }
                    }
                }
            }
            return new Result(process.waitFor(), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DrillFailure("interrupted while running " + script);
        }
    }
}
