#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--rotate]
   ie: $self            # create the redis_password secret (random) unless it exists
       $self --rotate   # new random password, rolled out to Redis and the frontend
       printf '%s' "\$MY_PASSWORD" | $self --stdin   # create it from a value you choose

Manages the Swarm secret "redis_password" that Redis (its default user's password) and the frontend
(REDIS_PASSWORD_FILE) read from /run/secrets/redis_password. The value is never printed.
Rotation: secrets are immutable, so the new value goes first into "redis_password_next".
Redis gets it mounted beside the current one and accepts both; the frontends move to it one
task at a time; Redis then keeps only the new one; finally "redis_password" is recreated with
the new value and both services switch back to it, leaving the name the stack file expects.
No frontend ever holds a password Redis refuses. Redis restarts three times (a second or two
of "counter disabled" each, as the frontends degrade without it).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

secret=redis_password
mode=create
option() {
    case "$1" in
        --rotate) mode=rotate ;;
        --stdin) mode=stdin ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
require_swarm_manager

exists() { docker secret inspect "$1" > /dev/null 2>&1; }
new_password() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }

# update <service> <docker service update options...>: rolls the change out and waits for Swarm's
# verdict (it can roll an update back after its tasks ran).
update() {
    local service="${STACK_NAME}_$1"
    shift
    docker service inspect "$service" > /dev/null 2>&1 || return 0
    # A bound, not a wait: a frontend update takes (start + 30 s monitor + 10 s delay) per task.
    update_service "$service" 600 "$@"
    [ "$final_state" = completed ] \
        || die "$service: update ${final_state:-pending} (see docker service ps $service); rotation stopped half-way, with Redis accepting every password mounted in it"
}
secret_mount() { printf 'source=%s,target=%s,mode=0444' "$1" "$2"; }

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
        info "redis: accepts the current and the next password"
        update redis --secret-add "$(secret_mount "${secret}_next" "${secret}_next")"
        info "frontend: moves to the next password"
        update frontend --secret-rm "$secret" --secret-add "$(secret_mount "${secret}_next" "$secret")"
        info "redis: only the next password"
        update redis --secret-rm "$secret" --secret-rm "${secret}_next" --secret-add "$(secret_mount "${secret}_next" "$secret")"
        info "$secret recreated with the new value; both services back on it"
        docker secret rm "$secret" > /dev/null
        printf '%s' "$password" | docker secret create "$secret" - > /dev/null
        update frontend --secret-rm "${secret}_next" --secret-add "$(secret_mount "$secret" "$secret")"
        update redis --secret-rm "${secret}_next" --secret-add "$(secret_mount "$secret" "$secret")"
        docker secret rm "${secret}_next" > /dev/null
        info "rotated"
        ;;
esac
