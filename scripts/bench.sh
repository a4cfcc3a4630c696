#!/usr/bin/env bash
# Benchmarks the two services as processes (the jars the images run, with the images' JVM
# options) against nginx serving the same PNG as a static file, measured in the same run.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

usage() {
    cat <<EOF
usage: $self [--duration SECONDS] [--warmup SECONDS] [--connections "16 64"] [--out DIR]

Starts redis-server, the image backend and the frontend on free loopback ports, plus nginx
serving one monster PNG statically (the ceiling), then measures with wrk:
  hit      frontend /monster/<hash>, in-process cache hit
  cold     frontend /monster/<name>, every request a name never seen (backend + Redis)
  page     frontend GET /   (visit counter + template)
  post     frontend POST /  (form)
  backend  image backend /monster/<name>?size=100, unique names
  nginx    the same PNG as a static file
and reports req/s, p50/p99 latency, each as a ratio to nginx at the same connection count,
time to /q/health/ready (median of 5 starts) and peak RSS of each service.
Results: a table on stdout and JSON in --out (default: $repo_dir/.build/bench).

  -d, --duration S      seconds of measurement per run (default 8)
  -w, --warmup S        seconds of warm-up before each run (default 2)
  -c, --connections L   connection counts (default "16 64")
  -o, --out DIR         where results.json and the table go
  -h, --help            this text

Examples:
  $self
  $self --duration 10 --connections "64"
EOF
}

duration=8
warmup=2
connections="16 64"
out="$repo_dir/.build/bench"
while [ "$#" -gt 0 ]; do
    case "$1" in
        -d|--duration) duration="${2:?}"; shift 2 ;;
        -w|--warmup) warmup="${2:?}"; shift 2 ;;
        -c|--connections) connections="${2:?}"; shift 2 ;;
        -o|--out) out="${2:?}"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) bad_usage "$1" ;;
    esac
done

ensure_packages wrk:wrk nginx:nginx-light redis-server:redis-server curl:curl
ensure_jars

work="$(mktemp -d)"
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# --- time to ready, median of 5 starts per service ------------------------------------------
# Without the services' own warm-up (readiness waits for it: seconds of self-sent requests): ready
# here is "answers", and wrk warms the JIT itself below. scripts/measure-start.sh times the warm-up.
export WARM_UP_REQUESTS=0
start_redis "$work"
backend_port="$(free_port)"
frontend_port="$(free_port)"

# The images start with an AppCDS archive made by their own JVM; make the same here, from a
# first start of each service, so that start-up is measured the way it happens in the stack.
declare -A cds=()
train_cds() {
    start_service "$1" "$2" "$work" "-XX:ArchiveClassesAtExit=$work/$1.jsa"
    stop_service "$1"
    cds[$1]="-XX:SharedArchiveFile=$work/$1.jsa"
}
ready_ms_median() {
    local service="$1" port="$2" samples=()
    for _ in 1 2 3 4 5; do
        start_service "$service" "$port" "$work" "${cds[$service]}"
        samples+=("$ready_ms")
        stop_service "$service"
    done
    printf '%s\n' "${samples[@]}" | sort -n | sed -n 3p
}

step "time from process start to /q/health/ready (median of 5; image JVM options and AppCDS)"
train_cds imagebackend "$backend_port"
backend_ready_ms="$(ready_ms_median imagebackend "$backend_port")"
printf 'imagebackend ready in %s ms\n' "$backend_ready_ms"
start_service imagebackend "$backend_port" "$work" "${cds[imagebackend]}"
train_cds frontend "$frontend_port"
frontend_ready_ms="$(ready_ms_median frontend "$frontend_port")"
printf 'frontend ready in %s ms\n' "$frontend_ready_ms"
start_service frontend "$frontend_port" "$work" "${cds[frontend]}"

# --- the static ceiling: nginx serving the very PNG the frontend serves --------------------
hit_path="/monster/$(printf '%s' "UNIQUE_SALTBench Hit" | sha256sum | cut -d' ' -f1)"
mkdir -p "$work/static"
curl -fsS -o "$work/static/monster.png" "http://127.0.0.1:$frontend_port$hit_path" \
    || die "frontend did not serve $hit_path"
nginx_port="$(free_port)"
start_nginx "$work" "$nginx_port"

# --- load runs ------------------------------------------------------------------------------
run_id="$(date +%s)"
measure() {
    local scenario="$1" conns="$2" url="$3"
    shift 3
    local json
    env "$@" wrk -t2 -c"$conns" -d"${warmup}s" -s "$here/bench/wrk-report.lua" "$url" >/dev/null
    json="$(env "$@" wrk -t2 -c"$conns" -d"${duration}s" --timeout 5s -s "$here/bench/wrk-report.lua" "$url" \
        | sed -n 's/^BENCH_JSON //p')"
    [ -n "$json" ] || die "wrk produced no result for $scenario"
    printf '%s\t%s\t%s\n' "$scenario" "$conns" "$json" >> "$results"
    printf '  %-8s c=%-3s %s\n' "$scenario" "$conns" "$json"
}

fe="http://127.0.0.1:$frontend_port"
measure_all() {
    local c="$1"
    measure nginx "$c" "http://127.0.0.1:$nginx_port/monster.png"
    measure hit "$c" "$fe$hit_path"
    measure cold "$c" "$fe/" BENCH_UNIQUE_PREFIX="/monster/cold-$run_id-$round-c$c-"
    measure page "$c" "$fe/"
    measure post "$c" "$fe/" BENCH_METHOD=POST BENCH_BODY="name=Bench+Visitor" \
        BENCH_CONTENT_TYPE=application/x-www-form-urlencoded
    measure backend "$c" "http://127.0.0.1:$backend_port/" \
        BENCH_UNIQUE_PREFIX="/monster/direct-$run_id-$round-c$c-" BENCH_UNIQUE_SUFFIX="?size=100"
}

# One untimed pass first: the JIT compiles each path only once it runs hot, the cold path
# (REST client, Redis writes) last of all.
step "JIT warm-up pass (not reported)"
round=warmup
results="$work/warmup.tsv"
measure_all 32 > /dev/null
results="$work/results.tsv"
round=measured
for c in $connections; do
    step "load at $c connections (${duration}s each after ${warmup}s warm-up)"
    measure_all "$c"
done

backend_rss_mb="$(peak_rss_mb imagebackend)"
frontend_rss_mb="$(peak_rss_mb frontend)"

# --- report -----------------------------------------------------------------------------------
mkdir -p "$out"
python3 "$here/bench/report.py" "$results" "$out" \
    "imagebackend=$backend_ready_ms:$backend_rss_mb:$(memory_limit_mb imagebackend)" \
    "frontend=$frontend_ready_ms:$frontend_rss_mb:$(memory_limit_mb frontend)"
