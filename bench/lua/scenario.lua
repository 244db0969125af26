-- One wrk script for every scenario: BENCH_SCENARIO picks the request, BENCH_TARGETS names the file written by
-- mint-targets.js (one account per line). Every request picks a random line, so the load is spread over many
-- accounts and partnerships rather than one hot account.
-- BENCH_MAX_REQUESTS (optional; use with -t1 -c1): stop after that many responses and print
-- "BENCH_PROBE_DONE responses=<n> failed=<status >= 400>", so that a probe sends exactly that many requests (bench/run
-- counts the SQL statements of a probe and divides by it). wrk itself still waits for -d to end: bench/run stops it
-- when the line appears.
local scenario = os.getenv("BENCH_SCENARIO")
local max_requests = tonumber(os.getenv("BENCH_MAX_REQUESTS") or "")
local targets = {}
for line in io.lines(os.getenv("BENCH_TARGETS")) do
  local t = {}
  for field in (line .. "|"):gmatch("([^|]*)|") do t[#t + 1] = field end
  targets[#targets + 1] = { token = t[1], account = t[2], partnership = t[3], commitment = t[4],
                            occCommitment = t[5], occDate = t[6], cursor = t[7], email = t[8], headCursor = t[9],
                            occurrence = t[10] }
end
local password = "bench-password-2024"
local counter = 0

-- Sync push: a batch of PUSH_CREATES new commitments made offline (each with its own client-chosen id), then
-- PUSH_UPDATES edits of the first of them made offline too (baseVersion = the version a new commitment has, 0), as a
-- client pushes its outbox: PUSH_CREATES + PUSH_UPDATES = 10 mutations, each with its own mutationId.
local PUSH_CREATES, PUSH_UPDATES = 8, 2

-- Per-thread tallies (globals, read by done() through thread:get) of what the responses said.
responses, failed, applied, conflicts, rejected = 0, 0, 0, 0, 0

local threads = {}
function setup(thread)
  thread:set("thread_no", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  -- Seed from /dev/urandom: the ids of sync push must not repeat across threads or runs started in the same second.
  local seed = os.time() + (thread_no or 0) * 7919
  local f = io.open("/dev/urandom", "rb")
  if f then
    local bytes = f:read(6)
    f:close()
    seed = 0
    for i = 1, #bytes do seed = seed * 256 + bytes:byte(i) end
  end
  math.randomseed(seed)
end

local function uuid4()
  local r = math.random
  return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", r(0, 0xffff), r(0, 0xffff), r(0, 0xffff),
    r(0, 0xfff), 0x8000 + r(0, 0x3fff), r(0, 0xffff), r(0, 0xffff), r(0, 0xffff))
end

local function json_headers(t)
  return { ["Authorization"] = "Bearer " .. t.token, ["Content-Type"] = "application/json",
           ["Accept"] = "application/json" }
end

local function sync_push_body(t)
  local mutations, created = {}, {}
  for i = 1, PUSH_CREATES do
    local id = uuid4()
    created[i] = id
    mutations[#mutations + 1] = '{"mutationId":"' .. uuid4() .. '","type":"commitment","id":"' .. id ..
      '","op":"upsert","data":{"partnershipId":"' .. t.partnership .. '","title":"Bench push ' .. id:sub(1, 8) ..
      '","promisedBy":["' .. t.account .. '"],"category":"chore","dueAt":"2099-01-01T09:00:00Z"}}'
  end
  for i = 1, PUSH_UPDATES do
    mutations[#mutations + 1] = '{"mutationId":"' .. uuid4() .. '","type":"commitment","id":"' .. created[i] ..
      '","baseVersion":0,"op":"upsert","data":{"title":"Bench push ' .. created[i]:sub(1, 8) ..
      ' (edited)","reminderMinutesBefore":15}}'
  end
  local cursor = (t.headCursor and t.headCursor ~= "") and ('"cursor":"' .. t.headCursor .. '",') or ""
  return "{" .. cursor .. '"mutations":[' .. table.concat(mutations, ",") .. "]}"
end

-- Sync push of mixed types (issue 18): the outbox of a client offline for a while, 10 mutations of 5 types, records
-- made offline and written to in the same batch: an outcome on the account's occurrence, three moments
-- (appreciation, running late, cool-off), a check-in started, written to and closed, a repair plan made and its step
-- ticked, and the cadence set (no baseVersion: many requests set the same partnership's cadence at once).
local function sync_push_mixed_body(t)
  local p = t.partnership
  local m = {}
  local function add(type, id, op, data, base)
    m[#m + 1] = '{"mutationId":"' .. uuid4() .. '","type":"' .. type .. '","id":"' .. id .. '","op":"' .. op .. '"' ..
      (base and (',"baseVersion":' .. base) or '') .. (data and (',"data":' .. data) or '') .. '}'
  end
  add("occurrence", t.occurrence, "outcome", '{"outcome":"kept","note":"bench"}')
  add("moment", uuid4(), "create", '{"partnershipId":"' .. p .. '","kind":"appreciation","message":"Thanks (bench)"}')
  add("moment", uuid4(), "create",
      '{"partnershipId":"' .. p .. '","kind":"running_late","arrivalAt":"2099-01-01T09:20:00Z"}')
  add("moment", uuid4(), "create", '{"partnershipId":"' .. p .. '","kind":"cool_off","minutes":10}')
  local checkIn, plan, step = uuid4(), uuid4(), uuid4()
  add("check_in", checkIn, "create", '{"partnershipId":"' .. p .. '","kind":"ad_hoc"}')
  add("check_in", checkIn, "entry", '{"mood":{"value":4,"visibility":"shared"},"submitted":true}', 0)
  add("check_in", checkIn, "close", nil)
  add("repair_plan", plan, "create",
      '{"partnershipId":"' .. p .. '","title":"Bench plan","steps":[{"id":"' .. step .. '","text":"Talk"}]}')
  add("repair_plan", plan, "update", '{"steps":[{"id":"' .. step .. '","text":"Talk","done":true}]}', 0)
  add("cadence", p, "update",
      '{"timeZone":"Europe/Berlin","schedules":[{"kind":"weekly","dayOfWeek":"SUNDAY","time":"19:00"}]}')
  local cursor = (t.headCursor and t.headCursor ~= "") and ('"cursor":"' .. t.headCursor .. '",') or ""
  return "{" .. cursor .. '"mutations":[' .. table.concat(m, ",") .. "]}"
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
  elseif scenario == "sync-push" then
    return wrk.format("POST", "/v1/sync", h, sync_push_body(t))
  elseif scenario == "sync-push-mixed" then
    return wrk.format("POST", "/v1/sync", h, sync_push_mixed_body(t))
  elseif scenario == "login" then
    return wrk.format("POST", "/v1/auth/login", { ["Content-Type"] = "application/json" },
                      '{"email":"' .. t.email .. '","password":"' .. password .. '","deviceName":"bench"}')
  end
  error("unknown BENCH_SCENARIO " .. tostring(scenario))
end

-- wrk reads response bodies for the script only when `response` is defined, so it is defined only when needed:
-- sync push (to tally the per-mutation results) and probes with BENCH_MAX_REQUESTS.
local pushes = scenario == "sync-push" or scenario == "sync-push-mixed"
if pushes or max_requests then
  function response(status, headers, body)
    responses = responses + 1
    if status >= 400 then failed = failed + 1 end
    if pushes and status == 200 and body then
      for _ in body:gmatch('"status":"applied"') do applied = applied + 1 end
      for _ in body:gmatch('"status":"conflict"') do conflicts = conflicts + 1 end
      for _ in body:gmatch('"status":"rejected"') do rejected = rejected + 1 end
    end
    if max_requests and responses >= max_requests then
      wrk.thread:stop()
      if responses == max_requests then
        io.write(string.format("BENCH_PROBE_DONE responses=%d failed=%d\n", responses, failed))
        io.flush()
      end
    end
  end
end

-- Machine-readable summary for bench/run (wrk's own text output is kept in the log as well).
function done(summary, latency, requests)
  local e = summary.errors
  local a, c, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + (tonumber(thread:get("applied")) or 0)
    c = c + (tonumber(thread:get("conflicts")) or 0)
    r = r + (tonumber(thread:get("rejected")) or 0)
  end
  io.write(string.format("BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d applied=%d conflict=%d rejected=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout, a, c, r))
end
