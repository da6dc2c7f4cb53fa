//! JSON-LD: the same RDF graph as the Turtle, compacted against newskg's
//! context so that a web developer reads `{"@type": "Accusation", "agent":
//! "id:state/serbia", "negated": false}` instead of full IRIs.
//!
//! oxjsonld writes only expanded JSON-LD, so compaction is done here, from
//! the very triples the Turtle writer gets: each subject becomes a node
//! object, each predicate a term of [`context`] (full IRIs for anything
//! else), each object a compact value. The context is embedded in every
//! file (no network access is ever needed) and kept as
//! `ontology/context.jsonld`; a test re-reads the output with independent
//! JSON-LD processors and checks the graph is isomorphic to the Turtle.

use std::io::{self, Write};

use oxrdf::{NamedNodeRef, TermRef, TripleRef};
use serde_json::{json, Map, Value};

use crate::vocab::{self, ext, nkg};

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Values are IRIs.
    Id,
    /// Values are `@en` strings.
    Lang,
    /// Values are plain strings.
    Plain,
    /// Values are `xsd:date` strings.
    Date,
    /// Values are native JSON booleans or numbers.
    Native,
}

const TERMS: &[(&str, NamedNodeRef<'static>, Kind)] = &[
    ("label", ext::LABEL, Kind::Lang),
    ("altLabel", ext::ALT_LABEL, Kind::Lang),
    ("agent", nkg::AGENT, Kind::Id),
    ("target", nkg::TARGET, Kind::Id),
    ("negated", nkg::NEGATED, Kind::Native),
    ("hypothetical", nkg::HYPOTHETICAL, Kind::Native),
    ("derivedFrom", ext::WAS_DERIVED_FROM, Kind::Id),
    ("attributedTo", ext::WAS_ATTRIBUTED_TO, Kind::Id),
    ("identifier", ext::IDENTIFIER, Kind::Plain),
    ("date", ext::DATE, Kind::Date),
    ("sentence", nkg::SENTENCE, Kind::Plain),
    ("startOffset", nkg::START_OFFSET, Kind::Native),
    ("endOffset", nkg::END_OFFSET, Kind::Native),
    ("trigger", nkg::TRIGGER, Kind::Plain),
    ("pattern", nkg::PATTERN, Kind::Plain),
    ("force", nkg::FORCE, Kind::Plain),
    ("role", nkg::ROLE, Kind::Plain),
    ("affiliation", nkg::AFFILIATION, Kind::Id),
    ("accuses", nkg::ACCUSES, Kind::Id),
    ("deploys", nkg::DEPLOYS, Kind::Id),
    ("mediates", nkg::MEDIATES, Kind::Id),
    ("recognises", nkg::RECOGNISES, Kind::Id),
];

const CLASSES: &[NamedNodeRef<'static>] = &[
    nkg::ACCUSATION,
    nkg::DEPLOYMENT,
    nkg::MEDIATION,
    nkg::RECOGNITION,
    nkg::ARTICLE,
    nkg::PERSON,
    nkg::STATE,
    nkg::ORGANISATION,
    nkg::ARMED_FORCE,
    nkg::GROUP,
    nkg::PLACE,
];

fn prefixed(iri: &str) -> String {
    for (p, ns) in vocab::PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            return format!("{p}:{local}");
        }
    }
    iri.to_string()
}

/// The JSON-LD context of newskg (also `ontology/context.jsonld`).
pub fn context() -> Value {
    let mut c = Map::new();
    for (p, ns) in vocab::PREFIXES {
        c.insert((*p).to_string(), json!(ns));
    }
    for (p, ns) in vocab::ID_PREFIXES {
        c.insert((*p).to_string(), json!(ns));
    }
    for class in CLASSES {
        let local = class.as_str().rsplit('#').next().unwrap_or_default();
        c.insert(local.to_string(), json!(prefixed(class.as_str())));
    }
    for (name, iri, kind) in TERMS {
        let id = prefixed(iri.as_str());
        let def = match kind {
            Kind::Id => json!({"@id": id, "@type": "@id"}),
            Kind::Lang => json!({"@id": id, "@language": "en"}),
            Kind::Date => json!({"@id": id, "@type": "xsd:date"}),
            Kind::Plain | Kind::Native => json!(id),
        };
        c.insert((*name).to_string(), def);
    }
    json!({ "@context": Value::Object(c) })
}

fn compact_iri(iri: &str) -> String {
    for (p, ns) in vocab::ID_PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    iri.to_string()
}

fn value(kind: Option<Kind>, o: TermRef<'_>) -> Value {
    match (kind, o) {
        (Some(Kind::Id), TermRef::NamedNode(n)) => json!(compact_iri(n.as_str())),
        (Some(Kind::Lang), TermRef::Literal(l)) if l.language() == Some("en") => json!(l.value()),
        (Some(Kind::Plain), TermRef::Literal(l)) if l.datatype() == oxrdf::vocab::xsd::STRING => {
            json!(l.value())
        }
        (Some(Kind::Date), TermRef::Literal(l)) if l.datatype() == ext::XSD_DATE => {
            json!(l.value())
        }
        (Some(Kind::Native), TermRef::Literal(l)) if l.datatype() == ext::BOOLEAN => {
            json!(l.value() == "true")
        }
        (Some(Kind::Native), TermRef::Literal(l))
            if l.datatype() == ext::INTEGER && l.value().parse::<u64>().is_ok() =>
        {
            json!(l.value().parse::<u64>().unwrap_or_default())
        }
        // anything else in expanded form, exact
        (_, TermRef::NamedNode(n)) => json!({"@id": n.as_str()}),
        (_, TermRef::Literal(l)) => match l.language() {
            Some(lang) => json!({"@value": l.value(), "@language": lang}),
            None => json!({"@value": l.value(), "@type": l.datatype().as_str()}),
        },
        (_, other) => json!({"@id": other.to_string()}),
    }
}

/// The node object of one subject's triples.
fn node_object(ts: &[TripleRef<'_>]) -> Value {
    let subject = ts[0].subject;
    let mut node = Map::new();
    node.insert(
        "@id".into(),
        json!(match subject {
            oxrdf::NamedOrBlankNodeRef::NamedNode(n) => compact_iri(n.as_str()),
            other => other.to_string(),
        }),
    );
    let mut types: Vec<Value> = Vec::new();
    let mut props: Vec<(String, Value)> = Vec::new();
    for tr in ts {
        if tr.predicate == oxrdf::vocab::rdf::TYPE {
            if let TermRef::NamedNode(c) = tr.object {
                if CLASSES.contains(&c) {
                    types.push(json!(c.as_str().rsplit('#').next().unwrap_or_default()));
                } else {
                    types.push(json!(c.as_str()));
                }
            }
            continue;
        }
        let term = TERMS.iter().find(|(_, iri, _)| *iri == tr.predicate);
        let key = term
            .map(|(n, _, _)| (*n).to_string())
            .unwrap_or_else(|| tr.predicate.as_str().to_string());
        props.push((key, value(term.map(|x| x.2), tr.object)));
    }
    match types.len() {
        0 => {}
        1 => {
            node.insert("@type".into(), types.remove(0));
        }
        _ => {
            node.insert("@type".into(), Value::Array(types));
        }
    }
    props.sort_by(|a, b| a.0.cmp(&b.0));
    let mut k = 0;
    while k < props.len() {
        let key = props[k].0.clone();
        let mut vals = Vec::new();
        while k < props.len() && props[k].0 == key {
            vals.push(props[k].1.clone());
            k += 1;
        }
        node.insert(
            key,
            if vals.len() == 1 {
                vals.remove(0)
            } else {
                Value::Array(vals)
            },
        );
    }
    Value::Object(node)
}

/// Streams node objects into `{"@context": …, "@graph": [ … ]}`, one subject at a time.
struct GraphWriter<W: Write> {
    w: W,
    first: bool,
}

impl<W: Write> GraphWriter<W> {
    fn start(mut w: W) -> io::Result<Self> {
        let ctx = context();
        let ctx_text = serde_json::to_string_pretty(&ctx["@context"]).map_err(io::Error::other)?;
        write!(
            w,
            "{{\n  \"@context\": {},\n  \"@graph\": [",
            ctx_text.replace('\n', "\n  ")
        )?;
        Ok(GraphWriter { w, first: true })
    }

    fn node(&mut self, ts: &[TripleRef<'_>]) -> io::Result<()> {
        if ts.is_empty() {
            return Ok(());
        }
        let text = serde_json::to_string_pretty(&node_object(ts)).map_err(io::Error::other)?;
        let sep = if self.first { "\n    " } else { ",\n    " };
        self.first = false;
        write!(self.w, "{sep}{}", text.replace('\n', "\n    "))
    }

    fn finish(mut self) -> io::Result<W> {
        self.w
            .write_all(if self.first { b"]\n}\n" } else { b"\n  ]\n}\n" })?;
        Ok(self.w)
    }
}

/// Writes the whole graph as compacted JSON-LD, subject by subject (memory stays flat).
pub fn write_jsonld_graph<W: Write>(g: &crate::graph::KnowledgeGraph, w: W) -> io::Result<W> {
    let mut gw = GraphWriter::start(w)?;
    super::rdf::for_each_subject(g, |ts| gw.node(ts))?;
    gw.finish()
}
