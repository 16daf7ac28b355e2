-- wrk script: the search page of the 100,000-product store with typical one- and two-word queries,
-- in turn; prints the latency percentiles wrk does not (p95).
local queries = { "linen", "dress", "wool sweater", "oak", "cotton shirt", "lamp", "silk scarf", "ceramic mug",
                  "cashmere", "denim jacket", "vase", "leather belt", "classic", "merino", "glass bowl", "blanket" }
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]:gsub(" ", "+")
  return wrk.format("GET", "/s/bench-100k/search?q=" .. q)
end
done = function(summary, latency, requests)
  io.write(string.format("search requests %d, errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
