//! `newskg validate`: the checks of `ontology/shapes.ttl` (the RDF contract of
//! `spec/rdf-contract.md`), run natively as SPARQL queries on the embedded
//! store. Each rule lists its violations with a focus node and an explanation.

use serde::Serialize;

use super::sparql::{short, Answer, SparqlStore};
use crate::error::Result;

/// One broken rule on one node.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The contract rule ("rule 1", …).
    pub rule: String,
    /// The node that breaks it.
    pub focus: String,
    /// What is wrong.
    pub message: String,
}

const EVENTS: &str =
    "VALUES ?class { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition }";
const ENTITIES: &str =
    "VALUES ?class { nkg:Person nkg:State nkg:Organisation nkg:ArmedForce nkg:Group nkg:Place }";

/// (rule, message, query selecting ?focus and optionally ?detail)
fn rules() -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("rule 1", "an event has exactly one of nkg:Accusation, nkg:Deployment, nkg:Mediation, nkg:Recognition", format!("SELECT ?focus (COUNT(DISTINCT ?class) AS ?detail) WHERE {{ ?focus a ?class . {EVENTS} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?class) != 1)")),
        ("rule 1", "an event has exactly one nkg:agent", format!("SELECT ?focus (COUNT(DISTINCT ?a) AS ?detail) WHERE {{ ?focus a ?class . {EVENTS} OPTIONAL {{ ?focus nkg:agent ?a }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?a) != 1)")),
        ("rule 1", "an event has exactly one nkg:negated", format!("SELECT ?focus (COUNT(DISTINCT ?v) AS ?detail) WHERE {{ ?focus a ?class . {EVENTS} OPTIONAL {{ ?focus nkg:negated ?v }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) != 1)")),
        ("rule 1", "an event has exactly one nkg:hypothetical", format!("SELECT ?focus (COUNT(DISTINCT ?v) AS ?detail) WHERE {{ ?focus a ?class . {EVENTS} OPTIONAL {{ ?focus nkg:hypothetical ?v }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?v) != 1)")),
        ("rule 1", "nkg:negated and nkg:hypothetical are xsd:boolean", "SELECT ?focus (STR(?v) AS ?detail) WHERE { { ?focus nkg:negated ?v } UNION { ?focus nkg:hypothetical ?v } FILTER(!isLiteral(?v) || DATATYPE(?v) != xsd:boolean) }".to_string()),
        ("rule 1", "an event is prov:wasDerivedFrom an nkg:Article", format!("SELECT ?focus WHERE {{ ?focus a ?class . {EVENTS} FILTER NOT EXISTS {{ ?focus prov:wasDerivedFrom ?d . ?d a nkg:Article }} }}")),
        ("rule 2", "an article has exactly one dcterms:identifier", "SELECT ?focus (COUNT(DISTINCT ?id) AS ?detail) WHERE { ?focus a nkg:Article OPTIONAL { ?focus dcterms:identifier ?id } } GROUP BY ?focus HAVING (COUNT(DISTINCT ?id) != 1)".to_string()),
        ("rule 2", "dcterms:date is an xsd:date", "SELECT ?focus (STR(?v) AS ?detail) WHERE { ?focus a nkg:Article ; dcterms:date ?v FILTER(!isLiteral(?v) || DATATYPE(?v) != xsd:date) }".to_string()),
        ("rule 3", "an actor or place has exactly one rdfs:label tagged @en", format!("SELECT ?focus (COUNT(DISTINCT ?l) AS ?detail) WHERE {{ ?focus a ?class . {ENTITIES} OPTIONAL {{ ?focus rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), \"en\")) }} }} GROUP BY ?focus HAVING (COUNT(DISTINCT ?l) != 1)")),
        ("rule 3", "an agent or target has a type and a label", "SELECT DISTINCT ?focus WHERE { { ?e nkg:agent ?focus } UNION { ?e nkg:target ?focus } FILTER NOT EXISTS { ?focus rdfs:label ?l } }".to_string()),
        ("rule 4", "an event neither negated nor hypothetical has its direct edge", "SELECT ?focus (STR(?t) AS ?detail) WHERE { ?focus nkg:agent ?a ; nkg:target ?t ; nkg:negated false ; nkg:hypothetical false . FILTER NOT EXISTS { { ?focus a nkg:Accusation . ?a nkg:accuses ?t } UNION { ?focus a nkg:Deployment . ?a nkg:deploys ?t } UNION { ?focus a nkg:Mediation . ?a nkg:mediates ?t } UNION { ?focus a nkg:Recognition . ?a nkg:recognises ?t } } }".to_string()),
        ("rule 4", "a direct edge comes from an asserted event", "SELECT ?focus (STR(?t) AS ?detail) WHERE { VALUES (?p ?class) { (nkg:accuses nkg:Accusation) (nkg:deploys nkg:Deployment) (nkg:mediates nkg:Mediation) (nkg:recognises nkg:Recognition) } ?focus ?p ?t . FILTER NOT EXISTS { ?e a ?class ; nkg:agent ?focus ; nkg:target ?t ; nkg:negated false ; nkg:hypothetical false } }".to_string()),
    ]
}

/// Runs every rule; returns the violations, sorted.
pub fn validate(store: &SparqlStore) -> Result<Vec<Violation>> {
    let mut out = Vec::new();
    for (rule, message, q) in rules() {
        if let Answer::Solutions { variables, rows } = store.query(&q)? {
            let fi = variables.iter().position(|v| v == "focus");
            let di = variables.iter().position(|v| v == "detail");
            for r in rows {
                let focus = fi
                    .and_then(|i| r[i].as_ref())
                    .map(short)
                    .unwrap_or_default();
                let detail = di.and_then(|i| r[i].as_ref()).map(short);
                out.push(Violation {
                    rule: rule.to_string(),
                    focus,
                    message: match detail {
                        Some(d) => format!("{message} (found: {d})"),
                        None => message.to_string(),
                    },
                });
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(ttl: &str) -> SparqlStore {
        let mut s = SparqlStore::new().expect("store");
        let t: Vec<oxrdf::Triple> = oxttl::TurtleParser::new()
            .for_slice(ttl.as_bytes())
            .map(|t| t.expect("turtle"))
            .collect();
        s.load(&t).expect("load");
        s
    }

    #[test]
    fn an_export_conforms() {
        let r = crate::relations::extract(&crate::document::Document::new("a", " date 2024-01-01 Armenia accused Azerbaijan of shelling villages. Spain said it would recognise Palestine.".into()));
        let g = crate::graph::KnowledgeGraph::build(vec![r]);
        let mut s = SparqlStore::new().expect("store");
        s.load(&crate::export::rdf::triples(&g)).expect("load");
        assert_eq!(validate(&s).expect("validate"), Vec::<Violation>::new());
    }

    #[test]
    fn broken_graphs_are_explained() {
        let s = store(
            r#"@prefix nkg: <https://w3id.org/newskg/ns#> . @prefix prov: <http://www.w3.org/ns/prov#> .
               @prefix dcterms: <http://purl.org/dc/terms/> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
               <http://x/d> a nkg:Article ; dcterms:identifier "d" .
               <http://x/s> a nkg:State .
               <http://x/k> a nkg:State ; rdfs:label "Kosovo"@en .
               <http://x/e1> a nkg:Accusation ; nkg:target <http://x/k> ; nkg:negated false ; nkg:hypothetical false ; prov:wasDerivedFrom <http://x/d> .
               <http://x/e2> a nkg:Recognition ; nkg:agent <http://x/k> ; nkg:target <http://x/s> ; nkg:negated "no" ; nkg:hypothetical false ; prov:wasDerivedFrom <http://x/d> ."#,
        );
        let v = validate(&s).expect("validate");
        let msgs: Vec<&str> = v.iter().map(|x| x.message.as_str()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("an event has exactly one nkg:agent")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("nkg:negated and nkg:hypothetical are xsd:boolean")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("an actor or place has exactly one rdfs:label")),
            "{msgs:?}"
        );
        assert!(v.iter().any(|x| x.focus == "<http://x/s>"));
    }
}
