#!/usr/bin/env bash
# The project's test command: installs what the tests need (Debian's redis-server, which the
# frontend tests start as a real process; haproxy, which runs the edge's configuration in the
# drills' tests; promtool, from Debian's prometheus), checks the
# Prometheus configuration and runs the alerting rules' unit tests, then runs every module's
# tests with the wrapper.
set -Eeuo pipefail

# shellcheck source=scripts/lib/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-processes.sh"

usage() {
    cat <<EOF
usage: $self [MAVEN ARGUMENTS...]

Checks images/prometheus/prometheus.yml (promtool check config) and the rules beside it
(promtool check rules, then promtool test rules on rules/*.test.yml), then runs ./mvnw -B verify:
unit tests, @QuarkusTest tests against a real redis-server, and the end-to-end test that runs
both service jars and Redis as processes. Installs redis-server, haproxy and Debian's prometheus
(for promtool) first when they are missing (as root).

Examples:
  $self
  $self -pl imagebackend -am
EOF
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
esac

export PATH="$PATH:/usr/sbin"  # Debian's haproxy, where a user's PATH leaves it out
ensure_packages redis-server:redis-server haproxy:haproxy
if ! command -v promtool > /dev/null; then
    ensure_packages promtool:prometheus
    # Only promtool is needed: the package's daemon would hold port 9090, the default host
    # port of the stack's own Prometheus (deploy.sh --monitoring).
    if [ -d /run/systemd/system ]; then
        systemctl disable --now prometheus > /dev/null 2>&1 || :  # not started: nothing to stop
        note "Debian's prometheus service disabled: the tests only need its promtool"
    fi
fi

step "Prometheus configuration and rules (promtool)"
prometheus_dir="$repo_dir/images/prometheus"
# As the image's entrypoint writes it, for the default stack name.
promtool check config <(sed 's/@STACK_NAME@/monsterstack/g' "$prometheus_dir/prometheus.yml")
promtool check rules "$prometheus_dir"/rules/*.rules.yml
(cd "$prometheus_dir/rules" && promtool test rules ./*.test.yml)

step "./mvnw -B verify $*"
cd "$repo_dir"
exec ./mvnw -B verify "$@"
