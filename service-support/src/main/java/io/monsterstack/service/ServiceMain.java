package io.monsterstack.service;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.PreventFurtherStepsException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.util.ExceptionUtil;
import io.smallrye.config.ConfigValidationException;
import org.jboss.logging.Logger;

/**
 * Both services' entry point: Quarkus as usual, except that a start failed by a port another
 * process holds ends with one line naming the port and the variable that moves it
 * ({@link PortInUse}), where Quarkus would print a stack trace (management interface) or a hint
 * that names neither (HTTP).
 */
@QuarkusMain
public final class ServiceMain {

    public static void main(String... args) {
        Quarkus.run(null, ServiceMain::exit, args);
    }

    private static void exit(int code, Throwable failure) {
        if (failure != null) {
            PortInUse.causing(failure).ifPresentOrElse(port -> System.err.println(port.message()),
                    () -> reportAsQuarkusDoes(failure));
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(code, failure);
    }

    // Quarkus reports a failed start itself only when it runs without an exit handler: any other
    // failure is reported here the way it does (ApplicationLifecycleManager.run), so that a bad
    // variable still gets its one plain line.
    private static void reportAsQuarkusDoes(Throwable failure) {
        Throwable root = ExceptionUtil.getRootCause(failure);
        String message = root.getMessage();
        if (root instanceof ConfigurationException || root instanceof ConfigValidationException
                || root instanceof PreventFurtherStepsException && message != null && !message.isEmpty()) {
            System.err.println(message);
        } else {
            Logger.getLogger(Application.class).error("Failed to start application", failure);
        }
    }
}
