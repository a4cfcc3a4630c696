#!/usr/bin/env bash
set -Eeuo pipefail

usage() {
    cat <<USAGE
usage: $self [--keep]
   ie: $self            # the whole drill, then tear everything down
       $self --keep     # leave the stack running at the end (to look around)

End-to-end Swarm drill, run by .ci/run on a fresh machine as a user without root (in the docker
group, a JDK 17, after offline-bases.sh made the public images): the README's Swarm
walkthrough, as the README writes it and in its order, with nothing warmed up beforehand:
engine and single-node swarm, images, secret, deploy (without IPVS: the no-IPVS override),
then at once three rolling updates of the frontend in a row
(scripts/update.sh --tag 2.0 --build ..., then 2.1, 2.2), the image backend's update, the
frontend scaled 3 -> 6 -> 3, the rollback drill and the Redis password rotated. Each of these
planned operations runs under the curl loop, a sustained load of \$LOAD_RATE requests/s
(scripts/lib/Load.java) and an independent client on the stack's overlay network (no edge, no
retries), with the retries of the edge and of the frontends counted, and must show 0 failed and
0 retried requests, a load p99 within \$MAX_P99_MS (500) and curl gaps within \$MAX_GAP_MS
(1000). Then it checks the page, a decoded monster PNG, Redis authentication and the visit
counter, and runs scripts/fault-drill.sh: the unplanned faults (a Redis task killed, a frontend
task killed with SIGKILL, the image backend scaled to 0) reported with their failures and
retries, then a load burst without OOM kill; then the stack's speed through the edge with wrk
(reported, not asserted), and the visit counter surviving "docker stack rm" + a plain "docker
stack deploy" of the stack file and the no-IPVS override (every task healthy, none pending). Prints
the table of every measured step (docs/zero-downtime.md). Each step is bounded in time; a failure
stops the drill. At the end (trap) it removes all it created: stack, volume, secret (when it made
it), images, swarm (when it made it). Variables: STACK_NAME (default monsterstack-e2e), EDGE_PORT (default 5000),
LOAD_RATE (default 200), ZERO_DOWNTIME_STRICT (default 1: a planned step that misses a target
fails the drill; 0: reported as MISSED).
Needs: Docker with a swarm (or root, for engine-setup.sh), wrk, python3, the public images
(Docker Hub or offline-bases.sh), Maven Central, a JDK 17.
USAGE
}

export STACK_NAME="${STACK_NAME:-monsterstack-e2e}"
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/traffic.sh
source "$repo_dir/scripts/lib/traffic.sh"

keep=
option() { case "$1" in --keep) keep=1 ;; *) return 1 ;; esac; }
parse_options "$@"

scripts="$repo_dir/scripts"
network="${STACK_NAME}_monster_network"
drill_started=$SECONDS
work="$(mktemp -d)"
export TAG=1.0
made_swarm=
made_secret=
export MEASURE_TABLE="$work/measured-steps.md"
: > "$MEASURE_TABLE"
frontend_tags=(2.0 2.1 2.2)
backend_tag=1.1

service_ips() {
    local containers
    mapfile -t containers < <(task_containers "$1")
    [ "${#containers[@]}" = 0 ] || task_ips "${containers[@]}" | sort | xargs
}

teardown() {
    local rc=$?
    measure_abort
    drill_table "measured steps (0 failed and 0 retried required for planned ones; ZERO_DOWNTIME_STRICT=$ZERO_DOWNTIME_STRICT)"
    if [ "$rc" != 0 ] && [ -n "$(docker stack services -q "$STACK_NAME" 2> /dev/null)" ]; then
        step "diagnostics"
        docker stack ps --no-trunc --format '{{.Name}} {{.Image}} {{.CurrentState}} {{.Error}}' "$STACK_NAME" \
            | head -n 40 || :  # best effort: the stack may be half gone
        for service in frontend imagebackend redis edge; do
            timeout 20 docker service logs --tail 15 "${STACK_NAME}_$service" 2>&1 | sed "s/^/    $service: /" || :
        done
    fi
    if [ -n "$keep" ]; then
        note "--keep: stack $STACK_NAME left running"
    else
        step "teardown"
        local args=(--volumes --images)
        [ -z "$made_secret" ] || args+=(--secret)
        "$scripts/cleanup.sh" "${args[@]}" || :  # report the drill's own result below
        if [ -n "$made_swarm" ]; then
            docker swarm leave --force > /dev/null || :
            info "left the swarm this drill created"
        fi
    fi
    rm -rf "$work"
    drill_verdict drill "$rc" "$drill_started"
}
trap teardown EXIT

step "1. engine and swarm (README step 1), the drill's own tools, stack files"
# The README's steps install what they need themselves: only what the drill alone uses here.
if [ "$(docker info --format '{{.Swarm.LocalNodeState}}' 2> /dev/null)" != active ]; then
    made_swarm=1
fi
"$scripts/engine-setup.sh"
ensure_packages wrk:wrk
"$scripts/validate-stack.sh"
if [ -n "$(docker stack services -q "$STACK_NAME" 2> /dev/null)" ]; then
    fail "a stack named $STACK_NAME already runs here; remove it or set STACK_NAME"
fi
if curl -s -o /dev/null --max-time 2 "$STACK_URL/"; then
    fail "something already answers on $STACK_URL; set EDGE_PORT to a free port"
fi

step "2. images (README step 2), their start under the stack's limits"
"$scripts/build-images.sh"
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep monsterstack | sed 's/^/    /'
"$scripts/measure-start.sh" --runs 3

step "3. secret and deploy (README step 3)"
docker secret inspect redis_password > /dev/null 2>&1 || made_secret=1
"$scripts/secret.sh"
deploy_started=$SECONDS
"$scripts/deploy.sh" --monitoring --timeout 300
info "deployed and healthy in $(( SECONDS - deploy_started ))s"
info "page title: $(page_title)"

step "4. three rolling updates of the frontend in a row, at once (README step 4)"
# The README's own command, then the same for two more versions: each builds and trains its
# image, then updates under the curl loop, the load and the independent client.
"$scripts/update.sh" --tag 2.0 --build --env 'MONSTERSTACK_TITLE=MonsterStack v2' | tee "$work/update-2.0.log"
grep -q '^    title "MonsterStack": ' "$work/update-2.0.log" || fail "v1 title never seen"
grep -q '^    last title: MonsterStack v2$' "$work/update-2.0.log" || fail "the title did not end on v2"
for tag in "${frontend_tags[@]:1}"; do
    "$scripts/update.sh" --tag "$tag" --build --env "MONSTERSTACK_TITLE=MonsterStack v$tag" | tee "$work/update-$tag.log"
    grep -q "^    last title: MonsterStack v$tag\$" "$work/update-$tag.log" || fail "the title did not end on v$tag"
done
[ "$(page_title)" = "MonsterStack v${frontend_tags[-1]}" ] || fail "the page is not v${frontend_tags[-1]} after the updates"
pass "title moved v1 -> v2 -> v2.1 -> v2.2 (failed and retried requests: the table at the end)"
old_ips="$(service_ips imagebackend)"
"$scripts/update.sh" --service imagebackend --tag "$backend_tag" --build
pass "image backend tasks replaced ($old_ips -> $(service_ips imagebackend)), new monsters served throughout"

# every_task_scraped <after what>: within a minute, Prometheus has every running app task as an up target.
every_task_scraped() {
    local started=$SECONDS
    wait_until 60 "Prometheus to scrape every app task" all_tasks_up \
        || fail "not every app task is an up target of Prometheus a minute after $1"
    pass "Prometheus: all $(app_containers | wc -l) app tasks are up targets, $(( SECONDS - started ))s after $1"
}
all_tasks_up() { [ "$(server_query 'count(up{job="monsterstack"} == 1)' "$(date +%s)")" = "$(app_containers | wc -l)" ]; }
every_task_scraped "the updates"

step "5. scale the frontend 3 -> 6 -> 3 under load (README step 5)"
measure_start 300 "$STACK_URL/" "$STACK_URL/monster/scale-{n}"
"$scripts/scale.sh" frontend=6
[ "$(status_of "$STACK_URL/")" = 200 ] || fail "page is not 200 with 6 frontends"
measure_stop "scale frontend 3 -> 6" planned || fail "scaling up missed its targets"
every_task_scraped "scaling to 6"
measure_start 300 "$STACK_URL/" "$STACK_URL/monster/scale-down-{n}"
"$scripts/scale.sh" frontend=3
sleep 10  # the removed tasks finish their shutdown (delay 5s) under the load
measure_stop "scale frontend 6 -> 3" planned || fail "scaling down missed its targets"
pass "scaled up and back (the table at the end)"

step "6. broken image: automatic rollback (README step 6)"
"$scripts/rollback-drill.sh" --timeout 400
pass "Swarm rolled the broken frontend back (the table at the end)"

step "7. Redis password rotated under load (README step 7)"
if [ -n "$made_secret" ]; then
    measure_start 300 "$STACK_URL/" "$STACK_URL/monster/rotation-{n}"
    "$scripts/secret.sh" --rotate
    wait_until 60 "the visit counter with the new password" counter_shown
    measure_stop "Redis password rotated" planned || fail "the rotation missed its targets"
    pass "new password rolled out to Redis and the frontend, counter back: $(page_visits)"
else
    note "redis_password existed before the drill: not rotating someone else's secret"
fi

step "8. non-root tasks, page, monster PNG, Redis password, visit counter"
while read -r container; do
    name="$(docker inspect --format '{{index .Config.Labels "com.docker.swarm.service.name"}}' "$container")"
    uids="$(docker top "$container" -o pid,uid | awk 'NR > 1 { print $2 }' | sort -u | xargs)"
    info "$name runs as uid $uids"
    if [ "$name" = "${STACK_NAME}_docker-api" ]; then
        # The Docker socket's owner, without a single capability (stack/docker-compose.monitoring.yml).
        [[ "$(docker inspect --format '{{.HostConfig.CapDrop}}' "$container")" == *ALL* ]] \
            || fail "$name runs as root with capabilities"
        continue
    fi
    [[ " $uids " != *" 0 "* ]] || fail "$name runs a process as root"
done < <(docker ps -q --filter "label=com.docker.stack.namespace=$STACK_NAME")
pass "no task runs as root, but the Docker API proxy, without capabilities"
[ "$(status_of "$STACK_URL/")" = 200 ] || fail "page is not 200"
monster="$(page_monster)"
[ -n "$monster" ] || fail "no monster image on the page"
curl -sf --max-time 5 -o "$work/monster.png" "$STACK_URL$monster" || fail "$monster did not answer 200"
java "$scripts/lib/PngCheck.java" "$work/monster.png" | sed 's/^/    /' || fail "the monster is not a PNG"
pass "monster $monster decodes"
redis_image="$(service_image "${STACK_NAME}_redis")"
unauthenticated="$(docker run --rm --network "$network" "${redis_image%@*}" redis-cli -h redis ping 2>&1 || :)"
info "unauthenticated PING from another container: $unauthenticated"
[[ "$unauthenticated" == *NOAUTH* ]] || fail "Redis answered an unauthenticated PING"
pass "Redis refuses clients without the password"
health="$(curl -s --max-time 5 "$STACK_URL/healthz")"
info "frontend /healthz: $health"
[[ "$health" == *'"redis":"UP"'* ]] || fail "the frontend is not connected to Redis"
first="$(page_visits)"
second="$(page_visits)"
[ -n "$first" ] && [ "$second" -gt "$first" ] || fail "visit counter did not grow ($first, $second)"
pass "frontend authenticated to Redis, visit counter grows ($first -> $second)"

step "9-12. unplanned faults and a load burst (scripts/fault-drill.sh)"
"$scripts/fault-drill.sh"

step "12b. the stack's speed as deployed, through the edge (reported, not asserted: a shared machine)"
# 16 connections for 5 s each, the stack's own limits (3 frontends at 0.5 CPU, 2 backends at 0.3).
swarm_speed() {
    local label="$1" url="$2" json
    shift 2
    json="$(env "$@" wrk -t2 -c16 -d5s --timeout 5s -s "$scripts/bench/wrk-report.lua" "$url" | sed -n 's/^BENCH_JSON //p')"
    info "$label: $(python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print("%.0f req/s, p99 %.0f ms, %d errors, %d non-2xx" % (d["rps"], d["p99_ms"], d["socket_errors"], d["http_errors"]))' "$json")"
}
swarm_speed "cache hit (a monster already served)" "$STACK_URL$monster"
swarm_speed "page GET" "$STACK_URL/"
swarm_speed "cold (a never-seen monster each: backend + Redis)" "$STACK_URL/" BENCH_UNIQUE_PREFIX="/monster/speed-$$-"

step "13. docker stack rm + a plain docker stack deploy keeps the visit counter"
before="$(page_visits)"
info "visit counter before removal: $before"
"$scripts/cleanup.sh"
# The stack file as written, with only the override this kernel needs: no script in between.
(cd "$repo_dir" && docker stack deploy --resolve-image never -c stack/docker-compose.swarm.yml \
    -c stack/docker-compose.no-ipvs.yml "$STACK_NAME")
wait_converged 300 || fail "the plain docker stack deploy did not bring every task to healthy"
wait_until 60 "the page with its counter" counter_shown
after="$(page_visits)"
info "visit counter after redeploy: $after"
[ "$after" -gt "$before" ] || fail "visit counter lost ($before -> $after)"
pass "plain docker stack deploy: every task healthy, none pending; visit counter preserved by the AOF volume"
