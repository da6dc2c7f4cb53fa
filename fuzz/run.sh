#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), JOBS at a time (default 2),
# then prints how many inputs each one executed and whether it crashed.
#   fuzz/run.sh [SECONDS]          TARGETS="article sparql" fuzz/run.sh 60
# Needs a nightly toolchain and cargo-fuzz (cargo install cargo-fuzz).
# A crash leaves its input in fuzz/artifacts/TARGET/: copy it to
# fuzz/regressions/TARGET/ so `cargo test` replays it forever.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
jobs=${JOBS:-2}
read -r -a targets <<< "${TARGETS:-article jsonl gold sparql rdf}"
cargo +nightly fuzz build -O
mkdir -p logs
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  echo "cargo +nightly fuzz run -O $t corpus/$t seeds/$t -- -max_total_time=$secs -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 > logs/$t.log 2>&1; echo \$? > logs/$t.code"
done | xargs -P "$jobs" -I{} sh -c '{}'
printf '%-8s %10s %8s %s\n' target runs seconds result
for t in "${targets[@]}"; do
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || echo 0)
  time=$(grep -o 'Done [0-9]* runs in [0-9]* second' "logs/$t.log" | awk '{print $5}' || true)
  code=$(cat "logs/$t.code")
  if [ "$code" = 0 ]; then result=clean; else result="CRASH (exit $code, see fuzz/logs/$t.log)"; fi
  printf '%-8s %10s %8s %s\n' "$t" "${runs:-0}" "${time:-?}" "$result"
done
