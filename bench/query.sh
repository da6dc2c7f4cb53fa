#!/usr/bin/env bash
# Loading an export of at least N million triples into `newskg query` and
# answering the contract query of spec/rdf-contract.md, with the time and peak
# memory of each (GNU time). The export is the streamed N-Triples of a
# generated corpus (examples/gen_corpus.rs) sized to give a little over N
# million triples.
#
#   bench/query.sh [MILLIONS]        default: 10
#
# Needs GNU time (Debian: time). Files go to bench/corpus/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
millions=${1:-10}
[ -x /usr/bin/time ] || { echo "bench/query.sh: install GNU time (apt-get install time)" >&2; exit 2; }
cargo build --release -q --bin newskg --example gen_corpus
bin=target/release/newskg
dir=bench/corpus/q$millions
nt=$dir/graph.nt
if [ ! -f "$nt" ]; then
  # the generated text gives about 56,000 triples per MiB
  mb=$(( millions * 1000000 / 56000 + 1 ))
  target/release/examples/gen_corpus "$dir" "$mb" --jsonl 2>/dev/null
  "$bin" export --jsonl "$dir/corpus.jsonl" -q --no-progress > "$nt.tmp"
  mv "$nt.tmp" "$nt"
fi
triples=$(wc -l < "$nt")
contract='SELECT ?doc ?type ?agent ?target ?negated ?hypothetical WHERE { ?e a ?type ; nkg:agent ?a ; prov:wasDerivedFrom ?d ; nkg:negated ?negated ; nkg:hypothetical ?hypothetical . ?d dcterms:identifier ?doc . ?a rdfs:label ?agent . OPTIONAL { ?e nkg:target ?t . ?t rdfs:label ?target } VALUES ?type { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition } }'
measure() {
  local log rows
  log=$(mktemp)
  rows=$(/usr/bin/time -v "$bin" query --data "$nt" --format csv "$2" 2>"$log" | wc -l)
  printf '%-28s %10s %10s %14s\n' "$1" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$log")" "$((rows - 1))" \
    "$(awk '/Maximum resident/ {print int($6/1024)}' "$log")"
  rm -f "$log"
}
echo "export: $triples triples ($nt)"
printf '%-28s %10s %10s %14s\n' step "wall time" rows "peak RSS (MB)"
measure "load + count" 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
measure "load + contract query" "$contract"
