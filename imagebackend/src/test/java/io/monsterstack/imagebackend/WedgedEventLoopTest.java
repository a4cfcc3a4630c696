package io.monsterstack.imagebackend;

import io.monsterstack.testsupport.EventLoopStallContract;
import io.quarkus.test.junit.QuarkusTest;

/** An image backend with one event loop stuck fails its healthcheck after the stall limit; one paused does not. */
@QuarkusTest
class WedgedEventLoopTest extends EventLoopStallContract {
}
