//! Graph questions on the petgraph graph, for people who do not write SPARQL:
//! neighbours, shortest paths, the evidence for one edge, statistics and a
//! timeline. Entity names match labels, aliases and gazetteer names (so
//! "Belgrade" finds Serbia), ignoring case and diacritics; an unknown name is
//! an error that suggests the closest known ones.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;
use crate::model::{Event, Relation};
use crate::text::{edit_distance, fold};

/// Which edges of an actor to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// What the actor does.
    Out,
    /// What is done to the actor.
    In,
    /// Both.
    Both,
}

/// Finds the entity key for a user-given name.
pub fn find_entity(g: &KnowledgeGraph, name: &str) -> Result<String> {
    let want = fold(name);
    let mut exact: BTreeSet<&str> = BTreeSet::new();
    for e in g.entities.values() {
        if fold(&e.label) == want || e.aliases.iter().any(|a| fold(a) == want) || e.key == name {
            exact.insert(&e.key);
        }
    }
    if exact.len() == 1 {
        return Ok(exact
            .iter()
            .next()
            .map(|s| s.to_string())
            .unwrap_or_default());
    }
    if exact.is_empty() {
        // a gazetteer name (capital, adjective, acronym): "Belgrade" → Serbia, "EU" → European Union
        let k = crate::knowledge::Knowledge::get();
        let t = crate::text::analyse(name, 0);
        let m = crate::mentions::find(k, name, 0, &t);
        if m.list.len() == 1 && m.list[0].first == 0 && m.list[0].last == t.tokens.len() {
            if let Some(e) = m.entity_of(0) {
                let key = &m.entities[e].key;
                if g.entities.contains_key(key) {
                    return Ok(key.clone());
                }
            }
        }
    }
    // prefer actors over same-named places
    if let Some(k) = exact.iter().find(|k| !k.starts_with("place/")) {
        return Ok(k.to_string());
    }
    let mut scored: Vec<(usize, &str)> = g
        .entities
        .values()
        .map(|e| {
            let l = fold(&e.label);
            let d = if l.contains(&want) || want.contains(&l) {
                0
            } else {
                edit_distance(&l, &want)
            };
            (d, e.label.as_str())
        })
        .collect();
    scored.sort();
    let limit = (want.chars().count() / 2).max(2);
    Err(Error::UnknownEntity {
        name: name.to_string(),
        suggestions: scored
            .iter()
            .filter(|(d, _)| *d <= limit)
            .take(5)
            .map(|(_, l)| l.to_string())
            .collect(),
    })
}

/// One aggregated edge seen from an actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Neighbour {
    /// `out` (the actor acts) or `in` (the actor is the target).
    pub direction: &'static str,
    /// Relation.
    pub relation: Relation,
    /// The other entity's label.
    pub other: String,
    /// The other entity's key.
    pub other_key: String,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// Number of supporting sentences.
    pub sentences: usize,
    /// Articles stating it.
    pub articles: Vec<String>,
}

/// (direction, relation, other entity key, negated, hypothetical).
type NeighbourKey = (&'static str, Relation, String, bool, bool);

/// The neighbours of an actor.
pub fn neighbours(
    g: &KnowledgeGraph,
    key: &str,
    relation: Option<Relation>,
    dir: Dir,
) -> Vec<Neighbour> {
    let Some(&node) = g.nodes.get(key) else {
        return Vec::new();
    };
    let mut agg: BTreeMap<NeighbourKey, (usize, BTreeSet<String>)> = BTreeMap::new();
    let mut visit = |d: Direction, name: &'static str| {
        for e in g.graph.edges_directed(node, d) {
            let data = e.weight();
            if relation.is_some_and(|r| r != data.relation) {
                continue;
            }
            let other = if d == Direction::Outgoing {
                e.target()
            } else {
                e.source()
            };
            let entry = agg
                .entry((
                    name,
                    data.relation,
                    g.graph[other].clone(),
                    data.negated,
                    data.hypothetical,
                ))
                .or_default();
            entry.0 += 1;
            entry.1.insert(g.events[data.event].doc.to_string());
        }
    };
    if dir != Dir::In {
        visit(Direction::Outgoing, "out");
    }
    if dir != Dir::Out {
        visit(Direction::Incoming, "in");
    }
    agg.into_iter()
        .map(
            |((direction, relation, other_key, negated, hypothetical), (n, docs))| Neighbour {
                direction,
                relation,
                other: g.label(&other_key).to_string(),
                other_key,
                negated,
                hypothetical,
                sentences: n,
                articles: docs.into_iter().collect(),
            },
        )
        .collect()
}

/// One piece of evidence: an event with its article and claim.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evidence {
    /// Agent label.
    pub agent: String,
    /// Relation.
    pub relation: Relation,
    /// Target label (empty when none).
    pub target: String,
    /// Article id.
    pub article: String,
    /// Article date.
    pub date: Option<String>,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// Who made the claim.
    pub claimed_by: Option<String>,
    /// The sentence.
    pub sentence: String,
    /// Character offsets of the sentence in the article file.
    pub offsets: (usize, usize),
}

fn evidence(g: &KnowledgeGraph, e: &Event, target: &str) -> Evidence {
    Evidence {
        agent: g.label(&e.agent).to_string(),
        relation: e.relation,
        target: if target.is_empty() {
            String::new()
        } else {
            g.label(target).to_string()
        },
        article: e.doc.to_string(),
        date: g
            .articles
            .get(&*e.doc)
            .and_then(|a| a.date)
            .map(|d| d.to_string()),
        negated: e.negated,
        hypothetical: e.hypothetical,
        claimed_by: e.attributed_to.as_deref().map(|k| g.label(k).to_string()),
        sentence: e.sentence.to_string(),
        offsets: (e.start, e.end),
    }
}

/// Every supporting sentence for `agent relation target`.
pub fn why(g: &KnowledgeGraph, agent: &str, relation: Relation, target: &str) -> Vec<Evidence> {
    g.events
        .iter()
        .filter(|e| {
            &*e.agent == agent && e.relation == relation && e.targets.iter().any(|t| &**t == target)
        })
        .map(|e| evidence(g, e, target))
        .collect()
}

/// A shortest chain of relations between two actors; each hop with its evidence.
pub type Path = Vec<Evidence>;

/// All shortest paths (up to `limit`) from `a` to `b`, following edges in
/// either direction, of at most `max_hops` hops.
pub fn paths(g: &KnowledgeGraph, a: &str, b: &str, max_hops: usize, limit: usize) -> Vec<Path> {
    let (Some(&start), Some(&goal)) = (g.nodes.get(a), g.nodes.get(b)) else {
        return Vec::new();
    };
    // BFS distances from start over the undirected view
    let mut dist: HashMap<petgraph::graph::NodeIndex, usize> = HashMap::new();
    dist.insert(start, 0);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d >= max_hops {
            continue;
        }
        let mut next: Vec<_> = g.graph.neighbors_undirected(n).collect();
        next.sort();
        for m in next {
            if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(m) {
                v.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    let Some(&len) = dist.get(&goal) else {
        return Vec::new();
    };
    if start == goal {
        return Vec::new();
    }
    // enumerate shortest paths by walking layers forward, edges sorted for determinism
    let mut out: Vec<Path> = Vec::new();
    let mut stack: Vec<(petgraph::graph::NodeIndex, Path)> = vec![(start, Vec::new())];
    while let Some((n, path)) = stack.pop() {
        if out.len() >= limit {
            break;
        }
        if n == goal {
            out.push(path);
            continue;
        }
        let d = dist[&n];
        let mut hops: Vec<(String, usize, petgraph::graph::NodeIndex)> = Vec::new();
        for e in g
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(g.graph.edges_directed(n, Direction::Incoming))
        {
            let other = if e.source() == n {
                e.target()
            } else {
                e.source()
            };
            if dist.get(&other) == Some(&(d + 1)) && d < len {
                hops.push((g.graph[other].clone(), e.weight().event, other));
            }
        }
        hops.sort();
        hops.dedup_by(|x, y| x.0 == y.0 && g.events[x.1].relation == g.events[y.1].relation);
        for (other_key, ev, other) in hops.into_iter().rev() {
            let e = &g.events[ev];
            let target = if *e.agent == *g.graph[n] {
                other_key.clone()
            } else {
                g.graph[n].clone()
            };
            let mut p = path.clone();
            p.push(evidence(g, e, &target));
            stack.push((other, p));
        }
    }
    out.sort_by_key(|p| {
        p.iter()
            .map(|e| (e.agent.clone(), e.target.clone()))
            .collect::<Vec<_>>()
    });
    out
}

/// Corpus statistics.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Articles.
    pub articles: usize,
    /// Entities.
    pub entities: usize,
    /// Events.
    pub events: usize,
    /// Events per relation.
    pub per_relation: BTreeMap<String, usize>,
    /// Negated events.
    pub negated: usize,
    /// Hypothetical events.
    pub hypothetical: usize,
    /// Entities per type.
    pub per_type: BTreeMap<String, usize>,
    /// Most connected actors: (label, degree).
    pub most_connected: Vec<(String, usize)>,
    /// Articles per date ("undated" for none).
    pub articles_per_date: BTreeMap<String, usize>,
}

/// Statistics of the graph.
pub fn stats(g: &KnowledgeGraph, top: usize) -> Stats {
    let mut per_type = BTreeMap::new();
    for e in g.entities.values() {
        *per_type
            .entry(e.etype.class_name().to_string())
            .or_insert(0) += 1;
    }
    let mut degree: Vec<(usize, String)> = g
        .nodes
        .iter()
        .map(|(k, &n)| {
            (
                g.graph.edges_directed(n, Direction::Outgoing).count()
                    + g.graph.edges_directed(n, Direction::Incoming).count(),
                g.label(k).to_string(),
            )
        })
        .filter(|(d, _)| *d > 0)
        .collect();
    degree.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut per_date = BTreeMap::new();
    for a in g.articles.values() {
        *per_date
            .entry(
                a.date
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into()),
            )
            .or_insert(0) += 1;
    }
    Stats {
        articles: g.articles.len(),
        entities: g.entities.len(),
        events: g.events.len(),
        per_relation: g
            .counts()
            .into_iter()
            .map(|(r, n)| (r.name().to_string(), n))
            .collect(),
        negated: g.events.iter().filter(|e| e.negated).count(),
        hypothetical: g.events.iter().filter(|e| e.hypothetical).count(),
        per_type,
        most_connected: degree.into_iter().take(top).map(|(d, l)| (l, d)).collect(),
        articles_per_date: per_date,
    }
}

/// Events ordered by article date (undated last), optionally of one actor (as agent or target).
pub fn timeline(g: &KnowledgeGraph, actor: Option<&str>) -> Vec<Evidence> {
    let mut evs: Vec<&Event> = g
        .events
        .iter()
        .filter(|e| actor.is_none_or(|a| &*e.agent == a || e.targets.iter().any(|t| &**t == a)))
        .collect();
    evs.sort_by_key(|e| {
        (
            g.articles
                .get(&*e.doc)
                .and_then(|a| a.date)
                .map(|d| (0, d))
                .unwrap_or((
                    1,
                    crate::document::Date {
                        year: 0,
                        month: 0,
                        day: 0,
                    },
                )),
            e.doc.clone(),
            e.start,
        )
    });
    evs.into_iter()
        .flat_map(|e| {
            if e.targets.is_empty() {
                vec![evidence(g, e, "")]
            } else {
                e.targets.iter().map(|t| evidence(g, e, t)).collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::relations::extract;

    fn graph() -> KnowledgeGraph {
        let docs = vec![
            extract(&Document::new("a", " date 2024-01-02 Armenia accused Azerbaijan of shelling villages.".into())),
            extract(&Document::new("b", " date 2023-05-06 Russia mediated between Azerbaijan and Armenia. Azerbaijan accused Turkey of provocations.".into())),
        ];
        KnowledgeGraph::build(docs)
    }

    #[test]
    fn names_match_labels_gazetteer_names_and_suggest() {
        let g = graph();
        assert_eq!(
            find_entity(&g, "ARMENIA").ok().as_deref(),
            Some("state/armenia")
        );
        assert_eq!(
            find_entity(&g, "Yerevan").ok().as_deref(),
            Some("state/armenia")
        );
        let e = find_entity(&g, "Armenai")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("did you mean: Armenia"), "{e}");
    }

    #[test]
    fn neighbours_and_why() {
        let g = graph();
        let n = neighbours(&g, "state/azerbaijan", None, Dir::In);
        let labels: Vec<(&str, &str)> = n
            .iter()
            .map(|x| (x.relation.name(), x.other.as_str()))
            .collect();
        assert_eq!(labels, [("accuses", "Armenia"), ("mediates", "Russia")]);
        assert!(
            neighbours(&g, "state/azerbaijan", Some(Relation::Accuses), Dir::Out)
                .iter()
                .all(|x| x.other == "Turkey")
        );
        let w = why(&g, "state/armenia", Relation::Accuses, "state/azerbaijan");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].date.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn shortest_paths_cross_edge_directions() {
        let g = graph();
        let p = paths(&g, "state/armenia", "state/turkey", 4, 10);
        assert!(!p.is_empty());
        assert!(p.iter().all(|x| x.len() == 2), "{p:?}");
        assert!(paths(&g, "state/armenia", "state/turkey", 1, 10).is_empty());
    }

    #[test]
    fn timeline_is_ordered_by_date() {
        let g = graph();
        let t = timeline(&g, None);
        let dates: Vec<Option<String>> = t.iter().map(|e| e.date.clone()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert_eq!(t.first().map(|e| e.article.as_str()), Some("b"));
    }
}
