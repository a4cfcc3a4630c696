package io.monsterstack.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The real image backend, run from its packaged jar (system property {@code imagebackend.jar}) on a free port. */
public class RealImageBackend implements QuarkusTestResourceLifecycleManager {

    private Process process;
    private URI url;

    @Override
    public Map<String, String> start() {
        Path jar = Path.of(System.getProperty("imagebackend.jar", "../imagebackend/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the imagebackend module first");
        }
        try {
            int port = Processes.freePort();
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=0",
                    "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "imagebackend-it.log").toFile())
                    .start();
            Processes.awaitPort(port, Duration.ofSeconds(30), process);
            url = URI.create("http://127.0.0.1:" + port);
            return Map.of("quarkus.rest-client.imagebackend.url", url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the test's {@code URI} field the backend's address, to ask it for monsters directly. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(url, new TestInjector.MatchesType(URI.class));
    }

    @Override
    public void stop() {
        Processes.stop(process);
    }
}
