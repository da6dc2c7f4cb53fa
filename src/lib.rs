#![doc = include_str!("../README.md")]
//! newskg: a knowledge graph of who accuses whom, who deploys forces where,
//! who mediates between whom and who recognises whom, read from news text.
//!
//! The modules follow the pipeline, in the order the data flows:
//! [`document`] → [`text`] → [`mentions`] → [`relations`] → [`graph`] →
//! [`export`] → [`query`]; [`knowledge`] holds the data files every stage
//! uses, [`model`] the shared types, [`eval`] the scorer.

pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod fuzz;
pub mod graph;
pub mod knowledge;
pub mod load;
pub mod mentions;
pub mod model;
pub mod pipeline;
pub mod query;
pub mod relations;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};
