#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self SERVICE=REPLICAS...
   ie: $self frontend=6
       $self frontend=3 imagebackend=0

Scales services of stack \$STACK_NAME ($STACK_NAME) and waits until they run all their tasks,
healthy. Idempotent: a service already at that count is left as it is.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

targets=()
option() { [[ "$1" == *=* ]] && targets+=("${STACK_NAME}_$1"); }
parse_options "$@"
[ "${#targets[@]}" -gt 0 ] || { error "nothing to scale"; usage >&2; exit 1; }
require_swarm_manager

step "scaling ${targets[*]}"
docker service scale --detach "${targets[@]}" > /dev/null
wait_converged 300
