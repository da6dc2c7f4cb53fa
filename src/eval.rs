//! The scorer of `newskg eval`, exactly as `spec/relations.md` defines it.
//!
//! * An instance is `(document, relation, subject, object, negated,
//!   hypothetical)`, counted once per document.
//! * Names match after folding case and diacritics, or when both are names
//!   of the same entity in the entities file (label or alias).
//! * A prediction matches a gold item when document, relation, negated and
//!   hypothetical are equal and its subject and object are among the gold's
//!   accepted ones (a gold object `null` accepts any object).
//! * True positives are a maximum one-to-one matching between predictions and
//!   required gold items. An unmatched prediction that still matches some
//!   gold item (an alternate of a matched fact, or an optional item) is
//!   ignored; any other is a false positive.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Relation;
use crate::text::fold;

/// One gold annotation.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldItem {
    /// Document id.
    pub doc: String,
    /// Relation name.
    pub relation: String,
    /// Accepted subjects, preferred first.
    pub subject: Vec<String>,
    /// Accepted objects, or `null` for any.
    pub object: Option<Vec<String>>,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// Borderline: neither rewarded nor punished.
    #[serde(default)]
    pub optional: bool,
    /// The supporting text.
    #[serde(default)]
    pub evidence: String,
}

/// One entity of the entities file.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// Canonical label.
    pub label: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A predicted instance.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Prediction {
    /// Document id.
    pub doc: String,
    /// Relation.
    pub relation: Relation,
    /// Subject label.
    pub subject: String,
    /// Object label, if any.
    pub object: Option<String>,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// One supporting sentence (for `--explain`).
    #[serde(skip)]
    pub sentence: String,
}

/// Precision, recall, F1 and counts.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Score {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// Required gold items not matched.
    pub fn_: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Score {
    fn new(tp: usize, fp: usize, fn_: usize) -> Score {
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fn_ == 0 {
            0.0
        } else {
            tp as f64 / (tp + fn_) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Score {
            tp,
            fp,
            fn_,
            precision: p,
            recall: r,
            f1: f,
        }
    }
}

/// The result of scoring.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Overall score.
    pub overall: Score,
    /// Per relation.
    pub relations: BTreeMap<String, Score>,
    /// Unmatched predictions that match no gold item.
    pub false_positives: Vec<Prediction>,
    /// Required gold items with no prediction.
    pub misses: Vec<GoldItem>,
}

/// Name folding and aliases from the entities file.
#[derive(Debug, Default)]
pub struct Names {
    /// Folded name → canonical entity ids.
    ids: HashMap<String, BTreeSet<usize>>,
}

impl Names {
    /// Builds the alias table.
    pub fn new(entities: &[GoldEntity]) -> Names {
        let mut ids: HashMap<String, BTreeSet<usize>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for n in std::iter::once(&e.label).chain(&e.aliases) {
                ids.entry(fold(n)).or_default().insert(i);
            }
        }
        Names { ids }
    }

    /// Whether two names denote the same entity.
    pub fn same(&self, a: &str, b: &str) -> bool {
        let (fa, fb) = (fold(a), fold(b));
        if fa == fb {
            return true;
        }
        match (self.ids.get(&fa), self.ids.get(&fb)) {
            (Some(x), Some(y)) => !x.is_disjoint(y),
            _ => false,
        }
    }
}

fn matches(names: &Names, p: &Prediction, g: &GoldItem) -> bool {
    if p.doc != g.doc
        || Some(p.relation) != Relation::parse(&g.relation)
        || p.negated != g.negated
        || p.hypothetical != g.hypothetical
    {
        return false;
    }
    if !g.subject.iter().any(|s| names.same(&p.subject, s)) {
        return false;
    }
    match (&g.object, &p.object) {
        (None, _) => true,
        (Some(objs), Some(o)) => objs.iter().any(|x| names.same(o, x)),
        (Some(_), None) => false,
    }
}

/// Maximum bipartite matching (Kuhn's augmenting paths).
fn max_matching(adj: &[Vec<usize>], right: usize) -> Vec<Option<usize>> {
    let mut owner: Vec<Option<usize>> = vec![None; right];
    fn augment(
        u: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &v in &adj[u] {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            if owner[v].is_none_or(|w| augment(w, adj, seen, owner)) {
                owner[v] = Some(u);
                return true;
            }
        }
        false
    }
    for u in 0..adj.len() {
        let mut seen = vec![false; right];
        augment(u, adj, &mut seen, &mut owner);
    }
    owner
}

fn score_subset(
    names: &Names,
    preds: &[Prediction],
    gold: &[GoldItem],
) -> (Score, Vec<Prediction>, Vec<GoldItem>) {
    let required: Vec<&GoldItem> = gold.iter().filter(|g| !g.optional).collect();
    let adj: Vec<Vec<usize>> = preds
        .iter()
        .map(|p| {
            required
                .iter()
                .enumerate()
                .filter(|(_, g)| matches(names, p, g))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let owner = max_matching(&adj, required.len());
    let matched_preds: BTreeSet<usize> = owner.iter().flatten().copied().collect();
    let tp = matched_preds.len();
    let mut fps = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        if !matched_preds.contains(&i) && !gold.iter().any(|g| matches(names, p, g)) {
            fps.push(p.clone());
        }
    }
    let misses: Vec<GoldItem> = required
        .iter()
        .enumerate()
        .filter(|(i, _)| owner[*i].is_none())
        .map(|(_, g)| (*g).clone())
        .collect();
    (Score::new(tp, fps.len(), misses.len()), fps, misses)
}

/// Scores predictions against gold, restricted to the gold's documents when
/// `only_gold_docs` (predictions for unannotated documents are not scored).
pub fn score(names: &Names, preds: &[Prediction], gold: &[GoldItem]) -> Report {
    let docs: BTreeSet<&str> = gold.iter().map(|g| g.doc.as_str()).collect();
    let preds: Vec<Prediction> = preds
        .iter()
        .filter(|p| docs.contains(p.doc.as_str()))
        .cloned()
        .collect();
    let (overall, false_positives, misses) = score_subset(names, &preds, gold);
    let mut relations = BTreeMap::new();
    for r in Relation::ALL {
        let p: Vec<Prediction> = preds.iter().filter(|x| x.relation == r).cloned().collect();
        let g: Vec<GoldItem> = gold
            .iter()
            .filter(|x| Relation::parse(&x.relation) == Some(r))
            .cloned()
            .collect();
        relations.insert(r.name().to_string(), score_subset(names, &p, &g).0);
    }
    Report {
        overall,
        relations,
        false_positives,
        misses,
    }
}

/// Reads a gold JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldItem>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_gold(path, &text)
}

/// Parses gold JSON lines; errors name `path` and the line.
pub fn parse_gold(path: &Path, text: &str) -> Result<Vec<GoldItem>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: GoldItem = serde_json::from_str(line).map_err(|e| Error::Gold {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        if Relation::parse(&g.relation).is_none() {
            return Err(Error::Gold {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!("unknown relation {:?}", g.relation),
            });
        }
        out.push(g);
    }
    Ok(out)
}

/// Reads an entities JSON file.
pub fn read_entities(path: &Path) -> Result<Vec<GoldEntity>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_entities(path, &text)
}

/// Parses an entities JSON document; errors name `path` and the line.
pub fn parse_entities(path: &Path, text: &str) -> Result<Vec<GoldEntity>> {
    serde_json::from_str(text).map_err(|e| Error::Gold {
        path: path.to_path_buf(),
        line: e.line(),
        message: e.to_string(),
    })
}

/// (document, relation, subject, object, negated, hypothetical).
type InstanceKey = (String, Relation, String, Option<String>, bool, bool);

/// The predictions of a graph: one per event and target (or none when the
/// event has no target), de-duplicated per document.
pub fn predictions(g: &crate::graph::KnowledgeGraph) -> Vec<Prediction> {
    let mut out: BTreeMap<InstanceKey, String> = BTreeMap::new();
    for e in &g.events {
        let subject = g.label(&e.agent).to_string();
        let objects: Vec<Option<String>> = if e.targets.is_empty() {
            vec![None]
        } else {
            e.targets
                .iter()
                .map(|t| Some(g.label(t).to_string()))
                .collect()
        };
        for o in objects {
            out.entry((
                e.doc.to_string(),
                e.relation,
                subject.clone(),
                o,
                e.negated,
                e.hypothetical,
            ))
            .or_insert_with(|| e.sentence.to_string());
        }
    }
    out.into_iter()
        .map(
            |((doc, relation, subject, object, negated, hypothetical), sentence)| Prediction {
                doc,
                relation,
                subject,
                object,
                negated,
                hypothetical,
                sentence,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(doc: &str, rel: &str, s: &[&str], o: Option<&[&str]>, optional: bool) -> GoldItem {
        GoldItem {
            doc: doc.into(),
            relation: rel.into(),
            subject: s.iter().map(|x| x.to_string()).collect(),
            object: o.map(|o| o.iter().map(|x| x.to_string()).collect()),
            negated: false,
            hypothetical: false,
            optional,
            evidence: String::new(),
        }
    }

    fn pred(doc: &str, rel: Relation, s: &str, o: Option<&str>) -> Prediction {
        Prediction {
            doc: doc.into(),
            relation: rel,
            subject: s.into(),
            object: o.map(String::from),
            negated: false,
            hypothetical: false,
            sentence: String::new(),
        }
    }

    fn names() -> Names {
        Names::new(&[GoldEntity {
            label: "Aleksandar Vučić".into(),
            aliases: vec!["Vucic".into()],
        }])
    }

    #[test]
    fn aliases_and_diacritics_match() {
        let n = names();
        assert!(n.same("vucic", "Aleksandar Vučić"));
        assert!(n.same("ALEKSANDAR VUCIC", "Aleksandar Vučić"));
        assert!(!n.same("Vucic", "Kurti"));
    }

    #[test]
    fn one_to_one_matching_and_ignored_alternates() {
        let n = names();
        let g = vec![
            gold(
                "d",
                "accuses",
                &["Vucic"],
                Some(&["Kosovo", "Kurti"]),
                false,
            ),
            gold("d", "accuses", &["Vucic"], Some(&["NATO"]), true),
        ];
        // two predictions for one required fact: one TP, the alternate ignored
        let p = vec![
            pred("d", Relation::Accuses, "Vučić", Some("Kosovo")),
            pred("d", Relation::Accuses, "Vucic", Some("Kurti")),
        ];
        let r = score(&n, &p, &g);
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (1, 0, 0));
        // an optional item is neither rewarded nor punished
        let r = score(
            &n,
            &[pred("d", Relation::Accuses, "Vucic", Some("NATO"))],
            &g,
        );
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (0, 0, 1));
        // a wrong object is a false positive
        let r = score(
            &n,
            &[pred("d", Relation::Accuses, "Vucic", Some("Serbia"))],
            &g,
        );
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (0, 1, 1));
        assert_eq!(r.overall.precision, 0.0);
    }

    #[test]
    fn null_object_accepts_any_and_polarity_must_agree() {
        let n = names();
        let g = vec![gold("d", "deploys", &["Serbia"], None, false)];
        let r = score(
            &n,
            &[pred("d", Relation::Deploys, "Serbia", Some("border"))],
            &g,
        );
        assert_eq!(r.overall.tp, 1);
        let mut p = pred("d", Relation::Deploys, "Serbia", None);
        p.hypothetical = true;
        let r = score(&n, &[p], &g);
        assert_eq!((r.overall.tp, r.overall.fp), (0, 1));
    }

    #[test]
    fn matching_is_maximum_not_greedy() {
        let n = names();
        // prediction A fits both gold items, B fits only the first: both must be TPs
        let g = vec![
            gold(
                "d",
                "deploys",
                &["Kosovo"],
                Some(&["border", "north"]),
                false,
            ),
            gold("d", "deploys", &["Kosovo"], Some(&["north"]), false),
        ];
        let p = vec![
            pred("d", Relation::Deploys, "Kosovo", Some("north")),
            pred("d", Relation::Deploys, "Kosovo", Some("border")),
        ];
        let r = score(&n, &p, &g);
        assert_eq!(r.overall.tp, 2);
        assert!((r.overall.f1 - 1.0).abs() < 1e-9);
    }
}
