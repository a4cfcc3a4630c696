package io.monsterstack.drills.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class IndependentFiguresTest {

    @Test
    void readsItsLogInHundredthsOfASecond() {
        IndependentFigures figures = IndependentFigures.parse(List.of(
                "Connecting to frontend:5000 (10.0.1.5:5000)",
                "1200.10 1200.14 ok /",
                "1200.14 1200.21 ok /monster/independent-x-1",
                "1200.31 1205.31 failed /",
                "1205.31 1205.90 ok /monster/independent-x-2"));
        assertEquals(4, figures.requests());
        assertEquals(1, figures.failed());
        assertEquals(5000, figures.p99Ms());
        assertEquals(5690, figures.gapMs());
    }

    @Test
    void noLogNoFigures() {
        assertEquals(new IndependentFigures(0, 0, 0, 0), IndependentFigures.parse(List.of()));
    }
}
