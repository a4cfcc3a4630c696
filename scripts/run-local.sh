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
they are missing; installs Debian's redis-server when it is missing and we are root. Without
Redis the site still runs, uncached and with the visit counter disabled.

Environment:
  FRONTEND_PORT       port of the site (default 5000)
  IMAGEBACKEND_PORT   port of the image backend (default 8080)
  CONTEXT             DEV (default here) or PROD logging

Examples:
  $self
  FRONTEND_PORT=5001 IMAGEBACKEND_PORT=18080 $self
EOF
}

# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

while [ "$#" -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        *) bad_usage "$1" ;;
    esac
done

frontend_port="${FRONTEND_PORT:-5000}"
backend_port="${IMAGEBACKEND_PORT:-8080}"
export CONTEXT="${CONTEXT:-DEV}"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$frontend_port" "$backend_port"; do
    if port_busy "$port"; then
        die "port $port is already in use (set FRONTEND_PORT / IMAGEBACKEND_PORT)"
    fi
done

work_dir="$(mktemp -d -t monsterstack-local.XXXXXX)"
cleanup() {
    trap - EXIT INT TERM
    printf '\nstopping\n'
    stop_all
    rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_jars

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
info "logs: $work_dir"
printf '\nMonsterStack is up: http://127.0.0.1:%s/  (Ctrl-C stops it)\n' "$frontend_port"

# Returns when any of the processes ends, or on Ctrl-C; the EXIT trap stops the others.
wait -n "${service_pids[@]}" ${redis_pid:+"$redis_pid"}
error "a process stopped unexpectedly; logs were in $work_dir"
exit 1
