# What the update, rollback and end-to-end drills measure; sourced after common.sh: a bounded curl
# loop (traffic_*), a sustained load (load_*), an independent client on the stack's own network
# (independent_*), the edge's and the frontends' retries (retries_*), all of them around one
# operation (measure_*), and what the drills share (the page's fields, task containers, verdicts).
# docs/zero-downtime.md explains the figures.
#
# traffic_start <seconds> <url>...: in the background, for at most <seconds> (or until
# traffic_stop), requests each <url> in turn ("{n}" becomes the round number, so that
# /monster/x-{n} is a never-seen monster reaching the backend and Redis), about 5 rounds a
# second, logging one line per request: "<epoch ms> <status> <label>", the label being the
# page title (plus "[counter disabled]" when the page says so), "png" or "-".
# traffic_report: prints each page label seen with when it was first and last seen (the
# version moving from old to new), the failures and a summary; returns 1 when any failed.

traffic_log=
traffic_pid=

pass() { info "ok: $*"; }
fail() { error "$*"; exit 1; }

# page [base URL]: the page at $STACK_URL (or the URL); page_title, page_visits, page_monster:
# its title, visit counter (none while Redis is down) and monster image path, empty when missing.
page() { curl -s --max-time 5 "${1:-$STACK_URL}/"; }
title_in() { sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$@"; }
page_title() { page "$@" | title_in; }
page_visits() { page "$@" | sed -n 's:.*<dt>Visits</dt><dd>\([0-9][0-9]*\)</dd>.*:\1:p'; }
page_monster() { page "$@" | sed -n 's:.*<img src="\(/monster/[^"]*\)".*:\1:p'; }
counter_shown() { [ -n "$(page_visits "$@")" ]; }
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1"; }

# drill_table <title>: the measured steps so far ($MEASURE_TABLE) under a step title, if any.
drill_table() {
    [ -s "${MEASURE_TABLE:-}" ] || return 0
    step "$1"
    measure_table
}

# drill_verdict <drill> <exit code> <$SECONDS at its start>: the drill's last line.
drill_verdict() {
    if [ "$2" = 0 ]; then
        step "$1 PASSED in $(( SECONDS - $3 ))s"
    else
        step "$1 FAILED (exit $2) after $(( SECONDS - $3 ))s"
    fi
}

# task_containers <service>: the containers of the stack service's tasks on this engine.
task_containers() { docker ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME}_$1"; }
# task_ips <container>...: their addresses on the stack's network.
task_ips() { docker inspect --format "{{(index .NetworkSettings.Networks \"${STACK_NAME}_monster_network\").IPAddress}}" "$@"; }

# on_each_engine <command...>: runs the command against each engine of $DRILL_ENGINES (DOCKER_HOST
# values: every node of a multi-node swarm runs tasks of its own), or once against this one.
on_each_engine() {
    local engine
    [ -n "${DRILL_ENGINES:-}" ] || { "$@"; return; }
    for engine in $DRILL_ENGINES; do
        DOCKER_HOST="$engine" "$@" || :  # a node down: nothing to ask it
    done
}

# every_2s <command...>: runs the command every 2 s in the background, until stop_job "$!".
every_2s() {
    while :; do
        "$@"
        sleep 2
    done &
}

# stop_job <pid>: stops a background job of this script, already ended or not.
stop_job() {
    kill "$1" 2> /dev/null || :
    wait "$1" 2> /dev/null || :
}

traffic_start() {
    local seconds="$1"
    shift
    traffic_log="$(mktemp)"
    (
        local deadline=$(( SECONDS + seconds )) body url reply label round=0
        body="$(mktemp)"
        trap 'rm -f "$body"' EXIT
        while (( SECONDS < deadline )); do
            round=$(( round + 1 ))
            for url; do
                : > "$body"
                reply="$(curl -s -o "$body" -w '%{http_code} %{content_type}' --max-time 5 "${url//\{n\}/$round}" || :)"
                label="$(title_in "$body" 2> /dev/null)"  # gone when stopped mid-request
                if [ -n "$label" ]; then
                    ! grep -q 'counter disabled' "$body" || label+=' [counter disabled]'
                elif [[ "$reply" == *image/png* ]]; then
                    label=png
                fi
                printf '%s %s %s\n' "$(date +%s%3N)" "${reply%% *}" "$(echo "${label:--}" | tr ' ' '_')"
            done
            sleep 0.1
        done
    ) > "$traffic_log" &
    traffic_pid=$!
}

traffic_stop() {
    [ -z "$traffic_pid" ] || stop_job "$traffic_pid"
    traffic_pid=
}

traffic_report() {
    awk '
        { t = $1; ok = ($2 >= 200 && $2 < 400) }
        NR == 1 { first = t; last_ok = t }
        ok {
            if (t - last_ok > gap) gap = t - last_ok
            last_ok = t
        }
        ok && $3 != "png" && $3 != "-" {
            if (!($3 in seen)) { titles[++n] = $3; seen[$3] = t }
            until[$3] = t
            pages[$3]++
            final = $3
        }
        !ok && failed++ < 20 { printf "    %6.1fs  FAILED: status %s (%s)\n", (t - first) / 1000, $2, $3 }
        END {
            for (i = 1; i <= n; i++) {
                shown = titles[i]
                gsub("_", " ", shown)
                printf "    title \"%s\": %d pages, from %.1fs to %.1fs\n", shown, pages[titles[i]],
                    (seen[titles[i]] - first) / 1000, (until[titles[i]] - first) / 1000
            }
            gsub("_", " ", final)
            printf "    last title: %s\n", final
            printf "    summary: %d requests in %.0fs, %d failed, longest gap between successes %d ms\n",
                NR, (t - first) / 1000, failed, gap
            exit (failed > 0 || NR == 0)
        }
    ' "$traffic_log"
}

# --- Sustained load (scripts/lib/Load.java) --------------------------------------------------
# load_start <rate> <seconds> <url>...: in the background, <rate> requests a second for at most
# <seconds> (or until load_stop) over the base URLs: page GET, form POST, a cached and a new
# monster, half on keep-alive connections and half on a new connection each; returns once the
# requests flow, and prints its live line every second (time, requests, failures, p99, the
# versions that answered with their share; LOAD_LIVE= turns it off). load_stop: stops it and
# sets $load_line, one line of key=value figures:
#   load: requests=N failed=N p50_ms=N p99_ms=N max_ms=N gap_ms=N keepalive=N newconn=N statuses=S:N,...
# (latency from each request's due time, so a stall counts; gap_ms is the longest time between
# two successes; status 0 is a connection error or timeout). A <rate> of 0 sends nothing.
: "${LOAD_RATE:=200}"
load_log=
load_pid=
load_live_pid=
load_line=

load_start() {
    local rate="$1" seconds="$2"
    shift 2
    load_log="$(mktemp)"
    if (( rate == 0 )); then
        echo 'load: requests=0 failed=0 p99_ms=0 gap_ms=0' > "$load_log"
        return 0
    fi
    # C1 and a serial GC: the load generator leaves the two cores to what it measures.
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$repo_dir/scripts/lib/Load.java" "$rate" "$seconds" "$@" > "$load_log" 2>&1 &
    load_pid=$!
    wait_until 60 "the load to start" grep -q '^load: sending' "$load_log"
    # The seed's "while true; do curl ... | grep title; done", readable: a line a second.
    if [ -n "${LOAD_LIVE-1}" ]; then
        tail -n +1 -f --pid "$load_pid" "$load_log" | grep --line-buffered '^live: ' | sed -u 's/^/    /' &
        load_live_pid=$!
    fi
}

load_stop() {
    [ -z "$load_pid" ] || stop_job "$load_pid"  # its verdict is read from the line
    load_pid=
    [ -z "$load_live_pid" ] || kill "$load_live_pid" 2> /dev/null || :  # ends with the load anyway
    load_live_pid=
    grep '^load: failed' "$load_log" | head -n 5 | sed 's/^/    /' || :  # none failed
    load_line="$(grep '^load: requests=' "$load_log" || echo 'load: requests=0 failed=1')"
}

# load_figure <key>: one figure of $load_line, ie: load_figure p99_ms
load_figure() { printf '%s\n' "$load_line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# --- The independent client: on the stack's own network, no edge, no retries -----------------
# independent_start <seconds>: in a container attached to the stack's overlay network, a shell
# loop (busybox wget, bounded by busybox timeout: its own -T crashes; no retries, a new connection
# and a new DNS lookup each) requests the page
# and a never-seen monster from frontend:5000 by Docker's DNS, ~5 rounds a second, for at most
# <seconds>. independent_stop: stops it and sets $independent_requests, $independent_failed,
# $independent_gap_ms (longest time between two successes) and $independent_p99_ms. Without a
# stack network (another stack name, no swarm) there is no such client and the figures are 0.
independent_container=
independent_requests=0
independent_failed=0
independent_gap_ms=0
independent_p99_ms=0

independent_start() {
    local seconds="$1" network="${STACK_NAME}_monster_network"
    independent_container=
    docker network inspect "$network" > /dev/null 2>&1 || return 0
    # The frontend's own image has busybox sh and wget, and is on every node running the stack.
    independent_container="$(docker run -d --network "$network" --label "io.monsterstack.client=$STACK_NAME" \
        -e SECONDS_LEFT="$seconds" --entrypoint sh "$(service_image "${STACK_NAME}_frontend")" -c '
            now() { read -r up idle < /proc/uptime; echo "$up"; }
            end=$(( SECONDS_LEFT + $(now | busybox cut -d . -f 1) )) n=0
            while [ "$(now | busybox cut -d . -f 1)" -lt "$end" ]; do
                n=$((n + 1))
                for path in / "/monster/independent-$HOSTNAME-$n"; do
                    started=$(now)
                    if busybox timeout 5 wget -q -O /dev/null "http://frontend:5000$path"; then
                        result=ok
                    else
                        result=failed
                    fi
                    echo "$started $(now) $result $path"
                done
                busybox sleep 0.1
            done')"
}

independent_stop() {
    independent_requests=0 independent_failed=0 independent_gap_ms=0 independent_p99_ms=0
    [ -n "$independent_container" ] || return 0
    local log
    log="$(mktemp)"
    docker logs "$independent_container" > "$log" 2>&1 || :  # a client gone: its figures are what it logged
    docker rm -f "$independent_container" > /dev/null 2>&1 || :
    independent_container=
    # Lines: "<start s> <end s> ok|failed <path>", times in hundredths of a second (/proc/uptime).
    read -r independent_requests independent_failed independent_gap_ms < <(awk '
        $3 == "ok" || $3 == "failed" { n++ }
        $3 == "failed" { failed++ }
        $3 == "ok" { if (last != "" && ($2 - last) * 1000 > gap) gap = ($2 - last) * 1000; last = $2 }
        END { printf "%d %d %d\n", n, failed, gap }' "$log")
    independent_p99_ms="$(awk '$3 == "ok" || $3 == "failed" { print int(($2 - $1) * 1000) }' "$log" | sort -n \
        | awk '{ v[NR] = $1 } END { i = int(0.99 * NR + 0.999); print NR ? v[i < 1 ? 1 : i] : 0 }')"
    grep -v ' ok ' "$log" | head -n 5 | sed 's/^/    independent client: /' || :  # none failed
    rm -f "$log"
    info "independent client (frontend:5000 on the stack network, no edge, no retries): $independent_requests requests, $independent_failed failed, p99 ${independent_p99_ms} ms, longest gap ${independent_gap_ms} ms"
}

# --- Retries: the edge's (HAProxy stats) and the frontends' (monsterstack_backend_retries_total) -
# retries_start: takes the edge's counters and the frontends' retry counters, and keeps sampling
# the latter every 2s (a frontend task replaced during the step takes its counter with it), on
# every engine (on_each_engine).
# retries_stop: sets $edge_retries (retries; a redispatch is a retry sent to another task, which
# HAProxy counts in both columns, so it is not added twice), $edge_errors (connection and
# response errors towards the tasks), $edge_5xx (5xx answers the clients got) and
# $frontend_retries (backend calls retried by every frontend task), and prints them.
retries_dir=
retries_pid=
edge_retries=0
edge_errors=0
edge_5xx=0
frontend_retries=0

# edge_counters: "<engine> <retries> <redispatches> <connection errors> <response errors> <client
# 5xx>" per engine with an edge, from the CSV of HAProxy's stats page (columns found by name).
edge_counters() { on_each_engine edge_counters_here; }
edge_counters_here() {
    local edge
    edge="$(task_containers edge | head -n 1)"
    [ -n "$edge" ] || return 0
    docker exec "$edge" wget -q -O - 'http://127.0.0.1:8404/stats;csv' | awk -F, -v engine="${DOCKER_HOST:-local}" '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == "frontend_tasks" && $2 == "BACKEND" {
            r = $col["wretr"]; d = $col["wredis"]; c = $col["econ"]; e = $col["eresp"] }
        $1 == "web" && $2 == "FRONTEND" { x = $col["hrsp_5xx"] }
        END { printf "%s %d %d %d %d %d\n", engine, r, d, c, e, x }'
}

# frontend_retry_samples: "<container> <retries>" for every running frontend task.
frontend_retry_samples() { on_each_engine frontend_retry_samples_here; }
frontend_retry_samples_here() {
    local container
    for container in $(task_containers frontend); do
        docker exec "$container" busybox timeout 2 wget -q -O - http://127.0.0.1:9000/q/metrics 2> /dev/null \
            | awk -v c="$container" '/^monsterstack_backend_retries_total/ { n += $NF } END { printf "%s %d\n", c, n }' \
            || :  # a task stopping right now: its last sample stands
    done
}

retries_start() {
    retries_dir="$(mktemp -d)"
    edge_counters > "$retries_dir/edge.before"
    # With Prometheus on the stack, it counts the frontends' retries (server_stop); each sample
    # here is a docker exec in every frontend task, tens of ms of CPU each.
    if prometheus_up; then
        retries_pid=
        return 0
    fi
    frontend_retry_samples > "$retries_dir/frontend.before"
    every_2s frontend_retry_samples > "$retries_dir/frontend.samples"
    retries_pid=$!
}

retries_stop() {
    [ -n "$retries_dir" ] || return 0
    edge_counters > "$retries_dir/edge.after"
    local delta
    # Summed over the engines whose edge answered both times (a node lost meanwhile takes its own).
    read -r -a delta < <(awk 'NR == FNR { for (i = 2; i <= 6; i++) b[$1, i] = $i; seen[$1] = 1; next }
        $1 in seen { n++; for (i = 2; i <= 6; i++) d[i] += $i - b[$1, i] }
        END { if (n) printf "%d %d %d %d %d\n", d[2], d[3], d[4], d[5], d[6] }' \
        "$retries_dir/edge.before" "$retries_dir/edge.after") || :  # no edge answered
    if [ "${#delta[@]}" = 5 ]; then
        edge_retries="${delta[0]}"
        edge_errors=$(( delta[2] + delta[3] ))
        edge_5xx="${delta[4]}"
        info "edge: $edge_retries retried, ${delta[1]} redispatched," \
            "$edge_errors connection/response errors towards tasks, $edge_5xx 5xx answers to clients"
    else
        edge_retries=0 edge_errors=0 edge_5xx=0
        info "edge: none (routing mesh)"
    fi
    if [ -z "$retries_pid" ]; then  # counted by Prometheus (server_stop)
        rm -rf "$retries_dir"
        retries_dir=
        return 0
    fi
    stop_job "$retries_pid"  # the sampler loop never ends by itself
    retries_pid=
    frontend_retry_samples >> "$retries_dir/frontend.samples"
    # Per task: the last sample minus the one at the start (0 for a task started meanwhile).
    frontend_retries="$(awk '
        FILENAME ~ /before$/ { base[$1] = $2; next }
        { last[$1] = $2 }
        END { for (c in last) n += last[c] - base[c]; print n + 0 }
    ' "$retries_dir/frontend.before" "$retries_dir/frontend.samples")"
    info "frontends: $frontend_retries backend calls retried ($(awk '{ print $1 }' "$retries_dir/frontend.samples" | sort -u | wc -l) tasks sampled)"
    rm -rf "$retries_dir"
    retries_dir=
}

# --- What the healthchecks saw: the worst cases that size them ------------------------------
# health_start: samples every 2 s the last healthcheck results Docker keeps for each frontend and
# image backend task (start, end, exit code). health_stop: prints how many checks ran, how many
# failed, the slowest one, the slowest start to healthy of a task started during the step, and the
# longest event-loop stall the tasks logged (Vert.x warns past 2 s), and sets $health_slowest_ms,
# $health_start_ms and $stall_longest_ms.
health_dir=
health_pid=
health_started=
health_slowest_ms=0
health_start_ms=0
stall_longest_ms=0

app_containers() {
    task_containers frontend
    task_containers imagebackend
}

# health_samples: the healthcheck log of every app task on every engine.
health_samples() {
    app_containers | xargs -r docker inspect --format \
        '{{$c := .Name}}{{$s := .State.StartedAt}}{{if .State.Health}}{{range .State.Health.Log}}{{$c}} {{.Start.UnixMilli}} {{.End.UnixMilli}} {{.ExitCode}} {{$s}}{{"\n"}}{{end}}{{end}}' \
        2> /dev/null || :  # a task gone meanwhile
}

health_start() {
    health_dir="$(mktemp -d)"
    health_started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    every_2s on_each_engine health_samples > "$health_dir/checks"
    health_pid=$!
}

health_stop() {
    [ -n "$health_dir" ] || return 0
    stop_job "$health_pid"  # the sampler never ends by itself
    local checks failed service since
    since="$(date -d "$health_started" +%s%3N)"
    # Lines: container, check start and end (ms), exit code, the container's start (RFC 3339, which
    # the template cannot turn into a number: date does, for all lines at once). A task started
    # during the step is healthy at its first passing check: the slowest such start is what
    # start_period must cover.
    sort -u "$health_dir/checks" > "$health_dir/unique"
    cut -d ' ' -f 5 "$health_dir/unique" | date -f - +%s%3N | paste -d ' ' <(cut -d ' ' -f 1-4 "$health_dir/unique") - \
        > "$health_dir/timed"
    read -r checks failed health_slowest_ms health_start_ms < <(awk -v since="$since" '
        NF == 5 { n++; if ($4 != 0) failed++; if ($3 - $2 > slowest) slowest = $3 - $2 }
        NF == 5 && $4 == 0 && $5 >= since && (!($1 in healthy) || $3 < healthy[$1]) { healthy[$1] = $3; started[$1] = $5 }
        END {
            for (c in healthy) if (healthy[c] - started[c] > start) start = healthy[c] - started[c]
            printf "%d %d %d %d\n", n, failed, slowest, start
        }' "$health_dir/timed")
    for service in frontend imagebackend; do
        # Bounded: "docker service logs" was seen to hang after a task's container was gone.
        timeout 20 docker service logs --since "$health_started" "${STACK_NAME}_$service" 2>&1 \
            | sed -n 's/.*has been blocked for \([0-9]*\) ms.*/\1/p' || :  # no logs yet, or cut short
    done > "$health_dir/stalls"
    stall_longest_ms="$(sort -n "$health_dir/stalls" | tail -n 1)"
    stall_longest_ms="${stall_longest_ms:-0}"
    info "healthchecks: $checks run, $failed failed (a starting task's 503s among them), slowest ${health_slowest_ms} ms;" \
        "slowest new task to healthy ${health_start_ms} ms; event loops blocked over 2 s: $(wc -l < "$health_dir/stalls") times, longest ${stall_longest_ms} ms"
    rm -rf "$health_dir"
    health_dir=
}

# --- What the servers counted, against the clients -------------------------------------------
# With Prometheus on the stack (deploy.sh --monitoring; $PROMETHEUS_URL answers), server_start
# notes when the step starts; server_stop waits for the scrapes that follow the clients' last
# request and sets $server_requests and $server_5xx: the requests the frontends answered in the
# step (each task's counter at its last scrape minus its value at the start, or all of it for a
# task started meanwhile; Swarm's /healthz probes left out), their 5xx, and $frontend_retries.
# $server_requests is empty without Prometheus.
server_started=
server_requests=
server_5xx=

prometheus_up() { curl -sf -o /dev/null --max-time 2 "$PROMETHEUS_URL/-/ready"; }

server_start() {
    server_started=
    prometheus_up || return 0
    server_started="$(date +%s)"
}

# server_query <PromQL> <time>: the one value of an instant query, 0 when it has no series.
server_query() {
    curl -sf --max-time 10 "$PROMETHEUS_URL/api/v1/query" --data-urlencode "query=$1" --data-urlencode "time=$2" \
        | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(round(float(r[0]["value"][1])) if r else 0)'
}

# window_increase <series>: PromQL for how much the counters <series> grew in the last $window
# seconds, over the tasks that came and went meanwhile.
window_increase() {
    printf 'sum((max_over_time(%s[%ss]) - %s offset %ss) or max_over_time(%s[%ss]))' \
        "$1" "$window" "$1" "$window" "$1" "$window"
}

server_stop() {
    server_requests='' server_5xx=''
    [ -n "$server_started" ] || return 0
    sleep 8  # a scrape (every 5 s) after the clients' last request
    local ended window requests='http_server_requests_seconds_count{service="frontend",uri!="/healthz"}'
    ended="$(date +%s)"
    window=$(( ended - server_started ))
    server_requests="$(server_query "$(window_increase "$requests")" "$ended")" || server_requests=
    server_5xx="$(server_query "$(window_increase "${requests%\}},status=~\"5..\"}")" "$ended")" || server_5xx=
    frontend_retries="$(server_query "$(window_increase 'monsterstack_backend_retries_total{service="frontend"}')" "$ended")" \
        || frontend_retries=0
    info "frontends: $frontend_retries backend calls retried (Prometheus)"
    server_started=
}

# --- One measured step: curl loop + load + independent client + retries ---------------------
# measure_start <seconds> <url>...: the curl loop on the URLs, the load on $STACK_URL
# ($LOAD_URLS to override, ie several nodes), the independent client, the retry counters, the
# healthchecks' sampler and, with Prometheus on the stack, the servers' own count, all at once;
# returns after $MEASURE_LEAD_SECONDS (5) of traffic.
# measure_stop <operation> planned|unplanned: stops them, prints the curl report, the load line,
# the independent client's figures and the retries, and appends a row to $MEASURE_TABLE when set
# (see measure_table). A planned operation is FAILED (returns 1) on any failed or retried request
# of any of the three clients, a load p99 over $MAX_P99_MS (500), a curl loop gap over
# $MAX_GAP_MS (1000), or, with Prometheus and no failed request, servers that answered a 5xx or
# counted requests more than 5 % apart from the clients' (a figure is wrong somewhere); with
# ZERO_DOWNTIME_STRICT=0 it is reported as MISSED and the caller goes on.
# An unplanned operation only reports. Sets $curl_failed, $failed_total (all three clients) and
# $retried_total (edge + frontends).
: "${ZERO_DOWNTIME_STRICT:=1}"
: "${MAX_P99_MS:=500}"
: "${MAX_GAP_MS:=1000}"
curl_failed=0
failed_total=0
retried_total=0
measure_start() {
    local seconds="$1"
    shift
    local load_urls
    read -r -a load_urls <<< "${LOAD_URLS:-$STACK_URL}"
    retries_start
    health_start
    server_start
    independent_start "$(( seconds + 30 ))"
    load_start "$LOAD_RATE" "$(( seconds + 30 ))" "${load_urls[@]}"
    traffic_start "$seconds" "$@"
    # The clients run a few seconds before the operation, as the exercise's loop does: what they
    # see of the operation is not mixed with their own first seconds.
    sleep "${MEASURE_LEAD_SECONDS:-5}"
}

measure_stop() {
    local operation="$1" kind="$2" curl_summary curl_requests curl_gap verdict=ok missed=()
    traffic_stop
    load_stop
    independent_stop
    retries_stop
    health_stop
    server_stop
    info "curl loop:"
    traffic_report > "$traffic_log.report" || :  # judged below with the other figures
    cat "$traffic_log.report"
    curl_summary="$(sed -n 's/.*summary: //p' "$traffic_log.report")"
    read -r curl_requests curl_failed curl_gap < <(printf '%s\n' "$curl_summary" \
        | sed -E 's/^([0-9]+) requests.* ([0-9]+) failed.* ([0-9]+) ms$/\1 \2 \3/')
    info "$load_line"
    failed_total=$(( curl_failed + $(load_figure failed) + independent_failed ))
    retried_total=$(( edge_retries + frontend_retries ))
    (( failed_total == 0 )) || missed+=("$failed_total failed")
    (( retried_total == 0 )) || missed+=("$retried_total retried")
    local p99 clients
    if [ -n "$server_requests" ] && [ -n "$server_5xx" ]; then
        clients=$(( $(load_figure requests) + curl_requests + independent_requests ))
        info "servers (Prometheus): $server_requests requests answered, $server_5xx 5xx; clients: $clients requests, $failed_total failed"
        (( failed_total > 0 || server_5xx == 0 )) || missed+=("the servers answered $server_5xx 5xx, the clients saw none fail")
        (( failed_total > 0 || 20 * (server_requests - clients) <= clients && 20 * (clients - server_requests) <= clients )) \
            || missed+=("the servers counted $server_requests requests, the clients $clients (more than 5 % apart)")
    fi
    p99="$(load_figure p99_ms)"
    (( ${p99:-0} <= MAX_P99_MS )) || missed+=("load p99 $p99 ms > $MAX_P99_MS")
    (( ${curl_gap:-0} <= MAX_GAP_MS )) || missed+=("curl gap $curl_gap ms > $MAX_GAP_MS")
    if [ "${#missed[@]}" -gt 0 ]; then
        if [ "$kind" = planned ]; then
            verdict=FAILED
            [ "$ZERO_DOWNTIME_STRICT" = 1 ] || verdict=MISSED
        else
            verdict=reported
        fi
    fi
    if [ -n "${MEASURE_TABLE:-}" ]; then
        printf '| %s | %s | %s / %s | %s / %s | %s / %s | %s | %s/%s | %s | %s / %s / %s | %s |\n' "$operation" "$kind" \
            "$(load_figure failed)" "$(load_figure requests)" "$curl_failed" "$curl_requests" \
            "$independent_failed" "$independent_requests" "${server_requests:--} / ${server_5xx:--}" \
            "$edge_retries" "$frontend_retries" \
            "$(load_figure p99_ms)" "$(load_figure gap_ms)" "$curl_gap" "$independent_gap_ms" \
            "$verdict" >> "$MEASURE_TABLE"
    fi
    info "$operation ($kind): $failed_total failed, $retried_total retried (edge $edge_retries, frontends $frontend_retries), load p99 $(load_figure p99_ms) ms, curl gap $curl_gap ms: $verdict${missed[*]:+ (${missed[*]})}"
    [ "$verdict" != FAILED ]
}

# measure_abort: stops whatever measure_start started, without a verdict (for traps).
measure_abort() {
    traffic_stop
    [ -z "$load_pid" ] || kill -TERM "$load_pid" 2> /dev/null || :    # may have ended by itself
    [ -z "$retries_pid" ] || kill "$retries_pid" 2> /dev/null || :  # idem
    [ -z "$independent_container" ] || docker rm -f "$independent_container" > /dev/null 2>&1 || :  # idem
    [ -z "$health_pid" ] || kill "$health_pid" 2> /dev/null || :  # idem
    load_pid='' retries_pid='' independent_container='' health_pid='' server_started=''
}

# measure_table: the rows of $MEASURE_TABLE under their header (markdown).
measure_table() {
    printf '| operation | kind | load failed / requests | curl failed / requests | independent failed / requests | servers: requests / 5xx | retries edge/frontend | load p99 ms | longest gap ms load / curl / independent | verdict |\n'
    printf '|---|---|---|---|---|---|---|---|---|---|\n'
    cat "$MEASURE_TABLE"
}

# measured_update <operation> <service> <image> <timeout> <min seconds> <wanted state>: the
# rolling update of <service> (update_image) under measure_start on the page and new monsters at
# $STACK_URL, the traffic kept going at least <min seconds>, then measure_stop as planned; dies
# unless Swarm ended in <wanted state> and no request failed or was retried.
measured_update() {
    local operation="$1" service="$2" image="$3" timeout="$4" min_duration="$5" wanted="$6" started clean=1
    measure_start "$(( timeout + min_duration ))" "$STACK_URL/" "$STACK_URL/monster/traffic-$$-{n}"
    trap measure_abort EXIT
    started=$SECONDS
    update_image "$service" "$image" "$timeout"
    # Keep the traffic going for the minimum duration: before, during and after the update.
    while (( SECONDS - started < min_duration )); do sleep 1; done
    info "after $(( SECONDS - started ))s $service runs $(service_image "$service"); traffic seen:"
    measure_stop "$operation" planned || clean=
    [ "$final_state" = "$wanted" ] || die "update ended '$final_state', not '$wanted'"
    [ -n "$clean" ] || die "requests failed or were retried during: $operation"
}
