package io.monsterstack.drills.bench;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * What one wrk run reports through scripts/bench/wrk-report.lua, its BENCH_JSON line: requests,
 * seconds, req/s, errors, latency percentiles, and the CPU ticks wrk itself used.
 */
public record WrkResult(long requests, double seconds, double rps, long socketErrors, long httpErrors, double p50Ms, double p99Ms,
        double maxMs, long cpuTicks, String json) {

    static final String PREFIX = "BENCH_JSON ";

    /** The BENCH_JSON line of wrk's output; none when wrk printed none. A malformed one throws. */
    public static Optional<WrkResult> fromOutput(String output) {
        return output.lines().filter(line -> line.startsWith(PREFIX)).findFirst()
                .map(line -> fromJson(line.substring(PREFIX.length()).strip()));
    }

    /** The JSON object of the line, as runs.tsv keeps it. */
    public static WrkResult fromJson(String json) {
        try {
            JsonObject o = Json.createReader(new StringReader(json)).readObject();
            return new WrkResult(o.getJsonNumber("requests").longValue(), number(o, "seconds"), number(o, "rps"),
                    o.getJsonNumber("socket_errors").longValue(), o.getJsonNumber("http_errors").longValue(), number(o, "p50_ms"),
                    number(o, "p99_ms"), number(o, "max_ms"), o.getJsonNumber("cpu_ticks").longValue(), json);
        } catch (JsonException | NullPointerException | ClassCastException e) {
            throw new IllegalArgumentException("not a wrk-report.lua result: " + json, e);
        }
    }

    private static double number(JsonObject o, String key) {
        return o.getJsonNumber(key).doubleValue();
    }
}
