//! Stage 2 — text: tokens with byte offsets, sentences, quotations.
//!
//! The tokenizer splits words, numbers and punctuation, keeps whether a token
//! was preceded by whitespace (so `EU-brokered` is `EU` `-` `brokered` with
//! no space before `-`), splits the possessive `'s`, and folds every word to
//! lower case without diacritics for matching (`Vučić` → `vucic`).
//! Sentences end at a line break or at `.`/`!`/`?` (after closing quotes)
//! followed by a capital, digit or opening quote, unless the period ends a
//! known abbreviation or an initial. Quotations are paired opening and closing
//! marks; a quotation may span sentences and ends at the latest with its
//! paragraph.

use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits and internal periods, e.g. `U.S.`).
    Word,
    /// Digits (with internal `,` or `.`).
    Number,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// Any other punctuation character.
    Punct,
}

/// A token of a document, with byte offsets into the document text.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Kind of token.
    pub kind: TokKind,
    /// Lower-cased, diacritic-free form (`’` becomes `'`).
    pub norm: String,
    /// Whether whitespace precedes the token.
    pub space_before: bool,
    /// Whether a line break precedes the token.
    pub newline_before: bool,
    /// Whether the first character is upper case.
    pub capitalised: bool,
    /// Whether every letter is upper case (at least two letters): an acronym.
    pub all_caps: bool,
    /// Whether the token lies inside a quotation.
    pub in_quote: bool,
    /// Index of the quotation the token is in (into [`Text::quotes`]).
    pub quote: Option<usize>,
}

impl Token {
    /// Whether this token is the punctuation character `c`.
    pub fn is(&self, c: &str) -> bool {
        self.norm == c
    }
}

/// A sentence: a token range and its byte span.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// Byte offset of the first token.
    pub start: usize,
    /// Byte offset after the last token.
    pub end: usize,
}

/// A quotation: token index of its opening and closing marks.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark (or the last token of the paragraph).
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// The analysed text of one document.
#[derive(Debug, Clone)]
pub struct Text {
    /// All tokens.
    pub tokens: Vec<Token>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Quotations in order.
    pub quotes: Vec<Quote>,
    /// Per token, the lexicon classes with a phrase starting at its word
    /// (filled by [`Text::annotate`]; empty until then, when lookups hash
    /// the word instead).
    pub starts: Vec<crate::knowledge::Classes>,
}

impl Text {
    /// The folded forms of the (up to) `n` tokens before token `i`: what a
    /// trigger form ending right before a name is matched against.
    pub fn norms_before(&self, i: usize, n: usize) -> Vec<&str> {
        self.tokens[i.saturating_sub(n)..i]
            .iter()
            .map(|x| x.norm.as_str())
            .collect()
    }

    /// The index of the sentence containing token `tok`.
    pub fn sentence_of(&self, tok: usize) -> usize {
        self.sentences
            .partition_point(|s| s.first <= tok)
            .saturating_sub(1)
    }

    /// Joins the hyphenated compounds the lexicon or a trigger form knows
    /// ("cease-fire", "re-election", "go-between") into one token, then looks
    /// up once per token which lexicon phrases can start there, so that the
    /// many phrase tests of the later stages need no hashing.
    pub fn annotate(&mut self, k: &crate::knowledge::Knowledge) {
        let triggers = crate::relations::patterns::TriggerIndex::get();
        self.join_compounds(|w| k.is_compound(w) || triggers.is_compound(w));
        self.starts = self.tokens.iter().map(|x| k.starts_of(&x.norm)).collect();
    }

    /// Joins "word - word" written without spaces into one token where
    /// `known` accepts the compound (both words lower case, so that
    /// "EU-brokered" and "Nagorno-Karabakh" stay as they are); sentence and
    /// quotation indices follow.
    fn join_compounds(&mut self, known: impl Fn(&str) -> bool) {
        let n = self.tokens.len();
        let joinable = |i: usize| {
            let t = &self.tokens;
            i + 2 < n
                && t[i].kind == TokKind::Word
                && !t[i].capitalised
                && t[i + 1].norm == "-"
                && !t[i + 1].space_before
                && t[i + 2].kind == TokKind::Word
                && !t[i + 2].space_before
                && !t[i + 2].capitalised
                && known(&format!("{}-{}", t[i].norm, t[i + 2].norm))
        };
        let mut joins = Vec::new();
        let mut i = 0;
        while i < n {
            if joinable(i) {
                joins.push(i);
                i += 3;
            } else {
                i += 1;
            }
        }
        if joins.is_empty() {
            return;
        }
        // old token index → new one (one past the end maps past the end)
        let mut map: Vec<usize> = Vec::with_capacity(n + 1);
        let mut out: Vec<Token> = Vec::with_capacity(n);
        let mut old = std::mem::take(&mut self.tokens).into_iter().enumerate();
        let mut joins = joins.into_iter().peekable();
        while let Some((i, mut tok)) = old.next() {
            if joins.next_if_eq(&i).is_some() {
                if let (Some(_), Some((_, second))) = (old.next(), old.next()) {
                    tok.norm = format!("{}-{}", tok.norm, second.norm);
                    tok.end = second.end;
                }
                map.extend([out.len(); 3]);
            } else {
                map.push(out.len());
            }
            out.push(tok);
        }
        map.push(out.len());
        self.tokens = out;
        for s in &mut self.sentences {
            s.first = map[s.first];
            s.last = map[s.last - 1] + 1;
        }
        for q in &mut self.quotes {
            q.open = map[q.open];
            q.close = map[q.close];
        }
    }
}

/// Whether a folded word names a month ("january", "jan", "sept").
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Articles and possessive determiners: they open a noun phrase.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Folds a string for comparison: lower case, no diacritics, `’` → `'`,
/// dashes to `-`, whitespace collapsed.
pub fn fold(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b == b'.')
    {
        return s.to_ascii_lowercase();
    }
    // one punctuation mark (“, ”, —, ’…): no decomposition needed
    let mut cs = s.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        // (ASCII and the General Punctuation block have no decompositions)
        if !c.is_alphanumeric()
            && !c.is_whitespace()
            && (c.is_ascii() || ('\u{2010}'..='\u{205E}').contains(&c) || matches!(c, '«' | '»'))
        {
            return match c {
                '’' | '‘' | '`' | 'ʼ' => "'".to_string(),
                '–' | '—' | '‐' | '‑' => "-".to_string(),
                c => c.to_string(),
            };
        }
    }
    if s.is_ascii() {
        // the same folding without Unicode decomposition
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for b in s.bytes() {
            if char::from(b).is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(if b == b'`' {
                '\''
            } else {
                char::from(b.to_ascii_lowercase())
            });
        }
        return out;
    }
    fold_unicode(s)
}

fn fold_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '’' | '‘' | '`' | 'ʼ' => '\'',
            '–' | '—' | '‐' | '‑' => '-',
            'ı' => 'i',
            'đ' | 'Đ' => 'd',
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'ß' => 's',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep",
    "st", "jr", "sr", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "adm", "brig", "cmdr",
    "pres", "amb", "rev", "fig", "vol",
];

/// Longest sentence, in tokens; longer runs are cut.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Tokenizes `text` from byte offset `from` and splits it into sentences.
pub fn analyse(text: &str, from: usize) -> Text {
    let tokens = tokenize(text, from);
    let sentences = split_sentences(&tokens);
    let mut t = Text {
        tokens,
        sentences,
        quotes: Vec::new(),
        starts: Vec::new(),
    };
    mark_quotes(&mut t);
    t
}

fn tokenize(text: &str, from: usize) -> Vec<Token> {
    let body = &text[from..];
    // about one token per five bytes of news text
    let mut tokens = Vec::with_capacity(body.len() / 5 + 1);
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(body.len());
    chars.extend(body.char_indices().map(|(i, c)| (i + from, c)));
    let n = chars.len();
    let byte_at = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    while i < n {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                newline = true;
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind;
        if is_word_char(c) {
            // A word: letters/digits, with internal periods for initialisms
            // (U.S.), internal apostrophes except the possessive 's.
            while j < n {
                let cj = chars[j].1;
                if is_word_char(cj) {
                    j += 1;
                } else if cj == '.'
                    && j + 1 < n
                    && chars[j + 1].1.is_alphabetic()
                    && (j + 2 >= n || chars[j + 2].1 == '.')
                    && j - i == 1
                {
                    // initialism like U.S. or U.N.: take letter-period pairs
                    j += 1;
                } else if (cj == '.' || cj == ',')
                    && chars[j - 1].1.is_ascii_digit()
                    && j + 1 < n
                    && chars[j + 1].1.is_ascii_digit()
                {
                    j += 1;
                } else if is_apostrophe(cj) && j + 1 < n && is_word_char(chars[j + 1].1) {
                    // possessive 's / s' handled as separate tokens
                    let next = chars[j + 1].1;
                    let after = if j + 2 < n { chars[j + 2].1 } else { ' ' };
                    if (next == 's' || next == 'S') && !is_word_char(after) {
                        break;
                    }
                    if (next == 't' || next == 'T') && !is_word_char(after) && chars[j - 1].1 == 'n'
                    {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            // initialisms: absorb the final period of "U.S."
            let word = &text[start..byte_at(j)];
            if j < n
                && chars[j].1 == '.'
                && word.len() >= 3
                && word.contains('.')
                && word.chars().filter(|c| *c == '.').count() >= 1
            {
                j += 1;
            }
            let all_digits = chars[i..j]
                .iter()
                .all(|x| x.1.is_ascii_digit() || x.1 == '.' || x.1 == ',');
            kind = if all_digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            // "n't" split: the word ends before 'n' when followed by 't
            if j < n
                && is_apostrophe(chars[j].1)
                && j + 1 < n
                && (chars[j + 1].1 == 't' || chars[j + 1].1 == 'T')
                && chars[j - 1].1 == 'n'
                && j - 1 > i
            {
                let (s, e) = (start, byte_at(j - 1));
                tokens.push(make_token(text, s, e, TokKind::Word, space, newline));
                tokens.push(make_token(
                    text,
                    e,
                    byte_at(j + 2),
                    TokKind::Word,
                    false,
                    false,
                ));
                space = false;
                newline = false;
                i = j + 2;
                continue;
            }
        } else if is_apostrophe(c)
            && !space
            && i + 1 < n
            && (chars[i + 1].1 == 's' || chars[i + 1].1 == 'S')
            && (i + 2 >= n || !is_word_char(chars[i + 2].1))
        {
            j = i + 2;
            kind = TokKind::Word;
        } else {
            kind = match c {
                '“' | '«' | '„' => TokKind::OpenQuote,
                '”' | '»' => TokKind::CloseQuote,
                '"' => {
                    let next_space = i + 1 >= n || chars[i + 1].1.is_whitespace();
                    if space && !next_space {
                        TokKind::OpenQuote
                    } else {
                        TokKind::CloseQuote
                    }
                }
                _ => TokKind::Punct,
            };
        }
        let mut tok = make_token(text, start, byte_at(j), kind, space, newline);
        // the possessive of a plural or a name in -s: "the United States' recognition"
        if kind == TokKind::Punct
            && is_apostrophe(c)
            && !space
            && (j >= n || !is_word_char(chars[j].1))
            && tokens
                .last()
                .is_some_and(|p: &Token| p.kind == TokKind::Word && p.norm.ends_with('s'))
            && !single_quote_open(&tokens)
        {
            tok.kind = TokKind::Word;
            tok.norm = "'s".to_string();
        }
        tokens.push(tok);
        space = false;
        newline = false;
        i = j;
    }
    tokens
}

/// Whether a single quotation mark was opened in the last few tokens
/// ("the 'Serbs'": the closing mark is no possessive).
fn single_quote_open(tokens: &[Token]) -> bool {
    let n = tokens.len();
    (n.saturating_sub(8)..n).rev().any(|k| {
        tokens[k].norm == "'"
            && tokens[k].space_before
            && tokens.get(k + 1).is_some_and(|x| !x.space_before)
    })
}

fn make_token(
    text: &str,
    start: usize,
    end: usize,
    kind: TokKind,
    space: bool,
    newline: bool,
) -> Token {
    let raw = &text[start..end];
    let norm = fold(raw);
    let norm = if norm == "'" && (raw == "’" || raw == "'") {
        "'".to_string()
    } else {
        norm
    };
    Token {
        start,
        end,
        kind,
        capitalised: raw.chars().next().is_some_and(char::is_uppercase),
        all_caps: all_caps(raw),
        norm,
        space_before: space,
        newline_before: newline,
        in_quote: false,
        quote: None,
    }
}

/// Whether every letter is upper case, with at least two letters (an acronym).
fn all_caps(raw: &str) -> bool {
    let mut letters = 0;
    for c in raw.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

fn split_sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    let push = |out: &mut Vec<Sentence>, a: usize, b: usize| {
        if b > a {
            out.push(Sentence {
                first: a,
                last: b,
                start: tokens[a].start,
                end: tokens[b - 1].end,
            });
        }
    };
    let mut i = 0;
    while i < n {
        // a run-on "sentence" (a list, a table, a text without punctuation) is cut
        // so that the work per sentence stays bounded
        if i >= first + MAX_SENTENCE_TOKENS {
            push(&mut out, first, i);
            first = i;
        }
        if i > first && tokens[i].newline_before {
            push(&mut out, first, i);
            first = i;
        }
        let t = &tokens[i];
        if t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "…") {
            // absorb closing quotes and brackets
            let mut k = i + 1;
            while k < n
                && !tokens[k].newline_before
                && (tokens[k].kind == TokKind::CloseQuote
                    || matches!(tokens[k].norm.as_str(), ")" | "]" | "'"))
            {
                k += 1;
            }
            let abbrev = t.norm == "."
                && i > 0
                && !t.space_before
                && tokens[i - 1].kind == TokKind::Word
                && (ABBREVIATIONS.contains(&tokens[i - 1].norm.as_str())
                    || (tokens[i - 1].norm.chars().count() == 1 && tokens[i - 1].capitalised));
            let next_starts = k >= n
                || tokens[k].newline_before
                || tokens[k].capitalised
                || tokens[k].kind == TokKind::Number
                || tokens[k].kind == TokKind::OpenQuote;
            if !abbrev && next_starts && k > first {
                push(&mut out, first, k);
                first = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, first, n);
    out
}

fn mark_quotes(t: &mut Text) {
    let n = t.tokens.len();
    let mut i = 0;
    while i < n {
        if t.tokens[i].kind == TokKind::OpenQuote {
            let open = i;
            let mut j = i + 1;
            let mut closed = false;
            while j < n {
                if t.tokens[j].kind == TokKind::CloseQuote {
                    closed = true;
                    break;
                }
                if t.tokens[j].kind == TokKind::OpenQuote {
                    break;
                }
                // a quote left open ends with its paragraph unless the next
                // paragraph continues it (it then starts with an opening mark)
                if t.tokens[j].newline_before && !closed {
                    break;
                }
                j += 1;
            }
            let close = if closed {
                j
            } else {
                j.saturating_sub(1).max(open)
            };
            let q = t.quotes.len();
            for tok in &mut t.tokens[open..=close.min(n - 1)] {
                tok.in_quote = true;
                tok.quote = Some(q);
            }
            t.quotes.push(Quote {
                open,
                close,
                closed,
            });
            i = if closed { close + 1 } else { j };
        } else {
            i += 1;
        }
    }
}

/// Levenshtein distance in characters.
/// Whether a word is a compound joined by a hyphen inside it ("cease-fire").
pub fn is_hyphenated(w: &str) -> bool {
    w.char_indices()
        .any(|(i, c)| c == '-' && i > 0 && i + 1 < w.len())
}

/// The value of a cardinal written as a word, "one" to "twelve".
pub fn number_word(w: &str) -> Option<usize> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    })
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Known lower-case compounds become one token with the span of all
    /// three; names and unknown compounds stay split; sentences and
    /// quotations keep covering the same text.
    #[test]
    fn known_compounds_are_joined_and_indices_follow() {
        let text = "Egypt brokered a cease-fire. \"The EU-brokered re-election talks,\" he said. A half-built wall stood.";
        let plain = analyse(text, 0);
        let mut t = analyse(text, 0);
        t.annotate(crate::knowledge::Knowledge::get());
        let norms: Vec<&str> = t.tokens.iter().map(|x| x.norm.as_str()).collect();
        assert!(norms.contains(&"cease-fire"), "{norms:?}");
        assert!(norms.contains(&"re-election"), "{norms:?}");
        assert!(!norms.contains(&"eu-brokered") && norms.contains(&"brokered"));
        assert!(!norms.contains(&"half-built") && norms.contains(&"half"));
        assert_eq!(t.tokens.len(), plain.tokens.len() - 4);
        let cf = t
            .tokens
            .iter()
            .find(|x| x.norm == "cease-fire")
            .expect("joined");
        assert_eq!(&text[cf.start..cf.end], "cease-fire");
        assert_eq!(t.sentences.len(), plain.sentences.len());
        for (a, b) in t.sentences.iter().zip(&plain.sentences) {
            assert_eq!((a.start, a.end), (b.start, b.end));
            assert_eq!(t.tokens[a.first].start, a.start);
            assert_eq!(t.tokens[a.last - 1].end, a.end);
        }
        for (a, b) in t.quotes.iter().zip(&plain.quotes) {
            assert_eq!(t.tokens[a.open].start, plain.tokens[b.open].start);
            assert_eq!(t.tokens[a.close].start, plain.tokens[b.close].start);
        }
    }

    #[test]
    fn ascii_folding_matches_the_unicode_path() {
        let mut cases: Vec<String> = [
            "  Foo   BAR\t`s ",
            "U.S.-led",
            "al-Shabaab",
            "A\nB\x0bC\x0c",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every pair of ASCII characters
        for a in 0u8..128 {
            for b in 0u8..128 {
                cases.push(format!("{}{} x", char::from(a), char::from(b)));
            }
        }
        for s in cases {
            assert_eq!(fold(&s), fold_unicode(&s), "{s:?}");
        }
    }

    #[test]
    fn acronyms_are_words_of_two_or_more_capitals() {
        for (w, caps) in [
            ("NATO", true),
            ("U.S.", true),
            ("UN", true),
            ("ÉU", true),
            ("Nato", false),
            ("NATOs", false),
            ("A", false),
            ("A1", false),
            ("F-16", false),
            ("M23", false),
            ("2024", false),
        ] {
            let slow = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            assert_eq!(all_caps(w), caps, "{w}");
            assert_eq!(all_caps(w), slow, "{w}");
        }
    }

    #[test]
    fn single_marks_fold_as_the_unicode_path() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(fold(&s), fold_unicode(&s), "{:?}", c);
        }
    }

    fn sentences(s: &str) -> Vec<String> {
        let t = analyse(s, 0);
        t.sentences
            .iter()
            .map(|x| s[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn fold_removes_case_and_diacritics() {
        assert_eq!(fold("Vučić"), "vucic");
        assert_eq!(fold("Kosovo’s  North"), "kosovo's north");
        assert_eq!(fold("Kosovo–Serbia"), "kosovo-serbia");
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let s = sentences(
            "Mr. Vucic met U.S. envoys. “We will not go,” he said. Then he left!\nNew line",
        );
        assert_eq!(
            s,
            vec![
                "Mr. Vucic met U.S. envoys.",
                "“We will not go,” he said.",
                "Then he left!",
                "New line"
            ]
        );
    }

    #[test]
    fn possessives_and_hyphens_are_split() {
        let t = analyse("Kosovo’s EU-brokered talks aren't over.", 0);
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            ["kosovo", "'s", "eu", "-", "brokered", "talks", "are", "n't", "over", "."]
        );
        assert!(!t.tokens[3].space_before);
        // the bare apostrophe after -s is a possessive too; a closing quotation mark is not
        let t = analyse("the United States’ recognition of the 'Serbs' rights", 0);
        let norms: Vec<&str> = t.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "the",
                "united",
                "states",
                "'s",
                "recognition",
                "of",
                "the",
                "'",
                "serbs",
                "'",
                "rights"
            ]
        );
    }

    #[test]
    fn quotes_span_sentences() {
        let t = analyse("“One. Two,” she said. Three.", 0);
        assert_eq!(t.quotes.len(), 1);
        assert!(t.tokens[1].in_quote);
        assert!(!t.tokens[t.tokens.len() - 2].in_quote);
    }
}
