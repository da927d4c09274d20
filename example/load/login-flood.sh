#!/usr/bin/env bash
# A login flood against the example service: wrk keeps FLOOD (48)
# connections sending valid logins (PBKDF2 at the default 600 000 iterations) while a second wrk
# measures GET /whoami on WHOAMI_CONNECTIONS (4) connections; before that, /whoami alone for the
# same time, as the baseline. Prints both latency distributions and the logins' answers
# (201 issued, 503 refused at once for want of a hash slot). Passes (exit 0) when /whoami's p99
# during the flood is under 50 ms. See benchmarks/README.md, "Results", "Login flood".
#
# Settings (environment): FLOOD, WHOAMI_CONNECTIONS, DURATION (20 s), HASH_SLOTS (the service's
# default when unset), JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
FLOOD=${FLOOD:-48}
WHOAMI_CONNECTIONS=${WHOAMI_CONNECTIONS:-4}
DURATION=${DURATION:-20}
if ! command -v wrk > /dev/null; then
  echo "login-flood: installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk > /dev/null || fail "cannot install wrk"
fi

describe_run
start_server ${HASH_SLOTS:+--hash-slots "$HASH_SLOTS"}
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
TOKEN=$(register_and_login flood-user "$PASSWORD")
[[ -n $TOKEN ]] || fail "no access token"
export FLOOD_BODY="{\"username\":\"flood-user\",\"password\":\"$PASSWORD\"}"

whoami() { # seconds, output file
  wrk -t 1 -c "$WHOAMI_CONNECTIONS" -d "$1s" --timeout 10s --latency \
    -H "Authorization: Bearer $TOKEN" "$BASE/whoami" > "$2"
}
p99_ms() { # wrk output file: the 99th percentile in ms
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
    printf "%.2f\n", v }' "$1"
}

echo "login-flood: warming up"
whoami 5 /dev/null
echo "login-flood: baseline, /whoami alone for ${DURATION}s"
whoami "$DURATION" "$WORK/baseline.txt"
sed -n '/Latency Distribution/,/Requests\/sec/p' "$WORK/baseline.txt"

echo "login-flood: /whoami during a flood of $FLOOD concurrent logins for ${DURATION}s"
wrk -t 2 -c "$FLOOD" -d "$((DURATION + 2))s" --timeout 30s --latency \
  -s "$ROOT/example/load/login-flood.lua" "$BASE/create_token" > "$WORK/flood.txt" &
FLOOD_PID=$!
sleep 1
whoami "$DURATION" "$WORK/during.txt"
wait "$FLOOD_PID"
sed -n '/Latency Distribution/,/Requests\/sec/p' "$WORK/during.txt"
echo "login-flood: the logins:"
sed -n '/Latency Distribution/,$p' "$WORK/flood.txt"

BASELINE=$(p99_ms "$WORK/baseline.txt")
DURING=$(p99_ms "$WORK/during.txt")
echo "login-flood: /whoami p99 ${BASELINE} ms alone, ${DURING} ms during the flood (target < 50 ms)"
if awk -v d="$DURING" 'BEGIN { exit !(d < 50) }'; then echo "login-flood: PASSED"; else echo "login-flood: FAILED"; exit 1; fi
