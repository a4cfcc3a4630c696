package io.monsterstack.frontend;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.monsterstack.testsupport.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The real image backend, run from its packaged jar (system property {@code imagebackend.jar}) on a free port. */
public class RealImageBackend implements QuarkusTestResourceLifecycleManager {

    /** The image backend's packaged jar, as failsafe names it (the reactor builds that module first). */
    static final Path JAR = Path.of(System.getProperty("imagebackend.jar", "../imagebackend/target/quarkus-app/quarkus-run.jar"));

    private ServiceProcess process;

    @Override
    public Map<String, String> start() {
        process = ServiceProcess.jar(JAR).log(Path.of("target", "imagebackend-it.log")).startListening(Duration.ofSeconds(30));
        return Map.of("quarkus.rest-client.imagebackend.url", process.url("").toString());
    }

    /** Gives the test's {@code URI} field the backend's address, to ask it for monsters directly. */
    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(process.url(""), new TestInjector.MatchesType(URI.class));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.close();
        }
    }
}
