//! Writes a deterministic corpus of realistic articles for benchmarks (a bench
//! helper, not shipped data; the generator is `benches/corpus/mod.rs`): `cargo run --release --example gen_corpus -- DIR MEGABYTES [--jsonl]`.
//!
//! Articles are built from the gazetteer (states, capitals, organisations) and
//! varied sentence templates covering all four relations, negation,
//! hypotheticals, quotations, pronouns and — for most sentences — distractors
//! that state none of the relations, so the work per byte resembles news.

use std::io::Write;

use newskg::knowledge::Knowledge;

#[path = "../benches/corpus/mod.rs"]
mod corpus;
use corpus::{article, Rng};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_corpus DIR MEGABYTES [--jsonl]");
        std::process::exit(2);
    }
    let dir = std::path::PathBuf::from(&args[1]);
    let target: u64 = args[2].parse::<u64>().unwrap_or(10) << 20;
    let jsonl = args.iter().any(|a| a == "--jsonl");
    std::fs::create_dir_all(&dir)?;
    let k = Knowledge::get();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut written = 0u64;
    let mut i = 0u64;
    let mut jl = if jsonl {
        Some(std::io::BufWriter::new(std::fs::File::create(
            dir.join("corpus.jsonl"),
        )?))
    } else {
        None
    };
    while written < target {
        let text = article(k, &mut rng);
        let date = format!(
            "20{:02}-{:02}-{:02}",
            10 + rng.next_u64() % 15,
            1 + rng.next_u64() % 12,
            1 + rng.next_u64() % 28
        );
        written += text.len() as u64;
        match &mut jl {
            Some(w) => writeln!(
                w,
                "{}",
                serde_json::json!({"id": format!("a{i:08}"), "date": date, "text": text})
            )?,
            None => {
                let sub = dir.join(format!("{:04}", i / 1000));
                std::fs::create_dir_all(&sub)?;
                std::fs::write(
                    sub.join(format!("a{i:08}.txt")),
                    format!(" date {date} {text}"),
                )?;
            }
        }
        i += 1;
    }
    eprintln!("{i} articles, {written} bytes of text in {}", dir.display());
    Ok(())
}
