#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self
   ie: $self

Checks the stack files with the Docker CLI's own loader (docker stack config; no engine
needed), merged as "docker stack deploy" merges them: the Swarm stack alone, with the no-IPVS
override, with the monitoring and pinned overrides on top, and the local Compose file, each with
a json-file log rotation (max-size and max-file) on every service. Exits non-zero on the first
file that does not load or does not have the expected shape.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

parse_options "$@"

# unrotated: reads a rendered stack (`docker stack config`, two-space indents) and prints each
# service whose logging is not the json-file driver with both max-size and max-file.
unrotated() {
    awk '
        function check() { if (service != "" && !(json && size && files)) print service }
        /^[^ ]/ { check(); service = ""; in_services = ($0 == "services:"); next }
        !in_services { next }
        /^  [^ ]/ { check(); service = substr($1, 1, length($1) - 1); logging = json = size = files = 0; next }
        /^    [^ ]/ { logging = ($0 == "    logging:"); next }
        logging && /^      driver: json-file$/ { json = 1 }
        logging && /^        max-size: / { size = 1 }
        logging && /^        max-file: / { files = 1 }
        END { check() }
    '
}

# expect_rotation <file label> <rendered stack>: dies naming the services without log rotation.
expect_rotation() {
    local missing
    missing="$(unrotated <<< "$2")"
    [ -z "$missing" ] || die "$1: no log rotation on: $(paste -sd " " <<< "$missing")"
}

stack="$repo_dir/stack"
step "validating stack files"
swarm="$(docker stack config -c "$stack/docker-compose.swarm.yml")"
for service in edge frontend imagebackend redis; do
    grep -q "^  $service:" <<< "$swarm" || die "docker-compose.swarm.yml: no $service service"
done
[ "$(grep -c 'published: 5000' <<< "$swarm")" = 1 ] || die "docker-compose.swarm.yml: not one published port 5000 (the edge's)"
grep -q 'node.role == worker' <<< "$swarm" && die "docker-compose.swarm.yml: a service needs a worker, which a one-node swarm lacks"
expect_rotation docker-compose.swarm.yml "$swarm"
info "ok: docker-compose.swarm.yml"

no_ipvs="$(docker stack config -c "$stack/docker-compose.swarm.yml" -c "$stack/docker-compose.no-ipvs.yml")"
[ "$(grep -c 'endpoint_mode: dnsrr' <<< "$no_ipvs")" = 4 ] || die "no-IPVS: not every service on dnsrr"
[ "$(grep -c 'mode: ingress' <<< "$no_ipvs")" = 0 ] || die "no-IPVS: an ingress port is left"
[ "$(grep -c 'mode: host' <<< "$no_ipvs")" = 1 ] || die "no-IPVS: the edge is not published in host mode"
expect_rotation no-IPVS "$no_ipvs"
info "ok: docker-compose.swarm.yml + docker-compose.no-ipvs.yml"

monitoring="$(docker stack config -c "$stack/docker-compose.swarm.yml" -c "$stack/docker-compose.no-ipvs.yml" \
    -c "$stack/docker-compose.pinned.yml" -c "$stack/docker-compose.monitoring.yml")"
for service in prometheus docker-api; do
    grep -q "^  $service:" <<< "$monitoring" || die "monitoring: no $service service"
done
[ "$(grep -c 'endpoint_mode: dnsrr' <<< "$monitoring")" = 6 ] || die "monitoring: not every service on dnsrr"
[ "$(grep -c 'mode: host' <<< "$monitoring")" = 2 ] || die "monitoring: Prometheus is not published in host mode"
grep -q 'node.labels.monsterstack.redis == true' <<< "$monitoring" || die "pinned: Redis is not pinned"
grep -q -- '--storage.tsdb.retention.time=' <<< "$monitoring" && grep -q -- '--storage.tsdb.retention.size=' <<< "$monitoring" \
    || die "monitoring: Prometheus' retention is not bounded in time and size"
expect_rotation monitoring "$monitoring"
info "ok: docker-compose.swarm.yml + docker-compose.no-ipvs.yml + docker-compose.pinned.yml + docker-compose.monitoring.yml"

expect_rotation docker-compose.yml "$(docker stack config -c "$stack/docker-compose.yml")"
info "ok: docker-compose.yml"
