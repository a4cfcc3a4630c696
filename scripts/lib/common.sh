# Shared helpers for the MonsterStack scripts; sourced, never run.
# Callers set -Eeuo pipefail themselves and define usage().

self="$(basename "$0")"
# Associative arrays, mapfile: bash 4 or newer (macOS ships 3.2).
if (( BASH_VERSINFO[0] < 4 )); then
    printf '%s: error: needs bash 4 or newer, this is %s (macOS: brew install bash)\n' "$self" "$BASH_VERSION" >&2
    exit 1
fi
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MONSTERSTACK_REPO_DIR="$repo_dir"

# Names shared by every script; each one can be overridden from the environment.
: "${STACK_NAME:=monsterstack}"
: "${DOCKER_REGISTRY:=docker.io}"
: "${DOCKER_USER:=monsterstack}"
: "${TAG:=1.0}"
: "${IMAGEBACKEND_TAG:=1.0}"
# Where the stack answers: the edge proxy's host port without IPVS, else the ingress port 5000.
: "${EDGE_PORT:=5000}"
: "${STACK_URL:=http://127.0.0.1:$EDGE_PORT}"
# Prometheus (deploy.sh --monitoring): its host port, on the node it runs on.
: "${PROMETHEUS_PORT:=9090}"
: "${PROMETHEUS_URL:=http://127.0.0.1:$PROMETHEUS_PORT}"
export STACK_NAME DOCKER_REGISTRY DOCKER_USER TAG IMAGEBACKEND_TAG EDGE_PORT PROMETHEUS_PORT

# The app images' base (images/jre, built by build-images.sh, never pushed: Jib copies its layers).
jre_image=monsterstack-jre:25
# The Redis the stack runs, for containers outside a swarm (the AOT training in build-images.sh).
redis_image=redis:7.0.15-alpine
# Our images besides the app's, tagged with the version of what they wrap (build-images.sh).
haproxy_tag=2.6
prometheus_tag=2.42

# offline-bases.sh --mirror: the registry that stands in for Docker Hub on a machine without it.
mirror_name=monsterstack-hub-mirror
: "${MIRROR_PORT:=5100}"
MIRROR_URL="http://127.0.0.1:$MIRROR_PORT"

step() { printf '\n==> %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
info() { printf '    %s\n' "$*"; }
note() { printf '%s: note: %s\n' "$self" "$*" >&2; }
error() { printf '%s: error: %s\n' "$self" "$*" >&2; }
die() { error "$*"; exit 1; }

# Option parsing shared by all scripts: -h/--help prints usage, anything unknown is an error.
bad_usage() { error "unknown argument: $1"; usage >&2; exit 1; }

# parse_options "$@": hands each argument but -h/--help to the script's option function as
# `option ARG NEXT`, which returns 0 when it took ARG, 2 when it took NEXT as ARG's value too, and
# 1 when ARG is unknown. A script without an option function takes no arguments.
parse_options() {
    local took
    while [ "$#" -gt 0 ]; do
        case "$1" in -h | --help) usage; exit 0 ;; esac
        took=1
        if declare -F option > /dev/null; then option "$@" && took=0 || took=$?; fi
        case "$took" in
            0) shift ;;
            2) [ "$#" -ge 2 ] || die "$1 needs a value"; shift 2 ;;
            *) bad_usage "$1" ;;
        esac
    done
}

# ensure_packages <command>:<package>...: installs the Debian packages whose command is missing.
ensure_packages() {
    local pair missing=()
    for pair in "$@"; do
        command -v "${pair%%:*}" > /dev/null 2>&1 || missing+=("${pair#*:}")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || { error "missing packages: ${missing[*]} (run as root to install them)"; return 1; }
    info "installing ${missing[*]}"
    # One at a time when two of these scripts run at once: apt-get refuses to, it does not wait.
    (
        flock -w 900 9 || die "apt-get: another install held /run/lock/monsterstack-apt for 15 min"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
    ) 9> /run/lock/monsterstack-apt
}

# AOT training (build-images.sh, bench.sh): how a service runs while its JVM records the cache:
# its own warm-up, only longer, with more metaspace (writing the cache needs room beyond the
# 48-80 MB the services run with; the cache written is accepted with the smaller limit).
# aot_options: JVM options the cache needs when it is written and when it is used (a cache made
# with other object headers is refused).
training_env=(WARM_UP_REQUESTS=3000 WARM_UP_MAX_DURATION=120s SHUTDOWN_DELAY=0s)
training_options=(-XX:MaxMetaspaceSize=128m)
aot_options=(-XX:+UseCompactObjectHeaders)

# A Docker network of this script's own, with a Redis on it (alias redis) as in the stack, for
# containers run outside a swarm (build-images.sh; drill.sh measure-start has its own, in Java). It
# has no password, so it runs without protected mode, which would answer every command from
# another container DENIED: a frontend trained against it would run its Redis-down paths. Every container labelled
# $scratch_label goes with it in remove_scratch_network, for the caller's EXIT trap.
scratch_label="io.monsterstack.scratch=$$"
scratch_network="monsterstack-scratch-$$"
start_scratch_network() {
    docker network create --label "$scratch_label" "$scratch_network" > /dev/null
    docker image inspect "$redis_image" > /dev/null 2>&1 || docker pull -q "$redis_image" > /dev/null
    docker run -d --network "$scratch_network" --network-alias redis --label "$scratch_label" \
        "$redis_image" redis-server --save '' --appendonly no --protected-mode no > /dev/null
}
remove_scratch_network() {
    # shellcheck disable=SC2046 # container ids
    docker rm -f $(docker ps -aq --filter "label=$scratch_label") > /dev/null 2>&1 || :
    docker network rm "$scratch_network" > /dev/null 2>&1 || :
}

# app_image <name> [tag]: the reference the stack files compute for one of our images. The tag
# defaults to the stack's: TAG for the frontend, IMAGEBACKEND_TAG for the image backend (they
# move independently), the version they wrap for HAProxy and Prometheus.
app_image() {
    local default
    case "$1" in
        frontend) default="$TAG" ;;
        imagebackend) default="$IMAGEBACKEND_TAG" ;;
        haproxy) default="$haproxy_tag" ;;
        prometheus) default="$prometheus_tag" ;;
    esac
    printf '%s/%s/monsterstack-%s:%s' "$DOCKER_REGISTRY" "$DOCKER_USER" "$1" "${2:-$default}"
}

# build_image <docker build arguments...>: docker build, quiet, without the classic builder's
# deprecation notice (printed where the buildx plugin is not installed); errors still show.
build_image() {
    docker build -q "$@" > /dev/null \
        2> >(grep -v -e '^DEPRECATED: The legacy builder' -e 'the buildx component' -e 'docs.docker.com/go/buildx' -e '^ *$' >&2)
}

# megabytes <bytes>: "93.1 MB", as docker image ls counts.
megabytes() { awk -v bytes="$1" 'BEGIN { printf "%.1f MB", bytes / 1e6 }'; }
image_size() { megabytes "$(docker image inspect --format '{{.Size}}' "$1")"; }

# wait_until <timeout-seconds> <what> <command...>: polls once a second, fails on timeout.
wait_until() {
    local timeout="$1" what="$2"
    shift 2
    local deadline=$(( SECONDS + timeout ))
    until "$@"; do
        if (( SECONDS >= deadline )); then
            error "timed out after ${timeout}s waiting for $what"
            return 1
        fi
        sleep 1
    done
}

require_swarm_manager() {
    [ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = true ] \
        || die "this Docker engine is not a Swarm manager (run scripts/engine-setup.sh or 'docker swarm init')"
}

# stack_limit SERVICE KEY prints the number the Swarm stack gives KEY (memory, cpus) under the
# service's resource limits, without its quotes or unit: memory in MB (the stack writes 256M).
stack_limit() {
    sed -n "/^  $1:/,/^  [a-z]/p" "$repo_dir/stack/docker-compose.swarm.yml" \
        | sed -n "/limits:/,/reservations:/s/^ *$2: *'\{0,1\}\([0-9.]*\).*/\1/p" | head -n 1
}

# Container label of the app's tasks naming their image tag (set by the stack file).
version_label=io.monsterstack.version

# converged: true when every service of the stack runs all its tasks (healthy ones only:
# Swarm reports a task with a healthcheck as running once it is healthy) and none is updating;
# a global service must have at least one task.
converged() {
    local name mode replicas
    [ -n "$(docker stack services -q "$STACK_NAME" 2>/dev/null)" ] || return 1
    while read -r name mode replicas; do
        [[ "$replicas" =~ ^([0-9]+)/([0-9]+) ]] && [ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] || return 1
        [ "$mode" != global ] || [ "${BASH_REMATCH[1]}" -gt 0 ] || return 1
        case "$(update_state "$name")" in updating | rollback_started | paused | rollback_paused) return 1 ;; esac
    done < <(docker stack services --format '{{.Name}} {{.Mode}} {{.Replicas}}' "$STACK_NAME")
}

# unplaceable: the stack's tasks that Swarm keeps pending with a reason, e.g. "no suitable node
# (scheduling constraints not satisfied on 1 node)", one per line.
unplaceable() {
    docker stack ps --filter desired-state=running --format '{{.Name}}|{{.CurrentState}}|{{.Error}}' "$STACK_NAME" 2> /dev/null \
        | awk -F'|' '$2 ~ /^Pending/ && $3 != "" { print $1 ": " $3 }'
}

# wait_converged [timeout]: until converged; a task Swarm cannot place for 30 s fails at once,
# with Swarm's reason.
wait_converged() {
    local timeout="${1:-300}" deadline stuck_since= stuck
    deadline=$(( SECONDS + timeout ))
    info "waiting (at most ${timeout}s) for every service to run all its tasks, healthy"
    until converged; do
        stuck="$(unplaceable)"
        if [ -z "$stuck" ]; then
            stuck_since=
        elif [ -z "$stuck_since" ]; then
            stuck_since=$SECONDS
        elif (( SECONDS - stuck_since >= 30 )); then
            error "Swarm cannot place these tasks:"
            sed 's/^/    /' <<< "$stuck" >&2
            return 1
        fi
        if (( SECONDS >= deadline )); then
            error "timed out after ${timeout}s waiting for stack $STACK_NAME to converge"
            docker stack services "$STACK_NAME" >&2 || :
            docker stack ps --no-trunc --format '{{.Name}} {{.CurrentState}} {{.Error}}' "$STACK_NAME" 2>&1 | head -n 30 >&2 || :
            return 1
        fi
        sleep 1
    done
    docker stack services --format '{{.Name}} {{.Replicas}} {{.Image}}' "$STACK_NAME" | sed 's/^/    /'
}

# drop_encryption: filter for `docker stack config` output that removes the overlay networks'
# encrypted option. The overlay driver encrypts when the option is present at all, whatever its
# value, so an override file saying "false" cannot turn it off.
drop_encryption() {
    awk '
        /^[^ ]/ { in_networks = ($0 == "networks:") }
        in_networks && /^    driver_opts:$/ { held = $0; next }
        in_networks && /^      encrypted: / { next }
        held != "" { if ($0 ~ /^      /) print held; held = "" }
        { print }
    '
}

# local_kernel: the engine runs on this machine's kernel (Linux, no DOCKER_HOST or a Unix socket,
# not Docker Desktop's VM), so what /proc and ip(8) say here holds for it.
local_kernel() {
    [ "$(uname -s)" = Linux ] && [[ -z "${DOCKER_HOST:-}" || "$DOCKER_HOST" == unix://* ]] \
        && [ "$(docker info --format '{{.OperatingSystem}}')" != "Docker Desktop" ]
}

# esp_probe: installs, in a scratch network namespace that vanishes with the command, the kind
# of IPsec state Swarm's encrypted overlay uses (ESP, AES-GCM as rfc4106). Prints ip's answer.
esp_probe_command=(unshare --net ip xfrm state add src 192.0.2.1 dst 192.0.2.2 proto esp spi 0x100
    mode transport aead 'rfc4106(gcm(aes))' 0x0102030405060708090a0b0c0d0e0f1011121314 128)
esp_probe() { "${esp_probe_command[@]}" 2>&1; }

# on_single_node: images then only exist in the local engine, so never ask a registry.
on_single_node() { [ "$(docker node ls -q | wc -l)" = 1 ]; }

service_image() { docker service inspect --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' "$1"; }
update_state() { docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$1"; }
update_started() { docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.StartedAt}}{{end}}' "$1"; }

# update_service <service> <timeout> <docker service update options...>: starts a rolling update
# and follows it until Swarm settles, printing each state; the final state is in $final_state.
final_state=
update_service() {
    local service="$1" timeout="$2" before
    shift 2
    before="$(update_started "$service")"
    info "docker service update $* $service"
    docker service update --detach --quiet "$@" "$service" > /dev/null
    final_state=
    wait_until "$timeout" "$service's update to settle" update_settled "$service" "$before" || :
}

# update_settled <service> <started-before>: true once the update started after <started-before>
# has settled; prints each new state.
update_settled() {
    local state=
    # Until Swarm starts this update, the status is the previous update's.
    [ "$(update_started "$1")" = "$2" ] || state="$(update_state "$1")"
    if [ "$state" != "$final_state" ]; then
        info "$(date -u +%H:%M:%S) $1 update: ${state:-pending}"
        final_state="$state"
    fi
    case "$state" in completed | rollback_completed | paused | rollback_paused) ;; *) return 1 ;; esac
}

# update_image <service> <image> <timeout>: update_service to another image; the tasks' version
# label (Prometheus' version of each task) moves with the image's tag.
update_image() {
    local args=(--image "$2" --container-label-add "$version_label=${2##*:}")
    if on_single_node; then args+=(--no-resolve-image); fi
    update_service "$1" "$3" "${args[@]}"
}

# drills_jar: the drills module's runnable jar, built first when missing or older than its sources.
drills_jar() {
    local jar="$repo_dir/drills/target/drills.jar"
    if [ ! -f "$jar" ] || [ -n "$(find "$repo_dir"/drills/{src,pom.xml} "$repo_dir/test-support/src" -newer "$jar" -print -quit)" ]; then
        info "building the drills (./mvnw -pl drills -am package)" >&2
        (cd "$repo_dir" && ./mvnw -B -q -pl drills -am package -DskipTests) >&2
    fi
    printf '%s\n' "$jar"
}
# The drills' JVM: C1 and a serial GC, so that their clients leave the cores to what they measure.
drills_java=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true)

# watch_start / watch_stop: scripts/watch.sh in the background for the length of an operation
# (--watch); watch_stop prints its report and fails when a request failed.
watch_start() { drills_jar > /dev/null; "$repo_dir/scripts/watch.sh" & watcher=$!; trap 'kill "$watcher" 2> /dev/null || :' EXIT; }
watch_stop() { [ -z "${watcher:-}" ] || { kill -TERM "$watcher" 2> /dev/null || :; wait "$watcher"; }; }
