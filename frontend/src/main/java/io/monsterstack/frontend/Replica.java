package io.monsterstack.frontend;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.monsterstack.httpguard.FilterOrder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.monsterstack.frontend.config.FrontendConfig;

/** Who served a response: this replica's hostname and the app version, sent on every route. */
@ApplicationScoped
public class Replica {

    private final String hostname;
    private final String version;

    Replica(FrontendConfig config) {
        this.hostname = localHostname();
        this.version = config.version();
    }

    public String hostname() {
        return hostname;
    }

    public String version() {
        return version;
    }

    void addHeaders(@Observes Filters filters) {
        CharSequence versionName = HttpHeaders.createOptimized("X-MonsterStack-Version");
        CharSequence versionValue = HttpHeaders.createOptimized(version);
        CharSequence replicaName = HttpHeaders.createOptimized("X-MonsterStack-Replica");
        CharSequence replicaValue = HttpHeaders.createOptimized(hostname);
        filters.register(context -> {
            context.response().headers()
                    .set(versionName, versionValue)
                    .set(replicaName, replicaValue);
            context.next();
        }, FilterOrder.REPLICA_HEADERS);
    }

    private static String localHostname() {
        try {
            // In a container this is the container id, which makes load balancing visible.
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
