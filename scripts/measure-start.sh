#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--runs N] [--tag TAG] [--only SERVICE] [--env KEY=VALUE]... [--cpus N] [--compare-aot]
   ie: $self                  # both app images as deployed (AOT cache), 3 runs each
       $self --runs 1         # one run each (the e2e drill)
       $self --compare-aot    # also without the AOT cache (-XX:AOTMode=off)
       $self --only frontend --env WARM_UP_REQUESTS=500   # one service, a variable changed
       $self --only frontend --cpus 2 --env JAVA_TOOL_OPTIONS=-XX:ActiveProcessorCount=1
                              # the quota's share: more CPU, the same JVM ergonomics

Measures container start for the app images: from "docker run" (with the stack's CPU and memory
limits) to the first answer of the URL its healthcheck probes (listening: 503 while the replica
warms itself up) and to its first 200 (healthy: warmed up, what Swarm waits for before it sends
traffic), polled every 50 ms, and the CPU time the container used until then (its cgroup's
cpuacct), and where it went: the JVM's threads by what they do (event loops, JIT, GC and VM,
main, the rest) and, outside the JVM, the entrypoint's unpacking of the AOT cache. The frontend
starts beside a Redis and an image backend (healthy before the first start), as in the stack, on
a scratch network; no swarm needed. --env sets a variable in the measured containers only, --cpus
their CPU limit instead of the stack's.
USAGE
}

# shellcheck source=scripts/lib/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-processes.sh"  # thread_groups_ms, on top of common.sh

runs=3
tag="$TAG"
variants=(AOT)
services=(frontend imagebackend)
envs=()
cpus=
option() {
    case "$1" in
        --runs) runs="${2-}"; return 2 ;;
        --tag) tag="${2-}"; return 2 ;;
        --only)
            [[ "${2-}" =~ ^(frontend|imagebackend)$ ]] || die "--only takes frontend or imagebackend"
            services=("$2")
            return 2
            ;;
        --env) envs+=(-e "${2-}"); return 2 ;;
        --cpus) cpus="${2-}"; return 2 ;;
        --compare-aot) variants=(AOT no-AOT) ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

trap remove_scratch_network EXIT
start_scratch_network
backend="$(docker run -d --network "$scratch_network" --network-alias imagebackend --label "$scratch_label" \
    --cpus "$(stack_limit imagebackend cpus)" --memory "$(stack_limit imagebackend memory)m" \
    "$(app_image imagebackend "$tag")")"

# start_to_healthy <image> <port> <path> <cpus> <memory> [docker run options...]: prints
# "<ms to listening> <ms to healthy> <CPU ms until healthy> <JVM thread groups' ms...> <machine ms>"
# (the groups of thread_groups_ms, in its order; the machine's busy CPU over the same time).
start_to_healthy() {
    local image="$1" port="$2" path="$3" cpus="$4" memory="$5" container started busy ip deadline status listening= healthy cpu
    shift 5
    started="$(date +%s%3N)"
    busy="$(machine_busy_ms)"
    container="$(docker run -d --network "$scratch_network" --label "$scratch_label" \
        --cpus "$cpus" --memory "$memory" "$@" "$image")"
    ip="$(scratch_ip "$container")"
    deadline=$(( SECONDS + 60 ))
    while status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$ip:$port$path")"; [ "$status" != 200 ]; do
        (( SECONDS < deadline )) || { error "$image not healthy after 60s"; return 1; }
        [ -n "$listening" ] || [ "$status" = 000 ] || listening=$(( $(date +%s%3N) - started ))
        sleep 0.05
    done
    healthy=$(( $(date +%s%3N) - started ))
    cpu="$(container_cpu_ms "$container")"
    echo "${listening:-$healthy} $healthy $cpu" \
        "$(thread_groups_ms "$(docker inspect --format '{{.State.Pid}}' "$container")" jvm | sed 's/jvm\.[a-z]*=//g')" \
        $(( $(machine_busy_ms) - busy ))
    docker rm -f "$container" > /dev/null
}

# container_cpu_ms <container>: CPU time used by the container so far (cgroup v1 or v2).
container_cpu_ms() {
    local id
    id="$(docker inspect --format '{{.Id}}' "$1")"
    if [ -f "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage" ]; then
        echo $(( $(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") / 1000000 ))
    elif [ -f "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat" ]; then
        awk '$1 == "usage_usec" { print int($2 / 1000) }' "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat"
    else
        echo '?'
    fi
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

# measure <service> <port> <path>: one line per variant, medians of the runs, under the stack's limits.
measure() {
    local image label run limits aot_off fields group
    local -A samples=()
    local groups=(listening healthy cpu loops jit gc main other machine others outside)
    image="$(app_image "$1" "$tag")"
    limits=("${cpus:-$(stack_limit "$1" cpus)}" "$(stack_limit "$1" memory)m")
    for label in "${variants[@]}"; do
        samples=() aot_off=()
        [ "$label" = AOT ] || aot_off=(-e JAVA_TOOL_OPTIONS=-XX:AOTMode=off)
        for (( run = 1; run <= runs; run++ )); do
            read -ra fields < <(start_to_healthy "$image" "${@:2}" "${limits[@]}" "${envs[@]}" "${aot_off[@]}")
            # Everything else the machine ran meanwhile (a quiet machine: the probes and the engine's
            # few tens of ms), and what the container used beyond its JVM's threads: the entrypoint
            # (the cache's unpacking).
            fields+=($(( fields[8] - fields[2] )) $(( fields[2] - fields[3] - fields[4] - fields[5] - fields[6] - fields[7] )))
            for group in "${!groups[@]}"; do samples[${groups[$group]}]+="${fields[$group]} "; done
        done
        m() { printf '%s\n' ${samples[$1]} | median; }
        info "$1 ($label, limits ${limits[0]} CPU / ${limits[1]}): listening $(m listening) ms," \
            "healthy (warmed up) $(m healthy) ms (median of $runs: ${samples[healthy]% })," \
            "CPU until healthy $(m cpu) ms (median of $runs: ${samples[cpu]% })"
        info "    CPU by thread (medians): event loops $(m loops) ms, JIT $(m jit), GC + VM $(m gc), main $(m main)," \
            "other $(m other); outside the JVM (unpacking its AOT cache) $(m outside);" \
            "the rest of the machine meanwhile $(m others) ms (runs: ${samples[others]% })"
    done
}

# The frontend's warm-up calls the backend: it starts against a backend that is ready, as in the stack.
wait_until 120 "the image backend to be healthy" \
    curl -sf -o /dev/null --max-time 2 "http://$(scratch_ip "$backend"):8080/healthz"

step "container start -> healthy ($runs runs each)"
for service in "${services[@]}"; do
    case "$service" in
        frontend) measure frontend 5000 /healthz ;;
        imagebackend) measure imagebackend 8080 /healthz ;;
    esac
done
