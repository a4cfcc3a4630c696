package io.monsterstack.drills.start;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time a JVM's threads have used, by what they do: the Vert.x event loops (which serve the
 * requests, and the warm-up's), the JIT's compiler threads, the VM thread (which runs the serial
 * collector at its safepoints) with any GC workers, the main thread (start-up), and the rest. The
 * same groups the bench reports (scripts/bench.sh).
 */
public record ThreadGroups(long loopsMs, long jitMs, long gcMs, long mainMs, long otherMs) {

    /** The groups' short names, in the order of the record, and their headings in tables. */
    public static final Map<String, String> HEADINGS = headings();

    private static Map<String, String> headings() {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("loops", "event loops");
        headings.put("jit", "JIT");
        headings.put("gc", "GC + VM");
        headings.put("main", "main");
        headings.put("other", "other");
        return Collections.unmodifiableMap(headings);
    }

    /** Each group's ms by its short name, in the order of {@link #HEADINGS}. */
    public Map<String, Long> byName() {
        long[] ms = {loopsMs, jitMs, gcMs, mainMs, otherMs};
        Map<String, Long> named = new LinkedHashMap<>();
        int i = 0;
        for (String name : HEADINGS.keySet()) {
            named.put(name, ms[i++]);
        }
        return named;
    }

    public long totalMs() {
        return loopsMs + jitMs + gcMs + mainMs + otherMs;
    }

    /**
     * The group of a thread by its name as /proc shows it: the kernel keeps 15 characters, hence
     * "vert.x-eventloo" and "C2 CompilerThre".
     */
    static int group(String name) {
        if (name.startsWith("vert.x-eventloo")) {
            return 0;
        } else if (name.matches("C[12] CompilerThre.*")) {
            return 1;
        } else if (name.startsWith("VM Thread") || name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return 2;
        } else if (name.equals("java")) {
            return 3;
        }
        return 4;
    }

    /** From the contents of /proc/PID/task/TID/stat, one line a thread; the clock ticks {@code ticksPerSecond} times a second. */
    public static ThreadGroups fromStatLines(List<String> lines, long ticksPerSecond) {
        long[] ticks = new long[5];
        for (String line : lines) {
            // "TID (NAME) STATE ...": the name may hold spaces and parentheses, so it ends at the last ") ".
            int open = line.indexOf('(');
            int close = line.lastIndexOf(") ");
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc stat line: " + line);
            }
            String[] fields = line.substring(close + 2).trim().split(" +");
            // From the state on: utime and stime are the 12th and 13th (proc(5)'s fields 14 and 15).
            ticks[group(line.substring(open + 1, close))] += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = ticks[i] * 1000 / ticksPerSecond;
        }
        return new ThreadGroups(ms[0], ms[1], ms[2], ms[3], ms[4]);
    }
}
