#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--service frontend|imagebackend] --tag TAG [--build [--env KEY=VALUE]...]
             [--min-duration SECONDS] [--timeout SECONDS]
   ie: $self --tag 2.0 --build --env 'MONSTERSTACK_TITLE=MonsterStack v2'
       $self --service imagebackend --tag 1.1 --build
       $self --tag 1.0                                  # back to an existing tag

Rolling update of one service to another image tag while a curl loop (page + a new monster,
~10 requests/s) and a load of \$LOAD_RATE ($LOAD_RATE) requests/s (scripts/lib/Load.java), both on
\$STACK_URL = $STACK_URL, prove there is no downtime. Prints the update states, the page titles
seen (the version moving from old to new), the curl and load figures (requests, failures, p99,
longest gap between successes) and the retries the edge and the frontends needed. Exits non-zero
on any failed or retried request or when the update does not complete (Swarm rolled it back,
paused it, or it timed out).
--build first builds the image (scripts/build-images.sh --only SERVICE --tag TAG --env ...).
Idempotent: a service already on that image is left alone.
USAGE
}

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/traffic.sh
source "$repo_dir/scripts/lib/traffic.sh"

service=frontend
tag=
build=
envs=()
min_duration=60
timeout=600
option() {
    case "$1" in
        --service) service="${2-}"; return 2 ;;
        --tag) tag="${2-}"; return 2 ;;
        --build) build=1 ;;
        --env) envs+=(--env "${2-}"); return 2 ;;
        --min-duration) min_duration="${2-}"; return 2 ;;
        --timeout) timeout="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
[ -n "$tag" ] || { error "--tag is required"; usage >&2; exit 1; }
case "$service" in frontend | imagebackend) ;; *) die "--service takes frontend or imagebackend" ;; esac
require_swarm_manager

image="$(app_image "$service" "$tag")"
if [ -n "$build" ]; then
    "$repo_dir/scripts/build-images.sh" --only "$service" --tag "$tag" "${envs[@]}"
fi

step "rolling update of ${STACK_NAME}_$service to $image"
current="$(service_image "${STACK_NAME}_$service")"
if [ "${current%@*}" = "${image#docker.io/}" ] || [ "${current%@*}" = "$image" ]; then
    info "already running $image: nothing to do"
    exit 0
fi
info "from $current"
measured_update "update $service to $tag" "${STACK_NAME}_$service" "$image" "$timeout" "$min_duration" completed
info "update completed: $failed_total failed, $retried_total retried requests"
