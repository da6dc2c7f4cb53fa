//! Runs the stages over many documents: read → extract, in parallel with
//! rayon, one document at a time per worker (a document's text is dropped
//! as soon as its relations are extracted), results in document-id order so
//! the output never depends on the order of the inputs or the threads.

use rayon::prelude::*;

use crate::document::{self, Source};
use crate::error::{Error, Result};
use crate::relations::{self, DocResult};

/// What happened to one input.
pub struct Outcome {
    /// Extracted documents, sorted by id.
    pub docs: Vec<DocResult>,
    /// Inputs that could not be used, with the reason (already one line each).
    pub skipped: Vec<Error>,
}

/// Reads and extracts every source. With `strict`, the first bad input is an
/// error; otherwise bad inputs are reported in [`Outcome::skipped`].
pub fn run(
    sources: &[Source],
    strict: bool,
    progress: Option<&(dyn Fn(usize) + Sync)>,
) -> Result<Outcome> {
    let results: Vec<Result<DocResult>> = sources
        .par_iter()
        .map(|s| {
            let doc = document::read_source(s)?;
            let r = relations::extract(&doc);
            if let Some(p) = progress {
                p(doc.text.len());
            }
            Ok(r)
        })
        .collect();
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for r in results {
        match r {
            Ok(d) => docs.push(d),
            Err(e) if !strict => skipped.push(e),
            Err(e) => return Err(e),
        }
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    // two files with the same id (a/x.txt, b/x.txt) would merge silently: refuse
    for w in docs.windows(2) {
        if w[0].id == w[1].id {
            return Err(Error::Input {
                path: w[1].id.clone().into(),
                message: "two input files have the same document id".into(),
            });
        }
    }
    Ok(Outcome { docs, skipped })
}
