//! The commands behind the CLI: each turns validated arguments into library calls.

use std::io::Write;

use anyhow::{bail, Context, Result};

use newskg::document::collect_sources;
use newskg::eval;
use newskg::export::{self, DotOptions, ExportFormat};
use newskg::graph::KnowledgeGraph;
use newskg::pipeline;

use crate::cli::{EvalArgs, ExportArgs, InputArgs};

/// Reads and extracts the inputs, warning about skipped files.
pub fn load_graph(input: &InputArgs) -> Result<KnowledgeGraph> {
    let sources = collect_sources(&input.paths())?;
    let outcome = pipeline::run(&sources, input.strict, None)?;
    for e in &outcome.skipped {
        eprintln!("newskg: skipped {e}");
    }
    if outcome.docs.is_empty() {
        bail!("no usable article among {} input file(s)", sources.len());
    }
    Ok(KnowledgeGraph::build(outcome.docs))
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

/// `newskg export`.
pub fn export(args: &ExportArgs) -> Result<()> {
    let mut formats = Vec::new();
    for f in &args.format {
        let fmt = ExportFormat::from_extension(f.trim())
            .with_context(|| format!("unknown format {f:?} (expected ttl, jsonld, dot or nt)"))?;
        if !formats.contains(&fmt) {
            formats.push(fmt);
        }
    }
    let g = load_graph(&args.input)?;
    let written = export::write_files(&g, &args.output, &formats, &DotOptions::default())?;
    if !args.quiet {
        let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        println!("{} → {}", summary(&g), files.join(", "));
    }
    Ok(())
}

/// `newskg eval`.
pub fn eval(args: &EvalArgs) -> Result<()> {
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
        return Ok(());
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
    Ok(())
}
