package io.monsterstack.frontend;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service jar run as a child process with the JVM options its image runs it with (read from
 * {@code quarkus.jib.jvm-additional-arguments}, so the test cannot drift from the image), on a free port.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServiceProcess start(String name, Path jar, Path applicationProperties, Map<String, String> config) {
        try {
            int port = Processes.freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(imageJvmOptions(applicationProperties));
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.management.port=0");
            config.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            Path log = Path.of("target", "hostile-" + name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Processes.awaitPort(port, Duration.ofSeconds(60), process);
            return new ServiceProcess(process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> imageJvmOptions(Path applicationProperties) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        }
        String options = properties.getProperty("quarkus.jib.jvm-additional-arguments");
        if (options == null) {
            throw new IllegalStateException("no quarkus.jib.jvm-additional-arguments in " + applicationProperties);
        }
        return Arrays.asList(options.split(","));
    }

    int port() {
        return port;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** A field of /proc/PID/status in MB: VmRSS now, VmHWM the peak since start. */
    long memoryMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no " + field + " for process " + process.pid());
    }

    long logBytes() throws IOException {
        return Files.size(log);
    }

    String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset));
    }

    /** Sends SIGTERM; true when the process has exited within the time given. */
    boolean terminate(Duration within) {
        process.destroy();
        return process.onExit().completeOnTimeout(null, within.toMillis(), TimeUnit.MILLISECONDS).join() != null;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
