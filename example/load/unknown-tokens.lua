-- wrk script for example/load/cache-flood.sh: GET /whoami, each time with a new random token of
-- the form SecretTokens.generate() gives (43 base64url characters), which no one was issued.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

function setup(thread)
  thread:set("seed", math.random(1, 2 ^ 30))
end

function init(args)
  math.randomseed(seed + os.time())
end

function request()
  local token = {}
  for i = 1, 43 do
    local at = math.random(1, 64)
    token[i] = alphabet:sub(at, at)
  end
  return wrk.format("GET", "/whoami", { Authorization = "Bearer " .. table.concat(token) })
end
