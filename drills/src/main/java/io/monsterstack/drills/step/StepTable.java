package io.monsterstack.drills.step;

import java.util.ArrayList;
import java.util.List;


/** The markdown table of every measured step of a drill, one row a step (docs/zero-downtime.md shows one). */
public final class StepTable {

    static final String HEADER = """
            | operation | kind | load failed / requests | curl failed / requests | independent failed / requests \
            | servers: requests / 5xx | retries edge/frontend | load p99 ms | longest gap ms load / curl / independent | verdict |
            |---|---|---|---|---|---|---|---|---|---|""";

    private final List<String> rows = new ArrayList<>();

    public void add(String operation, Verdict.Kind kind, StepFigures f, Verdict verdict) {
        rows.add(row(operation, kind, f, verdict));
    }

    static String row(String operation, Verdict.Kind kind, StepFigures f, Verdict verdict) {
        String servers = f.servers().map(s -> s.requests() + " / " + s.fivexx()).orElse("- / -");
        return String.format("| %s | %s | %d / %d | %d / %d | %d / %d | %s | %d/%d | %d | %d / %d / %d | %s |",
                operation, kind, f.load().failed(), f.load().requests(), f.curl().failed(), f.curl().requests(),
                f.independent().failed(), f.independent().requests(), servers, f.edgeRetries(), f.frontendRetries(),
                f.load().p99Ms(), f.load().gapMs(), f.curl().gapMs(), f.independent().gapMs(), verdict.word());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String markdown() {
        return HEADER + "\n" + String.join("\n", rows);
    }
}
