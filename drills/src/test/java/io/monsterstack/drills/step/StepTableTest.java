package io.monsterstack.drills.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StepTableTest {

    @Test
    void aRowHasAColumnForEachHeading() {
        StepTable table = new StepTable();
        StepFigures figures = VerdictTest.figures(0, 0, 0, 0, 0, Optional.empty(), 254, 481);
        table.add("update frontend to 2.0", Verdict.Kind.PLANNED, figures, new Verdict("ok", java.util.List.of()));
        String[] lines = table.markdown().split("\n");
        assertEquals(3, lines.length);
        assertEquals("| update frontend to 2.0 | planned | 0 / 10000 | 0 / 500 | 0 / 500 | - / - | 0/0 | 254 | 120 / 481 / 300 | ok |", lines[2]);
        assertEquals(lines[0].split("\\|").length, lines[2].split("\\|").length);
    }
}
