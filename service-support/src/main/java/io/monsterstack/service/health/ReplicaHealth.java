package io.monsterstack.service.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.Liveness;

/**
 * What both services' {@code /healthz} say of the replica itself: whether its warm-up is over and
 * how its event loops are. Each service adds what it checks of its own.
 */
@ApplicationScoped
public class ReplicaHealth {

    private final EventLoopHealthCheck eventLoops;
    private final SelfWarmUp warmUp;

    ReplicaHealth(@Liveness EventLoopHealthCheck eventLoops, SelfWarmUp warmUp) {
        this.eventLoops = eventLoops;
        this.warmUp = warmUp;
    }

    /** Both as they are now; waits for nothing. */
    public State now() {
        return new State(warmUp.done(), eventLoops.heartbeat());
    }

    /** The warm-up and the event loops' heartbeat, read together. */
    public record State(boolean warmedUp, EventLoopHealthCheck.Heartbeat heartbeat) {

        /** Warmed up, and no event loop stalled. */
        public boolean serving() {
            return warmedUp && !heartbeat.stalled();
        }

        /** The event loops' status, UP or DOWN. */
        public String eventLoops() {
            return heartbeat.status();
        }

        /** The age of the oldest last heartbeat among the loops. */
        public long oldestHeartbeatAgeMs() {
            return heartbeat.oldestAge().toMillis();
        }
    }
}
