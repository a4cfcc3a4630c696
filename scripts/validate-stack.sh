#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self
   ie: $self

Checks the stack files with the Docker CLI's own loader (docker stack config; no engine
needed): the Swarm stack alone, with the no-IPVS override (as scripts/deploy.sh renders it,
the frontend's ingress port dropped), and the local Compose file. Exits non-zero on the first
file that does not load or does not have the expected shape.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

while [ "$#" -gt 0 ]; do
    case "$1" in
        -h | --help) usage; exit 0 ;;
        *) bad_usage "$1" ;;
    esac
    shift
done

stack="$repo_dir/stack"
step "validating stack files"
swarm="$(docker stack config -c "$stack/docker-compose.swarm.yml")"
for service in frontend imagebackend redis; do
    grep -q "^  $service:" <<< "$swarm" || die "docker-compose.swarm.yml: no $service service"
done
grep -q 'published: 5000' <<< "$swarm" || die "docker-compose.swarm.yml: frontend does not publish 5000"
info "ok: docker-compose.swarm.yml"

no_ipvs="$(docker stack config -c "$stack/docker-compose.swarm.yml" -c "$no_ipvs_file" | drop_ports frontend)"
[ "$(grep -c 'endpoint_mode: dnsrr' <<< "$no_ipvs")" = 4 ] || die "no-IPVS: not every service on dnsrr"
[ "$(grep -c 'mode: ingress' <<< "$no_ipvs")" = 0 ] || die "no-IPVS: an ingress port is left"
grep -q 'mode: host' <<< "$no_ipvs" || die "no-IPVS: the edge proxy is not published in host mode"
info "ok: docker-compose.swarm.yml + docker-compose.no-ipvs.yml (frontend port dropped)"

docker stack config -c "$stack/docker-compose.yml" > /dev/null
info "ok: docker-compose.yml"
