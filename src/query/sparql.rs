//! SPARQL 1.1 (SELECT, ASK, CONSTRUCT, DESCRIBE) over oxigraph's embedded
//! in-memory store — no RocksDB, no server. The ontology's prefixes (`nkg:`,
//! `prov:`, `dcterms:`, `rdfs:`, `state:`, …) are predeclared.

use std::io::Write;

use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxrdf::{Term, Triple};

use super::index::TripleIndex;
use crate::error::{Error, Result};
use crate::vocab;

/// The result of a query, fully materialised.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: variable names and rows (unbound = `None`).
    Solutions {
        /// Variables in order.
        variables: Vec<String>,
        /// Rows.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE, sorted.
    Graph(Vec<Triple>),
}

impl Answer {
    /// Whether the answer is empty (no row, false, no triple).
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Solutions { rows, .. } => rows.is_empty(),
            Answer::Boolean(b) => !b,
            Answer::Graph(t) => t.is_empty(),
        }
    }
}

/// The data of a query, with newskg's prefixes: a read-only
/// [`TripleIndex`] evaluated by oxigraph's SPARQL engine.
pub struct SparqlStore {
    index: TripleIndex,
}

/// Output formats of SELECT/ASK results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned table for terminals.
    Table,
    /// SPARQL 1.1 CSV.
    Csv,
    /// SPARQL 1.1 TSV.
    Tsv,
    /// SPARQL 1.1 JSON.
    Json,
    /// SPARQL XML.
    Xml,
}

impl ResultsFormat {
    /// Parses `table`, `csv`, `tsv`, `json`, `xml`.
    pub fn parse(s: &str) -> Option<ResultsFormat> {
        match s.to_ascii_lowercase().as_str() {
            "table" => Some(ResultsFormat::Table),
            "csv" => Some(ResultsFormat::Csv),
            "tsv" => Some(ResultsFormat::Tsv),
            "json" => Some(ResultsFormat::Json),
            "xml" => Some(ResultsFormat::Xml),
            _ => None,
        }
    }
}

impl SparqlStore {
    /// An empty store.
    pub fn new() -> Result<SparqlStore> {
        Ok(SparqlStore {
            index: TripleIndex::new(),
        })
    }

    fn full(e: super::index::IndexFull) -> Error {
        Error::Query(e.to_string())
    }

    /// Loads triples into the default graph.
    pub fn load(&mut self, triples: &[Triple]) -> Result<()> {
        for t in triples {
            self.index.insert(t.clone()).map_err(Self::full)?;
        }
        self.index.seal();
        Ok(())
    }

    /// Loads RDF files into the default graph (named graphs are merged into
    /// it), streaming: each triple goes into the index as it is parsed, so no
    /// list of the file's triples is built. Blank nodes of different files
    /// stay different. A syntax error names the file, line and column.
    pub fn load_files(&mut self, paths: &[&std::path::Path]) -> Result<()> {
        for path in paths {
            let format = super::rdf_format(path)?;
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            let reader = std::io::BufReader::with_capacity(1 << 20, file);
            let index = &mut self.index;
            super::for_each_triple(path, reader, format, |t| {
                index.insert(t).map_err(Self::full)
            })?;
        }
        self.index.seal();
        Ok(())
    }

    /// Number of triples loaded.
    pub fn len(&self) -> Result<usize> {
        Ok(self.index.len())
    }

    /// Whether the store is empty.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.index.is_empty())
    }

    fn prepare(sparql: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
        let mut ev = SparqlEvaluator::new(); // built without the HTTP client: SERVICE never opens a connection
        for (p, iri) in vocab::PREFIXES.iter().chain(vocab::ID_PREFIXES) {
            ev = ev
                .with_prefix(*p, *iri)
                .map_err(|e| Error::Query(e.to_string()))?;
        }
        ev.parse_query(sparql)
            .map_err(|e| Error::Query(format!("SPARQL syntax error: {e}")))
    }

    /// Runs a query, reading every result, and returns oxigraph's plan as
    /// JSON: the operators it chose, with how many rows each produced and how
    /// long it took. For finding why a query is slow.
    pub fn explain(&self, sparql: &str) -> Result<String> {
        let (results, explanation) = Self::prepare(sparql)?
            .on_queryable_dataset(&self.index)
            .compute_statistics()
            .explain();
        let failed = |e: &dyn std::fmt::Display| Error::Query(format!("query failed: {e}"));
        match results.map_err(|e| failed(&e))? {
            QueryResults::Solutions(sols) => {
                for s in sols {
                    s.map_err(|e| failed(&e))?;
                }
            }
            QueryResults::Graph(triples) => {
                for t in triples {
                    t.map_err(|e| failed(&e))?;
                }
            }
            QueryResults::Boolean(_) => {}
        }
        let mut json = Vec::new();
        explanation
            .write_in_json(&mut json)
            .map_err(|e| failed(&e))?;
        String::from_utf8(json).map_err(|e| failed(&e))
    }

    /// Runs a query. A syntax error gives the parser's message with line and column.
    pub fn query(&self, sparql: &str) -> Result<Answer> {
        let results = Self::prepare(sparql)?
            .on_queryable_dataset(&self.index)
            .execute()
            .map_err(|e| Error::Query(format!("query failed: {e}")))?;
        Ok(match results {
            QueryResults::Solutions(sols) => {
                let variables: Vec<String> = sols
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let vars = sols.variables().to_vec();
                let mut rows = Vec::new();
                for s in sols {
                    let s = s.map_err(|e| Error::Query(format!("query failed: {e}")))?;
                    rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
                }
                Answer::Solutions { variables, rows }
            }
            QueryResults::Boolean(b) => Answer::Boolean(b),
            QueryResults::Graph(triples) => {
                let mut out = Vec::new();
                for t in triples {
                    out.push(t.map_err(|e| Error::Query(format!("query failed: {e}")))?);
                }
                let mut keyed: Vec<(String, Triple)> =
                    out.into_iter().map(|t| (t.to_string(), t)).collect();
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                keyed.dedup_by(|a, b| a.0 == b.0);
                Answer::Graph(keyed.into_iter().map(|(_, t)| t).collect())
            }
        })
    }
}

/// A term as a short string for tables: prefixed IRIs, plain literal values.
pub fn short(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (p, ns) in vocab::ID_PREFIXES.iter().chain(vocab::PREFIXES) {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    return format!("{p}:{local}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// Writes an answer: tables or standard SPARQL results formats; graphs as Turtle.
pub fn write_answer(
    answer: &Answer,
    format: ResultsFormat,
    mut w: impl Write,
) -> std::io::Result<()> {
    match answer {
        Answer::Graph(triples) => {
            crate::export::rdf::write_turtle(triples, w)?;
            Ok(())
        }
        Answer::Boolean(b) if format == ResultsFormat::Table => writeln!(w, "{b}"),
        Answer::Solutions { variables, rows } if format == ResultsFormat::Table => {
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            c.as_ref()
                                .map(short)
                                .unwrap_or_default()
                                .replace(['\n', '\t'], " ")
                        })
                        .collect()
                })
                .collect();
            let mut widths: Vec<usize> = variables.iter().map(|v| v.chars().count() + 1).collect();
            for r in &cells {
                for (i, c) in r.iter().enumerate() {
                    widths[i] = widths[i].max(c.chars().count()).min(80);
                }
            }
            let line = |w: &mut dyn Write, vals: &[String]| -> std::io::Result<()> {
                let parts: Vec<String> = vals
                    .iter()
                    .zip(&widths)
                    .map(|(v, &wd)| {
                        let v: String = if v.chars().count() > wd {
                            v.chars().take(wd - 1).chain(std::iter::once('…')).collect()
                        } else {
                            v.clone()
                        };
                        format!("{v:<wd$}")
                    })
                    .collect();
                writeln!(w, "{}", parts.join("  ").trim_end())
            };
            let header: Vec<String> = variables.iter().map(|v| format!("?{v}")).collect();
            line(&mut w, &header)?;
            for r in &cells {
                line(&mut w, r)?;
            }
            Ok(())
        }
        Answer::Boolean(b) => {
            let f = results_format(format);
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(w, *b)?;
            Ok(())
        }
        Answer::Solutions { variables, rows } => {
            let f = results_format(format);
            let vars: Vec<oxrdf::Variable> = variables
                .iter()
                .map(|v| oxrdf::Variable::new_unchecked(v.clone()))
                .collect();
            let mut s = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(w, vars.clone())?;
            for r in rows {
                s.serialize(
                    vars.iter()
                        .zip(r)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                )?;
            }
            s.finish()?;
            Ok(())
        }
    }
}

fn results_format(f: ResultsFormat) -> QueryResultsFormat {
    match f {
        ResultsFormat::Csv => QueryResultsFormat::Csv,
        ResultsFormat::Tsv => QueryResultsFormat::Tsv,
        ResultsFormat::Xml => QueryResultsFormat::Xml,
        ResultsFormat::Json | ResultsFormat::Table => QueryResultsFormat::Json,
    }
}

/// The contract query of `spec/rdf-contract.md`.
pub const CONTRACT_QUERY: &str = "SELECT ?doc ?type ?agent ?target ?negated ?hypothetical WHERE {
  ?e a ?type ; nkg:agent ?a ; prov:wasDerivedFrom ?d ;
     nkg:negated ?negated ; nkg:hypothetical ?hypothetical .
  ?d dcterms:identifier ?doc .
  ?a rdfs:label ?agent .
  OPTIONAL { ?e nkg:target ?t . ?t rdfs:label ?target }
  VALUES ?type { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition }
}";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::graph::KnowledgeGraph;

    fn store() -> SparqlStore {
        let r = crate::relations::extract(&Document::new("a", "Armenia accused Azerbaijan of shelling villages. Morocco does not recognise Western Sahara's independence.".into()));
        let g = KnowledgeGraph::build(vec![r]);
        let mut s = SparqlStore::new().expect("store");
        s.load(&crate::export::rdf::triples(&g)).expect("load");
        s
    }

    #[test]
    fn contract_query_with_predeclared_prefixes() {
        let a = store().query(CONTRACT_QUERY).expect("query");
        let Answer::Solutions { variables, rows } = a else {
            panic!("not solutions")
        };
        assert_eq!(
            variables,
            ["doc", "type", "agent", "target", "negated", "hypothetical"]
        );
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn files_load_streaming_with_their_own_blank_nodes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.nt");
        let b = dir.path().join("b.nq");
        std::fs::write(&a, "_:x <http://e/p> \"1\" .\n").expect("write");
        std::fs::write(&b, "_:x <http://e/p> \"2\" <http://e/g> .\n").expect("write");
        let mut s = SparqlStore::new().expect("store");
        s.load_files(&[&a, &b]).expect("load");
        // named graphs are merged into the default graph; `_:x` of two files are two nodes
        let q = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <http://e/p> ?o }";
        let Answer::Solutions { rows, .. } = s.query(q).expect("query") else {
            panic!("not solutions")
        };
        assert_eq!(rows[0][0].as_ref().map(short).as_deref(), Some("2"));
        // reading the files into a list keeps them apart too
        let triples = crate::query::read_triples(&[&a, &b]).expect("read");
        assert_ne!(triples[0].subject, triples[1].subject);
        let bad = dir.path().join("bad.ttl");
        std::fs::write(&bad, "<http://e/s> <http://e/p> .\n").expect("write");
        let e = s.load_files(&[&bad]).expect_err("syntax error").to_string();
        assert!(e.contains("bad.ttl") && e.contains("line 1"), "{e}");
    }

    #[test]
    fn ask_and_construct() {
        let s = store();
        assert_eq!(
            s.query("ASK { state:armenia nkg:accuses state:azerbaijan }")
                .expect("ask"),
            Answer::Boolean(true)
        );
        // negated events have no direct edge
        assert_eq!(
            s.query("ASK { ?x nkg:recognises ?y }").expect("ask"),
            Answer::Boolean(false)
        );
        let Answer::Graph(t) = s
            .query("CONSTRUCT { ?a nkg:accuses ?b } WHERE { ?a nkg:accuses ?b }")
            .expect("construct")
        else {
            panic!()
        };
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn syntax_errors_carry_position() {
        let e = store()
            .query("SELECT ?x WHERE {\n  ?x nkg:agent \n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("SPARQL syntax error") && e.contains('2'), "{e}");
    }
}
