#!/usr/bin/env bash
# HTTP load on loopback: GET /secret (authenticated) against GET /public (its unauthenticated twin,
# same handler work) on the JDK's HttpServer, driven by wrk at fixed concurrency for a fixed time.
# Prints requests/s, p50 and p99 of both and the throughput ratio; keeps wrk's raw output.
#
# usage: benchmarks/scripts/load.sh [path]        path: generated (default), handWritten, filter, ...
# env:   DURATION=20 (s per run)  ROUNDS=3  CONNECTIONS=16  THREADS=1  WORKERS=2  PORT=18089
#        RESULTS=<folder> (default benchmarks/results/<date>)  NAME=load-<path> (the raw file's name)
#        SERVER_JAVA_OPTS (extra JVM options of the server, e.g. -Dsun.net.httpserver.nodelay=false)
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUTE_PATH=${1:-generated}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-1}
WORKERS=${WORKERS:-2}
PORT=${PORT:-18089}
JAR=benchmarks/target/benchmarks.jar
RESULTS=${RESULTS:-benchmarks/results/$(date +%Y-%m-%d)}
mkdir -p "$RESULTS"
OUT=$RESULTS/${NAME:-load-$ROUTE_PATH}.txt

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
[ -f "$JAR" ] || mvn -B -q -pl benchmarks -am package -DskipTests

# The server stops by itself shortly after the last run, even if this script is killed.
LIFETIME=$(( (2 * ROUNDS + 2) * DURATION + 60 ))
LOG=$(mktemp)
# shellcheck disable=SC2086
java -Xms512m -Xmx512m ${SERVER_JAVA_OPTS:-} -cp "$JAR" io.statelessauth.benchmarks.load.LoadServer \
  "$PORT" "$ROUTE_PATH" "$WORKERS" "$LIFETIME" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 100); do
  grep -q '^listening' "$LOG" && break
  sleep 0.1
done
grep -q '^listening' "$LOG" || { cat "$LOG"; exit 1; }
TOKEN=$(awk '/^token /{print $2}' "$LOG")
URL=http://127.0.0.1:$PORT

run() { # route seconds
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --latency -H "Authorization: Bearer $TOKEN" "$URL/$1"
}
# micro-seconds from wrk's "1.23ms" / "456.00us" / "1.01s"
to_us() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v*1000} else {sub(/s$/,"",v); print v*1000000}}'; }
field() { # file label
  case $2 in
    rps) awk '/^Requests\/sec/{print $2}' "$1" ;;
    p50) awk '$1=="50%"{print $2}' "$1" | to_us ;;
    p99) awk '$1=="99%"{print $2}' "$1" | to_us ;;
  esac
}

{
  echo "# load.sh $ROUTE_PATH: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD), $(java -version 2>&1 | head -1)"
  echo "# server JVM options: ${SERVER_JAVA_OPTS:-none}"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, server workers $WORKERS, $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  cat "$LOG"
} >"$OUT"

echo "warming up both routes ($DURATION s each)"
run secret "$DURATION" >/dev/null
run public "$DURATION" >/dev/null

RAW=$(mktemp -d)
for round in $(seq "$ROUNDS"); do
  for route in public secret; do
    run "$route" "$DURATION" >"$RAW/$route-$round.txt"
    { echo; echo "## round $round: /$route"; cat "$RAW/$route-$round.txt"; } >>"$OUT"
  done
done

summary() {
  printf '%-8s %6s %12s %10s %10s\n' route round "requests/s" "p50 us" "p99 us"
  for round in $(seq "$ROUNDS"); do
    for route in public secret; do
      f=$RAW/$route-$round.txt
      printf '%-8s %6s %12s %10s %10s\n' "$route" "$round" "$(field "$f" rps)" "$(field "$f" p50)" "$(field "$f" p99)"
    done
  done
  for route in public secret; do
    for label in rps p50 p99; do
      printf '%s_%s=%s\n' "$route" "$label" "$(for r in $(seq "$ROUNDS"); do field "$RAW/$route-$r.txt" "$label"; done | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
    done
  done | tee "$RAW/medians"
  # shellcheck disable=SC1091
  . "$RAW/medians"
  echo "median throughput ratio secret/public = $(awk -v s="$secret_rps" -v p="$public_rps" 'BEGIN{printf "%.3f", s/p}')"
}
summary | tee -a "$OUT"
rm -rf "$RAW"
echo "raw wrk output: $OUT"
