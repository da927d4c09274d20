#!/usr/bin/env bash
# Memory of the authentication cache: COUNT (100 000) distinct tokens cached at once.
# Writes COUNT users with a token pair each straight into a SQLite database (load/SeedTokens.java;
# logging in that often would hash as many passwords), starts the service with a fixed 512 MB heap
# and a cache large enough, reads heap used after a full GC, sends GET /whoami once with every
# token (load/CacheFill.java), reads the cache's counters (GET /admin/auth-cache) and heap used
# after a full GC again, and prints the difference per cached token, with the classes that grew
# most. A figure, no verdict. See benchmarks/README.md, "Results".
#
# Settings (environment): COUNT, JAR, JAVA_HOME (java, jcmd and jstat).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
COUNT=${COUNT:-100000}
for tool in "${BIN}jcmd" "${BIN}jstat"; do
  command -v "$tool" > /dev/null || fail "$tool not found"
done

heap_used_kb() { # after a full GC: survivors, eden and old generation in use
  "${BIN}jcmd" "$SERVER_PID" GC.run > /dev/null
  "${BIN}jstat" -gc "$SERVER_PID" | awk '
    NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i }
    NR == 2 { printf "%d\n", $column["S0U"] + $column["S1U"] + $column["EU"] + $column["OU"] }'
}
histogram() { "${BIN}jcmd" "$SERVER_PID" GC.class_histogram | awk 'NR > 2 && $1 ~ /:$/ { print $4, $2, $3 }'; }

describe_run
PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
start_server
OPS_TOKEN=$(register_and_login ops "$PASSWORD")
stop_server
"${BIN}java" --enable-native-access=ALL-UNNAMED -cp "$JAR" "$ROOT/example/load/SeedTokens.java" \
  "$DB_URL" "$COUNT" "$WORK/tokens"

start_server -Xms512m -Xmx512m -- --admin ops --auth-cache-size $((COUNT + 1000)) --auth-cache-ttl 1h
counters() { curl -sS -H "Authorization: Bearer $OPS_TOKEN" "$BASE/admin/auth-cache"; echo; }
head -n 100 "$WORK/tokens" > "$WORK/warm-up"
"${BIN}java" "$ROOT/example/load/CacheFill.java" "$BASE" "$WORK/warm-up" 4 > /dev/null
echo "cache-memory: load average $(load_average) before the fill"
echo "cache-memory: counters before: $(counters)"
BEFORE=$(heap_used_kb)
histogram > "$WORK/histogram-before"
"${BIN}java" "$ROOT/example/load/CacheFill.java" "$BASE" "$WORK/tokens" 16
echo "cache-memory: counters after: $(counters)"
AFTER=$(heap_used_kb)
histogram > "$WORK/histogram-after"
echo "cache-memory: heap used after a full GC: $BEFORE KB before, $AFTER KB after:" \
  "$(awk -v a="$AFTER" -v b="$BEFORE" -v n="$COUNT" 'BEGIN { printf "%.1f MB for %d more tokens, %.0f bytes each", (a - b) / 1024, n - 100, (a - b) * 1024 / (n - 100) }')"
echo "cache-memory: the classes that grew most (bytes, instances):"
awk 'NR == FNR { bytes[$1] = $3; count[$1] = $2; next }
     { printf "%s %d %d\n", $1, $3 - bytes[$1], $2 - count[$1] }' \
  "$WORK/histogram-before" "$WORK/histogram-after" | sort -k2 -n -r | head -n 12 \
  | awk '{ printf "  %-60s %12d %10d\n", $1, $2, $3 }'
