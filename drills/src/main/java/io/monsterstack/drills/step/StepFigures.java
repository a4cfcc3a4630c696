package io.monsterstack.drills.step;

import java.util.Optional;

import io.monsterstack.drills.clients.CurlReport;
import io.monsterstack.drills.clients.IndependentFigures;
import io.monsterstack.drills.clients.LoadFigures;
import io.monsterstack.drills.counters.EdgeCount;
import io.monsterstack.drills.counters.HealthFigures;
import io.monsterstack.drills.counters.ServerFigures;

/**
 * Everything one measured step saw: the three clients, the edge's counters (none on the routing
 * mesh), the frontends' retries, the servers' own count (with Prometheus) and the healthchecks.
 */
public record StepFigures(LoadFigures load, CurlReport curl, IndependentFigures independent, Optional<EdgeCount> edge,
        long frontendRetries, Optional<ServerFigures> servers, HealthFigures health) {

    /** Requests that failed, for all three clients. */
    public long failed() {
        return load.failed() + curl.failed() + independent.failed();
    }

    /** Requests retried: by the edges and by the frontends. */
    public long retried() {
        return edgeRetries() + frontendRetries;
    }

    public long edgeRetries() {
        return edge.map(EdgeCount::retries).orElse(0L);
    }

    /** Requests the three clients sent. */
    public long clientRequests() {
        return load.requests() + curl.requests() + independent.requests();
    }
}
