-- wrk script of bench/search.sh: each thread cycles through the search paths of the file given as
-- the first argument (one path a line, from SearchBench mix), starting at its own offset; done()
-- prints one SEARCH line with the request count, errors and the p50/p95/p99 latency in ms.
local threads = 0
function setup(thread)
   thread:set("tid", threads)
   threads = threads + 1
end

local paths = {}
local at = 1
function init(args)
   local f = assert(io.open(args[1], "r"))
   for line in f:lines() do
      if #line > 0 then paths[#paths + 1] = line end
   end
   f:close()
   at = ((tid or 0) * 997) % #paths + 1
end

function request()
   local p = paths[at]
   at = at % #paths + 1
   return wrk.format("GET", p)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("SEARCH requests %d seconds %.3f non2xx %d socketerrors %d p50 %.2f p95 %.2f p99 %.2f mean %.2f max %.2f\n",
      summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000))
end
