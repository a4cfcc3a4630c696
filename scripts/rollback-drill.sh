#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--tag TAG] [--timeout SECONDS] [--watch]
   ie: $self              # broken frontend image, expect Swarm to roll back by itself
       $self --watch      # the same, watching the site meanwhile (scripts/watch.sh)

README step 6: rolls the frontend of stack \$STACK_NAME ($STACK_NAME) out to a broken image, as
  docker service update --image <frontend image>:broken <stack>_frontend
and checks that Swarm rolls it back by itself (failure_action: rollback) to the previous image.
The broken image is the frontend with QUARKUS_HTTP_PORT=5999 baked in (nothing answers on 5000,
its healthcheck fails), built here when missing on a single node; on several, push it first
(build-images.sh --only frontend --tag broken --no-aot --env QUARKUS_HTTP_PORT=5999 --push).
--watch: scripts/watch.sh meanwhile, failing on a failed request.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

tag=broken timeout=300 watch=
option() {
    case "$1" in
        --tag) tag="${2-}"; return 2 ;;
        --timeout) timeout="${2-}"; return 2 ;;
        --watch) watch=1 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
require_swarm_manager

service="${STACK_NAME}_frontend"
broken="$(app_image frontend "$tag")"
if on_single_node && ! docker image inspect "$broken" > /dev/null 2>&1; then
    "$repo_dir/scripts/build-images.sh" --only frontend --tag "$tag" --no-aot --env QUARKUS_HTTP_PORT=5999
fi

step "rollback drill: $service to the broken image $broken"
previous="$(service_image "$service")"
info "running $previous"
[ -z "$watch" ] || watch_start
started=$SECONDS
update_image "$service" "$broken" "$timeout"
watch_stop || die "requests failed during the rollback (above)"
[ "$final_state" = rollback_completed ] || die "the update ended '${final_state:-pending}', not rollback_completed"
now="$(service_image "$service")"
[ "$now" = "$previous" ] || die "service runs $now, not the previous $previous"
info "Swarm rolled back by itself in $(( SECONDS - started ))s, back on $now"
