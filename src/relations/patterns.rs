//! Relation patterns as data: `data/knowledge/patterns.conf` is parsed into
//! [`Pattern`]s (triggers + frame + examples) and compiled into a
//! [`TriggerIndex`] keyed by the first word of each form, so finding the
//! triggers of a sentence is one lookup per token.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::knowledge::Class;
use crate::model::Relation;
use crate::text::fold;

/// How a pattern reads its arguments (implemented in [`super::frames`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject acts on the object.
    Verb,
    /// A wrongdoing attributed by a speaker.
    Hostile,
    /// Subject sends or positions forces; the place follows.
    Deploy,
    /// A force moves into or over a place.
    Motion,
    /// A noun of the event with `of`/`by`/`to` arguments.
    Nominal,
    /// `X-brokered talks between A and B`.
    Compound,
    /// `through the mediation of X`.
    Pp,
    /// `X mediated talks between A and B`.
    Mediate,
    /// A noun of mediation with its mediator before it: "Egyptian mediation
    /// between A and B", "Qatar's mediation efforts between A and B".
    MediationNoun,
    /// Negative recognition by a verb of rejection.
    Reject,
    /// A noun of the relation: "Spain's recognition of Palestine".
    NounOf,
    /// A noun of accusation: "accusations by X that Y …", "X's allegations against Y".
    Claim,
    /// A switch of recognition: "X switched recognition from A to B".
    Switch,
    /// Mutual accusations: "A and B traded accusations" (each accuses the other).
    Mutual,
    /// A host and another's force: "Poland hosts US troops" (the force's
    /// owner deploys it in the host).
    Host,
    /// Recognition received from another: "Taiwan lost recognition from
    /// Nicaragua" (the one after "from" recognises the subject).
    Received,
    /// Another's force seen by the subject: "Taiwan detected 20 Chinese
    /// aircraft around the island" (the force's owner deploys it there).
    Sighted,
}

/// An expected extraction in a pattern example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Relation.
    pub relation: Relation,
    /// Agent label.
    pub agent: String,
    /// Target label, `None` for `-`.
    pub target: Option<String>,
    /// Negated (`!`).
    pub negated: bool,
    /// Hypothetical (`?`).
    pub hypothetical: bool,
}

/// One pattern of `patterns.conf`.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// Unique id (`accuse-verb`).
    pub id: String,
    /// The relation it extracts.
    pub relation: Relation,
    /// How it reads arguments.
    pub frame: Frame,
    /// Trigger forms, each a list of folded words.
    pub forms: Vec<Vec<String>>,
    /// Whether a force noun must appear in the object.
    pub needs_force: bool,
    /// Words one of which must follow the trigger within its object (`needs =
    /// word for | over`: "condemned Russia for …", "slammed Manila over …");
    /// empty for none.
    pub needs_word: Vec<String>,
    /// Whether a wrongdoing (lexicon class `wrongdoing`) must follow the
    /// trigger (`needs = wrongdoing`: "condemned X for its invasion", not
    /// "criticised X for blocking the package").
    pub needs_wrongdoing: bool,
    /// Whether the deployment needs a place (`needs = place`: "ordered troops
    /// to the border", not "ordered troops to withdraw").
    pub needs_place: bool,
    /// (deploy only) the force must follow the trigger at once, after
    /// numbers and quantity words only ("has about 1,500 troops in …").
    pub needs_adjacent_force: bool,
    /// (deploy only) the force must be the object even when the subject is
    /// a force (`needs = object force`: "police stepped up checks" adds no
    /// force; "the army reinforced its units" does).
    pub needs_object_force: bool,
    /// (deploy only) the trigger counts only when negated, and then tells
    /// the opposite (`needs = negation`: a withdrawal not made is a
    /// presence, "has not withdrawn its troops from Transnistria"); the
    /// place is the one withdrawn from.
    pub needs_negation: bool,
    /// Example sentences and what they must yield (empty = nothing).
    pub examples: Vec<(String, Vec<Expected>)>,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct TriggerHit {
    /// Pattern index.
    pub pattern: usize,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
}

/// All patterns and the index from first word to (pattern, form).
pub struct TriggerIndex {
    /// The patterns, in file order.
    pub patterns: Vec<Pattern>,
    by_first: HashMap<String, Vec<(usize, usize)>>,
    verb_first: HashSet<String>,
    /// First words of the forms of deployment and motion ("deploy", "move").
    deploy_first: HashSet<String>,
    accuse_verbs: HashSet<String>,
    /// Multi-word accusation and recognition forms, by their last word.
    prepositional_forms: HashMap<String, Vec<Vec<String>>>,
    /// The forms of a force's motion ("entered", "flew over"), by their last word.
    motion_forms: HashMap<String, Vec<Vec<String>>>,
    /// The hyphenated words of all forms ("go-between", "build-up").
    compounds: HashSet<String>,
}

const PATTERNS: &str = include_str!("../../data/knowledge/patterns.conf");

impl TriggerIndex {
    /// The built-in patterns, parsed once.
    pub fn get() -> &'static TriggerIndex {
        static P: OnceLock<TriggerIndex> = OnceLock::new();
        P.get_or_init(|| match TriggerIndex::parse(PATTERNS) {
            Ok(p) => p,
            Err(e) => panic!("built-in patterns are invalid: {e}"),
        })
    }

    /// Parses a patterns file.
    pub fn parse(src: &str) -> Result<TriggerIndex> {
        let err = |line: usize, message: String| Error::Knowledge {
            file: "patterns.conf".into(),
            line,
            message,
        };
        let mut patterns: Vec<Pattern> = Vec::new();
        for (ln, raw) in src.lines().enumerate() {
            let line = ln + 1;
            let l = raw.trim();
            if l.is_empty() || l.starts_with('#') {
                continue;
            }
            if let Some(id) = l.strip_prefix('[').and_then(|x| x.strip_suffix(']')) {
                if patterns.iter().any(|p| p.id == id) {
                    return Err(err(line, format!("duplicate pattern [{id}]")));
                }
                patterns.push(Pattern {
                    id: id.to_string(),
                    relation: Relation::Accuses,
                    frame: Frame::Verb,
                    forms: Vec::new(),
                    needs_force: false,
                    needs_word: Vec::new(),
                    needs_wrongdoing: false,
                    needs_place: false,
                    needs_adjacent_force: false,
                    needs_object_force: false,
                    needs_negation: false,
                    examples: Vec::new(),
                });
                continue;
            }
            let Some((key, value)) = l.split_once('=') else {
                return Err(err(line, format!("expected `key = value`, found {l:?}")));
            };
            let (key, value) = (key.trim(), value.trim());
            let Some(p) = patterns.last_mut() else {
                return Err(err(line, "a key before the first [pattern]".into()));
            };
            match key {
                "relation" => {
                    p.relation = Relation::parse(value)
                        .ok_or_else(|| err(line, format!("unknown relation {value:?}")))?
                }
                "frame" => {
                    p.frame = match value {
                        "verb" => Frame::Verb,
                        "hostile" => Frame::Hostile,
                        "deploy" => Frame::Deploy,
                        "motion" => Frame::Motion,
                        "nominal" => Frame::Nominal,
                        "compound" => Frame::Compound,
                        "pp" => Frame::Pp,
                        "mediate" => Frame::Mediate,
                        "mediation_noun" => Frame::MediationNoun,
                        "reject" => Frame::Reject,
                        "noun" => Frame::NounOf,
                        "claim" => Frame::Claim,
                        "switch" => Frame::Switch,
                        "mutual" => Frame::Mutual,
                        "host" => Frame::Host,
                        "received" => Frame::Received,
                        "sighted" => Frame::Sighted,
                        _ => return Err(err(line, format!("unknown frame {value:?}"))),
                    }
                }
                "forms" => {
                    p.forms = expand_forms(value)
                        .map_err(|e| err(line, e))?
                        .iter()
                        .map(|f| f.split_whitespace().map(fold).collect::<Vec<_>>())
                        .filter(|f| !f.is_empty())
                        .collect()
                }
                "needs" => match value.split_once(' ') {
                    _ if value == "force" => p.needs_force = true,
                    _ if value == "wrongdoing" => p.needs_wrongdoing = true,
                    _ if value == "place" => p.needs_place = true,
                    _ if value == "negation" => p.needs_negation = true,
                    _ if value == "object force" => {
                        p.needs_force = true;
                        p.needs_object_force = true;
                    }
                    _ if value == "adjacent force" => {
                        p.needs_force = true;
                        p.needs_adjacent_force = true;
                    }
                    Some(("word", w)) if !w.trim().is_empty() => {
                        p.needs_word = w.split('|').map(|x| fold(x.trim())).collect();
                    }
                    _ => return Err(err(line, format!("unknown need {value:?}"))),
                },
                "example" => {
                    let (sentence, expected) = value
                        .split_once("=>")
                        .ok_or_else(|| err(line, "example needs `=>`".into()))?;
                    let mut exp = Vec::new();
                    for item in expected
                        .split(';')
                        .map(str::trim)
                        .filter(|x| !x.is_empty() && *x != "none")
                    {
                        exp.push(parse_expected(item).ok_or_else(|| {
                            err(line, format!("cannot read expectation {item:?}"))
                        })?);
                    }
                    p.examples.push((sentence.trim().to_string(), exp));
                }
                _ => return Err(err(line, format!("unknown key {key:?}"))),
            }
        }
        let mut by_first: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for (pi, p) in patterns.iter().enumerate() {
            if p.forms.is_empty() {
                return Err(err(0, format!("pattern [{}] has no forms", p.id)));
            }
            for (fi, f) in p.forms.iter().enumerate() {
                by_first.entry(f[0].clone()).or_default().push((pi, fi));
            }
        }
        // first words of verb triggers (a hostile form counts when it is a
        // past-tense verb: "attacked", not "aggression")
        let verb_first = patterns
            .iter()
            .filter(|p| {
                !matches!(
                    p.frame,
                    Frame::Nominal | Frame::Pp | Frame::NounOf | Frame::Claim
                )
            })
            .flat_map(|p| {
                p.forms
                    .iter()
                    .filter(move |f| p.frame != Frame::Hostile || f[0].ends_with("ed"))
                    .map(|f| f[0].clone())
            })
            .collect();
        let deploy_first = patterns
            .iter()
            .filter(|p| p.relation == Relation::Deploys)
            .flat_map(|p| p.forms.iter().map(|f| f[0].clone()))
            .collect();
        let accuse_verbs = patterns
            .iter()
            .filter(|p| p.frame == Frame::Verb && p.relation == Relation::Accuses)
            .flat_map(|p| {
                p.forms
                    .iter()
                    .filter(|f| f.len() == 1)
                    .map(|f| f[0].clone())
            })
            .collect();
        let prepositional_forms = by_last_word(
            patterns
                .iter()
                .filter(|p| matches!(p.relation, Relation::Accuses | Relation::Recognises))
                .flat_map(|p| p.forms.iter().filter(|f| f.len() >= 2)),
        );
        let motion_forms = by_last_word(
            patterns
                .iter()
                .filter(|p| p.frame == Frame::Motion)
                .flat_map(|p| p.forms.iter()),
        );
        let compounds = patterns
            .iter()
            .flat_map(|p| p.forms.iter().flatten())
            .filter(|w| crate::text::is_hyphenated(w))
            .cloned()
            .collect();
        Ok(TriggerIndex {
            patterns,
            by_first,
            verb_first,
            deploy_first,
            accuse_verbs,
            prepositional_forms,
            motion_forms,
            compounds,
        })
    }

    /// Whether `word` (folded) starts the verb form of a trigger ("accused",
    /// "sent", "mediated"): a name before it stands in a subject's place.
    pub fn starts_verb(&self, word: &str) -> bool {
        self.verb_first.contains(word)
    }

    /// Whether `word` (folded) starts a form of deployment or motion
    /// ("deploy", "move", "entered"): "ordered the army to move to …" is an
    /// order to deploy, "ordered the police to investigate …" is not.
    pub fn starts_deploy_form(&self, word: &str) -> bool {
        self.deploy_first.contains(word)
    }

    /// Whether the words `tail` end with a multi-word form of an accusation
    /// or recognition that ends in a preposition ("pointed the finger at",
    /// "extended recognition to"): a capital after it is a government, not
    /// the city a locative preposition would make it.
    pub fn ends_with_prepositional_form(&self, tail: &[&str]) -> bool {
        ends_with_form(&self.prepositional_forms, tail)
    }

    /// Whether the words `tail` end with a form of a force's motion
    /// ("entered", "flew over", "stormed"): a capital after it is the city
    /// the force reached, not its government.
    pub fn ends_with_motion_form(&self, tail: &[&str]) -> bool {
        ends_with_form(&self.motion_forms, tail)
    }

    /// Whether some form of a force's motion ends with `word` (a cheap test
    /// before [`TriggerIndex::ends_with_motion_form`]).
    pub fn ends_motion_form(&self, word: &str) -> bool {
        self.motion_forms.contains_key(word)
    }

    /// Whether a hyphenated compound is a word of some trigger form.
    pub fn is_compound(&self, word: &str) -> bool {
        self.compounds.contains(word)
    }

    /// Whether `word` (folded) is a one-word verb of accusing ("accused",
    /// "blamed", "condemned"): a name after it, before "of"/"for", is the
    /// accused.
    pub fn is_accuse_verb(&self, word: &str) -> bool {
        self.accuse_verbs.contains(word)
    }

    /// Finds the triggers among tokens (by folded form), longest form first at each position.
    pub fn find(&self, norms: &[&str], offset: usize) -> Vec<TriggerHit> {
        let mut out = Vec::new();
        for i in 0..norms.len() {
            let Some(cands) = self.by_first.get(norms[i]) else {
                continue;
            };
            let mut best: HashMap<usize, usize> = HashMap::default();
            for &(pi, fi) in cands {
                let form = &self.patterns[pi].forms[fi];
                if let Some(len) = match_form(form, &norms[i..]) {
                    let e = best.entry(pi).or_insert(0);
                    *e = (*e).max(len);
                }
            }
            let mut hits: Vec<(usize, usize)> = best.into_iter().collect();
            hits.sort();
            for (pi, len) in hits {
                out.push(TriggerHit {
                    pattern: pi,
                    first: offset + i,
                    last: offset + i + len,
                });
            }
        }
        out
    }
}

/// The number of tokens of `norms` a trigger form matches at their start:
/// its words in order, where a count may stand before any word but the first
/// ("fired 30 rockets", "launched more than 500 drones", "killed hundreds of
/// civilians" match "fired rockets", "launched drones", "killed civilians").
fn match_form(form: &[String], norms: &[&str]) -> Option<usize> {
    let mut j = 0;
    for (k, word) in form.iter().enumerate() {
        match norms.get(j) {
            Some(n) if n == word => j += 1,
            Some(_) if k > 0 => {
                let gap = count_phrase(&norms[j..])
                    .or_else(|| form_modifiers(&norms[j..], word))
                    .or_else(|| with_phrase(&norms[j..], word))
                    .filter(|&g| norms.get(j + g) == Some(&word.as_str()))?;
                j += gap + 1;
            }
            _ => return None,
        }
    }
    Some(j)
}

/// The length of a count phrase at the start of `norms`: up to five words of
/// numbers, quantities ("hundreds", "dozens"), approximations ("more than",
/// "an estimated") and "of", "at least", "up to", with a number or a quantity
/// among them.
fn count_phrase(norms: &[&str]) -> Option<usize> {
    let k = crate::knowledge::Knowledge::get();
    let mut counted = false;
    let mut len = 0;
    for n in norms.iter().take(5) {
        let count = is_count(n) || k.is(Class::Quantity, n);
        if !(count
            || k.is(Class::Approximation, n)
            || matches!(
                *n,
                "of" | "at" | "least" | "up" | "to" | "over" | "about" | "some"
            ))
        {
            break;
        }
        counted |= count;
        len += 1;
    }
    (counted && len > 0).then_some(len)
}

/// The length of up to two adjectives of class `form_modifier` at the start
/// of `norms`, when the form's next word is no preposition.
fn form_modifiers(norms: &[&str], word: &str) -> Option<usize> {
    let k = crate::knowledge::Knowledge::get();
    if k.is(Class::Preposition, word) {
        return None;
    }
    let len = norms
        .iter()
        .take(2)
        .take_while(|n| k.is(Class::FormModifier, n))
        .count();
    (len > 0).then_some(len)
}

/// The length of a "with" phrase at the start of `norms` that names where a
/// complaint or protest is lodged, up to the form's next word when that is a
/// preposition: "filed a complaint with the UN Security Council against"
/// is "filed a complaint against".
fn with_phrase(norms: &[&str], word: &str) -> Option<usize> {
    let k = crate::knowledge::Knowledge::get();
    if norms.first() != Some(&"with") || !k.is(Class::Preposition, word) {
        return None;
    }
    norms
        .iter()
        .take(8)
        .skip(1)
        .take_while(|n| !k.is(Class::ClauseBreak, n) && **n != ",")
        .position(|n| *n == word)
        .map(|g| g + 1)
}

/// A number written in digits ("30", "1,500") or as a word ("two").
fn is_count(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || crate::text::number_word(w).is_some()
}

fn parse_expected(s: &str) -> Option<Expected> {
    let mut s = s.trim();
    let mut negated = false;
    let mut hypothetical = false;
    loop {
        if let Some(r) = s.strip_prefix('!') {
            negated = true;
            s = r;
        } else if let Some(r) = s.strip_prefix('?') {
            hypothetical = true;
            s = r;
        } else {
            break;
        }
    }
    let (rel, rest) = s.split_once('(')?;
    let args = rest.strip_suffix(')')?;
    let (agent, target) = args.split_once(',')?;
    let target = target.trim();
    Some(Expected {
        relation: Relation::parse(rel.trim())?,
        agent: agent.trim().to_string(),
        target: if target == "-" {
            None
        } else {
            Some(target.to_string())
        },
        negated,
        hypothetical,
    })
}

/// The forms of a `forms =` line: alternatives separated by `|`, each of
/// which may hold groups `{a|b|c}` that multiply it out ("{lead|led} {a|the}
/// mission" is four forms).
fn expand_forms(value: &str) -> std::result::Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let mut alternatives = Vec::new();
    for (i, c) in value.char_indices() {
        match c {
            '{' if depth == 0 => depth = 1,
            '{' => return Err("nested `{` in forms".into()),
            '}' if depth == 1 => depth = 0,
            '}' => return Err("`}` without `{` in forms".into()),
            '|' if depth == 0 => {
                alternatives.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err("`{` without `}` in forms".into());
    }
    alternatives.push(&value[start..]);
    for alt in alternatives {
        // each form so far, extended by every choice of the next group
        let mut forms = vec![String::new()];
        let mut rest = alt;
        while let Some(open) = rest.find('{') {
            let close = open + rest[open..].find('}').unwrap_or(rest.len() - open);
            let fixed = &rest[..open];
            let choices: Vec<&str> = rest[open + 1..close].split('|').collect();
            forms = forms
                .iter()
                .flat_map(|f| {
                    choices
                        .iter()
                        .map(move |c| format!("{f}{fixed} {} ", c.trim()))
                })
                .collect();
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out.extend(forms.into_iter().map(|f| format!("{f}{rest}")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn groups_in_forms_multiply_out() {
        let forms =
            super::expand_forms("{lead|led} {a|the} force | send troops").expect("valid forms");
        let words: Vec<String> = forms
            .iter()
            .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        assert_eq!(
            words,
            [
                "lead a force",
                "lead the force",
                "led a force",
                "led the force",
                "send troops"
            ]
        );
        assert!(super::expand_forms("{lead|led force").is_err());
        assert!(super::expand_forms("lead} force").is_err());
        assert!(super::expand_forms("{a|{b}}").is_err());
    }

    use super::*;

    #[test]
    fn patterns_file_parses_and_every_pattern_has_examples() {
        let idx = TriggerIndex::parse(PATTERNS).expect("patterns parse");
        assert!(idx.patterns.len() >= 8);
        for p in &idx.patterns {
            assert!(!p.examples.is_empty(), "pattern [{}] has no example", p.id);
            assert!(
                p.examples.iter().any(|(_, e)| !e.is_empty()),
                "pattern [{}] has no positive example",
                p.id
            );
        }
    }

    #[test]
    fn malformed_patterns_are_reported_with_line() {
        let e = TriggerIndex::parse("[a]\nrelation = nonsense\n")
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("patterns.conf:2: unknown relation \"nonsense\"")
        );
    }

    #[test]
    fn longest_form_wins() {
        let idx = TriggerIndex::parse("[a]\nrelation = accuses\nframe = verb\nforms = hold | hold responsible\nexample = x => none\n").expect("parses");
        let hits = idx.find(&["they", "hold", "responsible"], 10);
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].first, hits[0].last), (11, 13));
    }
}

/// Multi-word forms indexed by their last word (for [`ends_with_form`]).
fn by_last_word<'a>(
    forms: impl Iterator<Item = &'a Vec<String>>,
) -> HashMap<String, Vec<Vec<String>>> {
    let mut index: HashMap<String, Vec<Vec<String>>> = HashMap::default();
    for f in forms {
        if let Some(last) = f.last() {
            index.entry(last.clone()).or_default().push(f.clone());
        }
    }
    index
}

/// Whether `tail` ends with one of the forms indexed by their last word.
fn ends_with_form(index: &HashMap<String, Vec<Vec<String>>>, tail: &[&str]) -> bool {
    let Some(last) = tail.last() else {
        return false;
    };
    index.get(*last).is_some_and(|forms| {
        forms.iter().any(|f| {
            tail.len() >= f.len()
                && f.iter()
                    .zip(&tail[tail.len() - f.len()..])
                    .all(|(a, b)| a == b)
        })
    })
}

/// Runs every example of every pattern through the whole extractor and
/// returns one line per disagreement (empty when all hold).
pub fn check_examples(idx: &TriggerIndex) -> Vec<String> {
    use crate::document::Document;
    let mut failures = Vec::new();
    for p in &idx.patterns {
        for (sentence, expected) in &p.examples {
            let r = super::extract(&Document::new("example", sentence.clone()));
            let label = |key: &str| {
                r.entities
                    .iter()
                    .find(|e| e.key == key)
                    .map(|e| e.label.clone())
                    .unwrap_or_else(|| key.to_string())
            };
            let mut got: Vec<Expected> = Vec::new();
            for e in &r.events {
                let targets: Vec<Option<String>> = if e.targets.is_empty() {
                    vec![None]
                } else {
                    e.targets.iter().map(|t| Some(label(t))).collect()
                };
                for t in targets {
                    let x = Expected {
                        relation: e.relation,
                        agent: label(&e.agent),
                        target: t,
                        negated: e.negated,
                        hypothetical: e.hypothetical,
                    };
                    if !got.contains(&x) {
                        got.push(x);
                    }
                }
            }
            let norm = |x: &Expected| {
                (
                    x.relation,
                    fold(&x.agent),
                    x.target.as_deref().map(fold),
                    x.negated,
                    x.hypothetical,
                )
            };
            let mut g: Vec<_> = got.iter().map(norm).collect();
            let mut e: Vec<_> = expected.iter().map(norm).collect();
            g.sort();
            e.sort();
            if g != e {
                failures.push(format!(
                    "[{}] {sentence}\n    expected {e:?}\n    got      {g:?}",
                    p.id
                ));
            }
        }
    }
    failures
}

#[cfg(test)]
mod example_tests {
    use super::*;

    /// nlprule-style: every example sentence of every pattern must yield exactly what it says.
    #[test]
    fn every_pattern_example_holds() {
        let failures = check_examples(TriggerIndex::get());
        assert!(
            failures.is_empty(),
            "{} example(s) fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}

/// The distractor sentences of `data/knowledge/distractors.conf` that yield
/// something (empty when none does).
pub fn check_distractors() -> Vec<String> {
    const DISTRACTORS: &str = include_str!("../../data/knowledge/distractors.conf");
    DISTRACTORS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let r = super::extract(&crate::document::Document::new("distractor", l.to_string()));
            if r.events.is_empty() {
                None
            } else {
                let found: Vec<String> = r
                    .events
                    .iter()
                    .map(|e| format!("{}({}, {:?})", e.relation, e.agent, e.targets))
                    .collect();
                Some(format!("{l}\n    yields {}", found.join("; ")))
            }
        })
        .collect()
}

#[cfg(test)]
mod distractor_tests {
    /// Most single sentences of event-coding material state none of the four relations.
    #[test]
    fn distractors_yield_nothing() {
        let failures = super::check_distractors();
        assert!(
            failures.is_empty(),
            "{} distractor(s) yield relations:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
