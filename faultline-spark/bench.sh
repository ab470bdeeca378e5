#!/usr/bin/env bash
# Documents/second of the Spark job in local[2] against the command line's coder (2 threads) on the same corpus.
# Usage: faultline-spark/bench.sh [CORPUS.jsonl] [N] [PARTITIONS]
#        (default: the first 200 WCEP 2015-09 summaries; PARTITIONS as CodingJob's default, 3 per core)
# Needs: faultline-spark/target/faultline-spark-*-job.jar (mvn -q install -pl faultline-spark) and
#        faultline-cli/target/faultline.jar. Both sides load the models and code the first 10 documents before
#        timing the next N; the load is reported apart. Prints one markdown table row per run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
corpus="${1:-$root/../shared/corpora/wcep-2015-09.docs.jsonl}"
n="${2:-200}"
partitions=()
if [ -n "${3:-}" ]; then partitions=(--partitions "$3"); fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# the first 10 documents warm both sides up (JIT, Spark's first query); the next N are timed
head -n 10 "$corpus" > "$work/warm.jsonl"
tail -n +11 "$corpus" | head -n "$n" > "$work/docs.jsonl"
head -n $((n + 10)) "$corpus" > "$work/cli.jsonl"
export SPARK_LOCAL_IP=127.0.0.1
jvm=(-Xmx4g -XX:+UseParallelGC)
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
       --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
       --add-opens=java.base/java.lang.invoke=ALL-UNNAMED)
# copies, so that a rebuild by someone else during the run does not change what is measured
cp "$root"/faultline-spark/target/faultline-spark-*-job.jar "$work/job.jar"
cp "$root/faultline-cli/target/faultline.jar" "$work/cli.jar"
(cd "$root" && mvn -q -B dependency:build-classpath -pl faultline-spark -Dmdep.includeScope=provided \
    -Dmdep.outputFile="$work/spark.cp" >/dev/null)

now() { date +%s.%N; }

t0=$(now)
java "${jvm[@]}" -jar "$work/cli.jar" bench --limit "$n" --warmup 10 --threads 2 "$work/cli.jsonl" \
    > "$work/cli.out" 2> "$work/cli.err"
t1=$(now)
cli_load=$(awk -F'|' '/model load/ {gsub(/ /,"",$3); print $3}' "$work/cli.out")
cli_secs=$(awk -F'|' '/^\| seconds/ {gsub(/ /,"",$3); print $3}' "$work/cli.out")
cli_dps=$(awk -F'|' '/documents\/s/ {gsub(/ /,"",$3); print $3}' "$work/cli.out")

t2=$(now)
java "${jvm[@]}" "${opens[@]}" -cp "$work/job.jar:$(cat "$work/spark.cp")" org.faultline.spark.CodingJob \
    --master 'local[2]' --input "$work/docs.jsonl" --output "$work/spark-out" --warm-up --warm-up-input "$work/warm.jsonl" "${partitions[@]}" \
    > "$work/spark.out" 2> "$work/spark.err"
t3=$(now)
spark_load=$(sed -n 's/^coder loaded in the driver in \([0-9.]*\) s.*/\1/p' "$work/spark.out")
spark_secs=$(sed -n 's/^coded .*(\([0-9.]*\) s, .*/\1/p' "$work/spark.out")
spark_dps=$(awk -v n="$n" -v s="$spark_secs" 'BEGIN {printf "%.2f", n / s}')
events=$(sed -n 's/^coded [0-9]* documents, \([0-9]*\) events.*/\1/p' "$work/spark.out")
cli_events=$(awk -F"|" '/^\| events / {gsub(/ /,"",$3); print $3}' "$work/cli.out")

overhead=$(awk -v a="$spark_secs" -v b="$cli_secs" 'BEGIN {printf "%+.0f%%", (a / b - 1) * 100}')
wall_cli=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", b - a}')
wall_spark=$(awk -v a="$t2" -v b="$t3" 'BEGIN {printf "%.0f", b - a}')
echo "| $(date -u +%Y-%m-%dT%H:%MZ) | $n | ${3:-6} | $(uptime | sed 's/.*load average: //') | $cli_load | $cli_secs | $cli_dps | $spark_load | $spark_secs | $spark_dps | $overhead | $cli_events / $events | $wall_cli / $wall_spark |"
