#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self
   ie: $self                              # against the stack deployed by scripts/deploy.sh
       STACK_NAME=monsterstack-e2e $self  # as scripts/e2e-swarm.sh runs it

The unplanned faults, against a deployed stack (\$STACK_URL = $STACK_URL), each under the curl
loop, the load of \$LOAD_RATE ($LOAD_RATE) requests/s and the independent client, with the retries
of the edge and of the frontends counted (reported, not judged: see scripts/lib/traffic.sh):
  - a Redis task killed: the page and a cached monster stay 200 for the curl loop, the page says
    the counter is disabled until Swarm's new Redis task is healthy and the counter is back;
  - a frontend task killed with SIGKILL: Swarm replaces it;
  - the image backend scaled to 0: a cached monster stays 200, a new one is 503 with
    Retry-After, then scaled back to 2 and new monsters are 200 again;
then a load burst (3000 never-seen monsters, 16 at a time) that must be all 200 and OOM-kill no
container of the stack. Rows go to \$MEASURE_TABLE when set (scripts/e2e-swarm.sh), else the
table is printed at the end. Exits non-zero when a check fails.
USAGE
}

# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/traffic.sh
source "$repo_dir/scripts/lib/traffic.sh"

case "${1:-}" in
    -h | --help) usage; exit 0 ;;
    '') ;;
    *) bad_usage "$1" ;;
esac
require_swarm_manager

scripts="$repo_dir/scripts"
work="$(mktemp -d)"
own_table=
if [ -z "${MEASURE_TABLE:-}" ]; then
    own_table=1
    export MEASURE_TABLE="$work/measured-steps.md"
fi

finish() {
    measure_abort
    [ -z "$own_table" ] || drill_table "measured faults"
    rm -rf "$work"
}
trap finish EXIT

new_monster_ok() { [ "$(status_of "$STACK_URL/monster/new-$RANDOM$RANDOM")" = 200 ]; }
monster="$(page_monster)"
[ -n "$monster" ] || fail "no monster image on the page at $STACK_URL"

step "Redis task killed under load (unplanned)"
# Page and the cached monster: both must stay 200 while Redis is gone.
measure_start 180 "$STACK_URL/" "$STACK_URL$monster"
old_redis="$(task_containers redis | head -n 1)"
old_ip="$(task_ips "$old_redis")"
killed_at=$SECONDS
docker kill "$old_redis" > /dev/null
info "killed Redis container ${old_redis:0:12} ($old_ip)"
redis_back() {
    local now
    now="$(task_containers redis | head -n 1)"
    [ -n "$now" ] && [ "$now" != "$old_redis" ] \
        && [ "$(docker inspect --format '{{.State.Health.Status}}' "$now")" = healthy ]
}
wait_until 120 "Swarm to restart Redis" redis_back
info "new Redis task healthy $(( SECONDS - killed_at ))s after the kill, at $(task_ips "$(task_containers redis | head -n 1)")"
wait_until 60 "the visit counter to come back" counter_shown
info "visit counter back $(( SECONDS - killed_at ))s after the kill: $(page_visits)"
sleep 3
measure_stop "Redis task killed" unplanned
grep -q 'counter_disabled' "$traffic_log" || fail "the page never said the counter was disabled"
(( curl_failed == 0 )) || fail "the curl loop saw pages or the cached monster fail while Redis was down"
pass "page and cached monster stayed 200 for the curl loop, counter disabled meanwhile, all back after the restart"

step "a frontend task killed with SIGKILL under load (unplanned)"
measure_start 120 "$STACK_URL/" "$STACK_URL/monster/sigkill-{n}"
victim="$(task_containers frontend | head -n 1)"
victim_ip="$(task_ips "$victim")"
killed_at=$SECONDS
docker kill --signal KILL "$victim" > /dev/null
info "killed frontend container ${victim:0:12} ($victim_ip)"
sleep 2  # Swarm notices the exit within a second; until then it still counts 3/3
wait_until 120 "Swarm to replace the killed frontend" converged
info "3 healthy frontends again $(( SECONDS - killed_at ))s after the kill"
sleep 3
measure_stop "frontend task killed (SIGKILL)" unplanned
if (( failed_total > 0 )); then
    note "target missed: $failed_total request(s) failed around a single SIGKILLed frontend (the edge retries GETs, never a POST it sent)"
fi
pass "frontend task killed: $failed_total failed, $retried_total retried (edge $edge_retries, frontends $frontend_retries)"

step "image backend scaled to 0 (unplanned: all backends gone)"
measure_start 120 "$STACK_URL/" "$STACK_URL$monster" "$STACK_URL/monster/gone-{n}"
"$scripts/scale.sh" imagebackend=0
sleep 5
[ "$(status_of "$STACK_URL$monster")" = 200 ] || fail "cached monster is not 200 without backend"
headers="$(curl -s -o /dev/null -D - --max-time 5 "$STACK_URL/monster/never-seen-$RANDOM$RANDOM")"
info "new monster without backend: $(echo "$headers" | head -n 1 | tr -d '\r')"
[[ "$(echo "$headers" | head -n 1)" == *" 503"* ]] || fail "new monster without backend is not 503"
echo "$headers" | grep -qi '^retry-after:' || fail "the 503 has no Retry-After"
pass "cached monster 200, new monster 503 with Retry-After"
"$scripts/scale.sh" imagebackend=2
wait_until 60 "new monsters to come back" new_monster_ok
measure_stop "image backend scaled to 0 and back" unplanned
pass "new monsters 200 again after scaling back"

step "load burst: no task OOM-killed, memory within the limits"
# 3000 never-seen monsters, 16 at a time: frontend, backend and Redis all busy. A closed loop of
# 16 clients, not Load.java's fixed rate: the burst goes as fast as the stack answers.
burst_started=$SECONDS
seq 1 3000 | xargs -P 16 -I{} curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 \
    "$STACK_URL/monster/burst-$$-{}" > "$work/burst.log"
info "3000 new monsters in $(( SECONDS - burst_started ))s: $(sort "$work/burst.log" | uniq -c | xargs)"
[ "$(grep -cvx 200 "$work/burst.log")" = 0 ] || fail "some burst requests were not 200"
docker ps -q --filter "label=com.docker.stack.namespace=$STACK_NAME" \
    | xargs docker stats --no-stream --format '{{.Name}} {{.MemUsage}} ({{.MemPerc}})' | sed 's/^/    /'
oom="$(docker ps -aq --filter "label=com.docker.stack.namespace=$STACK_NAME" \
    | xargs docker inspect --format '{{.Name}} {{.State.OOMKilled}}' | grep -c ' true$' || :)"
[ "$oom" = 0 ] || fail "$oom container(s) of the stack were OOM-killed"
pass "no container of the stack was ever OOM-killed"
