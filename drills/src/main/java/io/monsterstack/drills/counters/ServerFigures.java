package io.monsterstack.drills.counters;

/** The frontends' own count of a step (Prometheus): requests answered, their 5xx, backend calls retried. */
public record ServerFigures(long requests, long fivexx, long retries) {
}
