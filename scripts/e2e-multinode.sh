#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--managers M] [--nodes N] [--keep] [--no-build]
   ie: $self                          # 1 manager + 3 workers, the whole drill, then teardown
       $self --managers 3 --nodes 3   # managers only: app on managers, Redis pinned
       $self --keep                   # leave the cluster and the stack running at the end
       $self --no-build               # again on a kept cluster: the images are in its registry

Multi-node drill, run by .ci/run after the single-node one: a real swarm of N nodes on this
machine (scripts/cluster.sh: Docker-in-Docker nodes, two zones, a registry), then
  - the registry flow: build-images.sh --push (bases too) through the host's loopback, new tags
    made in the registry (scripts/lib/registry_tag.py), deploy.sh against the first manager,
    every node pulling from the registry;
  - the ESP/GCM and IPVS probes: without ESP, deploy.sh must refuse the encrypted overlay, and
    the drill deploys with --no-esp (loudly); without IPVS, the edge runs on every node;
  - placement: app tasks only on workers (or managers when there are none), spread over both
    zones, Redis on the labelled manager; a frontend calling a backend on another node;
  - each measured as scripts/e2e-swarm.sh measures its steps (scripts/lib/traffic.sh: a curl
    loop and a load of \$LOAD_RATE ($LOAD_RATE) requests/s to every node's published port, an independent
    client on the overlay network, the retries of every node's edge and of every frontend):
    rolling update of the frontend and the backend, a broken image rolled back, a worker
    drained then active again, a worker killed (docker kill of its container) then restarted,
    the frontend scaled to 6 and back;
  - the visit counter surviving "docker stack rm" + redeploy;
and prints one table, each operation with the nodes it touched, the tasks it moved and its
time. Planned operations must show 0 failed and 0 retried requests, as in scripts/e2e-swarm.sh,
a load p99 within \$MAX_P99_MS ($MAX_P99_MS) and curl gaps within \$MAX_GAP_MS ($MAX_GAP_MS):
looser than the single-node drill's 500 / 1000, because here four engines, a registry and the
stack share one machine's cores (ZERO_DOWNTIME_STRICT=0 reports a miss as MISSED); the killed
node is reported.
The images are pushed as DOCKER_USER (default student) and only they may appear in the
registry's catalogue: the public images (Redis, and the bases of ours) are pulled by each node
from Docker Hub, here from offline-bases.sh's mirror.
Variables: TAG (default mn, app images' tag in the cluster's registry), EDGE_PORT (5000, on each
node's own address), CLUSTER_NAME (mscluster), MULTINODE_LOAD (0: no load), MEASURE_LEAD_SECONDS
(2 here). Needs what cluster.sh and build-images.sh need.
USAGE
}

export TAG="${TAG:-mn}" IMAGEBACKEND_TAG="${TAG:-mn}" DOCKER_USER="${DOCKER_USER:-student}"
# Latency bounds that still catch a stall when the whole cluster runs on one machine.
: "${MAX_P99_MS:=2000}" "${MAX_GAP_MS:=3000}"
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/traffic.sh
source "$repo_dir/scripts/lib/traffic.sh"
# The load without its live line (one table at the end), MULTINODE_LOAD=0 without load at all.
LOAD_LIVE=
[ "${MULTINODE_LOAD:-1}" != 0 ] || LOAD_RATE=0
: "${MEASURE_LEAD_SECONDS:=2}"

managers=1
nodes=4
keep=
build=1
option() {
    case "$1" in
        --managers) managers="${2-}"; return 2 ;;
        --nodes) nodes="${2-}"; return 2 ;;
        --keep) keep=1 ;;
        --no-build) build= ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

scripts="$repo_dir/scripts"
drill_started=$SECONDS
work="$(mktemp -d)"
next_tag="$TAG-next"
broken_tag="$TAG-broken"
made_cluster=
failed_ops=()
export MEASURE_TABLE="$work/measured-steps.md"
: > "$MEASURE_TABLE"

# The nodes are containers of this machine's engine; everything else talks to the first manager.
host_docker() { env -u DOCKER_HOST docker "$@"; }
node_host() { printf 'unix://%s/%s/docker.sock' "$CLUSTER_SOCKETS" "$1"; }
on_node() { local node="$1"; shift; DOCKER_HOST="$(node_host "$node")" "$@"; }
node_ip() { host_docker inspect --format "{{(index .NetworkSettings.Networks \"${CLUSTER_NAME:-mscluster}\").IPAddress}}" "$1"; }
node_zone() { docker node inspect --format '{{index .Spec.Labels "zone"}}' "$1"; }
node_in_state() { [ "$(docker node inspect --format '{{.Status.State}}' "$1")" = "$2" ]; }
all_nodes() { docker node ls --format '{{.Hostname}}' | sort; }
workers() { docker node ls --filter role=worker --format '{{.Hostname}}' | sort; }
node_url() { printf 'http://%s:%s' "$(node_ip "$1")" "$EDGE_PORT"; }

# tasks_on <service>: "<node>" per running task of the service, sorted.
tasks_on() {
    docker service ps --filter desired-state=running --format '{{.Node}} {{.CurrentState}}' "${STACK_NAME}_$1" \
        | awk '$2 == "Running" { print $1 }' | sort
}

# app_settled [node]: every replicated service runs all its tasks, none on [node] (a lost one).
app_settled() {
    local service wanted running
    for service in frontend imagebackend redis; do
        wanted="$(docker service inspect --format '{{.Spec.Mode.Replicated.Replicas}}' "${STACK_NAME}_$service")"
        running="$(tasks_on "$service" | grep -vcx "${1:-(none)}" || :)"
        [ "$running" = "$wanted" ] || return 1
    done
}

# tasks_snapshot: "<task id> <service.slot> <node>" of the running app tasks (the edge is per node).
tasks_snapshot() {
    docker stack ps --filter desired-state=running --format '{{.ID}} {{.Name}} {{.Node}}' "$STACK_NAME" \
        | grep -v "^[^ ]* ${STACK_NAME}_edge\." | sort
}

# nodes_of <service> <snapshot>...: the nodes that ran the service's tasks, short names.
nodes_of() {
    local service="$1"
    shift
    awk -v prefix="${STACK_NAME}_$service." 'index($2, prefix) == 1 { print $3 }' "$@" \
        | sed "s/^${CLUSTER_NAME:-mscluster}-//" | sort -u | xargs
}

# tasks_moved <before> <after>: "N (M on another node)": tasks that are new, and how many of them
# run on another node than their slot's previous task.
tasks_moved() {
    awk 'NR == FNR { id[$1] = 1; node[$2] = $3; next }
         !($1 in id) { moved++; if (node[$2] != $3) elsewhere++ }
         END { printf "%d (%d elsewhere)\n", moved, elsewhere }' "$1" "$2"
}

# op_begin <url>...: the running tasks, then measure_start: the curl loop on the URLs (and new
# monsters on the first), the load on all of them.
op_started=0
op_begin() {
    tasks_snapshot > "$work/before"
    LOAD_URLS="$*" measure_start 900 "$@" "$1/monster/multinode-$$-{n}"
    op_started=$SECONDS
}

# op_end <operation> <service|node> <planned|unplanned> [time]: measure_stop, the row naming the
# nodes that ran the service before or after (or the node named), the tasks moved and the time.
op_end() {
    local operation="$1" where="$2" kind="$3" took="${4:-$(( SECONDS - op_started ))s}"
    sleep 2  # traffic after the operation, too
    tasks_snapshot > "$work/after"
    case "$where" in
        frontend | imagebackend) where="$(nodes_of "$where" "$work/before" "$work/after")" ;;
        *) where="${where#"${CLUSTER_NAME:-mscluster}-"}" ;;
    esac
    measure_stop "$operation (nodes $where, tasks moved $(tasks_moved "$work/before" "$work/after"), $took)" "$kind" \
        || failed_ops+=("$operation")
}

teardown() {
    local rc=$?
    measure_abort
    drill_table "multi-node drill: $managers manager(s), $(( nodes - managers )) worker(s)"
    if [ "$rc" != 0 ] && [ -n "${DOCKER_HOST:-}" ]; then
        step "diagnostics"
        docker stack ps --no-trunc --format '{{.Name}} {{.Node}} {{.CurrentState}} {{.Error}}' "$STACK_NAME" \
            2> /dev/null | head -n 40 || :  # best effort: the cluster may be half gone
    fi
    if [ -n "$keep" ]; then
        note "--keep: cluster and stack left running (scripts/cluster.sh down removes them)"
    elif [ -n "$made_cluster" ]; then
        step "teardown"
        "$scripts/cluster.sh" down || :  # report the drill's own result below
        host_left_as_it_was || rc=1
    fi
    rm -rf "$work"
    drill_verdict "multi-node drill" "$rc" "$drill_started"
    exit "$rc"
}
trap teardown EXIT

# host_left_as_it_was: nothing of the cluster in this machine's engine, bridges or iptables.
host_left_as_it_was() {
    local name="${CLUSTER_NAME:-mscluster}" leftovers
    leftovers="$( {
        host_docker ps -a --filter "label=io.monsterstack.cluster=$name" --format 'container {{.Names}}'
        host_docker volume ls --filter "label=io.monsterstack.cluster=$name" --format 'volume {{.Name}}'
        host_docker network ls --filter "name=^$name\$" --format 'network {{.Name}}'
        ip -br link show "$name" 2> /dev/null | sed 's/^/bridge /'
        iptables-save | grep -e "$name" -e "${cluster_subnet_prefix:-192.168.212}\." | sed 's/^/iptables /'
    } || :)"
    if [ -n "$leftovers" ]; then
        error "left on this machine: $leftovers"
        return 1
    fi
    info "this machine's engine, bridges and iptables hold nothing of the cluster any more"
}

step "1. cluster: $managers manager(s), $(( nodes - managers )) worker(s)"
ensure_packages curl:curl python3:python3 unshare:util-linux ip:iproute2
"$scripts/engine-setup.sh" --no-swarm
if [ -z "$(host_docker ps -aq --filter "label=io.monsterstack.cluster=${CLUSTER_NAME:-mscluster}")" ]; then
    made_cluster=1
fi
up_started=$SECONDS
"$scripts/cluster.sh" up "$nodes" --managers "$managers" | tee "$work/up.log"
up_time=$(( SECONDS - up_started ))
eval "$("$scripts/cluster.sh" env)"
cluster_subnet_prefix="${CLUSTER_REGISTRY%.*}"
# The measured steps read the edges' and the tasks' counters on every node's own engine.
DRILL_ENGINES="$(for node in $(all_nodes); do node_host "$node"; echo; done | xargs)"
first_manager="$(docker node ls --filter role=manager --format '{{.Hostname}} {{.ManagerStatus}}' | awk '$2 == "Leader" { print $1 }')"
info "cluster up in ${up_time}s; $(grep 'memory of all nodes' "$work/up.log" | sed 's/^ *//')"

step "2. kernel probes (ESP/GCM for the encrypted overlay, IPVS for the routing mesh)"
esp_ok=1
esp_output="$(esp_probe)" || esp_ok=
info "ip xfrm state add ... aead 'rfc4106(gcm(aes))' ... (scratch netns, this machine): ${esp_output:-ok}"
info "the same in node $first_manager: $(host_docker exec "$first_manager" bash -c "$(declare -f esp_probe); esp_probe" || :)"
if [ -e /proc/net/ip_vs ] || modprobe ip_vs 2> /dev/null; then
    info "IPVS: present (routing mesh possible)"
else
    info "IPVS: absent (/proc/net/ip_vs missing, modprobe ip_vs fails): no routing mesh, the edge runs on every node"
fi

step "3. registry flow: build and push through the loopback, nodes pull from $CLUSTER_REGISTRY"
if [ -n "$build" ]; then
    env -u DOCKER_HOST DOCKER_REGISTRY="$CLUSTER_PUSH_REGISTRY" "$scripts/build-images.sh" --push
fi
for service in frontend imagebackend; do
    python3 "$scripts/lib/registry_tag.py" "$CLUSTER_PUSH_REGISTRY" "$DOCKER_USER/monsterstack-$service" "$TAG" "$next_tag" \
        MONSTERSTACK_VERSION="$next_tag" | sed 's/^/    /'
done
# Like scripts/rollback-drill.sh's broken image: the frontend listening where nobody checks.
python3 "$scripts/lib/registry_tag.py" "$CLUSTER_PUSH_REGISTRY" "$DOCKER_USER/monsterstack-frontend" "$TAG" "$broken_tag" \
    QUARKUS_HTTP_PORT=5999 | sed 's/^/    /'
catalog="$(curl -s "http://$CLUSTER_PUSH_REGISTRY/v2/_catalog")"
info "registry catalog: $catalog"
others="$(grep -o '"[^"]*"' <<< "${catalog#*:}" | tr -d '"' | grep -v "^$DOCKER_USER/monsterstack-" || :)"
[ -z "$others" ] || fail "the registry holds more than $DOCKER_USER/monsterstack-*: $others"
pass "only $DOCKER_USER/monsterstack-* pushed; the nodes pull the public images from Docker Hub (here, its mirror)"
export DOCKER_REGISTRY="$CLUSTER_REGISTRY"

step "4. secret and deploy against $first_manager (DOCKER_HOST=$DOCKER_HOST)"
"$scripts/secret.sh"
deploy_args=(--timeout 400)
if [ -z "$esp_ok" ]; then
    if "$scripts/deploy.sh" --no-wait > "$work/refused.log" 2>&1; then
        cat "$work/refused.log"
        fail "deploy.sh deployed an encrypted overlay on a kernel without ESP/GCM"
    fi
    info "deploy.sh refused, as it must: $(grep -o 'error: .*' "$work/refused.log" | cut -c1-110)..."
    deploy_args+=(--no-esp)
fi
deploy_started=$SECONDS
"$scripts/deploy.sh" "${deploy_args[@]}"
deploy_time=$(( SECONDS - deploy_started ))
urls=()
for node in $(all_nodes); do urls+=("$(node_url "$node")"); done
wait_until 60 "the page on every node" bash -c 'for url; do curl -sf -o /dev/null --max-time 3 "$url/" || exit 1; done' - "${urls[@]}"
pass "deployed and healthy in ${deploy_time}s; the page answers on every node: ${urls[*]}"

step "5. placement, zones, pulls"
for service in frontend imagebackend redis edge; do
    docker service ps --filter desired-state=running --format '{{.Node}}' "${STACK_NAME}_$service" | sort | uniq -c \
        | while read -r count node; do printf '%s x%s on %s (%s, zone %s)\n' "$service" "$count" "$node" \
            "$(docker node inspect --format '{{.Spec.Role}}' "$node")" "$(node_zone "$node")"; done | sed 's/^/    /'
done
for service in frontend imagebackend; do
    zones="$(for node in $(tasks_on "$service"); do node_zone "$node"; done | sort -u | xargs)"
    [ "$(wc -w <<< "$zones")" -ge 2 ] || fail "$service is not spread over both zones ($zones)"
done
pass "frontend and backend spread over zones a and b"
redis_node="$(tasks_on redis)"
[ "$(docker node inspect --format '{{.Spec.Role}}' "$redis_node")" = manager ] || fail "Redis runs on $redis_node, not a manager"
if [ "$managers" -gt 1 ]; then
    [ "$(docker node inspect --format '{{index .Spec.Labels "monsterstack.redis"}}' "$redis_node")" = true ] \
        || fail "Redis runs on $redis_node, not the manager labelled monsterstack.redis=true"
fi
pass "Redis on $redis_node, a manager$([ "$managers" = 1 ] || echo ", labelled monsterstack.redis=true")"
for node in $(all_nodes); do
    info "$node pulled: $(on_node "$node" docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -c "^$CLUSTER_REGISTRY/") image(s) from $CLUSTER_REGISTRY"
done
info "$(docker node ps --format '{{.Name}} {{.CurrentState}}' "$(workers | head -n 1)" 2> /dev/null | head -n 4 | xargs) (docker node ps $(workers | head -n 1))"

step "6. a frontend calling a backend on another node"
frontend_node="$(tasks_on frontend | head -n 1)"
backend_node="$(tasks_on imagebackend | grep -vx "$frontend_node" | head -n 1)"
[ -n "$backend_node" ] || fail "no backend on another node than $frontend_node"
frontend_container="$(on_node "$frontend_node" task_containers frontend | head -n 1)"
backend_container="$(on_node "$backend_node" task_containers imagebackend | head -n 1)"
backend_ip="$(on_node "$backend_node" task_ips "$backend_container")"
# busybox wget's -T crashes (SIGSEGV) in these images: the time limit is timeout's.
timeout 20 env DOCKER_HOST="$(node_host "$frontend_node")" docker exec "$frontend_container" wget -q -O - "http://$backend_ip:8080/monster/cross-node" \
    > "$work/cross-node.png" || fail "the frontend on $frontend_node cannot reach the backend on $backend_node ($backend_ip)"
java "$scripts/lib/PngCheck.java" "$work/cross-node.png" | sed 's/^/    /' || fail "the backend's answer is not a PNG"
pass "frontend on $frontend_node fetched a $(wc -c < "$work/cross-node.png")-byte PNG from the backend on $backend_node ($backend_ip) over the overlay"
first="$(page_visits "${urls[0]}")"
second="$(page_visits "${urls[-1]}")"
[ -n "$first" ] && [ "$second" -gt "$first" ] || fail "visit counter did not grow across nodes ($first, $second)"
pass "visit counter grows through two nodes' edges ($first -> $second): frontends reach Redis on $redis_node"

step "7. operations under the curl loop and the load to every node's port"
mapfile -t worker_list < <(workers)
drain_node="${worker_list[0]:-}"
kill_node="${worker_list[1]:-${worker_list[0]:-}}"
others() { local node; for node in $(all_nodes); do [ "$node" = "$1" ] || { node_url "$node"; echo; }; done; }

# op_update <operation> <service> <tag> <wanted state>: a measured update to the tag, on every node.
op_update() {
    op_begin "${urls[@]}"
    update_image "${STACK_NAME}_$2" "$(app_image "$2" "$3")" 300
    [ "$final_state" = "$4" ] || fail "$1: the update ended '$final_state', not $4"
    op_end "$1" "$2" planned
}
op_update "rolling update frontend" frontend "$next_tag" completed
op_update "rolling update backend" imagebackend "$next_tag" completed
op_update "broken image, rolled back" frontend "$broken_tag" rollback_completed
[[ "$(service_image "${STACK_NAME}_frontend")" == *":$next_tag@"* ]] || fail "frontend does not run $next_tag after the rollback"

if [ -n "$drain_node" ]; then
    # Draining stops every task of the node, its edge too: the loop goes to the other nodes.
    mapfile -t drain_urls < <(others "$drain_node")
    op_begin "${drain_urls[@]}"
    docker node update --availability drain "$drain_node" > /dev/null
    wait_until 300 "the tasks of $drain_node to run elsewhere" app_settled "$drain_node"
    moved_after=$(( SECONDS - op_started ))
    docker node update --availability active "$drain_node" > /dev/null
    op_end "drain, then active" "$drain_node" planned "${moved_after}s"

    mapfile -t kill_urls < <(others "$kill_node")
    op_begin "${kill_urls[@]}"
    host_docker kill "$kill_node" > /dev/null
    wait_until 90 "$kill_node to be marked down" node_in_state "$kill_node" down
    down_after=$(( SECONDS - op_started ))
    wait_until 300 "the tasks of $kill_node to run elsewhere" app_settled "$kill_node"
    moved_after=$(( SECONDS - op_started ))
    op_end "kill node (unplanned)" "$kill_node" unplanned "down ${down_after}s, moved ${moved_after}s"
    host_docker start "$kill_node" > /dev/null
    wait_until 120 "$kill_node to be back" node_in_state "$kill_node" ready
    # Its edge (a global task) starts again with it; the next operation needs every node's port.
    wait_converged 300 > /dev/null
    pass "$kill_node restarted, ready and serving again ($(( SECONDS - op_started ))s after the kill)"
fi

op_begin "${urls[@]}"
"$scripts/scale.sh" frontend=6
info "frontend x6: $(tasks_on frontend | uniq -c | awk '{ printf "%s on %s, ", $1, $2 }')zones: $(for node in $(tasks_on frontend); do node_zone "$node"; done | sort | uniq -c | awk '{ printf "%s in %s ", $1, $2 }')"
"$scripts/scale.sh" frontend=3
op_end "scale frontend 3 -> 6 -> 3" frontend planned

step "8. docker stack rm + redeploy keeps the visit counter (Redis pinned to $redis_node)"
before="$(page_visits "${urls[0]}")"
"$scripts/cleanup.sh"
"$scripts/deploy.sh" "${deploy_args[@]}"
wait_until 60 "the page with its counter" counter_shown "${urls[0]}"
after="$(page_visits "${urls[0]}")"
[ "$(tasks_on redis)" = "$redis_node" ] || fail "Redis moved to $(tasks_on redis)"
[ "$after" -gt "$before" ] || fail "visit counter lost ($before -> $after)"
pass "visit counter preserved ($before -> $after), Redis still on $redis_node"

step "9. the exercise's own stack file with our images in it (stack/exercise.swarm.yml)"
"$scripts/cleanup.sh"
# Its healthchecks (curl, busybox wget --tries, redis-cli), localhost, environment and ports; its
# frontend and backend on the workers, Redis on the manager.
docker stack deploy --with-registry-auth -c "$repo_dir/stack/exercise.swarm.yml" exercise
STACK_NAME=exercise wait_converged 300 || fail "the exercise's stack file did not bring every task to healthy"
# Two of its healthcheck intervals (30 s) later, still the same six tasks: no crash loop.
sleep 65
tasks="$(docker stack ps --format '{{.Name}} {{.CurrentState}}' exercise)"
sed 's/^/    /' <<< "$tasks"
[ "$(wc -l <<< "$tasks")" = 6 ] && [ "$(grep -c ' Running ' <<< "$tasks")" = 6 ] \
    || fail "the exercise's tasks did not stay healthy (above: every task Swarm made)"
docker stack rm exercise > /dev/null
pass "the exercise's stack file: 3 frontends, 2 backends and Redis healthy, none replaced in 65 s"

if [ "${#failed_ops[@]}" -gt 0 ]; then
    fail "planned operations that missed their targets (the table): ${failed_ops[*]}"
fi
info "cluster set-up ${up_time}s, deploy ${deploy_time}s"
