#!/usr/bin/env bash
# Login fairness: one account logs in with its right password in a loop on
# LOOPERS (8) connections, while another logs in once a second, TRIES (20) times, at the default
# 600 000 iterations and --hash-slots (example/load/LoginFairness.java). Prints the second
# account's success rate and latency (a figure, no verdict): run it with JAR pointing at a build
# before and after a change to compare.
#
# Settings (environment): LOOPERS, TRIES, SERVER_FLAGS (more flags for the service, such as
# "--logins-per-name 0" to see the queue without the per-name throttle), JAR, JAVA_HOME.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
LOOPERS=${LOOPERS:-8}
TRIES=${TRIES:-20}
LOOP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

describe_run
echo "jar: $JAR (built from commit ${JAR_COMMIT:-the one above})"
echo "service flags: ${SERVER_FLAGS:-(defaults)}"
# shellcheck disable=SC2086 # the flags are words
start_server ${SERVER_FLAGS:-}
register_and_login looping-user "$LOOP_PASSWORD" > /dev/null
register_and_login other-user "$PASSWORD" > /dev/null
"${BIN}java" "$ROOT/example/load/LoginFairness.java" "$BASE" looping-user "$LOOP_PASSWORD" \
  other-user "$PASSWORD" "$LOOPERS" "$TRIES"
