-- wrk script for scripts/bench.sh: optional unique paths and request body, and one JSON line
-- of results so the shell never has to parse wrk's human output.
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

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        'BENCH_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"socket_errors":%d,"http_errors":%d,' ..
        '"p50_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        e.connect + e.read + e.write + e.timeout, e.status,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
