package io.monsterstack.drills.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's start-up and memory figures from facts.tsv ("service TAB key TAB value" lines; a key
 * given again is a sample more): the median of each key's samples, the ready times of every start,
 * the stack's cpus limit and the floors it sets: the CPU used until ready (healthy) divided by it.
 */
public record ServiceFigures(String name, Map<String, Long> medians, List<Long> readyMsSamples, double cpuLimit) {

    static final String CPU_LIMIT = "cpu_limit";

    /** Every service's, in the order the facts first name them. */
    public static List<ServiceFigures> fromFacts(List<String> lines) {
        Map<String, Map<String, List<Double>>> facts = new LinkedHashMap<>();
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("not a facts.tsv line (service, key, value): " + line);
            }
            if (!fields[2].isEmpty()) {
                facts.computeIfAbsent(fields[0], service -> new LinkedHashMap<>())
                        .computeIfAbsent(fields[1], key -> new ArrayList<>()).add(Double.parseDouble(fields[2]));
            }
        }
        List<ServiceFigures> services = new ArrayList<>();
        facts.forEach((name, values) -> services.add(of(name, values)));
        return services;
    }

    private static ServiceFigures of(String name, Map<String, List<Double>> values) {
        Map<String, Long> medians = new LinkedHashMap<>();
        values.forEach((key, samples) -> {
            if (!key.equals(CPU_LIMIT)) {
                medians.put(key, Math.round(median(samples)));
            }
        });
        List<Double> limit = values.get(CPU_LIMIT);
        if (limit == null) {
            throw new IllegalArgumentException("no " + CPU_LIMIT + " among the facts of " + name);
        }
        double cpus = limit.get(0);
        List<Long> ready = values.getOrDefault("ready_ms", List.of()).stream().map(Math::round).toList();
        return new ServiceFigures(name, medians, ready, cpus);
    }

    /** The least time to ready a quota of {@link #cpuLimit} CPUs allows: the CPU used until ready over it, in s. */
    public double readyFloorS() {
        return floorS("ready_cpu_ms");
    }

    /** The same until healthy (the self warm-up done). */
    public double healthyFloorS() {
        return floorS("healthy_cpu_ms");
    }

    private double floorS(String cpuKey) {
        return Numbers.round(ms(cpuKey) / 1000.0 / cpuLimit, 2);
    }

    /** The middle sample, or the mean of the two middle ones. */
    static double median(List<Double> samples) {
        List<Double> sorted = samples.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The median of a key; a key never given throws, naming it. */
    public long ms(String key) {
        Long value = medians.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + " among the facts of " + name);
        }
        return value;
    }
}
