#!/usr/bin/env bash
# Revocation latency between two instances: for SQLite (two processes over one file,
# which poll its revocation log) and for PostgreSQL (two processes that LISTEN), COUNT (200)
# revocations with warm caches, each a rotation on one instance by turns, timed from the revoking
# response to the first 401 on the other instance (load/RevocationLatency.java). Prints p50, p99
# and max for each database. Passes (exit 0) when every maximum is at most LIMIT_MS (100) and no
# revoking instance accepted a token after revoking it. See benchmarks/README.md, "Results".
#
# Settings (environment): COUNT, LIMIT_MS, DATABASES ("sqlite postgres"), JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
COUNT=${COUNT:-200}
LIMIT_MS=${LIMIT_MS:-100}
DATABASES=${DATABASES:-sqlite postgres}

describe_run
verdict=0
for database in $DATABASES; do
  if [[ $database == postgres ]]; then use_postgres; fi
  echo "revocation-latency: $database, load average $(load_average) at the start"
  start_server
  PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  NAME="revoker-$database-$$"
  register_and_login "$NAME" "$PASSWORD" > /dev/null
  printf '{"username":"%s","password":"%s"}' "$NAME" "$PASSWORD" > "$WORK/credentials.json"
  ONE=$BASE
  start_server
  TWO=$BASE
  "${BIN}java" "$ROOT/example/load/RevocationLatency.java" "$ONE" "$TWO" \
    "$WORK/credentials.json" "$COUNT" "$LIMIT_MS" || verdict=1
  stop_server
done
exit "$verdict"
