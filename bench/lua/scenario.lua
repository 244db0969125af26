-- One wrk script for every scenario: BENCH_SCENARIO picks the request, BENCH_TARGETS names the file written by
-- mint-targets.js (one account per line). Every request picks a random line, so the load is spread over many
-- accounts and partnerships rather than one hot account.
local scenario = os.getenv("BENCH_SCENARIO")
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local t = {}
  for field in (line .. "|"):gmatch("([^|]*)|") do t[#t + 1] = field end
  targets[#targets + 1] = { token = t[1], account = t[2], partnership = t[3], commitment = t[4],
                            occCommitment = t[5], occDate = t[6], cursor = t[7], email = t[8] }
end
local password = "bench-password-2024"
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

local function json_headers(t)
  return { ["Authorization"] = "Bearer " .. t.token, ["Content-Type"] = "application/json",
           ["Accept"] = "application/json" }
end

function request()
  local t = targets[math.random(#targets)]
  local p = "/v1/partnerships/" .. t.partnership
  local h = json_headers(t)
  if scenario == "me" then
    return wrk.format("GET", "/v1/me", h)
  elseif scenario == "commitment" then
    return wrk.format("GET", p .. "/commitments/" .. t.commitment, h)
  elseif scenario == "commitments" then
    return wrk.format("GET", p .. "/commitments?limit=50", h)
  elseif scenario == "follow-through" then
    return wrk.format("GET", p .. "/insights/follow-through?window=30d", h)
  elseif scenario == "overview" then
    return wrk.format("GET", p .. "/insights/overview?window=90d", h)
  elseif scenario == "sync-pull" then
    return wrk.format("GET", "/v1/sync?limit=100&cursor=" .. t.cursor, h)
  elseif scenario == "create-commitment" then
    counter = counter + 1
    local body = '{"title":"Bench promise ' .. counter .. '","promisedBy":["' .. t.account ..
                 '"],"category":"chore","dueAt":"2099-01-01T09:00:00Z"}'
    return wrk.format("POST", p .. "/commitments", h, body)
  elseif scenario == "outcome" then
    return wrk.format("POST", p .. "/commitments/" .. t.occCommitment .. "/occurrences/" .. t.occDate .. "/outcome",
                      h, '{"outcome":"kept","note":"bench"}')
  elseif scenario == "login" then
    return wrk.format("POST", "/v1/auth/login", { ["Content-Type"] = "application/json" },
                      '{"email":"' .. t.email .. '","password":"' .. password .. '","deviceName":"bench"}')
  end
  error("unknown BENCH_SCENARIO " .. tostring(scenario))
end

-- Machine-readable summary for bench/run (wrk's own text output is kept in the log as well).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
