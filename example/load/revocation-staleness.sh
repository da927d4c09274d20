#!/usr/bin/env bash
# Staleness under faults: for SQLite (the poller hit by an Error, its query failing, the
# file replaced) and PostgreSQL (the listener hit by an Error, its connection killed, black-holed,
# the server restarted), how long an instance whose revocation channel is broken goes on accepting
# a token revoked on another instance; and, with no fault, the revocation latency. Runs
# load/RevocationStaleness.java on the example's test classes (their fault helpers), with a new
# SQLite file and a PostgreSQL server of its own (initdb/pg_ctl, as the tests' ThrowawayPostgres).
# Writes a table (fault, database, runs, p50, p99, max, bound, runs over the bound; milliseconds)
# to RESULTS (benchmarks/results/<date>/revocation-staleness.txt). Passes (exit 0) when no run
# exceeded its bound: 1 s under a fault, 100 ms without. See benchmarks/README.md, "Results".
#
# Settings (environment): FAULT_RUNS (20), HEALTHY_RUNS (200), DATABASES ("sqlite postgres"),
# RESULTS, JAVA_HOME.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FAULT_RUNS=${FAULT_RUNS:-20}
HEALTHY_RUNS=${HEALTHY_RUNS:-200}
DATABASES=${DATABASES:-sqlite postgres}
RESULTS=${RESULTS:-$ROOT/benchmarks/results/$(date -u +%F)/revocation-staleness.txt}
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}

WORK=$(mktemp -d -t revocation-staleness.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# The example's test classes and their class path, built by the reactor (nothing installed).
(cd "$ROOT" && mvn -B -q -pl example -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath" > "$WORK/build.log" 2>&1) \
  || { cat "$WORK/build.log" >&2; exit 2; }
CLASSPATH="$ROOT/example/target/test-classes:$ROOT/example/target/classes:$(cat "$WORK/classpath")"
"${BIN}javac" -proc:none -d "$WORK/classes" -cp "$CLASSPATH" "$ROOT/example/load/RevocationStaleness.java"

mkdir -p "$(dirname "$RESULTS")"
{
  echo "# revocation-staleness.sh, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "# $("${BIN}java" -version 2>&1 | head -n 1), $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo "# from the revoking response to the first 401 on the other instance, in ms"
  echo "| fault | database | runs | p50 | p99 | max | bound | over the bound |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >> "$RESULTS"
verdict=0
for database in $DATABASES; do
  "${BIN}java" --enable-native-access=ALL-UNNAMED -cp "$WORK/classes:$CLASSPATH" \
    io.statelessauth.example.revocation.RevocationStaleness "$database" "$FAULT_RUNS" "$HEALTHY_RUNS" \
    "$RESULTS" || verdict=1
done
echo "revocation-staleness: results in ${RESULTS#$ROOT/}; $([[ $verdict == 0 ]] && echo PASSED || echo FAILED)"
exit "$verdict"
