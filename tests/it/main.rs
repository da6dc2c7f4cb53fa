//! The integration tests: one binary driving the real `newskg` CLI and
//! checking its output with independent implementations (rapper, rdflib,
//! pyld, Graphviz, an Oxigraph server). Helpers live in `util`; tests are
//! named after the issue they belong to.

mod export;
mod fuzz;
mod hostile;
mod query;
mod render;
mod safety;
mod stream;
mod util;
