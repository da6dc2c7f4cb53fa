//! The commands behind the CLI: each turns validated arguments into library calls.

use std::io::Write;

use anyhow::{bail, Context, Result};

use newskg::document::collect_sources;
use newskg::eval;
use newskg::export::{self, DotOptions, ExportFormat};
use newskg::graph::KnowledgeGraph;
use newskg::pipeline;

use newskg::model::Relation;
use newskg::query::questions::{self, Dir, Evidence};
use newskg::query::sparql::{self, ResultsFormat, SparqlStore};
use newskg::query::{self as nquery};

use crate::cli::{
    DataArgs, EvalArgs, ExportArgs, FilterArgs, InputArgs, LoadArgs, NeighborsArgs, PathArgs,
    QueryArgs, RenderArgs, StatsArgs, TimelineArgs, ValidateArgs, WhyArgs,
};

/// Whether a command found something (exit 0) or nothing (exit 1).
pub type Found = bool;

/// Reads and extracts the inputs, warning about skipped files.
pub fn load_graph(input: &InputArgs) -> Result<KnowledgeGraph> {
    let sources = collect_sources(&input.paths())?;
    let outcome = pipeline::run(&sources, input.strict, None)?;
    for e in &outcome.skipped {
        eprintln!("newskg: skipped {e}");
    }
    if outcome.graph.articles.is_empty() {
        bail!("no usable article among {} input file(s)", sources.len());
    }
    Ok(outcome.graph)
}

/// One-line summary of a graph.
pub fn summary(g: &KnowledgeGraph) -> String {
    let counts: Vec<String> = g.counts().iter().map(|(r, n)| format!("{r} {n}")).collect();
    format!(
        "{} documents, {} entities, {} relation instances ({})",
        g.articles.len(),
        g.entities.len(),
        g.events.len(),
        counts.join(", ")
    )
}

fn progress_wanted(args: &ExportArgs) -> bool {
    use std::io::IsTerminal;
    !args.no_progress && (args.progress || std::io::stderr().is_terminal())
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let style = "{elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}";
    let pb = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::new_spinner(),
    };
    let st = if total.is_some() {
        style
    } else {
        "{elapsed_precise} {spinner} {bytes} read, {binary_bytes_per_sec} {msg}"
    };
    if let Ok(s) = indicatif::ProgressStyle::with_template(st) {
        pb.set_style(s.progress_chars("=> "));
    }
    pb
}

/// `newskg export --jsonl`: streaming N-Triples/N-Quads to standard output.
fn export_stream(args: &ExportArgs, path: &std::path::Path) -> Result<Found> {
    let input: Box<dyn std::io::BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| path.display().to_string())?,
        ))
    };
    let pb = progress_wanted(args).then(|| progress_bar(None));
    let start = std::time::Instant::now();
    let report = |docs: usize, bytes: usize| {
        if let Some(pb) = &pb {
            pb.set_position(bytes as u64);
            let secs = start.elapsed().as_secs_f64().max(1e-9);
            pb.set_message(format!(
                "{docs} documents, {:.0} documents/s",
                docs as f64 / secs
            ));
        }
    };
    let format = if args.quads {
        newskg::pipeline::StreamFormat::NQuads
    } else {
        newskg::pipeline::StreamFormat::NTriples
    };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let stats = newskg::pipeline::stream(
        input,
        out,
        format,
        args.input.strict,
        |n, e| eprintln!("newskg: skipped {}: line {n}: {e}", path.display()),
        Some(&report),
    )?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    if !args.quiet {
        eprintln!(
            "newskg: streamed {} documents ({} bytes of text), skipped {}",
            stats.documents, stats.bytes, stats.skipped
        );
    }
    Ok(stats.documents > 0)
}

/// `newskg export`.
pub fn export(args: &ExportArgs) -> Result<Found> {
    if let Some(path) = &args.jsonl {
        return export_stream(args, path);
    }
    let mut formats = Vec::new();
    for f in &args.format {
        let fmt = ExportFormat::from_extension(f.trim())
            .with_context(|| format!("unknown format {f:?} (expected ttl, jsonld, dot or nt)"))?;
        if !formats.contains(&fmt) {
            formats.push(fmt);
        }
    }
    let g = if progress_wanted(args) {
        let sources = collect_sources(&args.input.paths())?;
        let total: u64 = sources
            .iter()
            .map(|s| match s {
                newskg::document::Source::File(p) => {
                    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
                }
                newskg::document::Source::Stdin => 0,
            })
            .sum();
        let pb = progress_bar(Some(total));
        let done = std::sync::atomic::AtomicUsize::new(0);
        let tick = |bytes: usize| {
            pb.inc(bytes as u64);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            pb.set_message(format!("{n}/{} documents", sources.len()));
        };
        let outcome = pipeline::run(&sources, args.input.strict, Some(&tick))?;
        pb.finish_and_clear();
        for e in &outcome.skipped {
            eprintln!("newskg: skipped {e}");
        }
        if outcome.graph.articles.is_empty() {
            bail!("no usable article among {} input file(s)", sources.len());
        }
        outcome.graph
    } else {
        load_graph(&args.input)?
    };
    let dot = dot_options(&g, &args.filters)?;
    if args.output.as_os_str() == "-" {
        let [format] = formats[..] else {
            bail!("-o - writes one format to standard output: give exactly one --format");
        };
        let out = std::io::BufWriter::new(std::io::stdout().lock());
        let mut w = export::Exporter::new(format)
            .with_dot_options(dot)
            .for_writer(out);
        w.serialize_graph(&g)?;
        w.finish()?;
        if !args.quiet {
            eprintln!("newskg: {}", summary(&g));
        }
        return Ok(true);
    }
    let written = export::write_files(&g, &args.output, &formats, &dot)?;
    if !args.quiet {
        let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        writeln!(std::io::stdout(), "{} → {}", summary(&g), files.join(", "))?;
    }
    Ok(true)
}

/// `newskg eval`.
pub fn eval(args: &EvalArgs) -> Result<Found> {
    let gold = eval::read_gold(&args.gold)?;
    let entities = eval::read_entities(&args.entities)?;
    let names = eval::Names::new(&entities);
    let g = load_graph(&args.input)?;
    let preds = eval::predictions(&g);
    let report = eval::score(&names, &preds, &gold);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
        return Ok(true);
    }
    if args.explain {
        for p in &report.false_positives {
            writeln!(
                out,
                "FP   {} {}({}, {}){}{}  | {}",
                p.doc,
                p.relation,
                p.subject,
                p.object.as_deref().unwrap_or("-"),
                if p.negated { " negated" } else { "" },
                if p.hypothetical { " hypothetical" } else { "" },
                p.sentence
            )?;
        }
        for m in &report.misses {
            writeln!(
                out,
                "MISS {} {}({}, {}){}{}  | {}",
                m.doc,
                m.relation,
                m.subject.join("|"),
                m.object
                    .as_ref()
                    .map(|o| o.join("|"))
                    .unwrap_or_else(|| "-".into()),
                if m.negated { " negated" } else { "" },
                if m.hypothetical { " hypothetical" } else { "" },
                m.evidence
            )?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{:<12} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}",
        "relation", "TP", "FP", "FN", "precision", "recall", "F1"
    )?;
    for (name, s) in report
        .relations
        .iter()
        .map(|(n, s)| (n.as_str(), s))
        .chain(std::iter::once(("overall", &report.overall)))
    {
        writeln!(
            out,
            "{:<12} {:>5} {:>5} {:>5} {:>9.3} {:>9.3} {:>9.3}",
            name, s.tp, s.fp, s.fn_, s.precision, s.recall, s.f1
        )?;
    }
    Ok(true)
}

/// The triples to question: exported files, or articles extracted now.
fn data_triples(d: &DataArgs) -> Result<Vec<oxrdf::Triple>> {
    if !d.from.is_empty() {
        let g = load_graph(&InputArgs {
            paths: d.from.clone(),
            strict: false,
        })?;
        return Ok(newskg::export::rdf::triples(&g));
    }
    let files = data_files(d);
    Ok(nquery::read_triples(&files)?)
}

/// The RDF files of `--data` (default `out/graph.ttl`).
fn data_files(d: &DataArgs) -> Vec<&std::path::Path> {
    if d.data.is_empty() {
        vec![std::path::Path::new("out/graph.ttl")]
    } else {
        d.data.iter().map(|p| p.as_path()).collect()
    }
}

fn data_graph(d: &DataArgs) -> Result<KnowledgeGraph> {
    if !d.from.is_empty() {
        return load_graph(&InputArgs {
            paths: d.from.clone(),
            strict: false,
        });
    }
    Ok(KnowledgeGraph::from_triples(&data_triples(d)?))
}

fn read_text(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .context("reading the query from standard input")?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))
    }
}

/// `newskg query`.
pub fn query(args: &QueryArgs) -> Result<Found> {
    let format = ResultsFormat::parse(&args.format).with_context(|| {
        format!(
            "unknown results format {:?} (expected table, csv, tsv, json or xml)",
            args.format
        )
    })?;
    let text = match (&args.query, &args.file) {
        (_, Some(f)) => read_text(f)?,
        (Some(q), None) if q == "-" => read_text(std::path::Path::new("-"))?,
        (Some(q), None) => q.clone(),
        (None, None) => bail!("no query given"),
    };
    let mut store = SparqlStore::new()?;
    if args.data.from.is_empty() {
        store.load_files(&data_files(&args.data))?;
    } else {
        store.load(&data_triples(&args.data)?)?;
    }
    if args.explain {
        let plan = store.explain(&text)?;
        writeln!(std::io::stdout().lock(), "{plan}")?;
        return Ok(true);
    }
    let answer = store.query(&text)?;
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(out);
    sparql::write_answer(&answer, format, &mut out)?;
    out.flush()?;
    Ok(!answer.is_empty())
}

fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, v)?;
    writeln!(out)?;
    Ok(())
}

fn flags(negated: bool, hypothetical: bool) -> &'static str {
    match (negated, hypothetical) {
        (true, true) => "negated, hypothetical",
        (true, false) => "negated",
        (false, true) => "hypothetical",
        (false, false) => "",
    }
}

fn relation_arg(s: &str) -> Result<Relation> {
    Relation::parse(s).with_context(|| {
        format!("unknown relation {s:?} (expected accuses, deploys, mediates or recognises)")
    })
}

/// `newskg neighbors`.
pub fn neighbors(args: &NeighborsArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let key = questions::find_entity(&g, &args.actor)?;
    let relation = args.relation.as_deref().map(relation_arg).transpose()?;
    let dir = match args.direction.as_str() {
        "in" => Dir::In,
        "out" => Dir::Out,
        _ => Dir::Both,
    };
    let rows = questions::neighbours(&g, &key, relation, dir);
    if args.json {
        print_json(&rows)?;
    } else {
        let mut out = std::io::stdout().lock();
        let me = g.label(&key);
        for r in &rows {
            let (a, b) = if r.direction == "out" {
                (me, r.other.as_str())
            } else {
                (r.other.as_str(), me)
            };
            let f = flags(r.negated, r.hypothetical);
            let f = if f.is_empty() {
                String::new()
            } else {
                format!(" ({f})")
            };
            writeln!(
                out,
                "{a} {} {b}{f} — {} sentence(s) in {}",
                r.relation,
                r.sentences,
                r.articles.join(", ")
            )?;
        }
    }
    Ok(!rows.is_empty())
}

fn print_evidence(out: &mut impl Write, e: &Evidence) -> Result<()> {
    let f = flags(e.negated, e.hypothetical);
    let f = if f.is_empty() {
        String::new()
    } else {
        format!(" ({f})")
    };
    let target = if e.target.is_empty() {
        String::new()
    } else {
        format!(" {}", e.target)
    };
    let claim = e
        .claimed_by
        .as_deref()
        .map(|c| format!(", claimed by {c}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{} {}{target}{f} [{}{}{claim}]",
        e.agent,
        e.relation,
        e.article,
        e.date
            .as_deref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default()
    )?;
    writeln!(out, "    “{}”", e.sentence)?;
    Ok(())
}

/// `newskg path`.
pub fn path(args: &PathArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let a = questions::find_entity(&g, &args.from_actor)?;
    let b = questions::find_entity(&g, &args.to_actor)?;
    let paths = questions::paths(&g, &a, &b, args.max_hops, args.limit);
    if args.json {
        print_json(&paths)?;
    } else {
        let mut out = std::io::stdout().lock();
        for (i, p) in paths.iter().enumerate() {
            writeln!(
                out,
                "path {} ({} hop{}):",
                i + 1,
                p.len(),
                if p.len() == 1 { "" } else { "s" }
            )?;
            for hop in p {
                print_evidence(&mut out, hop)?;
            }
        }
        if paths.is_empty() {
            writeln!(
                out,
                "no path of at most {} hops between {} and {}",
                args.max_hops,
                g.label(&a),
                g.label(&b)
            )?;
        }
    }
    Ok(!paths.is_empty())
}

/// `newskg why`.
pub fn why(args: &WhyArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let a = questions::find_entity(&g, &args.agent)?;
    let r = relation_arg(&args.relation)?;
    let b = questions::find_entity(&g, &args.target)?;
    let ev = questions::why(&g, &a, r, &b);
    if args.json {
        print_json(&ev)?;
    } else {
        let mut out = std::io::stdout().lock();
        for e in &ev {
            print_evidence(&mut out, e)?;
        }
    }
    Ok(!ev.is_empty())
}

/// `newskg stats`.
pub fn stats(args: &StatsArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let s = questions::stats(&g, args.top);
    if args.json {
        print_json(&s)?;
        return Ok(s.events > 0);
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} articles, {} entities, {} events ({} negated, {} hypothetical)",
        s.articles, s.entities, s.events, s.negated, s.hypothetical
    )?;
    writeln!(out, "\nper relation")?;
    for (r, n) in &s.per_relation {
        writeln!(out, "  {r:<12} {n:>6}")?;
    }
    writeln!(out, "\nentities per type")?;
    for (t, n) in &s.per_type {
        writeln!(out, "  {t:<12} {n:>6}")?;
    }
    writeln!(out, "\nmost connected")?;
    for (l, d) in &s.most_connected {
        writeln!(out, "  {l:<40} {d:>6}")?;
    }
    writeln!(out, "\narticles per date")?;
    for (d, n) in &s.articles_per_date {
        writeln!(out, "  {d:<12} {n:>6}")?;
    }
    Ok(s.events > 0)
}

/// `newskg timeline`.
pub fn timeline(args: &TimelineArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let key = args
        .actor
        .as_deref()
        .map(|a| questions::find_entity(&g, a))
        .transpose()?;
    let ev = questions::timeline(&g, key.as_deref());
    if args.json {
        print_json(&ev)?;
    } else {
        let mut out = std::io::stdout().lock();
        for e in &ev {
            write!(out, "{:<10} ", e.date.as_deref().unwrap_or("undated"))?;
            print_evidence(&mut out, e)?;
        }
    }
    Ok(!ev.is_empty())
}

/// `newskg load`.
pub fn load(args: &LoadArgs) -> Result<Found> {
    let file = args
        .file
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from("out/graph.ttl"));
    let triples = nquery::read_triples(&[file.as_path()])?;
    let (endpoint, update) = match (&args.endpoint, &args.update_endpoint) {
        (Some(e), _) => (e.clone(), false),
        (None, Some(u)) => (u.clone(), true),
        (None, None) => bail!("give --endpoint or --update-endpoint"),
    };
    let report = newskg::load::load(
        &triples,
        &newskg::load::LoadOptions {
            endpoint: endpoint.clone(),
            update,
            graph: args.graph.clone(),
            append: args.append,
            timeout: std::time::Duration::from_secs(args.timeout),
        },
    )?;
    writeln!(
        std::io::stdout(),
        "{} {} triples from {} into {} at {}: HTTP {}",
        if args.append {
            "appended"
        } else {
            "replaced with"
        },
        report.triples,
        file.display(),
        args.graph
            .as_deref()
            .map(|g| format!("<{g}>"))
            .unwrap_or_else(|| "the default graph".into()),
        endpoint,
        report.status
    )?;
    Ok(true)
}

/// Validates the diagram filters against the graph.
fn dot_options(g: &KnowledgeGraph, f: &FilterArgs) -> Result<DotOptions> {
    let date = |s: &Option<String>, flag: &str| -> Result<Option<newskg::document::Date>> {
        s.as_deref()
            .map(|d| {
                newskg::document::Date::parse(d)
                    .with_context(|| format!("{flag} {d:?}: expected a date YYYY-MM-DD"))
            })
            .transpose()
    };
    Ok(DotOptions {
        relations: f
            .relations
            .iter()
            .map(|r| relation_arg(r))
            .collect::<Result<_>>()?,
        min_support: f.min_support,
        no_hypothetical: f.no_hypothetical,
        no_negated: f.no_negated,
        actor: f
            .actor
            .as_deref()
            .map(|a| questions::find_entity(g, a))
            .transpose()?,
        depth: f.depth,
        since: date(&f.since, "--since")?,
        until: date(&f.until, "--until")?,
        top: f.top,
        no_clusters: f.no_clusters,
    })
}

/// `newskg render`.
pub fn render(args: &RenderArgs) -> Result<Found> {
    let g = data_graph(&args.data)?;
    let opts = dot_options(&g, &args.filters)?;
    let engine = args.engine.as_deref().map(|e| {
        if e == "sfdp" {
            newskg::export::render::Engine::Sfdp
        } else {
            newskg::export::render::Engine::Dot
        }
    });
    newskg::export::render::render(&g, &opts, &args.output, engine)?;
    writeln!(std::io::stdout(), "rendered {}", args.output.display())?;
    Ok(true)
}

/// `newskg validate`: exit 0 when the export conforms, 1 when it does not.
pub fn validate(args: &ValidateArgs) -> Result<Found> {
    let files = if args.files.is_empty() {
        vec![std::path::PathBuf::from("out/graph.ttl")]
    } else {
        args.files.clone()
    };
    let refs: Vec<&std::path::Path> = files.iter().map(|p| p.as_path()).collect();
    let mut store = SparqlStore::new()?;
    store.load(&nquery::read_triples(&refs)?)?;
    let violations = newskg::query::validate::validate(&store)?;
    if args.json {
        print_json(&violations)?;
    } else {
        let mut out = std::io::stdout().lock();
        for v in &violations {
            writeln!(out, "{}: {}: {}", v.rule, v.focus, v.message)?;
        }
        if violations.is_empty() {
            writeln!(
                out,
                "conforms: {} triples checked against the RDF contract",
                store.len()?
            )?;
        } else {
            writeln!(out, "{} violation(s)", violations.len())?;
        }
    }
    Ok(violations.is_empty())
}
