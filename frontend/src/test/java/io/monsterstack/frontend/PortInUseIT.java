package io.monsterstack.frontend;

import java.nio.file.Path;

import io.monsterstack.testsupport.PortInUseContract;

/** The packaged frontend started with its HTTP or management port held by another process. */
class PortInUseIT extends PortInUseContract {

    @Override
    protected Path jar() {
        return FrontendJar.PATH;
    }
}
