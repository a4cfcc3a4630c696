#!/usr/bin/env bash
# Runs the whole MonsterStack site on this machine without Docker: Redis, the image backend and
# the frontend as local processes. Ctrl-C stops all three.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat <<EOF
usage: $self [-h|--help]

Starts redis-server (with a password read from a file, as the Swarm secret is), the image backend
and the frontend, waits until the site answers and prints its URL. Builds the jars first when
they are missing or older than the sources; installs Debian's redis-server when it is missing
and we are root. Without Redis the site still runs, uncached and with the visit counter
disabled. The services listen on all interfaces (0.0.0.0), each with its metrics and health on
a management port of its own, as in containers; their URLs are printed once they answer.
Logs go to .build/run-local.*/, kept when a service fails or dies, removed after Ctrl-C.

Environment:
  FRONTEND_PORT                  port of the site (default 5000)
  IMAGEBACKEND_PORT              port of the image backend (default 8080)
  FRONTEND_MANAGEMENT_PORT       metrics and health of the site (default 9000)
  IMAGEBACKEND_MANAGEMENT_PORT   metrics and health of the image backend (default 9001)
  CONTEXT                        DEV (default here) or PROD logging

Examples:
  $self
  FRONTEND_PORT=5001 IMAGEBACKEND_PORT=18080 $self
EOF
}

# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

parse_options "$@"

frontend_port="${FRONTEND_PORT:-5000}"
backend_port="${IMAGEBACKEND_PORT:-8080}"
management_ports=([frontend]="${FRONTEND_MANAGEMENT_PORT:-9000}" [imagebackend]="${IMAGEBACKEND_MANAGEMENT_PORT:-9001}")
export CONTEXT="${CONTEXT:-DEV}"

declare -A ports=([FRONTEND_PORT]="$frontend_port" [IMAGEBACKEND_PORT]="$backend_port"
    [FRONTEND_MANAGEMENT_PORT]="${management_ports[frontend]}" [IMAGEBACKEND_MANAGEMENT_PORT]="${management_ports[imagebackend]}")
for variable in "${!ports[@]}"; do
    port_free "${ports[$variable]}" || die "port ${ports[$variable]} is already in use (set $variable to a free port)"
done

# Logs live in the clone (.build/ is ignored by git): kept and named when anything goes wrong,
# removed after a normal Ctrl-C.
mkdir -p "$repo_dir/.build"
work_dir="$(mktemp -d "$repo_dir/.build/run-local.XXXXXX")"
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    printf '\nstopping\n'
    stop_all
    # The password and the config holding it go whatever happens; the logs only after a normal stop.
    rm -f "$work_dir/redis_password" "$work_dir/redis.conf"
    if [ "$status" -eq 130 ]; then
        rm -rf "$work_dir"
    else
        error "logs kept in $work_dir"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_jars "$work_dir/build.log"

with_redis=yes
if ! ensure_packages redis-server:redis-server || ! start_redis "$work_dir"; then
    note "no Redis: the site runs uncached and its visit counter is disabled"
    with_redis=no
    # Point the frontend at a port nothing listens on, so it sees Redis as down.
    stop_all
    redis_port="$(free_port)"
    redis_password_file=""
fi

step "image backend on port $backend_port"
start_service imagebackend "$backend_port" "$work_dir"

step "frontend on port $frontend_port"
# Readiness stays DOWN without Redis by design; /healthz says whether the replica serves.
[ "$with_redis" = yes ] || ready_path=/healthz
start_service frontend "$frontend_port" "$work_dir"

info "dependencies: $(curl -fsS "http://127.0.0.1:$frontend_port/healthz")"
info "metrics and health: http://127.0.0.1:${management_ports[frontend]}/q/metrics (frontend)," \
    "http://127.0.0.1:${management_ports[imagebackend]}/q/metrics (image backend)"
info "logs: $work_dir"
printf '\nMonsterStack is up: http://127.0.0.1:%s/  (Ctrl-C stops it)\n' "$frontend_port"

# Returns when any of the processes ends, or on Ctrl-C; the EXIT trap stops the others.
declare -A names=([${redis_pid:-none}]=redis-server)
for name in "${!service_pids[@]}"; do names[${service_pids[$name]}]="$name"; done
status=0
wait -n -p ended "${service_pids[@]}" ${redis_pid:+"$redis_pid"} || status=$?
name="${names[$ended]}"
log="$work_dir/${name%-server}.log"
error "$name stopped unexpectedly (exit status $status); the end of its log, $log:"
tail -n 15 "$log" >&2 || :
exit 1
