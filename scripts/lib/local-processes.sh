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
nginx_pid=""

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

# image_jvm_options MODULE [REPO] prints the JVM options the module's container image runs with,
# one per line, read from its application.properties (in REPO, default this checkout) so the two
# can never drift apart.
image_jvm_options() {
    sed -n 's/^quarkus\.jib\.jvm-additional-arguments=//p' \
        "${2:-$repo_dir}/$1/src/main/resources/application.properties" | tr ',' '\n' | sed '/^$/d'
}

# A service NAME is a module (imagebackend, frontend), run from this checkout, or MODULE@LABEL, run
# from the checkout service_repos[NAME] (bench.sh --baseline: another commit beside this one).
declare -A service_repos=()
service_module() { printf '%s\n' "${1%@*}"; }
service_repo() { printf '%s\n' "${service_repos[$1]:-$repo_dir}"; }

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

# start_service NAME PORT DIR [JVM_OPTION...] starts the imagebackend or the frontend jar (NAME: a
# module, or MODULE@LABEL from service_repos) with its image's JVM options (and any given; $SERVICE_JAVA, default java, runs it; the array
# service_env adds environment variables), wired to the local Redis and backend, its management
# interface (/q/metrics, /q/health) on management_ports[NAME] (a free port kept there unless the
# caller has set one), and waits until its /q/health/ready answers 200 (or $ready_path on PORT,
# when set). Sets ready_ms: the time that took from process start, and ready_cpu_ms: the CPU time
# (user + system) the process had used by then.
declare -A management_ports=()
start_service() {
    local name="$1" port="$2" dir="$3" started jvm_options=() ready_url module repo
    shift 3
    module="$(service_module "$name")"
    repo="$(service_repo "$name")"
    mapfile -t jvm_options < <(image_jvm_options "$module" "$repo")
    jvm_options+=("$@")
    management_ports[$name]="${management_ports[$name]:-$(free_port)}"
    ready_url="http://127.0.0.1:${management_ports[$name]}/q/health/ready"
    [ -z "${ready_path:-}" ] || ready_url="http://127.0.0.1:$port$ready_path"
    started="$(date +%s%N)"
    QUARKUS_HTTP_PORT="$port" MANAGEMENT_PORT="${management_ports[$name]}" \
        REDIS_DOMAIN=127.0.0.1 REDIS_PORT="${redis_port:-6379}" \
        REDIS_PASSWORD_FILE="${redis_password_file:-}" \
        IMAGEBACKEND_DOMAIN=127.0.0.1 IMAGEBACKEND_PORT="${backend_port:-8080}" \
        env "${service_env[@]}" setsid "${SERVICE_JAVA:-java}" "${jvm_options[@]}" -jar "$repo/$module/target/quarkus-app/quarkus-run.jar" \
        > "$dir/$name.log" 2>&1 &
    service_pids[$name]=$!
    if ! wait_http "$ready_url" 60 "${service_pids[$name]}"; then
        error "$name did not become ready; the end of its log, $dir/$name.log:"
        tail -n 15 "$dir/$name.log" >&2 || :
        return 1
    fi
    ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    ready_cpu_ms="$(cpu_ms "${service_pids[$name]}")"
}

# cpu_ms PID... prints the CPU time (user + system, in ms) the processes have used so far, from
# /proc/PID/stat (whole thread groups; 10 ms resolution with the usual 100 clock ticks a second).
# A PID/task/TID instead of a PID gives one thread's.
cpu_ms() {
    local pid stat fields ticks=0
    for pid in "$@"; do
        stat="$(< "/proc/$pid/stat")"
        read -ra fields <<< "${stat##*) }"   # the fields after "pid (comm) ", from state on
        ticks=$(( ticks + fields[11] + fields[12] ))
    done
    printf '%s\n' $(( ticks * 1000 / clock_ticks ))
}
clock_ticks="$(getconf CLK_TCK)"

# machine_busy_ms prints the CPU time the whole machine has been busy so far (all cores, /proc/stat:
# all but idle and iowait), in ms.
machine_busy_ms() {
    awk -v hz="$clock_ticks" '/^cpu / { printf "%d\n", ($2 + $3 + $4 + $7 + $8 + $9) * 1000 / hz; exit }' /proc/stat
}

# thread_groups_ms PID LABEL prints "LABEL.loops=ms LABEL.jit=ms LABEL.gc=ms LABEL.main=ms
# LABEL.other=ms": the CPU time a JVM's threads have used so far by what they do: the Vert.x event
# loops (which serve the requests), the JIT's compiler threads, the VM thread (which runs the serial
# collector at its safepoints) with any GC workers, the main thread (start-up), and the rest.
thread_groups_ms() {
    # A thread that ends meanwhile is simply missing from cat's output.
    cat "/proc/$1/task/"*/stat 2>/dev/null | awk -v label="$2" -v hz="$clock_ticks" '
        {
            close_paren = 0
            while ((i = index(substr($0, close_paren + 1), ") ")) > 0) close_paren += i
            name = substr($0, index($0, "(") + 1, close_paren - index($0, "(") - 1)
            split(substr($0, close_paren + 2), f, " ")
            group = name ~ /^vert\.x-eventloo/ ? "loops" : name ~ /^C[12] CompilerThre/ ? "jit" \
                : name ~ /^(VM Thread|GC Thread|G1 )/ ? "gc" : name == "java" ? "main" : "other"
            ticks[group] += f[12] + f[13]
        }
        END {
            n = split("loops jit gc main other", groups, " ")
            for (g = 1; g <= n; g++) printf "%s.%s=%d%s", label, groups[g], ticks[groups[g]] * 1000 / hz, g < n ? " " : "\n"
        }'
}

# peak_rss_mb NAME prints the peak resident set size of a running service, in MB.
peak_rss_mb() {
    awk '/^VmHWM:/ { printf "%d\n", $2 / 1024 }' "/proc/${service_pids[$1]}/status"
}

# stop_service NAME: SIGTERM, then waits for it to end (its exit status then is not an error).
stop_service() {
    local pid="${service_pids[$1]:-}"
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || :
    wait "$pid" 2>/dev/null || :
    unset "service_pids[$1]"
}

# start_nginx DIR PORT serves DIR/static on PORT, tuned like a static-file server should be.
start_nginx() {
    # nginx workers run as an unprivileged user: they must be able to reach the files.
    chmod 0755 "$1" "$1/static"
    cat > "$1/nginx.conf" <<EOF
worker_processes auto;
pid $1/nginx.pid;
error_log $1/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    types { image/png png; }
    server {
        listen 127.0.0.1:$2;
        root $1/static;
    }
}
EOF
    setsid nginx -c "$1/nginx.conf" -p "$1" -g 'daemon off;' 2> "$1/nginx.log" &
    nginx_pid=$!
    wait_http "http://127.0.0.1:$2/monster.png" 10 \
        || { error "nginx does not serve the PNG; $(tail -n 3 "$1/nginx-error.log")"; return 1; }
}

# stop_all: SIGTERM to every process at once, then waits for them all.
stop_all() {
    local pids=("${service_pids[@]}" ${nginx_pid:+"$nginx_pid"} ${redis_pid:+"$redis_pid"})
    if [ "${#pids[@]}" -gt 0 ]; then
        kill "${pids[@]}" 2>/dev/null || :
        wait "${pids[@]}" 2>/dev/null || :
    fi
    service_pids=()
    nginx_pid="" redis_pid=""
}
