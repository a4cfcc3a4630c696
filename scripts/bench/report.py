"""Turns scripts/bench.sh's raw results into the table, the target verdicts and results.json.

Targets are ratios to nginx serving the same PNG in the same run, because absolute numbers
drift on shared machines and ratios hold. Targets stated in req/s of the original (measured
beside an nginx doing 128,000 req/s) are converted with that reference.
"""
import json
import os
import platform
import sys
import time

REFERENCE_NGINX_RPS = 128_000
# scenario -> (minimum ratio to nginx, what the target says)
RATIO_TARGETS = {
    "hit": (0.5, ">= 0.5x nginx static"),
    "cold": (5_300 / REFERENCE_NGINX_RPS, ">= 10x original cold (5,300 of 128k)"),
    "page": (34_000 / REFERENCE_NGINX_RPS, ">= 5x original page (34,000 of 128k)"),
    "post": (34_000 / REFERENCE_NGINX_RPS, ">= 5x original page (34,000 of 128k)"),
    "backend": (20_700 / REFERENCE_NGINX_RPS, ">= 10x dnmonster (20,700 of 128k)"),
}
HIT_P99_MS = 5.0
READY_MS = 1000


def main(raw_path, out_dir, *services):
    runs = []
    with open(raw_path) as raw:
        for line in raw:
            scenario, conns, result = line.rstrip("\n").split("\t")
            runs.append({"scenario": scenario, "connections": int(conns), **json.loads(result)})
    nginx = {r["connections"]: r["rps"] for r in runs if r["scenario"] == "nginx"}

    verdicts = []
    for r in runs:
        r["ratio_to_nginx"] = round(r["rps"] / nginx[r["connections"]], 3)
        target = RATIO_TARGETS.get(r["scenario"])
        if target:
            r["target"] = target[1]
            r["target_met"] = r["ratio_to_nginx"] >= target[0] and r["socket_errors"] == 0
            verdicts.append((f'{r["scenario"]} c={r["connections"]}: {target[1]}', r["target_met"],
                             f'{r["ratio_to_nginx"]}x, {r["rps"]:,.0f} req/s'))
        if r["scenario"] == "hit" and r["connections"] == 64:
            verdicts.append(("hit c=64: p99 <= 5 ms", r["p99_ms"] <= HIT_P99_MS, f'{r["p99_ms"]} ms'))

    service_facts = {}
    for spec in services:
        name, values = spec.split("=", 1)
        ready_ms, rss_mb, limit_mb = (int(v) for v in values.split(":"))
        service_facts[name] = {"ready_ms": ready_ms, "peak_rss_mb": rss_mb, "memory_limit_mb": limit_mb}
        verdicts.append((f"{name}: ready <= {READY_MS} ms", ready_ms <= READY_MS, f"{ready_ms} ms"))
        verdicts.append((f"{name}: peak RSS within {limit_mb} MB", rss_mb <= limit_mb, f"{rss_mb} MB"))

    table = [
        "| scenario | conns | req/s | x nginx | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        table.append(f'| {r["scenario"]} | {r["connections"]} | {r["rps"]:,.0f} | {r["ratio_to_nginx"]} '
                     f'| {r["p50_ms"]} | {r["p99_ms"]} | {r["socket_errors"] + r["http_errors"]} |')
    table += ["", "| service | ready (median of 5) | peak RSS | stack limit |", "|---|---:|---:|---:|"]
    for name, f in service_facts.items():
        table.append(f'| {name} | {f["ready_ms"]} ms | {f["peak_rss_mb"]} MB | {f["memory_limit_mb"]} MB |')
    table += ["", "| target | met | measured |", "|---|---|---|"]
    table += [f"| {what} | {'yes' if met else 'NO'} | {measured} |" for what, met, measured in verdicts]

    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    header = f"Measured {stamp} on {machine}."
    print("\n" + header + "\n\n" + "\n".join(table))
    with open(f"{out_dir}/results.md", "w") as md:
        md.write(header + "\n\n" + "\n".join(table) + "\n")
    with open(f"{out_dir}/results.json", "w") as js:
        json.dump({"measured": stamp, "machine": machine, "runs": runs, "services": service_facts,
                   "targets": [{"target": w, "met": m, "measured": v} for w, m, v in verdicts]}, js, indent=2)
    print(f"\nwritten: {out_dir}/results.json, {out_dir}/results.md")


if __name__ == "__main__":
    main(*sys.argv[1:])
