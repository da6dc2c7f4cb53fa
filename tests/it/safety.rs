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
    // SIGKILL at growing delays until a run completes: the directory always
    // holds the whole previous export or the whole new one, never a mix
    let mut saw_new = false;
    let mut kills = 0;
    for step in 0..40u32 {
        if saw_new {
            break;
        }
        let delay = (20.0 * 1.25f64.powi(step as i32)) as u64;
        let mut child = export_cmd(&out, &input).spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(delay));
        kills += usize::from(child.try_wait().expect("try_wait").is_none());
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&out);
        assert!(
            now == old || now == new,
            "after a kill at {delay} ms the directory is neither the previous nor the new export"
        );
        saw_new = now == new;
        let names = entry_names(&out);
        assert!(
            names
                .iter()
                .all(|n| FILES.contains(&n.as_str()) || n == ".newskg.lock"),
            "{names:?}"
        );
    }
    assert!(saw_new, "no run finished within the growing delays");
    assert!(kills >= 5, "only {kills} runs were killed before finishing");
    // a killed run may leave its staging directory beside `out`; the next export removes it
    export(&out, &root().join("data/articles"));
    assert_eq!(snapshot(&out), old);
    let stray: Vec<String> = entry_names(tmp.path())
        .into_iter()
        .filter(|n| n.starts_with(".out."))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

fn entry_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn issue7_a_directory_with_other_files_keeps_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("out");
    fs::create_dir_all(out.join("notes")).expect("mkdir");
    fs::write(out.join("README.txt"), "mine").expect("write");
    export(&out, &root().join("data/articles"));
    assert_eq!(
        fs::read_to_string(out.join("README.txt")).expect("kept"),
        "mine"
    );
    assert!(out.join("notes").is_dir());
    assert!(FILES.iter().all(|f| out.join(f).is_file()));
    // an export of fewer formats keeps the other formats' files of the previous run
    let only = tmp.path().join("only");
    export(&only, &root().join("data/articles"));
    let before = snapshot(&only);
    let o = run({
        let mut c = newskg();
        c.args(["export", "-q", "--no-progress", "--format", "ttl", "-o"])
            .arg(&only)
            .arg(root().join("data/articles/"));
        c
    });
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(snapshot(&only), before);
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

#[test]
fn issue7_a_file_changing_while_read_is_refused_not_mixed() {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("growing.txt");
    let base = "Mali accused France of spying on its army. ".repeat(20_000);
    fs::write(&file, &base).expect("write");
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    // a writer that keeps rewriting the tail: the file changes all the time, its size stays bounded
    let writer = {
        let (stop, file) = (stop.clone(), file.clone());
        std::thread::spawn(move || {
            let mut f = fs::OpenOptions::new()
                .append(true)
                .open(&file)
                .expect("open");
            while !stop.load(Ordering::Relaxed) {
                f.set_len(base.len() as u64).expect("truncate");
                f.write_all(
                    "Chad accused Sudan of arming rebels. "
                        .repeat(50)
                        .as_bytes(),
                )
                .expect("append");
            }
        })
    };
    let mut refused = 0;
    // a loaded machine (the other tests run alongside) can let a read slip
    // between two writes: try until one is refused
    for _ in 0..40 {
        if refused > 0 {
            break;
        }
        let mut c = newskg();
        c.args([
            "export",
            "-q",
            "--no-progress",
            "--strict",
            "--format",
            "ttl",
            "-o",
        ])
        .arg(tmp.path().join("out"))
        .arg(&file);
        let o = run(c);
        let err = String::from_utf8_lossy(&o.stderr);
        if o.status.success() {
            continue;
        }
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("growing.txt: changed while being read"),
            "{err}"
        );
        refused += 1;
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("writer");
    assert!(
        refused > 0,
        "a file appended to without pause was never seen to change"
    );
    // once the writer has stopped the same file is read normally
    let o = run(export_cmd(&tmp.path().join("out"), &file));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn issue7_a_full_standard_output_is_an_error_not_a_panic() {
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let articles = root().join("data/articles");
    let mut cases: Vec<std::process::Command> = Vec::new();
    let mut c = newskg();
    c.args(["export", "--no-progress", "-o", "-", "--format", "ttl"])
        .arg(&articles);
    cases.push(c);
    let mut c = newskg();
    c.args(["query", "--from"])
        .arg(&articles)
        .arg("SELECT * WHERE { ?s ?p ?o }");
    cases.push(c);
    let mut c = newskg();
    c.args(["export", "--no-progress", "--jsonl", "-"]);
    cases.push(c);
    for mut c in cases {
        let mut child = c
            .stdin(std::process::Stdio::piped())
            .stdout(full())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            let _ =
                stdin.write_all(b"{\"id\":\"a\",\"text\":\"Mali accused France of spying.\"}\n");
        }
        let o = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{c:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("newskg: error: standard output: No space left on device"),
            "{err}"
        );
    }
}

/// An output directory on a full file system (a 64 KiB tmpfs mounted in a
/// private user and mount namespace): the export fails with one line naming
/// the file, exit 2, and the previous export is still there, whole.
#[test]
fn issue7_a_full_disk_keeps_the_previous_export() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let small = tmp.path().join("small");
    fs::create_dir_all(&small).expect("mkdir");
    fs::write(
        small.join("a.txt"),
        "Mali accused France of spying on its army.",
    )
    .expect("write");
    let mnt = tmp.path().join("mnt");
    let seen = tmp.path().join("seen");
    fs::create_dir_all(&mnt).expect("mkdir");
    let script = r#"
        mount -t tmpfs -o size=64k tmpfs "$MNT" || exit 99
        "$BIN" export -q --no-progress --format ttl,jsonld,dot,nt -o "$MNT/out" "$SMALL" || exit 98
        cp -r "$MNT/out" "$SEEN/before"
        "$BIN" export -q --no-progress --format ttl,jsonld,dot,nt -o "$MNT/out" "$BIG" 2> "$SEEN/stderr"
        echo $? > "$SEEN/code"
        cp -r "$MNT/out" "$SEEN/after"
        ls -A "$MNT" > "$SEEN/listing"
    "#;
    fs::create_dir_all(&seen).expect("mkdir");
    let o = std::process::Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", script])
        .env("MNT", &mnt)
        .env("SEEN", &seen)
        .env("BIN", env!("CARGO_BIN_EXE_newskg"))
        .env("SMALL", &small)
        .env("BIG", root().join("data/articles"))
        .output()
        .expect("unshare");
    if o.status.code() == Some(99) || (!o.status.success() && !seen.join("code").exists()) {
        // no private mounts in this sandbox: nothing can be simulated here
        eprintln!(
            "SKIPPED: cannot mount a tmpfs: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        return;
    }
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let code = fs::read_to_string(seen.join("code")).expect("code");
    let err = fs::read_to_string(seen.join("stderr")).expect("stderr");
    assert_eq!(code.trim(), "2", "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        err.contains("/out/graph."),
        "the message names the file: {err}"
    );
    assert_eq!(
        snapshot(&seen.join("before")),
        snapshot(&seen.join("after"))
    );
    assert!(snapshot(&seen.join("after")).iter().all(|f| !f.is_empty()));
    let listing = fs::read_to_string(seen.join("listing")).expect("listing");
    assert_eq!(
        listing.trim(),
        "out",
        "nothing left beside the export: {listing}"
    );
}

/// Many tiny files (the full million is measured by `bench/tiny_files.sh`):
/// every one becomes an article, and none is lost or doubled.
#[test]
fn issue7_many_tiny_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let n = 20_000;
    for i in 0..n {
        let dir = input.join(format!("{:02}", i % 97));
        if i < 97 {
            fs::create_dir_all(&dir).expect("mkdir");
        }
        fs::write(
            dir.join(format!("{i:06}.txt")),
            format!("Mali accused France of spying on its army in {i}."),
        )
        .expect("write");
    }
    let out = tmp.path().join("out");
    let mut c = newskg();
    c.args(["export", "--no-progress", "--format", "nt", "-o"])
        .arg(&out)
        .arg(&input);
    let o = run(c);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(summary.starts_with(&format!("{n} documents")), "{summary}");
    let nt = fs::read_to_string(out.join("graph.nt")).expect("nt");
    let articles = nt
        .lines()
        .filter(|l| l.ends_with("<https://w3id.org/newskg/ns#Article> ."))
        .count();
    assert_eq!(articles, n);
}
