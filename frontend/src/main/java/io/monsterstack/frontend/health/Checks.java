package io.monsterstack.frontend.health;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.monsterstack.frontend.client.ImageBackendException;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Turns a dependency probe into a health response that reports failures as data. */
final class Checks {

    private Checks() {
    }

    static Uni<HealthCheckResponse> probe(String name, Uni<Void> probe, Duration timeout) {
        return probe.ifNoItem().after(timeout).fail()
                .map(ignored -> HealthCheckResponse.up(name))
                .onFailure().recoverWithItem(failure -> {
                    // The answer says what is wrong in plain words; addresses and exception classes go to the log.
                    Log.debugf("%s is down: %s", name, failure);
                    return HealthCheckResponse.named(name).down().withData("error", reason(failure, timeout)).build();
                });
    }

    static String reason(Throwable failure, Duration timeout) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (failure instanceof ImageBackendException) {
            return failure.getMessage(); // written for visitors already
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "cannot resolve its host name";
            }
            String message = String.valueOf(cause.getMessage());
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")) {
                return "authentication failed";
            }
        }
        return "unavailable";
    }
}
