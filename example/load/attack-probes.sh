#!/usr/bin/env bash
# Reproductions of attacks on the example, run against the built jar
# (example/load/AttackProbes.java): 16 and 100 stalled uploads against the public route and
# /whoami, look-alike names, encoded and absolute-form paths to the admin routes, a Content-Length
# of "+31" with a request smuggled after its body and the JDK's own answers to other malformed
# lengths; then, over a throwaway PostgreSQL, 200 logins with a NUL in the name, counting the
# server's log lines and the database sessions they opened. Prints statuses and times (a figure,
# no verdict): run it with JAR pointing at a build before and after a change to compare.
#
# Settings (environment): JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PROBES=("$ROOT/example/load/AttackProbes.java")

describe_run
echo "jar: $JAR (built from commit ${JAR_COMMIT:-the one above})"
start_server
TOKEN=$(register_and_login probe-user "$PASSWORD")
[[ -n $TOKEN ]] || fail "no access token"
"${BIN}java" "${PROBES[@]}" "$BASE" "$TOKEN" slow-bodies-16 slow-bodies-100 look-alikes raw-paths \
  content-length jdk-answers
stop_server

unset EXAMPLE_POSTGRES_URL
use_postgres
PG_PORT=$(sed -n 's|.*//[^:]*:\([0-9]*\)/.*|\1|p' <<< "$DB_URL")
sessions() {
  as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc \
    "SELECT sessions FROM pg_stat_database WHERE datname = 'postgres'"
}
start_server
TOKEN=$(register_and_login probe-user "$PASSWORD")
LOG="$WORK/server-$SERVERS_STARTED.log"
LINES_BEFORE=$(wc -l < "$LOG")
SESSIONS_BEFORE=$(sessions)
"${BIN}java" "${PROBES[@]}" "$BASE" "$TOKEN" nul-login
echo "  server log: $(( $(wc -l < "$LOG") - LINES_BEFORE )) new lines;" \
  "database sessions opened meanwhile: $(( $(sessions) - SESSIONS_BEFORE ))"
