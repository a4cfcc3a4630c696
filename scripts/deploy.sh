#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--monitoring] [--no-ipvs | --ipvs] [--no-esp | --esp] [--no-wait] [--timeout SECONDS]
   ie: $self                        # deploy (or update) the stack, wait until healthy
       $self --monitoring           # with Prometheus and its console on port \$PROMETHEUS_PORT
       TAG=2.0 $self                # the same stack, the frontend's image 2.0
       DOCKER_REGISTRY=registry.example.com:5050 DOCKER_USER=me $self   # images from a registry

Deploys stack/docker-compose.swarm.yml as stack \$STACK_NAME ($STACK_NAME), as
  docker stack deploy -c stack/docker-compose.swarm.yml [-c <override>...] $STACK_NAME
then waits until every service runs all its tasks, healthy (or says which task waits, and
why). Idempotent: deploying again applies changes only. The overrides it adds:
  - stack/docker-compose.no-ipvs.yml when the kernel has no IPVS (auto-detected when the engine
    runs on this machine's kernel, or --no-ipvs): the edge publishes :5000 on each node, and
    services are reached by DNS round robin;
  - stack/docker-compose.pinned.yml on a swarm with several managers: Redis stays on the one
    labelled monsterstack.redis=true, next to its volume (the node running Redis gets the
    label when none has it, else this manager);
  - stack/docker-compose.monitoring.yml with --monitoring: Prometheus on a manager, pinned like
    Redis (monsterstack.prometheus=true), its console on host port \$PROMETHEUS_PORT
    ($PROMETHEUS_PORT): $PROMETHEUS_URL/consoles/monsterstack.html; deploying again without it
    removes it.
On one node the images are the local ones (--resolve-image never); on several, they are
resolved in the registry with the credentials of "docker login" (--with-registry-auth).
Several nodes and the encrypted overlay need ESP with AES-GCM in every node's kernel, or traffic
between nodes is silently dropped. Probed here when the engine runs on this machine's kernel:
without it the deploy is refused; --no-esp deploys the overlay unencrypted (loudly), --esp skips
the probe. On a remote engine, run on each node:
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
managers="$(docker node ls -q --filter role=manager | wc -l)"
if [ "$no_ipvs" = auto ]; then
    no_ipvs=
    if local_kernel; then
        modprobe ip_vs 2> /dev/null || :  # absent module, or not root: detected just below
        [ -e /proc/net/ip_vs ] || no_ipvs=1
    fi
fi
info "nodes: $nodes ($managers manager(s)), images: $(app_image '<name>' '<tag>')"

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

files=(stack/docker-compose.swarm.yml)
if [ -n "$no_ipvs" ]; then
    info "no IPVS: the edge publishes host port $EDGE_PORT on each node, DNS round robin"
    files+=(stack/docker-compose.no-ipvs.yml)
fi
if [ "$managers" -gt 1 ]; then
    pin redis Redis
    files+=(stack/docker-compose.pinned.yml)
fi
if [ -n "$monitoring" ]; then
    pin prometheus Prometheus
    info "monitoring: Prometheus on host port $PROMETHEUS_PORT, console $PROMETHEUS_URL/consoles/monsterstack.html"
    files+=(stack/docker-compose.monitoring.yml)
fi
args=()
for file in "${files[@]}"; do args+=(-c "$repo_dir/$file"); done
resolve=never
auth=()
if [ "$nodes" -gt 1 ]; then resolve=always auth=(--with-registry-auth); fi
info "docker stack deploy ${args[*]//$repo_dir\//} $STACK_NAME"

if [ "$esp" = no ]; then
    # The overlay driver encrypts when the option is present at all, whatever its value, so no
    # override can turn it off: the merged file goes without it, its "$" escaped again for the
    # second reading by "docker stack deploy".
    docker stack config "${args[@]}" | drop_encryption | sed 's/\$/$$/g' \
        | docker stack deploy --detach=true --prune --resolve-image "$resolve" "${auth[@]}" -c - "$STACK_NAME"
else
    docker stack deploy --detach=true --prune --resolve-image "$resolve" "${auth[@]}" "${args[@]}" "$STACK_NAME"
fi

if [ -n "$wait" ]; then
    wait_converged "$timeout"
fi
