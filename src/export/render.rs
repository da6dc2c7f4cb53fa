//! Rendering the DOT diagram with the real Graphviz (`dot`, or `sfdp` for
//! large graphs) into SVG, PNG or PDF — no hand-rolled layout. The image is
//! written to a temporary file next to the target and renamed into place.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};
use crate::graph::KnowledgeGraph;

use super::dot::{self, DotOptions};

/// Graphviz layout engines newskg uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Layered layout: readable for up to a few hundred nodes.
    Dot,
    /// Force-directed layout for large graphs.
    Sfdp,
}

impl Engine {
    /// The program name.
    pub fn program(self) -> &'static str {
        match self {
            Engine::Dot => "dot",
            Engine::Sfdp => "sfdp",
        }
    }
}

/// How to install Graphviz, for the error message when it is missing.
pub const INSTALL_HINT: &str = "Graphviz is not installed: install it with `sudo apt-get install graphviz` (Debian, Ubuntu), `sudo dnf install graphviz` (Fedora), `brew install graphviz` (macOS) or from https://graphviz.org/download/";

/// Renders the graph to `out`; the format comes from the extension (svg, png, pdf).
/// Without an explicit engine, graphs of more than 150 nodes use `sfdp`.
pub fn render(
    g: &KnowledgeGraph,
    opts: &DotOptions,
    out: &Path,
    engine: Option<Engine>,
) -> Result<()> {
    let format = match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some(f @ ("svg" | "png" | "pdf")) => f.to_string(),
        other => {
            return Err(Error::Input {
                path: out.to_path_buf(),
                message: format!(
                    "cannot render to {:?}: use .svg, .png or .pdf",
                    other.unwrap_or("")
                ),
            })
        }
    };
    let model = dot::build(g, opts);
    let nodes = {
        let mut buf = Vec::new();
        dot::write_dot(g, opts, &mut buf).map_err(|e| Error::io(out, e))?;
        buf
    };
    let count = model_node_count(&model);
    let engine = engine.unwrap_or(if count > 150 {
        Engine::Sfdp
    } else {
        Engine::Dot
    });
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".newskg-")
        .suffix(&format!(".{format}"))
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let mut child = Command::new(engine.program())
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Query(INSTALL_HINT.to_string())
            } else {
                Error::Query(format!("cannot run {}: {e}", engine.program()))
            }
        })?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(&nodes).map_err(|e| Error::io(out, e))?;
    }
    let o = child.wait_with_output().map_err(|e| Error::io(out, e))?;
    if !o.status.success() {
        let err = String::from_utf8_lossy(&o.stderr);
        return Err(Error::Query(format!(
            "{} failed: {}",
            engine.program(),
            err.lines().next().unwrap_or("(no message)")
        )));
    }
    tmp.persist(out).map_err(|e| Error::io(out, e.error))?;
    Ok(())
}

fn model_node_count(g: &graphviz_rust::dot_structures::Graph) -> usize {
    use graphviz_rust::dot_structures::{Graph, Stmt};
    fn count(stmts: &[Stmt]) -> usize {
        stmts
            .iter()
            .map(|s| match s {
                Stmt::Node(_) => 1,
                Stmt::Subgraph(sg) => count(&sg.stmts),
                _ => 0,
            })
            .sum()
    }
    match g {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => count(stmts),
    }
}
