-- wrk script of bench/lookup. Arguments: mode (verify|static), certificate number prefix, certificate count, first
-- octet of the X-Forwarded-For addresses. verify: POST a random existing certificate number with its holder's ID
-- number (computed as the seeding SQL does), each request from its own address.
local mode, prefix, count, octet
local counter = 0
local tid = 0
local threads = {}
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"

function setup(thread)
  tid = tid + 1
  thread:set("tid", tid)
  table.insert(threads, thread)
end

function init(args)
  mode, prefix, count, octet = args[1], args[2], tonumber(args[3]), args[4]
  math.randomseed(os.time() + (tid or 0) * 7919)
  wrk.headers["Content-Type"] = "application/json"
end

-- days since 1970-01-01 to year, month, day (proleptic Gregorian)
local function civil(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

local function idNumber(i)
  local y, m, d = civil(3652 + math.floor(i / 1000))
  local body = string.format("110101%04d%02d%02d%03d", y, m, d, i % 1000)
  local sum = 0
  for k = 1, 17 do
    sum = sum + tonumber(body:sub(k, k)) * weights[k]
  end
  local c = sum % 11 + 1
  return body .. checks:sub(c, c)
end

function request()
  if mode ~= "verify" then
    return wrk.format("GET")
  end
  counter = counter + 1
  local i = math.random(1, count)
  local address = string.format("%s.%d.%d.%d", octet, tid, math.floor(counter / 250) % 250, counter % 250 + 1)
  local body = string.format('{"number":"%s%06d","idNumber":"%s"}', prefix, i, idNumber(i))
  return wrk.format("POST", nil, { ["X-Forwarded-For"] = address, ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_us=%.1f p99_us=%.1f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99), non2xx, errors))
end
