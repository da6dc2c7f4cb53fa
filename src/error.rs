//! Typed errors of the library. Every error names where it happened.

use std::path::{Path, PathBuf};

/// Errors raised by newskg's library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error on a named file or directory.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// An input file that cannot be used as an article (or data file).
    #[error("{}: {message}", path.display())]
    Input {
        /// The offending file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A knowledge or pattern file with a syntax error, line counted from 1.
    #[error("{file}:{line}: {message}")]
    Knowledge {
        /// Name of the data file.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A gold or entities file for `eval` that cannot be read.
    #[error("{}:{line}: {message}", path.display())]
    Gold {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when the whole file is concerned).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A SPARQL query or data-loading problem.
    #[error("{0}")]
    Query(String),
    /// An unknown entity name, with suggestions.
    #[error("no entity named \"{name}\"{}", suggest(.suggestions))]
    UnknownEntity {
        /// The name the user gave.
        name: String,
        /// The closest known names.
        suggestions: Vec<String>,
    },
    /// A remote endpoint refused or could not be reached.
    #[error("{0}")]
    Endpoint(String),
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", s.join(", "))
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Result alias of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
