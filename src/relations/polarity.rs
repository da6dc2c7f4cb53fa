//! Negation and modality: where "does not recognise" and "will consider the
//! return of forces" are decided.
//!
//! Both look at the words between the start of the predicate's scope (the end
//! of its subject, or the start of its clause) and the trigger, using the
//! `negation` and `modal` classes of `lexicon.tsv` (one- and two-word cues).
//! A negative cue makes the event negated ("does not", "refused to",
//! "never"); a modal cue makes it hypothetical ("will", "would", "could",
//! "intends to", "if", "consider", "possibility of", "any …"). For event nouns
//! ("the return of forces … will cool"), cues after the noun in the same
//! clause count too.

use super::clause::DETERMINERS;
use super::Ctx;
use crate::knowledge::Class;
use crate::mentions::phrases::phrase_at;
use crate::mentions::Ref;
use crate::text::TokKind;

impl Ctx<'_> {
    fn cue_in(&self, class: Class, from: usize, to: usize) -> bool {
        self.cue_in_but(class, None, from, to)
    }

    /// Whether a modality cue stands in `[from, to)` (between a trigger and
    /// its place: "ordered troops to be ready to move into …").
    pub fn modal_between(&self, from: usize, to: usize) -> bool {
        self.cue_in(Class::Modal, from, to)
    }

    /// Whether a cue of `class` stands in `[from, to)` that is not also of
    /// class `but`.
    fn cue_in_but(&self, class: Class, but: Option<Class>, from: usize, to: usize) -> bool {
        let toks = &self.t.tokens;
        let to = to.min(toks.len());
        let counts =
            |phrase: &str| self.k.is(class, phrase) && !but.is_some_and(|b| self.k.is(b, phrase));
        for i in from..to {
            if self.m.cover[i].is_some() {
                continue;
            }
            if counts(&toks[i].norm) {
                return true;
            }
            if i + 1 < to
                && self
                    .t
                    .starts
                    .get(i)
                    .map_or_else(|| self.k.starts(class, &toks[i].norm), |c| c.has(class))
                && counts(&format!("{} {}", toks[i].norm, toks[i + 1].norm))
            {
                return true;
            }
        }
        false
    }

    /// Whether a mediation at `to` is only possible: as [`Ctx::hypothetical`],
    /// but an effort to mediate is mediation ("Qatar is trying to broker a
    /// truce"; "Qatar offered to mediate" stays possible).
    pub fn hypothetical_mediation(&self, from: usize, to: usize) -> bool {
        self.possible(Some(Class::Endeavour), from, to)
    }

    /// Whether a negation cue stands in `[from, to)`, or the clause is what a
    /// denial denies ("Belgrade denies (claims) that its troops are massing").
    /// A scope starting after an act noun's by-phrase starts at the noun
    /// ("the refusal by Serbia to recognise").
    pub fn negated(&self, from: usize, to: usize) -> bool {
        let from = self.by_phrase_before(from).unwrap_or(from);
        let from = self.after_untold_question(from, to).unwrap_or(from);
        (self.cue_in(Class::Negation, from, to) && !self.left_open(from, to))
            || self.denied_clause(to)
            || self.refused_leave(from)
            || self.prevented(from, to)
    }

    /// The first token of the mention ending right before `end`.
    fn mention_ending_at(&self, end: usize) -> Option<usize> {
        let mi = self.m.cover.get(end.checked_sub(1)?).copied().flatten()?;
        (self.m.list[mi].last == end).then_some(self.m.list[mi].first)
    }

    /// "Turkey stopped Russian warships from entering the Black Sea": the
    /// subject ending at `end` is the object of a verb of prevention, and
    /// "from" stands between it and the predicate at `to`.
    fn prevented(&self, end: usize, to: usize) -> bool {
        let Some(from) = self.mention_ending_at(end) else {
            return false;
        };
        let toks = &self.t.tokens;
        from >= 1
            && matches!(
                toks[from - 1].norm.as_str(),
                "prevented"
                    | "prevents"
                    | "prevent"
                    | "stopped"
                    | "stops"
                    | "stop"
                    | "barred"
                    | "bars"
                    | "bar"
                    | "banned"
                    | "bans"
                    | "prohibited"
                    | "deterred"
                    | "kept"
            )
            && (end..to).any(|i| toks[i].norm == "from")
    }

    /// "Georgia refused to let Russian troops enter": the subject ending
    /// at `end` (where the negation's scope starts) is the object of a
    /// negated verb of leave.
    fn refused_leave(&self, end: usize) -> bool {
        let Some(from) = self.mention_ending_at(end) else {
            return false;
        };
        from >= 2
            && matches!(
                self.t.tokens[from - 1].norm.as_str(),
                "let"
                    | "allow"
                    | "allows"
                    | "allowed"
                    | "allowing"
                    | "permit"
                    | "permits"
                    | "permitted"
            )
            && self.cue_in(Class::Negation, from.saturating_sub(5), from - 1)
    }

    /// "He did not say how many troops had been sent": a question left
    /// untold (a verb of speaking and a wh-word before the predicate at
    /// `to`) takes the negation of the telling; the event is not negated.
    /// Returns where the question starts.
    fn after_untold_question(&self, from: usize, to: usize) -> Option<usize> {
        (from + 1..to).rev().find(|&i| {
            self.m.cover[i].is_none()
                && matches!(
                    self.t.tokens[i].norm.as_str(),
                    "how" | "when" | "where" | "which" | "what" | "who" | "why"
                )
                && self.k.is(Class::Speech, &self.t.tokens[i - 1].norm)
        })
    }

    /// The act noun of a by-phrase of names ending right before `from`.
    fn by_phrase_before(&self, from: usize) -> Option<usize> {
        let floor = self.t.sentences[self.sentence_of(from.checked_sub(1)?)].first;
        self.by_phrase_noun(from - 1, floor)
    }

    /// "did not rule out sending troops", "no longer refuses to": a negated
    /// negation. The event is not denied; ruling it out being denied, it is
    /// left possible (hypothetical).
    fn left_open(&self, from: usize, to: usize) -> bool {
        let toks = &self.t.tokens;
        let to = to.min(toks.len());
        (from..to.saturating_sub(1)).any(|i| {
            matches!(
                toks[i].norm.as_str(),
                "not"
                    | "n't"
                    | "never"
                    | "refused"
                    | "refuses"
                    | "refuse"
                    | "declined"
                    | "declines"
            ) && self.m.cover[i].is_none()
                && (i + 1..(i + 3).min(to)).any(|j| {
                    matches!(
                        toks[j].norm.as_str(),
                        "rule"
                            | "ruled"
                            | "ruling"
                            | "rules"
                            | "exclude"
                            | "excluded"
                            | "excluding"
                    )
                })
        })
    }

    /// Whether the clause containing token `p` is the `that` complement of a
    /// denial: "denied that …", "rejected claims that …".
    fn denied_clause(&self, p: usize) -> bool {
        let cs = self.clause_start(p);
        let s = &self.t.sentences[self.sentence_of(p)];
        if self.denied_bare_clause(p, s.first) {
            return true;
        }
        if cs < s.first + 2 || self.t.tokens[cs - 1].norm != "that" {
            return false;
        }
        let denial = |i: usize| {
            self.m.cover[i].is_none() && self.k.is(Class::Denial, &self.t.tokens[i].norm)
        };
        let before = cs - 2;
        // ("rejected the claims that", "dismissed as \"absurd\" claims
        // that", "denied media reports that": a few words between)
        let toks = &self.t.tokens;
        let denied_noun = before > s.first
            && matches!(
                toks[before].norm.as_str(),
                "claims"
                    | "claim"
                    | "allegations"
                    | "allegation"
                    | "accusations"
                    | "reports"
                    | "suggestions"
            )
            && (before.saturating_sub(5).max(s.first)..before)
                .rev()
                // (the denial, or a word between: "as", a quote mark, or a
                // modifier that is no verb or conjunction: not "denied the
                // attack and repeated claims that …")
                .take_while(|&i| {
                    let w = toks[i].norm.as_str();
                    self.m.cover[i].is_none()
                        && (matches!(toks[i].kind, TokKind::OpenQuote | TokKind::CloseQuote)
                            || (toks[i].kind == TokKind::Word
                                && (denial(i)
                                    || w == "as"
                                    // ("the unfounded claims": a participle after a determiner)
                                    || ((!w.ends_with("ed")
                                        || (i > 0 && DETERMINERS.contains(&toks[i - 1].norm.as_str())))
                                        && !matches!(w, "and" | "or" | "but")
                                        && !self.k.is(Class::ClauseBreak, w)))))
                })
                .any(denial);
        denial(before) || denied_noun
    }

    /// "Rwanda denied it had sent troops", "Moscow denies its forces
    /// entered": a complement without "that" whose subject follows the
    /// denial verb, with only auxiliaries between it and the predicate.
    fn denied_bare_clause(&self, p: usize, floor: usize) -> bool {
        let toks = &self.t.tokens;
        let mut j = p;
        while j > floor
            && self.m.cover[j - 1].is_none()
            && (self.k.is(Class::Auxiliary, &toks[j - 1].norm)
                || super::clause::AUX.contains(&toks[j - 1].norm.as_str()))
        {
            j -= 1;
        }
        if j == p || j <= floor {
            return false;
        }
        // the subject: a mention, or a force noun ("its troops")
        let mut first = match self.m.cover[j - 1] {
            Some(subject) => self.m.list[subject].first,
            None => match (j.saturating_sub(3).max(floor)..j)
                .find(|&i| phrase_at(self.k, self.t, i, Class::Force) == Some(j))
            {
                Some(i) => i,
                None => return false,
            },
        };
        // with its possessive pronoun
        if first > floor {
            if let Some(prev) = self.m.cover[first - 1] {
                if matches!(self.m.list[prev].referent, Ref::Pronoun(_)) {
                    first = self.m.list[prev].first;
                }
            }
        }
        first > floor
            && self.m.cover[first - 1].is_none()
            && self.k.is(Class::Denial, &toks[first - 1].norm)
    }

    /// Whether a modality cue stands in `[from, to)`.
    pub fn hypothetical(&self, from: usize, to: usize) -> bool {
        self.possible(None, from, to)
    }

    /// A modal cue (not one of class `but`), a plan, a negated negation or a
    /// condition makes the predicate at `to` only possible.
    fn possible(&self, but: Option<Class>, from: usize, to: usize) -> bool {
        let outcome = self.possible_outcome(from);
        let from = self.by_phrase_before(from).unwrap_or(from);
        outcome
            || self.cue_in_but(Class::Modal, but, from, to)
            || self.warned_against(to)
            || self.planned(from, to)
            || self.left_open(from, to)
            || self.conditional(from)
    }

    /// "A deal could see Saudi Arabia recognise Israel", "the plan would
    /// let Turkey station troops": the subject ending at `end` is the object
    /// of a verb taking a bare infinitive (see, let, make, have, help) that
    /// a modal governs, so its predicate is only a possible outcome.
    fn possible_outcome(&self, end: usize) -> bool {
        let Some(first) = self.mention_ending_at(end) else {
            return false;
        };
        let toks = &self.t.tokens;
        let mut v = first;
        if v > 0 && toks[v - 1].norm == "the" {
            v -= 1;
        }
        if v == 0
            || !matches!(
                toks[v - 1].norm.as_str(),
                "see" | "let" | "make" | "have" | "help"
            )
        {
            return false;
        }
        // the modal right before the verb, or one adverb away ("could even see")
        (v.saturating_sub(3)..v - 1).any(|i| self.k.is(Class::Modal, &toks[i].norm))
    }

    /// A gerund after "against" is warned of, not done: "warned Russia
    /// against deploying nuclear weapons", "cautioned against sending troops".
    fn warned_against(&self, to: usize) -> bool {
        let toks = &self.t.tokens;
        to > 0
            && to < toks.len()
            && toks[to - 1].norm == "against"
            && toks[to].norm.ends_with("ing")
    }

    /// Whether the clause whose predicate's scope starts at `from` is a
    /// condition or an open question: "if", "unless" or "whether" opens it
    /// before its subject ("If Serbia sends troops into Kosovo, NATO will
    /// respond", "It is unclear whether Iran has sent troops"; not the main
    /// clause after the comma).
    fn conditional(&self, from: usize) -> bool {
        let toks = &self.t.tokens;
        if from == 0 || from > toks.len() {
            return false;
        }
        let first = self.t.sentences[self.sentence_of(from - 1)].first;
        (first..from)
            .rev()
            .take_while(|&i| {
                !matches!(
                    toks[i].kind,
                    crate::text::TokKind::OpenQuote | crate::text::TokKind::CloseQuote
                ) && !matches!(toks[i].norm.as_str(), "," | ";" | ":")
            })
            .any(|i| {
                self.m.cover[i].is_none()
                    && matches!(toks[i].norm.as_str(), "if" | "unless" | "whether")
            })
    }

    /// A subject followed by "to" and the predicate, with no finite verb
    /// ("US to deploy missiles in Germany", a headline's future) or after a
    /// copula ("Kenya is to send police", "troops are to be deployed"): only planned.
    /// (Not the object of a verb of commanding: "ordered the army to move
    /// to the border" is ordered, and the order's frame reads it.)
    fn planned(&self, from: usize, to: usize) -> bool {
        // (a passive too: "Russian peacekeepers are to be deployed")
        let Some(inf) = self.infinitive_to(to).filter(|&i| i >= from) else {
            return false;
        };
        self.t.tokens[from..inf]
            .iter()
            .all(|t| matches!(t.norm.as_str(), "is" | "are" | "was" | "were"))
            && !self.commanded(from)
    }

    /// Whether the mention ending at `end` is the object of a verb of
    /// commanding ("ordered *the army* to …").
    fn commanded(&self, end: usize) -> bool {
        let Some(mi) = end.checked_sub(1).and_then(|j| self.m.cover[j]) else {
            return false;
        };
        let first = self.m.list[mi].first;
        (first.saturating_sub(3)..first).any(|v| {
            phrase_at(self.k, self.t, v, Class::Command).is_some_and(|e| {
                e <= first
                    && self.t.tokens[e..first]
                        .iter()
                        .all(|t| DETERMINERS.contains(&t.norm.as_str()))
            })
        })
    }

    /// The end of the clause after token `p` (for cues after an event noun).
    pub fn clause_end(&self, p: usize) -> usize {
        let s = &self.t.sentences[self.sentence_of(p)];
        let mut j = p;
        while j < s.last {
            let w = self.t.tokens[j].norm.as_str();
            if matches!(w, ";" | ":" | "," | "and" | "but") && self.m.cover[j].is_none() {
                break;
            }
            j += 1;
        }
        j
    }
}
