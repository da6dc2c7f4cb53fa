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

/// A compact value of a node object, borrowed from the triple where it can be.
enum Val<'a> {
    /// A JSON string: an optional prefix (`id:`), then text.
    Str(&'static str, &'a str),
    Bool(bool),
    Num(u64),
    /// An object of one or two string members (`{"@id": …}`, `{"@value": …, "@language": …}`).
    Obj((&'static str, &'a str), Option<(&'static str, &'a str)>),
    /// `{"@id": …}` of a term that has no borrowed text (a blank node, a triple term).
    Id(String),
}

/// Splits an entity or article IRI into its compact prefix and the rest.
fn compact_iri(iri: &str) -> (&'static str, &str) {
    for (p, ns) in vocab::ID_PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return (p, rest);
        }
    }
    ("", iri)
}

fn value(kind: Option<Kind>, o: TermRef<'_>) -> Val<'_> {
    match (kind, o) {
        (Some(Kind::Id), TermRef::NamedNode(n)) => {
            let (p, rest) = compact_iri(n.as_str());
            Val::Str(p, rest)
        }
        (Some(Kind::Lang), TermRef::Literal(l)) if l.language() == Some("en") => {
            Val::Str("", l.value())
        }
        (Some(Kind::Plain), TermRef::Literal(l)) if l.datatype() == oxrdf::vocab::xsd::STRING => {
            Val::Str("", l.value())
        }
        (Some(Kind::Date), TermRef::Literal(l)) if l.datatype() == ext::XSD_DATE => {
            Val::Str("", l.value())
        }
        (Some(Kind::Native), TermRef::Literal(l)) if l.datatype() == ext::BOOLEAN => {
            Val::Bool(l.value() == "true")
        }
        (Some(Kind::Native), TermRef::Literal(l)) if l.datatype() == ext::INTEGER => {
            match l.value().parse::<u64>() {
                Ok(n) => Val::Num(n),
                Err(_) => Val::Obj(
                    ("@value", l.value()),
                    Some(("@type", l.datatype().as_str())),
                ),
            }
        }
        // anything else in expanded form, exact
        (_, TermRef::NamedNode(n)) => Val::Obj(("@id", n.as_str()), None),
        (_, TermRef::Literal(l)) => match l.language() {
            Some(lang) => Val::Obj(("@value", l.value()), Some(("@language", lang))),
            None => Val::Obj(
                ("@value", l.value()),
                Some(("@type", l.datatype().as_str())),
            ),
        },
        (_, other) => Val::Id(other.to_string()),
    }
}

/// Appends `s` as a JSON string body, escaped exactly as `serde_json` does
/// (a unit test compares the two on arbitrary strings).
fn push_escaped(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => &[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ],
            _ => continue,
        };
        buf.extend_from_slice(&bytes[start..i]);
        buf.extend_from_slice(esc);
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
}

fn push_str(buf: &mut Vec<u8>, prefix: &str, s: &str) {
    buf.push(b'"');
    if !prefix.is_empty() {
        push_escaped(buf, prefix);
        buf.push(b':');
    }
    push_escaped(buf, s);
    buf.push(b'"');
}

fn indent(buf: &mut Vec<u8>, n: usize) {
    buf.push(b'\n');
    buf.resize(buf.len() + n, b' ');
}

/// Appends one value, pretty-printed at nesting depth `depth` (in spaces).
fn push_val(buf: &mut Vec<u8>, v: &Val<'_>, depth: usize) {
    match v {
        Val::Str(p, s) => push_str(buf, p, s),
        Val::Bool(b) => buf.extend_from_slice(if *b { b"true" } else { b"false" }),
        Val::Num(n) => {
            // writing into a Vec cannot fail
            let _ = write!(buf, "{n}");
        }
        Val::Id(id) => push_val(buf, &Val::Obj(("@id", id), None), depth),
        Val::Obj(first, second) => {
            buf.push(b'{');
            for (k, (key, s)) in std::iter::once(first).chain(second).enumerate() {
                if k > 0 {
                    buf.push(b',');
                }
                indent(buf, depth + 2);
                push_str(buf, "", key);
                buf.extend_from_slice(b": ");
                push_str(buf, "", s);
            }
            indent(buf, depth);
            buf.push(b'}');
        }
    }
}

/// Appends one member `"key": value` (an array when there are several values).
fn push_member(buf: &mut Vec<u8>, key: (&str, &str), vals: &[Val<'_>], depth: usize) {
    buf.push(b',');
    indent(buf, depth + 2);
    push_str(buf, key.0, key.1);
    buf.extend_from_slice(b": ");
    if let [one] = vals {
        push_val(buf, one, depth + 2);
        return;
    }
    buf.push(b'[');
    for (k, v) in vals.iter().enumerate() {
        if k > 0 {
            buf.push(b',');
        }
        indent(buf, depth + 4);
        push_val(buf, v, depth + 4);
    }
    indent(buf, depth + 2);
    buf.push(b']');
}

/// Appends the node object of one subject's triples, pretty-printed at
/// nesting depth `depth`: `@id`, `@type`, then the properties sorted by key,
/// each property's values in the order of the triples.
fn node_object(buf: &mut Vec<u8>, ts: &[TripleRef<'_>], depth: usize) {
    let subject = ts[0].subject;
    buf.push(b'{');
    indent(buf, depth + 2);
    buf.extend_from_slice(b"\"@id\": ");
    match subject {
        oxrdf::NamedOrBlankNodeRef::NamedNode(n) => {
            let (p, rest) = compact_iri(n.as_str());
            push_str(buf, p, rest);
        }
        other => push_str(buf, "", &other.to_string()),
    }
    let mut types: Vec<Val<'_>> = Vec::new();
    // (key prefix, key, value)
    let mut props: Vec<(&str, Val<'_>)> = Vec::with_capacity(ts.len());
    for tr in ts {
        if tr.predicate == oxrdf::vocab::rdf::TYPE {
            if let TermRef::NamedNode(c) = tr.object {
                if CLASSES.contains(&c) {
                    types.push(Val::Str(
                        "",
                        c.as_str().rsplit('#').next().unwrap_or_default(),
                    ));
                } else {
                    types.push(Val::Str("", c.as_str()));
                }
            }
            continue;
        }
        let term = TERMS.iter().find(|(_, iri, _)| *iri == tr.predicate);
        let key = term.map_or(tr.predicate.as_str(), |(n, _, _)| n);
        props.push((key, value(term.map(|x| x.2), tr.object)));
    }
    if !types.is_empty() {
        // `push_member` writes the separating comma after "@id"
        push_member(buf, ("", "@type"), &types, depth);
    }
    props.sort_by(|a, b| a.0.cmp(b.0));
    let mut vals: Vec<Val<'_>> = Vec::new();
    let mut rest = props.into_iter().peekable();
    while let Some((key, v)) = rest.next() {
        vals.clear();
        vals.push(v);
        while let Some((_, v)) = rest.next_if(|(k, _)| *k == key) {
            vals.push(v);
        }
        push_member(buf, ("", key), &vals, depth);
    }
    indent(buf, depth);
    buf.push(b'}');
}

/// Streams node objects into `{"@context": …, "@graph": [ … ]}`, one subject at a time.
struct GraphWriter<W: Write> {
    w: W,
    first: bool,
    buf: Vec<u8>,
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
        Ok(GraphWriter {
            w,
            first: true,
            buf: Vec::with_capacity(4096),
        })
    }

    fn node(&mut self, ts: &[TripleRef<'_>]) -> io::Result<()> {
        if ts.is_empty() {
            return Ok(());
        }
        self.buf.clear();
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        indent(&mut self.buf, 4);
        node_object(&mut self.buf, ts, 4);
        self.w.write_all(&self.buf)
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

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedNode, Term, Triple};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn escaping_matches_serde_json(s in "(?s).{0,40}|[\x00-\x1f\x7f\"\\\\a-zé]{0,20}") {
            let mut buf = b"\"".to_vec();
            push_escaped(&mut buf, &s);
            buf.push(b'"');
            prop_assert_eq!(String::from_utf8(buf).expect("utf-8"), serde_json::to_string(&s).expect("json"));
        }
    }

    /// The hand-written node objects are exactly what serde_json's pretty
    /// printer makes of the same JSON, and carry the compact values.
    #[test]
    fn node_object_is_serde_json_pretty() {
        let s = NamedNode::new_unchecked(format!("{}state/x", vocab::ID));
        let iri = |i: &str| Term::from(NamedNode::new_unchecked(i));
        let ts: Vec<Triple> = vec![
            Triple::new(s.clone(), oxrdf::vocab::rdf::TYPE, nkg::STATE),
            Triple::new(
                s.clone(),
                oxrdf::vocab::rdf::TYPE,
                iri("http://example.org/C"),
            ),
            Triple::new(
                s.clone(),
                nkg::TARGET,
                iri(&format!("{}state/b", vocab::ID)),
            ),
            Triple::new(s.clone(), nkg::AGENT, iri(&format!("{}state/a", vocab::ID))),
            Triple::new(
                s.clone(),
                nkg::TARGET,
                iri(&format!("{}state/c", vocab::ID)),
            ),
            Triple::new(
                s.clone(),
                ext::LABEL,
                Literal::new_language_tagged_literal_unchecked("X \"q\"\n\u{1}", "en"),
            ),
            Triple::new(
                s.clone(),
                ext::ALT_LABEL,
                Literal::new_language_tagged_literal_unchecked("Ix", "de"),
            ),
            Triple::new(
                s.clone(),
                nkg::NEGATED,
                Literal::new_typed_literal("false", ext::BOOLEAN),
            ),
            Triple::new(
                s.clone(),
                nkg::START_OFFSET,
                Literal::new_typed_literal("42", ext::INTEGER),
            ),
            Triple::new(
                s.clone(),
                nkg::END_OFFSET,
                Literal::new_typed_literal("-1", ext::INTEGER),
            ),
            Triple::new(
                s.clone(),
                NamedNode::new_unchecked("http://example.org/p"),
                BlankNode::new_unchecked("b0"),
            ),
            Triple::new(
                s.clone(),
                nkg::SENTENCE,
                Literal::new_simple_literal("tab\there \\ é"),
            ),
        ];
        let refs: Vec<TripleRef<'_>> = ts.iter().map(|t| t.as_ref()).collect();
        let mut buf = Vec::new();
        node_object(&mut buf, &refs, 0);
        let parsed: Value = serde_json::from_slice(&buf).expect("valid JSON");
        assert_eq!(
            String::from_utf8(buf).expect("utf-8"),
            serde_json::to_string_pretty(&parsed).expect("json")
        );
        assert_eq!(parsed["@id"], json!("state:x"));
        assert_eq!(parsed["@type"], json!(["State", "http://example.org/C"]));
        assert_eq!(parsed["agent"], json!("state:a"));
        assert_eq!(parsed["target"], json!(["state:b", "state:c"]));
        assert_eq!(parsed["label"], json!("X \"q\"\n\u{1}"));
        assert_eq!(
            parsed["altLabel"],
            json!({"@value": "Ix", "@language": "de"})
        );
        assert_eq!(parsed["negated"], json!(false));
        assert_eq!(parsed["startOffset"], json!(42));
        assert_eq!(
            parsed["endOffset"],
            json!({"@value": "-1", "@type": ext::INTEGER.as_str()})
        );
        assert_eq!(parsed["http://example.org/p"], json!({"@id": "_:b0"}));
        assert_eq!(parsed["sentence"], json!("tab\there \\ é"));
        let keys: Vec<&String> = parsed.as_object().expect("object").keys().collect();
        let mut sorted = keys[2..].to_vec();
        sorted.sort();
        assert_eq!(keys[..2], [&"@id".to_string(), &"@type".to_string()]);
        assert_eq!(keys[2..], sorted[..], "properties sorted by key");
    }
}
