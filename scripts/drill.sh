#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self single-node [--keep]
       $self multi-node [--managers M] [--nodes N] [--keep] [--no-build]
       $self faults
       $self rollback [--tag TAG] [--timeout SECONDS]

The drills that prove the README's steps keep the site up (docs/zero-downtime.md), in the drills
module (Java): each runs the user's scripts between starting its clients and counters and
stopping them, then judges the step and prints the table of every measured step.
  single-node  the README's Swarm steps in its order on a fresh engine (STACK_NAME defaults to
               monsterstack-e2e), every planned operation measured and judged; then the
               functional checks, the faults, the stack's speed with wrk, a plain "docker stack
               deploy" that keeps the visit counter, and the teardown (--keep: the stack stays)
  multi-node   a swarm of Docker-in-Docker nodes on this machine (scripts/cluster.sh, as root):
               registry flow as DOCKER_USER (student), kernel probes, placement over zones, a
               frontend calling a backend on another node, updates, rollback, drain, a node
               killed and scaling measured on every node, a redeploy, the exercise's own stack file
  faults       against a deployed stack: a Redis task killed, a frontend task SIGKILLed, the image
               backend scaled to 0 and back (reported, not judged), then a burst without OOM kill
  rollback     against a deployed stack: scripts/rollback-drill.sh, measured and judged
Each operation runs under the curl loop, a load of \$LOAD_RATE (200) requests/s and an independent
client on the stack's network (no edge, no retries), with the edge's and the frontends' retries
counted, the healthchecks sampled and, with Prometheus on the stack, the servers' own count. A
planned one must show 0 failed and 0 retried requests, a load p99 within \$MAX_P99_MS (500;
multi-node 2000), curl gaps within \$MAX_GAP_MS (1000; 3000) and servers that agree with the
clients within 5 %; ZERO_DOWNTIME_STRICT=0 reports a miss as MISSED instead of failing.
Variables: STACK_NAME, EDGE_PORT, PROMETHEUS_PORT, LOAD_RATE, MEASURE_LEAD_SECONDS (5; 2), TAG and
DOCKER_USER (multi-node: mn, student). Needs what the scripts it runs need; single-node also wrk.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    single-node | multi-node | faults | rollback) ;;
    *) bad_usage "${1:-(none)}" ;;
esac
jar="$(drills_jar)"
exec "${drills_java[@]}" -jar "$jar" "$@"
