package io.monsterstack.frontend;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A test server that the argument {@code running=false} leaves off, so its port has nobody behind it. */
abstract class SwitchableServer implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> arguments = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        arguments = Map.copyOf(initArgs);
    }

    boolean running() {
        return !argument("running", "false");
    }

    /** Whether the test resource's argument {@code name} has {@code value}. */
    boolean argument(String name, String value) {
        return value.equals(arguments.get(name));
    }
}
