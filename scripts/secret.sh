#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--rotate]
   ie: $self            # create the redis_password secret (random) unless it exists
       $self --rotate   # new random password, rolled out to Redis and the frontend
       printf '%s' "\$MY_PASSWORD" | $self --stdin   # create it from a value you choose

Manages the Swarm secret "redis_password" that Redis (requirepass) and the frontend
(REDIS_PASSWORD_FILE) read from /run/secrets/redis_password. The value is never printed.
Rotation: secrets are immutable, so the new value goes first into "redis_password_next",
mounted at the same path in both services; then "redis_password" is recreated with it and the
services are switched back, leaving the name the stack file expects. Redis restarts with the
new password; while frontends still hold the old one they show "counter disabled".
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

secret=redis_password
mode=create
while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        --rotate) mode=rotate ;;
        --stdin) mode=stdin ;;
        *) bad_usage "$1" ;;
    esac
    shift
done
require_swarm_manager

exists() { docker secret inspect "$1" > /dev/null 2>&1; }
new_password() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }

# switch_secret <from> <to>: remounts the secret of every service using <from>, one at a time.
switch_secret() {
    local from="$1" to="$2" service
    for service in redis frontend; do
        service="${STACK_NAME}_$service"
        docker service inspect "$service" > /dev/null 2>&1 || continue
        info "$service: secret $from -> $to"
        docker service update --quiet --detach=false \
            --secret-rm "$from" --secret-add "source=$to,target=$secret,mode=0444" "$service" > /dev/null
    done
}

step "secret $secret"
case "$mode" in
    create)
        if exists "$secret"; then
            info "already exists (use --rotate to change it)"
        else
            new_password | docker secret create "$secret" - > /dev/null
            info "created with a random value"
        fi
        ;;
    stdin)
        exists "$secret" && die "$secret already exists: use --rotate, or remove the stack and the secret first"
        docker secret create "$secret" - > /dev/null
        info "created from standard input"
        ;;
    rotate)
        exists "$secret" || die "$secret does not exist yet: run $self without --rotate"
        password="$(new_password)"
        docker secret rm "${secret}_next" > /dev/null 2>&1 || :  # left over by an interrupted rotation
        printf '%s' "$password" | docker secret create "${secret}_next" - > /dev/null
        switch_secret "$secret" "${secret}_next"
        docker secret rm "$secret" > /dev/null
        printf '%s' "$password" | docker secret create "$secret" - > /dev/null
        switch_secret "${secret}_next" "$secret"
        docker secret rm "${secret}_next" > /dev/null
        info "rotated"
        ;;
esac
