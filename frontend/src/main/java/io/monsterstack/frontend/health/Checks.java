package io.monsterstack.frontend.health;

import java.time.Duration;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Turns a dependency probe into a health response that reports failures as data. */
final class Checks {

    private Checks() {
    }

    static Uni<HealthCheckResponse> probe(String name, Uni<Void> probe, Duration timeout) {
        return probe.ifNoItem().after(timeout).fail()
                .map(ignored -> HealthCheckResponse.up(name))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(name).down()
                        .withData("error", reason(failure)).build());
    }

    // The class and message name the problem (refused, timeout, WRONGPASS) and never carry the password.
    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }
}
