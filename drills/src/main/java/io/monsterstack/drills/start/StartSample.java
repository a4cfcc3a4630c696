package io.monsterstack.drills.start;

/**
 * One container start, in ms from "docker run": to the first answer of its healthcheck's URL
 * (listening, 503 while it warms itself up) and to its first 200 (healthy); the CPU the container
 * used until then, its JVM's by thread group, and the machine's busy CPU over the same time.
 */
public record StartSample(long listeningMs, long healthyMs, long cpuMs, ThreadGroups threads, long machineMs) {

    /** Everything else the machine ran meanwhile: on a quiet machine, the probes and the engine's few tens of ms. */
    public long othersMs() {
        return machineMs - cpuMs;
    }

    /** What the container used beyond its JVM's threads: the entrypoint, which unpacks the AOT cache. */
    public long outsideMs() {
        return cpuMs - threads.totalMs();
    }
}
