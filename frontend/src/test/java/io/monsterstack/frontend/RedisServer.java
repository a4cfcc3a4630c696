package io.monsterstack.frontend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.monsterstack.testsupport.ServiceProcess;

/**
 * A real redis-server process on a free port with {@code requirepass}, its password handed to the
 * frontend through a password file (with the trailing newline {@code echo} would write). With the
 * argument {@code running=false} no server is started, so the frontend meets a Redis that is down;
 * with {@code password=wrong} the frontend is given another password than the server's. A test's
 * {@link Admin} field gets the server as its administrator reaches it.
 */
public class RedisServer extends SwitchableServer {

    /** The server on its port with its own password, whatever the frontend was given. */
    public record Admin(int port, String password) {

        /** Redis's own count of its open client connections, this one included. */
        public int connectedClients() throws IOException {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(("AUTH " + password + "\r\nINFO clients\r\n").getBytes(StandardCharsets.UTF_8));
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("connected_clients:")) {
                        return Integer.parseInt(line.substring("connected_clients:".length()));
                    }
                }
                throw new IOException("Redis did not report connected_clients");
            }
        }
    }

    private ServiceProcess process;
    private Path directory;
    private Admin admin;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("monsterstack-redis");
            String password = "pw-" + UUID.randomUUID();
            Path passwordFile = Files.writeString(directory.resolve("redis_password"), password + "\n");
            Path frontendPasswordFile = argument("password", "wrong")
                    ? Files.writeString(directory.resolve("wrong_password"), "pw-" + UUID.randomUUID() + "\n")
                    : passwordFile;
            int port = ServiceProcess.freePort();
            admin = new Admin(port, password);
            if (running()) {
                // In a config file rather than on the command line, where ps would show the password.
                Path conf = Files.writeString(directory.resolve("redis.conf"), String.join("\n",
                        "port " + port, "bind 127.0.0.1", "requirepass " + password, "save \"\"",
                        "appendonly no", "dir " + directory, ""));
                process = ServiceProcess.command("redis-server", conf.toString()).port(port)
                        .log(directory.resolve("redis.log")).startListening(Duration.ofSeconds(10));
            }
            return Map.of(
                    "quarkus.redis.hosts", "redis://127.0.0.1:" + port,
                    "monsterstack.redis.password-file", frontendPasswordFile.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(admin, new TestInjector.MatchesType(Admin.class));
    }

    /** Stops it; a second call does nothing. */
    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        process = null;
        directory = null;
        admin = null;
    }
}
