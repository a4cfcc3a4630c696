package io.monsterstack.drills.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The CPU time each process (group) has used so far, in ms, each service's by thread group too
 * ("frontend.loops"), the whole machine's busy time, and the clock: what a run's figures are the
 * difference of. Written in runs.tsv as "name=ms ... machine=ms wall=ns".
 */
public record CpuSnapshot(Map<String, Long> processMs, long machineMs, long wallNanos) {

    public String line() {
        return processMs.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                + " machine=" + machineMs + " wall=" + wallNanos;
    }

    public static CpuSnapshot parse(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String pair : line.trim().split(" +")) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("not name=number: " + pair + " in " + line);
            }
            values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
        }
        Long machine = values.remove("machine");
        Long wall = values.remove("wall");
        if (machine == null || wall == null) {
            throw new IllegalArgumentException("no machine= or wall= in " + line);
        }
        return new CpuSnapshot(values, machine, wall);
    }

    /** The CPU each process (group) used from {@code before} to this, by name; the ones in both only. */
    public Map<String, Long> usedSince(CpuSnapshot before) {
        Map<String, Long> used = new LinkedHashMap<>();
        processMs.forEach((name, ms) -> {
            if (before.processMs.containsKey(name)) {
                used.put(name, ms - before.processMs.get(name));
            }
        });
        return used;
    }
}
