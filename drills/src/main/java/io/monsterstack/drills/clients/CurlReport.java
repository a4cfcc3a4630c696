package io.monsterstack.drills.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.step.Percentiles;

/**
 * What the curl loop saw: each page title with when it was first and last seen (the version moving
 * from old to new), the failures, and the longest time without a success, counted from the first
 * request.
 */
public record CurlReport(List<Title> titles, int requests, int failed, long gapMs, List<String> failures) {

    /** A title the page showed, how many times, from and to when (seconds into the loop). */
    public record Title(String title, int pages, double fromSeconds, double toSeconds) {
    }

    public static CurlReport of(List<CurlLoop.Hit> hits) {
        if (hits.isEmpty()) {
            return new CurlReport(List.of(), 0, 0, 0, List.of());
        }
        long first = hits.get(0).atMillis();
        Map<String, long[]> seen = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Long> successes = new ArrayList<>(List.of(first));
        for (CurlLoop.Hit hit : hits) {
            double at = (hit.atMillis() - first) / 1000.0;
            if (!hit.ok()) {
                failures.add(String.format("%6.1fs  FAILED: status %d (%s)", at, hit.status(), hit.label()));
                continue;
            }
            successes.add(hit.atMillis());
            if (!hit.label().equals("png") && !hit.label().equals("-")) {
                long[] span = seen.computeIfAbsent(hit.label(), title -> new long[] {hit.atMillis(), 0, 0});
                span[1] = hit.atMillis();
                span[2]++;
            }
        }
        List<Title> titles = new ArrayList<>();
        seen.forEach((title, span) -> titles.add(new Title(title, (int) span[2], (span[0] - first) / 1000.0, (span[1] - first) / 1000.0)));
        long gap = Percentiles.longestGap(successes.stream().mapToLong(Long::longValue).toArray());
        return new CurlReport(titles, hits.size(), failures.size(), gap, failures);
    }

    /** The title of the last page answered: the version the operation ended on. */
    public String lastTitle() {
        return titles.stream().max(java.util.Comparator.comparingDouble(Title::toSeconds)).map(Title::title).orElse("-");
    }

    public boolean saw(String title) {
        return titles.stream().anyMatch(seen -> seen.title().equals(title));
    }

    /** The report as the drills print it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(failures.stream().limit(20).toList());
        titles.forEach(t -> lines.add(String.format("title \"%s\": %d pages, from %.1fs to %.1fs", t.title(), t.pages(), t.fromSeconds(), t.toSeconds())));
        lines.add("last title: " + lastTitle());
        lines.add(String.format("summary: %d requests, %d failed, longest gap between successes %d ms", requests, failed, gapMs));
        return lines;
    }
}
