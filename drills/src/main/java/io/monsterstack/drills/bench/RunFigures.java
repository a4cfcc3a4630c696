package io.monsterstack.drills.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.monsterstack.drills.start.ThreadGroups;

/**
 * A run's figures: wrk's result, the CPU µs per request of each process and their total, each
 * service's by thread group, the ceiling the cores set (cores / total CPU per request), the cores
 * busy (ours and the whole machine's), and the ratios to nginx at the same connection count,
 * measured and predicted (nginx's total CPU per request / this path's). A scenario PATH@BUILD ran
 * on that build's services (--baseline): they stand for frontend and imagebackend, ours sit idle.
 */
public record RunFigures(String scenario, String path, String build, int connections, WrkResult wrk,
        Map<String, Double> cpuUsPerRequest, Map<String, Map<String, Double>> threadCpuUsPerRequest, long cpuCeilingRps,
        double coresBusyOurs, double coresBusyMachine, double ratioToNginx, double predictedRatio) {

    public static final List<String> SERVICES = List.of("frontend", "imagebackend");
    public static final List<String> PROCESSES = List.of("frontend", "imagebackend", "redis", "nginx", "wrk");
    static final String OURS = "ours";

    /** Every run's figures, in order; each connection count needs its nginx run. */
    public static List<RunFigures> all(List<RawRun> runs, int cores) {
        List<RunFigures> alone = runs.stream().map(run -> of(run, cores)).toList();
        Map<Integer, RunFigures> nginx = new LinkedHashMap<>();
        alone.stream().filter(r -> r.scenario.equals("nginx")).forEach(r -> nginx.put(r.connections, r));
        List<RunFigures> all = new ArrayList<>();
        for (RunFigures r : alone) {
            RunFigures n = nginx.get(r.connections);
            if (n == null) {
                throw new IllegalArgumentException("no nginx run at " + r.connections + " connections to compare " + r.scenario + " with");
            }
            all.add(new RunFigures(r.scenario, r.path, r.build, r.connections, r.wrk, r.cpuUsPerRequest, r.threadCpuUsPerRequest,
                    r.cpuCeilingRps, r.coresBusyOurs, r.coresBusyMachine, Numbers.round(r.wrk.rps() / n.wrk.rps(), 3),
                    Numbers.round(n.totalUs() / r.totalUs(), 3)));
        }
        return all;
    }

    /** The figures of one run without the ratios to nginx. */
    static RunFigures of(RawRun run, int cores) {
        int at = run.scenario().indexOf('@');
        String path = at < 0 ? run.scenario() : run.scenario().substring(0, at);
        String build = at < 0 ? OURS : run.scenario().substring(at + 1);
        Map<String, Long> used = run.after().usedSince(run.before());
        used.put("wrk", run.wrkMs());
        long requests = run.wrk().requests();
        Map<String, Double> perRequest = new LinkedHashMap<>();
        double total = 0;
        for (String process : PROCESSES) {
            double us = Numbers.round(used.getOrDefault(own(process, build), 0L) * 1000.0 / requests, 2);
            perRequest.put(process, us);
            total += us;
        }
        perRequest.put("total", Numbers.round(total, 2));
        Map<String, Map<String, Double>> threads = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, Double> groups = new LinkedHashMap<>();
            for (String group : ThreadGroups.HEADINGS.keySet()) {
                groups.put(group, Numbers.round(used.getOrDefault(own(service, build) + "." + group, 0L) * 1000.0 / requests, 2));
            }
            threads.put(service, groups);
        }
        double windowMs = (run.after().wallNanos() - run.before().wallNanos()) / 1e6;
        long ours = used.entrySet().stream().filter(e -> !e.getKey().contains(".")).mapToLong(Map.Entry::getValue).sum();
        return new RunFigures(run.scenario(), path, build, run.connections(), run.wrk(), perRequest, threads,
                Math.round(cores * 1e6 / perRequest.get("total")), Numbers.round(ours / windowMs, 2),
                Numbers.round((run.after().machineMs() - run.before().machineMs()) / windowMs, 2), 0, 0);
    }

    /** The name a process has in the snapshots of a run of {@code build}. */
    private static String own(String process, String build) {
        return SERVICES.contains(process) && !build.equals(OURS) ? process + "@" + build : process;
    }

    public double totalUs() {
        return cpuUsPerRequest.get("total");
    }

    public boolean ours() {
        return build.equals(OURS);
    }
}
