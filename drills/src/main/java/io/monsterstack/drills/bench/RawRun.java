package io.monsterstack.drills.bench;

/**
 * One measured run as runs.tsv keeps it, a line of tab-separated fields: scenario (PATH or
 * PATH@BUILD), connections, wrk's JSON result, the CPU snapshots before and after, wrk's own CPU in ms.
 */
public record RawRun(String scenario, int connections, WrkResult wrk, CpuSnapshot before, CpuSnapshot after, long wrkMs) {

    public String line() {
        return String.join("\t", scenario, Integer.toString(connections), wrk.json(), before.line(), after.line(), Long.toString(wrkMs));
    }

    public static RawRun parse(String line) {
        String[] fields = line.split("\t");
        if (fields.length != 6) {
            throw new IllegalArgumentException("not a runs.tsv line (6 tab-separated fields): " + line);
        }
        return new RawRun(fields[0], Integer.parseInt(fields[1]), WrkResult.fromJson(fields[2]), CpuSnapshot.parse(fields[3]),
                CpuSnapshot.parse(fields[4]), Long.parseLong(fields[5]));
    }
}
