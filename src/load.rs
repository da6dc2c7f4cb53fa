//! Sending an export to a triple-store server: the SPARQL 1.1 Graph Store
//! Protocol (`PUT` replaces a graph, `POST` appends to it) or SPARQL 1.1
//! Update (`INSERT DATA`, after `DROP SILENT GRAPH` when replacing). This is
//! the only place newskg opens a network connection, and only to the endpoint
//! the user names.

use std::time::Duration;

use oxrdf::Triple;

use crate::error::{Error, Result};

/// How to send.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Graph Store Protocol endpoint (e.g. `http://localhost:7878/store`) or SPARQL Update endpoint.
    pub endpoint: String,
    /// Whether `endpoint` is a SPARQL Update endpoint.
    pub update: bool,
    /// Named graph IRI; `None` is the default graph.
    pub graph: Option<String>,
    /// Append instead of replacing.
    pub append: bool,
    /// Request timeout.
    pub timeout: Duration,
}

/// What the server answered.
#[derive(Debug, Clone)]
pub struct LoadReport {
    /// Triples sent.
    pub triples: usize,
    /// HTTP status.
    pub status: u16,
    /// The server's response body (trimmed).
    pub body: String,
}

fn percent(s: &str) -> String {
    crate::export::rdf::encode(s)
}

/// Sends triples to the endpoint. Any non-2xx answer or connection failure is an error.
pub fn load(triples: &[Triple], opts: &LoadOptions) -> Result<LoadReport> {
    if let Some(g) = &opts.graph {
        oxrdf::NamedNode::new(g.clone())
            .map_err(|e| Error::Endpoint(format!("invalid graph IRI {g:?}: {e}")))?;
    }
    let mut nt = Vec::new();
    crate::export::rdf::write_ntriples(triples, &mut nt)
        .map_err(|e| Error::Endpoint(e.to_string()))?;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(opts.timeout))
        .build()
        .into();
    let result = if opts.update {
        let nt = String::from_utf8_lossy(&nt);
        let body = match &opts.graph {
            Some(g) if opts.append => format!("INSERT DATA {{ GRAPH <{g}> {{\n{nt}}} }}"),
            Some(g) => {
                format!("DROP SILENT GRAPH <{g}> ;\nINSERT DATA {{ GRAPH <{g}> {{\n{nt}}} }}")
            }
            None if opts.append => format!("INSERT DATA {{\n{nt}}}"),
            None => format!("DROP SILENT DEFAULT ;\nINSERT DATA {{\n{nt}}}"),
        };
        agent
            .post(&opts.endpoint)
            .header("Content-Type", "application/sparql-update")
            .send(body.as_bytes())
    } else {
        let sep = if opts.endpoint.contains('?') {
            '&'
        } else {
            '?'
        };
        let url = match &opts.graph {
            Some(g) => format!("{}{sep}graph={}", opts.endpoint, percent(g)),
            None => format!("{}{sep}default", opts.endpoint),
        };
        let req = if opts.append {
            agent.post(&url)
        } else {
            agent.put(&url)
        };
        req.header("Content-Type", "application/n-triples")
            .send(&nt[..])
    };
    let mut resp =
        result.map_err(|e| Error::Endpoint(format!("cannot reach {}: {e}", opts.endpoint)))?;
    let status = resp.status().as_u16();
    let body = resp.body_mut().read_to_string().unwrap_or_default();
    let body: String = body
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(500)
        .collect();
    if !(200..300).contains(&status) {
        return Err(Error::Endpoint(format!(
            "{} answered HTTP {status}: {}",
            opts.endpoint,
            if body.is_empty() {
                "(no body)"
            } else {
                body.as_str()
            }
        )));
    }
    Ok(LoadReport {
        triples: triples.len(),
        status,
        body,
    })
}
