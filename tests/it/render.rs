//! Issue 5: diagrams — rendering with the real Graphviz, filters, tooltips,
//! escaping, and the README pictures being current.

use std::collections::BTreeSet;
use std::fs;

use crate::util::*;

/// The non-legend edges of a DOT file: (from, to, attributes).
fn dot_edges(dot: &str) -> Vec<String> {
    dot.lines()
        .filter(|l| l.contains("->") && !l.contains("legend_"))
        .map(|l| l.trim().to_string())
        .collect()
}

fn dot_with(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = newskg();
    c.args(["export", "-q", "--format", "dot", "-o"])
        .arg(tmp.path())
        .args(args);
    let o = run(c);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    fs::read_to_string(tmp.path().join("graph.dot")).expect("dot")
}

fn label_of(edge: &str) -> String {
    edge.split("label=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or("")
        .to_string()
}

fn ends(edge: &str) -> (String, String) {
    let mut parts = edge.split_whitespace();
    let a = parts.next().unwrap_or("").to_string();
    parts.next();
    (a, parts.next().unwrap_or("").to_string())
}

#[test]
fn issue5_filters_remove_what_they_should_and_nothing_else() {
    let all = dot_edges(&dot_with(&[]));
    assert!(all.len() > 20);
    let labels = |v: &[String]| -> BTreeSet<String> { v.iter().map(|e| label_of(e)).collect() };
    // --relation keeps exactly the edges of those relations
    let rec = dot_edges(&dot_with(&["--relation", "recognises,mediates"]));
    let expected: Vec<&String> = all
        .iter()
        .filter(|e| {
            ["recognises", "mediates"]
                .iter()
                .any(|r| label_of(e).contains(r))
        })
        .collect();
    assert_eq!(rec.len(), expected.len());
    assert!(
        labels(&rec)
            .iter()
            .all(|l| l.contains("recognises") || l.contains("mediates")),
        "{rec:?}"
    );
    // --no-negated and --no-hypothetical drop dashed / dotted edges only
    let no_neg = dot_edges(&dot_with(&["--no-negated"]));
    assert_eq!(
        no_neg.len(),
        all.iter()
            .filter(|e| !label_of(e).starts_with("not "))
            .count()
    );
    assert!(no_neg.iter().all(|e| !e.contains("style=\"dashed\"")));
    let no_hyp = dot_edges(&dot_with(&["--no-hypothetical"]));
    assert_eq!(
        no_hyp.len(),
        all.iter().filter(|e| !label_of(e).contains('?')).count()
    );
    // --since/--until by article date: 2024 articles only
    let y2024 = dot_edges(&dot_with(&[
        "--since",
        "2024-01-01",
        "--until",
        "2024-12-31",
    ]));
    assert!(!y2024.is_empty() && y2024.len() < all.len());
    assert!(
        y2024.iter().all(|e| e.contains("2024-")),
        "tooltips carry the article dates"
    );
    // --top N keeps the edges touching the N most connected actors
    let top = dot_edges(&dot_with(&["--top", "3"]));
    assert!(!top.is_empty() && top.len() < all.len());
    let mut touched: BTreeSet<String> = BTreeSet::new();
    for e in &top {
        let (a, b) = ends(e);
        touched.insert(a);
        touched.insert(b);
    }
    // some three nodes cover every kept edge
    let ids: Vec<&String> = touched.iter().collect();
    let covered = |h: &[&String]| {
        top.iter().all(|e| {
            let (a, b) = ends(e);
            h.iter().any(|x| **x == a || **x == b)
        })
    };
    let mut found = false;
    for x in 0..ids.len() {
        for y in x..ids.len() {
            for z in y..ids.len() {
                if covered(&[ids[x], ids[y], ids[z]]) {
                    found = true;
                }
            }
        }
    }
    assert!(found, "the kept edges do not all touch three hubs");
    // --actor with depth: every edge touches the actor at depth 1
    let qatar = dot_with(&["--actor", "Qatar"]);
    let q_id = qatar
        .lines()
        .find(|l| l.contains("label=\"Qatar\""))
        .and_then(|l| l.trim().split(['[', ' ']).next())
        .expect("Qatar node")
        .to_string();
    let q_edges = dot_edges(&qatar);
    assert!(!q_edges.is_empty());
    // every node drawn is Qatar or one hop from it; at least one edge touches Qatar
    let neighbours: BTreeSet<String> = q_edges
        .iter()
        .filter_map(|e| {
            let (a, b) = ends(e);
            if a == q_id {
                Some(b)
            } else if b == q_id {
                Some(a)
            } else {
                None
            }
        })
        .collect();
    assert!(!neighbours.is_empty());
    let near = |x: &String| *x == q_id || neighbours.contains(x);
    assert!(
        q_edges.iter().all(|e| {
            let (a, b) = ends(e);
            near(&a) && near(&b)
        }),
        "{q_edges:?}"
    );
    assert!(dot_edges(&dot_with(&["--actor", "Qatar", "--depth", "2"])).len() > q_edges.len());
    // --min-support 2 keeps only edges stated twice or more
    let strong = dot_edges(&dot_with(&["--min-support", "2"]));
    assert_eq!(
        strong.len(),
        all.iter().filter(|e| label_of(e).contains('×')).count()
    );
}

#[test]
fn issue5_render_svg_with_graphviz_carries_evidence_tooltips() {
    require("dot");
    let tmp = tempfile::tempdir().expect("tempdir");
    let svg = tmp.path().join("g.svg");
    let out = ok(&["render", "-o", svg.to_str().expect("utf8")]);
    assert!(out.contains("rendered"));
    // Graphviz writes '-' and line breaks as character references
    let text = fs::read_to_string(&svg)
        .expect("svg")
        .replace("&#45;", "-")
        .replace("&#10;", "\n");
    assert!(text.starts_with("<?xml") && text.contains("<svg"));
    for name in ["Armenia", "Azerbaijan", "Qatar", "Hamas", "Legend"] {
        assert!(text.contains(&format!(">{name}<")), "SVG lacks node {name}");
    }
    // the edge tooltip carries the sentence, article id and date
    assert!(
        text.contains("Qatar and Egypt are mediating between Israel and Hamas"),
        "no sentence tooltip"
    );
    assert!(text.contains("05_levant_truce 2024-01-21"));
    // node tooltips carry type (and role/affiliation for persons)
    assert!(text.contains("Nikol Pashinyan (Person)"));
    // clusters group actors of a state with the state
    assert!(text.contains("class=\"cluster\""), "no cluster in SVG");
    // PNG and PDF too
    for ext in ["png", "pdf"] {
        let f = tmp.path().join(format!("g.{ext}"));
        ok(&[
            "render",
            "-o",
            f.to_str().expect("utf8"),
            "--relation",
            "accuses",
        ]);
        assert!(fs::metadata(&f).expect("image").len() > 1000);
    }
}

#[test]
fn issue5_render_errors_are_clear() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = newskg();
    c.args(["render", "-o"]).arg(tmp.path().join("g.gif"));
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(".svg, .png or .pdf"));
    // without Graphviz on the PATH: how to install it
    let mut c = newskg();
    c.env("PATH", "/nonexistent")
        .args(["render", "-o"])
        .arg(tmp.path().join("g.svg"));
    let o = run(c);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Graphviz is not installed") && err.contains("apt-get install graphviz"),
        "{err}"
    );
    assert!(!tmp.path().join("g.svg").exists());
}

#[test]
fn issue5_hostile_names_render_unchanged() {
    use newskg::graph::{Article, KnowledgeGraph};
    use newskg::model::{Entity, EntityType, Event, Relation};
    require("dot");
    let names = [
        "Say \"No\" Party",
        r"Back\slash Front",
        "<b>Angle</b> & Co",
        "Two\nLines",
        "Владимир Путин",
        "محمود عباس",
        "習近平",
    ];
    let entities: Vec<Entity> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut e = Entity::new(EntityType::Group, *n);
            e.key = format!("group/n{i}");
            e
        })
        .collect();
    let events: Vec<Event> = (0..names.len() - 1)
        .map(|i| Event {
            doc: "d".into(),
            date: None,
            relation: Relation::Accuses,
            agent: format!("group/n{i}").into(),
            targets: vec![format!("group/n{}", i + 1).into()],
            negated: false,
            hypothetical: false,
            attributed_to: None,
            force: None,
            trigger: "accused".into(),
            pattern: "test".into(),
            sentence: format!("{} accused {} \"quoted\" \\ <x>", names[i], names[i + 1]).into(),
            start: 0,
            end: 1,
        })
        .collect();
    let g = KnowledgeGraph::assemble(
        vec![Article {
            id: "d".into(),
            date: None,
        }],
        entities,
        events,
    );
    let tmp = tempfile::tempdir().expect("tempdir");
    let svg = tmp.path().join("h.svg");
    newskg::export::render::render(&g, &Default::default(), &svg, None).expect("render");
    let text = fs::read_to_string(&svg).expect("svg");
    let xml = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    for n in names {
        for line in n.lines() {
            assert!(
                text.contains(&format!(">{}<", xml(line))),
                "label {line:?} not rendered unchanged"
            );
        }
    }
    // and Graphviz parses the DOT without a warning
    let mut dot = Vec::new();
    newskg::export::dot::write_dot(&g, &Default::default(), &mut dot).expect("dot");
    let f = tmp.path().join("h.dot");
    fs::write(&f, &dot).expect("write");
    let o = run({
        let mut c = std::process::Command::new("dot");
        c.arg("-Tsvg").arg(&f);
        c
    });
    assert!(
        o.status.success() && o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The README pictures are regenerated by `NEWSKG_BLESS=1 cargo test --test it -- --test-threads=1` and must be current.
#[test]
fn issue5_readme_pictures_are_current() {
    require("dot");
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut stale = Vec::new();
    for (name, extra) in [
        ("sample-graph.svg", vec![]),
        (
            "sample-recognition.svg",
            vec!["--relation", "recognises,mediates"],
        ),
    ] {
        let f = tmp.path().join(name);
        let mut args = vec![
            "render",
            "--data",
            "out/graph.ttl",
            "-o",
            f.to_str().expect("utf8"),
        ];
        args.extend(extra);
        ok(&args);
        let fresh = fs::read(&f).expect("svg");
        let committed = root().join("docs").join(name);
        if bless() {
            fs::create_dir_all(root().join("docs")).expect("docs");
            fs::write(&committed, &fresh).expect("write");
        } else if fs::read(&committed).ok().as_deref() != Some(&fresh[..]) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale pictures {stale:?}: run `NEWSKG_BLESS=1 cargo test --test it -- --test-threads=1` and commit"
    );
}

/// No two labels of the rendered sample graph overlap (text boxes estimated
/// from Graphviz's positions, font size and its average Helvetica glyph width, 0.42 em).
#[test]
fn issue5_sample_graph_labels_do_not_overlap() {
    let svg = fs::read_to_string(root().join("docs/sample-graph.svg")).expect("svg");
    let attr = |tag: &str, name: &str| -> Option<String> {
        tag.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(String::from)
    };
    let mut boxes: Vec<(f64, f64, f64, f64, String)> = Vec::new();
    for part in svg.split("<text ").skip(1) {
        let Some((tag, rest)) = part.split_once('>') else {
            continue;
        };
        let text = rest.split("</text>").next().unwrap_or("").to_string();
        let (Some(x), Some(y), Some(fs)) = (attr(tag, "x"), attr(tag, "y"), attr(tag, "font-size"))
        else {
            continue;
        };
        let (x, y, fs): (f64, f64, f64) = (
            x.parse().expect("x"),
            y.parse().expect("y"),
            fs.parse().expect("font-size"),
        );
        let w = text.chars().count() as f64 * fs * 0.42;
        let x0 = match attr(tag, "text-anchor").as_deref() {
            Some("middle") => x - w / 2.0,
            Some("end") => x - w,
            _ => x,
        };
        boxes.push((x0, y - fs * 0.8, x0 + w, y, text));
    }
    assert!(boxes.len() > 50, "too few labels: {}", boxes.len());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "labels {:?} and {:?} overlap", a.4, b.4);
        }
    }
}
