#!/usr/bin/env bash
# How long a failed login takes with a wrong password against an unknown name, at the real
# iteration count, and again after a restart with a higher count, when the known name's hash is
# still stored at the old one (a failed login never rehashes it). ROUNDS (10) tries of each,
# alternating; prints every try, then the median and the spread. The figures go to
# benchmarks/README.md, "Results", "Login timing"; keep the whole output beside them as their raw
# file. The throttles are turned off for the measurement (it fails many logins from one address on
# purpose). A figure, no verdict: PasswordCostTest holds the equality in iterations.
#
# Settings (environment): ROUNDS, LOW (600000, the service's default), HIGH (1200000), JAR,
# JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROUNDS=${ROUNDS:-10}
LOW=${LOW:-600000}
HIGH=${HIGH:-1200000}
OFF=(--failed-logins-per-name 0 --failed-logins-per-address 0 --registrations-per-address 0)

attempt() { # name: seconds the failed login took
  curl -sS -o /dev/null -w '%{time_total}\n' -X POST \
    --data "{\"username\":\"$1\",\"password\":\"not the password\"}" "$BASE/create_token"
}
measure() { # label
  : > "$WORK/known"; : > "$WORK/unknown"
  for i in $(seq "$ROUNDS"); do
    attempt timing-user >> "$WORK/known"
    attempt "nobody-$i" >> "$WORK/unknown"
  done
  for kind in known unknown; do
    awk -v label="$1" -v kind="$kind" '
      BEGIN { printf "login-timing: %s, %s name, every try in order (ms):", label, kind }
      { printf " %.1f", $1 * 1000 } END { printf "\n" }' "$WORK/$kind"
  done
  for kind in known unknown; do
    sort -n "$WORK/$kind" | awk -v label="$1" -v kind="$kind" '{ v[NR] = $1 * 1000 }
      END { median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "login-timing: %s, %s name, wrong password: median %.1f ms (min %.1f, max %.1f, %d tries)\n",
          label, kind, median, v[1], v[NR], NR }'
  done
}

describe_run
echo "login-timing: figures for benchmarks/README.md, \"Results\", \"Login timing\"; $ROUNDS tries of" \
  "each kind, alternating, after one warm-up"
start_server --pbkdf2-iterations "$LOW" "${OFF[@]}"
register_and_login timing-user "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')" > /dev/null
attempt warm-up > /dev/null
measure "at $LOW iterations"
stop_server
start_server --pbkdf2-iterations "$HIGH" "${OFF[@]}"
attempt warm-up > /dev/null
measure "restarted at $HIGH, the known name still stored at $LOW"
