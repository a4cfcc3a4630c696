#!/usr/bin/env bash
# The project's test command: installs what the tests need (Debian's redis-server, which the
# frontend tests start as a real process), then runs every module's tests with the wrapper.
set -Eeuo pipefail

# shellcheck source=scripts/lib/local-processes.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/local-processes.sh"

usage() {
    cat <<EOF
usage: $self [MAVEN ARGUMENTS...]

Runs ./mvnw -B verify: unit tests, @QuarkusTest tests against a real redis-server, and the
end-to-end test that runs both service jars and Redis as processes. Installs redis-server
first when it is missing (as root).

Examples:
  $self
  $self -pl imagebackend -am
EOF
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
esac

ensure_packages redis-server:redis-server

cd "$repo_dir"
exec ./mvnw -B verify "$@"
