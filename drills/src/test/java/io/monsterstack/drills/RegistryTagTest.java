package io.monsterstack.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;

class RegistryTagTest {

    @Test
    void aNewTagsConfigSetsItsVariablesAndKeepsTheRest() {
        JsonObject config = Json.createReader(new StringReader("""
                {"architecture":"amd64","config":{"Env":["PATH=/usr/bin","MONSTERSTACK_VERSION=mn"],"Entrypoint":["java"]},
                 "rootfs":{"type":"layers","diff_ids":["sha256:aa"]}}""")).readObject();
        JsonObject tagged = RegistryTag.withEnv(config, List.of("MONSTERSTACK_VERSION=mn-next", "QUARKUS_HTTP_PORT=5999"));
        assertEquals(Json.createArrayBuilder().add("PATH=/usr/bin").add("MONSTERSTACK_VERSION=mn-next").add("QUARKUS_HTTP_PORT=5999").build(),
                tagged.getJsonObject("config").getJsonArray("Env"));
        assertEquals(config.getJsonObject("rootfs"), tagged.getJsonObject("rootfs"), "the same layers");
        assertEquals(config.getJsonObject("config").getJsonArray("Entrypoint"), tagged.getJsonObject("config").getJsonArray("Entrypoint"));
    }
}
