//! Criterion benchmarks of each stage on generated news-shaped text:
//! sentence splitting, mention finding, relation extraction, graph building
//! and each serialiser. `cargo bench --bench stages`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use newskg::document::Document;
use newskg::export::{DotOptions, ExportFormat, Exporter};
use newskg::graph::KnowledgeGraph;
use newskg::knowledge::Knowledge;

mod corpus;

fn stages(c: &mut Criterion) {
    let k = Knowledge::get();
    let texts = corpus::corpus(1 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("a{i}"), t.clone()))
        .collect();

    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| newskg::text::analyse(t, 0).sentences.len())
                .sum::<usize>()
        })
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    let an = newskg::text::analyse(t, 0);
                    newskg::mentions::find(k, t, 0, &an).list.len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("relations", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| newskg::relations::extract(d).events.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let results: Vec<_> = docs.iter().map(newskg::relations::extract).collect();
    let mut g = c.benchmark_group("graph");
    g.sample_size(10);
    g.throughput(Throughput::Elements(
        results.iter().map(|r| r.events.len() as u64).sum(),
    ));
    g.bench_function("build", |b| {
        b.iter(|| KnowledgeGraph::build(results.clone()).events.len())
    });
    g.finish();

    let graph = KnowledgeGraph::build(results);
    let triples = newskg::export::rdf::triples(&graph);
    let mut g = c.benchmark_group("serialise");
    g.sample_size(10);
    g.throughput(Throughput::Elements(triples.len() as u64));
    g.bench_function("triples", |b| {
        b.iter(|| newskg::export::rdf::triples(&graph).len())
    });
    for f in ExportFormat::ALL {
        g.bench_function(f.file_extension(), |b| {
            b.iter(|| {
                let mut ex = Exporter::new(f)
                    .with_dot_options(DotOptions::default())
                    .for_writer(Vec::new());
                ex.serialize_graph(&graph).map(|_| ()).ok();
                ex.finish().map(|v| v.len()).unwrap_or(0)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
