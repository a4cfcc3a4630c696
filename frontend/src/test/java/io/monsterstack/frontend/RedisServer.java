package io.monsterstack.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A real redis-server process on a free port with {@code requirepass}, its password handed to the
 * frontend through a password file (with the trailing newline {@code echo} would write). With the
 * argument {@code running=false} no server is started, so the frontend meets a Redis that is down;
 * with {@code password=wrong} the frontend is given another password than the server's. The test
 * finds the server's own password file and port under {@code test.redis.*}.
 */
public class RedisServer extends SwitchableServer {

    private Process process;
    private Path directory;
    private boolean wrongPassword;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(initArgs);
        wrongPassword = "wrong".equals(initArgs.get("password"));
    }

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("monsterstack-redis");
            String password = "pw-" + UUID.randomUUID();
            Path passwordFile = Files.writeString(directory.resolve("redis_password"), password + "\n");
            Path frontendPasswordFile = wrongPassword
                    ? Files.writeString(directory.resolve("wrong_password"), "pw-" + UUID.randomUUID() + "\n")
                    : passwordFile;
            int port = Processes.freePort();
            if (running()) {
                // In a config file rather than on the command line, where ps would show the password.
                Path conf = Files.writeString(directory.resolve("redis.conf"), String.join("\n",
                        "port " + port, "bind 127.0.0.1", "requirepass " + password, "save \"\"",
                        "appendonly no", "dir " + directory, ""));
                process = new ProcessBuilder("redis-server", conf.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("redis.log").toFile())
                        .start();
                Processes.awaitPort(port, Duration.ofSeconds(10), process);
            }
            return Map.of(
                    "quarkus.redis.hosts", "redis://127.0.0.1:" + port,
                    "monsterstack.redis.password-file", frontendPasswordFile.toString(),
                    "test.redis.port", Integer.toString(port),
                    "test.redis.password-file", passwordFile.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    /** Stops it; a second call does nothing. */
    @Override
    public void stop() {
        Processes.stop(process);
        Processes.deleteQuietly(directory);
        process = null;
        directory = null;
    }
}
