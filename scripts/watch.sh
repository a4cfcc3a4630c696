#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--seconds N] [URL]
   ie: $self                               # \$STACK_URL ($STACK_URL) until Ctrl-C
       $self --seconds 60 http://node-2:5000

The exercise's "while true; do curl -s http://<node>:5000 | grep title; done", and more: a curl
loop (the page and a new monster, a new connection each), a load of \$LOAD_RATE ($LOAD_RATE) requests/s,
and a line a second until Ctrl-C or --seconds, then the titles seen, failures and longest gaps:
  live: 10:31:02 req/s=201 failed=0 p99_ms=187 versions=1.0:62%,2.0:37% title="MonsterStack v2"
Exits 1 when a request failed. Beside any operation, a "docker service update" typed by hand too.
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
: "${LOAD_RATE:=200}"
seconds=() url="$STACK_URL"
option() {
    case "$1" in
        --seconds) seconds=("${2-}"); return 2 ;;
        http://* | https://*) url="${1%/}" ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

jar="$(drills_jar)"
exec "${drills_java[@]}" -cp "$jar" io.monsterstack.drills.Watch "$url" "$LOAD_RATE" "${seconds[@]}"
