-- wrk script for example/load/soak.sh: one wrk thread, one connection and one user per thread.
--
-- setup() gives each thread its own user and access token, read from the file named by
-- SOAK_USERS ("username token" per line). Each thread cycles through /whoami, /secret (with its
-- token) and /no_current_stateless_user (without), and response() checks that every answer is a
-- 2xx whose body is the one for this thread's own user: a body naming another user, or a user
-- left bound on the probe, is a cross-user answer. done() sums the threads' counts and prints them
-- on lines starting with "SOAK " for soak.sh to read. No token is ever printed.

local users = {}
local threads = {}

local function load_users()
  local file = assert(io.open(assert(os.getenv("SOAK_USERS"), "SOAK_USERS not set"), "r"))
  for line in file:lines() do
    local name, token = line:match("^(%S+) (%S+)$")
    if name then
      users[#users + 1] = { name = name, token = token }
    end
  end
  file:close()
end

function setup(thread)
  if #users == 0 then
    load_users()
  end
  local user = users[#threads + 1]
  if user == nil then
    error("more wrk threads than users in " .. os.getenv("SOAK_USERS"))
  end
  thread:set("username", user.name)
  thread:set("token", user.token)
  threads[#threads + 1] = thread
end

local paths = { "/whoami", "/secret", "/no_current_stateless_user" }
local next_path = 0
local sent = nil

function init(args)
  checked = 0
  non2xx = 0
  mismatches = 0
  expected = {
    ["/whoami"] = '{"my_username":"' .. username .. '"}',
    ["/secret"] = '{"secret":"Stateless auth is awesome :O"}',
    ["/no_current_stateless_user"] = '{"current_stateless_username":"None"}',
  }
  bearer = { ["Authorization"] = "Bearer " .. token }
end

function request()
  next_path = next_path % #paths + 1
  sent = paths[next_path]
  if sent == "/no_current_stateless_user" then
    return wrk.format("GET", sent)
  end
  return wrk.format("GET", sent, bearer)
end

function response(status, headers, body)
  checked = checked + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body ~= expected[sent] then
    mismatches = mismatches + 1
  end
end

function done(summary, latency, requests)
  local checked_total, non2xx_total, mismatches_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    checked_total = checked_total + thread:get("checked")
    non2xx_total = non2xx_total + thread:get("non2xx")
    mismatches_total = mismatches_total + thread:get("mismatches")
  end
  local errors = summary.errors
  io.write(string.format("SOAK requests=%d seconds=%.1f rps=%.0f\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("SOAK p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("SOAK checked=%d non2xx=%d mismatches=%d\n",
    checked_total, non2xx_total, mismatches_total))
  io.write(string.format("SOAK socket_errors=%d (connect %d, read %d, write %d, timeout %d)\n",
    errors.connect + errors.read + errors.write + errors.timeout,
    errors.connect, errors.read, errors.write, errors.timeout))
end
