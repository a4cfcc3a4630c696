#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--volumes] [--secret] [--images] [--all]
   ie: $self            # remove the stack (services, network), keep Redis data
       $self --all      # also its Redis volume, the redis_password secret and the images

Removes stack \$STACK_NAME ($STACK_NAME) and waits until its tasks and network are gone.
Idempotent: what is already gone is skipped.
  --volumes  the Redis data volume (${STACK_NAME}_redis_data): visit counter and cached PNGs;
             Prometheus' (${STACK_NAME}_prometheus_data) when --monitoring made one
  --secret   the redis_password secret
  --images   the images scripts/build-images.sh made in this engine (any tag), the public ones
             they start from excepted
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

volumes=
secret=
images=
option() {
    case "$1" in
        --volumes) volumes=1 ;;
        --secret) secret=1 ;;
        --images) images=1 ;;
        --all) volumes=1; secret=1; images=1 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

stack_gone() {
    [ -z "$(docker ps -aq --filter "label=com.docker.stack.namespace=$STACK_NAME")" ] \
        && [ -z "$(docker network ls -q --filter "label=com.docker.stack.namespace=$STACK_NAME")" ]
}

step "removing stack $STACK_NAME"
if [ -n "$(docker stack services -q "$STACK_NAME" 2> /dev/null)" ]; then
    docker stack rm "$STACK_NAME" > /dev/null
fi
wait_until 120 "the tasks and network of $STACK_NAME to go" stack_gone
info "stack removed"

if [ -n "$volumes" ]; then
    for volume in "${STACK_NAME}_redis_data" "${STACK_NAME}_prometheus_data"; do
        if docker volume inspect "$volume" > /dev/null 2>&1; then
            docker volume rm "$volume" > /dev/null
            info "volume $volume removed"
        fi
    done
fi
if [ -n "$secret" ]; then
    for name in redis_password redis_password_next; do  # _next: left by an interrupted rotation
        if docker secret inspect "$name" > /dev/null 2>&1; then
            docker secret rm "$name" > /dev/null
            info "secret $name removed"
        fi
    done
fi
if [ -n "$images" ]; then
    for name in frontend imagebackend haproxy prometheus; do
        reference="$(app_image "$name" '*')"
        for id in $(docker image ls --quiet --filter "reference=${reference#docker.io/}" | sort -u); do
            docker image rm --force "$id" > /dev/null 2>&1 || :  # an id of two names goes with the first
        done
    done
    docker image rm "$jre_image" > /dev/null 2>&1 || :  # not built on this engine
    info "images removed"
fi
