-- wrk script of the bench (scripts/bench.sh) and the single-node drill's speed report: optional
-- unique paths and request body, and one JSON line of results (BENCH_JSON), so that nothing has to
-- parse wrk's human output; cpu_ticks is the CPU time wrk itself used (/proc/self/stat, utime +
-- stime, in clock ticks), read once its threads have ended.
--   BENCH_UNIQUE_PREFIX  when set, every request asks for PREFIX<thread>-<n><BENCH_UNIQUE_SUFFIX>,
--                        a path never asked before (cold-path measurements)
--   BENCH_METHOD, BENCH_BODY, BENCH_CONTENT_TYPE  for POST measurements

local prefix = os.getenv("BENCH_UNIQUE_PREFIX")
local suffix = os.getenv("BENCH_UNIQUE_SUFFIX") or ""
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.body = os.getenv("BENCH_BODY")
if os.getenv("BENCH_CONTENT_TYPE") then
    wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE")
end

local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("thread_id", threads)
end

local sent = 0
function request()
    if not prefix then
        return wrk.request()
    end
    sent = sent + 1
    return wrk.format(nil, prefix .. thread_id .. "-" .. sent .. suffix)
end

-- The fields after "pid (comm) ", from the state on, split at spaces; comm may hold ") ".
local function cpu_ticks()
    local stat = assert(io.open("/proc/self/stat"))
    local fields = {}
    for field in stat:read("*a"):match(".*%) (.*)"):gmatch("%S+") do
        fields[#fields + 1] = field
    end
    stat:close()
    return tonumber(fields[12]) + tonumber(fields[13])
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"socket_errors":%d,"http_errors":%d,' ..
        '"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"cpu_ticks":%d}\n',
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        e.connect + e.read + e.write + e.timeout, e.status,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, cpu_ticks()))
end
