//! Graphviz DOT: a diagram to read, built with graphviz-rust's DOT model.
//!
//! Actors and places are nodes labelled with their names (shape and colour by
//! type, with a tooltip giving type, role and aliases); one edge per (agent,
//! relation, target, negated, hypothetical), aggregated over sentences: the
//! count is its label and sets its pen width, the colour is the relation's,
//! negated edges are dashed, hypothetical ones dotted, and the tooltip lists
//! the supporting sentences with article and date. A legend explains it all.
//! Order is deterministic (sorted keys), every string escaped.

use std::collections::BTreeMap;
use std::io::{self, Write};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph as DotGraph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph,
    Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::KnowledgeGraph;
use crate::model::{EntityType, Relation};

/// Escapes a string for a double-quoted DOT id: backslash, quote, `&` (Graphviz
/// reads entity references in labels) and line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // runs of bytes that need nothing are copied whole; the control characters
    // (Cc: U+0000–U+001F, U+007F–U+009F) are the bytes below 0x20, 0x7F and
    // the two-byte sequences 0xC2 0x80–0x9F
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (with, len) = match bytes[i] {
            b'\\' => ("\\\\", 1),
            b'"' => ("\\\"", 1),
            // Graphviz decodes entity references in labels: keep "&amp;" literal
            b'&' => ("&amp;", 1),
            b'\n' => ("\\n", 1),
            // other control characters cannot be drawn: shown as a space
            0..=0x1f | 0x7f => (" ", 1),
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => (" ", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run..i]);
        out.push_str(with);
        i += len;
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
    out
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), Id::Escaped(escape(v)))
}

/// The colour of a relation.
pub fn colour(r: Relation) -> &'static str {
    match r {
        Relation::Accuses => "#d62728",
        Relation::Deploys => "#1f77b4",
        Relation::Mediates => "#2ca02c",
        Relation::Recognises => "#9467bd",
    }
}

fn shape(t: EntityType) -> (&'static str, &'static str) {
    match t {
        EntityType::Person => ("ellipse", "#fff7e6"),
        EntityType::State => ("box", "#e8f0fe"),
        EntityType::Organisation => ("hexagon", "#eef7ee"),
        EntityType::ArmedForce => ("octagon", "#fdecea"),
        EntityType::Group => ("box3d", "#f3e8fd"),
        EntityType::Place => ("house", "#f5f5f5"),
    }
}

/// Which parts of the graph to draw.
#[derive(Debug, Clone, Default)]
pub struct DotOptions {
    /// Only these relations (empty = all).
    pub relations: Vec<Relation>,
    /// Only edges stated in at least this many sentences.
    pub min_support: usize,
    /// Leave out hypothetical edges.
    pub no_hypothetical: bool,
    /// Leave out negated edges.
    pub no_negated: bool,
    /// Only the neighbourhood of this entity (key), `depth` hops away.
    pub actor: Option<String>,
    /// Hops around `actor` (0 counts as 1).
    pub depth: usize,
    /// Only events of articles dated on or after.
    pub since: Option<crate::document::Date>,
    /// Only events of articles dated on or before.
    pub until: Option<crate::document::Date>,
    /// Only the edges of the N most connected actors.
    pub top: Option<usize>,
    /// Do not group actors of the same state or organisation into clusters.
    pub no_clusters: bool,
}

impl DotOptions {
    /// Whether an event passes the event-level filters.
    fn keeps(&self, g: &KnowledgeGraph, e: &crate::model::Event) -> bool {
        if (!self.relations.is_empty() && !self.relations.contains(&e.relation))
            || (self.no_hypothetical && e.hypothetical)
            || (self.no_negated && e.negated)
        {
            return false;
        }
        if self.since.is_some() || self.until.is_some() {
            let Some(d) = g.articles.get(&*e.doc).and_then(|a| a.date) else {
                return false;
            };
            if self.since.is_some_and(|s| d < s) || self.until.is_some_and(|u| d > u) {
                return false;
            }
        }
        true
    }
}

/// (agent, relation, target, negated, hypothetical). Nodes are numbered in
/// the order of their keys, so this sorts as the keys themselves would.
type EdgeKey = (NodeIndex, Relation, NodeIndex, bool, bool);

/// Sentences shown in an edge's tooltip.
const TIP_SENTENCES: usize = 10;

/// The events behind one aggregated edge: how many, and the first few (the
/// tooltip's), so the diagram of a large corpus holds no list of every event.
#[derive(Default)]
struct Support {
    count: usize,
    first: [u32; TIP_SENTENCES],
}

/// Builds the DOT model of the graph.
pub fn build(g: &KnowledgeGraph, opts: &DotOptions) -> DotGraph {
    let mut stmts = Vec::new();
    // collecting into a Vec cannot fail
    let _ = statements(g, opts, |s| {
        stmts.push(s);
        Ok(())
    });
    DotGraph::DiGraph {
        id: Id::Plain(GRAPH_ID.into()),
        strict: false,
        stmts,
    }
}

const GRAPH_ID: &str = "newskg";

/// The statements of the DOT model, in order, one at a time: the diagram of
/// a large corpus is written without holding all of it.
fn statements(
    g: &KnowledgeGraph,
    opts: &DotOptions,
    mut emit: impl FnMut(Stmt) -> io::Result<()>,
) -> io::Result<()> {
    // aggregate edges
    // the graph's edges: one per (event, target), in event order
    let key = |n: NodeIndex| g.graph[n].as_str();
    let mut edges: BTreeMap<EdgeKey, Support> = BTreeMap::new();
    for edge in g.graph.edge_references() {
        let d = edge.weight();
        if !opts.keeps(g, &g.events[d.event]) {
            continue;
        }
        let s = edges
            .entry((
                edge.source(),
                d.relation,
                edge.target(),
                d.negated,
                d.hypothetical,
            ))
            .or_default();
        if s.count < TIP_SENTENCES {
            // a tooltip past 2³² events is not one anyone reads
            s.first[s.count] = u32::try_from(d.event).unwrap_or(u32::MAX);
        }
        s.count += 1;
    }
    edges.retain(|_, v| v.count >= opts.min_support.max(1));
    // the neighbourhood of one actor: breadth-first over the kept edges, either direction
    if let Some(actor) = &opts.actor {
        let mut reach: BTreeMap<&str, usize> = BTreeMap::from([(actor.as_str(), 0)]);
        for hop in 1..=opts.depth.max(1) {
            let frontier: Vec<&str> = reach
                .iter()
                .filter(|(_, &d)| d == hop - 1)
                .map(|(k, _)| *k)
                .collect();
            for k in edges.keys() {
                for (x, y) in [(key(k.0), key(k.2)), (key(k.2), key(k.0))] {
                    if frontier.contains(&x) && !reach.contains_key(y) {
                        reach.insert(y, hop);
                    }
                }
            }
        }
        edges.retain(|k, _| reach.contains_key(key(k.0)) && reach.contains_key(key(k.2)));
    }
    // the N most connected actors (by number of distinct aggregated edges)
    if let Some(n) = opts.top {
        let mut degree: BTreeMap<&str, usize> = BTreeMap::new();
        for k in edges.keys() {
            *degree.entry(key(k.0)).or_default() += 1;
            *degree.entry(key(k.2)).or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = degree.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let keep: std::collections::BTreeSet<&str> =
            ranked.into_iter().take(n).map(|(k, _)| k).collect();
        // the hubs and what they do and undergo
        edges.retain(|k, _| keep.contains(key(k.0)) || keep.contains(key(k.2)));
    }
    let used: Vec<&str> = edges
        .keys()
        .flat_map(|k| [key(k.0), key(k.2)])
        .collect::<std::collections::BTreeSet<&str>>()
        .into_iter()
        .collect();
    let ids: BTreeMap<&str, String> = used
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, format!("n{i}")))
        .collect();

    let head: [Stmt; 3] = [
        GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
            attr("labelloc", "t"),
            attr(
                "label",
                &format!(
                    "newskg — {} articles, {} events",
                    g.articles.len(),
                    g.events.len()
                ),
            ),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("nodesep", "0.4"),
        ])
        .into(),
        GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "filled"),
            attr("fontsize", "11"),
        ])
        .into(),
        GraphAttributes::Edge(vec![attr("fontname", "Helvetica"), attr("fontsize", "9")]).into(),
    ];
    for s in head {
        emit(s)?;
    }
    // actors of the same state or organisation are grouped: the cluster of A holds A
    // and every node affiliated with A (when A has at least one member drawn)
    let mut cluster_of: BTreeMap<&str, &str> = BTreeMap::new();
    if !opts.no_clusters {
        for key in &used {
            if let Some(a) = g.entities.get(*key).and_then(|e| e.affiliation.as_deref()) {
                // `used` is sorted (it comes from a set)
                if used.binary_search(&a).is_ok() && a != *key {
                    cluster_of.insert(key, a);
                }
            }
        }
        let heads: Vec<&str> = cluster_of.values().copied().collect();
        for h in heads {
            // a head that is itself a member elsewhere stays in its own cluster
            cluster_of.remove(h);
            cluster_of.insert(h, h);
        }
    }
    let mut clusters: BTreeMap<&str, Vec<Stmt>> = BTreeMap::new();
    for key in &used {
        let Some(e) = g.entities.get(*key) else {
            continue;
        };
        let (shp, fill) = shape(e.etype);
        let mut tip = format!("{} ({})", e.label, e.etype.class_name());
        if let Some(r) = &e.role {
            tip.push_str(&format!("\nrole: {r}"));
        }
        if let Some(a) = &e.affiliation {
            tip.push_str(&format!("\nof: {}", g.label(a)));
        }
        if !e.aliases.is_empty() {
            tip.push_str(&format!("\nalso: {}", e.aliases.join(", ")));
        }
        let node: Stmt = Node::new(
            NodeId(Id::Plain(ids[*key].clone()), None),
            vec![
                attr("label", &e.label),
                attr("shape", shp),
                attr("fillcolor", fill),
                attr("tooltip", &tip),
            ],
        )
        .into();
        match cluster_of.get(key) {
            Some(head) => clusters.entry(head).or_default().push(node),
            None => emit(node)?,
        }
    }
    for (i, (head, nodes)) in clusters.into_iter().enumerate() {
        let mut inner: Vec<Stmt> = vec![
            attr("label", g.label(head)).into(),
            attr("style", "rounded,dashed").into(),
            attr("color", "#bbbbbb").into(),
            attr("fontsize", "10").into(),
            attr("fontcolor", "#777777").into(),
        ];
        inner.extend(nodes);
        emit(
            Subgraph {
                id: Id::Plain(format!("cluster_{i}")),
                stmts: inner,
            }
            .into(),
        )?;
    }
    for ((a, r, t, neg, hyp), support) in &edges {
        let (a, t) = (key(*a), key(*t));
        let n = support.count;
        let style = if *hyp {
            "dotted"
        } else if *neg {
            "dashed"
        } else {
            "solid"
        };
        let mut label = r.name().to_string();
        if *neg {
            label = format!("not {label}");
        }
        if *hyp {
            label = format!("{label}?");
        }
        if n > 1 {
            label = format!("{label} ×{n}");
        }
        let mut tip = format!("{} {} {}", g.label(a), label, g.label(t));
        let shown = &support.first[..n.min(TIP_SENTENCES)];
        for ev in shown.iter().filter_map(|&i| g.events.get(i as usize)) {
            let date = g
                .articles
                .get(&*ev.doc)
                .and_then(|x| x.date)
                .map(|d| format!(" {d}"))
                .unwrap_or_default();
            tip.push_str(&format!("\n[{}{}] {}", ev.doc, date, ev.sentence));
        }
        if n > TIP_SENTENCES {
            tip.push_str(&format!("\n… and {} more", n - TIP_SENTENCES));
        }
        let width = format!("{:.1}", 1.0 + (n as f64).ln() * 1.5);
        emit(
            Edge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(Id::Plain(ids[a].clone()), None)),
                    Vertex::N(NodeId(Id::Plain(ids[t].clone()), None)),
                ),
                attributes: vec![
                    attr("label", &label),
                    attr("color", colour(*r)),
                    attr("fontcolor", colour(*r)),
                    attr("style", style),
                    attr("penwidth", &width),
                    attr("tooltip", &tip),
                ],
            }
            .into(),
        )?;
    }
    emit(legend().into())
}

fn legend() -> Subgraph {
    let mut stmts: Vec<Stmt> = vec![
        attr("label", "Legend").into(),
        attr("style", "rounded").into(),
        attr("color", "#999999").into(),
        GraphAttributes::Node(vec![
            attr("shape", "plaintext"),
            attr("style", "solid"),
            attr("fontsize", "9"),
            attr("label", ""),
        ])
        .into(),
    ];
    let rows: Vec<(String, &str, &str)> = Relation::ALL
        .iter()
        .map(|r| (r.name().to_string(), colour(*r), "solid"))
        .chain([
            ("negated".to_string(), "#555555", "dashed"),
            ("hypothetical".to_string(), "#555555", "dotted"),
        ])
        .collect();
    for (i, (name, col, style)) in rows.iter().enumerate() {
        let a = format!("legend_{i}a");
        let b = format!("legend_{i}b");
        stmts.push(Node::new(NodeId(Id::Plain(a.clone()), None), vec![attr("label", "")]).into());
        stmts.push(Node::new(NodeId(Id::Plain(b.clone()), None), vec![attr("label", "")]).into());
        stmts.push(
            Edge {
                ty: EdgeTy::Pair(
                    Vertex::N(NodeId(Id::Plain(a), None)),
                    Vertex::N(NodeId(Id::Plain(b), None)),
                ),
                attributes: vec![
                    attr("label", name),
                    attr("color", col),
                    attr("fontcolor", col),
                    attr("style", style),
                ],
            }
            .into(),
        );
    }
    Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts,
    }
}

/// Writes the graph as DOT, statement by statement. The text is what
/// graphviz-rust prints for the whole [`build`] model (a test checks it):
/// printing the empty graph first puts the printer in the state it has inside
/// the graph's braces (directed, indented) and gives the opening line.
pub fn write_dot<W: Write>(g: &KnowledgeGraph, opts: &DotOptions, mut w: W) -> io::Result<W> {
    let mut ctx = PrinterContext::default();
    let empty = DotGraph::DiGraph {
        id: Id::Plain(GRAPH_ID.into()),
        strict: false,
        stmts: Vec::new(),
    }
    .print(&mut ctx);
    // "digraph newskg {" + line separator + (no statements) + line separator + "}"
    let open = empty.find('{').map_or(empty.len(), |i| i + 1);
    w.write_all(&empty.as_bytes()[..open])?;
    statements(g, opts, |s| {
        w.write_all(b"\n")?;
        w.write_all(s.print(&mut ctx).as_bytes())
    })?;
    w.write_all(b"\n}\n")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_text_is_what_the_printer_gives_for_the_whole_model() {
        let docs = [
            "Armenia accused Azerbaijan of shelling villages.",
            "Russia deployed troops to Syria. Qatar mediated between Hamas and Israel.",
            "The Serbian police, under the interior ministry, were deployed in the north.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            crate::relations::extract(&crate::document::Document::new(
                format!("d{i}"),
                (*t).into(),
            ))
        })
        .collect();
        let g = KnowledgeGraph::build(docs);
        assert!(g.graph.edge_count() >= 3);
        let whole = build(&g, &DotOptions::default()).print(&mut PrinterContext::default()) + "\n";
        let streamed = write_dot(&g, &DotOptions::default(), Vec::new()).expect("write to a Vec");
        assert_eq!(String::from_utf8_lossy(&streamed), whole);
    }

    proptest::proptest! {
        /// The byte-wise escape equals the plain character-by-character rule.
        #[test]
        fn escape_is_the_character_rule(s in "(?s).{0,30}|[\\x00-\\x1f\\x7f-\\u{a0}&\\\\\"a-zé]{0,20}") {
            let mut want = String::from("\"");
            for c in s.chars() {
                match c {
                    '\\' => want.push_str("\\\\"),
                    '"' => want.push_str("\\\""),
                    '&' => want.push_str("&amp;"),
                    '\n' => want.push_str("\\n"),
                    c if c.is_control() => want.push(' '),
                    c => want.push(c),
                }
            }
            want.push('"');
            proptest::prop_assert_eq!(escape(&s), want);
        }
    }

    #[test]
    fn escape_handles_quotes_backslashes_newlines() {
        assert_eq!(escape(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(escape("x\ny"), "\"x\\ny\"");
        assert_eq!(escape("A&amp;B"), "\"A&amp;amp;B\"");
    }
}
