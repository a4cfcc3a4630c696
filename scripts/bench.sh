#!/usr/bin/env bash
# Benchmarks the two services as processes (the jars the images run, with the images' JVM
# options) against nginx serving the same PNG as a static file, measured in the same run.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

usage() {
    cat <<EOF
usage: $self [--duration SECONDS] [--warmup SECONDS] [--connections "16 64"] [--baseline DIR] [--out DIR]

Starts redis-server, the image backend and the frontend on free loopback ports, plus nginx
serving one monster PNG statically (the ceiling), then measures with wrk:
  hit      frontend /monster/<hash>, in-process cache hit
  cold     frontend /monster/<name>, every request a name never seen (backend + Redis)
  page     frontend GET /   (visit counter + template)
  post     frontend POST /  (form)
  backend  image backend /monster/<name>?size=100, unique names
  nginx    the same PNG as a static file
and reports req/s, p50/p99 latency, each as a ratio to nginx at the same connection count,
time to /q/health/ready (median of 5 starts) and peak RSS of each service, checked against
the targets of scripts/bench/report.py (docs/performance.md).

What bounds each path: for every run, the CPU time (/proc utime + stime) of each process (the
services, Redis, nginx, wrk itself) per request, and the ceiling the cores set: req/s <= cores /
(sum of CPU per request), as a ratio to nginx's ceiling, beside the measured ratio. Start-up:
the CPU a service has used when it is ready, without and with its self warm-up (what a
container's healthcheck waits for), divided by the stack's cpus limit: the floor of container
start -> healthy under that quota. Where each service's CPU goes, by thread (event loops, JIT,
GC and VM, main, the rest), per request of every run and at ready and healthy.

  -d, --duration S      seconds of measurement per run (default 8)
  -w, --warmup S        seconds of warm-up before each run (default 2)
  -c, --connections L   connection counts (default "16 64")
  -b, --baseline DIR    also run the jars of another checkout (another commit, built with
                        ./mvnw package -DskipTests, run with its own images' JVM options and
                        no AOT cache), each path measured right after ours in the same run:
                        rows SCENARIO@baseline and a table comparing the two builds
  -o, --out DIR         where results.json, results.md and the raw runs.tsv and facts.tsv
                        go (default: $repo_dir/.build/bench)
  -h, --help            this text

Examples:
  $self
  $self --duration 10 --connections "64"
  git worktree add ../old ec57330 && (cd ../old && ./mvnw -B -q package -DskipTests)
  $self --baseline ../old
EOF
}

duration=8
warmup=2
connections="16 64"
out="$repo_dir/.build/bench"
baseline=
option() {
    case "$1" in
        -d|--duration) duration="${2-}"; return 2 ;;
        -w|--warmup) warmup="${2-}"; return 2 ;;
        -c|--connections) connections="${2-}"; return 2 ;;
        -b|--baseline) baseline="${2-}"; return 2 ;;
        -o|--out) out="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

ensure_packages wrk:wrk nginx:nginx-light redis-server:redis-server curl:curl /usr/bin/time:time
ensure_jars
if [ -n "$baseline" ]; then
    baseline="$(cd "$baseline" && pwd)"
    for module in imagebackend frontend; do
        [ -f "$baseline/$module/target/quarkus-app/quarkus-run.jar" ] \
            || die "no $module jar in $baseline: build it first (cd $baseline && ./mvnw -B package -DskipTests)"
        service_repos[$module@baseline]="$baseline"
    done
fi

work="$(mktemp -d)"
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# --- start-up ------------------------------------------------------------------------------
# Facts for the report, one "service<TAB>key<TAB>value" line each; a key given again is a sample more.
# They stay in --out with the runs' raw results, so that report.py can be run on them again.
facts="$out/facts.tsv"
fact() { printf '%s\t%s\t%s\n' "$@" >> "$facts"; }
mkdir -p "$out"
rm -f "$facts" "$out/runs.tsv"

start_redis "$work"
backend_port="$(free_port)"
frontend_port="$(free_port)"

# The images run on a JDK 25 and start from an AOT cache their own JVM wrote while answering its
# warm-up requests (build-images.sh); make the same here, with this machine's JDK 25, so that
# start-up and speed are measured the way they happen in the stack.
: "${SERVICE_JAVA:=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
export SERVICE_JAVA
declare -A aot=()
train_aot() {
    local service_env=("${training_env[@]}")  # seen by start_service
    start_service "$1" "$2" "$work" "${aot_options[@]}" -XX:MaxMetaspaceSize=128m "-XX:AOTCacheOutput=$work/$1.aot"
    stop_service "$1"  # the JVM writes the cache as it exits
    aot[$1]="-XX:AOTCache=$work/$1.aot"
}

# timed_start SERVICE PORT PREFIX [JVM_OPTION...] starts the service from its AOT cache and records, as
# PREFIX_ms and PREFIX_cpu_ms, its time to ready and the CPU it had used by then, the JVM's own
# creation (to main) and Quarkus's "started in".
timed_start() {
    local service="$1" port="$2" prefix="$3" log="$work/$1-startuptime.log"
    shift 3
    rm -f "$log"
    start_service "$service" "$port" "$work" "${aot[$service]}" "${aot_options[@]}" "-Xlog:startuptime:file=$log" "$@"
    fact "$service" "${prefix}_ms" "$ready_ms"
    fact "$service" "${prefix}_cpu_ms" "$ready_cpu_ms"
    thread_groups_ms "${service_pids[$service]}" "${prefix}_threads" | tr ' =' '\n\t' | sed "s/^/$service\t/" >> "$facts"
    fact "$service" "${prefix}_jvm_created_ms" "$(awk '/Create VM,/ { printf "%d", $(NF-1) * 1000 }' "$log")"
    fact "$service" "${prefix}_quarkus_started_ms" \
        "$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$work/$service.log" | awk '{ printf "%d", $1 * 1000 }')"
}

# measure_start SERVICE PORT: 5 starts as bench's "ready" (without the self warm-up: ready is
# "answers"; wrk warms the JIT below), and one as a container of the stack starts (the image's self
# warm-up, which readiness waits for, and the one CPU a cpus limit below 1 shows the JVM).
measure_start() {
    local service="$1" port="$2"
    train_aot "$service" "$port"
    for _ in 1 2 3 4 5; do
        WARM_UP_REQUESTS=0 timed_start "$service" "$port" ready
        stop_service "$service"
    done
    timed_start "$service" "$port" healthy -XX:ActiveProcessorCount=1
    stop_service "$service"
    fact "$service" cpu_limit "$(stack_limit "$service" cpus)"
    WARM_UP_REQUESTS=0 start_service "$service" "$port" "$work" "${aot[$service]}" "${aot_options[@]}"
    printf '%s ready in %s ms (median of 5: %s)\n' "$service" \
        "$(sed -n "s/^$service\tready_ms\t//p" "$facts" | sort -n | sed -n 3p)" \
        "$(sed -n "s/^$service\tready_ms\t//p" "$facts" | tr '\n' ' ')"
}

step "start-up: process start to /q/health/ready (the image's JDK, JVM options and AOT cache)"
measure_start imagebackend "$backend_port"
measure_start frontend "$frontend_port"

# --- the static ceiling: nginx serving the very PNG the frontend serves --------------------
hit_path="/monster/$(printf '%s' "UNIQUE_SALTBench Hit" | sha256sum | cut -d' ' -f1)"
mkdir -p "$work/static"
curl -fsS -o "$work/static/monster.png" "http://127.0.0.1:$frontend_port$hit_path" \
    || die "frontend did not serve $hit_path"
nginx_port="$(free_port)"
start_nginx "$work" "$nginx_port"
mapfile -t nginx_workers < <(pgrep -P "$nginx_pid")

# The baseline's services beside ours, on the same Redis, started as bench's "ready" starts ours
# (no self warm-up: the JIT warm-up pass below serves both), with their own images' JVM options.
start_baseline() {
    local service_env=("${service_env[@]}" WARM_UP_REQUESTS=0 "IMAGEBACKEND_PORT=$base_backend_port") ready_path
    # A build from before the management interface answers readiness on the application port.
    grep -q '^quarkus.management.enabled=true' "$baseline/frontend/src/main/resources/application.properties" \
        || ready_path=/q/health/ready
    start_service imagebackend@baseline "$base_backend_port" "$work" "${aot_options[@]}"
    start_service frontend@baseline "$base_frontend_port" "$work" "${aot_options[@]}"
    curl -fsS -o /dev/null "http://127.0.0.1:$base_frontend_port$hit_path" || die "the baseline did not serve $hit_path"
}
if [ -n "$baseline" ]; then
    step "the baseline's services, from $baseline ($(git -C "$baseline" log -1 --format='%h, %cs'))"
    base_backend_port="$(free_port)"
    base_frontend_port="$(free_port)"
    start_baseline
fi

# --- load runs ------------------------------------------------------------------------------
run_id="$(date +%s)"
# processes: one line "name=ms ... machine=ms wall=ns": the CPU time each process (group) has used
# so far, each service's by thread group too (name.loops=ms ...), the whole machine's busy time (all
# cores, /proc/stat: all but idle and iowait), the clock.
processes() {
    local name
    for name in "${!service_pids[@]}"; do
        printf '%s=%s %s ' "$name" "$(cpu_ms "${service_pids[$name]}")" "$(thread_groups_ms "${service_pids[$name]}" "$name")"
    done
    printf 'redis=%s nginx=%s ' "$(cpu_ms "$redis_pid")" "$(cpu_ms "$nginx_pid" "${nginx_workers[@]}")"
    printf 'machine=%s wall=%s\n' "$(machine_busy_ms)" "$(date +%s%N)"
}
# measure SCENARIO CONNECTIONS URL [VAR=VALUE...] runs wrk (the VARs for wrk-report.lua) and
# records its result, the CPU of every process before and after, and wrk's own CPU.
measure() {
    local scenario="$1" conns="$2" url="$3"
    shift 3
    local json before after
    env "$@" wrk -t2 -c"$conns" -d"${warmup}s" -s "$here/bench/wrk-report.lua" "$url" >/dev/null
    before="$(processes)"
    json="$(env "$@" /usr/bin/time -f '%U %S' -o "$work/wrk.time" \
            wrk -t2 -c"$conns" -d"${duration}s" --timeout 5s -s "$here/bench/wrk-report.lua" "$url" \
        | sed -n 's/^BENCH_JSON //p')"
    after="$(processes)"
    [ -n "$json" ] || die "wrk produced no result for $scenario"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$conns" "$json" "$before" "$after" \
        "$(tail -n 1 "$work/wrk.time")" >> "$results"
    printf '  %-16s c=%-3s %s\n' "$scenario" "$conns" "$json"
}

# The builds measured, each scenario of ours first and the baseline's right after it.
declare -A ports=([frontend]="$frontend_port" [imagebackend]="$backend_port") suffix=([ours]="")
builds=(ours)
if [ -n "$baseline" ]; then
    ports+=([frontend@baseline]="$base_frontend_port" [imagebackend@baseline]="$base_backend_port")
    suffix[baseline]=@baseline
    builds+=(baseline)
fi
# measure_builds SCENARIO CONNECTIONS SERVICE PATH [VAR=VALUE...]: the scenario on each build's
# SERVICE; "{build}" in the VARs becomes the build's name.
measure_builds() {
    local scenario="$1" conns="$2" service="$3" path="$4" build
    shift 4
    for build in "${builds[@]}"; do
        measure "$scenario${suffix[$build]}" "$conns" "http://127.0.0.1:${ports[$service${suffix[$build]}]}$path" \
            "${@//\{build\}/$build}"
    done
}
measure_all() {
    local c="$1"
    measure nginx "$c" "http://127.0.0.1:$nginx_port/monster.png"
    measure_builds hit "$c" frontend "$hit_path"
    measure_builds cold "$c" frontend / BENCH_UNIQUE_PREFIX="/monster/cold-{build}-$run_id-$round-c$c-"
    measure_builds page "$c" frontend /
    measure_builds post "$c" frontend / BENCH_METHOD=POST BENCH_BODY="name=Bench+Visitor" \
        BENCH_CONTENT_TYPE=application/x-www-form-urlencoded
    measure_builds backend "$c" imagebackend / \
        BENCH_UNIQUE_PREFIX="/monster/direct-{build}-$run_id-$round-c$c-" BENCH_UNIQUE_SUFFIX="?size=100"
}

# One untimed pass first: the JIT compiles each path only once it runs hot, the cold path
# (REST client, Redis writes) last of all.
step "JIT warm-up pass (not reported)"
round=warmup
results="$work/warmup.tsv"
measure_all 32 > /dev/null
results="$out/runs.tsv"
round=measured
for c in $connections; do
    step "load at $c connections (${duration}s each after ${warmup}s warm-up)"
    measure_all "$c"
done

for service in imagebackend frontend; do
    fact "$service" peak_rss_mb "$(peak_rss_mb "$service")"
    fact "$service" memory_limit_mb "$(stack_limit "$service" memory)"
done

# --- report -----------------------------------------------------------------------------------
python3 "$here/bench/report.py" "$results" "$facts" "$out"
