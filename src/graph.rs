//! Stage 5 — the graph: entities as nodes, one edge per (event, target), in
//! a petgraph `DiGraph`, plus the article table and the events themselves.
//!
//! Entities found in several documents merge by key (their IRI). When
//! documents spell a name differently, the label with diacritics wins, then
//! the lexicographically smallest, so merging is order-independent.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::document::Date;
use crate::model::{Entity, Event, Relation, Text};
use crate::relations::DocResult;

/// An article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Document id.
    pub id: String,
    /// Article date, if stated.
    pub date: Option<Date>,
}

/// An edge of the graph: one target of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeData {
    /// Index into [`KnowledgeGraph::events`].
    pub event: usize,
    /// The relation.
    pub relation: Relation,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
}

/// The knowledge graph of a corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// Entities by key, sorted.
    pub entities: BTreeMap<String, Entity>,
    /// Articles by id, sorted.
    pub articles: BTreeMap<String, Article>,
    /// Events, in (document, offset) order.
    pub events: Vec<Event>,
    /// Entities as nodes, event targets as edges.
    pub graph: DiGraph<String, EdgeData>,
    /// Node of each entity key.
    pub nodes: BTreeMap<String, NodeIndex>,
    /// Every role an entity was given, in any article.
    pub roles: BTreeMap<String, BTreeSet<String>>,
    /// Every affiliation (entity key) an entity was given, in any article.
    pub affiliations: BTreeMap<String, BTreeSet<String>>,
}

fn better_label(a: &str, b: &str) -> bool {
    let non_ascii = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    (non_ascii(a), std::cmp::Reverse(a)) > (non_ascii(b), std::cmp::Reverse(b))
}

impl KnowledgeGraph {
    /// Builds the graph from extracted documents (in any order).
    pub fn build(docs: Vec<DocResult>) -> KnowledgeGraph {
        let mut b = GraphBuilder::default();
        for d in docs {
            b.add(d);
        }
        b.finish()
    }

    /// Builds the graph from its parts: merges entities by key, sorts events,
    /// adds nodes and edges.
    pub fn assemble(
        articles: Vec<Article>,
        entities: Vec<Entity>,
        events: Vec<Event>,
    ) -> KnowledgeGraph {
        let mut b = GraphBuilder::default();
        for a in articles {
            b.g.articles.insert(a.id.clone(), a);
        }
        for e in entities {
            b.g.add_entity(e);
        }
        for ev in events {
            b.add_event(ev);
        }
        b.finish()
    }

    /// Adds an entity, merging with one of the same key: roles, affiliations
    /// and aliases are unions, so the graph of a corpus is the union of the
    /// graphs of its articles.
    fn add_entity(&mut self, e: Entity) {
        if let Some(r) = &e.role {
            self.roles
                .entry(e.key.clone())
                .or_default()
                .insert(r.clone());
        }
        if let Some(a) = &e.affiliation {
            self.affiliations
                .entry(e.key.clone())
                .or_default()
                .insert(a.clone());
        }
        match self.entities.get_mut(&e.key) {
            None => {
                let mut e = e;
                e.aliases.sort();
                e.aliases.dedup();
                self.entities.insert(e.key.clone(), e);
            }
            Some(old) => {
                let (keep, other) = if better_label(&e.label, &old.label) {
                    (e.label.clone(), old.label.clone())
                } else {
                    (old.label.clone(), e.label.clone())
                };
                old.label = keep;
                for a in e.aliases.iter().chain(std::iter::once(&other)) {
                    if *a != old.label && !old.aliases.contains(a) {
                        old.aliases.push(a.clone());
                    }
                }
                old.aliases.sort();
                old.aliases.retain(|a| *a != old.label);
                if old.role.is_none() {
                    old.role = e.role;
                }
                if old.affiliation.is_none() {
                    old.affiliation = e.affiliation;
                }
            }
        }
    }

    /// The label of an entity key (the key itself if unknown).
    pub fn label<'a>(&'a self, key: &'a str) -> &'a str {
        self.entities
            .get(key)
            .map(|e| e.label.as_str())
            .unwrap_or(key)
    }

    /// Number of events per relation.
    pub fn counts(&self) -> BTreeMap<Relation, usize> {
        let mut c = BTreeMap::new();
        for r in Relation::ALL {
            c.insert(r, 0);
        }
        for e in &self.events {
            *c.entry(e.relation).or_insert(0) += 1;
        }
        c
    }
}

/// Builds a graph one document at a time, in any order, so that the
/// per-document results of a corpus never all exist at once. Entities merge
/// as they arrive, and each entity key, trigger, pattern and document id is
/// stored once however many events refer to it.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    g: KnowledgeGraph,
    strings: rustc_hash::FxHashSet<Text>,
    /// Events in fixed-size chunks: a growing Vec would briefly hold its old
    /// and new buffers (up to three times the events) each time it doubles.
    chunks: Vec<Vec<Event>>,
    count: usize,
}

const CHUNK: usize = 1 << 16;

impl GraphBuilder {
    /// Adds one document's results. Returns `false` when an article with the
    /// same id was already added (its events and entities are merged anyway).
    pub fn add(&mut self, d: DocResult) -> bool {
        let new = self
            .g
            .articles
            .insert(
                d.id.clone(),
                Article {
                    id: d.id,
                    date: d.date,
                },
            )
            .is_none();
        for e in d.entities {
            self.g.add_entity(e);
        }
        for ev in d.events {
            self.add_event(ev);
        }
        new
    }

    /// Number of events added so far.
    pub fn events(&self) -> usize {
        self.count
    }

    fn intern(&mut self, s: &Text) -> Text {
        if let Some(t) = self.strings.get(s) {
            return t.clone();
        }
        self.strings.insert(s.clone());
        s.clone()
    }

    fn add_event(&mut self, mut ev: Event) {
        ev.doc = self.intern(&ev.doc);
        ev.agent = self.intern(&ev.agent);
        for t in &mut ev.targets {
            *t = self.intern(t);
        }
        ev.targets.shrink_to_fit();
        if let Some(a) = &ev.attributed_to {
            ev.attributed_to = Some(self.intern(a));
        }
        if let Some(f) = &ev.force {
            ev.force = Some(self.intern(f));
        }
        ev.trigger = self.intern(&ev.trigger);
        ev.pattern = self.intern(&ev.pattern);
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => c.push(ev),
            _ => {
                let mut c = Vec::with_capacity(CHUNK);
                c.push(ev);
                self.chunks.push(c);
            }
        }
        self.count += 1;
    }

    /// Sorts the events and adds nodes and edges.
    pub fn finish(self) -> KnowledgeGraph {
        let mut g = self.g;
        drop(self.strings);
        // one exact allocation; each chunk is freed once moved
        g.events = Vec::with_capacity(self.count);
        for c in self.chunks {
            g.events.extend(c);
        }
        // (article, offset, relation, agent, targets), then every other field,
        // so an unstable sort (no buffer) still gives one order
        g.events.sort_unstable_by(|a, b| {
            let key = |e: &Event| (e.start, e.relation, e.negated, e.hypothetical, e.end);
            a.doc
                .cmp(&b.doc)
                .then_with(|| (a.start, a.relation).cmp(&(b.start, b.relation)))
                .then_with(|| a.agent.cmp(&b.agent))
                .then_with(|| a.targets.cmp(&b.targets))
                .then_with(|| key(a).cmp(&key(b)))
                .then_with(|| {
                    (&a.trigger, &a.pattern, &a.attributed_to, &a.force).cmp(&(
                        &b.trigger,
                        &b.pattern,
                        &b.attributed_to,
                        &b.force,
                    ))
                })
        });
        g.graph.reserve_exact_nodes(g.entities.len());
        g.graph
            .reserve_exact_edges(g.events.iter().map(|e| e.targets.len()).sum());
        for key in g.entities.keys() {
            let n = g.graph.add_node(key.clone());
            g.nodes.insert(key.clone(), n);
        }
        for (i, ev) in g.events.iter().enumerate() {
            let Some(&a) = g.nodes.get(&*ev.agent) else {
                continue;
            };
            for t in &ev.targets {
                if let Some(&b) = g.nodes.get(&**t) {
                    g.graph.add_edge(
                        a,
                        b,
                        EdgeData {
                            event: i,
                            relation: ev.relation,
                            negated: ev.negated,
                            hypothetical: ev.hypothetical,
                        },
                    );
                }
            }
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::relations::extract;

    #[test]
    fn build_is_independent_of_document_order() {
        let a = extract(&Document::new(
            "a",
            "Armenia accused Azerbaijan of shelling villages.".into(),
        ));
        let b = extract(&Document::new(
            "b",
            "Morocco does not recognise Western Sahara's independence.".into(),
        ));
        let g1 = KnowledgeGraph::build(vec![a.clone(), b.clone()]);
        let g2 = KnowledgeGraph::build(vec![b, a]);
        assert_eq!(g1.events, g2.events);
        assert_eq!(g1.entities, g2.entities);
        assert_eq!(g1.graph.edge_count(), 2);
    }

    #[test]
    fn labels_with_diacritics_win_whatever_the_order() {
        assert!(better_label("Vučić", "Vucic"));
        assert!(!better_label("Vucic", "Vučić"));
    }
}
