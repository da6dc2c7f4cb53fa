//! Entry points of the fuzz targets (`fuzz/`, run with cargo-fuzz) and of
//! their regression tests (`tests/it/fuzz.rs` replays every saved input on
//! the stable toolchain). Each takes arbitrary bytes, must neither panic nor
//! hang, and asserts what its stage promises about its output.
//!
//! | target | user input it stands for |
//! |---|---|
//! | [`article`] | an article file: date line, text → graph → Turtle, N-Triples, JSON-LD, DOT |
//! | [`jsonl`] | `export --jsonl` streaming input |
//! | [`gold`] | `eval --gold` and `--entities` files |
//! | [`sparql`] | a query passed to `newskg query` |
//! | [`rdf`] | RDF files given to `query --data` and `validate` |

use std::path::Path;
use std::sync::OnceLock;

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxrdf::Triple;

use crate::document::{self, Document};
use crate::export::{DotOptions, ExportFormat, Exporter};
use crate::graph::KnowledgeGraph;
use crate::query::sparql::{write_answer, ResultsFormat, SparqlStore};

/// Splits fuzz input in two at the first `0xFF` byte (never valid UTF-8).
fn split(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0xff) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

/// Serialises `g` in `format` into memory.
fn serialize(g: &KnowledgeGraph, format: ExportFormat) -> Vec<u8> {
    let mut w = Exporter::new(format)
        .with_dot_options(DotOptions::default())
        .for_writer(Vec::new());
    let done = w.serialize_graph(g).and_then(|()| w.finish());
    done.unwrap_or_else(|e| panic!("{format:?} into memory failed: {e}"))
}

/// Parses newskg's own output back; it must always parse.
fn reparse(bytes: &[u8], format: RdfFormat) -> Vec<Triple> {
    let mut out = Vec::new();
    crate::query::parse_triples(Path::new("fuzz"), bytes, format, &mut out)
        .unwrap_or_else(|e| panic!("own {format} output does not parse: {e}"));
    out.sort_by_cached_key(|t| t.to_string());
    out.dedup();
    out
}

/// An article file (its text, then optionally `0xFF` and its id): everything
/// from the date line to every serialiser.
pub fn article(data: &[u8]) {
    let (text, id) = split(data);
    let id = String::from_utf8_lossy(id);
    let id = if id.is_empty() { "fuzz".into() } else { id };
    let Ok(doc) = document::decode(Path::new("fuzz.txt"), &id, text.to_vec()) else {
        return;
    };
    if let Some(d) = doc.date {
        assert_eq!(document::Date::parse(&d.to_string()), Some(d));
    }
    assert!(doc.text.is_char_boundary(doc.body_start));
    let r = crate::relations::extract(&doc);
    let g = KnowledgeGraph::build(vec![r]);
    let ttl = reparse(&serialize(&g, ExportFormat::Turtle), RdfFormat::Turtle);
    let nt = reparse(&serialize(&g, ExportFormat::NTriples), RdfFormat::NTriples);
    let jsonld = reparse(
        &serialize(&g, ExportFormat::JsonLd),
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    );
    assert_eq!(ttl, nt, "Turtle and N-Triples disagree");
    assert_eq!(ttl.len(), jsonld.len(), "Turtle and JSON-LD disagree");
    let dot = serialize(&g, ExportFormat::Dot);
    let dot = String::from_utf8(dot).expect("DOT is UTF-8");
    if let Err(e) = graphviz_rust::parse(&dot) {
        panic!("own DOT does not parse: {e}");
    }
    // the graph read back from its own RDF has the same events
    let back = KnowledgeGraph::from_triples(&nt);
    assert_eq!(back.events.len(), g.events.len());
}

/// `export --jsonl` input: every line is a document or a reported skip, and
/// the output is N-Triples that parse.
pub fn jsonl(data: &[u8]) {
    let mut out = Vec::new();
    let mut skipped = 0;
    let stats = crate::pipeline::stream(
        data,
        &mut out,
        crate::pipeline::StreamFormat::NTriples,
        false,
        |_, _| skipped += 1,
        None,
    );
    let Ok(stats) = stats else { return };
    assert_eq!(stats.skipped, skipped);
    reparse(&out, RdfFormat::NTriples);
}

/// `eval` inputs (gold lines, `0xFF`, entities JSON): parsing, then scoring gold against itself.
pub fn gold(data: &[u8]) {
    let (gold, entities) = split(data);
    let (Ok(gold), Ok(entities)) = (std::str::from_utf8(gold), std::str::from_utf8(entities))
    else {
        return;
    };
    let Ok(items) = crate::eval::parse_gold(Path::new("gold.jsonl"), gold) else {
        return;
    };
    let entities =
        crate::eval::parse_entities(Path::new("entities.json"), entities).unwrap_or_default();
    let names = crate::eval::Names::new(&entities);
    // predict each gold item's first choices: the scorer must stay within its counts
    let preds: Vec<crate::eval::Prediction> = items
        .iter()
        .filter_map(|g| {
            Some(crate::eval::Prediction {
                doc: g.doc.clone(),
                relation: crate::model::Relation::parse(&g.relation)?,
                subject: g.subject.first()?.clone(),
                object: match &g.object {
                    None => None,
                    Some(o) => Some(o.first()?.clone()),
                },
                negated: g.negated,
                hypothetical: g.hypothetical,
                sentence: String::new(),
            })
        })
        .collect();
    let report = crate::eval::score(&names, &preds, &items);
    let o = report.overall;
    assert!(o.tp + o.fn_ <= items.len() && o.tp + o.fp <= preds.len());
}

/// A store with a small graph of every kind of node, for [`sparql`].
fn store() -> &'static SparqlStore {
    static STORE: OnceLock<SparqlStore> = OnceLock::new();
    STORE.get_or_init(|| {
        let doc = Document::new(
            "fuzz",
            " date 2024-05-01 Armenia accused Azerbaijan of shelling Jermuk. \
             Russia deployed troops to Syria. Qatar mediated between Israel and Hamas. \
             Serbia does not recognise Kosovo."
                .into(),
        );
        let g = KnowledgeGraph::build(vec![crate::relations::extract(&doc)]);
        let triples = reparse(&serialize(&g, ExportFormat::NTriples), RdfFormat::NTriples);
        let mut s = SparqlStore::new().expect("in-memory store");
        s.load(&triples).expect("load");
        s
    })
}

/// A query passed to `newskg query`: parse errors are fine, panics are not,
/// and every answer can be written in every results format.
pub fn sparql(data: &[u8]) {
    let Ok(q) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(answer) = store().query(q) else {
        return;
    };
    for f in ["table", "csv", "tsv", "json", "xml"] {
        let f = ResultsFormat::parse(f).expect("known format");
        let mut out = Vec::new();
        write_answer(&answer, f, &mut out).expect("write into memory");
    }
}

/// RDF given to `query --data` or `validate`, in every syntax we read.
pub fn rdf(data: &[u8]) {
    let formats = [
        RdfFormat::Turtle,
        RdfFormat::NTriples,
        RdfFormat::NQuads,
        RdfFormat::TriG,
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ];
    let format = formats[usize::from(data.first().copied().unwrap_or(0)) % formats.len()];
    let mut triples = Vec::new();
    if crate::query::parse_triples(
        Path::new("fuzz"),
        data.get(1..).unwrap_or(&[]),
        format,
        &mut triples,
    )
    .is_err()
    {
        return;
    }
    // whatever graph the RDF describes, newskg's exports of it parse
    let g = KnowledgeGraph::from_triples(&triples);
    reparse(&serialize(&g, ExportFormat::Turtle), RdfFormat::Turtle);
    let dot = String::from_utf8(serialize(&g, ExportFormat::Dot)).expect("DOT is UTF-8");
    if let Err(e) = graphviz_rust::parse(&dot) {
        panic!("own DOT does not parse: {e}");
    }
    let Ok(mut store) = SparqlStore::new() else {
        return;
    };
    if store.load(&triples).is_ok() {
        let _ = crate::query::validate::validate(&store);
    }
}
