package io.monsterstack.drills.step;

import java.net.URI;
import java.util.List;

import io.monsterstack.drills.swarm.Docker;
import io.monsterstack.drills.swarm.Stack;

/**
 * What every measured step of a drill shares: the stack, the engines whose tasks are counted (every
 * node's, on a multi-node swarm), the load's rate and whether it prints its live line, and where
 * Prometheus answers when the stack runs it.
 */
public record Rig(Stack stack, List<Docker> engines, int loadRate, boolean live, URI prometheus) {

    /** A step with the curl loop on {@code curlUrls} and the load spread over {@code loadBases}. */
    public MeasuredStep step(List<String> curlUrls, List<URI> loadBases) {
        return new MeasuredStep(this, curlUrls, loadBases);
    }

    /** A step on the stack's own URL: the page and a new monster each round, the load on it alone. */
    public MeasuredStep step(String monsterPrefix) {
        URI url = stack.url();
        return step(List.of(url + "/", url + "/monster/" + monsterPrefix + "-{n}"), List.of(url));
    }
}
