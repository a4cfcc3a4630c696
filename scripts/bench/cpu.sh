# Sourced by scripts/bench.sh after lib/local-processes.sh: CPU accounting of the benchmark's
# processes from /proc, and async-profiler for --profile.

# cpu_snapshot PROCESS_NAME=PID_LIST...: one line "name=ms ... machine=ms wall=ns": the CPU time
# each named group of processes has used so far, the whole machine's busy time (all cores, from
# /proc/stat: everything but idle and iowait) and the wall clock.
cpu_snapshot() {
    local group name pids busy
    for group in "$@"; do
        name="${group%%=*}" pids="${group#*=}"
        # shellcheck disable=SC2086 # a space-separated list of pids
        printf '%s=%s ' "$name" "$(cpu_ms $pids)"
    done
    busy="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat)"
    printf 'machine=%s wall=%s\n' $(( busy * 1000 / clock_ticks )) "$(date +%s%N)"
}

# thread_cpu_ms PID prints one line "thread name<TAB>ms" per thread of the process.
thread_cpu_ms() {
    local task name
    for task in "/proc/$1/task/"*; do
        name="$(cat "$task/comm" 2>/dev/null)" || continue   # a thread that ended meanwhile
        printf '%s\t%s\n' "$name" "$(cpu_ms "$1/task/${task##*/}" 2>/dev/null || echo 0)"
    done
}

# jit_cpu_ms PID prints the CPU time (ms) the JVM's JIT compiler threads have used so far.
jit_cpu_ms() {
    thread_cpu_ms "$1" | awk -F '\t' '/^C[12] CompilerThre/ { ms += $2 } END { print ms + 0 }'
}

# --- async-profiler (--profile) --------------------------------------------------------------
# The library alone, from its Maven Central jar (the JDK's jcmd loads it into a running JVM,
# so its asprof launcher is not needed); kept in .build/ for the next run.
async_profiler_version=4.2
profiler_lib=""
fetch_async_profiler() {
    local dir="$repo_dir/.build/async-profiler" arch
    case "$(uname -m)" in
        x86_64) arch=linux-x64 ;;
        aarch64) arch=linux-arm64 ;;
        *) die "no async-profiler library for $(uname -m)" ;;
    esac
    profiler_lib="$dir/$arch/libasyncProfiler.so"
    [ -f "$profiler_lib" ] && return 0
    info "fetching async-profiler $async_profiler_version from Maven Central (log: $dir.log)"
    mkdir -p "$dir"
    (cd "$repo_dir" && ./mvnw -B dependency:copy -DoutputDirectory="$dir" \
        -Dartifact="tools.profiler:async-profiler:$async_profiler_version") > "$dir.log" 2>&1 \
        || die "could not fetch async-profiler; see $dir.log"
    unzip -q -o "$dir/async-profiler-$async_profiler_version.jar" "$arch/libasyncProfiler.so" -d "$dir"
}

# profiler PID COMMAND sends an async-profiler command ("start,...", "stop,file=...") to a
# running JVM; the first one loads the agent.
profiler() {
    jcmd "$1" JVMTI.agent_load "$profiler_lib" "\"$2\"" | grep -q 'return code: 0' \
        || die "async-profiler refused '$2' in process $1 (its output is in the service's log)"
}

# The sampling of the measured runs: CPU time of all threads, thread names kept, every 1 ms.
profiler_start_options="event=cpu,interval=1ms,threads"
