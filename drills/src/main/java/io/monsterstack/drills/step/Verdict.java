package io.monsterstack.drills.step;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A step's verdict and the targets it missed: ok, FAILED or MISSED for a planned step, reported for an unplanned one. */
public record Verdict(String word, List<String> misses) {

    /** Whether the operation was planned (judged) or a fault (reported). */
    public enum Kind {
        PLANNED, UNPLANNED;

        @Override
        public String toString() {
            return name().toLowerCase();
        }
    }

    /**
     * Misses: any failed or retried request of any client; a load p99 or a curl gap over the
     * targets; and, with the servers' count and no failed request, servers that answered a 5xx or
     * counted requests more than 5 % apart from the clients (a figure is wrong somewhere).
     */
    public static Verdict judge(StepFigures figures, Kind kind, Targets targets) {
        List<String> misses = new ArrayList<>();
        if (figures.failed() > 0) {
            misses.add(figures.failed() + " failed" + firstFailure(figures));
        }
        if (figures.retried() > 0) {
            misses.add(figures.retried() + " retried");
        }
        figures.servers().filter(servers -> figures.failed() == 0).ifPresent(servers -> {
            long clients = figures.clientRequests();
            if (servers.fivexx() > 0) {
                misses.add("the servers answered " + servers.fivexx() + " 5xx, the clients saw none fail");
            }
            if (20 * Math.abs(servers.requests() - clients) > clients) {
                misses.add("the servers counted " + servers.requests() + " requests, the clients " + clients + " (more than 5 % apart)");
            }
        });
        if (figures.load().p99Ms() > targets.maxP99Ms()) {
            misses.add("load p99 " + figures.load().p99Ms() + " ms > " + targets.maxP99Ms());
        }
        if (figures.curl().gapMs() > targets.maxGapMs()) {
            misses.add("curl gap " + figures.curl().gapMs() + " ms > " + targets.maxGapMs());
        }
        String word = "ok";
        if (!misses.isEmpty()) {
            word = kind == Kind.UNPLANNED ? "reported" : targets.strict() ? "FAILED" : "MISSED";
        }
        return new Verdict(word, List.copyOf(misses));
    }

    /** What the load or the curl loop saw go wrong first, so that the verdict says why. */
    private static String firstFailure(StepFigures figures) {
        return Stream.concat(figures.load().failures().stream().map(failure -> "load: " + failure),
                        figures.curl().failures().stream().map(failure -> "curl: " + failure.strip()))
                .findFirst().map(failure -> " (first: " + failure + ")").orElse("");
    }

    public boolean failed() {
        return word.equals("FAILED");
    }
}
