package io.monsterstack.service.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.monsterstack.service.http.FilterOrder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * http_server_requests_seconds{method,uri,status,outcome}: every request of the application port
 * that its router answers, timed from its first filter to the end of its response, labelled with
 * the route template its path matches (monsterstack.metrics.uris) or UNKNOWN. The management
 * interface has a router of its own, so scrapes and health probes are not counted, and a replica's
 * own warm-up requests ({@link OwnRequests}) are left out. Quarkus'
 * Micrometer HTTP server binder records the same series, but its work per request (tags and meter
 * looked up anew, regular expressions, the Vert.x metrics calls) was a tenth of a cache hit's CPU
 * (docs/monitoring.md); here it is one path match and one cached timer, registered on the
 * Prometheus registry itself like our other meters: through Quarkus' composite registry, each
 * recording would be forwarded to it by a composite meter, an iterator each time.
 */
@Singleton
public class HttpServerRequests {

    private static final int METHODS = 8;
    private static final int FIRST_STATUS = 100;
    private static final int LAST_STATUS = 599;

    private final PrometheusMeterRegistry registry;
    private final RouteTemplates templates;
    private final OwnRequests own;
    // Per uri label and method, the timers by status, each row and timer made on first use; the
    // registry answers the same timer to every thread that registers it.
    private final AtomicReferenceArray<AtomicReferenceArray<Timer>> timers;

    HttpServerRequests(PrometheusMeterRegistry registry, MetricsConfig config, Instance<OwnRequests> own) {
        this.registry = registry;
        this.own = own.isResolvable() ? own.get() : headerValue -> false;
        this.templates = new RouteTemplates(config.uris());
        this.timers = new AtomicReferenceArray<>((templates.size() + 1) * METHODS);
    }

    void register(@Observes Filters filters) {
        filters.register(this::time, FilterOrder.REQUEST_TIMER);
    }

    private void time(RoutingContext context) {
        HttpServerRequest request = context.request();
        String ownHeader = request.getHeader(OwnRequests.HEADER);
        if (ownHeader != null && own.isOwnRequest(ownHeader)) {
            context.next();
            return;
        }
        long start = System.nanoTime();
        context.addEndHandler(ended -> {
            // A response that never ended (the connection closed first) is not an answer to count.
            if (ended.succeeded()) {
                timer(request, context.response().getStatusCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
        context.next();
    }

    private Timer timer(HttpServerRequest request, int status) {
        int uri = templates.index(request.path());
        int method = method(request.method());
        if (status < FIRST_STATUS || status > LAST_STATUS) {
            return register(uri, method, request, status);
        }
        int row = uri * METHODS + method;
        AtomicReferenceArray<Timer> byStatus = timers.get(row);
        if (byStatus == null) {
            timers.compareAndSet(row, null, new AtomicReferenceArray<>(LAST_STATUS - FIRST_STATUS + 1));
            byStatus = timers.get(row);
        }
        Timer timer = byStatus.get(status - FIRST_STATUS);
        if (timer == null) {
            timer = register(uri, method, request, status);
            byStatus.set(status - FIRST_STATUS, timer);
        }
        return timer;
    }

    private Timer register(int uri, int method, HttpServerRequest request, int status) {
        return Timer.builder("http.server.requests")
                .description("Requests answered on the application port, by route template")
                .tag("method", method < METHODS - 1 ? request.method().name() : "UNKNOWN")
                .tag("uri", templates.label(uri))
                .tag("status", Integer.toString(status))
                .tag("outcome", Outcome.forStatus(status).name())
                .serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS)
                // The _max of the last expiry (2 min) only: a rolling max over three of them costs
                // three compare-and-sets on every request instead of one.
                .distributionStatisticBufferLength(1)
                .register(registry);
    }

    // The methods a label may name; any other (Vert.x accepts any token) is UNKNOWN.
    private static int method(HttpMethod method) {
        if (method == HttpMethod.GET) {
            return 0;
        } else if (method == HttpMethod.HEAD) {
            return 1;
        } else if (method == HttpMethod.POST) {
            return 2;
        } else if (method == HttpMethod.PUT) {
            return 3;
        } else if (method == HttpMethod.DELETE) {
            return 4;
        } else if (method == HttpMethod.OPTIONS) {
            return 5;
        } else if (method == HttpMethod.PATCH) {
            return 6;
        }
        return METHODS - 1;
    }
}
