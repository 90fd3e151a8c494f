-- wrk script of benchmark/compare.sh: every request is a new buyer's order of one unit, with its own
-- Idempotency-Key, and every answer is counted by status (and, for a problem, by its type).
--
-- Settings from the environment:
--   LC_STREAM  the live stream's id          LC_SKU  the SKU (HOT)        LC_KEY  the merchant's API key
--   LC_PREFIX  unique per run and phase: buyers are buyer-<prefix>-<thread>-<n>, keys idem-<prefix>-<thread>-<n>
--   LC_OUT     file the results are written to (JSON) when wrk is done

local threads = {}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

local stream, sku, key, prefix
local n = 0
counts = {}

function init(args)
   stream = os.getenv("LC_STREAM")
   sku = os.getenv("LC_SKU") or "HOT"
   key = os.getenv("LC_KEY")
   prefix = (os.getenv("LC_PREFIX") or "run") .. "-" .. tostring(tid)
end

function request()
   n = n + 1
   local id = prefix .. "-" .. n
   local body = '{"liveStreamId":"' .. stream .. '","buyerId":"buyer-' .. id .. '","lines":[{"sku":"' .. sku
      .. '","quantity":1}],"shippingAddress":{"zone":"north","line1":"1 Main St","city":"Springfield",'
      .. '"recipient":"Buyer ' .. id .. '"}}'
   return wrk.format("POST", "/api/v1/orders", {
      ["Authorization"] = "Bearer " .. key,
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
      ["Idempotency-Key"] = "idem-" .. id,
   }, body)
end

function response(status, headers, body)
   local k = tostring(status)
   if status >= 400 and body then
      local problem = string.match(body, '"type"%s*:%s*"[^"]-/problems/([^"]+)"')
      if problem then
         k = k .. " " .. problem
      end
   end
   counts[k] = (counts[k] or 0) + 1
end

local function json_string(s)
   return '"' .. string.gsub(tostring(s), '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      local c = thread:get("counts")
      if c then
         for k, v in pairs(c) do
            total[k] = (total[k] or 0) + v
         end
      end
   end
   local parts = {}
   for k, v in pairs(total) do
      table.insert(parts, json_string(k) .. ":" .. string.format("%d", v))
   end
   local e = summary.errors
   local out = string.format(
      '{"durationUs":%d,"requests":%d,"bytes":%d,'
         .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
         .. '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f,"min":%d},'
         .. '"counts":{%s}}',
      summary.duration, summary.requests, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean, latency.min,
      table.concat(parts, ","))
   local path = os.getenv("LC_OUT")
   if path then
      local f = assert(io.open(path, "w"))
      f:write(out, "\n")
      f:close()
   else
      io.write(out, "\n")
   end
end
