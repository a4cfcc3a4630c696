package io.monsterstack.drills;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.monsterstack.drills.swarm.DrillFailure;

/** The drills' output, shaped like the scripts': a step line, then indented lines. */
final class Report {

    private Report() {
    }

    static void step(String title) {
        System.out.printf("%n==> %s  %s%n", LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss")), title);
    }

    static void info(String line) {
        System.out.println("    " + line);
    }

    static void pass(String what) {
        info("ok: " + what);
    }

    static void note(String what) {
        System.err.println("drill: note: " + what);
    }

    /** Fails the drill unless {@code holds}. */
    static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new DrillFailure(otherwise);
        }
    }
}
