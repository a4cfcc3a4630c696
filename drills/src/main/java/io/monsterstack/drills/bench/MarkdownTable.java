package io.monsterstack.drills.bench;

import java.util.ArrayList;
import java.util.List;

/** A markdown table: the first column left-aligned, the others right-aligned. */
final class MarkdownTable {

    private MarkdownTable() {
    }

    static List<String> lines(List<String> header, List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(row(header));
        lines.add("|---" + "|---:".repeat(header.size() - 1) + "|");
        rows.forEach(row -> lines.add(row(row)));
        return lines;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
