package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void withoutOptionsEightSecondsAfterTwoAt16And64ConnectionsIntoBuildBench() {
        BenchOptions options = BenchOptions.parse(List.of(), REPO);
        assertEquals(8, options.durationS());
        assertEquals(2, options.warmupS());
        assertEquals(List.of(16, 64), options.connections());
        assertEquals(Optional.empty(), options.baseline());
        assertEquals(Path.of("/repo/.build/bench"), options.out());
        assertFalse(options.reportOnly());
    }

    @Test
    void everyOptionLongAndShort() {
        BenchOptions options = BenchOptions.parse(List.of("--duration", "10", "-w", "0", "-c", "64", "--baseline", "/old",
                "-o", "/tmp/out", "--report-only"), REPO);
        assertEquals(10, options.durationS());
        assertEquals(0, options.warmupS());
        assertEquals(List.of(64), options.connections());
        assertEquals(Optional.of(Path.of("/old")), options.baseline());
        assertEquals(Path.of("/tmp/out"), options.out());
        assertTrue(options.reportOnly());
        assertEquals(List.of(8, 32, 128), BenchOptions.parse(List.of("--connections", " 8 32,128 "), REPO).connections());
    }

    @Test
    void aDurationThatIsNoWholeNumberSaysWhatItTakes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(List.of("--duration", "x"), REPO));
        assertEquals("--duration takes a whole number of seconds from 1, not x", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("-d", "0"), REPO));
    }

    @Test
    void badConnectionsUnknownArgumentsAndMissingValuesAreErrors() {
        assertEquals("--connections takes connection counts from 1 (\"16 64\"), not 16 x",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("-c", "16 x"), REPO)).getMessage());
        assertEquals("unknown argument: --fast",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--fast"), REPO)).getMessage());
        assertEquals("--out needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(List.of("--out"), REPO)).getMessage());
    }
}
