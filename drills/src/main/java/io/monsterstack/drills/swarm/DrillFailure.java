package io.monsterstack.drills.swarm;

/** A check that failed: the drill stops, tears down and says why. */
public final class DrillFailure extends RuntimeException {

    public DrillFailure(String message) {
        super(message);
    }
}
