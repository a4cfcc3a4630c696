#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--runs N] [--tag TAG]
   ie: $self              # both app images, 3 runs each, with and without AppCDS

Measures container start -> healthy for the app images: from "docker run" (with the stack's
CPU and memory limits) to the first 200 on the URL its healthcheck probes, polled every 50 ms.
Each image runs with its AppCDS archive (as deployed) and without it (JDK's default CDS only).
Runs standalone containers on the default bridge network; no swarm needed.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

runs=3
tag="$TAG"
while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        --runs) runs="${2:?--runs needs a number}"; shift ;;
        --tag) tag="${2:?--tag needs a value}"; shift ;;
        *) bad_usage "$1" ;;
    esac
    shift
done

container=
trap '[ -z "$container" ] || docker rm -f "$container" > /dev/null 2>&1 || :' EXIT

# start_to_healthy <image> <port> <path> <cpus> <memory> [docker run options...]: prints ms.
start_to_healthy() {
    local image="$1" port="$2" path="$3" cpus="$4" memory="$5" started ip deadline
    shift 5
    started="$(date +%s%3N)"
    container="$(docker run -d --cpus "$cpus" --memory "$memory" "$@" "$image")"
    ip="$(docker inspect --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$container")"
    deadline=$(( SECONDS + 60 ))
    until curl -sf -o /dev/null --max-time 1 "http://$ip:$port$path"; do
        (( SECONDS < deadline )) || { error "$image not healthy after 60s"; return 1; }
        sleep 0.05
    done
    echo $(( $(date +%s%3N) - started ))
    docker rm -f "$container" > /dev/null
    container=
}

# measure <service> <port> <path> <cpus> <memory>: one line per variant, median of the runs.
measure() {
    local image label times run
    image="$(app_image "$1" "$tag")"
    for label in AppCDS no-AppCDS; do
        times=()
        for (( run = 1; run <= runs; run++ )); do
            if [ "$label" = AppCDS ]; then
                times+=("$(start_to_healthy "$image" "${@:2}")")
            else
                # Overrides the image's -XX:SharedArchiveFile: only the JDK's own CDS is left.
                times+=("$(start_to_healthy "$image" "${@:2}" -e JAVA_TOOL_OPTIONS=-Xshare:auto)")
            fi
        done
        info "$1 ($label, limits ${4} CPU / ${5}): $(printf '%s ' "${times[@]}")ms, median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") ms"
    done
}

step "container start -> healthy ($runs runs each)"
measure frontend 5000 /healthz 0.5 256m
measure imagebackend 8080 /healthz 0.3 128m
