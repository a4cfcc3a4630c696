package io.monsterstack.service;

import java.net.BindException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.runtime.QuarkusBindException;

/** A port the service could not listen on because another process holds it, and the variable that moves it. */
record PortInUse(int port, String listener, String variable) {

    // Quarkus names the management interface's address in the exception its BindException causes.
    private static final Pattern MANAGEMENT = Pattern.compile("Unable to start the management interface on .*:(\\d+)");

    /** The port in use that failed the start, if that is what failed it. */
    static Optional<PortInUse> causing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof QuarkusBindException bind && inUse(bind)) {
                return Optional.of(new PortInUse(bind.getPort(), "HTTP", "QUARKUS_HTTP_PORT"));
            }
            Matcher management = MANAGEMENT.matcher(String.valueOf(t.getMessage()));
            if (management.matches() && t.getCause() instanceof BindException bind && inUse(bind)) {
                return Optional.of(new PortInUse(Integer.parseInt(management.group(1)), "management interface", "MANAGEMENT_PORT"));
            }
        }
        return Optional.empty();
    }

    // Not a port below 1024 refused to a user other than root ("Permission denied"): that one is no one's to stop.
    private static boolean inUse(BindException bind) {
        return String.valueOf(bind.getMessage()).contains("already in use");
    }

    /** The one line printed for it. */
    String message() {
        return "monsterstack: port %d (%s, %s) is already in use: stop what holds it or set %s to a free port"
                .formatted(port, listener, variable, variable);
    }
}
