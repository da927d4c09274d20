#!/usr/bin/env bash
# Runs JMH benchmarks one fork at a time in alternating rounds, so that a shared machine whose speed
# drifts during a run slows every benchmark of a round alike, and compares benchmarks round by round:
# prints every round's ns/op and B/op, then per benchmark the median ns/op, its B/op, the median
# of its per-round ratio to its reference (with the lowest and highest), and the median of its faster
# half of forks against the reference's (noise only adds time, so the faster half is the less inflated).
# Builds nothing: run `mvn -B -q package -DskipTests` first.
#
# usage: benchmarks/scripts/jmh-rounds.sh ROUNDS BENCHMARK[@REFERENCE]...
#        (JMH names such as AuthOverhead.generated; a benchmark is compared with the REFERENCE named
#        after its @, else with the first benchmark)
# env:   JMH_ARGS="-wi 5 -i 5 -w 1 -r 1"
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=$1
shift
jar=target/benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

benchmarks=()
references=()
for argument in "$@"; do
  benchmarks+=("${argument%@*}")
  if [[ $argument == *@* ]]; then references+=("${argument#*@}"); else references+=("${1%@*}"); fi
done

for round in $(seq "$rounds"); do
  for benchmark in "${benchmarks[@]}"; do
    # shellcheck disable=SC2086
    java -jar "$jar" "${benchmark//./\\.}\$" -f 1 ${JMH_ARGS:--wi 5 -i 5 -w 1 -r 1} -prof gc \
      -rf csv -rff "$work/result.csv" >/dev/null
    awk -F, -v round="$round" -v name="$benchmark" '
      { gsub(/["\r]/, "") }
      $7 == "ns/op" { time = $5 }
      $1 ~ /gc\.alloc\.rate\.norm$/ { bytes = $5 }
      END { printf "%s %s %.1f %.0f\n", round, name, time, bytes }' "$work/result.csv" >>"$work/scores"
  done
  echo "round $round: $(awk -v r="$round" '$1 == r { printf "%s %s ns %s B; ", $2, $3, $4 }' "$work/scores")"
done

echo
printf '%-45s %12s %8s  %-26s %s\n' benchmark "median ns/op" "B/op" "median ratio (min-max)" \
  "faster half's median / reference's, to"
for i in "${!benchmarks[@]}"; do
  benchmark=${benchmarks[$i]} reference=${references[$i]}
  awk -v name="$benchmark" -v ref="$reference" '
    $2 == ref { reference[$1] = $3 }
    $2 == name { time[$1] = $3; bytes = $4 }
    function median(values, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (values[j] < values[i]) { t = values[i]; values[i] = values[j]; values[j] = t }
      return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
    }
    END {
      n = 0
      for (r in time) { n++; times[n] = time[r]; references[n] = reference[r]; ratios[n] = time[r] / reference[r] }
      m = median(times, n); q = median(ratios, n); median(references, n)
      half = int((n + 1) / 2)
      faster = median(times, half) / median(references, half)
      printf "%-45s %12.1f %8d  %.3f (%.3f-%.3f)        %.3f %s\n", name, m, bytes, q, ratios[1], ratios[n],
        faster, ref
    }' "$work/scores"
done
