#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--monitoring] [--no-ipvs | --ipvs] [--no-esp | --esp] [--no-wait] [--timeout SECONDS]
   ie: $self                        # deploy (or update) the stack, wait until healthy
       $self --monitoring           # with Prometheus and its console on port \$PROMETHEUS_PORT
       TAG=2.0 $self                # same stack, other app images
       DOCKER_REGISTRY=registry.example.com DOCKER_USER=me TAG=1.0 $self   # multi-node

Deploys stack/docker-compose.swarm.yml as stack \$STACK_NAME ($STACK_NAME), then waits until
every service runs all its tasks, healthy. Idempotent: deploying again applies changes only.
Adapts to the swarm it finds:
  - single node: images are the local ones (--resolve-image never), and offline base images
    are used when built; several nodes: images resolved in the registry, with the credentials
    of "docker login" handed to the nodes (--with-registry-auth);
  - no active worker (a single node, or managers only): frontend and backend run on the
    managers (APP_NODE_ROLE=manager), else on the workers as the stack file says;
  - Redis is pinned to the node labelled monsterstack.redis=true, next to its volume; when no
    node has the label, the node running Redis gets it (else the manager deploying);
  - --monitoring adds stack/docker-compose.monitoring.yml: Prometheus (\$PROMETHEUS_IMAGE,
    scripts/build-base-images.sh) on a manager, pinned like Redis
    (monsterstack.prometheus=true), its console on host port \$PROMETHEUS_PORT ($PROMETHEUS_PORT):
    $PROMETHEUS_URL/consoles/monsterstack.html; deploying again without it removes it;
  - no IPVS in the kernel (auto-detected when the engine runs on this machine's kernel, or
    --no-ipvs): adds stack/docker-compose.no-ipvs.yml (DNS round robin + HAProxy edge on :5000);
  - several nodes: the encrypted overlay needs ESP with AES-GCM in every node's kernel, or
    traffic between nodes is silently dropped. Probed here when the engine runs on this
    machine's kernel: without it the deploy is refused; --no-esp deploys the overlay
    unencrypted (loudly), --esp skips the probe. On a remote engine, run on each node:
      $(printf '%q ' "${esp_probe_command[@]}")
Needs the redis_password secret (scripts/secret.sh).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

no_ipvs=auto
esp=auto
monitoring=
wait=1
timeout=300
option() {
    case "$1" in
        --monitoring) monitoring=1 ;;
        --no-ipvs) no_ipvs=1 ;;
        --ipvs) no_ipvs= ;;
        --no-esp) esp=no ;;
        --esp) esp=yes ;;
        --no-wait) wait= ;;
        --timeout) timeout="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"
require_swarm_manager
docker secret inspect redis_password > /dev/null 2>&1 \
    || die "the redis_password secret is missing: run scripts/secret.sh first"

step "deploying stack $STACK_NAME"
nodes="$(docker node ls -q | wc -l)"
resolve=always
if [ "$nodes" = 1 ]; then
    resolve=never
    if [ -z "${REDIS_IMAGE:-}" ] && docker image inspect "$OFFLINE_REDIS_IMAGE" > /dev/null 2>&1; then
        REDIS_IMAGE="$OFFLINE_REDIS_IMAGE"
    fi
fi
# With no worker to run them, the app's tasks would wait for one forever.
if ! docker node ls --filter role=worker --format '{{.Status}} {{.Availability}}' | grep -qx 'Ready Active'; then
    : "${APP_NODE_ROLE:=manager}"
fi
if [ "$no_ipvs" = auto ]; then
    no_ipvs=
    if local_kernel; then
        modprobe ip_vs 2> /dev/null || :  # absent module: detected just below
        [ -e /proc/net/ip_vs ] || no_ipvs=1
    fi
fi
export APP_NODE_ROLE REDIS_IMAGE EDGE_IMAGE
info "nodes: $nodes, app tasks on: ${APP_NODE_ROLE:-worker}, images: $(app_image '<service>'), redis: ${REDIS_IMAGE:-redis:7-alpine}"

# Traffic between tasks on different nodes goes through IPsec: without ESP/GCM in the kernel
# the overlay is created, names resolve, and every packet between nodes is dropped.
if [ "$nodes" -gt 1 ] && [ "$esp" = auto ]; then
    if ! local_kernel; then
        note "cannot probe the nodes' kernels through $DOCKER_HOST: check ESP/GCM on each node (see --help) or deploy with --no-esp"
    elif probe="$(esp_probe)"; then
        info "ESP with AES-GCM: supported by this kernel (encrypted overlay)"
    else
        die "this kernel cannot do ESP with AES-GCM ($probe): on the encrypted overlay, tasks on different nodes could not talk. Fix: load esp4, xfrm_user and the gcm/aes crypto modules on every node (modprobe esp4 xfrm_user gcm), or deploy with --no-esp (overlay traffic between nodes unencrypted)"
    fi
fi
if [ "$esp" = no ]; then
    note "*** --no-esp: the overlay network is NOT encrypted; traffic between nodes (Redis password included) crosses the wire in clear ***"
fi

# pin <service> <what>: the label monsterstack.<service>=true that keeps the service on the
# node holding its volume.
pin() {
    local label="monsterstack.$1" node labelled
    labelled="$(docker node inspect --format "{{.Description.Hostname}} {{index .Spec.Labels \"$label\"}}" \
        $(docker node ls -q) | awk '$2 == "true" { print $1 }')"
    if [ -n "$labelled" ]; then
        info "$2 pinned to $labelled (node label $label=true)"
        return
    fi
    node="$(docker service ps --filter desired-state=running --format '{{.Node}}' "${STACK_NAME}_$1" 2> /dev/null \
        | head -n 1 || :)"  # no such service yet: first deploy
    [ -n "$node" ] || node="$(docker info --format '{{.Swarm.NodeID}}')"
    docker node update --label-add "$label=true" "$node" > /dev/null
    info "$2 pinned to $(docker node inspect --format '{{.Description.Hostname}}' "$node") (node label $label=true set now)"
}
pin redis Redis

files=("${stack_files[@]}")
if [ -n "$monitoring" ]; then
    if [ "$resolve" = never ] && ! docker image inspect "$PROMETHEUS_IMAGE" > /dev/null 2>&1; then
        die "no image $PROMETHEUS_IMAGE on this node: run scripts/build-base-images.sh prometheus (scripts/build-images.sh builds it too)"
    fi
    pin prometheus Prometheus
    info "monitoring: Prometheus on host port $PROMETHEUS_PORT, console $PROMETHEUS_URL/consoles/monsterstack.html"
    files+=("$monitoring_file")
fi
if [ -n "$no_ipvs" ]; then
    info "no IPVS: DNS round robin + edge proxy $EDGE_IMAGE on host port $EDGE_PORT"
    files+=("$no_ipvs_file")
fi
args=()
for file in "${files[@]}"; do args+=(-c "$file"); done
auth=()
[ "$resolve" = never ] || auth=(--with-registry-auth)

# Merged and interpolated by the CLI itself; without IPVS, the frontend's ingress port goes (see
# the override's header). The literal "$" left (shell in commands) are escaped again for the
# second reading by "docker stack deploy".
docker stack config "${args[@]}" \
    | if [ -n "$no_ipvs" ]; then drop_ports frontend; else cat; fi \
    | if [ "$esp" = no ]; then drop_encryption; else cat; fi \
    | sed 's/\$/$$/g' \
    | docker stack deploy --detach=true --prune --resolve-image "$resolve" "${auth[@]}" -c - "$STACK_NAME"

if [ -n "$wait" ]; then
    wait_converged "$timeout"
fi
