package io.monsterstack.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A server run as a child process, its output in a log file: a packaged service jar (on free HTTP
 * and management ports, set through the variables docs/configuration.md names, optionally with the
 * JVM options its image runs it with, read from {@code quarkus.jib.jvm-additional-arguments} so that
 * the test cannot drift from the image), or any other command such as redis-server.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    private static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** A packaged Quarkus jar, run by this JVM's java unless {@link Builder#java} says another, on free ports unless its {@link Builder#env} sets them. */
    public static Builder jar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package its module first");
        }
        return new Builder(jar, List.of());
    }

    /** Any other server, listening on {@link Builder#port(int)}. */
    public static Builder command(String... command) {
        return new Builder(null, List.of(command));
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a process is started. */
    public static final class Builder {

        private final Path jar;
        private final List<String> command;
        private final List<String> jvmOptions = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new HashMap<>();
        private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private Path log;
        private int port;
        private int managementPort;
        private boolean defaultPorts;

        private Builder(Path jar, List<String> command) {
            this.jar = jar;
            this.command = command;
        }

        /** The JVM options of the service's image, from its {@code application.properties}. */
        public Builder imageJvmOptions(Path applicationProperties) {
            Properties read = new Properties();
            try (Reader reader = Files.newBufferedReader(applicationProperties)) {
                read.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String options = read.getProperty("quarkus.jib.jvm-additional-arguments");
            if (options == null) {
                throw new IllegalStateException("no quarkus.jib.jvm-additional-arguments in " + applicationProperties);
            }
            jvmOptions.addAll(Arrays.asList(options.split(",")));
            return this;
        }

        /** The java that runs a {@link #jar}, such as the images' JDK. */
        public Builder java(String command) {
            java = command;
            return this;
        }

        /** JVM options of a {@link #jar}, after its image's. */
        public Builder jvmOptions(List<String> options) {
            jvmOptions.addAll(options);
            return this;
        }

        /** Configuration properties, passed as {@code -Dkey=value}. */
        public Builder config(Map<String, String> config) {
            properties.putAll(config);
            return this;
        }

        /** Environment variables, as Swarm would set them. */
        public Builder env(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Where its output goes. */
        public Builder log(Path file) {
            log = file;
            return this;
        }

        /** The port a {@link #command} server listens on. */
        public Builder port(int listening) {
            port = listening;
            return this;
        }

        /** Sets no port of a {@link #jar}, which then listens on its defaults: these, where the test reaches it. */
        public Builder defaultPorts(int http, int management) {
            defaultPorts = true;
            port = http;
            managementPort = management;
            return this;
        }

        /** Starts it, without waiting for anything. */
        public ServiceProcess start() {
            if (log == null) {
                throw new IllegalStateException("no log file given");
            }
            List<String> line = new ArrayList<>();
            if (jar != null) {
                line.add(java);
                line.addAll(jvmOptions);
                properties.forEach((key, value) -> line.add("-D" + key + "=" + value));
                line.addAll(List.of("-jar", jar.toString()));
            } else {
                line.addAll(command);
            }
            ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> variables = builder.environment();
            if (jar != null) {
                // No port comes from this JVM's environment: free ones, or the test's own.
                variables.remove(HTTP_PORT);
                variables.remove(MANAGEMENT_PORT);
                if (!defaultPorts) {
                    variables.put(HTTP_PORT, Integer.toString(freePort()));
                    variables.put(MANAGEMENT_PORT, Integer.toString(freePort()));
                }
            }
            variables.putAll(environment);
            if (jar != null && !defaultPorts) {
                port = Integer.parseInt(variables.get(HTTP_PORT));
                managementPort = Integer.parseInt(variables.get(MANAGEMENT_PORT));
            }
            try {
                return new ServiceProcess(builder.start(), port, managementPort, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Starts it and waits until it accepts connections. */
        public ServiceProcess startListening(Duration within) {
            ServiceProcess started = start();
            started.awaitListening(within);
            return started;
        }
    }

    public int port() {
        return port;
    }

    /** Its process id, where /proc counts its CPU. */
    public long pid() {
        return process.pid();
    }

    /** {@code path} on its application port. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** {@code path} on its management interface, such as {@code /q/health/ready}. */
    public URI managementUrl(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** Waits until it accepts connections on its port; fails at once, with its log, if it exits first. */
    public void awaitListening(Duration within) {
        try {
            await("port " + port + " accepting").atMost(within).pollInterval(Duration.ofMillis(50))
                    .failFast("the process exited", () -> !process.isAlive())
                    .until(this::accepts);
        } catch (ConditionTimeoutException | TerminalFailureException notListening) {
            throw new AssertionError(notListening.getMessage() + "; its log:\n" + log(), notListening);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Waits for it to exit by itself; true when it has. */
    public boolean awaitExit(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** A field of /proc/PID/status in MB: VmRSS now, VmHWM the peak since start. */
    public long memoryMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no " + field + " for process " + process.pid());
    }

    /** Everything it printed so far. */
    public String log() {
        return logSince(0);
    }

    public long logBytes() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as docker stop and Swarm do; true when it has exited within the time given. */
    public boolean terminate(Duration within) throws InterruptedException {
        process.destroy();
        return awaitExit(within);
    }

    /** SIGKILL, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
    @Override
    public void close() {
        try {
            if (!terminate(Duration.ofSeconds(10))) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
