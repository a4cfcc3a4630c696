package io.monsterstack.frontend;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A test server that the argument {@code running=false} leaves off, so its port has nobody behind it. */
abstract class SwitchableServer implements QuarkusTestResourceLifecycleManager {

    private boolean running = true;

    @Override
    public void init(Map<String, String> initArgs) {
        running = !"false".equals(initArgs.get("running"));
    }

    boolean running() {
        return running;
    }
}
