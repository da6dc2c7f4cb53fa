//! Runs the stages over many documents: read → extract, in parallel with
//! rayon, one document at a time per worker (a document's text is dropped
//! as soon as its relations are extracted), results in document-id order so
//! the output never depends on the order of the inputs or the threads.

use rayon::prelude::*;

use crate::document::{self, Source};
use crate::error::{Error, Result};
use crate::graph::{GraphBuilder, KnowledgeGraph};
use crate::relations::{self, DocResult};

/// What happened to the inputs.
pub struct Outcome {
    /// The graph of every extracted document (one article each).
    pub graph: KnowledgeGraph,
    /// Inputs that could not be used, with the reason (already one line
    /// each), in document-id order.
    pub skipped: Vec<Error>,
}

/// Reads and extracts every source and builds their graph. Documents are
/// taken in id order, a batch at a time: workers extract a batch in parallel
/// and the builder adds it in order, so the graph needs no sort at the end
/// and the per-document results of the corpus never all exist at once.
/// With `strict`, the first bad input (in id order) is an error; otherwise
/// bad inputs are reported in [`Outcome::skipped`], in the same order.
pub fn run(
    sources: &[Source],
    strict: bool,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Outcome> {
    let mut order: Vec<(String, &Source)> = sources
        .iter()
        .map(|s| (document::source_id(s), s))
        .collect();
    order.sort();
    let mut builder = GraphBuilder::default();
    let mut skipped = Vec::new();
    for batch in order.chunks(BATCH) {
        let results: Vec<Result<DocResult>> = batch
            .par_iter()
            .map(|(_, s)| {
                let doc = document::read_source(s)?;
                let r = relations::extract(&doc);
                if let Some(p) = progress {
                    p(doc.text.len());
                }
                Ok(r)
            })
            .collect();
        for r in results {
            match r {
                Ok(d) => {
                    let id = d.id.clone();
                    if !builder.add(d) {
                        // two files with the same id (a/x.txt, b/x.txt) would merge silently
                        return Err(Error::Input {
                            path: id.into(),
                            message: "two input files have the same document id".into(),
                        });
                    }
                }
                Err(e) if strict => return Err(e),
                Err(e) => skipped.push(e),
            }
        }
    }
    Ok(Outcome {
        graph: builder.finish(),
        skipped,
    })
}

/// Documents per parallel batch: enough to keep every core busy, few enough
/// that their results are small next to the graph.
const BATCH: usize = 512;

/// One line of the streaming input: `{"id": …, "date": "YYYY-MM-DD", "text": …}`.
#[derive(Debug, serde::Deserialize)]
struct JsonArticle {
    id: String,
    #[serde(default)]
    date: Option<String>,
    text: String,
}

/// Parses one JSON line into a document; errors say what is wrong.
pub fn parse_json_line(line: &str) -> std::result::Result<crate::document::Document, String> {
    let a: JsonArticle =
        serde_json::from_str(line).map_err(|e| format!("not a JSON article ({e})"))?;
    if a.id.is_empty() {
        return Err("empty \"id\"".into());
    }
    let date = match a.date.as_deref() {
        None | Some("") => None,
        Some(d) => Some(
            crate::document::Date::parse(d)
                .ok_or_else(|| format!("invalid date {d:?} (expected YYYY-MM-DD)"))?,
        ),
    };
    if a.text.trim().is_empty() {
        return Err("empty \"text\"".into());
    }
    Ok(crate::document::Document {
        id: a.id,
        date,
        text: a.text,
        body_start: 0,
    })
}

/// How the streaming mode writes each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamFormat {
    /// N-Triples: the union of the outputs is the graph of the whole corpus.
    NTriples,
    /// N-Quads with one named graph per article (its IRI).
    NQuads,
}

/// Counts of a streaming run.
#[derive(Debug, Default, Clone, Copy)]
pub struct StreamStats {
    /// Documents written.
    pub documents: usize,
    /// Lines skipped as bad input.
    pub skipped: usize,
    /// Bytes of article text read.
    pub bytes: usize,
}

/// Streams JSON-lines articles to N-Triples/N-Quads: documents are read in
/// batches, extracted in parallel and written in input order as each batch
/// finishes, so memory stays bounded by the batch, not the corpus. Bad lines
/// are reported with their line number (1-based) and skipped, or fatal with `strict`.
pub fn stream(
    input: impl std::io::BufRead,
    mut out: impl std::io::Write,
    format: StreamFormat,
    strict: bool,
    mut on_skip: impl FnMut(usize, &str),
    progress: Option<&(dyn Fn(usize, usize) + Sync)>,
) -> Result<StreamStats> {
    let mut stats = StreamStats::default();
    let mut batch: Vec<(usize, String)> = Vec::new();
    let mut batch_bytes = 0;
    let mut lines = input.lines().enumerate();
    loop {
        let next = lines.next();
        let done = next.is_none();
        if let Some((i, line)) = next {
            let line = line.map_err(|e| Error::io(std::path::Path::new("-"), e))?;
            if !line.trim().is_empty() {
                batch_bytes += line.len();
                batch.push((i + 1, line));
            }
        }
        if batch.len() >= 256 || batch_bytes >= 8 << 20 || (done && !batch.is_empty()) {
            let results: Vec<(usize, std::result::Result<Vec<u8>, String>, usize)> = batch
                .par_iter()
                .map(|(n, line)| match parse_json_line(line) {
                    Ok(doc) => {
                        let len = doc.text.len();
                        (*n, Ok(document_rdf(&doc, format)), len)
                    }
                    Err(e) => (*n, Err(e), 0),
                })
                .collect();
            for (n, r, len) in results {
                match r {
                    Ok(bytes) => {
                        out.write_all(&bytes).map_err(stdout_error)?;
                        stats.documents += 1;
                        stats.bytes += len;
                    }
                    Err(e) if strict => {
                        return Err(Error::Input {
                            path: format!("line {n}").into(),
                            message: e,
                        })
                    }
                    Err(e) => {
                        stats.skipped += 1;
                        on_skip(n, &e);
                    }
                }
            }
            out.flush().map_err(stdout_error)?;
            if let Some(p) = progress {
                p(stats.documents, stats.bytes);
            }
            batch.clear();
            batch_bytes = 0;
        }
        if done {
            break;
        }
    }
    Ok(stats)
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::io(std::path::Path::new("standard output"), e)
}

/// The RDF of one document alone, serialised.
pub fn document_rdf(doc: &crate::document::Document, format: StreamFormat) -> Vec<u8> {
    let g = crate::graph::KnowledgeGraph::build(vec![relations::extract(doc)]);
    // N-Triples of news text run about eight times the text's size (capped: a
    // huge document grows its buffer as it goes)
    let mut buf = Vec::with_capacity(doc.text.len().saturating_mul(8).min(16 << 20));
    // writing into a Vec cannot fail
    match format {
        StreamFormat::NTriples => {
            let _ = crate::export::rdf::write_ntriples_graph(&g, &mut buf);
        }
        StreamFormat::NQuads => {
            let graph = crate::export::rdf::article_iri(&doc.id);
            let mut w = crate::export::turtle::NTriplesSerializer::new().for_writer(&mut buf);
            let _ = crate::export::rdf::for_each_subject(&g, |ts| {
                ts.iter()
                    .try_for_each(|t| w.serialize_quad(*t, graph.as_ref()))
            });
            let _ = w.finish();
        }
    }
    buf
}
