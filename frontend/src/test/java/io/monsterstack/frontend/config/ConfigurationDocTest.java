package io.monsterstack.frontend.config;

import io.monsterstack.service.ManagementPortConfig;
import io.monsterstack.service.ShutdownConfig;
import io.monsterstack.service.health.EventLoopConfig;
import io.monsterstack.service.health.WarmUpConfig;
import io.monsterstack.testsupport.ConfigurationDoc;
import org.junit.jupiter.api.Test;

/** docs/configuration.md says each of the frontend's variables with the default and range its mappings give. */
class ConfigurationDocTest {

    @Test
    void theTableSaysWhatTheMappingsSay() {
        ConfigurationDoc.assertDocumented(ConfigurationDoc.DOC, FrontendConfig.class, ShutdownConfig.class,
                ManagementPortConfig.class, WarmUpConfig.class, EventLoopConfig.class);
    }
}
