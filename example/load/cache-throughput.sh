#!/usr/bin/env bash
# Throughput of a protected route against a public one on the same instance:
# wrk -t1 -c16 on GET /whoami (with an access token) and on GET /no_current_stateless_user
# (no token, no database), for SQLite and PostgreSQL, with the authentication cache on (the
# default) and off (--auth-cache-size 0). Each case: a warm-up of both routes, then ROUNDS (6)
# rounds of DURATION (5) seconds per route, the two routes alternating (short rounds, so that the
# two routes of a round meet the same load on a shared machine); every round is printed
# with the load average at its start, the ratio whoami / public, the server's CPU time per request
# of each route and their ratio (public / whoami: what the throughput ratio would be on an idle
# machine, were the server the only limit). Passes (exit 0) when the median throughput ratio with
# the cache on is at least TARGET (0.9) on both databases. See
# benchmarks/README.md, "Results".
#
# Settings (environment): ROUNDS, DURATION, WARMUP (5), TARGET, DATABASES ("sqlite postgres"),
# JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-5}
TARGET=${TARGET:-0.9}
DATABASES=${DATABASES:-sqlite postgres}
command -v wrk > /dev/null || fail "wrk not found (apt-get install wrk)"

# measure SECONDS PATH [TOKEN]: wrk -t1 -c16; prints the requests per second and the server's CPU
# time per request in microseconds (user and system, from /proc/<pid>/stat), which other
# processes on a shared machine disturb far less than the throughput.
measure() {
  local header=() before after output
  [[ -n ${3:-} ]] && header=(-H "Authorization: Bearer $3")
  before=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
  output=$(wrk -t 1 -c 16 -d "$1s" "${header[@]}" "$BASE$2")
  after=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ { requests = $1 } /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %.1f\n", rps, ticks * 1e6 / hz / requests }' <<< "$output"
}

describe_run
echo "| database | cache | round | load average at start | public req/s | /whoami req/s | ratio | public CPU µs/req | /whoami CPU µs/req | CPU ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
verdict=0
for database in $DATABASES; do
  if [[ $database == postgres ]]; then use_postgres; fi
  for cache in on off; do
    flags=()
    [[ $cache == off ]] && flags=(--auth-cache-size 0)
    start_server "${flags[@]}"
    TOKEN=$(register_and_login "reader-$database-$cache-$$" "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')")
    [[ -n $TOKEN ]] || fail "no access token"
    measure "$WARMUP" /no_current_stateless_user > /dev/null
    measure "$WARMUP" /whoami "$TOKEN" > /dev/null
    ratios=() cpu_ratios=()
    for round in $(seq "$ROUNDS"); do
      load=$(load_average)
      read -r public public_cpu < <(measure "$DURATION" /no_current_stateless_user)
      read -r whoami whoami_cpu < <(measure "$DURATION" /whoami "$TOKEN")
      ratio=$(awk -v w="$whoami" -v p="$public" 'BEGIN { printf "%.2f", w / p }')
      cpu_ratio=$(awk -v w="$whoami_cpu" -v p="$public_cpu" 'BEGIN { printf "%.2f", p / w }')
      ratios+=("$ratio") cpu_ratios+=("$cpu_ratio")
      echo "| $database | $cache | $round | $load | $public | $whoami | $ratio | $public_cpu | $whoami_cpu | $cpu_ratio |"
    done
    median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    cpu_median=$(printf '%s\n' "${cpu_ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
    echo "cache-throughput: $database, cache $cache: median ratio $median (CPU per request: public / whoami $cpu_median)"
    if [[ $cache == on ]] && ! awk -v m="$median" -v t="$TARGET" 'BEGIN { exit !(m >= t) }'; then
      verdict=1
    fi
    stop_server
  done
done
if (( verdict == 0 )); then echo "cache-throughput: PASSED (target $TARGET)"; else echo "cache-throughput: FAILED (target $TARGET)"; fi
exit "$verdict"
