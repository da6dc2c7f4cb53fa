//! Persons, found by general patterns (never by a list of names):
//!
//! * role + name: "Serbian President Aleksandar Vucic", "MGIMO professor Elena Ponomareva";
//! * name + apposition: "Petar Petkovic, head of the office …", or + "as" and a
//!   role: "recognised Juan Guaidó as Venezuela's interim president";
//! * role phrase + apposed name: "Serbia's president, Aleksandar Vucic,";
//! * title + name: "Mr. Kurti";
//! * name next to a speech verb: "said Ekaterina Entina";
//!
//! then later mentions of a known person (surname, "Mr." + near-miss
//! spelling), and role descriptions without a name ("the Serbian president",
//! "the political scientist") resolved to the person of that role.

use crate::knowledge::{Class, Hit, Knowledge};
use crate::model::{entity_key, Entity, EntityType};
use crate::relations::patterns::TriggerIndex;
use crate::text::{edit_distance, fold, Text, TokKind};

use super::{Mention, Mentions, Ref, Span, Via};

/// Words of tenure before a role: "Kenya's former president", "Name, the
/// acting prime minister".
const TENURE: &[&str] = &[
    "former", "then", "acting", "interim", "outgoing", "incoming", "late", "current", "new",
];

const PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "da", "el", "ibn", "ben", "der", "la", "di", "du",
];

fn is_name_token(k: &Knowledge, t: &Text, i: usize, names: &[Span], m: &Mentions) -> bool {
    let tok = &t.tokens[i];
    tok.kind == TokKind::Word
        && tok.capitalised
        && m.cover[i].is_none()
        && tok.norm.chars().count() >= 2
        && !tok.norm.contains('.')
        && !k.is(Class::NotName, &tok.norm)
        && !m.roles.contains_key(&i)
        && !super::in_span(names, i)
        && tok.norm.chars().any(|c| c.is_alphabetic())
        && !tok.all_caps // an acronym is not a name
}

/// The maximal name span starting at `i`: capitalised words, hyphen joins, particles.
fn name_span(k: &Knowledge, t: &Text, i: usize, names: &[Span], m: &Mentions) -> Option<usize> {
    if !is_name_token(k, t, i, names, m) {
        return None;
    }
    let n = t.tokens.len();
    let mut j = i + 1;
    while j < n && j < i + 6 && !t.tokens[j].newline_before {
        // a surname may be written in capitals after a given name ("Aleksandar VUCIC")
        let caps_surname = t.tokens[j].all_caps
            && t.tokens[j].kind == TokKind::Word
            && m.cover[j].is_none()
            && !super::in_span(names, j)
            && !k.is(Class::NotName, &t.tokens[j].norm);
        if (is_name_token(k, t, j, names, m) || caps_surname) && t.tokens[j].space_before {
            j += 1;
        } else if j + 2 < n
            && PARTICLES.contains(&t.tokens[j].norm.as_str())
            && t.tokens[j + 1].norm == "-"
            && !t.tokens[j + 1].space_before
            && !t.tokens[j + 2].space_before
            && is_name_token(k, t, j + 2, names, m)
        {
            // "al-Sisi", "el-Sisi", "bin-Zayed"
            j += 3;
        } else if j + 1 < n
            && is_name_token(k, t, j + 1, names, m)
            && ((t.tokens[j].norm == "-"
                && !t.tokens[j].space_before
                && !t.tokens[j + 1].space_before)
                || PARTICLES.contains(&t.tokens[j].norm.as_str()))
        {
            // "Jean-Yves", "bin Salman"
            j += 2;
        } else if j + 1 < n
            && t.tokens[j].norm == "-"
            && !t.tokens[j].space_before
            && !t.tokens[j + 1].space_before
            && t.tokens[j + 1].kind == TokKind::Word
            && !t.tokens[j + 1].capitalised
            && (2..=5).contains(&t.tokens[j + 1].norm.chars().count())
            && !k.is(Class::Patron, &t.tokens[j + 1].norm)
            && t.tokens
                .get(j + 2)
                .is_none_or(|x| x.space_before || x.kind != TokKind::Word)
        {
            // the second syllable of a Korean or Chinese given name: "Kim
            // Jong-un", "Lai Ching-te", "Lee Jae-myung" (not "Rwanda-backed",
            // which has no name before, nor a patron's participle)
            j += 2;
        } else {
            break;
        }
    }
    Some(j)
}

fn words_in(t: &Text, a: usize, b: usize) -> usize {
    t.tokens[a..b]
        .iter()
        .filter(|x| x.kind == TokKind::Word && x.norm != "-")
        .count()
}

/// The affiliation named by a gazetteer span ending at `end` (optionally
/// followed by `'s`): where the span starts, and its hit.
fn affiliation_before(t: &Text, names: &[Span], end: usize) -> Option<(usize, Hit)> {
    // (over a word of tenure: "Kenya's former president")
    let mut end = end;
    while end > 0 && TENURE.contains(&t.tokens[end - 1].norm.as_str()) {
        end -= 1;
    }
    let e = if end > 0 && t.tokens[end - 1].norm == "'s" {
        end - 1
    } else {
        end
    };
    let s = super::span_ending(names, e)?;
    Some((s.first, span_key(s.hit)?))
}

/// The affiliation named inside tokens `a..b` (first gazetteer span).
fn affiliation_within(names: &[Span], a: usize, b: usize) -> Option<Hit> {
    super::spans_within(names, a, b)
        .iter()
        .filter(|s| s.last <= b)
        .find_map(|s| span_key(s.hit))
}

fn span_key(hit: Hit) -> Option<Hit> {
    matches!(
        hit,
        Hit::StateName(_) | Hit::Capital(_) | Hit::Adjective(_) | Hit::Org(_)
    )
    .then_some(hit)
}

/// The entity key of an affiliation, creating the state or organisation so
/// that "his country" and "we" can stand for it even where it is not named
/// on its own ("“We …,” said Serbian Foreign Minister Ivica Dacic").
fn affiliation_key(k: &Knowledge, m: &mut Mentions, hit: Hit) -> Option<String> {
    let e = match hit {
        Hit::StateName(s) | Hit::Capital(s) | Hit::Adjective(s) => m.state(k, s),
        Hit::Org(o) => m.org(k, o),
        _ => return None,
    };
    Some(m.entities[e].key.clone())
}

fn speech_at(k: &Knowledge, t: &Text, i: usize) -> bool {
    t.tokens
        .get(i)
        .is_some_and(|x| k.is(Class::Speech, &x.norm))
}

/// Strong patterns: a name is a person when its context says so.
pub fn find_strong(k: &Knowledge, text: &str, t: &Text, names: &[Span], m: &mut Mentions) {
    let n = t.tokens.len();
    let mut i = 0;
    while i < n {
        // after a role, a first name may also be a city ("Defence Minister Wellington Koo")
        let role_before = m.role_ends.contains_key(&i);
        let city_first = role_before
            && m.cover[i].is_none()
            && names
                .iter()
                .any(|s| s.first == i && s.last == i + 1 && matches!(s.hit, Hit::Capital(_)))
            && i + 1 < n
            && t.tokens[i + 1].space_before;
        let span = if city_first {
            name_span(k, t, i + 1, names, m)
        } else {
            name_span(k, t, i, names, m)
        };
        let Some(end) = span else {
            i += 1;
            continue;
        };
        let nwords = words_in(t, i, end);
        let mut role: Option<(usize, usize)> = None; // (role idx, mention start)
        let mut affil: Option<Hit> = None;
        let mut extra: Option<(usize, usize)> = None; // a role phrase mention elsewhere
                                                      // (a) role immediately before
        if let Some(&(rs, r)) = m.role_ends.get(&i) {
            let (start, a) = match affiliation_before(t, names, rs) {
                Some((s, key)) => (s, Some(key)),
                None => {
                    // an unknown capitalised modifier ("MGIMO professor")
                    (rs, None)
                }
            };
            role = Some((r, start));
            affil = a;
        }
        // (d) title before
        let titled = i > 0
            && (k.is(Class::Title, &t.tokens[i - 1].norm)
                || (i > 1
                    && t.tokens[i - 1].norm == "."
                    && k.is(Class::Title, &t.tokens[i - 2].norm)));
        // (b) apposition after: "Name, (the) (X's) role", or the predicative
        // "as": "recognised Name as Venezuela's interim president"
        if role.is_none() && end < n && matches!(t.tokens[end].norm.as_str(), "," | "as") {
            let mut j = end + 1;
            while j < n && j < end + 7 {
                if let Some(&(_, r)) = m.roles.get(&j) {
                    role = Some((r, i));
                    affil = affiliation_within(names, end + 1, (j + 6).min(n));
                    break;
                }
                let w = &t.tokens[j].norm;
                let skippable = matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "'s" | "deputy" | "chief" | "senior" | "legitimate"
                ) || TENURE.contains(&w.as_str())
                    || super::in_span(names, j)
                    || t.tokens[j].capitalised;
                if !skippable {
                    break;
                }
                j += 1;
            }
        }
        // (c) role phrase before with a comma: "Serbia's president, Name,"
        if role.is_none() && i > 1 && t.tokens[i - 1].norm == "," {
            let comma = i - 1;
            let from = comma.saturating_sub(8);
            let found = m
                .roles
                .iter()
                .filter(|(s, (e, _))| **s >= from && *e <= comma)
                .max_by_key(|(s, _)| **s)
                .map(|(s, (e, r))| (*s, *e, *r));
            if let Some((rs, _re, r)) = found {
                // the role phrase must not contain a verb-like break
                let clean = t.tokens[rs..comma]
                    .iter()
                    .all(|x| x.kind == TokKind::Word || x.norm == "'s" || x.norm == "-");
                if clean {
                    let mut ps = rs;
                    if let Some((s, key)) = affiliation_before(t, names, rs) {
                        ps = s;
                        affil = Some(key);
                    } else {
                        affil = affiliation_within(names, rs, comma);
                    }
                    while ps > 0 && matches!(t.tokens[ps - 1].norm.as_str(), "the" | "a") {
                        ps -= 1;
                    }
                    role = Some((r, i));
                    extra = Some((ps, comma));
                }
            }
        }
        // ("the Tamil Tigers said": a person's name takes no article)
        let speech = nwords >= 2
            && (speech_at(k, t, end) || (i > 0 && speech_at(k, t, i - 1)))
            && !(i > 0 && t.tokens[i - 1].norm == "the");
        let is_person = (role.is_some()
            && nwords >= 1
            && (nwords >= 2 || titled || role.is_some_and(|(_, s)| s < i)))
            || (titled && nwords >= 2)
            || speech;
        if !is_person || (nwords == 1 && !titled && role.is_none()) {
            i = end;
            continue;
        }
        let mut e = super::named_entity(EntityType::Person, &super::span_text(text, t, i, end));
        if let Some((r, _)) = role {
            e.role = Some(k.roles[r].name.clone());
        }
        let start = role.map(|(_, s)| s).unwrap_or(i).min(i);
        // "In Belgrade, President Aleksandar Vucic …": a head of state or
        // government placed in a capital at the sentence's start is its state's
        if affil.is_none() && role.is_some_and(|(r, _)| k.roles[r].kind == "head") {
            let first = t.sentences[t.sentence_of(start)].first;
            affil = names
                .iter()
                .find(|x| {
                    x.first == first + 1
                        && x.last + 1 == start
                        && matches!(x.hit, Hit::Capital(_) | Hit::StateName(_))
                })
                .filter(|x| t.tokens[first].norm == "in" && t.tokens[x.last].norm == ",")
                .map(|x| x.hit);
        }
        e.affiliation = affil.and_then(|h| affiliation_key(k, m, h));
        let ei = m.entity(e);
        m.push(Mention::of_entity(start, end, ei, Via::Name));
        if let Some((a, b)) = extra {
            m.push(Mention::of_entity(a, b, ei, Via::Role));
        }
        i = end;
    }
}

/// A person as later mentions are matched against it: its index, its
/// folded name and its folded surname.
fn known_person(i: usize, e: &Entity) -> (usize, String, String) {
    let f = fold(&e.label);
    let surname = f.split(' ').next_back().unwrap_or("").to_string();
    (i, f, surname)
}

/// Later mentions of known persons: full name, surname, "Mr. X", near misses.
pub fn find_weak(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let mut persons: Vec<(usize, String, String)> = m
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.etype == EntityType::Person)
        .map(|(i, e)| known_person(i, e))
        .collect();
    let n = t.tokens.len();
    // where a sentence or line starts (after an opening quote too): a lone
    // capitalised word there may be a common noun ("Officials said")
    let mut initial = vec![false; n];
    for s in &t.sentences {
        let mut f = s.first;
        while f < s.last && t.tokens[f].kind != TokKind::Word {
            f += 1;
        }
        if f < n {
            initial[f] = true;
        }
    }
    for (x, tok) in t.tokens.iter().enumerate() {
        if tok.newline_before {
            initial[x] = true;
        }
    }
    let mut i = 0;
    while i < n {
        let tok = &t.tokens[i];
        if m.cover[i].is_some() || tok.kind != TokKind::Word || !tok.capitalised {
            i += 1;
            continue;
        }
        // up to three capitalised words
        let mut end = i + 1;
        while end < n
            && end < i + 3
            && t.tokens[end].capitalised
            && t.tokens[end].kind == TokKind::Word
            && m.cover[end].is_none()
            && t.tokens[end].space_before
        {
            end += 1;
        }
        let titled = i > 0
            && (k.is(Class::Title, &t.tokens[i - 1].norm)
                || (i > 1
                    && t.tokens[i - 1].norm == "."
                    && k.is(Class::Title, &t.tokens[i - 2].norm)));
        let mut found = None;
        for e in (i + 1..=end).rev().filter(|_| !persons.is_empty()) {
            let words: Vec<&str> = t.tokens[i..e].iter().map(|x| x.norm.as_str()).collect();
            let phrase = words.join(" ");
            if let Some(p) = persons
                .iter()
                .find(|(_, f, s)| *f == phrase || (*s == phrase && s.len() >= 3))
            {
                found = Some((p.0, e));
                break;
            }
        }
        if found.is_none() && !k.is(Class::NotName, &tok.norm) {
            // near misses of a surname: "Mr. Vučicofi", "Vucicc"
            let w = &tok.norm;
            for (pi, _, s) in &persons {
                if s.len() < 4
                    || w.len().abs_diff(s.len()) > 3
                    || w.as_bytes().first() != s.as_bytes().first()
                {
                    continue;
                }
                let close = edit_distance(w, s) <= if titled { 3 } else { 1 };
                // the first four letters (not bytes: names may be in any script)
                let head: String = s.chars().take(4).collect();
                let prefix = titled
                    && w.chars().count() >= 4
                    && s.chars().count() >= 4
                    && w.starts_with(&head);
                if (close && w.len() >= 5) || prefix {
                    found = Some((*pi, i + 1));
                    break;
                }
            }
        }
        if found.is_none() && titled && !k.is(Class::NotName, &tok.norm) {
            // "Mr. Smith" with no fuller mention in the document
            let ei = m.entity(super::named_entity(
                EntityType::Person,
                &super::span_text(text, t, i, end),
            ));
            found = Some((ei, end));
        }
        if found.is_none() && !titled && talks_pair_name(k, t, m, i, end) {
            // "a meeting between Putin and Zelensky"
            let person =
                super::named_entity(EntityType::Person, &super::span_text(text, t, i, end));
            let ei = m.entity(person);
            persons.push(known_person(ei, &m.entities[ei]));
            found = Some((ei, end));
        }
        if found.is_none() && !titled {
            // a name in a subject's place that the article never gave in full
            if let Some(e) = subject_name(k, t, m, i, end, &initial) {
                let mut person =
                    super::named_entity(EntityType::Person, &super::span_text(text, t, i, e));
                person.affiliation = state_possessor(t, m, i).map(|s| m.entities[s].key.clone());
                let ei = m.entity(person);
                // later mentions anywhere in the article are this person
                persons.push(known_person(ei, &m.entities[ei]));
                found = Some((ei, e));
            }
        }
        if let Some((p, e)) = found {
            let start = if titled {
                if t.tokens[i - 1].norm == "." {
                    i - 2
                } else {
                    i - 1
                }
            } else {
                i
            };
            let start = if (start..i).all(|x| m.cover[x].is_none()) {
                start
            } else {
                i
            };
            m.push(Mention::of_entity(start, e, p, Via::Name));
            i = e;
            continue;
        }
        i += 1;
    }
}

/// Whether the bare name `[i, end)` is one side of "between A and B" after
/// a noun of talks: "a meeting between Putin and Zelensky" (each side a
/// name the lexicon and gazetteer do not know).
fn talks_pair_name(k: &Knowledge, t: &Text, m: &Mentions, i: usize, end: usize) -> bool {
    let toks = &t.tokens;
    if !(i..end).all(|x| bare_name_word(k, &toks[x])) || i < 2 {
        return false;
    }
    let talks_before =
        |b: usize| (b.saturating_sub(3)..b).any(|x| k.is(Class::Talks, &toks[x].norm));
    let name_at = |x: usize| {
        toks.get(x)
            .is_some_and(|y| bare_name_word(k, y) && m.cover[x].is_none())
    };
    match toks[i - 1].norm.as_str() {
        // the first side, with a second bare name after "and"
        "between" => talks_before(i - 1) && toks.get(end).is_some_and(|x| x.norm == "and") && name_at(end + 1),
        // the second side, the first found so
        "and" => m.cover[i - 2].is_some_and(|mi| {
            let f = m.list[mi].first;
            f >= 1 && toks[f - 1].norm == "between" && talks_before(f - 1)
                && matches!(m.list[mi].referent, super::Ref::Entity(e) if m.entities[e].etype == EntityType::Person)
        }),
        _ => false,
    }
}

/// A word that can be part of a name found only by its place in the clause:
/// capitalised, not an acronym, and unknown to the lexicon and the triggers
/// ("Accuses" in a title-case headline is a verb, "Officials" a common noun).
fn bare_name_word(k: &Knowledge, tok: &crate::text::Token) -> bool {
    tok.kind == TokKind::Word
        && tok.capitalised
        && !tok.all_caps
        && tok.norm.chars().count() >= 2
        && tok.norm.chars().all(|c| c.is_alphabetic() || c == '-')
        && k.classes(&tok.norm).is_empty()
        && !TriggerIndex::get().starts_verb(&tok.norm)
}

/// Whether a verb follows `at`, possibly after auxiliaries and adverbs
/// ("has repeatedly accused", "on Monday said") and verbs of refusing or
/// intending with their "to" ("refused to rule out sending", "plans to
/// send").
fn verb_follows(k: &Knowledge, t: &Text, at: usize) -> bool {
    let triggers = TriggerIndex::get();
    let end = (at + 7).min(t.tokens.len());
    let mut j = at;
    while j < end {
        let w = &t.tokens[j].norm;
        // "states", "claims", "reports": a plural noun as often as a verb
        let verb = triggers.starts_verb(w)
            || k.is(Class::Denial, w)
            || (k.is(Class::Enact, w) && !w.ends_with('s'))
            || (k.is(Class::Speech, w) && (!w.ends_with('s') || w == "says"));
        if verb {
            return true;
        }
        // a one- or two-word cue of refusing or intending ("refused to",
        // "rule out", "intends to"), then an optional "to"
        let cue = |class: Class| {
            if k.is(class, w) {
                Some(j + 1)
            } else {
                let next = t.tokens.get(j + 1)?;
                k.is(class, &format!("{w} {}", next.norm)).then_some(j + 2)
            }
        };
        if k.is(Class::Auxiliary, w) || (w.len() > 4 && w.ends_with("ly")) {
            j += 1;
        } else if let Some(after) = cue(Class::Negation).or_else(|| cue(Class::Modal)) {
            j = after;
            if t.tokens.get(j).is_some_and(|x| x.norm == "to") {
                j += 1;
            }
        } else {
            return false;
        }
    }
    false
}

/// Whether a word at the start of a sentence looks like a plural common
/// noun ("Officials", "Witnesses", "Militias", "Gunmen") rather than a
/// surname ("Abbas", "Mitsotakis").
fn looks_plural(k: &Knowledge, w: &str) -> bool {
    let b = w.as_bytes();
    if w.ends_with("men") || w.ends_with("es") {
        return true;
    }
    if b.len() < 3 || b[b.len() - 1] != b's' {
        return false;
    }
    !matches!(b[b.len() - 2], b'a' | b'i' | b'o' | b'u') || !k.classes(&w[..w.len() - 1]).is_empty()
}

/// The state whose possessive stands right before token `i` ("Turkey's").
fn state_possessor(t: &Text, m: &Mentions, i: usize) -> Option<usize> {
    if i < 2 || t.tokens[i - 1].norm != "'s" {
        return None;
    }
    let mi = m.cover[i - 2]?;
    match m.list[mi].referent {
        Ref::Entity(e) if m.entities[e].etype == EntityType::State => Some(e),
        _ => None,
    }
}

/// A name in a subject's place, found by the clause around it rather than a
/// title or role: "Putin accused NATO …", "On Monday, Erdogan said …",
/// "…, Scholz said.", "said Scholz.", "according to Scholz", the accused
/// after a verb of accusing ("accused Zelensky of …"), or a force's owner
/// ("forces loyal to Haftar", "Haftar's forces"). Returns the end of the name. The clause
/// must start right before it (sentence start, punctuation or a conjunction)
/// so that "the Arakan Army accused" or "Gulf states" stay no person.
fn subject_name(
    k: &Knowledge,
    t: &Text,
    m: &Mentions,
    i: usize,
    end: usize,
    starts: &[bool],
) -> Option<usize> {
    let initial = starts[i];
    let toks = &t.tokens;
    let mut e = i;
    while e < end && bare_name_word(k, &toks[e]) {
        e += 1;
    }
    if e == i {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let speech_before = prev.is_some_and(|p| {
        k.is(Class::Speech, &p.norm) || (p.norm == "to" && i > 1 && toks[i - 2].norm == "according")
    });
    // the accused of a verb of accusing: "Russia accused Zelensky of …",
    // "Vucic accuses Kosovo's Kurti of …"
    let of_state = state_possessor(t, m, i).is_some();
    let verb_before = if of_state {
        m.cover[i - 2]
            .map(|x| m.list[x].first)
            .and_then(|f| f.checked_sub(1))
            .map(|f| &toks[f])
    } else {
        prev
    };
    let accused = verb_before.is_some_and(|p| TriggerIndex::get().is_accuse_verb(&p.norm))
        && toks
            .get(e)
            .is_some_and(|x| matches!(x.norm.as_str(), "of" | "for"));
    // "Yesterday Zelensky accused …": an adverb opening the sentence
    let opener = i > 0 && starts[i - 1] && k.is(Class::Auxiliary, &toks[i - 1].norm);
    // "Turkey's Erdogan hosted …": a state's possessive before a name
    let clause_start = initial
        || opener
        || of_state
        || prev.is_some_and(|p| {
            (p.kind != TokKind::Word && p.norm != "'s" && p.norm != "-")
                || p.norm == "and"
                || k.is(Class::ClauseBreak, &p.norm)
        });
    let clause_ends = toks.get(e).is_none_or(|x| x.kind != TokKind::Word);
    // "forces loyal to Haftar", "Haftar's forces": a force's owner
    let owner = || {
        (i > 1 && toks[i - 1].norm == "to" && toks[i - 2].norm == "loyal")
            || (toks.get(e).is_some_and(|x| x.norm == "'s")
                && super::phrases::phrase_at(k, t, e + 1, Class::Force).is_some())
    };
    // "Tshisekedi, who has repeatedly accused Kagame …", "Erdogan, speaking
    // in Ankara, accused …" (a participle's clause between commas, then a verb)
    let relative = || {
        toks.get(e).is_some_and(|x| x.norm == ",")
            && toks.get(e + 1).is_some_and(|x| {
                x.norm == "who"
                    || (x.norm.ends_with("ing")
                        && x.norm.len() > 5
                        && (e + 2..(e + 10).min(toks.len()))
                            .find(|&j| toks[j].norm == ",")
                            .is_some_and(|j| verb_follows(k, t, j + 1)))
            })
    };
    // "Maduro's re-election", "Assad's regime", "the government of Nicolas
    // Maduro", "the Maduro government": a name holding office
    let office = || {
        (toks.get(e).is_some_and(|x| x.norm == "'s")
            && super::phrases::class_at(k, t, e + 1, Class::Office))
            || (i >= 3
                && toks[i - 1].norm == "of"
                && toks[i - 3].norm == "the"
                && k.is(Class::Office, &toks[i - 2].norm))
            || (i >= 1
                && toks[i - 1].norm == "the"
                && toks.get(e).is_some_and(|x| k.is(Class::Office, &x.norm)))
            // "refuses to recognise Lukashenko as president": named as holding a role
            || (toks.get(e).is_some_and(|x| x.norm == "as")
                && (e + 1..e + 5).any(|j| m.roles.contains_key(&j)))
    };
    let placed = accused
        || office()
        || (speech_before && clause_ends)
        || (clause_start && (verb_follows(k, t, e) || relative()))
        || owner();
    if !placed || (e == i + 1 && initial && looks_plural(k, &toks[i].norm)) {
        return None;
    }
    Some(e)
}

/// Role descriptions without a name: "the Serbian president", "Serbia's
/// president", "the political scientist". Resolved to the person in the
/// document with that role (and affiliation, when given); otherwise, for
/// officials of a named state, to the state.
pub fn resolve_roles(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let n = t.tokens.len();
    let mut roles: Vec<(usize, usize, usize)> =
        m.roles.iter().map(|(s, (e, r))| (*s, *e, *r)).collect();
    roles.sort();
    // where each person is mentioned, for resolving role descriptions in O(persons · log mentions)
    let mut by_person: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for mm in m.list.iter().filter(|x| x.first != usize::MAX) {
        if let Ref::Entity(e) = mm.referent {
            if m.entities[e].etype == EntityType::Person {
                by_person.entry(e).or_default().push(mm.first);
            }
        }
    }
    by_person.values_mut().for_each(|v| v.sort_unstable());
    for (rs, re, r) in roles {
        // "the Turkish leader": a state's phrase (its government) that is also
        // a role; a person in that role named before or after is meant
        let phrase = m.cover[rs].filter(|&mi| {
            let x = &m.list[mi];
            x.via == Via::Phrase
                && x.last == re
                && matches!(x.referent, Ref::Entity(e) if m.entities[e].etype == EntityType::State)
                && x.first + 1 == rs
        });
        let mut start = rs;
        let mut end = re;
        let mut affil = None;
        if let Some(mi) = phrase {
            if let Ref::Entity(e) = m.list[mi].referent {
                affil = Some(m.entities[e].key.clone());
                start = m.list[mi].first;
            }
        } else if (rs..re).any(|x| m.cover[x].is_some()) {
            continue;
        }
        // modifier before: "the Serbian president", "Serbia's president"
        let before = if rs > 0 && t.tokens[rs - 1].norm == "'s" {
            rs - 1
        } else {
            rs
        };
        if before > 0 && phrase.is_none() {
            if let Some(mi) = m.cover[before - 1] {
                match (&m.list[mi].referent, m.list[mi].via) {
                    (Ref::Adjective(s), _) => {
                        affil = Some(entity_key(EntityType::State, &k.states[*s].name));
                        start = m.list[mi].first;
                    }
                    (Ref::Entity(e), Via::Name | Via::Capital)
                        if matches!(
                            m.entities[*e].etype,
                            EntityType::State | EntityType::Organisation
                        ) || (before == rs
                            && m.entities[*e].etype == EntityType::ArmedForce) =>
                    {
                        affil = Some(m.entities[*e].key.clone());
                        start = m.list[mi].first;
                    }
                    // "the Chinese foreign ministry spokesman", "the Israeli military
                    // spokesman", "the Ukrainian military's spokesman"
                    (Ref::Entity(e), Via::Phrase)
                        if matches!(
                            m.entities[*e].etype,
                            EntityType::State | EntityType::ArmedForce
                        ) =>
                    {
                        affil = Some(m.entities[*e].key.clone());
                        start = m.list[mi].first;
                    }
                    _ => {}
                }
            }
        }
        // "President of Serbia", "the head of the Serbian cabinet", "a
        // spokesman for the Ethiopian government" (a voice speaks for its
        // body; "the envoy for Sudan" is sent to it)
        let of = match t.tokens.get(end).map(|x| x.norm.as_str()) {
            Some("of") => true,
            Some("for") => k.roles[r].kind == "voice",
            _ => false,
        };
        if affil.is_none() && end + 1 < n && of {
            let mut j = end + 1;
            while j < n && j < end + 4 && m.cover[j].is_none() {
                j += 1;
            }
            if j < n {
                if let Some(mi) = m.cover[j] {
                    match &m.list[mi].referent {
                        Ref::Adjective(s) => {
                            affil = Some(entity_key(EntityType::State, &k.states[*s].name))
                        }
                        // (or a group or force: "a spokesman for Hamas",
                        // "the commander of the RSF", "a spokesman for the
                        // Ukrainian army", "the leader of the Tuareg rebels")
                        Ref::Entity(e)
                            if matches!(
                                m.entities[*e].etype,
                                EntityType::State
                                    | EntityType::Organisation
                                    | EntityType::ArmedForce
                                    | EntityType::Group
                            ) || k.org_by_name(&m.entities[*e].label).is_some() =>
                        {
                            affil = Some(m.entities[*e].key.clone())
                        }
                        _ => {}
                    }
                    if affil.is_some() {
                        // extend over a following head noun ("cabinet", "party")
                        end = m.list[mi].last;
                        if end < n
                            && t.tokens[end].kind == TokKind::Word
                            && !t.tokens[end].capitalised
                            && crate::mentions::phrases::phrase_at(k, t, end, Class::Government)
                                .is_some()
                        {
                            end += 1;
                        }
                    }
                }
            }
        }
        // ("a spokesman for Hamas": one of its voices, a description too)
        let indefinite = of && affil.is_some();
        let det = |w: &str| {
            matches!(w, "the" | "this" | "that") || (indefinite && matches!(w, "a" | "an"))
        };
        // (a rank between: "a senior official of", "the top commander of")
        let mut ranked = rs;
        while start == rs && ranked > 0 && k.is(Class::Rank, &t.tokens[ranked - 1].norm) {
            ranked -= 1;
        }
        let determined = start < rs || (ranked > 0 && det(t.tokens[ranked - 1].norm.as_str()));
        if !determined {
            continue;
        }
        if start == rs {
            start = ranked;
        }
        while start > 0 && det(t.tokens[start - 1].norm.as_str()) {
            start -= 1;
        }
        let role = &k.roles[r];
        // candidates: persons with a compatible role and the same affiliation
        let compatible = |e: &Entity| -> bool {
            if e.etype != EntityType::Person {
                return false;
            }
            let Some(er) = &e.role else { return false };
            let same_role = *er == role.name
                || k.roles
                    .iter()
                    .any(|x| x.name == *er && x.kind == role.kind && role.kind == "head");
            let kind_match = k.roles.iter().any(|x| x.name == *er && x.kind == role.kind);
            let affil_ok = match (&affil, &e.affiliation) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => false,
                (None, _) => true,
            };
            affil_ok && (same_role || (role.kind == "expert" && kind_match))
        };
        // nearest preceding mention of a compatible person, else the first following
        // per compatible person (few per document), its mention nearest before, else first after
        let mut before: Option<(usize, usize)> = None;
        let mut after: Option<(usize, usize)> = None;
        for (&e, positions) in &by_person {
            if !compatible(&m.entities[e]) {
                continue;
            }
            let k = positions.partition_point(|&p| p < start);
            if k > 0 && before.is_none_or(|(p, _)| positions[k - 1] > p) {
                before = Some((positions[k - 1], e));
            }
            if k < positions.len() && after.is_none_or(|(p, _)| positions[k] < p) {
                after = Some((positions[k], e));
            }
        }
        let best = before.or(after).map(|(_, e)| e);
        let target = match best {
            Some(e) => Some(e),
            // (the phrase stays the state's)
            None if phrase.is_some() => None,
            None => match &affil {
                Some(a) if role.kind != "expert" => m.by_key(a),
                // "Kenya held elections. The president accused …": an office of
                // state that no one named holds is the office of the state
                // the text is about, and in a text naming no state an actor
                // of its own ("The president accused the opposition of …")
                None if rs == ranked && k.is(Class::StateOffice, &fold(&role.name)) => {
                    super::salient_state(k, m, start)
                        .or_else(|| super::salient_state_not_named(k, t, m, start))
                        .map(|st| m.state(k, st))
                        .or_else(|| {
                            super::names_no_state(k, m).then(|| {
                                super::common_noun_actor(text, t, m, EntityType::Person, rs, re)
                            })
                        })
                }
                _ => None,
            },
        };
        if let Some(e) = target {
            m.replace(Mention::of_entity(start, end, e, Via::Role));
        }
    }
}

#[cfg(test)]
mod tests {
    /// Found by the extraction property test: a title before a name in a
    /// non-Latin script sliced a surname inside a character.
    #[test]
    fn near_miss_surnames_in_any_script() {
        let text = "Minister Zed Z'𖩇abc said. Mr. Z'𖩇 left. Mr. Zeбвгд came.";
        let r = crate::relations::extract(&crate::document::Document::new("x", text.into()));
        assert!(r.events.is_empty());
        let t = "President Ana Вучић said. Mr. Вучићи spoke.";
        let _ = crate::relations::extract(&crate::document::Document::new("y", t.into()));
    }
}
