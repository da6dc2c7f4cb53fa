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

/// The events of a graph, in order, stored in fixed-size chunks: the graph
/// of a large corpus grows chunk by chunk and is never copied into one
/// buffer (a growing `Vec` briefly holds its old and new buffers).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Events {
    chunks: Vec<Vec<Event>>,
    len: usize,
}

const CHUNK: usize = 1 << 14;

impl Events {
    /// Number of events.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no event.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The events in order.
    pub fn iter(&self) -> std::iter::Flatten<std::slice::Iter<'_, Vec<Event>>> {
        self.chunks.iter().flatten()
    }

    /// The `i`-th event.
    pub fn get(&self, i: usize) -> Option<&Event> {
        self.chunks.get(i / CHUNK).and_then(|c| c.get(i % CHUNK))
    }

    /// Appends an event.
    pub fn push(&mut self, e: Event) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < CHUNK => c.push(e),
            _ => {
                let mut c = Vec::with_capacity(CHUNK);
                c.push(e);
                self.chunks.push(c);
            }
        }
        self.len += 1;
    }
}

impl std::ops::Index<usize> for Events {
    type Output = Event;
    fn index(&self, i: usize) -> &Event {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl<'a> IntoIterator for &'a Events {
    type Item = &'a Event;
    type IntoIter = std::iter::Flatten<std::slice::Iter<'a, Vec<Event>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<Event> for Events {
    fn from_iter<I: IntoIterator<Item = Event>>(iter: I) -> Events {
        let mut out = Events::default();
        for e in iter {
            out.push(e);
        }
        out
    }
}

/// The order of events in a graph: article, offset, relation, agent,
/// targets, then every other field, so that any sort gives one order.
fn event_order(a: &Event, b: &Event) -> std::cmp::Ordering {
    let key = |e: &Event| (e.negated, e.hypothetical, e.end);
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
}

/// The knowledge graph of a corpus.
#[derive(Debug, Default)]
pub struct KnowledgeGraph {
    /// Entities by key, sorted.
    pub entities: BTreeMap<String, Entity>,
    /// Articles by id, sorted.
    pub articles: BTreeMap<String, Article>,
    /// Events, in (document, offset) order.
    pub events: Events,
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
    pub fn build(mut docs: Vec<DocResult>) -> KnowledgeGraph {
        docs.sort_by(|a, b| a.id.cmp(&b.id));
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
        let mut events = events;
        events.sort_unstable_by(event_order);
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

/// Builds a graph one document at a time, so that the per-document results
/// of a corpus never all exist at once. Entities merge as they arrive, and
/// each entity key, trigger, pattern and document id is stored once however
/// many events refer to it, as is each sentence however many articles
/// repeat it (wire copy). Documents added in id order (as the pipeline
/// does) need no sort at the end; in any other order, the events are sorted
/// once by [`GraphBuilder::finish`].
#[derive(Debug, Default)]
pub struct GraphBuilder {
    g: KnowledgeGraph,
    strings: rustc_hash::FxHashSet<Text>,
    out_of_order: bool,
}

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
        let mut events = d.events;
        events.sort_unstable_by(event_order);
        for ev in events {
            self.add_event(ev);
        }
        new
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
        // syndicated copy repeats sentences across articles: keep one
        ev.sentence = self.intern(&ev.sentence);
        if let Some(last) = self.g.events.chunks.last().and_then(|c| c.last()) {
            if event_order(last, &ev).is_gt() {
                self.out_of_order = true;
            }
        }
        self.g.events.push(ev);
    }

    /// Sorts the events and adds nodes and edges.
    pub fn finish(self) -> KnowledgeGraph {
        let mut g = self.g;
        drop(self.strings);
        if self.out_of_order {
            let mut all: Vec<Event> = g.events.chunks.into_iter().flatten().collect();
            all.sort_unstable_by(event_order);
            g.events = all.into_iter().collect();
        }
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

    fn event(doc: &str, start: usize) -> Event {
        Event {
            doc: doc.into(),
            date: None,
            relation: Relation::Accuses,
            agent: "state/a".into(),
            targets: vec!["state/b".into()],
            negated: false,
            hypothetical: start.is_multiple_of(3),
            attributed_to: None,
            force: None,
            trigger: "accused".into(),
            pattern: "p".into(),
            sentence: "A accused B.".into(),
            start,
            end: start + 12,
        }
    }

    #[test]
    fn events_across_chunks_index_and_iterate_alike() {
        let n = CHUNK * 2 + 7;
        let events: Events = (0..n).map(|i| event("d", i)).collect();
        assert_eq!(events.len(), n);
        assert_eq!(events.iter().count(), n);
        for i in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, n - 1] {
            assert_eq!(events[i].start, i);
            assert_eq!(events.get(i).map(|e| e.start), Some(i));
        }
        assert!(events.get(n).is_none());
        assert!(events.iter().enumerate().all(|(i, e)| e.start == i));
    }

    #[test]
    fn events_added_in_any_order_end_sorted_and_shared() {
        let all: Vec<Event> = (0..CHUNK + 100)
            .map(|i| event(if i.is_multiple_of(2) { "a" } else { "b" }, i / 2))
            .collect();
        let sorted = KnowledgeGraph::assemble(Vec::new(), Vec::new(), all.clone());
        let mut rev = all;
        rev.reverse();
        let mut b = GraphBuilder::default();
        for e in rev {
            b.add_event(e);
        }
        assert!(b.out_of_order);
        let g = b.finish();
        assert_eq!(g.events, sorted.events);
        assert!(g
            .events
            .iter()
            .zip(g.events.iter().skip(1))
            .all(|(x, y)| event_order(x, y).is_le()));
        // one copy of each repeated string
        assert!(std::ptr::eq(
            g.events[0].agent.as_ptr(),
            g.events[CHUNK + 1].agent.as_ptr()
        ));
    }

    #[test]
    fn labels_with_diacritics_win_whatever_the_order() {
        assert!(better_label("Vučić", "Vucic"));
        assert!(!better_label("Vucic", "Vučić"));
    }
}
