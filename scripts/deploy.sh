#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--no-ipvs | --ipvs] [--no-wait] [--timeout SECONDS]
   ie: $self                        # deploy (or update) the stack, wait until healthy
       TAG=2.0 $self                # same stack, other app images
       DOCKER_REGISTRY=registry.example.com DOCKER_USER=me TAG=1.0 $self   # multi-node

Deploys stack/docker-compose.swarm.yml as stack \$STACK_NAME ($STACK_NAME), then waits until
every service runs all its tasks, healthy. Idempotent: deploying again applies changes only.
Adapts to the swarm it finds:
  - single node: frontend and backend run on the manager (APP_NODE_ROLE=manager), images are
    the local ones (--resolve-image never), and offline base images are used when built;
  - no IPVS in the kernel (auto-detected on a local single node, or --no-ipvs): adds
    stack/docker-compose.no-ipvs.yml (DNS round robin + HAProxy edge on :5000).
Needs the redis_password secret (scripts/secret.sh).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

no_ipvs=auto
wait=1
timeout=300
while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        --no-ipvs) no_ipvs=1 ;;
        --ipvs) no_ipvs= ;;
        --no-wait) wait= ;;
        --timeout) timeout="${2:?--timeout needs seconds}"; shift ;;
        *) bad_usage "$1" ;;
    esac
    shift
done
require_swarm_manager
docker secret inspect redis_password > /dev/null 2>&1 \
    || die "the redis_password secret is missing: run scripts/secret.sh first"

step "deploying stack $STACK_NAME"
nodes="$(docker node ls -q | wc -l)"
resolve=always
if [ "$nodes" = 1 ]; then
    : "${APP_NODE_ROLE:=manager}"
    resolve=never
    if [ -z "${REDIS_IMAGE:-}" ] && docker image inspect "$OFFLINE_REDIS_IMAGE" > /dev/null 2>&1; then
        REDIS_IMAGE="$OFFLINE_REDIS_IMAGE"
    fi
    if [ "$no_ipvs" = auto ]; then
        # Only a local engine's kernel can be looked at; ip_vs may just need loading.
        modprobe ip_vs 2> /dev/null || :  # absent module: detected just below
        if [ -z "${DOCKER_HOST:-}" ] && [ ! -e /proc/net/ip_vs ]; then
            no_ipvs=1
        fi
    fi
fi
if [ "$no_ipvs" = auto ]; then
    no_ipvs=
fi
export APP_NODE_ROLE REDIS_IMAGE EDGE_IMAGE
info "nodes: $nodes, app tasks on: ${APP_NODE_ROLE:-worker}, images: $(app_image '<service>'), redis: ${REDIS_IMAGE:-redis:7-alpine}"

files=("${stack_files[@]}")
if [ -n "$no_ipvs" ]; then
    info "no IPVS: DNS round robin + edge proxy $EDGE_IMAGE on host port $EDGE_PORT"
    files+=("$no_ipvs_file")
fi
args=()
for file in "${files[@]}"; do args+=(-c "$file"); done

# Merged and interpolated by the CLI itself; without IPVS, the frontend's ingress port goes (see
# the override's header). The literal "$" left (shell in commands) are escaped again for the
# second reading by "docker stack deploy".
docker stack config "${args[@]}" \
    | if [ -n "$no_ipvs" ]; then drop_ports frontend; else cat; fi \
    | sed 's/\$/$$/g' \
    | docker stack deploy --detach=true --prune --resolve-image "$resolve" -c - "$STACK_NAME"

if [ -n "$wait" ]; then
    wait_converged "$timeout"
fi
