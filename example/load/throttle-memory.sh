#!/usr/bin/env bash
# Heap taken by the login and registration throttles at their bound: four
# throttles of 10 000 keys each, with names of 10 and of 10 000 characters
# (example/load/ThrottleMemory.java, compiled against example/target/classes). A figure, no
# verdict. Needs the example built (mvn -B -q package -DskipTests) and JAVA_HOME or java.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
CLASSES=$ROOT/example/target/classes
[[ -d $CLASSES ]] || { echo "throttle-memory.sh: build the example first" >&2; exit 2; }
WORK=$(mktemp -d -t throttle-memory.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"${BIN}javac" -cp "$CLASSES" -d "$WORK" "$ROOT/example/load/ThrottleMemory.java"
for length in 10 10000; do
  "${BIN}java" -Xmx512m -XX:+UseSerialGC -cp "$CLASSES:$WORK" ThrottleMemory "$length"
done
