"""Turns scripts/bench.sh's raw results into its tables, the targets' verdicts and results.json.

Usage: report.py RUNS.tsv FACTS.tsv OUT_DIR (bench.sh leaves both files in OUT_DIR).

Targets are ratios to nginx serving the same PNG in the same run: absolute numbers drift on
shared machines, ratios hold. All the processes of a run share the machine's cores, so a run
can do at most cores / (their CPU per request) requests a second: a path whose requests cost
more CPU than nginx's reaches at most nginx's CPU per request / its own as a ratio.
"""
import collections
import json
import os
import platform
import statistics
import sys
import time

# scenario -> lowest ratio to nginx allowed, at every connection count: what the services reached
# before their images started from an AOT cache (docs/performance.md), so that no start-up gain
# costs throughput.
RATIO_TARGETS = {"hit": 0.67, "page": 0.30, "post": 0.26, "backend": 0.18, "cold": 0.034}
READY_MS = {"frontend": 1200, "imagebackend": 700}
# Container start -> healthy under the stack's cpus, which scripts/drill.sh measure-start times.
HEALTHY_S = {"frontend": 8.0, "imagebackend": 6.0}
PROCESSES = ("frontend", "imagebackend", "redis", "nginx", "wrk")
SERVICES = ("frontend", "imagebackend")
# What a JVM's threads do (scripts/lib/local-processes.sh, thread_groups_ms), and their headings.
THREAD_GROUPS = {"loops": "event loops", "jit": "JIT", "gc": "GC + VM", "main": "main", "other": "other"}
CORES = os.cpu_count()


def read_runs(path):
    """The runs in order; a scenario named PATH@BUILD ran on that build's services (--baseline)."""
    runs = []
    for line in open(path):
        scenario, conns, result, before, after, wrk_cpu = line.rstrip("\n").split("\t")
        path_name, _, build = scenario.partition("@")
        run = {"scenario": scenario, "path": path_name, "build": build or "ours", "connections": int(conns),
               **json.loads(result)}
        b, a = ({k: int(v) for k, v in (p.split("=") for p in text.split())} for text in (before, after))
        used = {name: a[name] - b[name] for name in a if name in b and name not in ("machine", "wall")}
        used["wrk"] = round(sum(float(s) for s in wrk_cpu.split()) * 1000)
        # The services of this run's build stand for frontend and imagebackend; another build's sit idle.
        own = {name: name + ("@" + build if build and name in SERVICES else "") for name in PROCESSES}
        per_request = {name: round(used.get(own[name], 0) * 1000 / run["requests"], 2) for name in PROCESSES}
        run["cpu_us_per_request"] = {**per_request, "total": round(sum(per_request.values()), 2)}
        run["thread_cpu_us_per_request"] = {
            service: {group: round(used.get(f"{own[service]}.{group}", 0) * 1000 / run["requests"], 2)
                      for group in THREAD_GROUPS} for service in SERVICES}
        run["cpu_ceiling_rps"] = round(CORES * 1e6 / run["cpu_us_per_request"]["total"])
        window_ms = (a["wall"] - b["wall"]) / 1e6
        run["cores_busy"] = {"ours": round(sum(ms for name, ms in used.items() if "." not in name) / window_ms, 2),
                             "machine": round((a["machine"] - b["machine"]) / window_ms, 2)}
        runs.append(run)
    nginx = {r["connections"]: r for r in runs if r["scenario"] == "nginx"}
    for r in runs:
        n = nginx[r["connections"]]
        r["ratio_to_nginx"] = round(r["rps"] / n["rps"], 3)
        r["predicted_ratio"] = round(n["cpu_us_per_request"]["total"] / r["cpu_us_per_request"]["total"], 3)
    return runs


def read_services(path):
    """service -> its start-up and memory figures; a fact given several times is a median."""
    facts = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(path):
        service, key, value = line.rstrip("\n").split("\t")
        if value and ":" not in key:
            facts[service][key].append(float(value))
    services = {}
    for name, values in facts.items():
        s = {key: round(statistics.median(samples)) for key, samples in values.items() if key != "cpu_limit"}
        s["ready_ms_samples"] = values["ready_ms"]
        s["cpu_limit"] = limit = values["cpu_limit"][0]
        s["ready_floor_under_limit_s"] = round(s["ready_cpu_ms"] / 1000 / limit, 2)
        s["healthy_floor_under_limit_s"] = round(s["healthy_cpu_ms"] / 1000 / limit, 2)
        services[name] = s
    return services


def verdicts(runs, services):
    """(target, met, measured); met None: a floor below the target, which only drill.sh measure-start can check."""
    nginx = {r["connections"]: r for r in runs if r["scenario"] == "nginx"}
    out = []
    for r in (r for r in runs if r["scenario"] in RATIO_TARGETS):  # ours only: a baseline's has "@"
        target = RATIO_TARGETS[r["scenario"]]
        met = r["ratio_to_nginx"] >= target and r["socket_errors"] == 0
        measured = f'{r["ratio_to_nginx"]}x, {r["rps"]:,.0f} req/s'
        if not met:
            measured += (f'; CPU ceiling {r["predicted_ratio"]}x ({r["cpu_us_per_request"]["total"]} µs CPU/req '
                         f'against nginx {nginx[r["connections"]]["cpu_us_per_request"]["total"]})')
        out.append((f'{r["scenario"]} c={r["connections"]}: >= {target}x nginx', met, measured))
    for name, s in services.items():
        out.append((f"{name}: ready <= {READY_MS[name]} ms", s["ready_ms"] <= READY_MS[name],
                    f'{s["ready_ms"]} ms ({s["ready_cpu_ms"]} ms CPU)'))
        floor = s["healthy_floor_under_limit_s"]
        out.append((f"{name}: container start -> healthy <= {HEALTHY_S[name]:g} s at {s['cpu_limit']:g} CPU",
                    False if floor > HEALTHY_S[name] else None,
                    f'floor from CPU alone {floor} s ({s["healthy_cpu_ms"]} ms CPU to healthy '
                    f'/ {s["cpu_limit"]:g}); drill.sh measure-start times the containers'))
        out.append((f"{name}: peak RSS within {s['memory_limit_mb']} MB", s["peak_rss_mb"] <= s["memory_limit_mb"],
                    f'{s["peak_rss_mb"]} MB'))
    return out


def table(header, rows):
    return ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"] + \
        ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]


def tables(runs, services, checks):
    t = table(("scenario", "conns", "req/s", "x nginx", "p50 ms", "p99 ms", "errors"),
              ((r["scenario"], r["connections"], f'{r["rps"]:,.0f}', r["ratio_to_nginx"], r["p50_ms"], r["p99_ms"],
                r["socket_errors"] + r["http_errors"]) for r in runs))
    t += ["", f"What bounds each path: CPU µs per request of each process; ceiling = {CORES} cores / total; "
          "predicted = nginx's total / the path's; cores busy = CPU used / wall time, ours and the machine's.", ""]
    t += table(("scenario", "conns", *PROCESSES, "total", "CPU ceiling req/s", "predicted x nginx",
                "measured x nginx", "cores busy (ours / machine)"),
               ((r["scenario"], r["connections"], *(f'{r["cpu_us_per_request"][p]:.1f}' for p in (*PROCESSES, "total")),
                 f'{r["cpu_ceiling_rps"]:,}', r["predicted_ratio"], r["ratio_to_nginx"],
                 f'{r["cores_busy"]["ours"]} / {r["cores_busy"]["machine"]}') for r in runs))
    t += ["", "Where each service's CPU goes, by thread: µs per request (the service a path does not use sits idle).",
          ""]
    t += table(("scenario", "conns", *(f"{s} {g}" for s in SERVICES for g in THREAD_GROUPS.values())),
               ((r["scenario"], r["connections"], *(f'{r["thread_cpu_us_per_request"][s][g]:.1f}'
                                                    for s in SERVICES for g in THREAD_GROUPS)) for r in runs))
    t += comparison(runs)
    t += ["", "Start-up: ready (median of 5) = JVM created + the runner's class loading + Quarkus's \"started in\". "
          "Healthy: a start as in a container, with the self warm-up and one CPU. CPU floor = CPU at ready "
          "(healthy) / the stack's cpus: the least a quota of that many CPUs lets it take.", ""]
    t += table(("service", "ready", "CPU at ready", "JVM created", "Quarkus started in", "healthy", "CPU at healthy",
                "stack cpus", "CPU floor ready / healthy", "peak RSS", "stack limit"),
               ((name, f'{s["ready_ms"]} ms', f'{s["ready_cpu_ms"]} ms', f'{s["ready_jvm_created_ms"]} ms',
                 f'{s["ready_quarkus_started_ms"]} ms', f'{s["healthy_ms"]} ms', f'{s["healthy_cpu_ms"]} ms',
                 f'{s["cpu_limit"]:g}', f'{s["ready_floor_under_limit_s"]} s / {s["healthy_floor_under_limit_s"]} s',
                 f'{s["peak_rss_mb"]} MB', f'{s["memory_limit_mb"]} MB') for name, s in services.items()))
    t += ["", "Start-up CPU by thread (ms): at ready (median of 5) and at healthy.", ""]
    t += table(("service", "start", *THREAD_GROUPS.values()),
               ((name, start, *(f'{s.get(f"{start}_threads.{g}", 0)}' for g in THREAD_GROUPS))
                for name, s in services.items() for start in ("ready", "healthy")))
    t += [""] + table(("target", "met", "measured"), ((what, "yes" if met else "NO" if met is False else "floor ok",
                                                      measured) for what, met, measured in checks))
    return t


def comparison(runs):
    """With --baseline: each path of ours against the baseline's in the same run."""
    base = {(r["path"], r["connections"]): r for r in runs if r["build"] != "ours"}
    pairs = [(r, base[r["path"], r["connections"]]) for r in runs
             if r["build"] == "ours" and (r["path"], r["connections"]) in base]
    if not pairs:
        return []
    us = lambda r, p: f'{r["cpu_us_per_request"][p]:.1f}'
    return ["", "Ours against the baseline, path by path in this run: ratios to nginx, and CPU µs per request.", ""] + \
        table(("path", "conns", "ours x nginx", "baseline x nginx", "ours / baseline", "frontend µs ours / baseline",
               "imagebackend µs ours / baseline", "total µs ours / baseline"),
              ((o["path"], o["connections"], o["ratio_to_nginx"], b["ratio_to_nginx"], round(o["rps"] / b["rps"], 3),
                f'{us(o, "frontend")} / {us(b, "frontend")}', f'{us(o, "imagebackend")} / {us(b, "imagebackend")}',
                f'{us(o, "total")} / {us(b, "total")}') for o, b in pairs))


def main(runs_path, facts_path, out_dir):
    runs, services = read_runs(runs_path), read_services(facts_path)
    checks = verdicts(runs, services)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = (f"{platform.system()} {platform.machine()}, {CORES} cores, "
               f"load average {os.getloadavg()[0]:.1f} at the end")
    text = f"Measured {stamp} on {machine}.\n\n" + "\n".join(tables(runs, services, checks))
    print("\n" + text)
    with open(f"{out_dir}/results.md", "w") as md:
        md.write(text + "\n")
    with open(f"{out_dir}/results.json", "w") as js:
        json.dump({"measured": stamp, "machine": machine, "runs": runs, "services": services,
                   "targets": [{"target": w, "met": m, "measured": v} for w, m, v in checks]},
                  js, indent=2, ensure_ascii=False)
    print(f"\nwritten: {out_dir}/results.json, {out_dir}/results.md")


if __name__ == "__main__":
    main(*sys.argv[1:])
