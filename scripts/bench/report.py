"""Turns scripts/bench.sh's raw results into the tables, the targets' verdicts and results.json.

Usage: report.py RUNS.tsv FACTS.tsv OUT_DIR   (profiles, if any, are read from OUT_DIR/profiles);
bench.sh leaves both files in OUT_DIR.

Targets are ratios to nginx serving the same PNG in the same run, because absolute numbers
drift on shared machines and ratios hold. What bounds a path is read from CPU time: all the
processes of a run (the services, Redis, nginx, wrk) share the machine's cores, so a run can do
at most cores / (their CPU per request) requests a second, and a path whose requests cost more
CPU in total than nginx's can reach at most nginx's CPU per request / its own as a ratio.
"""
import collections
import json
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cpu_profile  # noqa: E402  (beside this file)

# scenario -> lowest ratio to nginx allowed, at every connection count: what the services reached
# before their images started from an AOT cache (docs/performance.md), so that no start-up gain
# costs throughput.
RATIO_TARGETS = {"hit": 0.67, "page": 0.30, "post": 0.26, "backend": 0.18, "cold": 0.034}
READY_MS = {"frontend": 1200, "imagebackend": 700}
# Container start -> healthy under the stack's cpus, which scripts/measure-start.sh times.
HEALTHY_S = {"frontend": 8.0, "imagebackend": 6.0}
PROCESSES = ("frontend", "imagebackend", "redis", "nginx", "wrk")
CORES = os.cpu_count()


def snapshot(text):
    return {k: int(v) for k, v in (pair.split("=") for pair in text.split())}


def read_runs(path):
    runs = []
    with open(path) as raw:
        for line in raw:
            scenario, conns, result, before, after, wrk_cpu = line.rstrip("\n").split("\t")
            run = {"scenario": scenario, "connections": int(conns), **json.loads(result)}
            b, a = snapshot(before), snapshot(after)
            cpu_ms = {name: a[name] - b[name] for name in a if name not in ("machine", "wall")
                      and not name.endswith("_jit")}
            # A lower bound: the JVM ends compiler threads it no longer needs, and their CPU with them.
            run["jit_us_per_request"] = {name[:-4]: round(max(0, a[name] - b[name]) * 1000 / run["requests"], 2)
                                         for name in a if name.endswith("_jit")}
            cpu_ms["wrk"] = round(sum(float(s) for s in wrk_cpu.split()) * 1000)
            per_request = {name: round(ms * 1000 / run["requests"], 2) for name, ms in cpu_ms.items()}
            window_ms = (a["wall"] - b["wall"]) / 1e6
            run["cpu_us_per_request"] = {**per_request, "total": round(sum(per_request.values()), 2)}
            run["cpu_ceiling_rps"] = round(CORES * 1e6 / run["cpu_us_per_request"]["total"])
            run["cores_busy"] = {"ours": round(sum(cpu_ms.values()) / window_ms, 2),
                                 "machine": round((a["machine"] - b["machine"]) / window_ms, 2)}
            runs.append(run)
    return runs


def read_facts(path):
    facts = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path) as raw:
        for line in raw:
            service, key, value = line.rstrip("\n").split("\t")
            facts[service][key].append(float(value) if value else None)
    return facts


def thread_groups(values, prefix, starts):
    """Mean CPU ms per start of each thread group (names without their numbers; java = main)."""
    groups = collections.Counter()
    for key, samples in values.items():
        if key.startswith(prefix + "_thread:"):
            name = cpu_profile.thread_group(key.split(":", 1)[1])
            groups["main (java)" if name == "java" else name] += sum(samples) / starts
    return [(name, round(ms)) for name, ms in groups.most_common() if ms >= 5]


def median(samples):
    samples = [s for s in samples if s is not None]
    return round(statistics.median(samples)) if samples else None


def service_summary(name, values):
    limit = values["cpu_limit"][0]
    s = {
        "ready_ms": median(values["ready_ms"]), "ready_ms_samples": values["ready_ms"],
        "ready_cpu_ms": median(values["ready_cpu_ms"]),
        "jvm_created_ms": median(values["ready_jvm_created_ms"]),
        "quarkus_started_ms": median(values["ready_quarkus_started_ms"]),
        "ready_threads_cpu_ms": thread_groups(values, "ready", len(values["ready_ms"])),
        "healthy_ms": median(values["healthy_ms"]), "healthy_cpu_ms": median(values["healthy_cpu_ms"]),
        "healthy_threads_cpu_ms": thread_groups(values, "healthy", 1),
        "cpu_limit": limit,
        "peak_rss_mb": median(values["peak_rss_mb"]), "memory_limit_mb": median(values["memory_limit_mb"]),
    }
    # From the JVM's creation to Quarkus's first line of static init (the runner's class loading),
    # plus the wait for the first readiness answer after Quarkus has started.
    parts = (s["jvm_created_ms"], s["quarkus_started_ms"])
    s["between_ms"] = None if None in parts else s["ready_ms"] - sum(parts)
    s["ready_floor_under_limit_s"] = round(s["ready_cpu_ms"] / 1000 / limit, 2)
    s["healthy_floor_under_limit_s"] = round(s["healthy_cpu_ms"] / 1000 / limit, 2)
    if values.get("classes_loaded"):
        s["classes_loaded"] = median(values["classes_loaded"])
        s["classes_from_cds"] = median(values["classes_from_cds"])
    return s


def verdicts(runs, services):
    nginx = {r["connections"]: r for r in runs if r["scenario"] == "nginx"}
    out = []
    for r in runs:
        target = RATIO_TARGETS.get(r["scenario"])
        if target is None:
            continue
        met = r["ratio_to_nginx"] >= target and r["socket_errors"] == 0
        measured = f'{r["ratio_to_nginx"]}x, {r["rps"]:,.0f} req/s'
        if not met:
            n = nginx[r["connections"]]["cpu_us_per_request"]["total"]
            measured += (f'; CPU ceiling {r["predicted_ratio"]}x ({r["cpu_us_per_request"]["total"]} µs CPU/req '
                         f'against nginx {n})')
        out.append((f'{r["scenario"]} c={r["connections"]}: >= {target}x nginx', met, measured))
    for name, s in services.items():
        measured = f'{s["ready_ms"]} ms'
        if s["ready_ms"] > READY_MS[name]:
            measured += (f'; {s["ready_cpu_ms"]} ms CPU by then: '
                         + ", ".join(f"{t} {ms}" for t, ms in s["ready_threads_cpu_ms"][:3]))
        out.append((f"{name}: ready <= {READY_MS[name]} ms", s["ready_ms"] <= READY_MS[name], measured))
        floor = s["healthy_floor_under_limit_s"]
        out.append((f"{name}: container start -> healthy <= {HEALTHY_S[name]:g} s at {s['cpu_limit']:g} CPU",
                     False if floor > HEALTHY_S[name] else None,
                     f'floor from CPU alone {floor} s ({s["healthy_cpu_ms"]} ms CPU to healthy '
                     f'/ {s["cpu_limit"]:g}); measure-start.sh times the containers'))
        out.append((f"{name}: peak RSS within {s['memory_limit_mb']} MB", s["peak_rss_mb"] <= s["memory_limit_mb"],
                    f'{s["peak_rss_mb"]} MB'))
    return out


def tables(runs, services, checks, profiles):
    t = ["| scenario | conns | req/s | x nginx | p50 ms | p99 ms | errors |", "|---|---:|---:|---:|---:|---:|---:|"]
    t += [f'| {r["scenario"]} | {r["connections"]} | {r["rps"]:,.0f} | {r["ratio_to_nginx"]} | {r["p50_ms"]} '
          f'| {r["p99_ms"]} | {r["socket_errors"] + r["http_errors"]} |' for r in runs]
    t += ["", f"What bounds each path: CPU µs per request of each process (of a service: in brackets its JIT "
          f"compiler threads'); ceiling = {CORES} cores / total; predicted = nginx's total / the path's; cores busy = "
          "CPU used / wall time, ours and the whole machine's.",
          "", "| scenario | conns | frontend (JIT) | backend (JIT) | redis | nginx | wrk | total | CPU ceiling req/s "
          "| predicted x nginx | measured x nginx | cores busy (ours / machine) |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        c, jit = r["cpu_us_per_request"], r["jit_us_per_request"]
        t.append(f'| {r["scenario"]} | {r["connections"]} | ' + " | ".join(
            f'{c[p]:.1f}' + (f' ({jit[p]:.1f})' if p in jit else "")
            for p in ("frontend", "imagebackend", "redis", "nginx", "wrk", "total"))
            + f' | {r["cpu_ceiling_rps"]:,} | {r["predicted_ratio"]} | {r["ratio_to_nginx"]} '
              f'| {r["cores_busy"]["ours"]} / {r["cores_busy"]["machine"]} |')
    t += ["", "Start-up: ready = JVM created (-Xlog:startuptime) + the rest + Quarkus's \"started in\" (its static "
          "init to listening); the rest is the runner's class loading before Quarkus's static init and the first "
          "readiness answer. Healthy: a start as in a container, with the self warm-up and one CPU. CPU floor = "
          "CPU at ready (healthy) / the stack's cpus: the least a quota of that many CPUs lets it take.",
          "", "| service | ready (median of 5) | CPU at ready | JVM created | the rest | Quarkus started in | healthy (self "
          "warm-up, 1 CPU) | CPU at healthy | stack cpus | CPU floor ready / healthy | classes (from CDS) "
          "| peak RSS | stack limit |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, s in services.items():
        classes = f'{s["classes_loaded"]:,} ({s["classes_from_cds"]:,})' if "classes_loaded" in s else "-"
        t.append(f'| {name} | {s["ready_ms"]} ms | {s["ready_cpu_ms"]} ms | {s["jvm_created_ms"]} ms '
                 f'| {s["between_ms"]} ms | {s["quarkus_started_ms"]} ms | {s["healthy_ms"]} ms | {s["healthy_cpu_ms"]} ms | {s["cpu_limit"]:g} '
                 f'| {s["ready_floor_under_limit_s"]} s / {s["healthy_floor_under_limit_s"]} s | {classes} '
                 f'| {s["peak_rss_mb"]} MB | {s["memory_limit_mb"]} MB |')
    t.append("")
    for name, s in services.items():
        for phase in ("ready", "healthy"):
            t.append(f"{name}, CPU ms by thread at {phase}: "
                     + ", ".join(f"{group} {ms}" for group, ms in s[f"{phase}_threads_cpu_ms"]))
    t += ["", "| target | met | measured |", "|---|---|---|"]
    t += [f"| {what} | {'yes' if met else 'NO' if met is False else 'floor ok'} | {measured} |"
          for what, met, measured in checks]
    for title, summary in profiles.items():
        t += [""] + cpu_profile.markdown(title, summary)
    return t


def main(results_path, facts_path, out_dir):
    runs = read_runs(results_path)
    nginx = {r["connections"]: r for r in runs if r["scenario"] == "nginx"}
    for r in runs:
        n = nginx[r["connections"]]
        r["ratio_to_nginx"] = round(r["rps"] / n["rps"], 3)
        r["predicted_ratio"] = round(n["cpu_us_per_request"]["total"] / r["cpu_us_per_request"]["total"], 3)
    services = {name: service_summary(name, values) for name, values in read_facts(facts_path).items()}
    checks = verdicts(runs, services)
    profile_dir = os.path.join(out_dir, "profiles")
    profiles = {f: cpu_profile.summarize(os.path.join(profile_dir, f))
                for f in sorted(os.listdir(profile_dir)) if f.endswith(".collapsed")}

    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load = os.getloadavg()
    machine = f"{platform.system()} {platform.machine()}, {CORES} cores, load average {load[0]:.1f} at the end"
    header = f"Measured {stamp} on {machine}."
    text = header + "\n\n" + "\n".join(tables(runs, services, checks, profiles))
    print("\n" + text)
    with open(f"{out_dir}/results.md", "w") as md:
        md.write(text + "\n")
    with open(f"{out_dir}/results.json", "w") as js:
        json.dump({"measured": stamp, "machine": machine, "runs": runs, "services": services,
                   "targets": [{"target": w, "met": m, "measured": v} for w, m, v in checks],
                   "profiles": profiles}, js, indent=2, ensure_ascii=False)
    print(f"\nwritten: {out_dir}/results.json, {out_dir}/results.md")


if __name__ == "__main__":
    main(*sys.argv[1:])
