#!/usr/bin/env bash
# Adversarial scale: N tiny article files (default 1,000,000) in 1,000
# directories, exported with `newskg export`; prints wall time and peak RSS
# (GNU time). The files go to bench/corpus/tiny<N> (git-ignored).
#   bench/tiny_files.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
[ -x /usr/bin/time ] || { echo "bench/tiny_files.sh: install GNU time (apt-get install time)" >&2; exit 2; }
cargo build --release -q --bin newskg
dir=bench/corpus/tiny$n
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  python3 - "$dir" "$n" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
actors = ["Mali", "France", "Chad", "Sudan", "Armenia", "Azerbaijan", "Qatar", "Egypt", "Serbia", "Kosovo"]
for i in range(n):
    sub = os.path.join(d, f"{i % 1000:03d}")
    if i < 1000:
        os.makedirs(sub, exist_ok=True)
    a, b = actors[i % 10], actors[(i * 7 + 3) % 10]
    if a == b:
        b = actors[(i + 1) % 10]
    with open(os.path.join(sub, f"{i:07d}.txt"), "w") as f:
        f.write(f" date 2024-01-{i % 28 + 1:02d}\n{a} accused {b} of violating the ceasefire near the border on day {i}.\n")
open(os.path.join(d, ".complete"), "w").close()
PY
fi
out=$(mktemp -d)
log=$(mktemp)
/usr/bin/time -v target/release/newskg export --no-progress --format nt -o "$out" "$dir" 2> "$log" | tee /dev/stderr >/dev/null
wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$log" | awk '{print int($NF/1024)}')
triples=$(wc -l < "$out/graph.nt")
printf 'files %d  wall %s  peak RSS %d MB  triples %d\n' "$n" "$wall" "$rss" "$triples"
rm -rf "$out" "$log"
