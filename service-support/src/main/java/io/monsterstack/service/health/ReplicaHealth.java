package io.monsterstack.service.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.monsterstack.service.http.PlainText;
import io.monsterstack.service.http.SilentConnections;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.Liveness;

/**
 * What both services' {@code /healthz} say of the replica itself: whether its warm-up is over and
 * how its event loops are. Each service adds what it checks of its own.
 */
@ApplicationScoped
public class ReplicaHealth {

    /**
     * The longest {@code /healthz?wait=} may hold an answer: the connection's write-idle limit
     * ({@link SilentConnections#TIMEOUT}) less the frontend's dependency probes (1 s) and a second to spare.
     */
    static final long MAX_WAIT_SECONDS = SilentConnections.TIMEOUT.minusSeconds(2).toSeconds();

    private final EventLoopHealthCheck eventLoops;
    private final SelfWarmUp warmUp;

    ReplicaHealth(@Liveness EventLoopHealthCheck eventLoops, SelfWarmUp warmUp) {
        this.eventLoops = eventLoops;
        this.warmUp = warmUp;
    }

    private State now() {
        return new State(warmUp.done(), eventLoops.heartbeat());
    }

    /**
     * Both, once the warm-up has ended or {@code wait} seconds have passed (the {@code /healthz?wait=}
     * parameter as given; none is 0). Swarm checks a new task every interval, and a task is healthy at
     * its first passing check: a check that waits passes as soon as the warm-up ends, instead of an
     * interval later. Only the warm-up is waited for; a stalled event loop is answered at once.
     */
    public Uni<State> within(String wait) {
        Duration limit = Duration.ofSeconds(waitSeconds(wait));
        if (limit.isZero() || warmUp.done()) {
            return Uni.createFrom().item(this::now);
        }
        return Uni.createFrom().completionStage(warmUp.ended()).map(ended -> now())
                .ifNoItem().after(limit).recoverWithItem(this::now);
    }

    private static long waitSeconds(String wait) {
        if (wait == null) {
            return 0;
        }
        if (!wait.matches("[0-9]{1,2}") || Long.parseLong(wait) > MAX_WAIT_SECONDS) {
            throw PlainText.refusal(Response.Status.BAD_REQUEST, "wait must be whole seconds from 0 to " + MAX_WAIT_SECONDS);
        }
        return Long.parseLong(wait);
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
