package io.monsterstack.drills.swarm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, its output kept: what a drill asks of docker and of the host. */
public final class Shell {

    /** A command's exit status (-1 when it ran out of time) and what it printed on stdout. */
    public record Result(int exit, byte[] bytes) {

        public boolean ok() {
            return exit == 0;
        }

        public String out() {
            return new String(bytes, StandardCharsets.UTF_8).strip();
        }

        public List<String> lines() {
            String out = out();
            return out.isEmpty() ? List.of() : out.lines().toList();
        }
    }

    private Shell() {
    }

    /** Runs {@code command} with the extra environment, stderr passed through, killed after {@code timeout}. */
    public static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        Process process;
        try {
            process = builder.start();
        } catch (IOException notFound) {
            return new Result(127, new byte[0]);  // as a shell says of a command it cannot run
        }
        return await(process, command, timeout);
    }

    private static Result await(Process process, List<String> command, Duration timeout) {
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, out.join());
            }
            return new Result(process.exitValue(), out.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    public static Result run(String... command) {
        return run(List.of(command), Map.of(), Duration.ofMinutes(5));
    }

    /** Whether {@code command} is on the PATH. */
    public static boolean onPath(String command) {
        return run(List.of("sh", "-c", "command -v " + command), Map.of(), Duration.ofSeconds(5)).ok();
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream all = new ByteArrayOutputStream()) {
            in.transferTo(all);
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
