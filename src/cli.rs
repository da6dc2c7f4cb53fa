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
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph.
    Query(QueryArgs),
    /// Who an actor accuses, deploys to, mediates between, recognises — and who does so to it.
    #[command(alias = "neighbours")]
    Neighbors(NeighborsArgs),
    /// The shortest chains of relations between two actors.
    Path(PathArgs),
    /// Every sentence supporting one edge: `newskg why Serbia recognises Kosovo`.
    Why(WhyArgs),
    /// Counts per relation and entity type, most connected actors, articles per date.
    Stats(StatsArgs),
    /// Events ordered by article date, optionally of one actor.
    Timeline(TimelineArgs),
    /// Send the export to a triple-store server (Graph Store Protocol or SPARQL Update).
    Load(LoadArgs),
    /// Draw the graph with Graphviz into SVG, PNG or PDF.
    Render(RenderArgs),
    /// Check an export against the RDF contract (the rules of ontology/shapes.ttl).
    Validate(ValidateArgs),
}

/// `newskg validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Exported files (.ttl, .nt, .jsonld). Default: out/graph.ttl.
    pub files: Vec<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Filters that keep a diagram legible (DOT export and render).
#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only these relations, comma-separated.
    #[arg(long = "relation", value_delimiter = ',')]
    pub relations: Vec<String>,
    /// Only the neighbourhood of this actor.
    #[arg(long)]
    pub actor: Option<String>,
    /// Hops around --actor.
    #[arg(long, default_value_t = 1, requires = "actor")]
    pub depth: usize,
    /// Only edges stated in at least N sentences.
    #[arg(long, default_value_t = 1)]
    pub min_support: usize,
    /// Only articles dated on or after YYYY-MM-DD.
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles dated on or before YYYY-MM-DD.
    #[arg(long)]
    pub until: Option<String>,
    /// Leave out hypothetical edges.
    #[arg(long)]
    pub no_hypothetical: bool,
    /// Leave out negated edges.
    #[arg(long)]
    pub no_negated: bool,
    /// Only the edges of the N most connected actors.
    #[arg(long)]
    pub top: Option<usize>,
    /// Do not group actors of the same state or organisation.
    #[arg(long)]
    pub no_clusters: bool,
}

/// `newskg render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Data to draw.
    #[command(flatten)]
    pub data: DataArgs,
    /// Output file: .svg, .png or .pdf.
    #[arg(short, long, default_value = "out/graph.svg")]
    pub output: PathBuf,
    /// Layout engine: dot, or sfdp for large graphs (default: sfdp above 150 nodes).
    #[arg(long, value_parser = ["dot", "sfdp"])]
    pub engine: Option<String>,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Where a question's graph comes from.
#[derive(Debug, Args, Clone)]
pub struct DataArgs {
    /// Exported graph files (.ttl, .nt, .jsonld). Default: out/graph.ttl.
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,
    /// Extract these articles (files, directories, `-`) instead of reading an export.
    #[arg(long = "from", value_name = "PATH", conflicts_with = "data")]
    pub from: Vec<PathBuf>,
}

/// `newskg query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query text, or `-` to read it from standard input.
    #[arg(required_unless_present = "file")]
    pub query: Option<String>,
    /// Read the query from a file (`-` for standard input).
    #[arg(short = 'f', long = "file", conflicts_with = "query")]
    pub file: Option<PathBuf>,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Output: table (default on a terminal), csv, tsv, json, xml. CONSTRUCT and DESCRIBE print Turtle.
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Print oxigraph's query plan as JSON, with the rows and time of each
    /// step, instead of the results (the query still runs to the end).
    #[arg(long)]
    pub explain: bool,
}

/// `newskg neighbors`.
#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// The actor (label, alias, capital, acronym; case and diacritics ignored).
    pub actor: String,
    /// Only this relation (accuses, deploys, mediates, recognises).
    #[arg(long)]
    pub relation: Option<String>,
    /// Edges from the actor (out), to it (in) or both.
    #[arg(long, default_value = "both", value_parser = ["in", "out", "both"])]
    pub direction: String,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newskg path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// From this actor.
    pub from_actor: String,
    /// To this actor.
    pub to_actor: String,
    /// Longest chain to consider.
    #[arg(long, default_value_t = 4)]
    pub max_hops: usize,
    /// At most this many paths.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newskg why`.
#[derive(Debug, Args)]
pub struct WhyArgs {
    /// The agent.
    pub agent: String,
    /// The relation (accuses, deploys, mediates, recognises).
    pub relation: String,
    /// The target.
    pub target: String,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newskg stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// How many most connected actors to list.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newskg timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Only events where this actor is agent or target.
    pub actor: Option<String>,
    /// Data to query.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newskg load`.
#[derive(Debug, Args)]
pub struct LoadArgs {
    /// Graph Store Protocol endpoint, e.g. http://localhost:7878/store (Oxigraph), http://localhost:3030/ds/data (Fuseki).
    #[arg(
        long,
        required_unless_present = "update_endpoint",
        conflicts_with = "update_endpoint"
    )]
    pub endpoint: Option<String>,
    /// SPARQL 1.1 Update endpoint instead, e.g. http://localhost:7878/update.
    #[arg(long)]
    pub update_endpoint: Option<String>,
    /// Named graph IRI (default: the default graph).
    #[arg(long)]
    pub graph: Option<String>,
    /// Add to the graph instead of replacing it.
    #[arg(long)]
    pub append: bool,
    /// Seconds to wait for the server.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// The export to send (.ttl, .nt, .jsonld). Default: out/graph.ttl.
    pub file: Option<PathBuf>,
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
    /// Output directory, or `-` for standard output (one format only).
    #[arg(short, long, default_value = "out")]
    pub output: PathBuf,
    /// Formats to write, comma-separated: ttl, jsonld, dot, nt.
    #[arg(long, value_delimiter = ',', default_value = "ttl,jsonld,dot")]
    pub format: Vec<String>,
    /// Print nothing on success.
    #[arg(short, long)]
    pub quiet: bool,
    /// Streaming: read one JSON article per line ({"id", "date", "text"}) from FILE or `-`
    /// and write N-Triples to standard output as each document finishes.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["paths", "output", "format"])]
    pub jsonl: Option<PathBuf>,
    /// With --jsonl: write N-Quads, one named graph per article.
    #[arg(long, requires = "jsonl")]
    pub quads: bool,
    /// Show a progress bar (default: when standard error is a terminal).
    #[arg(long, overrides_with = "no_progress")]
    pub progress: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Filters for the DOT diagram.
    #[command(flatten)]
    pub filters: FilterArgs,
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
