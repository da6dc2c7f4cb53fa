//! Who says what: speakers of sentences and quotations, and pronouns.
//!
//! * "X said (that) …", "…, X said", "…, said X", "according to X", "RT
//!   quoted X as saying": X speaks the sentence.
//! * A quotation's speaker is named after its closing mark ("…,” she
//!   stated") or before its opening mark ("X said: “…”"); every sentence
//!   inside the quotation gets that speaker. A quotation with no attribution
//!   continues the previous speaker.
//! * `he`/`she` refer to the person the current sentence is about (its first
//!   person mention before the pronoun), else to the person the previous
//!   sentences were about (their speaker or first person mention); `they` to
//!   the most recent group; `it` to the most recent state or organisation.

use crate::knowledge::Class;
use crate::mentions::{PronounKind, Ref, Via};
use crate::model::EntityType;
use crate::text::TokKind;

use super::clause::DETERMINERS;
use super::Ctx;

impl Ctx<'_> {
    /// Computes speakers and topic persons for all sentences, in order.
    pub fn attribute(&mut self) {
        let ns = self.t.sentences.len();
        self.speakers = vec![None; ns];
        self.topics = vec![None; ns];
        let mut quote_speaker: Vec<Option<usize>> = vec![None; self.t.quotes.len()];
        // quote attributions first (they may lie in a later sentence)
        for (qi, q) in self.t.quotes.iter().enumerate() {
            quote_speaker[qi] = self.quote_attribution(q.open, q.close, q.closed);
        }
        let mut last_speaker: Option<usize> = None;
        for si in 0..ns {
            self.current = si;
            let s = self.t.sentences[si].clone();
            let quoted = (s.first..s.last)
                .filter(|&i| self.t.tokens[i].in_quote)
                .count();
            let mostly_quoted = quoted * 2 > (s.last - s.first);
            let mut speaker = self.sentence_speaker(s.first, s.last);
            if speaker.is_none() && mostly_quoted {
                let q = (s.first..s.last).find_map(|i| self.t.tokens[i].quote);
                speaker = q.and_then(|q| quote_speaker[q]).or(last_speaker);
            }
            self.speakers[si] = speaker;
            if speaker.is_some() {
                last_speaker = speaker;
            }
            let topic = speaker
                .filter(|&e| self.m.entities[e].etype == EntityType::Person)
                .or_else(|| {
                    (s.first..s.last).find_map(|i| {
                        let mi = self.m.cover[i]?;
                        // (or a person described by a role and resolved to
                        // its body: "The Serbian president spoke … He accused …")
                        match self.m.list[mi].referent {
                            Ref::Entity(e)
                                if (self.m.entities[e].etype == EntityType::Person
                                    || self.m.list[mi].via == Via::Role)
                                    && !self.t.tokens[i].in_quote =>
                            {
                                Some(e)
                            }
                            _ => None,
                        }
                    })
                });
            self.topics[si] = topic;
        }
    }

    /// The speaker named inside tokens `[a, b)` of a sentence, if any.
    fn sentence_speaker(&self, a: usize, b: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        // "according to X"
        for i in a..b.saturating_sub(2) {
            if toks[i].norm == "according" && toks[i + 1].norm == "to" {
                let mut j = i + 2;
                while j < b && matches!(toks[j].norm.as_str(), "the" | "a" | "an") {
                    j += 1;
                }
                if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                    return self.entity_of_mention(mi);
                }
            }
        }
        // "X quoted Y as saying"
        if let Some(e) = (a..b).find_map(|i| self.quoted_as(i, b)) {
            return Some(e);
        }
        // speech verbs outside quotations
        for i in a..b {
            if toks[i].in_quote
                || !self.k.is(Class::Speech, &toks[i].norm)
                || self.m.cover[i].is_some()
            {
                continue;
            }
            // a plural noun, not a verb: "among the 12 states that recognise
            // Taiwan", "the claims", "several reports"
            let plural_noun = toks[i].norm.ends_with('s')
                && toks[i].norm != "says"
                && i > a
                && (toks[i - 1].kind == TokKind::Number
                    || self.k.is(Class::Quantity, &toks[i - 1].norm)
                    || DETERMINERS.contains(&toks[i - 1].norm.as_str())
                    || matches!(toks[i - 1].norm.as_str(), "these" | "those" | "other"));
            if plural_noun {
                continue;
            }
            // post-posed: ", said X" / "” said X"
            let after = (i + 1..(i + 2).min(b))
                .find_map(|j| self.m.cover[j])
                .or_else(|| {
                    // ", said the US State Department"
                    (i + 2 < b && toks[i + 1].norm == "the")
                        .then(|| self.m.cover[i + 2])
                        .flatten()
                });
            let before_is_boundary =
                i > a && (toks[i - 1].norm == "," || toks[i - 1].kind == TokKind::CloseQuote);
            // (", who has blocked EU aid, accused Brussels": the comma closes
            // a relative clause, and the verb's subject stands before it)
            let relative_before =
                i > a + 1 && toks[i - 1].norm == "," && self.relative_open(i - 1, a).is_some();
            // (a name before the comma is the subject unless a preposition
            // governs it: "sent troops to Belarus, said the US")
            let name_subject = || {
                self.m.cover[i - 2].is_some_and(|mi| {
                    let f = self.m.list[mi].first;
                    f == 0 || !self.k.is(Class::Preposition, &toks[f - 1].norm)
                })
            };
            let subject_before =
                i > a + 1 && toks[i - 1].norm == "," && (relative_before || name_subject());
            if before_is_boundary && !subject_before && self.k.is(Class::Inverting, &toks[i].norm) {
                // (", said it would deploy": a pronoun followed by its verb is no post-posed speaker)
                let pronoun_with_verb = after.is_some_and(|mi| {
                    matches!(self.m.list[mi].referent, Ref::Pronoun(_))
                        && toks
                            .get(self.m.list[mi].last)
                            .is_some_and(|t| t.kind == TokKind::Word)
                });
                if let Some(mi) = after.filter(|_| !pronoun_with_verb) {
                    if self.is_actor_mention(mi) {
                        return self.entity_of_mention(mi);
                    }
                }
            }
            // an organisation's or state's people right before the verb speak
            // for it ("UN experts said", "NATO officials said")
            if i > a + 1
                && matches!(
                    toks[i - 1].norm.as_str(),
                    "experts"
                        | "investigators"
                        | "monitors"
                        | "observers"
                        | "inspectors"
                        | "officials"
                        | "diplomats"
                        | "sources"
                )
                && self.m.cover[i - 1].is_none()
            {
                if let Some(mi) = self.m.cover[i - 2].filter(|&mi| {
                    matches!(self.m.list[mi].referent, Ref::Entity(_)) && self.is_actor_mention(mi)
                }) {
                    return self.entity_of_mention(mi);
                }
            }
            // an unnamed speaker right before the verb ("witnesses said") is nobody we know
            if i > a
                && toks[i - 1].kind == TokKind::Word
                && !toks[i - 1].capitalised
                && self.m.cover[i - 1].is_none()
                && !self.k.is(Class::Negation, &toks[i - 1].norm)
                && !matches!(
                    toks[i - 1].norm.as_str(),
                    "also"
                        | "then"
                        | "again"
                        | "has"
                        | "have"
                        | "had"
                        | "later"
                        | "earlier"
                        | "repeatedly"
                        | "further"
                        | "once"
                        | "reportedly"
                        | "publicly"
                        | "previously"
                        | "recently"
                        | "today"
                        | "yesterday"
                        // "rejected the accusations and said": a coordinated verb
                        | "and"
                        | "but"
                )
            {
                continue;
            }
            // (a state's adjective before a noun of speaking is its speaker:
            // "rejected Thai claims that …"; a place speaks for no actor we
            // know: "…, the breakaway region said" is not the sentence's subject)
            if let Some(mi) = (i > a)
                .then(|| self.m.cover[i - 1])
                .flatten()
                .filter(|&mi| !self.is_actor_mention(mi))
            {
                if let Ref::Adjective(st) = self.m.list[mi].referent {
                    return self.m.state_entity(st);
                }
                continue;
            }
            let subj = self.subjects(i);
            if let Some(&mi) = subj.first() {
                // "… in an attack that Qatar said its air defences had
                // intercepted": a speaker inside a relative clause vouches
                // for that clause only, not for the sentence
                let f = self.m.list[mi].first;
                let relative = f >= 2
                    && matches!(toks[f - 1].norm.as_str(), "that" | "which")
                    && toks[f - 2].kind == TokKind::Word
                    && !self.k.is(Class::Speech, &toks[f - 2].norm)
                    && self.m.cover[f - 2].is_none();
                if relative {
                    continue;
                }
                return self.entity_of_mention(mi);
            }
        }
        None
    }

    /// "RT quoted Vucic as saying": the quoted person, for a `quoted` at token `i`.
    fn quoted_as(&self, i: usize, b: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        if !matches!(toks[i].norm.as_str(), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let as_at = (i + 1..(i + 8).min(b)).find(|&j| toks[j].norm == "as")?;
        let mi = (i + 1..as_at).find_map(|x| self.m.cover[x])?;
        self.entity_of_mention(mi)
    }

    /// The speaker of a quotation from the text around its marks.
    fn quote_attribution(&self, open: usize, close: usize, closed: bool) -> Option<usize> {
        let s_close = &self.t.sentences[self.sentence_of(close)];
        if closed && close + 1 < s_close.last {
            if let Some(e) = self.sentence_speaker_outside(close + 1, s_close.last) {
                return Some(e);
            }
        }
        let s_open = &self.t.sentences[self.sentence_of(open)];
        if open > s_open.first {
            return self.sentence_speaker_outside(s_open.first, open);
        }
        None
    }

    fn sentence_speaker_outside(&self, a: usize, b: usize) -> Option<usize> {
        for (i, tok) in self.t.tokens.iter().enumerate().take(b).skip(a) {
            if !self.k.is(Class::Speech, &tok.norm)
                && !matches!(tok.norm.as_str(), "quoted" | "quotes")
            {
                continue;
            }
            if let Some(e) = self.quoted_as(i, b) {
                return Some(e);
            }
            // "she stated", "Vucic said", "the Serbian president stressed"
            if let Some(mi) = (a..i).rev().find_map(|x| self.m.cover[x]) {
                if self.is_actor_mention(mi) {
                    return self.entity_of_mention(mi);
                }
            }
            // "said Vucic"
            if let Some(mi) = (i + 1..(i + 3).min(b)).find_map(|x| self.m.cover[x]) {
                if self.is_actor_mention(mi) {
                    return self.entity_of_mention(mi);
                }
            }
        }
        None
    }

    /// The entity a mention stands for, resolving pronouns.
    pub fn entity_of_mention(&self, mi: usize) -> Option<usize> {
        let m = &self.m.list[mi];
        match m.referent {
            Ref::Entity(e) => Some(e),
            Ref::Pronoun(kind) => self.resolve_pronoun(m.first, kind),
            _ => None,
        }
    }

    /// The state or organisation a speaker stands for: itself, or a person's affiliation.
    pub fn side_of(&self, e: usize) -> Option<usize> {
        let ent = &self.m.entities[e];
        match ent.etype {
            EntityType::Person => ent.affiliation.as_ref().and_then(|a| self.m.by_key(a)),
            EntityType::Place => None,
            _ => Some(e),
        }
    }

    /// The mentions a pronoun at `at` cannot refer to because it opens a
    /// contact relative clause on their noun phrase: "the FDLR, a militia
    /// *it* accuses Kinshasa of arming" (the noun phrase starts with a
    /// determiner and runs up to the pronoun; an apposition's anchor before
    /// its comma counts as the phrase).
    fn contact_clause_head(&self, at: usize, floor: usize) -> Vec<usize> {
        let toks = &self.t.tokens;
        let mut j = at;
        while j > floor && at - j < 6 {
            let x = &toks[j - 1];
            if matches!(x.norm.as_str(), "a" | "an" | "the" | "another") && j < at {
                break;
            }
            let noun_like = x.kind == crate::text::TokKind::Word
                && !self.k.is(Class::ClauseBreak, &x.norm)
                && !self.k.is(Class::Preposition, &x.norm)
                && !self.k.is(Class::Speech, &x.norm)
                && !self.k.is(Class::Auxiliary, &x.norm)
                && !matches!(
                    x.norm.as_str(),
                    "that" | "which" | "who" | "and" | "or" | "but"
                );
            if !noun_like {
                return Vec::new();
            }
            j -= 1;
        }
        if j <= floor
            || j == at
            || !matches!(toks[j - 1].norm.as_str(), "a" | "an" | "the" | "another")
        {
            return Vec::new();
        }
        let det = j - 1;
        let mut out: Vec<usize> = (det..at).filter_map(|i| self.m.cover[i]).collect();
        if det > floor + 1 && toks[det - 1].norm == "," {
            out.extend(self.m.cover[det - 2]);
        }
        out
    }

    /// Resolves a pronoun at token `at`.
    pub fn resolve_pronoun(&self, at: usize, kind: PronounKind) -> Option<usize> {
        let si = self.sentence_of(at);
        let speaker = self.speakers.get(si).copied().flatten();
        // "we", "our": the side of whoever is speaking
        if kind == PronounKind::We {
            return speaker.and_then(|s| self.side_of(s));
        }
        // "his country", "her government": the state of that person, else of the speaker
        let next = self
            .t
            .tokens
            .get(at + 1)
            .map(|t| t.norm.as_str())
            .unwrap_or("");
        if kind == PronounKind::Person && matches!(next, "country" | "nation" | "government") {
            // "The Serbian leader said his country …": the speaker of this
            // sentence before any person of earlier ones
            let s = &self.t.sentences[si];
            let person_here = (s.first..at).any(|i| {
                self.m.cover[i].is_some_and(|mi| matches!(self.m.list[mi].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Person))
            });
            if !person_here {
                if let Some(side) = speaker.and_then(|sp| self.side_of(sp)) {
                    return Some(side);
                }
            }
            let person = self.resolve_pronoun_plain(at, kind);
            return person
                .and_then(|p| self.side_of(p))
                .or_else(|| speaker.and_then(|s| self.side_of(s)));
        }
        self.resolve_pronoun_plain(at, kind)
    }

    fn resolve_pronoun_plain(&self, at: usize, kind: PronounKind) -> Option<usize> {
        self.resolve_pronoun_excluding(at, kind, &[])
    }

    /// Resolves a pronoun to an entity other than `exclude` (an object
    /// pronoun does not refer to its clause's subject: "Kinshasa asked it to leave").
    pub fn resolve_pronoun_excluding(
        &self,
        at: usize,
        kind: PronounKind,
        exclude: &[usize],
    ) -> Option<usize> {
        // "its independence", "its sovereignty": only a state has them, else
        // a region that claims to be one ("Somaliland said Ethiopia had
        // recognised its independence")
        let statehood = self.t.tokens.get(at + 1).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "independence" | "sovereignty" | "statehood" | "territorial"
            )
        });
        self.resolve_among(at, kind, exclude, statehood, false)
            .or_else(|| {
                statehood
                    .then(|| self.resolve_among(at, kind, exclude, statehood, true))
                    .flatten()
            })
    }

    fn resolve_among(
        &self,
        at: usize,
        kind: PronounKind,
        exclude: &[usize],
        statehood: bool,
        regions: bool,
    ) -> Option<usize> {
        let si = self.sentence_of(at);
        let s = &self.t.sentences[si];
        let want = |e: usize| -> bool {
            if exclude.contains(&e) {
                return false;
            }
            let et = self.m.entities[e].etype;
            match kind {
                PronounKind::Person => et == EntityType::Person,
                PronounKind::Plural => et == EntityType::Group,
                PronounKind::Thing if statehood => {
                    et == EntityType::State
                        || (regions
                            && et == EntityType::Place
                            && !self.k.is_point_place(&self.m.entities[e].label))
                }
                // "the Thai army said it had deployed …"
                PronounKind::Thing => matches!(
                    et,
                    EntityType::State | EntityType::Organisation | EntityType::ArmedForce
                ),
                PronounKind::We => false,
            }
        };
        // "Egypt, which has a dispute with Ethiopia, said it would …": the
        // subject of a reported clause is its speaker
        if matches!(kind, PronounKind::Thing | PronounKind::Plural) && at > s.first {
            let mut j = at - 1;
            if self.t.tokens[j].norm == "that" && j > s.first {
                j -= 1;
                // "said Kinshasa was …, and that its own troops …": a second
                // reported clause of the same verb of speaking
                if self.t.tokens[j].norm == "and" {
                    if let Some(v) = (s.first..j).rev().find(|&v| {
                        self.m.cover[v].is_none()
                            && self.k.is(Class::Speech, &self.t.tokens[v].norm)
                    }) {
                        j = v;
                    }
                }
            }
            if self.k.is(Class::Speech, &self.t.tokens[j].norm) && self.m.cover[j].is_none() {
                let sp =
                    self.subjects(j)
                        .into_iter()
                        .find_map(|mi| match self.m.list[mi].referent {
                            Ref::Entity(e) if want(e) => Some(e),
                            _ => None,
                        });
                if sp.is_some() {
                    return sp;
                }
            }
        }
        // in the current sentence, before the pronoun
        let head = self.contact_clause_head(at, s.first);
        let candidates: Vec<(usize, usize)> = (s.first..at)
            .filter_map(|i| self.m.cover[i])
            .filter(|mi| !head.contains(mi))
            .filter_map(|mi| match self.m.list[mi].referent {
                Ref::Entity(e) if want(e) => Some((mi, e)),
                // ("the Serbian president said he …": a described person)
                Ref::Entity(e)
                    if kind == PronounKind::Person
                        && self.m.list[mi].via == Via::Role
                        && !exclude.contains(&e) =>
                {
                    Some((mi, e))
                }
                _ => None,
            })
            .collect();
        let in_sentence: Vec<usize> = candidates.iter().map(|&(_, e)| e).collect();
        // "Serbia committed not to block Kosovo's membership, though it …":
        // a thing pronoun prefers an actor that is not a possessor or in a
        // prepositional phrase
        let in_sentence_direct = candidates
            .iter()
            .rev()
            .find(|&&(mi, _)| !self.is_oblique(mi))
            .map(|&(_, e)| e);
        match kind {
            PronounKind::Person => {
                if let Some(&e) = in_sentence.first() {
                    return Some(e);
                }
                (0..si)
                    .rev()
                    .take(6)
                    .find_map(|p| self.topics.get(p).copied().flatten())
            }
            PronounKind::We => None,
            PronounKind::Plural | PronounKind::Thing => {
                // "It is recognised by …, but Serbia does not recognise it":
                // a pronoun that opens the sentence as its subject is what a
                // later one of its kind refers to
                let opening = (s.first..(s.first + 2).min(at))
                    .find_map(|i| self.m.cover[i])
                    .filter(|&mi| {
                        let m = &self.m.list[mi];
                        m.referent == Ref::Pronoun(kind)
                            && m.first < at
                            && (m.first == s.first
                                || matches!(self.t.tokens[s.first].norm.as_str(), "but" | "and"))
                    });
                if let Some(mi) = opening {
                    let first = self.m.list[mi].first;
                    if let Some(e) = self.resolve_pronoun_excluding(first, kind, exclude) {
                        return Some(e);
                    }
                }
                if let Some(e) = in_sentence_direct.or(in_sentence.last().copied()) {
                    return Some(e);
                }
                // "Kosovo declared independence from Serbia. It is
                // recognised by …": a pronoun that opens a sentence refers
                // first to the subject of the sentence before
                if at == s.first && si > 0 {
                    let prev = &self.t.sentences[si - 1];
                    let subject = (prev.first..prev.last)
                        .filter_map(|i| self.m.cover[i])
                        .find(|&mi| !self.is_oblique(mi) && self.m.list[mi].first >= prev.first)
                        .and_then(|mi| match self.m.list[mi].referent {
                            Ref::Entity(e) if want(e) => Some(e),
                            _ => None,
                        });
                    if subject.is_some() {
                        return subject;
                    }
                }
                let from = self.t.sentences[si.saturating_sub(3)].first;
                (from..s.first)
                    .rev()
                    .filter_map(|i| self.m.cover[i])
                    .find_map(|mi| match self.m.list[mi].referent {
                        Ref::Entity(e) if want(e) => Some(e),
                        _ => None,
                    })
            }
        }
    }
}
