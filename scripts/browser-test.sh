#!/usr/bin/env bash
# Real-browser test: starts Redis, the image backend and the frontend from the packaged jars on
# free loopback ports, and Prometheus (Debian's) scraping them with the stack's rules and
# console, then drives Debian's Chromium (through playwright-core) at desktop and phone sizes,
# on the site and on the MonsterStack console. Screenshots land in frontend/target/browser/.
set -Eeuo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat <<EOF
usage: $self [--readme-screenshot] [--prometheus URL] [-h|--help]

Checks that the tutorial's "curl -X POST -d name=Docker" answers with Docker's page, then in
Chromium at 1280x800, 390x844 and 320x640 (and a sweep of widths from 320 to 1920 px): no
sideways scrolling, the monster loads and decodes at the backend's size, the form lands on a
shareable /?name= address with that name's monster, GET /?name= works, keyboard focus shows,
no console errors, no request leaves the site. Then Prometheus' MonsterStack console
(/consoles/monsterstack.html, images/prometheus/) at 1440x900 and 390x844, once the rules have
data: every chart drawn (requests and p99 by version, 5xx, backend calls, cache layers, visits,
per task), the map with each task on its node, version and health, the task table, the map
refreshed in place, no console error, no refused request, no request leaving Prometheus.
Prints one line per check, then "N passed, N failed". Installs chromium, redis-server and
prometheus (Debian) and playwright-core (npm ci) when missing; builds the jars when they are
missing.

  --readme-screenshot   also save the desktop card, with a rim of background, as docs/screenshot.png
  --prometheus URL      only the console, of a running Prometheus (the stack's, deployed with
                        scripts/deploy.sh --monitoring, with traffic): nothing is started; with
                        --readme-screenshot its desktop page is saved as docs/monitoring.png

Examples:
  $self
  $self --readme-screenshot
  $self --prometheus http://127.0.0.1:9090 --readme-screenshot
EOF
}

# shellcheck source=scripts/lib/local-processes.sh
source "$here/lib/local-processes.sh"

readme_screenshot=no
prometheus_url=
option() {
    case "$1" in
        --readme-screenshot) readme_screenshot=yes ;;
        --prometheus) prometheus_url="${2-}"; return 2 ;;
        *) return 1 ;;
    esac
}
parse_options "$@"

browser_dir="$repo_dir/browser-test"
out_dir="$repo_dir/frontend/target/browser"
# The default salt, so that the screenshots show the monsters a visitor sees.
salt=UNIQUE_SALT
monster_size=100

# start_prometheus DIR PORT: Debian's Prometheus with the image's rules, console and assets
# (images/prometheus/), scraping the two local services on their management ports every 5 s.
# The labels Swarm's discovery gives each task in the stack are given here by hand.
start_prometheus() {
    local dir="$1" port="$2" own="$repo_dir/images/prometheus" node
    node="$(hostname)"
    cat > "$dir/prometheus.yml" <<EOF
global: {scrape_interval: 5s, scrape_timeout: 4s, evaluation_interval: 5s}
rule_files: ["$own/rules/*.rules.yml"]
scrape_configs:
  - job_name: monsterstack
    metrics_path: /q/metrics
    honor_labels: true
    static_configs:
      - targets: ["127.0.0.1:${management_ports[frontend]}"]
        labels: {service: frontend, slot: "1", node: "$node", version: local, task: local0000001, instance: frontend.1.local0000001}
      - targets: ["127.0.0.1:${management_ports[imagebackend]}"]
        labels: {service: imagebackend, slot: "1", node: "$node", version: local, task: local0000002, instance: imagebackend.1.local0000002}
EOF
    setsid prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/prometheus-data" \
        --web.listen-address="127.0.0.1:$port" --web.console.templates="$own/consoles" \
        --web.console.libraries="$own/console_libraries" --web.user-assets="$own/assets" \
        > "$dir/prometheus.log" 2>&1 &
    prometheus_pid=$!
    wait_http "http://127.0.0.1:$port/-/ready" 30 "$prometheus_pid" \
        || { error "Prometheus did not start; $(tail -n 3 "$dir/prometheus.log")"; return 1; }
}

# console_has_data PORT: every recording the console draws has a value for both local tasks, and
# had one at an earlier evaluation too: a chart draws a line only from two points on.
console_has_data() {
    local query='count(count_over_time(task:http_requests:rate1m[1m]) >= 2) == 2
        and on() count(task:http_request_duration_seconds:p99_1m >= 0) == 2
        and on() count(count_over_time(task:http_request_duration_seconds:p99_1m[1m]) >= 2) == 2
        and on() count(count_over_time(layer:monster_lookups:rate1m[1m]) >= 2) > 0
        and on() count(count_over_time(monsterstack:visits:rate1m[1m]) >= 2) > 0
        and on() count(count_over_time(service:http_requests_5xx:ratio_rate1m[1m]) >= 2) == 2'
    curl -fs "http://127.0.0.1:$1/api/v1/query" --data-urlencode "query=$query" | grep -q '"value"'
}

# console_test: the console of Prometheus at $1, its desktop page saved as $2 when given.
console_test() {
    PROMETHEUS_URL="$1" SCREENSHOT="${2:-}" OUT_DIR="$out_dir" CHROMIUM=/usr/bin/chromium \
        node "$browser_dir/console.mjs"
}

step "packages: chromium, redis-server, prometheus, node; playwright-core from browser-test/package-lock.json"
ensure_packages chromium:chromium redis-server:redis-server prometheus:prometheus node:nodejs npm:npm
(cd "$browser_dir" && npm ci --no-audit --no-fund --loglevel=error)

if [ -n "$prometheus_url" ]; then
    rm -rf "$out_dir"
    mkdir -p "$out_dir"
    step "Chromium on the console of $prometheus_url; screenshots in $out_dir"
    screenshot=
    [ "$readme_screenshot" = no ] || screenshot="$repo_dir/docs/monitoring.png"
    console_test "$prometheus_url" "$screenshot"
    exit
fi
ensure_jars

rm -rf "$out_dir"
mkdir -p "$out_dir"
work_dir="$(mktemp -d -t monsterstack-browser.XXXXXX)"
prometheus_pid=""
# The services' logs join the screenshots (the CI artifacts); Redis' password file does not.
cleanup() {
    trap - EXIT INT TERM
    stop_all
    if [ -n "$prometheus_pid" ]; then kill "$prometheus_pid" 2>/dev/null || :; wait "$prometheus_pid" 2>/dev/null || :; fi
    cp "$work_dir"/*.log "$out_dir"/ 2>/dev/null || :   # nothing to keep if it failed before starting
    rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Redis, image backend and frontend on free ports"
start_redis "$work_dir"
backend_port="$(free_port)"
start_service imagebackend "$backend_port" "$work_dir"
frontend_port="$(free_port)"
MONSTERSTACK_SALT="$salt" MONSTER_SIZE="$monster_size" start_service frontend "$frontend_port" "$work_dir"
info "frontend http://127.0.0.1:$frontend_port, backend http://127.0.0.1:$backend_port, logs $work_dir"
prometheus_port="$(free_port)"
start_prometheus "$work_dir" "$prometheus_port"
info "Prometheus http://127.0.0.1:$prometheus_port/consoles/monsterstack.html"

step "Chromium at three sizes; screenshots and logs in $out_dir"
readme_path=""
if [ "$readme_screenshot" = yes ]; then
    mkdir -p "$repo_dir/docs"
    readme_path="$repo_dir/docs/screenshot.png"
fi
site=0
FRONTEND_URL="http://127.0.0.1:$frontend_port" BACKEND_URL="http://127.0.0.1:$backend_port" \
    MONSTER_SIZE="$monster_size" MONSTERSTACK_SALT="$salt" OUT_DIR="$out_dir" CHROMIUM=/usr/bin/chromium \
    README_SCREENSHOT="$readme_path" node "$browser_dir/test.mjs" || site=$?

# A rate needs two scrapes that saw the counter grow: pages and monsters (new names, so the
# backend draws some) for three scrape intervals, 2 requests each 0.5 s.
step "traffic for 15 s, then Chromium on the MonsterStack console once the rules have it"
for n in $(seq 30); do
    curl -fs -o /dev/null "http://127.0.0.1:$frontend_port/?name=console-$n"
    curl -fs -o /dev/null "http://127.0.0.1:$frontend_port/monster/console-$n"
    sleep 0.5
done
wait_until 60 "Prometheus' recordings of the local services" console_has_data "$prometheus_port"
console_test "http://127.0.0.1:$prometheus_port"
exit "$site"
