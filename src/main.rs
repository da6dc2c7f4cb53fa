//! The `newskg` binary: parse arguments, call the library, map errors to exit codes
//! (0 success, 1 nothing found, 2 error). A closed pipe (`newskg … | head`) ends quietly.

mod cli;
mod commands;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        cli::Command::Export(a) => commands::export(a),
        cli::Command::Eval(a) => commands::eval(a),
    };
    if let Err(e) = result {
        if e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        }) {
            std::process::exit(0);
        }
        let msg: Vec<String> = e.chain().map(|c| c.to_string()).collect();
        eprintln!("newskg: error: {}", msg.join(": "));
        std::process::exit(2);
    }
}
