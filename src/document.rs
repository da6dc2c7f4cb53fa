//! Stage 1 — documents: find article files, read them, split off the date line.
//!
//! An article is a UTF-8 text file. Its id is the file name without the
//! extension. If the file starts with ` date YYYY-MM-DD` (the convention of
//! the seed corpus; leading whitespace optional), that date is the article
//! date and the text after it is the article body. Offsets recorded for
//! evidence are character offsets into the whole file, so `text[start..end]`
//! in any language that indexes code points finds the sentence.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A calendar date `YYYY-MM-DD`, validated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`; returns `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if year == 0 || day == 0 || day > days {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One article: id, optional date and the full file text.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name without extension (`"000_6d4131b13c3130be"`), or `"stdin"`.
    pub id: String,
    /// The article date from the ` date YYYY-MM-DD` line, if any.
    pub date: Option<Date>,
    /// The whole file content.
    pub text: String,
    /// Byte offset where the body starts (after the date prefix).
    pub body_start: usize,
}

impl Document {
    /// Builds a document from its id and content, splitting off the date prefix.
    pub fn new(id: impl Into<String>, text: String) -> Document {
        let (date, body_start) = split_date(&text);
        Document {
            id: id.into(),
            date,
            text,
            body_start,
        }
    }

    /// The article body (the text without the date prefix).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// Recognises the date prefix: optional whitespace, the word `date`, one
/// space, `YYYY-MM-DD`, then whitespace or end of text. Returns the date and
/// where the body begins.
fn split_date(text: &str) -> (Option<Date>, usize) {
    let trimmed = text.trim_start_matches([' ', '\t', '\u{feff}']);
    let Some(rest) = trimmed.strip_prefix("date ") else {
        return (None, 0);
    };
    let Some(candidate) = rest.get(..10) else {
        return (None, 0);
    };
    let after = &rest[10..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return (None, 0);
    }
    match Date::parse(candidate) {
        Some(d) => {
            let body = after.trim_start();
            (Some(d), text.len() - body.len())
        }
        None => (None, 0),
    }
}

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A `.txt` file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Expands the user's paths into a sorted, de-duplicated list of sources.
///
/// A file is taken as given (whatever its extension); a directory is walked
/// recursively for `*.txt` files (symbolic links to directories are not
/// followed, so a link loop cannot hang the walk); `-` is standard input.
pub fn collect_sources(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
            continue;
        }
        let meta = fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, &mut out)?;
            if out.len() == before {
                return Err(Error::Input {
                    path: p.clone(),
                    message: "directory contains no .txt file".into(),
                });
            }
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<Source>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let ft = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt")
            && fs::metadata(&path).is_ok_and(|m| m.is_file())
        {
            out.push(Source::File(path));
        }
    }
    Ok(())
}

/// Reads one source into a [`Document`].
///
/// Errors name the file: unreadable, not UTF-8 (binary), or empty.
pub fn read_source(source: &Source) -> Result<Document> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(Path::new("-"), e))?;
            decode(Path::new("-"), "stdin", bytes)
        }
        Source::File(path) => {
            let bytes = read_whole(path)?;
            decode(path, &source_id(source), bytes)
        }
    }
}

/// The document id a source will have: its file name without extension
/// (`stdin` for standard input).
pub fn source_id(source: &Source) -> String {
    match source {
        Source::Stdin => "stdin".into(),
        Source::File(path) => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into()),
    }
}

/// Reads a file whole, refusing one that changed while it was read (a file
/// still being written or rotated): its text would be a mix of two versions.
fn read_whole(path: &Path) -> Result<Vec<u8>> {
    let io = |e| Error::io(path, e);
    let mut file = fs::File::open(path).map_err(io)?;
    let before = file.metadata().map_err(io)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(io)?;
    if before.is_file() {
        let after = file.metadata().map_err(io)?;
        let same = bytes.len() as u64 == before.len()
            && after.len() == before.len()
            && after.modified().ok() == before.modified().ok();
        if !same {
            return Err(Error::Input {
                path: path.to_path_buf(),
                message: "changed while being read (is it still being written?)".into(),
            });
        }
    }
    Ok(bytes)
}

/// Decodes the bytes of an article named `id`; errors name `path`: not
/// UTF-8, NUL bytes (a binary file), or no text after the date line.
pub fn decode(path: &Path, id: &str, bytes: Vec<u8>) -> Result<Document> {
    let text = String::from_utf8(bytes).map_err(|e| Error::Input {
        path: path.to_path_buf(),
        message: format!(
            "not UTF-8 text (invalid byte at offset {}); is it a binary file?",
            e.utf8_error().valid_up_to()
        ),
    })?;
    if text.contains('\0') {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "contains NUL bytes; is it a binary file?".into(),
        });
    }
    let doc = Document::new(id, text);
    if doc.body().trim().is_empty() {
        return Err(Error::Input {
            path: path.to_path_buf(),
            message: "empty article (no text after the date line)".into(),
        });
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_prefix_is_split_off() {
        let d = Document::new("a", " date 2021-09-27 Serbia said.".into());
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2021-09-27"));
        assert_eq!(d.body(), "Serbia said.");
    }

    #[test]
    fn no_date_line_keeps_everything() {
        let d = Document::new("a", "The date 2021-09-27 is not a prefix.".into());
        assert_eq!(d.date, None);
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2024-13-01").is_none());
        assert!(Date::parse("20x4-01-01").is_none());
        let d = Document::new("a", " date 2023-02-30 Text.".into());
        assert_eq!(d.date, None);
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        let e = decode(Path::new("x.txt"), "x", b" date 2021-01-01 \n".to_vec());
        assert!(e.err().is_some_and(|e| e.to_string().contains("empty")));
        let e = decode(Path::new("y.txt"), "y", vec![0xff, 0xfe, 0x00]);
        assert!(e.err().is_some_and(|e| e.to_string().contains("y.txt")));
    }
}
