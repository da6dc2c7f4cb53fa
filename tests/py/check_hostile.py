"""For each gNN.nt in a directory: the Turtle and the JSON-LD parse with rdflib
and are isomorphic to the N-Triples (also parsed by rdflib)."""
import pathlib
import sys

import rdflib
from rdflib.compare import isomorphic

d = pathlib.Path(sys.argv[1])
n = 0
for nt in sorted(d.glob("g*.nt")):
    ref = rdflib.Graph().parse(nt, format="nt")
    ttl = rdflib.Graph().parse(nt.with_suffix(".ttl"), format="turtle")
    jl = rdflib.Graph().parse(nt.with_suffix(".jsonld"), format="json-ld")
    assert len(ref) > 0, nt
    assert isomorphic(ref, ttl), f"{nt}: Turtle differs"
    assert isomorphic(ref, jl), f"{nt}: JSON-LD differs"
    n += 1
print(f"{n} graphs isomorphic")
