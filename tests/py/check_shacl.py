"""Validates a newskg export against ontology/shapes.ttl with pySHACL.

usage: check_shacl.py DATA.ttl SHAPES.ttl [--expect-violations]
Prints the number of violations; exits 1 when the outcome is not the expected one.
"""
import sys

import rdflib
from pyshacl import validate

data = rdflib.Graph().parse(sys.argv[1], format="turtle")
shapes = rdflib.Graph().parse(sys.argv[2], format="turtle")
conforms, report, text = validate(data, shacl_graph=shapes, advanced=True, allow_warnings=False)
if not isinstance(report, rdflib.Graph):
    print(text)
    sys.exit(2)
n = len(list(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult"))))
print("conforms" if conforms else "violations", n)
messages = sorted({str(m) for m in report.objects(None, rdflib.URIRef("http://www.w3.org/ns/shacl#resultMessage"))})
for m in messages:
    print("  ", m)
expect = "--expect-violations" in sys.argv
sys.exit(0 if (conforms != expect) else 1)
