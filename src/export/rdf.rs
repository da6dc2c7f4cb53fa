//! The graph as RDF triples (the contract of `spec/rdf-contract.md`), and the
//! Turtle and N-Triples writers (`super::turtle`: oxttl's bytes, printed
//! without `core::fmt`).
//!
//! Triples are generated, sorted by their N-Triples form and de-duplicated,
//! so the same graph always gives the same bytes. There are no blank nodes:
//! every node has an IRI that depends only on its content.

use std::io::{self, Write};

use super::turtle::{NTriplesSerializer, TurtleSerializer};
use oxrdf::{Literal, LiteralRef, NamedNode, NamedNodeRef, Term, TermRef, Triple, TripleRef};

use crate::graph::KnowledgeGraph;
use crate::model::Event;
use crate::vocab::{self, ext, nkg, PREFIXES};

/// Percent-encodes everything but unreserved characters: injective, so two
/// different ids never map to one IRI.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    encode_into(&mut out, s);
    out
}

/// [`encode`], appending to `out`.
fn encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// `vocab::ID` followed by the encoded parts joined by `/`.
fn id_iri(parts: &[&str]) -> NamedNode {
    let mut iri =
        String::with_capacity(vocab::ID.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>());
    iri.push_str(vocab::ID);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            iri.push('/');
        }
        encode_into(&mut iri, p);
    }
    NamedNode::new_unchecked(iri)
}

/// The IRI of an entity key (`state/serbia`).
pub fn entity_iri(key: &str) -> NamedNode {
    // keys are slugs made of [a-z0-9-] and one '/', but encode defensively
    let (t, s) = key.split_once('/').unwrap_or(("entity", key));
    id_iri(&[t, s])
}

/// The IRI of an article id.
pub fn article_iri(id: &str) -> NamedNode {
    id_iri(&["article", id])
}

/// FNV-1a, for short content hashes in IRIs (stable across runs and platforms):
/// each part's bytes, then a 0xff separator.
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    const START: Fnv = Fnv(0xcbf29ce484222325);

    fn bytes(mut self, bs: &[u8]) -> Fnv {
        for &b in bs {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
        self
    }

    /// Ends a part.
    fn end(self) -> Fnv {
        self.bytes(&[0xff])
    }
}

/// [`Fnv`] over `parts`.
pub fn fnv64(parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(Fnv::START, |h, p| h.bytes(p.as_bytes()).end())
        .0
}

/// The IRI of an event: document, offset, relation and a hash of what was
/// said (agent, targets, polarity, trigger, pattern), so that it depends on
/// content only. Hashed without building the parts: the same value as
/// `fnv64(&[doc, start, agent, targets joined by " ", flags, trigger, pattern])`,
/// which a unit test checks.
pub fn event_iri(e: &Event) -> NamedNode {
    let mut h = Fnv::START.bytes(e.doc.as_bytes()).end();
    let digits = e.start.to_string();
    h = h.bytes(digits.as_bytes()).end();
    h = h.bytes(e.agent.as_bytes()).end();
    for (i, t) in e.targets.iter().enumerate() {
        if i > 0 {
            h = h.bytes(b" ");
        }
        h = h.bytes(t.as_bytes());
    }
    h = h
        .end()
        .bytes(&[b'0' + u8::from(e.negated), b'0' + u8::from(e.hypothetical)])
        .end();
    h = h.bytes(e.trigger.as_bytes()).end();
    h = h.bytes(e.pattern.as_bytes()).end();
    let rel = e.relation.name();
    let mut iri =
        String::with_capacity(vocab::ID.len() + 6 + e.doc.len() + digits.len() + rel.len() + 15);
    iri.push_str(vocab::ID);
    iri.push_str("event/");
    encode_into(&mut iri, &e.doc);
    iri.push('_');
    iri.push_str(&digits);
    iri.push('_');
    iri.push_str(rel);
    // writing into a String cannot fail
    let _ = std::fmt::Write::write_fmt(&mut iri, format_args!("_{:012x}", h.0 & 0xffff_ffff_ffff));
    NamedNode::new_unchecked(iri)
}

fn boolean(b: bool) -> TermRef<'static> {
    LiteralRef::new_typed_literal(if b { "true" } else { "false" }, ext::BOOLEAN).into()
}

fn integer(n: usize) -> Term {
    Literal::new_typed_literal(n.to_string(), ext::INTEGER).into()
}

fn en(s: &str) -> TermRef<'_> {
    LiteralRef::new_language_tagged_literal_unchecked(s, "en").into()
}

fn plain(s: &str) -> TermRef<'_> {
    LiteralRef::new_simple_literal(s).into()
}

/// An object: borrowed from the graph (or static) where it can be, so a
/// subject's triples cost one allocation per IRI or number, not per triple.
enum Object<'g> {
    Borrowed(TermRef<'g>),
    Owned(Term),
}

/// The triples of one subject, built into reused buffers.
struct Subject<'g> {
    iri: NamedNode,
    objects: Vec<(NamedNodeRef<'static>, Object<'g>)>,
}

impl<'g> Subject<'g> {
    fn new() -> Subject<'g> {
        Subject {
            iri: NamedNode::new_unchecked(""),
            objects: Vec::with_capacity(32),
        }
    }

    fn start(&mut self, iri: NamedNode) {
        self.iri = iri;
        self.objects.clear();
    }

    fn borrowed(&mut self, p: NamedNodeRef<'static>, o: impl Into<TermRef<'g>>) {
        self.objects.push((p, Object::Borrowed(o.into())));
    }

    fn owned(&mut self, p: NamedNodeRef<'static>, o: impl Into<Term>) {
        self.objects.push((p, Object::Owned(o.into())));
    }

    /// Calls `f` with the subject's triples.
    fn emit(&self, f: &mut impl FnMut(&[TripleRef<'_>]) -> io::Result<()>) -> io::Result<()> {
        let s = self.iri.as_ref();
        let triples: Vec<TripleRef<'_>> = self
            .objects
            .iter()
            .map(|(p, o)| {
                let o = match o {
                    Object::Borrowed(t) => *t,
                    Object::Owned(t) => t.as_ref(),
                };
                TripleRef::new(s, *p, o)
            })
            .collect();
        f(&triples)
    }
}

/// All triples of the graph, grouped by subject, in a deterministic order:
/// articles, entities (each with its direct edges) and events, each sorted by
/// IRI, without duplicates. No global sort is needed: every group comes from
/// an ordered collection.
pub fn for_each_subject(
    g: &KnowledgeGraph,
    mut f: impl FnMut(&[TripleRef<'_>]) -> io::Result<()>,
) -> io::Result<()> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut out = Subject::new();
    let mut articles: Vec<(NamedNode, &crate::graph::Article)> = g
        .articles
        .values()
        .map(|a| (article_iri(&a.id), a))
        .collect();
    articles.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    for (d, a) in articles {
        out.start(d);
        out.borrowed(oxrdf::vocab::rdf::TYPE, nkg::ARTICLE);
        out.borrowed(ext::IDENTIFIER, plain(&a.id));
        if let Some(date) = a.date {
            out.owned(
                ext::DATE,
                Literal::new_typed_literal(date.to_string(), ext::XSD_DATE),
            );
        }
        out.emit(&mut f)?;
    }
    // direct edges of asserted facts, per agent
    let mut direct: BTreeMap<&str, BTreeSet<(crate::model::Relation, &str)>> = BTreeMap::new();
    for ev in g.events.iter().filter(|e| !e.negated && !e.hypothetical) {
        for target in &ev.targets {
            direct
                .entry(&ev.agent)
                .or_default()
                .insert((ev.relation, target));
        }
    }
    for e in g.entities.values() {
        out.start(entity_iri(&e.key));
        out.borrowed(oxrdf::vocab::rdf::TYPE, vocab::entity_class(e.etype));
        out.borrowed(ext::LABEL, en(&e.label));
        let mut aliases: Vec<&String> = e.aliases.iter().collect();
        aliases.sort();
        aliases.dedup();
        for a in aliases {
            out.borrowed(ext::ALT_LABEL, en(a));
        }
        for r in g.roles.get(&e.key).into_iter().flatten() {
            out.borrowed(nkg::ROLE, plain(r));
        }
        for a in g.affiliations.get(&e.key).into_iter().flatten() {
            if g.entities.contains_key(a) {
                out.owned(nkg::AFFILIATION, entity_iri(a));
            }
        }
        for (rel, target) in direct.get(e.key.as_str()).into_iter().flatten() {
            out.owned(vocab::direct_property(*rel), entity_iri(target));
        }
        out.emit(&mut f)?;
    }
    // events in the graph's order (article, offset, relation, agent, targets): fixed, so no sort
    for ev in &g.events {
        out.start(event_iri(ev));
        out.borrowed(oxrdf::vocab::rdf::TYPE, vocab::event_class(ev.relation));
        out.owned(nkg::AGENT, entity_iri(&ev.agent));
        let mut targets: Vec<&crate::model::Text> = ev.targets.iter().collect();
        targets.sort();
        targets.dedup();
        for target in targets {
            out.owned(nkg::TARGET, entity_iri(target));
        }
        out.borrowed(nkg::NEGATED, boolean(ev.negated));
        out.borrowed(nkg::HYPOTHETICAL, boolean(ev.hypothetical));
        out.owned(ext::WAS_DERIVED_FROM, article_iri(&ev.doc));
        if let Some(sp) = &ev.attributed_to {
            out.owned(ext::WAS_ATTRIBUTED_TO, entity_iri(sp));
        }
        out.borrowed(nkg::SENTENCE, plain(&ev.sentence));
        out.owned(nkg::START_OFFSET, integer(ev.start));
        out.owned(nkg::END_OFFSET, integer(ev.end));
        out.borrowed(nkg::TRIGGER, plain(&ev.trigger));
        out.borrowed(nkg::PATTERN, plain(&ev.pattern));
        if let Some(force) = &ev.force {
            out.borrowed(nkg::FORCE, plain(force));
        }
        out.emit(&mut f)?;
    }
    Ok(())
}

/// All triples of the graph, in the order of [`for_each_subject`].
pub fn triples(g: &KnowledgeGraph) -> Vec<Triple> {
    let mut all = Vec::new();
    // collecting into a Vec cannot fail
    let _ = for_each_subject(g, |ts| {
        all.extend(ts.iter().map(|t| t.into_owned()));
        Ok(())
    });
    all
}

/// Writes the graph as Turtle, subject by subject (memory stays flat).
pub fn write_turtle_graph<W: Write>(g: &KnowledgeGraph, w: W) -> io::Result<W> {
    let mut ser = turtle_serializer()?.for_writer(w);
    for_each_subject(g, |ts| ts.iter().try_for_each(|t| ser.serialize_triple(*t)))?;
    ser.finish()
}

/// Writes the graph as N-Triples, subject by subject.
pub fn write_ntriples_graph<W: Write>(g: &KnowledgeGraph, w: W) -> io::Result<W> {
    let mut ser = NTriplesSerializer::new().for_writer(w);
    for_each_subject(g, |ts| ts.iter().try_for_each(|t| ser.serialize_triple(*t)))?;
    ser.finish()
}

fn turtle_serializer() -> io::Result<TurtleSerializer> {
    let mut ser = TurtleSerializer::new();
    for (p, iri) in PREFIXES.iter().chain(vocab::ID_PREFIXES) {
        ser = ser.with_prefix(*p, *iri).map_err(io::Error::other)?;
    }
    Ok(ser)
}

/// Writes triples as Turtle with the ontology's prefixes.
pub fn write_turtle<W: Write>(triples: &[Triple], w: W) -> io::Result<W> {
    let ser = turtle_serializer()?;
    let mut w = ser.for_writer(w);
    for tr in triples {
        w.serialize_triple(tr)?;
    }
    w.finish()
}

/// Writes triples as N-Triples, one per line.
pub fn write_ntriples<W: Write>(triples: &[Triple], w: W) -> io::Result<W> {
    let mut w = NTriplesSerializer::new().for_writer(w);
    for tr in triples {
        w.serialize_triple(tr)?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The streaming hash of an event IRI is the documented `fnv64` of its parts.
    #[test]
    fn event_iri_hashes_its_parts() {
        let mut ev = Event {
            relation: crate::model::Relation::Accuses,
            agent: "state/serbia".into(),
            targets: vec!["state/kosovo".into(), "organisation/nato".into()],
            doc: "a b".into(),
            start: 1234,
            end: 1300,
            negated: false,
            hypothetical: true,
            trigger: "accused".into(),
            pattern: "accuse-of".into(),
            date: None,
            attributed_to: None,
            force: None,
            sentence: "s".into(),
        };
        for (negated, targets) in [(false, 2), (true, 1), (false, 0)] {
            ev.negated = negated;
            ev.targets.truncate(targets);
            let joined = ev.targets.join(" ");
            let flags = format!("{}{}", u8::from(ev.negated), u8::from(ev.hypothetical));
            let h = fnv64(&[
                &ev.doc,
                "1234",
                &ev.agent,
                &joined,
                &flags,
                &ev.trigger,
                &ev.pattern,
            ]);
            assert_eq!(
                event_iri(&ev).as_str(),
                format!(
                    "{}event/a%20b_1234_accuses_{:012x}",
                    vocab::ID,
                    h & 0xffff_ffff_ffff
                )
            );
        }
    }

    #[test]
    fn encoding_is_injective_and_iri_safe() {
        assert_eq!(encode("000_6d41"), "000_6d41");
        assert_eq!(encode("a b"), "a%20b");
        assert_ne!(encode("a b"), encode("a%20b"));
        assert!(NamedNode::new(article_iri("x\"<>{}|^`\\ é\n").as_str()).is_ok());
    }
}
