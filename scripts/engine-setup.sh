#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--no-swarm]
   ie: $self              # install docker.io and curl if missing, start dockerd, init a single-node swarm
       $self --no-swarm   # engine only

Prepares THIS machine's Docker engine for the MonsterStack scripts. Only needed where no
engine is managed for you (a fresh Debian box or CI container without systemd as PID 1);
on an existing cluster, skip it. Run as root. dockerd logs to \$DOCKERD_LOG
(default /var/log/dockerd.log).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

init_swarm=1
option() {
    case "$1" in
        --no-swarm) init_swarm= ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

: "${DOCKERD_LOG:=/var/log/dockerd.log}"

step "Docker engine"
if docker info > /dev/null 2>&1; then
    info "already running: $(docker version --format 'server {{.Server.Version}}, client {{.Client.Version}}')"
else
    ensure_packages dockerd:docker.io curl:curl
    if [ -d /run/systemd/system ]; then
        systemctl start docker
    else
        # No init system to supervise it: run it detached, logging to a file. Without the userland
        # proxy, clients on this machine reach published ports through the kernel's NAT, as other
        # machines' clients do, not through a process copying every byte (docker-proxy).
        info "starting dockerd (log: $DOCKERD_LOG)"
        setsid dockerd --userland-proxy=false > "$DOCKERD_LOG" 2>&1 < /dev/null &
    fi
    wait_until 60 "dockerd to answer" docker info > /dev/null 2>&1 \
        || { tail -n 20 "$DOCKERD_LOG" >&2 || :; exit 1; }
    info "running: $(docker version --format 'server {{.Server.Version}}, client {{.Client.Version}}')"
fi

if [ -n "$init_swarm" ]; then
    step "Swarm"
    state="$(docker info --format '{{.Swarm.LocalNodeState}}')"
    if [ "$state" = active ]; then
        info "already part of a swarm ($(docker info --format '{{.Swarm.Nodes}}') node(s))"
    else
        # Loopback is enough for a single node and never exposes the swarm ports.
        docker swarm init --advertise-addr 127.0.0.1 > /dev/null
        info "initialised a single-node swarm"
    fi
fi
