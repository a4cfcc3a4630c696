package io.monsterstack.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line's answers that need no Docker: a bad option fails before anything runs. */
class MeasureStartTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void aBadServiceIsOneLineOfErrorAndExitOne() {
        assertEquals(1, MeasureStart.command(List.of("--only", "nope")));
        assertEquals("drill: error: --only takes frontend or imagebackend, not nope\n", err.toString(StandardCharsets.UTF_8));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, MeasureStart.command(List.of("--runs", "1", "--help")));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: drill.sh measure-start [--runs N]"));
        assertTrue(Drills.USAGE.contains("drill.sh measure-start [--runs N]"), "the drills' own usage names it");
    }
}
