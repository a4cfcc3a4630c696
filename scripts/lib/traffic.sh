# What the update, rollback and end-to-end drills measure; sourced after common.sh: a bounded curl
# loop (traffic_*), a sustained load (load_*), the edge's and the frontends' retries (retries_*),
# and all three around one operation (measure_*). docs/zero-downtime.md explains the figures.
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
                label="$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$body" 2> /dev/null)"  # gone when stopped mid-request
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
    if [ -n "$traffic_pid" ]; then
        kill "$traffic_pid" 2> /dev/null || :  # already ended by its own deadline
        wait "$traffic_pid" 2> /dev/null || :
        traffic_pid=
    fi
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
# requests flow. load_stop: stops it and sets $load_line, one line of key=value figures:
#   load: requests=N failed=N p50_ms=N p99_ms=N max_ms=N gap_ms=N keepalive=N newconn=N statuses=S:N,...
# (latency from each request's due time, so a stall counts; gap_ms is the longest time between
# two successes; status 0 is a connection error or timeout). Reused by the multi-node drill.
: "${LOAD_RATE:=200}"
load_log=
load_pid=
load_line=

load_start() {
    local rate="$1" seconds="$2"
    shift 2
    load_log="$(mktemp)"
    java "$repo_dir/scripts/lib/Load.java" "$rate" "$seconds" "$@" > "$load_log" 2>&1 &
    load_pid=$!
    wait_until 60 "the load to start" grep -q '^load: sending' "$load_log"
}

load_stop() {
    if [ -n "$load_pid" ]; then
        kill -TERM "$load_pid" 2> /dev/null || :  # already ended by its own deadline
        wait "$load_pid" 2> /dev/null || :        # its verdict is read from the line
        load_pid=
    fi
    grep '^load: failed' "$load_log" | head -n 5 | sed 's/^/    /' || :  # none failed
    load_line="$(grep '^load: requests=' "$load_log" || echo 'load: requests=0 failed=1')"
}

# load_figure <key>: one figure of $load_line, ie: load_figure p99_ms
load_figure() { printf '%s\n' "$load_line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# --- Retries: the edge's (HAProxy stats) and the frontends' (monsterstack_backend_retries_total) -
# retries_start: takes the edge's counters and the frontends' retry counters, and keeps sampling
# the latter every 2s (a frontend task replaced during the step takes its counter with it).
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

edge_container() { docker ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME}_edge" | head -n 1; }

# edge_counters: "<retries> <redispatches> <connection errors> <response errors> <client 5xx>",
# from the CSV of HAProxy's stats page (columns found by name); nothing without an edge.
edge_counters() {
    local edge
    edge="$(edge_container)"
    [ -n "$edge" ] || return 0
    docker exec "$edge" wget -q -O - 'http://127.0.0.1:8404/stats;csv' | awk -F, '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
        $1 == "frontend_tasks" && $2 == "BACKEND" {
            r = $col["wretr"]; d = $col["wredis"]; c = $col["econ"]; e = $col["eresp"] }
        $1 == "web" && $2 == "FRONTEND" { x = $col["hrsp_5xx"] }
        END { printf "%d %d %d %d %d\n", r, d, c, e, x }'
}

# frontend_retry_samples: "<container> <retries>" for every running frontend task.
frontend_retry_samples() {
    local container
    for container in $(docker ps -q --filter "label=com.docker.swarm.service.name=${STACK_NAME}_frontend"); do
        docker exec "$container" wget -q -T 2 -O - http://127.0.0.1:9000/q/metrics 2> /dev/null \
            | awk -v c="$container" '/^monsterstack_backend_retries_total/ { n += $NF } END { printf "%s %d\n", c, n }' \
            || :  # a task stopping right now: its last sample stands
    done
}

retries_start() {
    retries_dir="$(mktemp -d)"
    edge_counters > "$retries_dir/edge.before"
    frontend_retry_samples > "$retries_dir/frontend.before"
    (
        while :; do
            frontend_retry_samples
            sleep 2
        done
    ) > "$retries_dir/frontend.samples" &
    retries_pid=$!
}

retries_stop() {
    [ -n "$retries_dir" ] || return 0
    kill "$retries_pid" 2> /dev/null || :  # the sampler loop never ends by itself
    wait "$retries_pid" 2> /dev/null || :
    frontend_retry_samples >> "$retries_dir/frontend.samples"
    edge_counters > "$retries_dir/edge.after"
    local before after
    read -r -a before < "$retries_dir/edge.before" || before=(0 0 0 0 0)
    read -r -a after < "$retries_dir/edge.after" || after=(0 0 0 0 0)
    if [ "${#after[@]}" = 5 ] && [ "${#before[@]}" = 5 ]; then
        edge_retries=$(( after[0] - before[0] ))
        edge_errors=$(( after[2] - before[2] + after[3] - before[3] ))
        edge_5xx=$(( after[4] - before[4] ))
        info "edge: $(( after[0] - before[0] )) retried, $(( after[1] - before[1] )) redispatched," \
            "$edge_errors connection/response errors towards tasks, $edge_5xx 5xx answers to clients"
    else
        edge_retries=0 edge_errors=0 edge_5xx=0
        info "edge: none (routing mesh)"
    fi
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

# --- One measured step: curl loop + load + retries ------------------------------------------
# measure_start <seconds> <url>...: the curl loop on the URLs, the load on $STACK_URL
# ($LOAD_URLS to override, ie several nodes) and the retry counters, all at once.
# measure_stop <operation> planned|unplanned: stops them, prints the curl report, the load line
# and the retries, and appends a row to $MEASURE_TABLE when set (see measure_table). A planned
# operation fails (returns 1) on any failed or retried request; an unplanned one only reports.
# Sets $curl_failed, $failed_total (curl + load) and $retried_total (edge + frontends).
# A planned operation with any failure or retry is FAILED (measure_stop returns non-zero); with
# ZERO_DOWNTIME_STRICT=0 it is reported as MISSED instead and the drill goes on (CI, until the
# target holds on its machine: docs/zero-downtime.md).
: "${ZERO_DOWNTIME_STRICT:=1}"
curl_failed=0
failed_total=0
retried_total=0
measure_start() {
    local seconds="$1"
    shift
    local load_urls
    read -r -a load_urls <<< "${LOAD_URLS:-$STACK_URL}"
    retries_start
    load_start "$LOAD_RATE" "$(( seconds + 30 ))" "${load_urls[@]}"
    traffic_start "$seconds" "$@"
}

measure_stop() {
    local operation="$1" kind="$2" curl_summary curl_requests curl_gap verdict=ok
    traffic_stop
    load_stop
    retries_stop
    info "curl loop:"
    traffic_report > "$traffic_log.report" || :  # judged below with the other figures
    cat "$traffic_log.report"
    curl_summary="$(sed -n 's/.*summary: //p' "$traffic_log.report")"
    read -r curl_requests curl_failed curl_gap < <(printf '%s\n' "$curl_summary" \
        | sed -E 's/^([0-9]+) requests.* ([0-9]+) failed.* ([0-9]+) ms$/\1 \2 \3/')
    info "$load_line"
    failed_total=$(( curl_failed + $(load_figure failed) ))
    retried_total=$(( edge_retries + frontend_retries ))
    local failed="$failed_total" retried="$retried_total"
    if [ "$kind" = planned ] && (( failed > 0 || retried > 0 )); then
        verdict=FAILED
        [ "$ZERO_DOWNTIME_STRICT" = 1 ] || verdict=MISSED
    elif (( failed > 0 || retried > 0 )); then
        verdict=reported
    fi
    if [ -n "${MEASURE_TABLE:-}" ]; then
        printf '| %s | %s | %s | %s | %s | %s | %s/%s | %s | %s | %s |\n' "$operation" "$kind" \
            "$(load_figure requests)" "$(load_figure failed)" "$curl_requests" "$curl_failed" \
            "$edge_retries" "$frontend_retries" "$(load_figure p99_ms)" \
            "$(load_figure gap_ms) / $curl_gap" "$verdict" >> "$MEASURE_TABLE"
    fi
    info "$operation ($kind): $failed failed, $retried retried (edge $edge_retries, frontends $frontend_retries): $verdict"
    [ "$verdict" != FAILED ]
}

# measure_abort: stops whatever measure_start started, without a verdict (for traps).
measure_abort() {
    traffic_stop
    [ -z "$load_pid" ] || kill -TERM "$load_pid" 2> /dev/null || :    # may have ended by itself
    [ -z "$retries_pid" ] || kill "$retries_pid" 2> /dev/null || :  # idem
    load_pid= retries_pid=
}

# measure_table: the rows of $MEASURE_TABLE under their header (markdown).
measure_table() {
    printf '| operation | kind | load requests | load failed | curl requests | curl failed | retries edge/frontend | p99 ms | longest gap ms load / curl | verdict |\n'
    printf '|---|---|---|---|---|---|---|---|---|---|\n'
    cat "$MEASURE_TABLE"
}
