package io.monsterstack.service.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private final RouteTemplates templates = new RouteTemplates(
            List.of("/monster/{name}", "/", "/healthz", "/css/{file}", "/favicon.svg"));

    private String label(String path) {
        return templates.label(templates.index(path));
    }

    @Test
    void aPlaceholderStandsForOneNonEmptySegment() {
        assertEquals("/monster/{name}", label("/monster/5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"));
        assertEquals("/monster/{name}", label("/monster/a%20b"));
        assertEquals("/css/{file}", label("/css/monsterstack.css"));
        assertEquals(RouteTemplates.UNKNOWN, label("/monster/"));
        assertEquals(RouteTemplates.UNKNOWN, label("/monster"));
        assertEquals(RouteTemplates.UNKNOWN, label("/monster/a/b"));
    }

    @Test
    void literalsMatchExactly() {
        assertEquals("/", label("/"));
        assertEquals("/healthz", label("/healthz"));
        assertEquals("/favicon.svg", label("/favicon.svg"));
        assertEquals(RouteTemplates.UNKNOWN, label("/healthz/"));
        assertEquals(RouteTemplates.UNKNOWN, label("/healthzz"));
        assertEquals(RouteTemplates.UNKNOWN, label("/favicon.ico"));
        assertEquals(RouteTemplates.UNKNOWN, label(""));
        assertEquals(RouteTemplates.UNKNOWN, label("/a-name-a-visitor-typed"));
    }

    @Test
    void refusesATemplateWithoutItsLeadingSlash() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTemplates(List.of("healthz")));
    }
}
