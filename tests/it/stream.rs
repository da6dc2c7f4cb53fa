//! Issue 6: the streaming mode and the property that makes scale-out correct —
//! exporting parts of a corpus in separate processes and concatenating the
//! outputs gives the graph of the whole corpus (IRIs and labels depend on
//! content, never on order or run).

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::util::*;

fn nt_set(bytes: &[u8]) -> BTreeSet<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

fn export_nt(inputs: &[&Path]) -> BTreeSet<String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = newskg();
    c.args(["export", "-q", "--format", "nt", "-o"])
        .arg(tmp.path());
    for i in inputs {
        c.arg(i);
    }
    let o = run(c);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    nt_set(&fs::read(tmp.path().join("graph.nt")).expect("nt"))
}

fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn check_split_merge(files: &[PathBuf], parts: usize) {
    let all: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let whole = export_nt(&all);
    assert!(whole.len() > 50);
    let mut union = BTreeSet::new();
    for k in 0..parts {
        let part: Vec<&Path> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| i % parts == k)
            .map(|(_, p)| *p)
            .collect();
        union.extend(export_nt(&part));
    }
    let only_whole: Vec<&String> = whole.difference(&union).take(3).collect();
    let only_parts: Vec<&String> = union.difference(&whole).take(3).collect();
    assert!(only_whole.is_empty() && only_parts.is_empty(), "split exports differ from the whole:\nonly whole: {only_whole:#?}\nonly parts: {only_parts:#?}");
}

#[test]
fn issue6_split_exports_merge_into_the_whole_sample_corpus() {
    check_split_merge(&corpus_files(&root().join("data/articles")), 3);
}

#[test]
fn issue6_split_exports_merge_into_the_whole_seed_corpus() {
    // real articles: shared people spelled with and without diacritics across articles
    let Some(shared) = shared() else { return };
    check_split_merge(&corpus_files(&shared.join("corpus/seeds")), 5);
}

fn jsonl_of(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("article");
            let (date, body) = match text.trim_start().strip_prefix("date ") {
                Some(rest) if rest.len() > 10 => (
                    Some(rest[..10].to_string()),
                    rest[10..].trim_start().to_string(),
                ),
                _ => (None, text.clone()),
            };
            let id = f.file_stem().expect("stem").to_string_lossy().into_owned();
            serde_json::json!({"id": id, "date": date, "text": body}).to_string()
        })
        .collect()
}

fn stream(lines: &[String], extra: &[&str]) -> (i32, Vec<u8>, String) {
    let mut c = newskg();
    c.args(["export", "--jsonl", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        for l in lines {
            writeln!(stdin, "{l}").expect("write");
        }
    }
    let o = child.wait_with_output().expect("wait");
    (
        o.status.code().unwrap_or(-1),
        o.stdout,
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn issue6_streaming_jsonl_parts_merge_into_the_whole() {
    let lines = jsonl_of(&corpus_files(&root().join("data/articles")));
    let (code, whole, _) = stream(&lines, &[]);
    assert_eq!(code, 0);
    let whole = nt_set(&whole);
    let mut union = BTreeSet::new();
    for chunk in lines.chunks(4) {
        let (code, part, _) = stream(chunk, &[]);
        assert_eq!(code, 0);
        union.extend(nt_set(&part));
    }
    assert_eq!(whole, union);
    // and the output is valid N-Triples for an independent parser
    require("rapper");
    let tmp = tempfile::tempdir().expect("tempdir");
    let f = tmp.path().join("s.nt");
    fs::write(
        &f,
        whole.iter().map(|l| format!("{l}\n")).collect::<String>(),
    )
    .expect("write");
    let o = run({
        let mut c = std::process::Command::new("rapper");
        c.args(["-i", "ntriples", "-c"]).arg(&f);
        c
    });
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn issue6_streaming_quads_name_one_graph_per_article_and_bad_lines_are_reported() {
    let mut lines = jsonl_of(&corpus_files(&root().join("data/articles")))[..2].to_vec();
    lines.insert(1, "{not json".to_string());
    lines.push(
        r#"{"id": "x", "date": "2023-02-30", "text": "Armenia accused Azerbaijan."}"#.to_string(),
    );
    let (code, out, err) = stream(&lines, &["--quads"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("line 2: not a JSON article"), "{err}");
    assert!(err.contains("line 4: invalid date"), "{err}");
    let out = String::from_utf8_lossy(&out);
    let graphs: BTreeSet<&str> = out
        .lines()
        .filter_map(|l| l.trim_end_matches(" .").rsplit(' ').next())
        .collect();
    assert_eq!(graphs.len(), 2, "{graphs:?}");
    assert!(graphs
        .iter()
        .all(|g| g.starts_with("<https://w3id.org/newskg/id/article/")));
    let (code, _, err) = stream(&lines, &["--strict"]);
    assert_eq!(code, 2);
    assert!(err.contains("line 2"), "{err}");
}
