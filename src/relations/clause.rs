//! Reading arguments off a clause: subjects (with coordination, appositions,
//! relative pronouns and coordinated verb phrases), objects and places.
//!
//! * The **subject** of a predicate at token `p` is the nearest actor mention
//!   to its left in the same clause that is not inside a prepositional phrase
//!   ("an ally *of Serbia*") and not a possessor ("*Kosovo's* decision").
//!   Conjuncts are added ("Serbia, along with Russia and China, refused").
//!   A relative pronoun takes its antecedent ("Serbs, *who* reject").
//!   A verb coordinated with an earlier one ("X said … *and accused* Y")
//!   takes the subject of the clause.
//! * The **object** is the first actor mention after the predicate in the
//!   clause, with its conjuncts.
//! * A **place** is the first place-like mention after the predicate: a
//!   place, a border, "there", or a state after a locative preposition.

use crate::knowledge::Class;
use crate::mentions::phrases::phrase_at;
use crate::mentions::{PronounKind, Ref, Via};
use crate::model::EntityType;
use crate::text::TokKind;
pub(super) use crate::text::DETERMINERS;

use super::frames::BE;
use super::patterns::TriggerIndex;
use super::Ctx;

/// The possessive determiners among [`DETERMINERS`]: a pronoun written so
/// is never a subject.
pub(super) const POSSESSIVES: &[&str] = &["its", "their", "his", "her"];

/// Prepositions that open a gerund clause whose subject is the clause's
/// ("after accusing Moscow of …", "by recognising Kosovo").
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "after", "before", "while", "since", "when", "upon", "without", "by", "in",
];

pub(super) const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "also",
    "then",
    "again",
    "already",
    "not",
    "n't",
    "never",
    "further",
    "still",
    "just",
    "to",
    "do",
    "does",
    "did",
    "reportedly",
    "allegedly",
    "repeatedly",
    "since",
    "later",
    "earlier",
    "now",
    "recently",
    "previously",
    "formally",
    "officially",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "itself",
    "themselves",
    "himself",
    "herself",
    "once",
    "even",
    "only",
    "openly",
    "publicly",
    "both",
    "each",
];

impl Ctx<'_> {
    /// Whether token `i` is a hard clause boundary.
    pub fn hard_break(&self, i: usize) -> bool {
        let n = self.t.tokens[i].norm.as_str();
        matches!(n, ";" | ":" | "•")
            || (matches!(n, "-" | "–" | "—") && self.t.tokens[i].space_before)
    }

    /// Whether mention `mi` sits in a prepositional phrase or is a possessor.
    pub fn is_oblique(&self, mi: usize) -> bool {
        let m = &self.m.list[mi];
        let toks = &self.t.tokens;
        if m.last < toks.len() && toks[m.last].norm == "'s" {
            return true;
        }
        // a possessive determiner of the mention after it: "*Her* Rwandan counterpart"
        if matches!(m.referent, Ref::Pronoun(_))
            && matches!(toks[m.first].norm.as_str(), "her" | "his" | "its" | "their")
            && self
                .m
                .cover
                .get(m.last)
                .copied()
                .flatten()
                .is_some_and(|x| x != mi)
        {
            return true;
        }
        // "-brokered", "-led": a modifier, not a subject
        if m.hyphen.is_some() {
            return true;
        }
        let mut j = m.first;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            let w = toks[j - 1].norm.as_str();
            if self.m.cover[j - 1].is_some() {
                return false;
            }
            // a conjunct shares the case of its left neighbour: "between Khartoum and Port Sudan",
            // "from Egypt and the United States"
            if matches!(w, "and" | "or" | "nor") && j >= 2 {
                return self.m.cover[j - 2].is_some_and(|prev| prev != mi && self.is_oblique(prev));
            }
            // "along with", "together with", "as well as" coordinate: "Serbia,
            // along with Russia and China, refused to recognise Kosovo"
            let comitative = (w == "with"
                && j >= 2
                && matches!(toks[j - 2].norm.as_str(), "along" | "together"))
                || (w == "as" && j >= 3 && toks[j - 2].norm == "well" && toks[j - 3].norm == "as");
            if comitative {
                return false;
            }
            // "among them Spain": a phrase of examples, as "including"
            if j >= 2 && phrase_at(self.k, self.t, j - 2, Class::Examples) == Some(j) {
                return true;
            }
            if self.k.is(Class::Preposition, w) {
                // a partitive is not a prepositional phrase: "hundreds of Indian troops"
                let partitive = w == "of"
                    && j >= 2
                    && (toks[j - 2].kind == TokKind::Number
                        || self.k.is(Class::Quantity, &toks[j - 2].norm));
                return !partitive;
            }
            if DETERMINERS.contains(&w)
                || matches!(w, "this" | "that" | "[" | "neighbouring" | "neighboring")
                || (toks[j - 1].kind == TokKind::Word
                    && !toks[j - 1].capitalised
                    && self.k.is(Class::Modifier, w))
            {
                j -= 1;
                steps += 1;
                continue;
            }
            return false;
        }
        false
    }

    /// Whether the mention can act.
    pub fn is_actor_mention(&self, mi: usize) -> bool {
        match &self.m.list[mi].referent {
            Ref::Entity(e) => self.m.entities[*e].etype.is_actor(),
            Ref::Pronoun(_) | Ref::Set(_) => true,
            _ => false,
        }
    }

    /// Whether token `i` opens a clause (lexicon class `clause_break`), "as"
    /// and an adverb after an auxiliary ("has since deployed") excepted.
    fn clause_break(&self, i: usize) -> bool {
        let w = self.t.tokens[i].norm.as_str();
        self.k.is(Class::ClauseBreak, w)
            && w != "as"
            && !(i > 0
                && matches!(w, "since" | "then")
                && AUX.contains(&self.t.tokens[i - 1].norm.as_str()))
    }

    /// Whether mention `mi` names a force: a phrase with a force head ("US
    /// troops") or an armed force ("the RSF").
    pub fn is_force_mention(&self, mi: usize) -> bool {
        self.m.list[mi].force.is_some()
            || matches!(self.m.list[mi].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::ArmedForce)
    }

    /// Start of the clause containing `p` (for modality and negation scope).
    pub fn clause_start(&self, p: usize) -> usize {
        let s = &self.t.sentences[self.sentence_of(p)];
        let mut j = p;
        while j > s.first {
            if self.hard_break(j - 1)
                || self.clause_break(j - 1)
                    && !matches!(self.t.tokens[j - 1].norm.as_str(), "who" | "which")
            {
                break;
            }
            j -= 1;
        }
        j
    }

    /// The subject mentions of the predicate starting at token `p`.
    pub fn subjects(&self, p: usize) -> Vec<usize> {
        let sent = &self.t.sentences[self.sentence_of(p)];
        let toks = &self.t.tokens;
        // (a quotation opening at the predicate quotes its words, not a
        // speaker's: "the UAE had “violated the sovereignty of Sudan”")
        let open = (p.saturating_sub(2).max(sent.first + 1)..=p)
            .rev()
            .find(|&i| toks[i].kind == TokKind::OpenQuote);
        let partial = open.is_some_and(|o| {
            (o + 1..p).all(|i| self.m.cover[i].is_none())
                && (sent.first..o).any(|i| !toks[i].in_quote && self.m.cover[i].is_some())
        });
        let in_q = toks[p].in_quote && !partial;
        // a for-infinitive names its own subject: "called for Russian
        // peacekeepers to be deployed", "it is time for Spain to recognise"
        if let Some(to) = self.infinitive_to(p).filter(|&to| to > sent.first + 1) {
            if let Some(mi) = self.m.cover[to - 1].filter(|&mi| self.is_actor_mention(mi)) {
                let mut f = self.m.list[mi].first;
                while f > sent.first && matches!(toks[f - 1].norm.as_str(), "the" | "a" | "an") {
                    f -= 1;
                }
                if f > sent.first && toks[f - 1].norm == "for" && self.m.cover[f - 1].is_none() {
                    return self.with_conjuncts(mi, sent.first);
                }
            }
        }
        // a participial adjunct: "Kinshasa asked it to leave, accusing it of …" — the clause subject acts
        if p > sent.first + 1 && toks[p - 1].norm == "," && toks[p].norm.ends_with("ing") {
            // "“…,” he said, accusing X": the speaker of the attribution
            if p > sent.first + 3 && self.k.is(Class::Speech, &toks[p - 2].norm) {
                if let Some(mi) = self.m.cover[p - 3].filter(|&mi| self.is_actor_mention(mi)) {
                    return vec![mi];
                }
            }
            if let Some(s) = self.clause_subject(self.clause_start(p - 1), p - 1) {
                // the clause's first actor and those coordinated with it
                // ("Mali, Burkina Faso and Niger withdrew …, accusing …")
                return self.coordinated(s, sent.first, p - 1, sent.last);
            }
        }
        // a headline's second verb: "Nigerien junta expels French ambassador,
        // accuses Paris of interference" (a clause with a verb before the comma)
        if p > sent.first + 3
            && toks[p - 1].norm == ","
            && toks[p].norm.ends_with('s')
            && !toks[p].norm.ends_with("ss")
            && !toks[p].capitalised
            && self.m.cover[p].is_none()
        {
            if let Some(s) = self.clause_subject(self.clause_start(p - 1), p - 1) {
                let m = &self.m.list[s];
                let verb_between = (m.last..p - 1).any(|i| {
                    self.m.cover[i].is_none()
                        && toks[i].kind == TokKind::Word
                        && !toks[i].capitalised
                        && !DETERMINERS.contains(&toks[i].norm.as_str())
                });
                if m.last + 1 < p - 1 && verb_between {
                    return self.coordinated(s, sent.first, p - 1, sent.last);
                }
            }
        }
        // "Having recognised Kosovo in 2008, the United States urged …": a
        // participial clause opening the sentence has the main clause's subject
        // (also after a preposition: "Before deploying troops to Haiti, Kenya …")
        let gerund_at = if ADJUNCT_PREPOSITIONS.contains(&toks[sent.first].norm.as_str()) {
            sent.first + 1
        } else {
            sent.first
        };
        let opening = toks[sent.first].capitalised
            && toks.get(gerund_at).is_some_and(|x| x.norm.ends_with("ing"))
            && (sent.first..p).all(|i| self.m.cover[i].is_none());
        if opening {
            let comma = (p..sent.last)
                .take_while(|&i| !self.hard_break(i))
                .find(|&i| toks[i].norm == "," && self.m.cover[i].is_none());
            if let Some(c) = comma {
                let j = if self.tok(c + 1) == "the" {
                    c + 2
                } else {
                    c + 1
                };
                if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                    if self.is_actor_mention(mi) {
                        return self.with_conjuncts(mi, c + 1);
                    }
                }
            }
        }
        // "Washington vetoed a UN resolution recognising Palestine", "Putin
        // signed decrees recognising …": a participle after a document acts
        // for the subject of the verb that adopts or blocks the document
        if p >= sent.first + 3
            && toks[p].norm.ends_with("ing")
            && self.k.is(Class::Document, &toks[p - 1].norm)
        {
            if let Some(verb) = self.document_verb(p - 1, sent.first) {
                let found = self.subjects(verb);
                if !found.is_empty() {
                    return found;
                }
            }
        }
        // "Anwar said after hosting talks between …", "Russia attacked while
        // negotiating": a gerund after a temporal preposition has the subject
        // of the verb it modifies
        // (after a noun, the clause's subject: "Finland closed its border
        // after accusing Moscow of …", "Nicaragua and Syria followed Russia
        // in recognising Abkhazia", "Serbia responded by accusing Kosovo")
        if p >= sent.first + 3
            && toks[p].norm.ends_with("ing")
            && ADJUNCT_PREPOSITIONS.contains(&toks[p - 1].norm.as_str())
        {
            if toks[p - 2].kind == TokKind::Word && self.m.cover[p - 2].is_none() {
                let found = self.subjects(p - 2);
                if !found.is_empty() {
                    return found;
                }
            }
            if let Some(s) = self.clause_subject(self.clause_start(p - 1), p - 1) {
                return self.coordinated(s, sent.first, p - 1, sent.last);
            }
        }
        // "had not asked anyone to mediate", "urged other countries to
        // recognise": the agent is the request's object, here no known actor
        if p >= sent.first + 3 && toks[p - 1].norm == "to" {
            // (a one- or two-word request ends before token j: "urged",
            // "called on member states to recognise")
            let request_ends = |j: usize| {
                self.k.is(Class::Request, &toks[j - 1].norm)
                    || (j >= sent.first + 2
                        && phrase_at(self.k, self.t, j - 2, Class::Request) == Some(j))
            };
            let mut j = p - 1;
            while j > sent.first
                && p - 1 - j < 3
                && self.m.cover[j - 1].is_none()
                && toks[j - 1].kind == TokKind::Word
                && !toks[j - 1].capitalised
                && !request_ends(j)
            {
                j -= 1;
            }
            if j < p - 1 && j > sent.first && request_ends(j) {
                return Vec::new();
            }
            // "called on Spain to recognise", "appealed to African states to
            // withdraw": the object of a two-word request, after its preposition
            if let Some(mi) = self.m.cover[p - 2].filter(|&mi| self.is_actor_mention(mi)) {
                let mut f = self.m.list[mi].first;
                while f > sent.first && matches!(toks[f - 1].norm.as_str(), "the" | "a" | "an") {
                    f -= 1;
                }
                if f >= sent.first + 2
                    && phrase_at(self.k, self.t, f - 2, Class::Request) == Some(f)
                {
                    return self.with_conjuncts(mi, sent.first);
                }
            }
        }
        // "Ethiopia's move to recognise", "the decision by Spain to recognise":
        // the agent of an act noun is the infinitive's subject
        if p >= sent.first + 3 && toks[p - 1].norm == "to" {
            if let Some(found) = self.act_noun_agents(p - 2, sent.first) {
                return found;
            }
        }
        // "…, with U.S. President Donald Trump saying …": an absolute
        // construction's gerund has the name after "with" as its subject
        if p > sent.first + 1 && toks[p].norm.ends_with("ing") {
            if let Some(mi) = self.m.cover[p - 1] {
                let first = self.m.list[mi].first;
                if first > sent.first
                    && toks[first - 1].norm == "with"
                    && self.m.cover[first - 1].is_none()
                    && self.is_actor_mention(mi)
                {
                    return vec![mi];
                }
            }
        }
        // "Sweden was the first EU member to recognise …": the subject of the
        // copula, over a name inside the ordinal phrase
        if p >= sent.first + 4 && toks[p - 1].norm == "to" {
            let ordinal = (p.saturating_sub(7).max(sent.first + 2)..p - 1).find(|&j| {
                matches!(
                    toks[j].norm.as_str(),
                    "first" | "only" | "last" | "second" | "third" | "latest"
                ) && toks[j - 1].norm == "the"
                    && (BE.contains(&toks[j - 2].norm.as_str())
                        || matches!(toks[j - 2].norm.as_str(), "became" | "becomes" | "become"))
            });
            if let Some(j) = ordinal {
                if (j..p - 1).any(|x| self.m.cover[x].is_some()) {
                    return self.subjects(j - 2);
                }
            }
        }
        // "accused the North of sending troops": the agent of a gerund after
        // of/for is the governing verb's object; when that object is no known
        // actor the gerund has no agent (never the accuser)
        if p >= sent.first + 2 && toks[p].norm.ends_with("ing") {
            let b = p - 2;
            if matches!(toks[p - 1].norm.as_str(), "of" | "for")
                && self.m.cover[b].is_none()
                && toks[b].kind == TokKind::Word
                && !toks[b].norm.ends_with("ed")
                && !BE.contains(&toks[b].norm.as_str())
                && !self.k.is(Class::GerundHead, &toks[b].norm)
            {
                return Vec::new();
            }
        }
        // coordinated verb phrase: "X said … and accused Y"
        let mut j = p;
        while j > sent.first
            && (AUX.contains(&toks[j - 1].norm.as_str())
                || self.k.is(Class::Negation, &toks[j - 1].norm)
                || self.k.is(Class::Modal, &toks[j - 1].norm))
        {
            j -= 1;
        }
        // "…, and more than 100 countries have recognised it": a counted
        // plural noun right before the verb is its subject, no known actor
        // (a force is not: "how many troops had been sent" may be the speaker's)
        if j >= sent.first + 2
            && self.m.cover[j - 1].is_none()
            && self.m.cover[j - 2].is_none()
            && toks[j - 1].kind == TokKind::Word
            && !toks[j - 1].capitalised
            && toks[j - 1].norm.len() > 3
            && toks[j - 1].norm.ends_with('s')
            && !self.k.is(Class::Force, &toks[j - 1].norm)
            && (toks[j - 2].kind == TokKind::Number
                || self.k.is(Class::Quantity, &toks[j - 2].norm))
        {
            return Vec::new();
        }
        if j > sent.first
            && matches!(toks[j - 1].norm.as_str(), "and" | "but" | "or")
            && self.m.cover[j - 1].is_none()
        {
            let before = j - 1;
            // "Algeria was hosting and arming the Polisario": two gerunds
            // joined share the nearer verb's subject
            if before > sent.first + 1
                && toks[p].norm.ends_with("ing")
                && toks[before - 1].norm.ends_with("ing")
                && toks[before - 1].kind == TokKind::Word
                && self.m.cover[before - 1].is_none()
            {
                let found = self.subjects(before - 1);
                if !found.is_empty() {
                    return found;
                }
            }
            let prev = if before > sent.first {
                self.m.cover[before - 1]
            } else {
                None
            };
            // ("Vucic said Serbia had not sent troops … and would never
            // recognise it": the reported clause's subject, not the speaker,
            // when the conjunct goes on with an auxiliary; not "said Kigali
            // would respect … but accused Kinshasa", the speaker's own verb)
            let aux_next = toks.get(before + 1).is_some_and(|t| {
                self.k.is(Class::Auxiliary, &t.norm) || self.k.is(Class::Modal, &t.norm)
            });
            let reported = aux_next
                .then(|| {
                    (sent.first..before).rev().find(|&i| {
                        self.m.cover[i].is_none() && self.k.is(Class::Speech, &toks[i].norm)
                    })
                })
                .flatten()
                .and_then(|v| {
                    let f = if toks[v + 1].norm == "that" {
                        v + 2
                    } else {
                        v + 1
                    };
                    let mi = self.m.cover.get(f).copied().flatten()?;
                    let m = &self.m.list[mi];
                    (self.is_actor_mention(mi)
                        && m.last < before
                        && toks.get(m.last).is_some_and(|t| !t.capitalised)
                        && self.finite_verb(&toks[m.last].norm))
                    .then_some(mi)
                });
            if let Some(s) = reported.or_else(|| self.clause_subject(sent.first, before)) {
                // "Serbia and Kosovo said" coordinates subjects; "Rwanda denies
                // supporting the rebels and says" verb phrases, the mention
                // before "and" being an object
                let object_before = prev
                    .is_some_and(|pm| pm != s && !self.left_conjuncts(pm, sent.first).contains(&s));
                // ("Serbia and Russia oppose … and do not recognise": both)
                if prev.is_none() || object_before {
                    return self.coordinated(s, sent.first, before, sent.last);
                }
            }
        }
        let mut k = p;
        while k > sent.first {
            k -= 1;
            if toks[k].in_quote != in_q
                && toks[k].kind != TokKind::OpenQuote
                && toks[k].kind != TokKind::CloseQuote
            {
                if in_q {
                    break; // the subject of a quoted predicate is inside the quotation
                }
                continue; // a predicate outside skips quoted words ("accuses X of “provocations” by sending")
            }
            if self.hard_break(k) {
                // "Five EU member states - Spain, Slovakia … - do not recognise":
                // a list between dashes is an apposition to the subject before it
                if let Some(found) = self.dash_apposition(k, sent.first) {
                    return found;
                }
                break;
            }
            let w = toks[k].norm.as_str();
            if matches!(w, "who" | "which" | "that") && self.m.cover[k].is_none() {
                // relative pronoun: the antecedent right before
                let mut a = k;
                while a > sent.first && toks[a - 1].norm == "," {
                    a -= 1;
                }
                if a > sent.first {
                    if let Some(mi) = self.m.cover[a - 1] {
                        if self.is_actor_mention(mi) {
                            // "The United States and the EU, which has
                            // mediated …": a verb in the singular takes the
                            // last conjunct only
                            let verb = (k + 1..p).map(|i| toks[i].norm.as_str()).find(|w| {
                                !AUX.contains(w) || matches!(*w, "has" | "is" | "was" | "does")
                            });
                            let singular = verb.is_some_and(|w| {
                                matches!(w, "has" | "is" | "was" | "does")
                                    || (w.ends_with('s') && !w.ends_with("ss"))
                            });
                            if singular {
                                return vec![mi];
                            }
                            return self.with_conjuncts(mi, sent.first);
                        }
                    }
                }
                // "one of the few states that recognise": "states" is a noun here
                let noun_states = k >= 2
                    && matches!(toks[k - 1].norm.as_str(), "states" | "claims")
                    && (self.k.is(Class::Quantity, &toks[k - 2].norm)
                        || toks[k - 2].kind == TokKind::Number
                        || matches!(
                            toks[k - 2].norm.as_str(),
                            "the" | "few" | "other" | "those" | "these" | "member" | "only"
                        ));
                if w == "that"
                    && k > sent.first
                    && !noun_states
                    && (self.k.is(Class::Speech, &toks[k - 1].norm)
                        || matches!(
                            toks[k - 1].norm.as_str(),
                            "hope"
                                | "hoped"
                                | "fear"
                                | "feared"
                                | "expected"
                                | "clear"
                                | "possible"
                                | "likely"
                        ))
                {
                    break;
                }
                // the antecedent is a common noun: the clause has a subject of
                // its own only in "X is one of the few states that …", "X was
                // the first country that …"
                if !self.copula_before(k, sent.first) {
                    break;
                }
                continue;
            }
            if w == "," && self.m.cover[k].is_none() {
                // ", which backs the Polisario Front," — a relative clause or apposition between commas is skipped
                // (up to 24 words: ", whose envoy … has mediated between Morocco and the Polisario since 2021,")
                if let Some(open) = self.relative_open(k, sent.first) {
                    k = open;
                    continue;
                }
            }
            if self.m.cover[k].is_none() && self.clause_break(k) {
                break;
            }
            if let Some(mi) = self.m.cover[k] {
                // "The OSCE Minsk Group co-chaired by France, Russia and the United
                // States mediated": a participle's by-phrase is no subject
                if let Some(participle) = self.participial_by_phrase(mi, sent.first) {
                    k = participle;
                    continue;
                }
                let m = &self.m.list[mi];
                k = m.first;
                // "after Kosovo police entered": a conjunction, not a preposition, when the verb follows
                // (or a catenative verb: "after Qatar helped broker the deal")
                let adjacent = toks[m.last.min(p)..p].iter().all(|x| {
                    AUX.contains(&x.norm.as_str())
                        || self.k.is(Class::Negation, &x.norm)
                        || self.k.is(Class::Modal, &x.norm)
                        || self.k.is(Class::Endeavour, &x.norm)
                        || matches!(
                            x.norm.as_str(),
                            "help" | "helps" | "helped" | "helping" | "to"
                        )
                });
                // "after Qatar and Egypt mediated": the opener precedes the first conjunct
                let clause_opener = adjacent
                    && self
                        .left_conjuncts(mi, sent.first)
                        .first()
                        .is_some_and(|&lead| self.after_opener(lead));
                if self.is_actor_mention(mi) && (!self.is_oblique(mi) || clause_opener) {
                    return self.with_conjuncts(mi, sent.first);
                }
                if clause_opener {
                    break;
                }
            }
        }
        Vec::new()
    }

    /// The agents of the act noun ending at `n` right before an infinitive's
    /// "to": its possessor ("Ethiopia's move", "its decision") or the actors
    /// of its by-phrase ("the decision by Spain and Norway"). None when `n`
    /// is no act noun, or has neither and its governing verb may be its
    /// agent ("Spain announced the decision to …"); empty when a verb of
    /// reaction governs it ("Morocco welcomed the decision to …").
    pub(crate) fn act_noun_agents(&self, n: usize, floor: usize) -> Option<Vec<usize>> {
        let toks = &self.t.tokens;
        if self.m.cover[n].is_some() {
            let b = self.by_phrase_noun(n, floor)? + 1;
            let mut list: Vec<usize> = Vec::new();
            for mi in (b + 1..=n).filter_map(|i| self.m.cover[i]) {
                if !list.contains(&mi) && self.is_actor_mention(mi) {
                    list.push(mi);
                }
            }
            return Some(list);
        }
        if !self.k.is(Class::ActNoun, &toks[n].norm) {
            return None;
        }
        if let Some(mi) = self.possessor(n, &[]) {
            return self
                .is_actor_mention(mi)
                .then(|| self.with_conjuncts(mi, floor));
        }
        let det = if n > floor && matches!(toks[n - 1].norm.as_str(), "the" | "a" | "an" | "this") {
            n - 1
        } else {
            n
        };
        (det > floor && self.k.is(Class::Reaction, &toks[det - 1].norm)).then(Vec::new)
    }

    /// The verb whose object is the document noun at `n`: back over the
    /// document's modifiers (names, capitalised words, an adjective after a
    /// determiner) to its determiner, or to a bare plural's verb.
    fn document_verb(&self, n: usize, floor: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        let mut j = n;
        while j > floor && n - j < 8 {
            j -= 1;
            let w = toks[j].norm.as_str();
            if DETERMINERS.contains(&w) {
                return (j > floor).then_some(j - 1);
            }
            if toks[j].kind != TokKind::Word {
                return None;
            }
            if self.m.cover[j].is_some() || toks[j].capitalised {
                continue;
            }
            let det_before = j > floor && DETERMINERS.contains(&toks[j - 1].norm.as_str());
            if !det_before {
                return Some(j);
            }
        }
        None
    }

    /// The past participle before the by-phrase that mention `mi` ends: "(the
    /// Minsk Group) co-chaired by France, Russia and the United States",
    /// "(the panel) led by Thabo Mbeki" — only when a mention or noun
    /// precedes the participle, so that the phrase is a reduced relative.
    fn participial_by_phrase(&self, mi: usize, floor: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        let by = self.by_before(self.m.list[mi].last, floor)?;
        if by < floor + 2 {
            return None;
        }
        let participle = by - 1;
        // ("co-chaired": over the prefix and its hyphen)
        let start = if participle >= floor + 3 && toks[participle - 1].norm == "-" {
            participle - 2
        } else {
            participle
        };
        if start <= floor {
            return None;
        }
        let noun_before = self.m.cover[start - 1].is_some()
            || (toks[start - 1].kind == TokKind::Word
                && !BE.contains(&toks[start - 1].norm.as_str())
                && !AUX.contains(&toks[start - 1].norm.as_str()));
        (toks[participle].norm.ends_with("ed") && self.m.cover[participle].is_none() && noun_before)
            .then_some(start)
    }

    /// The act noun whose by-phrase of names ends at token `n`: "the
    /// decision by Spain, Ireland and Norway" (`n` in "Norway").
    pub(super) fn by_phrase_noun(&self, n: usize, floor: usize) -> Option<usize> {
        self.m.cover[n]?;
        let by = self.by_before(n + 1, floor)?;
        let noun = by.checked_sub(1)?;
        (noun > floor
            && self.m.cover[noun].is_none()
            && self.k.is(Class::ActNoun, &self.t.tokens[noun].norm))
        .then_some(noun)
    }

    /// The "by" opening the list of names that ends right before token `end`
    /// ("by Spain, Ireland and Norway", "by the United States").
    pub(super) fn by_before(&self, end: usize, floor: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        let mut b = end;
        while b > floor
            && end - b < 16
            && (self.m.cover[b - 1].is_some()
                || matches!(toks[b - 1].norm.as_str(), "," | "and" | "the"))
        {
            b -= 1;
        }
        if b > floor && toks[b - 1].norm == "by" && self.m.cover[b - 1].is_none() {
            Some(b - 1)
        } else {
            None
        }
    }

    /// The first non-oblique actor mention of the clause `[from, to)`.
    fn clause_subject(&self, from: usize, to: usize) -> Option<usize> {
        let mut k = from;
        while k < to {
            if let Some(mi) = self.m.cover[k] {
                if self.is_actor_mention(mi) && !self.is_oblique(mi) {
                    return Some(mi);
                }
                k = self.m.list[mi].last;
            } else {
                k += 1;
            }
        }
        None
    }

    /// A mention and the mentions coordinated with it to its left
    /// ("Serbia, along with its allies Russia and China").
    /// The comma opening the relative clause that the comma at `close` ends,
    /// up to 24 tokens before it and not before `floor`: ", which backs the
    /// Polisario Front,", ", who has blocked EU aid,".
    pub fn relative_open(&self, close: usize, floor: usize) -> Option<usize> {
        let toks = &self.t.tokens;
        let open = (close.saturating_sub(24).max(floor)..close)
            .rev()
            .find(|&x| toks[x].norm == ",")?;
        // (or an indefinite apposition after a name: "Hungary, an EU
        // country, refused …", never a list's next item)
        // or a definite one naming no one by name: "Malaysia, the ASEAN
        // chair, brokered …", not a list's "Russia, the United States, and …")
        let definite = || {
            toks[open + 1].norm == "the"
                && (open + 2..close).all(|x| {
                    self.m.cover[x]
                        .is_none_or(|mi| !matches!(self.m.list[mi].via, Via::Name | Via::Capital))
                })
                && toks
                    .get(close + 1)
                    .is_some_and(|x| !matches!(x.norm.as_str(), "and" | "or"))
                && self.m.cover.get(close + 1).is_some_and(|c| c.is_none())
        };
        let apposition = || {
            (matches!(toks[open + 1].norm.as_str(), "a" | "an") || definite())
                && open > floor
                && self.m.cover[open - 1].is_some_and(|mi| self.is_actor_mention(mi))
                && (open + 2..close).all(|x| !self.hard_break(x))
        };
        (open + 1 < close
            && (matches!(
                toks[open + 1].norm.as_str(),
                "which" | "who" | "whose" | "whom"
            ) || apposition()))
        .then_some(open)
    }

    /// A clause's subject `s` with the mentions coordinated with it on
    /// either side (within `[floor, ceil)`), and the examples of the list
    /// (up to `last`).
    fn coordinated(&self, s: usize, floor: usize, ceil: usize, last: usize) -> Vec<usize> {
        let mut list = self.left_conjuncts(s, floor);
        for x in self.right_conjuncts(s, ceil) {
            if !list.contains(&x) {
                list.push(x);
            }
        }
        self.with_examples(list, last)
    }

    fn with_conjuncts(&self, mi: usize, floor: usize) -> Vec<usize> {
        let list = self.left_conjuncts(mi, floor);
        let ceil = self.t.sentences[self.sentence_of(self.m.list[mi].first)].last;
        self.with_examples(list, ceil)
    }

    /// The subject before a dash-delimited apposition closed by the dash at
    /// `k`, with the apposition's actors when the subject is collective.
    fn dash_apposition(&self, k: usize, floor: usize) -> Option<Vec<usize>> {
        let toks = &self.t.tokens;
        if !matches!(toks[k].norm.as_str(), "-" | "–" | "—") {
            return None;
        }
        let open = (floor..k).rev().take(16).find(|&j| self.hard_break(j))?;
        if open == floor || !matches!(toks[open].norm.as_str(), "-" | "–" | "—") {
            return None;
        }
        let head = self.m.cover[open - 1].filter(|&mi| self.is_actor_mention(mi))?;
        let mut out = self.left_conjuncts(head, floor);
        if self.is_collective(head) {
            let mut x = open + 1;
            while x < k {
                match self.m.cover[x] {
                    Some(mi) => {
                        if self.is_actor_mention(mi) && !out.contains(&mi) {
                            out.push(mi);
                        }
                        x = self.m.list[mi].last;
                    }
                    None => x += 1,
                }
            }
        }
        Some(out)
    }

    /// Whether a copula ("is", "was", "became", "remains") precedes the noun
    /// phrase ending at the relative pronoun `k`, within a few words and no
    /// punctuation or mention: "Turkey is the only country that …".
    fn copula_before(&self, k: usize, floor: usize) -> bool {
        let toks = &self.t.tokens;
        let mut j = k;
        while j > floor && k - j < 8 {
            j -= 1;
            let w = toks[j].norm.as_str();
            if BE.contains(&w) || matches!(w, "became" | "becomes" | "remains" | "remained") {
                return j + 1 < k;
            }
            if self.m.cover[j].is_some() || toks[j].kind == TokKind::Punct {
                return false;
            }
        }
        false
    }

    /// Whether mention `mi` follows a word that opens a clause and is also a
    /// preposition ("after Spain recognised", "since Russia sent").
    fn after_opener(&self, mi: usize) -> bool {
        let mut first = self.m.list[mi].first;
        // "after the United States recognised", "after a Chinese jet entered"
        if first > 1 && matches!(self.t.tokens[first - 1].norm.as_str(), "the" | "a" | "an") {
            first -= 1;
        }
        first > 0
            && matches!(
                self.t.tokens[first - 1].norm.as_str(),
                "after"
                    | "before"
                    | "since"
                    | "until"
                    | "as"
                    | "while"
                    | "because"
                    | "when"
                    | "once"
            )
    }

    /// Whether mention `mi` names a collective actor ("EU states", "Western countries").
    pub fn is_collective(&self, mi: usize) -> bool {
        matches!(self.m.list[mi].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Group)
    }

    /// The actors named as examples right after token `at`, before `ceil`:
    /// ", including Spain and Slovakia", "such as the United States".
    pub fn examples_at(&self, at: usize, ceil: usize) -> Vec<usize> {
        let mut k = at;
        if k < ceil && self.t.tokens[k].norm == "," {
            k += 1;
        }
        // (or a colon: "Five EU states do not recognise Kosovo: Spain, …")
        let colon = k < ceil && self.t.tokens[k].norm == ":";
        let Some(mut x) = (if colon {
            Some(k + 1)
        } else {
            phrase_at(self.k, self.t, k, Class::Examples)
        }) else {
            return Vec::new();
        };
        while x < ceil && self.t.tokens[x].norm == "the" {
            x += 1;
        }
        match self.m.cover.get(x).copied().flatten() {
            Some(mi) if x < ceil && self.is_actor_mention(mi) => self.right_conjuncts(mi, ceil),
            _ => Vec::new(),
        }
    }

    /// The mentions, each collective one followed by the examples named after
    /// it: "several EU states, including Spain and Slovakia, …" acts as the
    /// group and as Spain and Slovakia.
    pub fn with_examples(&self, list: Vec<usize>, ceil: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(list.len());
        for mi in list {
            out.push(mi);
            if self.is_collective(mi) {
                for x in self.examples_at(self.m.list[mi].last, ceil) {
                    if !out.contains(&x) {
                        out.push(x);
                    }
                }
            }
        }
        out
    }

    /// A mention and the mentions coordinated with it to its left.
    fn left_conjuncts(&self, mi: usize, floor: usize) -> Vec<usize> {
        let toks = &self.t.tokens;
        let mut out = vec![mi];
        let mut cur = self.m.list[mi].first;
        loop {
            let mut j = cur;
            let mut saw_conj = false;
            let mut steps = 0;
            while j > floor && steps < 7 {
                let w = toks[j - 1].norm.as_str();
                let determiner = POSSESSIVES.contains(&w);
                if self.m.cover[j - 1].is_some() && !determiner {
                    break;
                }
                if matches!(
                    w,
                    "and" | "or" | "nor" | "," | "with" | "along" | "together" | "as" | "well"
                ) {
                    saw_conj = true;
                } else if !(matches!(
                    w,
                    "its"
                        | "their"
                        | "his"
                        | "her"
                        | "the"
                        | "allies"
                        | "ally"
                        | "partners"
                        | "partner"
                        | "neighbours"
                        | "neighbors"
                        | "neighbour"
                        | "neighbor"
                        | "backers"
                        | "both"
                        // "the United States and most EU countries"
                        | "most"
                        | "many"
                        | "some"
                        | "several"
                        | "other"
                        | "all"
                ) || toks[j - 1].kind == TokKind::Number
                    // "Serbia, along with five EU member states"
                    || crate::text::number_word(w).is_some())
                {
                    break;
                }
                j -= 1;
                steps += 1;
            }
            if !saw_conj || j == floor || self.m.cover[j - 1].is_none() {
                break;
            }
            let prev = match self.m.cover[j - 1] {
                Some(p) => p,
                None => break,
            };
            // "after Spain, Ireland and Norway recognised": the first conjunct follows the opener
            // ("countries, including Russia, Nicaragua and Syria, recognise":
            // the examples are one list)
            let first_example = |x: usize| {
                let mut f = self.m.list[x].first;
                if f > 0 && toks[f - 1].norm == "the" {
                    f -= 1;
                }
                (f.saturating_sub(3)..f)
                    .any(|y| phrase_at(self.k, self.t, y, Class::Examples) == Some(f))
            };
            if !self.is_actor_mention(prev)
                || self.is_oblique(prev)
                    && !toks[j - 1].norm.ends_with('s')
                    && !self.after_opener(prev)
                    && !first_example(prev)
            {
                break;
            }
            // "X, an ally of Y," is not coordination: require a conjunction word
            // (a determiner is no word here: "Serbia, the United States and France")
            let words: Vec<&str> = toks[j..cur]
                .iter()
                .map(|t| t.norm.as_str())
                .filter(|w| *w != "the")
                .collect();
            if !words
                .iter()
                .any(|w| matches!(*w, "and" | "or" | "nor" | "with" | "as"))
                && !words.is_empty()
                && words != [","]
            {
                break;
            }
            if words == [","] {
                // a list "A, B and C": accept only if a later conjunction exists,
                // or in a headline's asyndetic subject ("Egypt, Qatar mediate …")
                let has_and = toks[cur..self.m.list[mi].last.max(cur)]
                    .iter()
                    .any(|t| t.norm == "and");
                // ("Spain, Ireland, Norway Recognise …": a list of names and
                // commas from the start)
                let mut f = self.m.list[prev].first;
                while f >= floor + 2 && toks[f - 1].norm == "," {
                    match self.m.cover[f - 2] {
                        Some(x) => f = self.m.list[x].first,
                        None => break,
                    }
                }
                let headline = f == floor
                    && toks.get(self.m.list[mi].last).is_some_and(|t| {
                        // (in title case, a known verb: "Qatar, Egypt Mediate …")
                        t.kind == TokKind::Word
                            && (!t.capitalised || TriggerIndex::get().starts_verb(&t.norm))
                            && !self.k.is(Class::Preposition, &t.norm)
                    });
                if !has_and && out.len() < 2 && !headline {
                    break;
                }
            }
            out.push(prev);
            cur = self.m.list[prev].first;
        }
        out.reverse();
        out
    }

    /// The end of `from`'s sentence, and the end of a window of `limit` tokens after `from` within it.
    pub(super) fn window_after(&self, from: usize, limit: usize) -> (usize, usize) {
        let s = &self.t.sentences[self.sentence_of(from.saturating_sub(1))];
        (s.last, s.last.min(from + limit))
    }

    /// The object mentions after token `from`: the first actor mention within
    /// `limit` tokens, in the same clause, with its conjuncts.
    pub fn objects(&self, from: usize, limit: usize) -> Vec<usize> {
        let (sent_last, end) = self.window_after(from, limit);
        let toks = &self.t.tokens;
        let mut k = from;
        while k < end {
            if self.hard_break(k) {
                break;
            }
            // ("do not recognise the regions and said they …": a coordinated
            // verb phrase before any object starts a clause of its own)
            if self.m.cover[k].is_none()
                && matches!(
                    toks[k].norm.as_str(),
                    "that" | "which" | "who" | "because" | "while" | "when" | "if" | "and" | "but"
                )
            {
                break;
            }
            // ("… recognise the election results, Borrell said": the speaker
            // of an inverted attribution is no object)
            if toks[k].norm == "," && self.m.cover[k].is_none() {
                let mut j = k + 1;
                while matches!(
                    toks.get(j).map(|x| x.norm.as_str()),
                    Some("the" | "a" | "an")
                ) {
                    j += 1;
                }
                let attributed = self.m.cover.get(j).copied().flatten().is_some_and(|mi| {
                    let last = self.m.list[mi].last;
                    toks.get(last)
                        .is_some_and(|x| self.k.is(Class::Speech, &x.norm) && x.norm != "accused")
                        && toks.get(last + 1).is_none_or(|x| x.kind != TokKind::Word)
                });
                if attributed {
                    break;
                }
            }
            if let Some(mi) = self.m.cover[k] {
                // "Rwanda-backed rebels", "Pakistan-based militants": the patron
                // modifies the object, which is what follows it ("Rwanda-backed
                // M23 rebels") or, unnamed, no actor at all
                if self.m.list[mi]
                    .hyphen
                    .as_ref()
                    .is_some_and(|w| self.k.is(Class::Patron, w))
                {
                    // (over the hyphen and its participle)
                    let next = self.m.list[mi].last + 2;
                    match self.m.cover.get(next).copied().flatten() {
                        Some(x) if self.is_actor_mention(x) => {
                            return self
                                .with_examples(self.right_conjuncts(x, sent_last), sent_last)
                        }
                        _ => return Vec::new(),
                    }
                }
                // "Georgia's breakaway regions": not Georgia (but "… region of Abkhazia")
                let last = self.m.list[mi].last;
                let breakaway = toks.get(last).is_some_and(|x| x.norm == "'s")
                    && toks.get(last + 1).is_some_and(|x| {
                        matches!(
                            x.norm.as_str(),
                            "breakaway" | "separatist" | "rebel" | "occupied" | "self"
                        )
                    });
                if breakaway {
                    k = last + 2;
                    continue;
                }
                if self.is_actor_mention(mi)
                    || matches!(self.m.list[mi].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Place)
                {
                    let mi = self.possessed_after(mi).unwrap_or(mi);
                    return self.with_examples(self.right_conjuncts(mi, sent_last), sent_last);
                }
                k = self.m.list[mi].last;
                continue;
            }
            k += 1;
        }
        Vec::new()
    }

    /// The mention a state's or organisation's possessive owns, over at most
    /// two lower-case words: "Sudan's RSF", "Russia's Kursk region",
    /// "Venezuela's embattled Maduro" (the possessed is the head).
    pub fn possessed_after(&self, mi: usize) -> Option<usize> {
        let m = &self.m.list[mi];
        // "accused its leader, Jimmy Chérizier": a possessive determiner
        // before an actor is not the object, the actor is
        if matches!(m.referent, Ref::Pronoun(_))
            && m.last == m.first + 1
            && POSSESSIVES.contains(&self.t.tokens[m.first].norm.as_str())
        {
            let next = self.m.cover.get(m.last).copied().flatten()?;
            return (self.is_actor_mention(next)
                && !matches!(self.m.list[next].referent, Ref::Pronoun(_)))
            .then_some(next);
        }
        let Ref::Entity(e) = m.referent else {
            return None;
        };
        if !matches!(
            self.m.entities[e].etype,
            EntityType::State | EntityType::Organisation
        ) || !matches!(self.t.tokens.get(m.last)?.norm.as_str(), "'s" | "'")
        {
            return None;
        }
        let toks = &self.t.tokens;
        let mut j = m.last + 1;
        // (not over a preposition: "Morocco's sovereignty over Western Sahara"
        // is Morocco's)
        while j < m.last + 3
            && toks.get(j).is_some_and(|x| {
                x.kind == TokKind::Word
                    && !x.capitalised
                    && self.m.cover[j].is_none()
                    && !self.k.is(Class::Preposition, &x.norm)
            })
        {
            j += 1;
        }
        let next = self.m.cover.get(j).copied().flatten()?;
        // "Afghanistan's Taliban government" is still Afghanistan's government
        let nl = self.m.list[next].last;
        let head_after = [nl - 1, nl].iter().any(|&x| {
            toks.get(x)
                .is_some_and(|y| self.k.is(Class::Government, &y.norm))
        });
        (self.m.list[next].first == j
            && !head_after
            && (self.is_actor_mention(next)
                || matches!(self.m.list[next].referent, Ref::Entity(x) if self.m.entities[x].etype == EntityType::Place)))
        .then_some(next)
    }

    /// A mention and its conjuncts to the right ("Israel and Hamas").
    pub fn right_conjuncts(&self, mi: usize, ceil: usize) -> Vec<usize> {
        let toks = &self.t.tokens;
        let mut out = vec![mi];
        let mut cur = self.m.list[mi].last;
        while cur + 1 < ceil {
            let w = toks[cur].norm.as_str();
            if !matches!(w, "and" | "or" | "nor" | ",") {
                break;
            }
            let mut j = cur + 1;
            while j < ceil
                && matches!(
                    toks[j].norm.as_str(),
                    "the" | "most" | "many" | "some" | "several" | "other" | "all"
                )
            {
                j += 1;
            }
            // "Damascus and the Kurdish-led SDF": a compound of a name no
            // actor here, a hyphen and a participle describes the conjunct
            if self.m.cover[j].is_none()
                && toks.get(j + 1).is_some_and(|x| x.norm == "-")
                && toks
                    .get(j + 2)
                    .is_some_and(|x| x.norm == "led" || self.k.is(Class::Patron, &x.norm))
            {
                j += 3;
            }
            // "Baku and representatives of the Karabakh Armenians": the
            // conjunct is what the representatives stand for
            if let Some(q) = phrase_at(self.k, self.t, j, Class::Quantity).filter(|&q| {
                toks.get(q)
                    .is_some_and(|x| matches!(x.norm.as_str(), "of" | "from"))
            }) {
                j = q + 1;
                if toks.get(j).is_some_and(|x| x.norm == "the") {
                    j += 1;
                }
            }
            // a place coordinates with places: "Abkhazia and South Ossetia"
            let is_place = |x: usize| matches!(self.m.list[x].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Place);
            // "Russia and Ukraine, Erdogan said": a list ends at its "and"; a
            // name followed by a speech verb is a post-posed speaker
            let after_and = out.len() > 1
                && w == ","
                && toks[self.m.list[*out.last().unwrap_or(&mi)]
                    .first
                    .saturating_sub(1)]
                .norm
                    == "and";
            let speaker = |x: usize| {
                toks.get(self.m.list[x].last)
                    .is_some_and(|t| self.k.is(Class::Speech, &t.norm))
            };
            match self.m.cover.get(j).copied().flatten() {
                Some(next)
                    if (self.is_actor_mention(next) || (is_place(mi) && is_place(next)))
                        && !after_and
                        && !(w == "," && speaker(next)) =>
                {
                    out.push(next);
                    cur = self.m.list[next].last;
                }
                _ => break,
            }
        }
        out
    }

    /// The first place-like mention after `from` within `limit` tokens.
    /// The place named after a region's name by "city/town/village/port
    /// of": "the West Bank city of Nablus", "the Syrian town of Afrin".
    fn town_of_after(&self, mi: usize) -> Option<usize> {
        let last = self.m.list[mi].last;
        let toks = &self.t.tokens;
        let town = toks.get(last)?.norm.as_str();
        if !matches!(town, "city" | "town" | "village" | "port" | "district")
            || toks.get(last + 1)?.norm != "of"
        {
            return None;
        }
        let x = self.m.cover.get(last + 2).copied().flatten()?;
        matches!(self.m.list[x].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Place)
            .then_some(x)
    }

    /// Whether a clause begins at token `i`: a mention (after "the") and then
    /// a verb in the past or an auxiliary ("Chinese drones flew", "Russia had").
    fn clause_follows(&self, i: usize) -> bool {
        let i = if self.tok(i) == "the" { i + 1 } else { i };
        let Some(mi) = self.m.cover.get(i).copied().flatten() else {
            return self.common_clause_follows(i);
        };
        let next = self.m.list[mi].last;
        self.t.tokens.get(next).is_some_and(|t| !t.capitalised) && self.finite_verb(self.tok(next))
    }

    /// Whether a clause whose subject is a common noun starts at `i`: "(after)
    /// a drone crashed", "(after) the talks failed", "two missiles struck"
    /// (but not a phrase: "after a failed coup", "after talks in Doha").
    fn common_clause_follows(&self, i: usize) -> bool {
        let toks = &self.t.tokens;
        let det = |t: &crate::text::Token| {
            matches!(
                t.norm.as_str(),
                "a" | "an" | "the" | "two" | "three" | "several"
            ) || t.kind == TokKind::Number
        };
        // (with "the" already skipped by the caller, the noun may start here)
        let start = if toks.get(i).is_some_and(det) {
            i + 1
        } else {
            i
        };
        let noun = |j: usize| {
            let t = &toks[j];
            t.kind == TokKind::Word
                && !t.capitalised
                && self.m.cover[j].is_none()
                && !self.k.is(Class::Preposition, &t.norm)
                && !self.finite_verb(&t.norm)
        };
        let mut j = start;
        while j < toks.len() && j < start + 3 && noun(j) {
            j += 1;
        }
        j > start
            && toks.get(j).is_some_and(|t| {
                t.kind == TokKind::Word && !t.capitalised && self.finite_verb(&t.norm)
            })
    }

    /// A past or auxiliary verb form: the verb of a clause after its subject.
    fn finite_verb(&self, w: &str) -> bool {
        (w.ends_with("ed") && w.len() > 3)
            || matches!(
                w,
                "flew" | "began" | "took" | "fled" | "struck" | "went" | "came"
            )
            || (self.k.is(Class::Auxiliary, w)
                && !matches!(
                    w,
                    "on" | "last" | "this" | "first" | "week" | "month" | "year"
                ))
    }

    pub fn place_after(&self, from: usize, limit: usize, direct: bool) -> Option<usize> {
        // (`limit` counts words: punctuation and numbers in a list of forces
        // do not push the place out, "eight warships, a nuclear-powered
        // submarine and about 4,500 sailors and Marines to the southern Caribbean")
        let (sent_last, _) = self.window_after(from, limit);
        let mut end = from;
        let mut words = 0;
        while end < sent_last && words < limit {
            if self.t.tokens[end].kind == TokKind::Word {
                words += 1;
            }
            end += 1;
        }
        let toks = &self.t.tokens;
        let mut k = from;
        // "deployed a ship to escort the Gaza aid flotilla": in a purpose
        // clause only a place after a locative preposition is where the force
        // goes ("to restore order in Niger")
        let mut purpose = false;
        while k < end {
            if toks[k].norm == "to"
                && toks
                    .get(k + 1)
                    .is_some_and(|x| self.k.is(Class::Purpose, &x.norm))
            {
                purpose = true;
            }
            if self.hard_break(k)
                || (self.m.cover[k].is_none()
                    && matches!(
                        toks[k].norm.as_str(),
                        "that"
                            | "which"
                            | "who"
                            | "because"
                            | "while"
                            | "when"
                            | "if"
                            | "but"
                            | "saying"
                    ))
                // "… of sending troops as M23 rebels seize Goma": a new clause
                // (but "deployed as peacekeepers in Lebanon")
                || (toks[k].norm == "as" && toks.get(k + 1).is_some_and(|x| x.capitalised))
                // "scrambled jets after Chinese drones flew over Yonaguni": a
                // clause of its own, with a subject and a verb (but "after
                // clashes in Abyei" is a phrase)
                || (matches!(toks[k].norm.as_str(), "after" | "before" | "until")
                    && self.clause_follows(k + 1))
            {
                break;
            }
            if let Some(mi) = self.m.cover[k] {
                let m = &self.m.list[mi];
                let locative = {
                    let mut j = m.first;
                    // ("to the Syrian capital", "in neighbouring Benin")
                    while j > from
                        && (toks[j - 1].norm == "the"
                            || self.k.is(Class::PlaceModifier, &toks[j - 1].norm))
                    {
                        j -= 1;
                    }
                    (j > 0
                        && (self.k.is(Class::Locative, &toks[j - 1].norm)
                            || (toks[j - 1].norm == "of"
                                && j >= 2
                                && (self.k.is(Class::PlacePart, &toks[j - 2].norm)
                                    // "south of the Litani River"
                                    || matches!(
                                        toks[j - 2].norm.as_str(),
                                        "south" | "north" | "east" | "west"
                                    )))))
                        || (direct && j == from)
                };
                if purpose && !locative {
                    k = m.last;
                    continue;
                }
                match &m.referent {
                    Ref::Border(_) | Ref::There => return Some(mi),
                    // "into the two breakaway republics": the places named before
                    Ref::Set(set)
                        if locative
                            && set.iter().all(|&e| self.m.entities[e].etype == EntityType::Place) =>
                    {
                        return Some(mi)
                    }
                    // "into its territory", "over their airspace": the state the pronoun names
                    Ref::Pronoun(PronounKind::Thing | PronounKind::Plural)
                        if locative
                            && phrase_at(self.k, self.t, m.last, Class::Territory).is_some() =>
                    {
                        return Some(mi)
                    }
                    // "raided the West Bank city of Nablus": the town, not its region
                    Ref::Entity(_) if self.town_of_after(mi).is_some() => {
                        return self.town_of_after(mi);
                    }
                    // "into Russia's Kursk region": the place, not its state
                    Ref::Entity(_) if self.possessed_after(mi).is_some_and(|x| {
                        matches!(self.m.list[x].referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Place)
                    }) => {
                        return self.possessed_after(mi);
                    }
                    Ref::Entity(e) => {
                        let et = self.m.entities[*e].etype;
                        if et == EntityType::Place
                            || (et == EntityType::State && locative && m.via != Via::Phrase)
                        {
                            return Some(mi);
                        }
                    }
                    _ => {}
                }
                k = m.last;
                continue;
            }
            k += 1;
        }
        None
    }

    /// The mention after `by` following token `from` (passive agents, "by Pristina").
    pub fn by_agent(&self, from: usize, limit: usize) -> Vec<usize> {
        let (sent_last, end) = self.window_after(from, limit);
        let toks = &self.t.tokens;
        let mut k = from;
        while k < end {
            if self.hard_break(k) {
                break;
            }
            if toks[k].norm == "by" && self.m.cover[k].is_none() {
                let mut j = k + 1;
                while j < end && matches!(toks[j].norm.as_str(), "the" | "a") {
                    j += 1;
                }
                if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                    if self.is_actor_mention(mi) {
                        return self.with_examples(self.right_conjuncts(mi, sent_last), sent_last);
                    }
                }
                // "recognised by more than 100 countries, including the United
                // States": the named examples of an unnamed plural of states
                let plural = (j..(j + 6).min(end)).find(|&x| {
                    self.m.cover[x].is_none()
                        && matches!(
                            toks[x].norm.as_str(),
                            "countries" | "states" | "nations" | "governments" | "members"
                        )
                });
                if let Some(x) = plural {
                    if (j..x).all(|y| self.m.cover[y].is_none()) {
                        let examples = self.examples_at(x + 1, sent_last);
                        if !examples.is_empty() {
                            return examples;
                        }
                    }
                }
            }
            k += 1;
        }
        Vec::new()
    }
}
