#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--service frontend|imagebackend] --tag TAG [--build [--env KEY=VALUE]...] [--watch]
             [--timeout SECONDS]
   ie: $self --tag 2.0 --build --env 'MONSTERSTACK_TITLE=MonsterStack v2'
       $self --service imagebackend --tag 1.1 --build
       $self --tag 1.0 --watch        # back to an existing tag, watching the site meanwhile

Rolling update of one service of stack \$STACK_NAME ($STACK_NAME) to another image tag, as
  docker service update --image <image>:TAG --container-label-add $version_label=TAG <stack>_SERVICE
(the label is Prometheus' version of each task), followed until Swarm settles. Exits non-zero
unless it completed (rolled back, paused, or over --timeout, 600 s). --build first builds the image
(build-images.sh --only SERVICE --tag TAG --env ...); --watch runs scripts/watch.sh meanwhile and
fails on a failed request. Idempotent: a service already on that image is left alone.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

service=frontend tag= build= watch= envs=() timeout=600
option() {
    case "$1" in
        --service) service="${2-}"; return 2 ;;
        --tag) tag="${2-}"; return 2 ;;
        --build) build=1 ;;
        --env) envs+=(--env "${2-}"); return 2 ;;
        --watch) watch=1 ;;
        --timeout) timeout="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
[ -n "$tag" ] || { error "--tag is required"; usage >&2; exit 1; }
case "$service" in frontend | imagebackend) ;; *) die "--service takes frontend or imagebackend" ;; esac
require_swarm_manager

image="$(app_image "$service" "$tag")"
[ -z "$build" ] || "$repo_dir/scripts/build-images.sh" --only "$service" --tag "$tag" "${envs[@]}"

step "rolling update of ${STACK_NAME}_$service to $image"
current="$(service_image "${STACK_NAME}_$service")"
if [ "${current%@*}" = "${image#docker.io/}" ] || [ "${current%@*}" = "$image" ]; then
    info "already running $image: nothing to do"
    exit 0
fi
info "from $current"
[ -z "$watch" ] || watch_start
started=$SECONDS
update_image "${STACK_NAME}_$service" "$image" "$timeout"
watch_stop || die "requests failed during the update (above)"
[ "$final_state" = completed ] \
    || die "the update ended '${final_state:-pending}' after $(( SECONDS - started ))s (docker service ps ${STACK_NAME}_$service)"
info "completed in $(( SECONDS - started ))s; its tasks now:"
docker service ps --filter desired-state=running --format '{{.Name}} {{.Image}} {{.CurrentState}}' "${STACK_NAME}_$service" | sed 's/^/    /'
