//! Command-line arguments (clap) and their validation into library
//! configurations. The library never sees clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// newskg — who accuses, deploys, mediates and recognises whom, from news text.
#[derive(Debug, Parser)]
#[command(name = "newskg", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the knowledge graph of articles and write Turtle, JSON-LD and DOT.
    Export(ExportArgs),
    /// Score extraction against gold annotations (precision, recall, F1).
    Eval(EvalArgs),
}

/// Input selection shared by commands that read articles.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Article files (.txt), directories (searched recursively for *.txt), or `-` for standard input.
    /// Default: the bundled sample corpus in `data/`.
    pub paths: Vec<PathBuf>,
    /// Stop at the first unreadable article instead of skipping it.
    #[arg(long)]
    pub strict: bool,
}

/// `newskg export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Articles to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output directory.
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    /// Formats to write, comma-separated: ttl, jsonld, dot, nt.
    #[arg(long, value_delimiter = ',', default_value = "ttl,jsonld,dot")]
    pub format: Vec<String>,
    /// Print nothing on success.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `newskg eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations (JSON lines).
    #[arg(long)]
    pub gold: PathBuf,
    /// Entities with aliases (JSON), used for name matching only.
    #[arg(long)]
    pub entities: PathBuf,
    /// Articles to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// List every false positive and miss with its sentence.
    #[arg(long)]
    pub explain: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The bundled sample corpus: `data/` in the working directory, else next to the sources.
pub fn default_corpus() -> PathBuf {
    let local = PathBuf::from("data");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}

impl InputArgs {
    /// The paths to read, with the default applied.
    pub fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![default_corpus()]
        } else {
            self.paths.clone()
        }
    }
}
