//! Stage 6 — export: Turtle, N-Triples, JSON-LD and DOT, all with the same shape
//! (`Exporter::new(format).with_dot_options(…).for_writer(w)` →
//! `serialize_graph(&graph)` → `finish()`), and atomic file writing.

pub mod dot;
pub mod jsonld;
pub mod publish;
pub mod rdf;
pub mod render;
pub mod turtle;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::graph::KnowledgeGraph;

pub use dot::DotOptions;
pub use publish::write_atomic;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExportFormat {
    /// RDF Turtle.
    Turtle,
    /// RDF N-Triples.
    NTriples,
    /// JSON-LD, compacted.
    JsonLd,
    /// Graphviz DOT.
    Dot,
}

impl ExportFormat {
    /// All formats.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Turtle,
        ExportFormat::JsonLd,
        ExportFormat::Dot,
        ExportFormat::NTriples,
    ];

    /// The format of a file extension or format name (`ttl`, `turtle`, `nt`, `jsonld`, `json`, `dot`, `gv`).
    pub fn from_extension(ext: &str) -> Option<ExportFormat> {
        match ext.to_ascii_lowercase().as_str() {
            "ttl" | "turtle" => Some(ExportFormat::Turtle),
            "nt" | "ntriples" | "n-triples" => Some(ExportFormat::NTriples),
            "jsonld" | "json-ld" | "json" => Some(ExportFormat::JsonLd),
            "dot" | "gv" => Some(ExportFormat::Dot),
            _ => None,
        }
    }

    /// The file extension.
    pub fn file_extension(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "ttl",
            ExportFormat::NTriples => "nt",
            ExportFormat::JsonLd => "jsonld",
            ExportFormat::Dot => "dot",
        }
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Turtle => "text/turtle",
            ExportFormat::NTriples => "application/n-triples",
            ExportFormat::JsonLd => "application/ld+json",
            ExportFormat::Dot => "text/vnd.graphviz",
        }
    }
}

/// A serialiser for one format.
#[derive(Debug, Clone)]
#[must_use]
pub struct Exporter {
    format: ExportFormat,
    dot: DotOptions,
}

impl Exporter {
    /// A serialiser for `format`.
    pub fn new(format: ExportFormat) -> Exporter {
        Exporter {
            format,
            dot: DotOptions::default(),
        }
    }

    /// Options for the DOT format (ignored by the others).
    pub fn with_dot_options(mut self, opts: DotOptions) -> Exporter {
        self.dot = opts;
        self
    }

    /// Binds the serialiser to a writer.
    pub fn for_writer<W: Write>(self, w: W) -> WriterExporter<W> {
        WriterExporter {
            exporter: self,
            writer: Some(w),
        }
    }
}

/// A serialiser bound to a writer.
pub struct WriterExporter<W: Write> {
    exporter: Exporter,
    writer: Option<W>,
}

impl<W: Write> WriterExporter<W> {
    /// Writes the whole graph.
    pub fn serialize_graph(&mut self, g: &KnowledgeGraph) -> io::Result<()> {
        let w = self
            .writer
            .take()
            .ok_or_else(|| io::Error::other("graph already serialised"))?;
        let w = match self.exporter.format {
            ExportFormat::Turtle => rdf::write_turtle_graph(g, w)?,
            ExportFormat::NTriples => rdf::write_ntriples_graph(g, w)?,
            ExportFormat::JsonLd => jsonld::write_jsonld_graph(g, w)?,
            ExportFormat::Dot => dot::write_dot(g, &self.exporter.dot, w)?,
        };
        self.writer = Some(w);
        Ok(())
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        let mut w = self
            .writer
            .take()
            .ok_or_else(|| io::Error::other("writer lost after a failed write"))?;
        w.flush()?;
        Ok(w)
    }
}

/// Writes the graph into `dir/graph.<ext>` for each format, atomically.
pub fn write_files(
    g: &KnowledgeGraph,
    dir: &Path,
    formats: &[ExportFormat],
    dot: &DotOptions,
) -> Result<Vec<PathBuf>> {
    let files = formats
        .iter()
        .map(|&f| {
            let write: publish::Writer<'_> = Box::new(move |w: &mut dyn Write| match f {
                ExportFormat::Turtle => rdf::write_turtle_graph(g, w).map(|_| ()),
                ExportFormat::NTriples => rdf::write_ntriples_graph(g, w).map(|_| ()),
                ExportFormat::JsonLd => jsonld::write_jsonld_graph(g, w).map(|_| ()),
                ExportFormat::Dot => dot::write_dot(g, dot, w).map(|_| ()),
            });
            (format!("graph.{}", f.file_extension()), write)
        })
        .collect();
    // each format walks the graph subject by subject: no list of all triples is built
    publish::publish(dir, files)
}
