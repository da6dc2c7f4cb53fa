//! Where a batch export's memory goes: counts live heap bytes with a
//! counting allocator while the graph of a corpus is built, then prints the
//! peak, what the finished graph holds, and its parts.
//!
//!     cargo run --release --example heap -- bench/corpus/c100/files

#[global_allocator]
static A: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

fn mb(n: usize) -> String {
    format!("{:.1} MB", n as f64 / 1e6)
}

fn main() -> anyhow::Result<()> {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    anyhow::ensure!(!paths.is_empty(), "usage: heap DIR_OR_FILES…");
    let sources = newskg::document::collect_sources(&paths)?;
    let before = A.allocated();
    let g = newskg::pipeline::run(&sources, false, None)?.graph;
    let graph = A.allocated() - before;
    let events = g.events.len();
    let sentences: std::collections::HashSet<*const u8> =
        g.events.iter().map(|e| e.sentence.as_ptr()).collect();
    let sentence_bytes: usize = g
        .events
        .iter()
        .map(|e| (e.sentence.as_ptr(), e.sentence.len()))
        .collect::<std::collections::HashMap<_, _>>()
        .values()
        .sum();
    println!("documents        {}", g.articles.len());
    println!("events           {events}");
    println!("entities         {}", g.entities.len());
    println!(
        "peak while built {}",
        mb(A.max_allocated().saturating_sub(before))
    );
    println!(
        "graph            {} ({} bytes per event)",
        mb(graph),
        graph / events.max(1)
    );
    println!(
        "  events         {} ({} bytes each)",
        mb(events * std::mem::size_of::<newskg::model::Event>()),
        std::mem::size_of::<newskg::model::Event>()
    );
    println!(
        "  sentences      {} in {} texts",
        mb(sentence_bytes),
        sentences.len()
    );
    println!("  edges          {}", g.graph.edge_count());
    for f in newskg::export::ExportFormat::ALL {
        let base = A.allocated();
        let peak_before = A.max_allocated();
        let mut sink = std::io::sink();
        newskg::export::Exporter::new(f)
            .for_writer(&mut sink)
            .serialize_graph(&g)?;
        println!(
            "writing {:<7} peak {} above the graph{}",
            f.file_extension(),
            mb(A.max_allocated().saturating_sub(base)),
            if A.max_allocated() <= peak_before {
                " (or less: below an earlier peak)"
            } else {
                ""
            }
        );
    }
    Ok(())
}
