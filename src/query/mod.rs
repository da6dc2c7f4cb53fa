//! Stage 7 — query: SPARQL on an embedded in-memory store ([`sparql`]) and
//! graph questions for people who do not write SPARQL ([`questions`]), over
//! exported files (Turtle, N-Triples, JSON-LD) or articles extracted on the fly.

pub mod index;
pub mod questions;
pub mod sparql;
pub mod validate;

use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use oxrdf::{Term, Triple};

use crate::error::{Error, Result};
use crate::graph::{Article, KnowledgeGraph};
use crate::model::{Entity, EntityType, Event, Relation};
use crate::vocab::{self, ext, nkg};

/// The RDF format of a data file, by extension.
pub fn rdf_format(path: &Path) -> Result<RdfFormat> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let ext = if ext == "json" { "jsonld" } else { ext };
    RdfFormat::from_extension(ext).ok_or_else(|| Error::Input {
        path: path.to_path_buf(),
        message: format!("unknown RDF format {ext:?} (expected .ttl, .nt, .nq, .trig or .jsonld)"),
    })
}

/// Reads the triples of exported files. A syntax error names the file, line and column.
pub fn read_triples(paths: &[&Path]) -> Result<Vec<Triple>> {
    let mut out = Vec::new();
    for path in paths {
        let format = rdf_format(path)?;
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        parse_triples(path, std::io::BufReader::new(file), format, &mut out)?;
    }
    Ok(out)
}

/// Parses RDF from a reader, appending its triples (the default graph and
/// named graphs alike) to `out`; its blank nodes get fresh names, so those of
/// two files never merge. Errors name `path`, the line and column.
pub fn parse_triples(
    path: &Path,
    reader: impl std::io::Read,
    format: RdfFormat,
    out: &mut Vec<Triple>,
) -> Result<()> {
    for_each_triple(path, reader, format, |t| {
        out.push(t);
        Ok(())
    })
}

/// Parses RDF from a reader and calls `f` on each triple as it is read (the
/// default graph and named graphs alike), with the blank-node renaming and
/// errors of [`parse_triples`].
pub fn for_each_triple(
    path: &Path,
    reader: impl std::io::Read,
    format: RdfFormat,
    mut f: impl FnMut(Triple) -> Result<()>,
) -> Result<()> {
    for q in RdfParser::from_format(format)
        .rename_blank_nodes()
        .for_reader(reader)
    {
        let q = q.map_err(|e| Error::Input {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        f(Triple::new(q.subject, q.predicate, q.object))?;
    }
    Ok(())
}

fn key_of(term: &Term) -> Option<String> {
    match term {
        Term::NamedNode(n) => n.as_str().strip_prefix(vocab::ID).map(String::from),
        _ => None,
    }
}

fn literal(term: &Term) -> Option<&str> {
    match term {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

impl KnowledgeGraph {
    /// Rebuilds the graph from newskg's own RDF (the inverse of the export):
    /// entities, articles and events are read back through the ontology's terms.
    pub fn from_triples(triples: &[Triple]) -> KnowledgeGraph {
        use std::collections::BTreeMap;
        let mut by_subject: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
        for t in triples {
            if let oxrdf::NamedOrBlankNode::NamedNode(n) = &t.subject {
                by_subject
                    .entry(n.as_str().to_string())
                    .or_default()
                    .push(t);
            }
        }
        let pred = |ts: &[&Triple], p: oxrdf::NamedNodeRef<'_>| -> Vec<Term> {
            ts.iter()
                .filter(|t| t.predicate.as_ref() == p)
                .map(|t| t.object.clone())
                .collect()
        };
        let class_of = |ts: &[&Triple]| -> Vec<String> {
            pred(ts, oxrdf::vocab::rdf::TYPE)
                .iter()
                .filter_map(|o| {
                    if let Term::NamedNode(n) = o {
                        n.as_str().strip_prefix(vocab::NKG).map(String::from)
                    } else {
                        None
                    }
                })
                .collect()
        };
        let mut articles = Vec::new();
        let mut article_ids: BTreeMap<String, String> = BTreeMap::new();
        let mut entities = Vec::new();
        for (iri, ts) in &by_subject {
            let classes = class_of(ts);
            if classes.iter().any(|c| c == "Article") {
                let id = pred(ts, ext::IDENTIFIER)
                    .first()
                    .and_then(|t| literal(t).map(String::from))
                    .unwrap_or_else(|| iri.clone());
                let date = pred(ts, ext::DATE)
                    .first()
                    .and_then(|t| literal(t).and_then(crate::document::Date::parse));
                article_ids.insert(iri.clone(), id.clone());
                articles.push(Article { id, date });
                continue;
            }
            let etype = classes.iter().find_map(|c| match c.as_str() {
                "Person" => Some(EntityType::Person),
                "State" => Some(EntityType::State),
                "Organisation" => Some(EntityType::Organisation),
                "ArmedForce" => Some(EntityType::ArmedForce),
                "Group" => Some(EntityType::Group),
                "Place" => Some(EntityType::Place),
                _ => None,
            });
            if let (Some(etype), Some(key)) = (etype, iri.strip_prefix(vocab::ID)) {
                let label = pred(ts, ext::LABEL)
                    .first()
                    .and_then(|t| literal(t).map(String::from))
                    .unwrap_or_else(|| key.to_string());
                let mut aliases: Vec<String> = pred(ts, ext::ALT_LABEL)
                    .iter()
                    .filter_map(|t| literal(t).map(String::from))
                    .collect();
                aliases.sort();
                // one entity record per role and affiliation: the graph keeps their union
                let roles: Vec<String> = pred(ts, nkg::ROLE)
                    .iter()
                    .filter_map(|t| literal(t).map(String::from))
                    .collect();
                let affiliations: Vec<String> = pred(ts, nkg::AFFILIATION)
                    .iter()
                    .filter_map(key_of)
                    .collect();
                let base = Entity {
                    key: key.to_string(),
                    label,
                    etype,
                    role: roles.first().cloned(),
                    affiliation: affiliations.first().cloned(),
                    aliases,
                };
                for r in roles.iter().skip(1) {
                    entities.push(Entity {
                        role: Some(r.clone()),
                        affiliation: None,
                        ..base.clone()
                    });
                }
                for a in affiliations.iter().skip(1) {
                    entities.push(Entity {
                        role: None,
                        affiliation: Some(a.clone()),
                        ..base.clone()
                    });
                }
                entities.push(base);
            }
        }
        let dates: std::collections::HashMap<String, Option<crate::document::Date>> =
            articles.iter().map(|a| (a.id.clone(), a.date)).collect();
        let mut events = Vec::new();
        for ts in by_subject.values() {
            let relation = class_of(ts).iter().find_map(|c| match c.as_str() {
                "Accusation" => Some(Relation::Accuses),
                "Deployment" => Some(Relation::Deploys),
                "Mediation" => Some(Relation::Mediates),
                "Recognition" => Some(Relation::Recognises),
                _ => None,
            });
            let Some(relation) = relation else { continue };
            let Some(agent) = pred(ts, nkg::AGENT).first().and_then(key_of) else {
                continue;
            };
            let doc = pred(ts, ext::WAS_DERIVED_FROM)
                .first()
                .and_then(|t| {
                    if let Term::NamedNode(n) = t {
                        article_ids.get(n.as_str()).cloned()
                    } else {
                        None
                    }
                })
                .unwrap_or_default();
            let mut targets: Vec<String> =
                pred(ts, nkg::TARGET).iter().filter_map(key_of).collect();
            targets.sort();
            let flag = |p| {
                pred(ts, p)
                    .first()
                    .and_then(|t| literal(t).map(|v| v == "true"))
                    .unwrap_or(false)
            };
            let num = |p| {
                pred(ts, p)
                    .first()
                    .and_then(|t| literal(t).and_then(|v| v.parse().ok()))
                    .unwrap_or(0)
            };
            let text = |p| {
                pred(ts, p)
                    .first()
                    .and_then(|t| literal(t).map(String::from))
            };
            events.push(Event {
                date: dates.get(&doc).copied().flatten(),
                doc: doc.into(),
                relation,
                agent: agent.into(),
                targets: targets.into_iter().map(Into::into).collect(),
                negated: flag(nkg::NEGATED),
                hypothetical: flag(nkg::HYPOTHETICAL),
                attributed_to: pred(ts, ext::WAS_ATTRIBUTED_TO)
                    .first()
                    .and_then(key_of)
                    .map(Into::into),
                force: text(nkg::FORCE).map(Into::into),
                trigger: text(nkg::TRIGGER).unwrap_or_default().into(),
                pattern: text(nkg::PATTERN).unwrap_or_default().into(),
                sentence: text(nkg::SENTENCE).unwrap_or_default().into(),
                start: num(nkg::START_OFFSET),
                end: num(nkg::END_OFFSET),
            });
        }
        KnowledgeGraph::assemble(articles, entities, events)
    }
}
