package io.monsterstack.imagebackend;

import java.nio.file.Path;

import io.monsterstack.testsupport.PortInUseContract;

/** The packaged image backend started with its HTTP or management port held by another process. */
class PortInUseIT extends PortInUseContract {

    @Override
    protected Path jar() {
        return Path.of("target", "quarkus-app", "quarkus-run.jar");
    }
}
