# Sourced by scripts that run MonsterStack as local processes (no Docker): redis-server, the
# image backend and the frontend, each on a loopback port, the services with the JVM options
# their images use.

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Every process starts in a session of its own (setsid): a Ctrl-C on the terminal reaches only
# the calling script, whose trap then stops them all, instead of killing some of them first.
declare -A service_pids=()
# No shutdown delay: it gives Swarm time to take a stopping task out of DNS, and nothing routes
# to a local process but its own port.
service_env=(SHUTDOWN_DELAY=0s)
redis_pid=""

# ensure_jars [LOG] builds the services whose runnable jar is missing or older than their sources,
# the shared module's or a pom, so a code change is never run from an old build. Maven's output
# goes to LOG (default: a file in .build/) and only its milestones are shown; on failure the log's
# tail is printed.
ensure_jars() {
    local log="${1:-$repo_dir/.build/build.log}" module jar stale=()
    for module in imagebackend frontend; do
        jar="$repo_dir/$module/target/quarkus-app/quarkus-run.jar"
        if [ ! -f "$jar" ] || [ -n "$(find "$repo_dir/pom.xml" "$repo_dir/$module/pom.xml" "$repo_dir/$module/src" \
                "$repo_dir/service-support/pom.xml" "$repo_dir/service-support/src" -newer "$jar" -print -quit)" ]; then
            stale+=("$module")
        fi
    done
    [ "${#stale[@]}" -gt 0 ] || return 0
    if [ -f "$repo_dir/${stale[0]}/target/quarkus-app/quarkus-run.jar" ]; then
        info "rebuilding ${stale[*]}: sources changed since the last build (log: $log)"
    else
        info "first build of ${stale[*]}: about a minute, more if Maven downloads (log: $log)"
    fi
    mkdir -p "$(dirname "$log")"
    local modules
    modules="$(IFS=,; printf '%s' "${stale[*]}")"
    # Progress as one line per module and per plugin step ("frontend: quarkus:build"); the rest is in the log.
    if ! (cd "$repo_dir" && ./mvnw -B package -DskipTests -pl "$modules" -am) 2>&1 | tee "$log" | sed -un \
            -e 's/^\[INFO\] --- \([a-z-]*\):[^:]*:\([a-zA-Z-]*\) .*@ \([a-z-]*\) ---$/    \3: \1:\2/p' \
            -e 's/^\[INFO\] \(BUILD .*\|Total time.*\)/    \1/p'; then
        tail -n 30 "$log" >&2
        error "the build failed; its log: $log"
        return 1
    fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
    local port
    for _ in $(seq 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        if port_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    return 1
}

# image_jvm_options MODULE prints the JVM options the module's container image runs with, one per
# line, read from its application.properties so the two can never drift apart.
image_jvm_options() {
    sed -n 's/^quarkus\.jib\.jvm-additional-arguments=//p' \
        "$repo_dir/$1/src/main/resources/application.properties" | tr ',' '\n' | sed '/^$/d'
}

# stack_redis_limits prints the Swarm stack's Redis memory bound and eviction policy
# (--maxmemory, --maxmemory-policy of its redis-server command) as redis.conf lines.
stack_redis_limits() {
    grep -o -e '--maxmemory[a-z-]* [^ ]*' "$repo_dir/stack/docker-compose.swarm.yml" | sed 's/^--//'
}

# poll SECONDS PID COMMAND... runs COMMAND every 10 ms until it succeeds; fails after SECONDS, or
# as soon as process PID has ended.
poll() {
    local deadline=$(( SECONDS + $1 )) pid="$2"
    shift 2
    until "$@"; do
        [ "$SECONDS" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.01
    done
}

# wait_http URL SECONDS [PID] waits until URL answers 200; gives up early when process PID ends.
wait_http() { poll "$2" "${3:-$$}" curl -fs -o /dev/null --max-time 1 "$1"; }

# start_redis DIR starts redis-server with a password from DIR/redis_password, the way the
# stack's secret works, and the stack's memory bound and eviction policy. Sets redis_port and
# redis_password_file.
start_redis() {
    local dir="$1" limits
    limits="$(stack_redis_limits)"
    [ "$(wc -l <<< "$limits")" = 2 ] || { error "no --maxmemory/--maxmemory-policy in the Swarm stack's Redis"; return 1; }
    redis_port="$(free_port)"
    redis_password_file="$dir/redis_password"
    # The password goes in owner-only files, not on the command line where ps would show it.
    (
        umask 077
        head -c 18 /dev/urandom | base64 > "$redis_password_file"
        printf 'port %s\nbind 127.0.0.1\nrequirepass %s\nsave ""\nappendonly no\n%s\n' \
            "$redis_port" "$(cat "$redis_password_file")" "$limits" > "$dir/redis.conf"
    )
    setsid redis-server "$dir/redis.conf" > "$dir/redis.log" 2>&1 &
    redis_pid=$!
    poll 10 "$redis_pid" redis_answers || { error "redis-server did not start ($dir/redis.log)"; return 1; }
}
redis_answers() { REDISCLI_AUTH="$(cat "$redis_password_file")" redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; }

# start_service MODULE PORT DIR starts the imagebackend or the frontend jar with its image's JVM
# options ($SERVICE_JAVA, default java, runs it; the array service_env adds environment variables), wired to the local Redis and backend,
# its management interface (/q/metrics, /q/health) on management_ports[MODULE] (a free port kept
# there unless the caller has set one), and waits until its /q/health/ready answers 200 (or
# $ready_path on PORT, when set).
declare -A management_ports=()
start_service() {
    local name="$1" port="$2" dir="$3" jvm_options=() ready_url
    mapfile -t jvm_options < <(image_jvm_options "$name")
    management_ports[$name]="${management_ports[$name]:-$(free_port)}"
    ready_url="http://127.0.0.1:${management_ports[$name]}/q/health/ready"
    [ -z "${ready_path:-}" ] || ready_url="http://127.0.0.1:$port$ready_path"
    QUARKUS_HTTP_PORT="$port" MANAGEMENT_PORT="${management_ports[$name]}" \
        REDIS_DOMAIN=127.0.0.1 REDIS_PORT="${redis_port:-6379}" \
        REDIS_PASSWORD_FILE="${redis_password_file:-}" \
        IMAGEBACKEND_DOMAIN=127.0.0.1 IMAGEBACKEND_PORT="${backend_port:-8080}" \
        env "${service_env[@]}" setsid "${SERVICE_JAVA:-java}" "${jvm_options[@]}" -jar "$repo_dir/$name/target/quarkus-app/quarkus-run.jar" \
        > "$dir/$name.log" 2>&1 &
    service_pids[$name]=$!
    if ! wait_http "$ready_url" 60 "${service_pids[$name]}"; then
        error "$name did not become ready; the end of its log, $dir/$name.log:"
        tail -n 15 "$dir/$name.log" >&2 || :
        return 1
    fi
}

# stop_all: SIGTERM to every process at once, then waits for them all.
stop_all() {
    local pids=("${service_pids[@]}" ${redis_pid:+"$redis_pid"})
    if [ "${#pids[@]}" -gt 0 ]; then
        kill "${pids[@]}" 2>/dev/null || :
        wait "${pids[@]}" 2>/dev/null || :
    fi
    service_pids=()
    redis_pid=""
}
