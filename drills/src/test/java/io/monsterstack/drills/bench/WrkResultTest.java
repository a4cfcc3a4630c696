package io.monsterstack.drills.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class WrkResultTest {

    static final String JSON = "{\"requests\":120000,\"seconds\":8.001,\"rps\":14998.1,\"socket_errors\":3,\"http_errors\":1,"
            + "\"p50_ms\":1.234,\"p99_ms\":9.876,\"max_ms\":40.500,\"cpu_ticks\":345}";

    @Test
    void theBenchJsonLineAmongWrksOutput() {
        WrkResult result = WrkResult.fromOutput("Running 8s test @ http://127.0.0.1:5000/\n  2 threads and 16 connections\n"
                + "BENCH_JSON " + JSON + "\n").orElseThrow();
        assertEquals(120000, result.requests());
        assertEquals(8.001, result.seconds());
        assertEquals(14998.1, result.rps());
        assertEquals(3, result.socketErrors());
        assertEquals(1, result.httpErrors());
        assertEquals(1.234, result.p50Ms());
        assertEquals(9.876, result.p99Ms());
        assertEquals(40.5, result.maxMs());
        assertEquals(345, result.cpuTicks());
        assertEquals(JSON, result.json());
    }

    @Test
    void noLineNoResult() {
        assertEquals(Optional.empty(), WrkResult.fromOutput("unable to connect to 127.0.0.1:1 Connection refused\n"));
    }

    @Test
    void aLineWithoutAFigureSaysItIsNoResult() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> WrkResult.fromOutput("BENCH_JSON {\"requests\":1}"));
        assertEquals("not a wrk-report.lua result: {\"requests\":1}", error.getMessage());
    }
}
