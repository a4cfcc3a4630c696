package io.monsterstack.imagebackend;

import io.monsterstack.testsupport.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The image backend's paths: the stack's healthcheck and its routes on 8080, the rest on the management port. */
@QuarkusTest
class ManagementInterfaceTest extends ManagementInterfaceContract {

    static List<String> managementPaths() {
        return List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready");
    }

    static List<String> applicationPaths() {
        return List.of("/healthz", "/", "/monster/anyone");
    }
}
