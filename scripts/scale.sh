#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self SERVICE=REPLICAS...
   ie: $self frontend=6
       $self frontend=3 imagebackend=0

Scales services of stack \$STACK_NAME ($STACK_NAME) and waits until they run all their tasks,
healthy. Replicas are added one at a time, each healthy before the next: several JVMs warming up
at once take the CPU that the serving replicas need on a small swarm. Idempotent: a service
already at that count is left as it is.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

targets=()
option() { [[ "$1" == *=* ]] && targets+=("${STACK_NAME}_$1"); }
parse_options "$@"
[ "${#targets[@]}" -gt 0 ] || { error "nothing to scale"; usage >&2; exit 1; }
require_swarm_manager

step "scaling ${targets[*]}"
for target in "${targets[@]}"; do
    service="${target%%=*}" wanted="${target#*=}"
    [[ "$wanted" =~ ^[0-9]+$ ]] || die "$target: the replica count must be a number"
    current="$(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "$service")"
    while (( current + 1 < wanted )); do
        current=$(( current + 1 ))
        docker service scale --detach "$service=$current" > /dev/null
        wait_until 300 "$service to run $current healthy tasks" converged
        info "$service: $current replicas, healthy"
    done
done
docker service scale --detach "${targets[@]}" > /dev/null
wait_converged 300
