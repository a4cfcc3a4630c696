#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--tag TAG] [--timeout SECONDS]
   ie: $self              # broken frontend image, expect Swarm to roll back by itself

Rollback drill: updates the frontend to a deliberately broken image and checks that Swarm
rolls the service back on its own (update_config.failure_action: rollback) while a curl loop and
a load of \$LOAD_RATE ($LOAD_RATE) requests/s (\$STACK_URL = $STACK_URL) see no failed request and
neither the edge nor the frontends retry one. The broken image is the current frontend
image built again with QUARKUS_HTTP_PORT=5999 baked in: it starts, but nothing answers on 5000,
so its healthcheck fails -- a real "health fails" rollback, no test hook in the application.
Exits non-zero unless the update ends in rollback_completed, back on the previous image,
with no failed and no retried request.
USAGE
}

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/traffic.sh
source "$repo_dir/scripts/lib/traffic.sh"

tag=broken
timeout=300
option() {
    case "$1" in
        --tag) tag="${2-}"; return 2 ;;
        --timeout) timeout="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
require_swarm_manager

service="${STACK_NAME}_frontend"
broken="$(app_image frontend "$tag")"
if ! docker image inspect "$broken" > /dev/null 2>&1; then
    "$repo_dir/scripts/build-images.sh" --only frontend --tag "$tag" --no-aot \
        --env QUARKUS_HTTP_PORT=5999
fi

step "rollback drill: $service to the broken image $broken"
previous="$(service_image "$service")"
info "running $previous"
measured_update "broken frontend image, automatic rollback" "$service" "$broken" "$timeout" 0 rollback_completed
now="$(service_image "$service")"
[ "$now" = "$previous" ] || die "service runs $now, not the previous $previous"
info "Swarm rolled back by itself: $failed_total failed, $retried_total retried requests"
