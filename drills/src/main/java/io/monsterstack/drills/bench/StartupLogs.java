package io.monsterstack.drills.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a start's logs say of its phases: the JVM's creation (-Xlog:startuptime) and Quarkus's "started in". */
final class StartupLogs {

    private static final Pattern CREATE_VM = Pattern.compile("Create VM,.*?([0-9.]+) *secs?");
    private static final Pattern STARTED_IN = Pattern.compile(" started in ([0-9.]+)s\\.");

    private StartupLogs() {
    }

    /** The ms -Xlog:startuptime gives "Create VM"; empty when the log has no such line. */
    static String jvmCreatedMs(String startuptimeLog) {
        return ms(CREATE_VM.matcher(startuptimeLog));
    }

    /** The ms of Quarkus's "started in 1.234s." line; empty when the log has none. */
    static String quarkusStartedMs(String serviceLog) {
        return ms(STARTED_IN.matcher(serviceLog));
    }

    private static String ms(Matcher matcher) {
        return matcher.find() ? Long.toString((long) (Double.parseDouble(matcher.group(1)) * 1000)) : "";
    }
}
