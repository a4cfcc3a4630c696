package io.monsterstack.frontend;

import java.net.URI;
import java.util.Map;

import io.monsterstack.testsupport.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * For a test of the packaged jar: its management interface on a free port (9000, its default, may
 * be taken on this machine), handed to the test's {@link Address} field.
 */
public class ManagementPort implements QuarkusTestResourceLifecycleManager {

    /** Where the application's management interface listens. */
    public record Address(URI root) {

        /** A management path, such as {@code /q/health/ready}. */
        public URI resolve(String path) {
            return root.resolve(path);
        }
    }

    private Address address;

    @Override
    public Map<String, String> start() {
        int port = ServiceProcess.freePort();
        address = new Address(URI.create("http://127.0.0.1:" + port));
        return Map.of("quarkus.management.port", Integer.toString(port));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(address, new TestInjector.MatchesType(Address.class));
    }

    @Override
    public void stop() {
    }
}
