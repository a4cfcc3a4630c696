#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--seconds N] [URL]
   ie: $self                               # \$STACK_URL ($STACK_URL) until Ctrl-C
       $self --seconds 60 http://node-2:5000

What the exercise's "while true; do curl -s http://<node>:5000 | grep title; sleep 1; done" shows,
and more: a curl loop on the page and a new monster (a new connection each, ~10 requests/s), a load
of \$LOAD_RATE ($LOAD_RATE) requests/s (page, form, a cached and a new monster), and a line a second:
  live: 10:31:02 req/s=201 failed=0 p99_ms=187 versions=1.0:62%,2.0:37% title="MonsterStack v2"
(the versions that answered the load, with their share; the title the page shows), until Ctrl-C or
--seconds; then the titles seen, from when to when, the failures and the longest gaps between
answers. Exits 1 when a request failed. Run it beside any operation: scripts/update.sh, a
"docker service update" typed by hand, a node drained. Java runs it (the drills module, built by
./mvnw the first time).
USAGE
}

source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
: "${LOAD_RATE:=200}"

seconds=()
url="$STACK_URL"
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
