#!/usr/bin/env bash
# Runs every measurement the READMEs quote, on today's code, into benchmarks/results/<date>/: the JMH
# AuthOverhead benchmarks with allocation (-prof gc), the HTTP load (every round kept), the
# processor's compile cost, the Nagle trap (the JDK server with and without
# sun.net.httpserver.nodelay), the example's soak, and the example's own measuring scripts. First
# waits for a quiet machine (1-minute load average under QUIET_LOAD, up to MAX_WAIT seconds) and
# records whether it got one, with the commit, the JDKs and the load at the start of every step.
#
# usage: benchmarks/scripts/measure-all.sh [step...]   (default: every step; the steps are
#        auth-overhead load-generated processor-cost nagle and the names of example/load's scripts)
# env:   QUIET_LOAD=0.7  MAX_WAIT=1800  RESULTS=<folder>
set -euo pipefail
cd "$(dirname "$0")/../.."

QUIET_LOAD=${QUIET_LOAD:-0.7}
MAX_WAIT=${MAX_WAIT:-1800}
export RESULTS=${RESULTS:-benchmarks/results/$(date +%Y-%m-%d)}
mkdir -p "$RESULTS"
ENVIRONMENT=$RESULTS/environment.txt

mvn -B -q package -DskipTests

load_now() { cut -d' ' -f1 /proc/loadavg; }
is_quiet() { awk -v l="$(load_now)" -v q="$QUIET_LOAD" 'BEGIN{exit !(l < q)}'; }

waited=0
until is_quiet || [ "$waited" -ge "$MAX_WAIT" ]; do
  sleep 15
  waited=$((waited + 15))
done
quiet=$(is_quiet && echo "yes" || echo "NO: load $(load_now) after waiting $waited s")

{
  echo "# measure-all.sh: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
  echo "java: $(java -version 2>&1 | head -n 1)"
  echo "javac: $(javac -version 2>&1)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "quiet machine (1-minute load under $QUIET_LOAD): $quiet"
} | tee -a "$ENVIRONMENT"

STEPS=("$@")
wanted() { [ ${#STEPS[@]} -eq 0 ] || [[ " ${STEPS[*]} " == *" $1 "* ]]; }

step() { # name command...: runs one measurement, noting the load at its start
  local name=$1
  shift
  wanted "${name%%-nodelay*}" || wanted "$name" || return 0
  echo "$name: load at start $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%SZ)" | tee -a "$ENVIRONMENT"
  "$@"
}

step auth-overhead java -jar benchmarks/target/benchmarks.jar AuthOverhead -prof gc \
  -rf json -rff "$RESULTS/auth-overhead.json" -o "$RESULTS/auth-overhead.txt"
step load-generated benchmarks/scripts/load.sh generated
step processor-cost benchmarks/scripts/processor-cost.sh
step nagle-nodelay-true env NAME=nagle-nodelay-true ROUNDS=1 DURATION=10 benchmarks/scripts/load.sh generated
step nagle-nodelay-false env NAME=nagle-nodelay-false ROUNDS=1 DURATION=10 PORT=18090 \
  SERVER_JAVA_OPTS=-Dsun.net.httpserver.nodelay=false benchmarks/scripts/load.sh generated
for script in example/load/*.sh; do
  name=$(basename "$script" .sh)
  [ "$name" = common ] && continue
  wanted "$name" || continue
  step "$name" bash "$script" 2>&1 | tee "$RESULTS/$name.txt"
done
echo "measure-all.sh: results in $RESULTS" | tee -a "$ENVIRONMENT"
