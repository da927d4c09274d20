#!/usr/bin/env bash
# Soak test of the example service: 60 s at 64 connections against the protected routes, one
# user per connection, then checks that nothing leaked. See example/load/README.md.
#
# It builds nothing: it runs example/target/stateless-auth-example.jar, which
#   mvn -B -q package -DskipTests
# builds. It starts the jar on a free loopback port with a throwaway SQLite database, registers
# and logs in one user per connection, warms up, then runs wrk (-t N -c N: one thread, one
# connection and one user each; example/load/soak.lua checks every answer names that thread's own user).
# Around the soak it forces a full GC and reads heap used, thread count and open files.
#
# Passes (exit 0) when: no non-2xx answer, no cross-user answer, no socket error, heap used after
# a full GC within 10 % of its value after the warm-up, no more threads than then, no more open
# files than then besides the database's, and no more of the database's than its connections can
# hold (two each: the file and its -wal, plus the shared -shm). The connection pool opens its
# connections as requests need them, so it may still grow after the warm-up; a leak would not stop
# at the pool's bound.
# Exit 1 when a criterion fails, 2 when it cannot run. The server is killed on exit, whatever
# happens; tokens and the password stay in a private temporary folder that is deleted.
#
# Settings (environment): CONNECTIONS (64), DURATION seconds (60), WARMUP seconds (10),
# SERVER_THREADS (16), JAR, JAVA_HOME (else java, jcmd and jstat from PATH).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/example/target/stateless-auth-example.jar}
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-60}
WARMUP=${WARMUP:-10}
SERVER_THREADS=${SERVER_THREADS:-16}
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}

fail() { echo "soak: $*" >&2; exit 2; }

[[ -f $JAR ]] || fail "$JAR is missing; build it first: mvn -B -q package -DskipTests"
for tool in "${BIN}java" "${BIN}jcmd" "${BIN}jstat" curl; do
  command -v "$tool" > /dev/null || fail "$tool not found"
done
if ! command -v wrk > /dev/null; then
  echo "soak: installing wrk"
  apt-get update -qq && apt-get install -y -qq wrk > /dev/null || fail "cannot install wrk"
fi

WORK=$(mktemp -d -t stateless-auth-soak.XXXXXX)
chmod 700 "$WORK"
SERVER_PID=
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2> /dev/null; then
    kill "$SERVER_PID" 2> /dev/null || true
    wait "$SERVER_PID" 2> /dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Server: fixed heap so the figures compare; a fixed number of JIT threads, which otherwise come
# and go with the compile queue and would read as thread growth; no registration throttle, since
# every user registers from this one address.
"${BIN}java" -Xms256m -Xmx256m -XX:-UseDynamicNumberOfCompilerThreads \
  -jar "$JAR" --host 127.0.0.1 --port 0 --db "jdbc:sqlite:$WORK/soak.db" \
  --threads "$SERVER_THREADS" --registrations-per-address 0 > "$WORK/server.log" 2>&1 &
SERVER_PID=$!

BASE=
for _ in $(seq 300); do
  BASE=$(sed -n 's/^stateless-auth example listening on \(http:[^ ]*\) .*/\1/p' "$WORK/server.log")
  [[ -n $BASE ]] && break
  kill -0 "$SERVER_PID" 2> /dev/null || { cat "$WORK/server.log" >&2; fail "the server did not start"; }
  sleep 0.1
done
[[ -n $BASE ]] || fail "the server did not say where it listens within 30 s"
echo "soak: server pid $SERVER_PID at $BASE, $SERVER_THREADS threads, $("${BIN}java" -version 2>&1 | head -1)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Users: one per connection, each logged in once; "username token" lines for soak.lua.
PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
USERS_FILE=$WORK/users
: > "$USERS_FILE"
for i in $(seq "$CONNECTIONS"); do
  name="soak-user-$i"
  credentials="{\"username\":\"$name\",\"password\":\"$PASSWORD\"}"
  status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST --data "$credentials" "$BASE/user")
  [[ $status == 201 ]] || fail "registering $name answered $status"
  token=$(curl -sS -X POST --data "$credentials" "$BASE/create_token" \
    | sed -n 's/.*"access_token":"\([A-Za-z0-9_-]*\)".*/\1/p')
  [[ -n $token ]] || fail "logging in $name gave no access token"
  echo "$name $token" >> "$USERS_FILE"
done
echo "soak: $CONNECTIONS users registered and logged in"

load() { # seconds, output file
  SOAK_USERS=$USERS_FILE wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "$1s" --timeout 10s \
    --latency -s "$ROOT/example/load/soak.lua" "$BASE" > "$2"
}
soak_value() { # key, file
  sed -n "s/.*[ ]$1=\([0-9.]*\).*/\1/p" "$2" | head -1
}
heap_used_kb() { # after a full GC: survivors, eden and old generation in use
  "${BIN}jcmd" "$SERVER_PID" GC.run > /dev/null
  "${BIN}jstat" -gc "$SERVER_PID" | awk '
    NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i }
    NR == 2 { printf "%d\n", $column["S0U"] + $column["S1U"] + $column["EU"] + $column["OU"] }'
}
threads() { awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status"; }
open_files() { ls "/proc/$SERVER_PID/fd" | wc -l; }
database_files() { # descriptors open on soak.db, soak.db-wal and soak.db-shm
  local fd count=0
  for fd in /proc/"$SERVER_PID"/fd/*; do
    [[ $(readlink "$fd" 2> /dev/null) == "$WORK/soak.db"* ]] && count=$((count + 1))
  done
  echo "$count"
}
# The pool's connections (one per handler slot) and the revocation poller's: the file and its
# -wal each, and one -shm for them all.
DATABASE_FILES_MAX=$(( 2 * (SERVER_THREADS + 1) + 1 ))

echo "soak: warming up for ${WARMUP}s"
load "$WARMUP" "$WORK/warmup.txt"
HEAP_BEFORE=$(heap_used_kb)
THREADS_BEFORE=$(threads)
FILES_BEFORE=$(( $(open_files) - $(database_files) ))
echo "soak: after warm-up: heap used ${HEAP_BEFORE} KB, $THREADS_BEFORE threads, $FILES_BEFORE open files besides $(database_files) of the database"

echo "soak: ${DURATION}s at $CONNECTIONS connections, one user each"
load "$DURATION" "$WORK/soak.txt"
cat "$WORK/soak.txt"
HEAP_AFTER=$(heap_used_kb)
THREADS_AFTER=$(threads)
DATABASE_FILES=$(database_files)
FILES_AFTER=$(( $(open_files) - DATABASE_FILES ))

# Sockets wrk closed may still be open on the server's side for a moment; wait, at most 5 s,
# for the count to come back before calling it growth.
for _ in $(seq 50); do
  (( FILES_AFTER <= FILES_BEFORE )) && break
  sleep 0.1
  DATABASE_FILES=$(database_files)
  FILES_AFTER=$(( $(open_files) - DATABASE_FILES ))
done

REQUESTS=$(soak_value requests "$WORK/soak.txt")
NON2XX=$(( $(soak_value non2xx "$WORK/soak.txt") + $(soak_value non2xx "$WORK/warmup.txt") ))
MISMATCHES=$(( $(soak_value mismatches "$WORK/soak.txt") + $(soak_value mismatches "$WORK/warmup.txt") ))
SOCKET_ERRORS=$(( $(soak_value socket_errors "$WORK/soak.txt") + $(soak_value socket_errors "$WORK/warmup.txt") ))
HEAP_CHANGE=$(awk -v a="$HEAP_AFTER" -v b="$HEAP_BEFORE" 'BEGIN { printf "%+.1f", (a - b) * 100 / b }')

verdict=0
check() { # description, condition (arithmetic)
  if (( $2 )); then echo "  PASS  $1"; else echo "  FAIL  $1"; verdict=1; fi
}
echo
echo "soak: $REQUESTS requests in ${DURATION}s, $(soak_value rps "$WORK/soak.txt") req/s," \
  "p50 $(soak_value p50_ms "$WORK/soak.txt") ms, p99 $(soak_value p99_ms "$WORK/soak.txt") ms"
check "requests answered: $REQUESTS" "$REQUESTS > 0"
check "non-2xx answers (warm-up and soak): $NON2XX" "$NON2XX == 0"
check "cross-user answers (warm-up and soak): $MISMATCHES" "$MISMATCHES == 0"
check "socket errors and timeouts (warm-up and soak): $SOCKET_ERRORS" "$SOCKET_ERRORS == 0"
check "heap used after full GC: $HEAP_BEFORE KB -> $HEAP_AFTER KB ($HEAP_CHANGE %, limit 10 %)" \
  "$HEAP_AFTER * 10 <= $HEAP_BEFORE * 11"
check "threads: $THREADS_BEFORE -> $THREADS_AFTER" "$THREADS_AFTER <= $THREADS_BEFORE"
check "open files besides the database's: $FILES_BEFORE -> $FILES_AFTER" "$FILES_AFTER <= $FILES_BEFORE"
check "the database's open files: $DATABASE_FILES (its connections hold at most $DATABASE_FILES_MAX)" \
  "$DATABASE_FILES <= $DATABASE_FILES_MAX"
if (( verdict == 0 )); then echo "soak: PASSED"; else echo "soak: FAILED"; fi
exit "$verdict"
