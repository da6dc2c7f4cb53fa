//! Issue 7: every input kept for the fuzz targets — the seeds and the inputs
//! that once crashed a target (`fuzz/regressions/`) — replayed on stable.

use std::fs;

use crate::util::*;

type Target = fn(&[u8]);

const TARGETS: [(&str, Target); 5] = [
    ("article", newskg::fuzz::article),
    ("jsonl", newskg::fuzz::jsonl),
    ("gold", newskg::fuzz::gold),
    ("sparql", newskg::fuzz::sparql),
    ("rdf", newskg::fuzz::rdf),
];

#[test]
fn issue7_fuzz_inputs_replay_without_panic() {
    let mut replayed = 0;
    for (name, target) in TARGETS {
        let mut seen = 0;
        for kind in ["seeds", "regressions"] {
            let dir = root().join("fuzz").join(kind).join(name);
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<_> = entries.map(|e| e.expect("entry").path()).collect();
            paths.sort();
            for p in paths {
                let data = fs::read(&p).expect("read");
                if let Err(panic) = std::panic::catch_unwind(|| target(&data)) {
                    let msg = panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default();
                    panic!("{} panics: {msg}", p.display());
                }
                seen += 1;
            }
        }
        assert!(seen > 0, "no input kept for fuzz target {name}");
        replayed += seen;
    }
    eprintln!("{replayed} fuzz inputs replayed");
}
