package io.monsterstack.frontend;

import java.nio.file.Path;

/** Where the ITs find this module's packaged jar. */
final class FrontendJar {

    static final Path PATH = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** Its image's JVM options are read from here. */
    static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private FrontendJar() {
    }
}
