//! Turtle, N-Triples and N-Quads writers that print terms straight into a byte
//! buffer instead of through `core::fmt`.
//!
//! Their output is byte-for-byte that of oxttl's `TurtleSerializer`,
//! `NTriplesSerializer` and `NQuadsSerializer` (same prefix order, same choice
//! of prefixed names, same escaping), which tests check on random triples and
//! on whole exports. They exist for speed alone: oxttl formats every term
//! through `Display`, which was the largest single cost of an export (see the
//! README's "Measured speed and memory").

use std::cmp::Reverse;
use std::collections::BTreeMap;
use std::io::{self, Write};

use oxrdf::vocab::{rdf, xsd};
use oxrdf::{IriParseError, LiteralRef, NamedNode, NamedNodeRef, TermRef, TripleRef};

/// Bytes gathered before they are passed to the writer.
const FLUSH_AT: usize = 64 * 1024;

/// Passes `buf` on to `writer` once it holds [`FLUSH_AT`] bytes.
fn flush_if_full(writer: &mut impl Write, buf: &mut Vec<u8>) -> io::Result<()> {
    if buf.len() >= FLUSH_AT {
        writer.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}

/// A Turtle serialiser: `TurtleSerializer::new().with_prefix(…)?.for_writer(w)`.
#[derive(Default, Clone)]
pub struct TurtleSerializer {
    prefixes: BTreeMap<String, String>,
}

impl TurtleSerializer {
    /// A serialiser without prefixes.
    pub fn new() -> TurtleSerializer {
        TurtleSerializer::default()
    }

    /// Declares a prefix (`prefix_iri` must be an absolute IRI).
    pub fn with_prefix(
        mut self,
        prefix_name: impl Into<String>,
        prefix_iri: impl Into<String>,
    ) -> Result<TurtleSerializer, IriParseError> {
        let iri = NamedNode::new(prefix_iri.into())?;
        self.prefixes.insert(prefix_name.into(), iri.into_string());
        Ok(self)
    }

    /// Writes to `writer`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterTurtleSerializer<W> {
        // longest prefix first, as oxttl orders them
        let mut prefixes: Vec<(String, String)> = self.prefixes.into_iter().collect();
        prefixes.sort_unstable_by_key(|(_, p)| Reverse(p.len()));
        WriterTurtleSerializer {
            writer,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            prefixes,
            prelude_written: false,
            subject: String::new(),
            subject_blank: false,
            predicate: String::new(),
            open: false,
        }
    }
}

/// Writes Turtle to a [`Write`]; built by [`TurtleSerializer::for_writer`].
pub struct WriterTurtleSerializer<W: Write> {
    writer: W,
    buf: Vec<u8>,
    prefixes: Vec<(String, String)>,
    prelude_written: bool,
    /// The current subject and predicate in N-Triples form, when `open`.
    subject: String,
    subject_blank: bool,
    predicate: String,
    open: bool,
}

impl<W: Write> WriterTurtleSerializer<W> {
    /// Writes one triple, continuing the current subject or predicate with `;` or `,`.
    pub fn serialize_triple<'a>(&mut self, t: impl Into<TripleRef<'a>>) -> io::Result<()> {
        let t = t.into();
        if !self.prelude_written {
            self.prelude_written = true;
            for (name, iri) in &self.prefixes {
                self.buf.extend_from_slice(b"@prefix ");
                self.buf.extend_from_slice(name.as_bytes());
                self.buf.extend_from_slice(b": <");
                self.buf.extend_from_slice(iri.as_bytes());
                self.buf.extend_from_slice(b"> .\n");
            }
        }
        let (subject, blank) = subject_str(t);
        if self.open && subject == self.subject && blank == self.subject_blank {
            if t.predicate.as_str() == self.predicate {
                self.buf.extend_from_slice(b" , ");
            } else {
                self.buf.extend_from_slice(b" ;\n\t");
                self.predicate.clear();
                self.predicate.push_str(t.predicate.as_str());
                self.push_predicate(t.predicate);
                self.buf.push(b' ');
            }
        } else {
            if self.open {
                self.buf.extend_from_slice(b" .\n");
            }
            self.open = true;
            self.subject.clear();
            self.subject.push_str(subject);
            self.subject_blank = blank;
            self.predicate.clear();
            self.predicate.push_str(t.predicate.as_str());
            self.push_term(t.subject.into());
            self.buf.push(b' ');
            self.push_predicate(t.predicate);
            self.buf.push(b' ');
        }
        self.push_term(t.object);
        self.flush_if_full()
    }

    /// Ends the last statement and returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.open {
            self.buf.extend_from_slice(b" .\n");
        }
        self.writer.write_all(&self.buf)?;
        Ok(self.writer)
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        flush_if_full(&mut self.writer, &mut self.buf)
    }

    fn push_predicate(&mut self, p: NamedNodeRef<'_>) {
        if p == rdf::TYPE {
            self.buf.push(b'a');
        } else {
            self.push_iri(p.as_str());
        }
    }

    fn push_term(&mut self, t: TermRef<'_>) {
        match t {
            TermRef::NamedNode(n) => self.push_iri(n.as_str()),
            TermRef::BlankNode(b) => {
                self.buf.extend_from_slice(b"_:");
                self.buf.extend_from_slice(b.as_str().as_bytes());
            }
            TermRef::Literal(l) => self.push_literal(l),
        }
    }

    /// A prefixed name where a prefix matches and the rest is a valid local
    /// name (escaped), else `<iri>`.
    fn push_iri(&mut self, iri: &str) {
        for (name, prefix) in &self.prefixes {
            // the prefix's last byte first: most prefixes fail there, cheaply
            let n = prefix.len();
            if iri.len() < n || iri.as_bytes()[n - 1] != prefix.as_bytes()[n - 1] {
                continue;
            }
            let Some(local) = iri.strip_prefix(prefix.as_str()) else {
                continue;
            };
            let mark = self.buf.len();
            self.buf.extend_from_slice(name.as_bytes());
            self.buf.push(b':');
            if push_local_name(&mut self.buf, local) {
                return;
            }
            self.buf.truncate(mark);
        }
        self.buf.push(b'<');
        self.buf.extend_from_slice(iri.as_bytes());
        self.buf.push(b'>');
    }

    fn push_literal(&mut self, l: LiteralRef<'_>) {
        let value = l.value();
        let datatype = l.datatype();
        if datatype == xsd::STRING {
            push_quoted(&mut self.buf, value);
        } else if datatype == rdf::LANG_STRING {
            push_quoted(&mut self.buf, value);
            self.buf.push(b'@');
            self.buf
                .extend_from_slice(l.language().unwrap_or_default().as_bytes());
        } else {
            let inline = match datatype {
                xsd::BOOLEAN => matches!(value, "true" | "false"),
                xsd::INTEGER => is_integer(value),
                xsd::DECIMAL => is_decimal(value),
                xsd::DOUBLE => is_double(value),
                _ => false,
            };
            if inline {
                self.buf.extend_from_slice(value.as_bytes());
            } else {
                push_quoted(&mut self.buf, value);
                self.buf.extend_from_slice(b"^^");
                self.push_iri(datatype.as_str());
            }
        }
    }
}

/// The subject's IRI or blank node id, and whether it is a blank node.
fn subject_str(t: TripleRef<'_>) -> (&str, bool) {
    match t.subject {
        oxrdf::NamedOrBlankNodeRef::NamedNode(n) => (n.as_str(), false),
        oxrdf::NamedOrBlankNodeRef::BlankNode(b) => (b.as_str(), true),
    }
}

/// Turtle's PN_CHARS_BASE.
fn is_pn_chars_base(c: char) -> bool {
    matches!(c,
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// Turtle's PN_CHARS_U.
fn is_pn_chars_u(c: char) -> bool {
    is_pn_chars_base(c) || c == '_'
}

/// Turtle's PN_CHARS.
fn is_pn_chars(c: char) -> bool {
    is_pn_chars_u(c)
        || matches!(c, '-' | '0'..='9' | '\u{00B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
}

/// Characters a local name may hold escaped with `\`.
fn is_local_escape(c: char) -> bool {
    matches!(
        c,
        '_' | '~'
            | '.'
            | '-'
            | '!'
            | '$'
            | '&'
            | '\''
            | '('
            | ')'
            | '*'
            | '+'
            | ','
            | ';'
            | '='
            | '/'
            | '?'
            | '#'
            | '@'
            | '%'
    )
}

/// Appends `local` as a Turtle local name; false (with `out` partly written)
/// when it cannot be one.
fn push_local_name(out: &mut Vec<u8>, local: &str) -> bool {
    // the common case, copied whole: ASCII letters, digits, '_', ':', '-' and
    // inner '.', not starting with '-' or '.' (those two would be escaped)
    let bytes = local.as_bytes();
    let plain = bytes.iter().enumerate().all(|(i, &b)| {
        b.is_ascii_alphanumeric()
            || matches!(b, b'_' | b':')
            || (i > 0 && (b == b'-' || (b == b'.' && i + 1 < bytes.len())))
    });
    if plain {
        out.extend_from_slice(bytes);
        return true;
    }
    let mut chars = local.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let mut tmp = [0u8; 4];
    if is_pn_chars_u(first) || first == ':' || first.is_ascii_digit() {
        out.extend_from_slice(first.encode_utf8(&mut tmp).as_bytes());
    } else if is_local_escape(first) {
        out.push(b'\\');
        out.extend_from_slice(first.encode_utf8(&mut tmp).as_bytes());
    } else {
        return false;
    }
    while let Some(c) = chars.next() {
        if is_pn_chars(c) || c == ':' || (c == '.' && !chars.as_str().is_empty()) {
            out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        } else if is_local_escape(c) {
            out.push(b'\\');
            out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        } else {
            return false;
        }
    }
    true
}

/// Appends `s` as a quoted string literal with N-Triples' escapes.
fn push_quoted(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape: Option<&[u8]> = match b {
            0x08 => Some(b"\\b"),
            b'\t' => Some(b"\\t"),
            b'\n' => Some(b"\\n"),
            0x0c => Some(b"\\f"),
            b'\r' => Some(b"\\r"),
            b'"' => Some(b"\\\""),
            b'\\' => Some(b"\\\\"),
            0x00..=0x1f | 0x7f => Some(b""),
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF)
            0xef if bytes.get(i + 1) == Some(&0xbf)
                && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)) =>
            {
                Some(b"")
            }
            _ => None,
        };
        let Some(escape) = escape else {
            i += 1;
            continue;
        };
        out.extend_from_slice(&bytes[run..i]);
        if escape.is_empty() {
            let (code, len) = if b == 0xef {
                (0xfffe + u32::from(bytes[i + 2] - 0xbe), 3)
            } else {
                (u32::from(b), 1)
            };
            out.extend_from_slice(b"\\u");
            for shift in [12, 8, 4, 0] {
                out.push(HEX[((code >> shift) & 15) as usize]);
            }
            i += len;
        } else {
            out.extend_from_slice(escape);
            i += 1;
        }
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

fn strip_sign(v: &[u8]) -> &[u8] {
    match v.first() {
        Some(b'+' | b'-') => &v[1..],
        _ => v,
    }
}

fn digits(v: &[u8]) -> usize {
    v.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `[+-]? [0-9]+`
fn is_integer(value: &str) -> bool {
    let v = strip_sign(value.as_bytes());
    !v.is_empty() && digits(v) == v.len()
}

/// `[+-]? [0-9]* '.' [0-9]+`
fn is_decimal(value: &str) -> bool {
    let v = strip_sign(value.as_bytes());
    let v = &v[digits(v)..];
    match v.strip_prefix(b".") {
        Some(f) => !f.is_empty() && digits(f) == f.len(),
        None => false,
    }
}

/// `[+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)`
fn is_double(value: &str) -> bool {
    let v = strip_sign(value.as_bytes());
    let before = digits(v);
    let mut v = &v[before..];
    let mut after = 0;
    if let Some(f) = v.strip_prefix(b".") {
        after = digits(f);
        v = &f[after..];
    }
    let Some(e) = v.strip_prefix(b"e").or_else(|| v.strip_prefix(b"E")) else {
        return false;
    };
    let e = strip_sign(e);
    (before > 0 || after > 0) && !e.is_empty() && digits(e) == e.len()
}

/// An N-Triples serialiser: `NTriplesSerializer::new().for_writer(w)`.
#[derive(Default, Clone, Copy)]
pub struct NTriplesSerializer;

impl NTriplesSerializer {
    /// A serialiser.
    pub fn new() -> NTriplesSerializer {
        NTriplesSerializer
    }

    /// Writes to `writer`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterNTriplesSerializer<W> {
        WriterNTriplesSerializer {
            writer,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
        }
    }
}

/// Writes N-Triples (or, with [`Self::serialize_quad`], N-Quads) to a [`Write`].
pub struct WriterNTriplesSerializer<W: Write> {
    writer: W,
    buf: Vec<u8>,
}

impl<W: Write> WriterNTriplesSerializer<W> {
    /// Writes one triple on its own line.
    pub fn serialize_triple<'a>(&mut self, t: impl Into<TripleRef<'a>>) -> io::Result<()> {
        self.push_triple(t.into());
        self.buf.extend_from_slice(b" .\n");
        self.flush_if_full()
    }

    /// Writes one triple in the named graph `graph`, as an N-Quads line.
    pub fn serialize_quad<'a>(
        &mut self,
        t: impl Into<TripleRef<'a>>,
        graph: NamedNodeRef<'_>,
    ) -> io::Result<()> {
        self.push_triple(t.into());
        self.buf.push(b' ');
        push_nt_iri(&mut self.buf, graph.as_str());
        self.buf.extend_from_slice(b" .\n");
        self.flush_if_full()
    }

    /// Returns the writer, everything written.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.write_all(&self.buf)?;
        Ok(self.writer)
    }

    fn flush_if_full(&mut self) -> io::Result<()> {
        flush_if_full(&mut self.writer, &mut self.buf)
    }

    fn push_triple(&mut self, t: TripleRef<'_>) {
        push_nt_term(&mut self.buf, t.subject.into());
        self.buf.push(b' ');
        push_nt_iri(&mut self.buf, t.predicate.as_str());
        self.buf.push(b' ');
        push_nt_term(&mut self.buf, t.object);
    }
}

fn push_nt_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn push_nt_term(out: &mut Vec<u8>, t: TermRef<'_>) {
    match t {
        TermRef::NamedNode(n) => push_nt_iri(out, n.as_str()),
        TermRef::BlankNode(b) => {
            out.extend_from_slice(b"_:");
            out.extend_from_slice(b.as_str().as_bytes());
        }
        TermRef::Literal(l) => {
            push_quoted(out, l.value());
            if let Some(lang) = l.language() {
                out.push(b'@');
                out.extend_from_slice(lang.as_bytes());
            } else if l.datatype() != xsd::STRING {
                out.extend_from_slice(b"^^");
                push_nt_iri(out, l.datatype().as_str());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{BlankNode, Literal, NamedOrBlankNode, Term, Triple};
    use proptest::prelude::*;

    const PREFIXES: &[(&str, &str)] = &[
        ("ex", "http://example.com/"),
        ("exa", "http://example.com/a/"),
        ("x", "http://x.org/ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("empty", "http://e.org/"),
    ];

    /// Serialises `ts` with the serialiser `w` (ours or oxttl's: same shape).
    macro_rules! serialize {
        ($w:expr, $ts:expr) => {{
            let mut w = $w;
            for t in $ts {
                w.serialize_triple(t).expect("write");
            }
            w
        }};
    }

    fn ours_turtle(ts: &[Triple]) -> Vec<u8> {
        let s = PREFIXES
            .iter()
            .fold(TurtleSerializer::new(), |s, (p, iri)| {
                s.with_prefix(*p, *iri).expect("prefix")
            });
        serialize!(s.for_writer(Vec::new()), ts)
            .finish()
            .expect("finish")
    }

    fn oxttl_turtle(ts: &[Triple]) -> Vec<u8> {
        let s = PREFIXES
            .iter()
            .fold(oxttl::TurtleSerializer::new(), |s, (p, iri)| {
                s.with_prefix(*p, *iri).expect("prefix")
            });
        serialize!(s.for_writer(Vec::new()), ts)
            .finish()
            .expect("finish")
    }

    fn ours_nt(ts: &[Triple]) -> Vec<u8> {
        serialize!(NTriplesSerializer::new().for_writer(Vec::new()), ts)
            .finish()
            .expect("finish")
    }

    fn oxttl_nt(ts: &[Triple]) -> Vec<u8> {
        serialize!(oxttl::NTriplesSerializer::new().for_writer(Vec::new()), ts).finish()
    }

    /// IRIs under the prefixes (some not valid as local names) and elsewhere.
    fn iri() -> impl Strategy<Value = NamedNode> {
        let base = prop::sample::select(vec![
            "http://example.com/",
            "http://example.com/a/",
            "http://x.org/ns#",
            "http://www.w3.org/2001/XMLSchema#",
            "http://e.org/",
            "http://other.net/",
        ]);
        let local =
            prop::string::string_regex("[a-zA-Z0-9_.:~!$&'()*+,;=/?#@%é·-]{0,6}").expect("regex");
        (base, local).prop_map(|(b, l)| NamedNode::new_unchecked(format!("{b}{l}")))
    }

    fn literal() -> impl Strategy<Value = Literal> {
        let text = || {
            prop::string::string_regex(
                "[a-z \"\\\\\n\r\t\u{0}-\u{1f}\u{7f}é\u{fffe}\u{ffff}\u{fffd}]{0,8}",
            )
            .expect("regex")
        };
        let number =
            prop::string::string_regex("[+-]?[0-9]{0,3}(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?")
                .expect("regex");
        prop_oneof![
            text().prop_map(Literal::new_simple_literal),
            text().prop_map(|t| Literal::new_language_tagged_literal_unchecked(t, "en")),
            (
                number,
                prop::sample::select(vec![
                    xsd::INTEGER,
                    xsd::DECIMAL,
                    xsd::DOUBLE,
                    xsd::BOOLEAN,
                    xsd::DATE
                ])
            )
                .prop_map(|(n, dt)| Literal::new_typed_literal(n, dt)),
            prop::sample::select(vec!["true", "false", "1"])
                .prop_map(|b| Literal::new_typed_literal(b, xsd::BOOLEAN)),
            text().prop_map(|t| Literal::new_typed_literal(
                t,
                NamedNode::new_unchecked("http://other.net/dt")
            )),
        ]
    }

    fn triple() -> impl Strategy<Value = Triple> {
        let subject = prop_oneof![
            iri().prop_map(NamedOrBlankNode::from),
            prop::sample::select(vec!["b0", "b1"])
                .prop_map(|b| NamedOrBlankNode::from(BlankNode::new_unchecked(b))),
        ];
        let predicate = prop_oneof![Just(rdf::TYPE.into_owned()), iri()];
        let object = prop_oneof![
            iri().prop_map(Term::from),
            literal().prop_map(Term::from),
            Just(Term::from(BlankNode::new_unchecked("b1"))),
        ];
        (subject, predicate, object).prop_map(|(s, p, o)| Triple::new(s, p, o))
    }

    /// Runs of triples that share subjects and predicates, as an export's do.
    fn triples() -> impl Strategy<Value = Vec<Triple>> {
        prop::collection::vec((triple(), 0..3usize), 0..12).prop_map(|v| {
            let mut out: Vec<Triple> = Vec::new();
            for (t, share) in v {
                match (share, out.last().cloned()) {
                    (1, Some(prev)) => out.push(Triple::new(prev.subject, t.predicate, t.object)),
                    (2, Some(prev)) => {
                        out.push(Triple::new(prev.subject, prev.predicate, t.object))
                    }
                    _ => out.push(t),
                }
            }
            out
        })
    }

    proptest! {
        #[test]
        fn turtle_is_oxttls_turtle(ts in triples()) {
            let (ours, theirs) = (ours_turtle(&ts), oxttl_turtle(&ts));
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }

        #[test]
        fn ntriples_are_oxttls_ntriples(ts in triples()) {
            let (ours, theirs) = (ours_nt(&ts), oxttl_nt(&ts));
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }

        #[test]
        fn nquads_are_oxttls_nquads(ts in triples()) {
            let g = NamedNode::new_unchecked("http://example.com/g");
            let mut ours = NTriplesSerializer::new().for_writer(Vec::new());
            let mut theirs = oxttl::NQuadsSerializer::new().for_writer(Vec::new());
            for t in &ts {
                ours.serialize_quad(t, g.as_ref()).expect("write");
                theirs.serialize_quad(t.as_ref().in_graph(g.as_ref())).expect("write");
            }
            prop_assert_eq!(ours.finish().expect("finish"), theirs.finish());
        }
    }

    /// Output larger than one buffer is flushed whole, in order.
    #[test]
    fn long_output_is_flushed_in_order() {
        let ts: Vec<Triple> = (0..5000)
            .map(|i| {
                Triple::new(
                    NamedNode::new_unchecked(format!("http://example.com/s{}", i / 3)),
                    NamedNode::new_unchecked("http://x.org/ns#p"),
                    Literal::new_simple_literal(format!("value number {i} with some text")),
                )
            })
            .collect();
        let ours = ours_turtle(&ts);
        assert!(ours.len() > 2 * FLUSH_AT);
        assert_eq!(ours, oxttl_turtle(&ts));
        assert_eq!(ours_nt(&ts), oxttl_nt(&ts));
    }
}
