package io.monsterstack.frontend;

import io.monsterstack.testsupport.EventLoopStallContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A frontend with one event loop stuck (as a client that pipelines without reading once caused) fails
 * every healthcheck probe once the stall limit has passed, and one merely paused stays healthy.
 */
@QuarkusTest
@WithTestResource(value = RedisServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = FakeImageBackend.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WedgedEventLoopTest extends EventLoopStallContract {
}
