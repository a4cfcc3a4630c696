#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self single-node [--keep]        # the README's Swarm steps on a fresh engine, then teardown
       $self multi-node [--managers M] [--nodes N] [--keep]   # a cluster of its own on this machine (root)
       $self faults                      # against a deployed stack: Redis, a frontend, the backend lost
       $self rollback [--tag TAG] [--timeout SECONDS]   # against a deployed stack: rollback-drill.sh
       $self cluster up [NODES] [--managers M] | down [--keep-images] | status | env
       $self measure-start [--runs N] [--tag TAG] [--only SERVICE] [--env KEY=VALUE]... [--cpus N] [--compare-aot]

The drills of docs/zero-downtime.md (Java, the drills module, built by ./mvnw the first time): the
user's scripts run between the start and stop of the clients and counters, each step judged (0
failed, 0 retried, p99, gaps, servers within 5 %), a table at the end; "cluster" makes the
multi-node drill's swarm by hand; "measure-start" times the app images' container start under the
stack's limits (drill.sh measure-start --help). What each checks: scripts/README.md.
USAGE
}

[ "${1:-}" != single-node ] || export STACK_NAME="${STACK_NAME:-monsterstack-e2e}"  # beside a user's own stack
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in -h | --help | '') usage; exit 0 ;; esac  # the drills module checks the rest
jar="$(drills_jar)"
exec "${drills_java[@]}" -jar "$jar" "$@"
