package io.monsterstack.frontend.client;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.monsterstack.service.metrics.ServiceMetrics;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;

/**
 * The monster fetches from the image backend (the readiness probe's are not counted):
 * monsterstack_backend_calls_total{outcome}, monsterstack_backend_call_seconds and, as the
 * retry's before-retry handler, monsterstack_backend_retries_total.
 */
@Singleton
public class BackendCalls implements BeforeRetryHandler {

    private final Counter ok;
    private final Counter clientError;
    private final Counter unavailable;
    private final Counter timeout;
    private final Timer latency;
    private final Counter retries;

    private static final String CALLS = "monsterstack.backend.calls";
    private static final String CALLS_DESCRIPTION =
            "Monster fetches from the image backend: ok, client_error (4xx), unavailable, timeout";

    BackendCalls(PrometheusMeterRegistry registry) {
        this.ok = ServiceMetrics.counter(registry, CALLS, CALLS_DESCRIPTION, "outcome", "ok");
        this.clientError = ServiceMetrics.counter(registry, CALLS, CALLS_DESCRIPTION, "outcome", "client_error");
        this.unavailable = ServiceMetrics.counter(registry, CALLS, CALLS_DESCRIPTION, "outcome", "unavailable");
        this.timeout = ServiceMetrics.counter(registry, CALLS, CALLS_DESCRIPTION, "outcome", "timeout");
        this.latency = Timer.builder("monsterstack.backend.call")
                .description("Time of each monster fetch from the image backend, whatever its outcome")
                .serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS)
                .register(registry);
        this.retries = Counter.builder("monsterstack.backend.retries")
                .description("Monster fetches sent again after a refused connection")
                .register(registry);
    }

    /** The call, timed and counted by outcome each time it is subscribed to (each attempt). */
    <T> Uni<T> measured(Uni<T> call) {
        return Uni.createFrom().deferred(() -> {
            long start = System.nanoTime();
            return call.onItemOrFailure().invoke((item, failure) -> {
                latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                outcome(failure).increment();
            });
        });
    }

    private Counter outcome(Throwable failure) {
        if (failure == null) {
            return ok;
        }
        if (failure instanceof ImageBackendException backend) {
            return backend.timedOut() ? timeout : backend.unavailable() ? unavailable : clientError;
        }
        return failure instanceof ConnectTimeoutException ? timeout : unavailable;
    }

    @Override
    public void handle(ExecutionContext context) {
        retries.increment();
    }
}
