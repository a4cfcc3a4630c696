package io.monsterstack.drills.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.start.ProcCpu;
import io.monsterstack.drills.start.SwarmStackFile;
import io.monsterstack.drills.swarm.Wait;
import io.monsterstack.testsupport.RawHttp;
import io.monsterstack.testsupport.ServiceProcess;

/**
 * The bench's processes on loopback ports: redis-server with a password file and the stack's
 * memory bound, the services' jars run by the images' JVM with the images' options, nginx serving
 * a static directory. Closing it stops them all.
 */
public final class LocalStack implements AutoCloseable {

    /** A running service: NAME is a module, or MODULE@BUILD run from another checkout (--baseline). */
    public record Service(String name, ServiceProcess process, long pid, int port, long readyMs, long readyCpuMs) {
    }

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Path work;
    private final String java;
    private final ProcCpu proc;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private final int redisPort = ServiceProcess.freePort();
    private final Path redisPassword;
    private final List<Long> nginxPids = new ArrayList<>();
    private final List<ServiceProcess> servers = new ArrayList<>();
    private long redisPid;
    private int backendPort;

    /** {@code java}: the JVM the services run on; their logs and the configuration files go to {@code work}. */
    public LocalStack(Path work, String java, ProcCpu proc) {
        this.work = work;
        this.java = java;
        this.proc = proc;
        this.redisPassword = work.resolve("redis_password");
    }

    /** redis-server as the stack runs it: a password (in owner-only files, never on a command line), its memory bound and policy. */
    public void startRedis(SwarmStackFile stackFile) throws IOException {
        String password = Base64.getEncoder().encodeToString(seed());
        Path conf = work.resolve("redis.conf");
        for (Path file : List.of(redisPassword, conf)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(redisPassword, password + "\n");
        Files.writeString(conf, "port " + redisPort + "\nbind 127.0.0.1\nrequirepass " + password + "\nsave \"\"\nappendonly no\n"
                + "maxmemory " + stackFile.commandOption("redis", "--maxmemory") + "\n"
                + "maxmemory-policy " + stackFile.commandOption("redis", "--maxmemory-policy") + "\n");
        redisPid = listening(ServiceProcess.command("redis-server", conf.toString()).port(redisPort).log(work.resolve("redis.log")));
    }

    private static byte[] seed() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** nginx serving {@code root} on a free port, tuned as a static-file server is; the port. */
    public int startNginx(Path root) throws IOException {
        int port = ServiceProcess.freePort();
        Path conf = work.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    sendfile on;
                    tcp_nopush on;
                    types { image/png png; }
                    server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                    }
                }
                """.formatted(work, port, root));
        long master = listening(ServiceProcess.command("nginx", "-c", conf.toString(), "-p", work.toString(), "-g", "daemon off;")
                .port(port).log(work.resolve("nginx.log")));
        nginxPids.add(master);
        ProcessHandle.of(master).orElseThrow().children().forEach(worker -> nginxPids.add(worker.pid()));
        return port;
    }

    /** The port the frontends call the image backend on. */
    public void backendPort(int port) {
        backendPort = port;
    }

    /**
     * Starts a service's jar from {@code checkout} with the JVM options of its image (then {@code jvmOptions})
     * and the variables given besides the wiring to the local Redis and image backend, and waits until
     * /q/health/ready answers 200: on its management port, or on {@code port} for a build from before
     * the management interface.
     */
    public Service start(String name, Path checkout, int port, Map<String, String> env, List<String> jvmOptions,
            boolean readyOnManagementPort) throws IOException {
        String module = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
        int management = managementPorts.computeIfAbsent(name, unused -> ServiceProcess.freePort());
        Map<String, String> variables = new HashMap<>(Map.of("QUARKUS_HTTP_PORT", Integer.toString(port),
                "MANAGEMENT_PORT", Integer.toString(management), "REDIS_DOMAIN", "127.0.0.1", "REDIS_PORT", Integer.toString(redisPort),
                "REDIS_PASSWORD_FILE", redisPassword.toString(), "IMAGEBACKEND_DOMAIN", "127.0.0.1",
                "IMAGEBACKEND_PORT", Integer.toString(backendPort),
                // No shutdown delay: it gives Swarm time to take a stopping task out of DNS; nothing routes here but the port.
                "SHUTDOWN_DELAY", "0s"));
        variables.putAll(env);
        long started = System.nanoTime();
        ServiceProcess process = ServiceProcess.jar(checkout.resolve(module).resolve("target/quarkus-app/quarkus-run.jar")).java(java)
                .imageJvmOptions(checkout.resolve(module).resolve("src/main/resources/application.properties")).jvmOptions(jvmOptions)
                .env(variables).log(work.resolve(name + ".log")).start();
        long pid = process.pid();
        URI ready = URI.create("http://127.0.0.1:" + (readyOnManagementPort ? management : port) + "/q/health/ready");
        try {
            Wait.until(PATIENCE, Duration.ofMillis(10), name + " to answer " + ready, () -> {
                if (!process.alive()) {
                    throw new IllegalStateException(name + " ended before it was ready; its log, " + work.resolve(name + ".log") + ":\n"
                            + tail(process));
                }
                return RawHttp.get(ready, Duration.ofSeconds(1)).status() == 200;
            });
        } catch (RuntimeException notReady) {
            process.close();
            throw notReady;
        }
        Service service = new Service(name, process, pid, port, (System.nanoTime() - started) / 1_000_000, proc.processMs(pid));
        services.put(name, service);
        return service;
    }

    /** SIGTERM, and waits for it to end: as long as a JVM that writes its AOT cache on exit takes. */
    public void stop(String name) {
        Service service = services.remove(name);
        try {
            if (!service.process().terminate(PATIENCE)) {
                service.process().kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + name + " stopped", e);
        }
    }

    public Service service(String name) {
        return services.get(name);
    }

    /** The CPU every process has used so far, each service's by thread group too, and the machine's. */
    public CpuSnapshot snapshot() throws IOException {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (Service service : services.values()) {
            ms.put(service.name(), proc.processMs(service.pid()));
            proc.threadGroups(service.pid()).byName().forEach((group, used) -> ms.put(service.name() + "." + group, used));
        }
        ms.put("redis", proc.processMs(redisPid));
        ms.put("nginx", proc.processMs(nginxPids.stream().mapToLong(Long::longValue).toArray()));
        return new CpuSnapshot(ms, proc.machineBusyMs(), System.nanoTime());
    }

    /** Stops every process at once (SIGTERM), then waits for each. */
    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(servers);
        services.values().forEach(service -> all.add(service.process()));
        services.clear();
        servers.clear();
        all.forEach(ServiceProcess::close);
    }

    /** Starts a server and waits until it accepts connections; its pid. */
    private long listening(ServiceProcess.Builder builder) {
        ServiceProcess server = builder.start();
        servers.add(server);
        try {
            server.awaitListening(Duration.ofSeconds(10));
        } catch (AssertionError notListening) {
            throw new IllegalStateException(notListening.getMessage(), notListening);
        }
        return server.pid();
    }

    private static String tail(ServiceProcess process) {
        List<String> lines = process.log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
