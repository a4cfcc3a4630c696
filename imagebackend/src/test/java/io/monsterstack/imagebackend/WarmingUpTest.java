package io.monsterstack.imagebackend;

import io.monsterstack.testsupport.WarmingUpContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A warming image backend still draws. */
@QuarkusTest
@TestProfile(WarmingUpContract.Profile.class)
class WarmingUpTest extends WarmingUpContract {

    WarmingUpTest() {
        super("/monster/ada");
    }
}
