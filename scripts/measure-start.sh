#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--runs N] [--tag TAG] [--compare-cds]
   ie: $self                  # both app images as deployed (AppCDS), 3 runs each
       $self --runs 1         # one run each (the e2e drill)
       $self --compare-cds    # also without the AppCDS archive (JDK's default CDS only)

Measures container start for the app images: from "docker run" (with the stack's CPU and memory
limits) to the first answer of the URL its healthcheck probes (listening: 503 while the replica
warms itself up) and to its first 200 (healthy: warmed up, what Swarm waits for before it sends
traffic), polled every 50 ms. Runs standalone containers on the default bridge network, without
Redis or a backend; no swarm needed.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

runs=3
tag="$TAG"
variants=(AppCDS)
while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        --runs) runs="${2:?--runs needs a number}"; shift ;;
        --tag) tag="${2:?--tag needs a value}"; shift ;;
        --compare-cds) variants=(AppCDS no-AppCDS) ;;
        *) bad_usage "$1" ;;
    esac
    shift
done

container=
trap '[ -z "$container" ] || docker rm -f "$container" > /dev/null 2>&1 || :' EXIT

# start_to_healthy <image> <port> <path> <cpus> <memory> [docker run options...]: prints
# "<ms to listening> <ms to healthy>".
start_to_healthy() {
    local image="$1" port="$2" path="$3" cpus="$4" memory="$5" started ip deadline status listening=
    shift 5
    started="$(date +%s%3N)"
    container="$(docker run -d --cpus "$cpus" --memory "$memory" "$@" "$image")"
    ip="$(docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$container")"
    deadline=$(( SECONDS + 60 ))
    while status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://$ip:$port$path")"; [ "$status" != 200 ]; do
        (( SECONDS < deadline )) || { error "$image not healthy after 60s"; return 1; }
        [ -n "$listening" ] || [ "$status" = 000 ] || listening=$(( $(date +%s%3N) - started ))
        sleep 0.05
    done
    echo "${listening:-$(( $(date +%s%3N) - started ))} $(( $(date +%s%3N) - started ))"
    docker rm -f "$container" > /dev/null
    container=
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

# measure <service> <port> <path> <cpus> <memory>: one line per variant, medians of the runs.
measure() {
    local image label run listening healthy l h
    image="$(app_image "$1" "$tag")"
    for label in "${variants[@]}"; do
        listening=() healthy=()
        for (( run = 1; run <= runs; run++ )); do
            if [ "$label" = AppCDS ]; then
                read -r l h < <(start_to_healthy "$image" "${@:2}")
            else
                # Overrides the image's -XX:SharedArchiveFile: only the JDK's own CDS is left.
                read -r l h < <(start_to_healthy "$image" "${@:2}" -e JAVA_TOOL_OPTIONS=-Xshare:auto)
            fi
            listening+=("$l") healthy+=("$h")
        done
        info "$1 ($label, limits ${4} CPU / ${5}): listening $(printf '%s\n' "${listening[@]}" | median) ms," \
            "healthy (warmed up) $(printf '%s\n' "${healthy[@]}" | median) ms (median of $runs: ${healthy[*]})"
    done
}

step "container start -> healthy ($runs runs each)"
measure frontend 5000 /healthz 0.5 256m
measure imagebackend 8080 /healthz 0.3 128m
