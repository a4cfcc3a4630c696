package io.monsterstack.frontend;

import java.util.List;

import io.monsterstack.testsupport.ManagementInterfaceContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The frontend's paths: the edge's health group among the management ones; the site and Swarm's /healthz on 5000. */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ManagementInterfaceTest extends ManagementInterfaceContract {

    static List<String> managementPaths() {
        return List.of("/q/metrics", "/q/health", "/q/health/live", "/q/health/ready", "/q/health/group/edge");
    }

    static List<String> applicationPaths() {
        return List.of("/healthz", "/", "/monster/anyone", "/favicon.svg");
    }
}
