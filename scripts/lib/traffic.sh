# Bounded curl loop for the update, rollback and end-to-end scripts; sourced after common.sh.
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
                label="$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$body")"
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
