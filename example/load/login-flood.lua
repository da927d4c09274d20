-- wrk script for example/load/login-flood.sh: every request is a login with the flood user's
-- credentials (FLOOD_BODY); counts the answers by status.
wrk.method = "POST"
wrk.body = os.getenv("FLOOD_BODY")
wrk.headers["Content-Type"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created, busy, other = 0, 0, 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 503 then
    busy = busy + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, b, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    b = b + thread:get("busy")
    o = o + thread:get("other")
  end
  io.write(string.format("FLOOD created=%d busy=%d other=%d\n", c, b, o))
end
