#!/usr/bin/env bash
# A flood of unknown tokens against the authentication cache: wrk sends GET /whoami
# with a new random token each time (load/unknown-tokens.lua) on FLOOD (8) connections, while a
# second wrk measures GET /whoami with one valid token on 8 connections (the hit path). Before it,
# the hit path alone; as a control, the hit path during a flood of as many connections on the
# public route (the same CPU taken, no cache involved). The cache's counters before and after
# (GET /admin/auth-cache) show whether the flood filled the cache or pushed the valid token out.
# Passes (exit 0) when the cache holds no more entries after the flood than before and the valid
# token was never loaded again during it. Every figure is printed with the load average. See
# benchmarks/README.md, "Results".
#
# Settings (environment): FLOOD, DURATION (10), JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
FLOOD=${FLOOD:-8}
DURATION=${DURATION:-10}
command -v wrk > /dev/null || fail "wrk not found (apt-get install wrk)"

describe_run
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
start_server
OPS_TOKEN=$(register_and_login ops "$PASSWORD")
TOKEN=$(register_and_login reader "$PASSWORD")
stop_server
# A lifetime longer than the run: no entry expires by itself meanwhile.
start_server --admin ops --auth-cache-ttl 10m
counter() { # name: one of the cache's counters
  curl -sS -H "Authorization: Bearer $OPS_TOKEN" "$BASE/admin/auth-cache" \
    | sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"
}
hit_path() { # output file
  wrk -t 1 -c 8 -d "${DURATION}s" --latency -H "Authorization: Bearer $TOKEN" "$BASE/whoami" > "$1"
}
summary() { # wrk output file
  awk '$1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f req/s, p50 %s, p99 %s", rps, p50, p99 }' "$1"
}
requests() { awk '/requests in/ { print $1 }' "$1"; }
refused() { awk '/Non-2xx or 3xx responses:/ { n = $NF } END { print n + 0 }' "$1"; }

wrk -t 1 -c 8 -d 5s -H "Authorization: Bearer $TOKEN" "$BASE/whoami" > /dev/null
echo "cache-flood: load average $(load_average); the hit path alone for ${DURATION}s"
hit_path "$WORK/alone.txt"
echo "cache-flood:   $(summary "$WORK/alone.txt")"

echo "cache-flood: load average $(load_average); the hit path during a flood of $FLOOD connections on the public route"
wrk -t 1 -c "$FLOOD" -d "$((DURATION + 2))s" --latency "$BASE/no_current_stateless_user" \
  > "$WORK/public.txt" &
FLOOD_PID=$!
sleep 1
hit_path "$WORK/control.txt"
wait "$FLOOD_PID"
echo "cache-flood:   $(summary "$WORK/control.txt") (public route: $(summary "$WORK/public.txt"))"

SIZE_BEFORE=$(counter size)
LOOKUPS_BEFORE=$(counter token_lookups)
echo "cache-flood: load average $(load_average); the hit path during a flood of unknown tokens on $FLOOD connections"
wrk -t 1 -c "$FLOOD" -d "$((DURATION + 2))s" --latency \
  -s "$ROOT/example/load/unknown-tokens.lua" "$BASE/whoami" > "$WORK/flood.txt" &
FLOOD_PID=$!
sleep 1
hit_path "$WORK/during.txt"
wait "$FLOOD_PID"
SIZE_AFTER=$(counter size)
LOOKUPS_AFTER=$(counter token_lookups)
FLOODED=$(requests "$WORK/flood.txt")
echo "cache-flood:   $(summary "$WORK/during.txt") (unknown tokens: $(summary "$WORK/flood.txt"), $(refused "$WORK/flood.txt") of $(requests "$WORK/flood.txt") refused)"
echo "cache-flood: cache entries $SIZE_BEFORE before the flood, $SIZE_AFTER after;" \
  "database lookups $((LOOKUPS_AFTER - LOOKUPS_BEFORE)) for $FLOODED unknown tokens" \
  "and $(requests "$WORK/during.txt") requests with the valid one"

verdict=0
(( SIZE_AFTER <= SIZE_BEFORE )) || { echo "cache-flood: the flood filled the cache"; verdict=1; }
# Every lookup was an unknown token's (at most one per flood request, counted by wrk once answered):
# had the valid token been pushed out, its reloads would add lookups beyond the flood's.
(( LOOKUPS_AFTER - LOOKUPS_BEFORE <= FLOODED + FLOOD )) || { echo "cache-flood: the valid token was loaded again"; verdict=1; }
if (( verdict == 0 )); then echo "cache-flood: PASSED"; else echo "cache-flood: FAILED"; fi
exit "$verdict"
