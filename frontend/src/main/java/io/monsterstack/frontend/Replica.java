package io.monsterstack.frontend;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import io.monsterstack.frontend.config.FrontendConfig;

/** Who served a response: this replica's hostname and the app version (AnswerHeaders sends them on every answer). */
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

    private static String localHostname() {
        try {
            // In a container this is the container id, which makes load balancing visible.
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
