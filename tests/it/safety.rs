//! Issue 7: crash safety and concurrent exports.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::util::*;

const FILES: [&str; 4] = ["graph.ttl", "graph.jsonld", "graph.dot", "graph.nt"];

/// `newskg export` of all four formats from `input` into `dir`.
fn export_cmd(dir: &Path, input: &Path) -> std::process::Command {
    let mut c = newskg();
    c.args([
        "export",
        "-q",
        "--no-progress",
        "--format",
        "ttl,jsonld,dot,nt",
        "-o",
    ])
    .arg(dir)
    .arg(input);
    c
}

fn export(dir: &Path, input: &Path) {
    let o = run(export_cmd(dir, input));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn snapshot(dir: &Path) -> Vec<Vec<u8>> {
    FILES
        .iter()
        .map(|f| fs::read(dir.join(f)).unwrap_or_default())
        .collect()
}

/// A corpus big enough for an export to take a while: the sample articles, many times.
fn big_corpus(dir: &Path, copies: usize) {
    fs::create_dir_all(dir).expect("mkdir");
    for entry in fs::read_dir(root().join("data/articles")).expect("articles") {
        let p = entry.expect("entry").path();
        let text = fs::read_to_string(&p).expect("read");
        for i in 0..copies {
            fs::write(
                dir.join(format!(
                    "{}_{i:04}.txt",
                    p.file_stem().expect("stem").to_string_lossy()
                )),
                &text,
            )
            .expect("write");
        }
    }
}

#[test]
fn issue7_concurrent_exports_into_one_directory_do_not_interleave() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let a_in = root().join("data/articles");
    let b_in = tmp.path().join("b");
    big_corpus(&b_in, 30);
    // the two complete exports, made alone
    export(&tmp.path().join("ref_a"), &a_in);
    export(&tmp.path().join("ref_b"), &b_in);
    let (ra, rb) = (
        snapshot(&tmp.path().join("ref_a")),
        snapshot(&tmp.path().join("ref_b")),
    );
    let shared = tmp.path().join("shared");
    for _ in 0..3 {
        let spawn = |input: &Path| export_cmd(&shared, input).spawn().expect("spawn");
        let mut x = spawn(&b_in);
        let mut y = spawn(&a_in);
        assert!(x.wait().expect("wait").success() && y.wait().expect("wait").success());
        let now = snapshot(&shared);
        assert!(
            now == ra || now == rb,
            "the directory mixes files of two exports"
        );
    }
}

#[test]
fn issue7_killed_exports_never_leave_a_truncated_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    big_corpus(&input, 60);
    let out = tmp.path().join("out");
    export(&out, &root().join("data/articles"));
    let old = snapshot(&out);
    let new_ref = tmp.path().join("new");
    export(&new_ref, &input);
    let new = snapshot(&new_ref);
    // SIGKILL at growing delays until a run completes: each file is always the old or the new one, whole
    let mut saw_new = false;
    for step in 0..24u32 {
        if saw_new {
            break;
        }
        let delay = (20.0 * 1.4f64.powi(step as i32)) as u64;
        let mut child = export_cmd(&out, &input).spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        for (i, f) in FILES.iter().enumerate() {
            let now = fs::read(out.join(f)).expect("file present");
            assert!(
                now == old[i] || now == new[i],
                "{f} is neither the previous nor the new export after a kill at {delay} ms"
            );
            saw_new |= now == new[i];
        }
        let leftovers: Vec<String> = fs::read_dir(&out)
            .expect("dir")
            .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        // a killed run may leave its temporary file; it is never one of the export's names
        assert!(
            leftovers.iter().all(|n| n.starts_with(".newskg-")),
            "{leftovers:?}"
        );
        for l in leftovers {
            let _ = fs::remove_file(out.join(l));
        }
    }
    assert!(saw_new, "no run finished within the growing delays");
}

#[test]
fn issue7_symlink_loops_and_strange_file_names() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().expect("tempdir");
    let corpus = tmp.path().join("corpus");
    let deep = corpus.join("a/b/c/d/e/f/g/h");
    fs::create_dir_all(&deep).expect("mkdir");
    std::os::unix::fs::symlink(&corpus, deep.join("loop")).expect("symlink");
    std::os::unix::fs::symlink(&corpus, corpus.join("self")).expect("symlink");
    let text = "Armenia accused Azerbaijan of shelling villages.";
    let names: Vec<std::ffi::OsString> = vec![
        "with space.txt".into(),
        "new\nline.txt".into(),
        std::ffi::OsStr::from_bytes(b"bad\xffbyte.txt").to_os_string(),
        "deep.txt".into(),
    ];
    for (i, n) in names.iter().enumerate() {
        let dir = if i == 3 { deep.clone() } else { corpus.clone() };
        fs::write(dir.join(n), text).expect("write");
    }
    let out = tmp.path().join("out");
    let mut c = newskg();
    c.args(["export", "-q", "--format", "ttl,nt", "-o"])
        .arg(&out)
        .arg(&corpus);
    let o = run(c);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // four articles, each its own IRI, and the Turtle parses with an independent parser
    let nt = fs::read_to_string(out.join("graph.nt")).expect("nt");
    let articles: std::collections::BTreeSet<&str> = nt
        .lines()
        .filter(|l| l.contains("#Article>"))
        .filter_map(|l| l.split(' ').next())
        .collect();
    assert_eq!(articles.len(), 4, "{articles:?}");
    require("rapper");
    let o = run({
        let mut c = std::process::Command::new("rapper");
        c.args(["-i", "turtle", "-c"]).arg(out.join("graph.ttl"));
        c
    });
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
