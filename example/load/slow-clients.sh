#!/usr/bin/env bash
# Slow clients against the example service: opens STALLED (100)
# connections that each send one byte and stall, then times PROBES (20) real GET /whoami
# requests, and how long the server takes to close the stalled connections. Passes (exit 0) when
# every probe was answered 200 within 1 s and every stalled connection was closed within
# CLOSE_LIMIT (25) seconds. See benchmarks/README.md, "Results", "Slow clients".
#
# Settings (environment): STALLED, PROBES, CLOSE_LIMIT, JAR, JAVA_HOME (run it once per JDK).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
STALLED=${STALLED:-100}
PROBES=${PROBES:-20}
CLOSE_LIMIT=${CLOSE_LIMIT:-25}

describe_run
start_server
TOKEN=$(register_and_login slow-user "$(head -c 18 /dev/urandom | base64 | tr -d '/+=')")
[[ -n $TOKEN ]] || fail "no access token"
"${BIN}java" "$ROOT/example/load/SlowClients.java" "$BASE" "$TOKEN" "$STALLED" "$PROBES" "$CLOSE_LIMIT"
