#!/usr/bin/env bash
# Probes what the JDK's HttpServer does with many header fields and with one long header, on
# each JDK given (default: the java on the PATH and, when present, Temurin 25), as README.md's
# JDK section states it. Needs nothing built.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JDKS=("$@")
if (( ${#JDKS[@]} == 0 )); then
  JDKS=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]] && JDKS+=(/usr/lib/jvm/temurin-25-jdk-amd64)
fi
for jdk in "${JDKS[@]}"; do
  "$jdk/bin/java" "$HERE/HeaderLimitsProbe.java"
done
