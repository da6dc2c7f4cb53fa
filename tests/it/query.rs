//! Integration tests of issue 4: SPARQL on the embedded store, graph
//! questions, and loading into a real triple-store server.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;
use std::process::Stdio;

use crate::util::*;

const CONTRACT: &str = "SELECT ?doc ?type ?agent ?target ?negated ?hypothetical WHERE {
  ?e a ?type ; nkg:agent ?a ; prov:wasDerivedFrom ?d ;
     nkg:negated ?negated ; nkg:hypothetical ?hypothetical .
  ?d dcterms:identifier ?doc .
  ?a rdfs:label ?agent .
  OPTIONAL { ?e nkg:target ?t . ?t rdfs:label ?target }
  VALUES ?type { nkg:Accusation nkg:Deployment nkg:Mediation nkg:Recognition }
}";

fn sorted_lines(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .lines()
        .skip(1)
        .map(|l| l.trim_end_matches('\r').to_string())
        .collect();
    v.sort();
    v
}

fn status(args: &[&str]) -> (i32, String, String) {
    let mut c = newskg();
    c.args(args);
    let o = run(c);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn issue4_query_formats_agree() {
    let csv = ok(&["query", "--format", "csv", CONTRACT]);
    let tsv = ok(&["query", "--format", "tsv", CONTRACT]);
    let json = ok(&["query", "--format", "json", CONTRACT]);
    let xml = ok(&["query", "--format", "xml", CONTRACT]);
    let table = ok(&["query", CONTRACT]);
    let n = csv.lines().count() - 1;
    assert!(n > 20, "{csv}");
    assert_eq!(tsv.lines().count() - 1, n);
    assert_eq!(table.lines().count() - 1, n);
    let v: serde_json::Value = serde_json::from_str(&json).expect("SPARQL JSON");
    assert_eq!(v["head"]["vars"].as_array().map(|a| a.len()), Some(6));
    assert_eq!(
        v["results"]["bindings"].as_array().map(|a| a.len()),
        Some(n)
    );
    assert_eq!(xml.matches("<result>").count(), n);
    assert!(csv.starts_with("doc,type,agent,target,negated,hypothetical"));
}

#[test]
fn issue4_query_from_file_stdin_and_articles() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let rq = tmp.path().join("contract.rq");
    fs::write(&rq, CONTRACT).expect("write");
    let from_file = ok(&["query", "--format", "csv", "-f", rq.to_str().expect("utf8")]);
    let mut c = newskg();
    c.args(["query", "--format", "csv", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(CONTRACT.as_bytes())
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    assert!(o.status.success());
    assert_eq!(
        sorted_lines(&from_file),
        sorted_lines(&String::from_utf8_lossy(&o.stdout))
    );
    // extracting the articles on the fly answers like the committed export
    let live = ok(&["query", "--format", "csv", "--from", "data", CONTRACT]);
    assert_eq!(sorted_lines(&from_file), sorted_lines(&live));
    // and the JSON-LD export answers like the Turtle
    let jsonld = ok(&[
        "query",
        "--format",
        "csv",
        "--data",
        "out/graph.jsonld",
        CONTRACT,
    ]);
    assert_eq!(sorted_lines(&from_file), sorted_lines(&jsonld));
}

#[test]
fn issue4_ask_construct_and_exit_codes() {
    let (code, out, _) = status(&["query", "ASK { state:spain nkg:recognises ?x }"]);
    assert_eq!(
        (code, out.trim()),
        (1, "false"),
        "hypothetical recognitions have no direct edge"
    );
    let (code, out, _) = status(&[
        "query",
        "ASK { ?e a nkg:Recognition ; nkg:agent state:spain ; nkg:hypothetical true }",
    ]);
    assert_eq!((code, out.trim()), (0, "true"));
    let ttl = ok(&[
        "query",
        "CONSTRUCT { ?a nkg:accuses ?b } WHERE { ?a nkg:accuses ?b }",
    ]);
    assert!(ttl.contains("nkg:accuses"), "{ttl}");
    let (code, _, _) = status(&["query", "SELECT ?x WHERE { ?x nkg:accuses state:atlantis }"]);
    assert_eq!(code, 1, "nothing found is exit 1");
}

#[test]
fn issue4_bad_queries_and_data_are_one_line_errors() {
    let (code, _, err) = status(&["query", "SELECT ?x WHERE {\n ?x nkg:agent"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("SPARQL syntax error") && err.contains("2:"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, _, err) = status(&["query", "--data", "missing.ttl", "ASK {}"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.ttl"), "{err}");
    let tmp = tempfile::tempdir().expect("tempdir");
    let bad = tmp.path().join("bad.ttl");
    fs::write(&bad, "@prefix x: <http://x/> .\nx:a x:b \"unterminated .\n").expect("write");
    let (code, _, err) = status(&["query", "--data", bad.to_str().expect("utf8"), "ASK {}"]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.ttl"), "{err}");
    let (code, _, err) = status(&["neighbors", "Atlantis"]);
    assert_eq!(code, 2);
    assert!(err.contains("no entity named \"Atlantis\""), "{err}");
    let (_, _, err) = status(&["why", "Serbai", "recognises", "Kosovo"]);
    assert!(err.contains("did you mean: Serbia"), "{err}");
}

#[test]
fn issue4_query_into_a_closed_pipe_ends_quietly() {
    let mut c = newskg();
    c.args(["query", "SELECT * WHERE { ?s ?p ?o }"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn issue4_graph_questions() {
    let n: serde_json::Value =
        serde_json::from_str(&ok(&["neighbors", "Belgrade", "--json"])).expect("json");
    let rows = n.as_array().expect("array");
    assert!(
        rows.iter().any(|r| r["relation"] == "recognises"
            && r["other"] == "Kosovo"
            && r["negated"] == true),
        "{n}"
    );
    let out: serde_json::Value = serde_json::from_str(&ok(&[
        "neighbors",
        "kosovo",
        "--direction",
        "in",
        "--relation",
        "accuses",
        "--json",
    ]))
    .expect("json");
    assert!(out
        .as_array()
        .expect("array")
        .iter()
        .all(|r| r["direction"] == "in" && r["relation"] == "accuses"));
    let why: serde_json::Value =
        serde_json::from_str(&ok(&["why", "Qatar", "mediates", "Hamas", "--json"])).expect("json");
    assert_eq!(why[0]["article"], "05_levant_truce");
    assert_eq!(why[0]["date"], "2024-01-21");
    assert!(why[0]["sentence"]
        .as_str()
        .expect("sentence")
        .contains("mediating"));
    let p: serde_json::Value =
        serde_json::from_str(&ok(&["path", "Egypt", "Israel", "--json"])).expect("json");
    assert_eq!(p[0].as_array().map(|a| a.len()), Some(1));
    let p: serde_json::Value =
        serde_json::from_str(&ok(&["path", "Egypt", "Qatar", "--json"])).expect("json");
    assert!(
        p.as_array()
            .expect("paths")
            .iter()
            .all(|x| x.as_array().map(|a| a.len()) == Some(2)),
        "{p}"
    );
    let s: serde_json::Value = serde_json::from_str(&ok(&["stats", "--json"])).expect("json");
    assert_eq!(s["articles"], 10);
    assert!(s["per_relation"]["recognises"].as_u64().unwrap_or(0) > 0);
    let t: serde_json::Value =
        serde_json::from_str(&ok(&["timeline", "Turkey", "--json"])).expect("json");
    let dates: Vec<&str> = t
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["date"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(!dates.is_empty());
}

fn http_query(base: &str, graph: &str, query: &str) -> String {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut full = String::new();
    for (p, iri) in [
        ("nkg", "https://w3id.org/newskg/ns#"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ] {
        full.push_str(&format!("PREFIX {p}: <{iri}>\n"));
    }
    full.push_str(query);
    let url = format!(
        "{base}/query?default-graph-uri={}",
        graph.replace(':', "%3A").replace('/', "%2F")
    );
    let mut r = agent
        .post(&url)
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .send(full.as_bytes())
        .expect("query the server");
    let body = r.body_mut().read_to_string().expect("body");
    assert_eq!(r.status().as_u16(), 200, "{body}");
    body
}

fn load_and_compare(export: &Path, graph: &str, server: &Server) {
    let ttl = export.to_str().expect("utf8");
    let store = format!("{}/store", server.base);
    let load = || ok(&["load", "--endpoint", &store, "--graph", graph, ttl]);
    let out = load();
    assert!(out.contains("HTTP 20"), "{out}");
    let local = ok(&["query", "--format", "csv", "--data", ttl, CONTRACT]);
    let remote = http_query(&server.base, graph, CONTRACT);
    assert!(local.lines().count() > 1);
    assert_eq!(
        sorted_lines(&local),
        sorted_lines(&remote),
        "server and local answers differ"
    );
    // replacing (default) twice leaves one copy; appending doubles nothing for a set of triples
    load();
    assert_eq!(
        sorted_lines(&remote),
        sorted_lines(&http_query(&server.base, graph, CONTRACT))
    );
    // SPARQL Update route into another graph gives the same answer
    let g2 = format!("{graph}-update");
    ok(&[
        "load",
        "--update-endpoint",
        &format!("{}/update", server.base),
        "--graph",
        &g2,
        ttl,
    ]);
    assert_eq!(
        sorted_lines(&local),
        sorted_lines(&http_query(&server.base, &g2, CONTRACT))
    );
}

#[test]
fn issue4_load_into_a_real_triple_store_server() {
    let server = server();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = newskg();
    c.args(["export", "-q", "--format", "ttl", "-o"])
        .arg(tmp.path().join("data"));
    assert!(run(c).status.success());
    load_and_compare(
        &tmp.path().join("data/graph.ttl"),
        "https://example.org/graphs/sample",
        &server,
    );
    if let Some(shared) = shared() {
        let mut c = newskg();
        c.args(["export", "-q", "--format", "ttl", "-o"])
            .arg(tmp.path().join("seeds"))
            .arg(shared.join("corpus/seeds"));
        assert!(run(c).status.success());
        load_and_compare(
            &tmp.path().join("seeds/graph.ttl"),
            "https://example.org/graphs/seeds",
            &server,
        );
    }
}

#[test]
fn issue4_unreachable_or_refusing_endpoints_fail_clearly() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let (code, out, err) = status(&[
        "load",
        "--endpoint",
        &format!("http://127.0.0.1:{port}/store"),
        "out/graph.ttl",
    ]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("cannot reach"), "{err}");
    let server = server();
    // a query endpoint refuses graph uploads
    let (code, out, err) = status(&[
        "load",
        "--endpoint",
        &format!("{}/query", server.base),
        "out/graph.ttl",
    ]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("HTTP 4"), "{err}");
    let (code, _, err) = status(&[
        "load",
        "--endpoint",
        &format!("{}/store", server.base),
        "--graph",
        "not an iri",
        "out/graph.ttl",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid graph IRI"), "{err}");
}

/// Queries of every shape the index must answer: each triple pattern with
/// each combination of bound positions, joins, OPTIONAL, UNION, FILTER,
/// paths, aggregates, constants absent from the data.
const SHAPES: &[&str] = &[
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
    "SELECT ?e WHERE { ?e a nkg:Accusation }",
    "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
    "SELECT ?e ?v WHERE { ?e nkg:negated ?v }",
    "SELECT ?s ?p WHERE { ?s ?p true }",
    "SELECT ?s ?o WHERE { ?s ?p ?o . ?s ?p2 ?o . FILTER(?p != ?p2) }",
    "SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), \"a\")) }",
    "SELECT ?e ?x WHERE { { ?e a nkg:Deployment } UNION { ?e a nkg:Mediation } OPTIONAL { ?e nkg:force ?x } }",
    "SELECT ?a ?l WHERE { ?a nkg:affiliation/rdfs:label ?l }",
    "SELECT ?a ?b WHERE { ?a (nkg:accuses|nkg:deploys|nkg:mediates|nkg:recognises)+ ?b }",
    "SELECT ?s WHERE { ?s rdfs:label \"No such label\"@en }",
    "SELECT ?p WHERE { ?e ?p ?t . ?e nkg:target ?t }",
    "SELECT DISTINCT ?type WHERE { ?x a ?type } ORDER BY ?type",
    "SELECT ?e ?p WHERE { ?e nkg:agent ?a . ?a ?p ?a2 . FILTER(isIRI(?a2)) }",
    "SELECT ?d (COUNT(?e) AS ?n) WHERE { ?e prov:wasDerivedFrom ?d } GROUP BY ?d HAVING (COUNT(?e) > 1)",
    "SELECT ?e WHERE { ?e a nkg:Recognition MINUS { ?e nkg:negated true } }",
];

#[test]
fn issue6_the_query_index_answers_every_query_shape_as_a_real_store_does() {
    let server = server();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut c = newskg();
    c.args(["export", "-q", "--format", "nt", "-o"])
        .arg(tmp.path().join("data"));
    assert!(run(c).status.success());
    let nt = tmp.path().join("data/graph.nt");
    let nt = nt.to_str().expect("utf8");
    let graph = "https://example.org/graphs/shapes";
    let out = ok(&[
        "load",
        "--endpoint",
        &format!("{}/store", server.base),
        "--graph",
        graph,
        nt,
    ]);
    assert!(out.contains("HTTP 20"), "{out}");
    let mut nonempty = 0;
    for q in SHAPES {
        let (code, local, err) = status(&["query", "--format", "csv", "--data", nt, q]);
        assert!(code == 0 || code == 1, "{q}: {err}");
        let remote = http_query(&server.base, graph, q);
        assert_eq!(sorted_lines(&local), sorted_lines(&remote), "{q}");
        if local.lines().count() > 1 {
            nonempty += 1;
        }
    }
    // all but the query for an absent label find something
    assert!(nonempty >= SHAPES.len() - 2, "{nonempty}");
}

#[test]
fn issue6_explain_prints_the_plan_with_the_rows_each_step_produced() {
    let q = "SELECT ?e ?a WHERE { ?e a nkg:Accusation ; nkg:agent ?a }";
    let data = root().join("out/graph.ttl");
    let data = data.to_str().expect("utf8");
    let rows = ok(&["query", "--format", "csv", "--data", data, q])
        .lines()
        .count()
        - 1;
    assert!(rows > 0);
    let plan: serde_json::Value =
        serde_json::from_str(&ok(&["query", "--explain", "--data", data, q])).expect("JSON");
    let root_step = &plan["plan"];
    assert_eq!(root_step["number of results"].as_u64(), Some(rows as u64));
    // the steps name the query's triple patterns with their counts
    fn patterns(step: &serde_json::Value, out: &mut Vec<(String, u64)>) {
        if let Some(name) = step["name"].as_str() {
            if name.starts_with("QuadPattern") {
                out.push((
                    name.to_string(),
                    step["number of results"].as_u64().unwrap_or(0),
                ));
            }
        }
        for c in step["children"].as_array().into_iter().flatten() {
            patterns(c, out);
        }
    }
    let mut found = Vec::new();
    patterns(root_step, &mut found);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|(n, _)| n.contains("ns#Accusation")));
    assert!(found.iter().all(|(_, c)| *c >= rows as u64));
}
