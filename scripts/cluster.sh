#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self up [NODES] [--managers M] | down [--keep-images] | status | env
   ie: $self up                  # 1 manager + 3 workers, two zones, a registry
       $self up 5 --managers 3   # 3 managers + 2 workers
       eval "\$($self env)"       # DOCKER_HOST and the registry addresses in this shell
       $self down                # remove all of it

A multi-node Swarm on this one machine, for the multi-node drill: each node is a container
running its own dockerd ("Docker in Docker", images/node: Debian's docker.io), on a bridge
network of its own (\$CLUSTER_SUBNET, $CLUSTER_SUBNET).
  up      builds the node image if missing, starts NODES nodes (default 4; --managers M,
          default 1), forms the swarm, labels every node zone=a / zone=b in turn (managers and
          workers each), runs $registry_image as a service pinned to the first manager
          (host-mode port $REGISTRY_PORT, not 5000: the site's). Idempotent: what exists is kept,
          a stopped node is started. Nodes pull public images from Docker Hub, or from this
          engine's mirror when scripts/offline-bases.sh --mirror runs one.
  down    removes the nodes, their volumes, the network (with its bridge and iptables rules)
          and the images built here (--keep-images keeps them for a fast next "up"). Nothing
          else of this machine's engine is touched.
  status  nodes, their addresses and zones, the registry.
  env     shell lines for the other scripts:
          DOCKER_HOST         the first manager's engine, through a Unix socket in
                              $state_root/<node>/ (no TCP port: only root on this machine reaches it)
          CLUSTER_REGISTRY    the registry as the nodes pull from it (<manager ip>:$REGISTRY_PORT,
                              in every node's insecure-registries)
          CLUSTER_PUSH_REGISTRY  the same registry through a loopback port of this machine:
                              Docker and Jib push over plain HTTP only to 127.0.0.0/8 without
                              configuration, so this engine needs no change
          CLUSTER_SOCKETS     the folder of every node's socket: <dir>/<node>/docker.sock
The node containers need no --privileged (which this kind of host refuses): see node_flags.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# The nodes are containers of this machine's engine, whatever DOCKER_HOST "env" printed.
unset DOCKER_HOST

: "${CLUSTER_NAME:=mscluster}"
: "${CLUSTER_SUBNET:=192.168.212.0/24}"
: "${NODE_IMAGE:=monsterstack-node:20.10}"
: "${REGISTRY_PORT:=5050}"  # not 5000: the edge publishes that one on every node
registry_image=registry:2.8.2
state_root="/run/$CLUSTER_NAME"
owner_label="io.monsterstack.cluster=$CLUSTER_NAME"
net_prefix="${CLUSTER_SUBNET%.*}"
manager_ip="$net_prefix.11"

# The flags that make an engine run in a container on a host whose capability bounding set
# lacks CAP_SYS_RESOURCE (so --privileged fails): every other capability, no seccomp/AppArmor
# confinement, /proc and /sys unmasked, all devices, a cgroup namespace of its own; the
# entrypoint remounts /sys and the cgroups read-write. /var/lib/docker is a volume because
# overlay2 cannot mount on the container's own overlay filesystem.
node_flags=(
    --cap-add ALL --cap-drop SYS_RESOURCE
    --security-opt seccomp=unconfined --security-opt apparmor=unconfined
    --security-opt systempaths=unconfined
    --device-cgroup-rule 'a *:* rwm' --cgroupns=private
)

command="${1:-}"
[ "$#" -eq 0 ] || shift
nodes=4
managers=1
keep_images=
case "$command" in
    -h | --help) usage; exit 0 ;;
    up)
        option() {
            case "$1" in
                --managers) managers="${2-}"; return 2 ;;
                [0-9]*) nodes="$1" ;;
                *) return 1 ;;
            esac
        }
        parse_options "$@"
        (( managers >= 1 && managers <= 9 && nodes >= managers && nodes - managers <= 9 )) \
            || die "up takes 1-9 managers and 0-9 workers (asked: $nodes nodes, $managers managers)"
        ;;
    down)
        case "${1:-}" in
            '') ;;
            --keep-images) keep_images=1 ;;
            *) bad_usage "$1" ;;
        esac
        ;;
    status | env) [ "$#" -eq 0 ] || bad_usage "$1" ;;
    *) bad_usage "${command:-(none)}" ;;
esac
[ "${#CLUSTER_NAME}" -le 15 ] || die "CLUSTER_NAME must fit a Linux interface name (15 characters)"

# Nodes are named <cluster>-manager-<i> / <cluster>-worker-<i>: container, hostname and swarm
# node alike. Managers take .11-.19 of the subnet, workers .21-.29.
node_name() { printf '%s-%s-%s' "$CLUSTER_NAME" "$1" "$2"; }
node_ip() { printf '%s.%s%s' "$net_prefix" "$([ "$1" = manager ] && echo 1 || echo 2)" "$2"; }
node_host() { printf 'unix://%s/%s/docker.sock' "$state_root" "$1"; }
on_node() { local node="$1"; shift; DOCKER_HOST="$(node_host "$node")" "$@"; }
first_manager="$(node_name manager 1)"
cluster_nodes() { docker ps -a --filter "label=$owner_label" --format '{{.Names}}' | sort; }
push_port() { docker port "$first_manager" "$REGISTRY_PORT/tcp" 2> /dev/null | sed -n 's/^127\.0\.0\.1://p' | head -n 1; }

build_node_image() {
    if docker image inspect "$NODE_IMAGE" > /dev/null 2>&1; then
        info "node image $NODE_IMAGE: already built"
        return
    fi
    build_image -t "$NODE_IMAGE" "$repo_dir/images/node"
    info "node image $NODE_IMAGE: $(image_size "$NODE_IMAGE")"
}

# The Docker Hub mirror of offline-bases.sh, when it runs, on the cluster's network too: the nodes
# pull through it as this engine does. Prints its address for the nodes.
mirror_ip="$net_prefix.5"
ensure_mirror() {
    [ -n "$(docker ps -q --filter "name=^$mirror_name\$")" ] || return 0
    docker inspect --format '{{json .NetworkSettings.Networks}}' "$mirror_name" | grep -q "\"$CLUSTER_NAME\"" \
        || docker network connect --ip "$mirror_ip" "$CLUSTER_NAME" "$mirror_name"
    echo "http://$mirror_ip:5000"
}

ensure_network() {
    if docker network inspect "$CLUSTER_NAME" > /dev/null 2>&1; then
        return
    fi
    docker network create --driver bridge --subnet "$CLUSTER_SUBNET" \
        --opt com.docker.network.bridge.name="$CLUSTER_NAME" --label "$owner_label" \
        "$CLUSTER_NAME" > /dev/null
    info "network $CLUSTER_NAME ($CLUSTER_SUBNET), bridge $CLUSTER_NAME"
}

# ensure_node <role> <index>: creates the node's container, or starts it when stopped.
ensure_node() {
    local name ip args=()
    name="$(node_name "$1" "$2")"
    ip="$(node_ip "$1" "$2")"
    case "$(docker inspect --format '{{.State.Running}}' "$name" 2> /dev/null || :)" in
        true) return ;;
        false) docker start "$name" > /dev/null; info "$name: started again"; return ;;
    esac
    mkdir -p "$state_root/$name"
    chmod 700 "$state_root"
    if [ "$name" = "$first_manager" ]; then
        # The registry as the host pushes to it: a random loopback port of this machine.
        args+=(--publish "127.0.0.1::$REGISTRY_PORT")
    fi
    docker volume create --label "$owner_label" "$name" > /dev/null
    docker run --detach --name "$name" --hostname "$name" --label "$owner_label" \
        "${node_flags[@]}" "${args[@]}" \
        --network "$CLUSTER_NAME" --ip "$ip" \
        --volume "$name:/var/lib/docker" --volume "$state_root/$name:/run/node" \
        --env NODE_INSECURE_REGISTRY="$CLUSTER_SUBNET" --env NODE_REGISTRY_MIRROR="$node_mirror" \
        "$NODE_IMAGE" > /dev/null
    info "$name: started at $ip"
}

engine_up() { on_node "$1" docker info > /dev/null 2>&1; }
swarm_state() { on_node "$1" docker info --format '{{.Swarm.LocalNodeState}}' 2> /dev/null; }

# join <role> <index>: the node joins the swarm of the first manager unless it is in one.
join() {
    local name ip token
    name="$(node_name "$1" "$2")"
    ip="$(node_ip "$1" "$2")"
    [ "$(swarm_state "$name")" != active ] || return 0
    if [ "$name" = "$first_manager" ]; then
        on_node "$name" docker swarm init --advertise-addr "$ip" > /dev/null
        info "$name: swarm initialised"
        return
    fi
    token="$(on_node "$first_manager" docker swarm join-token -q "$1")"
    on_node "$name" docker swarm join --token "$token" --advertise-addr "$ip" "$manager_ip:2377" > /dev/null
    info "$name: joined as $1"
}

# Zones a, b, a, ... among managers and among workers, so each role spans both zones. A node
# without the label would count as a zone of its own for "spread: node.labels.zone".
label_zone() {
    local name zone
    name="$(node_name "$1" "$2")"
    zone="$( (( $2 % 2 )) && echo a || echo b)"
    on_node "$first_manager" docker node update --label-add "zone=$zone" "$name" > /dev/null
}

registry_answers() { curl -sf -o /dev/null --max-time 2 "http://$manager_ip:$REGISTRY_PORT/v2/"; }

ensure_registry() {
    if [ -z "$(on_node "$first_manager" docker service ls -q --filter name=registry)" ]; then
        on_node "$first_manager" docker service create --detach --quiet --name registry \
            --constraint "node.hostname == $first_manager" \
            --publish "mode=host,target=5000,published=$REGISTRY_PORT" \
            --mount type=volume,source=registry_data,target=/var/lib/registry \
            "$registry_image" > /dev/null
    fi
    wait_until 60 "the registry on $manager_ip:$REGISTRY_PORT" registry_answers
    info "registry: $manager_ip:$REGISTRY_PORT for the nodes, 127.0.0.1:$(push_port) for pushes from this machine"
}

up() {
    local started=$SECONDS i extra
    step "cluster $CLUSTER_NAME: $managers manager(s), $(( nodes - managers )) worker(s)"
    extra="$(comm -23 <(cluster_nodes) <(
        for (( i = 1; i <= managers; i++ )); do node_name manager "$i"; echo; done
        for (( i = 1; i <= nodes - managers; i++ )); do node_name worker "$i"; echo; done
    ) | xargs)"
    [ -z "$extra" ] || die "the cluster has other nodes ($extra): '$self down' first"
    ensure_packages curl:curl
    build_node_image
    ensure_network
    node_mirror="$(ensure_mirror)"
    [ -z "$node_mirror" ] || info "nodes pull Docker Hub images through $node_mirror"
    for (( i = 1; i <= managers; i++ )); do ensure_node manager "$i"; done
    for (( i = 1; i <= nodes - managers; i++ )); do ensure_node worker "$i"; done
    while read -r name; do
        wait_until 60 "the engine of $name" engine_up "$name" \
            || { docker logs --tail 20 "$name" >&2; exit 1; }
    done < <(cluster_nodes)
    for (( i = 1; i <= managers; i++ )); do join manager "$i"; label_zone manager "$i"; done
    for (( i = 1; i <= nodes - managers; i++ )); do join worker "$i"; label_zone worker "$i"; done
    ensure_registry
    info "up in $(( SECONDS - started ))s"
    status
}

status() {
    step "cluster $CLUSTER_NAME"
    if [ -z "$(cluster_nodes)" ]; then
        info "no nodes"
        return
    fi
    docker ps -a --filter "label=$owner_label" --format '{{.Names}}\t{{.Status}}' | sort \
        | while IFS=$'\t' read -r name state; do
            printf '    %-22s %-15s %s\n' "$name" \
                "$(docker inspect --format "{{(index .NetworkSettings.Networks \"$CLUSTER_NAME\").IPAddress}}" "$name")" "$state"
        done
    if engine_up "$first_manager"; then
        on_node "$first_manager" docker node ls \
            --format '{{.Hostname}} {{.ManagerStatus}} {{.Status}} {{.Availability}}' \
            | while read -r name rest; do
                printf '    %-22s %-28s zone=%s\n' "$name" "$rest" \
                    "$(on_node "$first_manager" docker node inspect --format '{{index .Spec.Labels "zone"}}' "$name")"
            done
        on_node "$first_manager" docker service ls --filter name=registry \
            --format 'registry service: {{.Replicas}} {{.Image}}' | sed 's/^/    /'
    fi
    docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' $(cluster_nodes) \
        | awk '{ used = $2; unit = used; sub(/[0-9.]+/, "", unit); sub(/[A-Za-z]+$/, "", used)
                 total += used * (unit == "GiB" ? 1024 : unit == "KiB" ? 1 / 1024 : 1) }
               END { printf "    memory of all nodes: %.0f MiB\n", total }'
}

env_lines() {
    [ -n "$(cluster_nodes)" ] || die "no cluster $CLUSTER_NAME: '$self up' first"
    printf 'export DOCKER_HOST=%s\n' "$(node_host "$first_manager")"
    printf 'export CLUSTER_REGISTRY=%s:%s\n' "$manager_ip" "$REGISTRY_PORT"
    printf 'export CLUSTER_PUSH_REGISTRY=127.0.0.1:%s\n' "$(push_port)"
    printf 'export CLUSTER_SOCKETS=%s\n' "$state_root"
}

down() {
    local started=$SECONDS name
    step "removing cluster $CLUSTER_NAME"
    for name in $(cluster_nodes); do
        docker rm --force --volumes "$name" > /dev/null
        info "node $name removed"
    done
    docker volume ls -q --filter "label=$owner_label" | xargs -r docker volume rm > /dev/null
    if docker network inspect "$CLUSTER_NAME" > /dev/null 2>&1; then
        docker network disconnect --force "$CLUSTER_NAME" "$mirror_name" > /dev/null 2>&1 || :  # not connected
        docker network rm "$CLUSTER_NAME" > /dev/null
        info "network and bridge $CLUSTER_NAME removed"
    fi
    rm -rf "$state_root"
    if [ -z "$keep_images" ] && docker image inspect "$NODE_IMAGE" > /dev/null 2>&1; then
        docker image rm "$NODE_IMAGE" > /dev/null
        info "image $NODE_IMAGE removed"
    fi
    info "down in $(( SECONDS - started ))s"
}

case "$command" in
    up) up ;;
    down) down ;;
    status) status ;;
    env) env_lines ;;
esac
