#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--runs N] [--tag TAG] [--compare-aot]
   ie: $self                  # both app images as deployed (AOT cache), 3 runs each
       $self --runs 1         # one run each (the e2e drill)
       $self --compare-aot    # also without the AOT cache (-XX:AOTMode=off)

Measures container start for the app images: from "docker run" (with the stack's CPU and memory
limits) to the first answer of the URL its healthcheck probes (listening: 503 while the replica
warms itself up) and to its first 200 (healthy: warmed up, what Swarm waits for before it sends
traffic), polled every 50 ms, and the CPU time the container used until then (its cgroup's
cpuacct). The frontend starts beside a Redis and an image backend, as in the stack, on a scratch
network; no swarm needed.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

runs=3
tag="$TAG"
variants=(AOT)
option() {
    case "$1" in
        --runs) runs="${2-}"; return 2 ;;
        --tag) tag="${2-}"; return 2 ;;
        --compare-aot) variants=(AOT no-AOT) ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

trap remove_scratch_network EXIT
start_scratch_network
docker run -d --network "$scratch_network" --network-alias imagebackend --label "$scratch_label" \
    --cpus "$(stack_limit imagebackend cpus)" --memory "$(stack_limit imagebackend memory)m" \
    "$(app_image imagebackend "$tag")" > /dev/null

# start_to_healthy <image> <port> <path> <cpus> <memory> [docker run options...]: prints
# "<ms to listening> <ms to healthy> <CPU ms until healthy>".
start_to_healthy() {
    local image="$1" port="$2" path="$3" cpus="$4" memory="$5" container started ip deadline status listening= healthy cpu
    shift 5
    started="$(date +%s%3N)"
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
    echo "${listening:-$healthy} $healthy $cpu"
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
    local image label run listening healthy cpu l h c limits aot_off
    image="$(app_image "$1" "$tag")"
    limits=("$(stack_limit "$1" cpus)" "$(stack_limit "$1" memory)m")
    for label in "${variants[@]}"; do
        listening=() healthy=() cpu=() aot_off=()
        [ "$label" = AOT ] || aot_off=(-e JAVA_TOOL_OPTIONS=-XX:AOTMode=off)
        for (( run = 1; run <= runs; run++ )); do
            read -r l h c < <(start_to_healthy "$image" "${@:2}" "${limits[@]}" "${aot_off[@]}")
            listening+=("$l") healthy+=("$h") cpu+=("$c")
        done
        info "$1 ($label, limits ${limits[0]} CPU / ${limits[1]}): listening $(printf '%s\n' "${listening[@]}" | median) ms," \
            "healthy (warmed up) $(printf '%s\n' "${healthy[@]}" | median) ms (median of $runs: ${healthy[*]})," \
            "CPU until healthy $(printf '%s\n' "${cpu[@]}" | median) ms"
    done
}

step "container start -> healthy ($runs runs each)"
measure frontend 5000 /healthz
measure imagebackend 8080 /healthz
