package io.monsterstack.imagebackend;

import io.monsterstack.testsupport.WarmedUpContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The warm-up draws its monsters ({@code monsterstack.warm-up.paths}) before /healthz says UP. */
@QuarkusTest
@TestProfile(WarmedUpContract.Profile.class)
class WarmUpTest extends WarmedUpContract {
}
