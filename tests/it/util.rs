//! Helpers for the integration tests: run the real binary, find the seed
//! corpus, require external checkers (never skip silently when one is missing).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The newskg binary.
pub fn newskg() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newskg"));
    c.current_dir(root());
    c
}

/// Runs a command and returns its output.
pub fn run(mut c: Command) -> Output {
    c.output()
        .unwrap_or_else(|e| panic!("cannot run {c:?}: {e}"))
}

/// Runs newskg with arguments, asserting success; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let mut c = newskg();
    c.args(args);
    let o = run(c);
    assert!(
        o.status.success(),
        "newskg {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The shared seed material (`../shared`), or `None` with a message when absent.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    if p.join("corpus/seeds").is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/corpus/seeds is absent");
        None
    }
}

/// An external tool that the test command (scripts/test) installs. Missing it is a failure, not a skip.
pub fn require(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is not installed: run scripts/test, which installs every checker the tests need"
    );
}

/// Runs a Python checker from tests/py with arguments; asserts success and returns stdout.
pub fn python(script: &str, args: &[&Path]) -> String {
    require("python3");
    let mut c = Command::new("python3");
    c.arg(root().join("tests/py").join(script));
    for a in args {
        c.arg(a);
    }
    let o = run(c);
    assert!(
        o.status.success(),
        "{script} failed:\n{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Whether golden files should be rewritten (`NEWSKG_BLESS=1`).
pub fn bless() -> bool {
    std::env::var_os("NEWSKG_BLESS").is_some()
}

/// A running triple-store server: the one scripts/test started
/// (`NEWSKG_TEST_ENDPOINT`), or an in-memory `oxigraph serve` started here
/// and killed on drop.
pub struct Server {
    /// Base URL, e.g. `http://127.0.0.1:7878`.
    pub base: String,
    child: Option<std::process::Child>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(c) = &mut self.child {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Starts (or finds) the test triple store.
pub fn server() -> Server {
    if let Ok(base) = std::env::var("NEWSKG_TEST_ENDPOINT") {
        return Server { base, child: None };
    }
    require("oxigraph");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let child = Command::new("oxigraph")
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start oxigraph serve");
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    Server {
        base,
        child: Some(child),
    }
}
