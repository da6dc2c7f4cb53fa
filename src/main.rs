//! The `newskg` binary: parse arguments, call the library, map errors to exit codes
//! (0 success, 1 nothing found, 2 error). A closed pipe (`newskg … | head`) ends quietly.

mod cli;
mod commands;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        cli::Command::Export(a) => commands::export(a),
        cli::Command::Eval(a) => commands::eval(a),
        cli::Command::Query(a) => commands::query(a),
        cli::Command::Neighbors(a) => commands::neighbors(a),
        cli::Command::Path(a) => commands::path(a),
        cli::Command::Why(a) => commands::why(a),
        cli::Command::Stats(a) => commands::stats(a),
        cli::Command::Timeline(a) => commands::timeline(a),
        cli::Command::Load(a) => commands::load(a),
        cli::Command::Render(a) => commands::render(a),
        cli::Command::Validate(a) => commands::validate(a),
    };
    match result {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        Err(e) => fail(e),
    }
}

/// Prints the error on one line and exits 2; a closed pipe is a normal end.
fn fail(e: anyhow::Error) -> ! {
    let broken_pipe = e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        std::process::exit(0);
    }
    // each cause once: library errors already name their source
    let mut parts: Vec<String> = Vec::new();
    for c in e.chain() {
        let s = c.to_string();
        if !parts.last().is_some_and(|p| p.ends_with(&s)) {
            parts.push(s);
        }
    }
    // commands write results to standard output unwrapped; name it (a full disk…)
    if e.downcast_ref::<std::io::Error>().is_some() {
        parts.insert(0, "standard output".into());
    }
    let msg = parts.join(": ").replace('\n', " ");
    eprintln!("newskg: error: {msg}");
    std::process::exit(2);
}
