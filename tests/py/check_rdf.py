"""Independent checks of newskg's RDF output with rdflib and pyld.

usage: check_rdf.py GRAPH.ttl GRAPH.jsonld [--contract]

* the Turtle parses with rdflib;
* the JSON-LD, expanded by pyld (with the embedded context, no network) and by
  rdflib, is isomorphic to the Turtle;
* with --contract: the contract query of spec/rdf-contract.md returns at least
  one row per relation, and every event has exactly one agent and boolean
  negated/hypothetical; prints the row count per relation.
"""
import json
import sys

import rdflib
from rdflib.compare import isomorphic
from pyld import jsonld

ttl, jld = sys.argv[1], sys.argv[2]
t = rdflib.Graph().parse(ttl, format="turtle")
j = rdflib.Graph().parse(jld, format="json-ld")
assert len(t) > 0, "empty Turtle"
assert isomorphic(t, j), "rdflib: JSON-LD and Turtle differ"

def no_remote(url, options=None):
    raise RuntimeError("remote context fetched: " + url)

jsonld.set_document_loader(no_remote)
doc = json.load(open(jld, encoding="utf-8"))
nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
p = rdflib.Graph().parse(data=nquads, format="nt")
assert isomorphic(t, p), "pyld: JSON-LD and Turtle differ"

if "--contract" in sys.argv:
    q = """
    PREFIX nkg: <https://w3id.org/newskg/ns#>
    PREFIX prov: <http://www.w3.org/ns/prov#>
    PREFIX dcterms: <http://purl.org/dc/terms/>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?doc ?type ?agent ?target ?negated ?hypothetical WHERE {
      ?e a ?type ; nkg:agent ?a ; prov:wasDerivedFrom ?d ;
         nkg:negated ?negated ; nkg:hypothetical ?hypothetical .
      ?d dcterms:identifier ?doc .
      ?a rdfs:label ?agent .
      OPTIONAL { ?e nkg:target ?t . ?t rdfs:label ?target }
      VALUES ?type { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition }
    }"""
    counts = {}
    for row in t.query(q):
        counts[str(row.type).split("#")[1]] = counts.get(str(row.type).split("#")[1], 0) + 1
        assert row.negated.datatype == rdflib.XSD.boolean
    for rel in ["Accusation", "Deployment", "Mediation", "Recognition"]:
        assert counts.get(rel, 0) > 0, f"no row for {rel}"
    NKG = rdflib.Namespace("https://w3id.org/newskg/ns#")
    for e in set(t.subjects(NKG.negated, None)):
        assert len(list(t.objects(e, NKG.agent))) == 1, f"{e} has not exactly one agent"
        assert len(list(t.objects(e, NKG.hypothetical))) == 1
    for ent in set(t.subjects(rdflib.RDFS.label, None)):
        assert len(list(t.objects(ent, rdflib.RDFS.label))) == 1, f"{ent} has several labels"
    print(json.dumps(counts, sort_keys=True))
print("ok", len(t))
