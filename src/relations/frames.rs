//! The frames: how each kind of trigger reads its agent and target.
//! See `data/knowledge/patterns.conf` for which trigger uses which frame, and
//! its examples for what each frame must do.

use crate::knowledge::Class;
use crate::mentions::phrases::{class_at, phrase_at};
use crate::mentions::{PronounKind, Ref, Via};
use crate::model::{EntityType, Relation};
use crate::text::TokKind;

use super::clause::{AUX, DETERMINERS, POSSESSIVES};
use super::patterns::{Frame, Pattern, TriggerHit, TriggerIndex};
use super::{Arg, Ctx, Found};

pub(super) const BE: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "get", "got",
];

/// Adverbs that may stand between a form of "be" and its participle ("is
/// not recognised by", "was repeatedly accused by", "is widely recognised").
const BE_ADVERBS: &[&str] = &[
    "not",
    "n't",
    "never",
    "also",
    "still",
    "now",
    "already",
    "formally",
    "officially",
    "reportedly",
    "allegedly",
    "repeatedly",
    "recently",
    "previously",
    "only",
    "even",
    "just",
    "openly",
    "publicly",
    "widely",
    "internationally",
    "partially",
    "partly",
    "largely",
    "mostly",
    "fully",
    "universally",
    "long",
    "increasingly",
    "frequently",
    "often",
    "first",
    "again",
];

/// Words before an event noun that make a force its theme ("a military
/// buildup", "the troop deployment", "its naval deployment").
const FORCE_MODIFIERS: &[&str] = &["military", "troop", "naval", "army", "force"];

impl Ctx<'_> {
    /// Applies a pattern's frame at a trigger.
    pub fn apply(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        if matches!(pat.frame, Frame::Verb | Frame::Deploy) && self.gerund_noun(hit) {
            return Vec::new();
        }
        // and only so is a gerund a noun ("denied sending weapons" is a verb)
        if pat.frame == Frame::Nominal
            && self.tok(hit.first).ends_with("ing")
            && !self.gerund_noun(hit)
        {
            return Vec::new();
        }
        match pat.frame {
            Frame::Verb => self.frame_verb(hit, pat),
            Frame::Hostile => self.frame_hostile(hit, pat),
            Frame::Deploy => self.frame_deploy(hit, pat),
            Frame::Motion => self.frame_motion(hit, pat),
            Frame::Nominal => self.frame_nominal(hit, pat),
            Frame::Compound => self.frame_compound(hit, pat),
            Frame::Pp => self.frame_pp(hit, pat),
            Frame::Mediate => self.frame_mediate(hit, pat),
            Frame::MediationNoun => self.frame_mediation_noun(hit, pat),
            Frame::Reject => self.frame_reject(hit, pat),
            Frame::NounOf => self.frame_noun_of(hit, pat),
            Frame::Claim => self.frame_claim(hit, pat),
            Frame::Switch => self.frame_switch(hit, pat),
            Frame::Mutual => self.mutual(hit, pat),
            Frame::Host => self.frame_host(hit, pat),
            Frame::Received => self.frame_received(hit, pat),
            Frame::Sighted => self.frame_sighted(hit, pat),
        }
    }

    /// "the stationing of nuclear weapons", "Russia's sending of troops": a
    /// gerund after a determiner and before "of" is a noun (the nominal frame
    /// reads it), so the clause's subject is not its agent ("Poland opposes
    /// the stationing of …").
    fn gerund_noun(&self, hit: TriggerHit) -> bool {
        let p = hit.first;
        p > 0
            && self.tok(p).ends_with("ing")
            && self.tok(hit.last) == "of"
            && (DETERMINERS.contains(&self.tok(p - 1)) || self.tok(p - 1) == "'s")
    }

    /// The "to" of the infinitive whose verb is at `p`, over the "be" of a
    /// passive ("to deploy", "to be deployed").
    pub(super) fn infinitive_to(&self, p: usize) -> Option<usize> {
        let to = if p >= 2 && self.tok(p - 1) == "be" {
            p - 2
        } else {
            p.checked_sub(1)?
        };
        (self.tok(to) == "to").then_some(to)
    }

    pub(super) fn tok(&self, i: usize) -> &str {
        self.t.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    fn entities(&self, mentions: &[usize]) -> Vec<usize> {
        let mut out = Vec::new();
        for &mi in mentions {
            let resolved = match self.m.list[mi].referent {
                Ref::Pronoun(crate::mentions::PronounKind::Plural) => {
                    let subj = self.subjects(self.m.list[mi].first);
                    if subj.len() >= 2 {
                        subj.iter()
                            .filter_map(|&x| self.entity_of_mention(x))
                            .collect()
                    } else {
                        self.entity_of_mention(mi).into_iter().collect()
                    }
                }
                Ref::Set(ref set) => set.clone(),
                _ => self.entity_of_mention(mi).into_iter().collect::<Vec<_>>(),
            };
            for e in resolved {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    }

    fn args(&self, mentions: &[usize]) -> Vec<Arg> {
        let mut out = Vec::new();
        for &mi in mentions {
            if let Ref::Set(set) = &self.m.list[mi].referent {
                for &e in set {
                    if !out.contains(&Arg::Entity(e)) {
                        out.push(Arg::Entity(e));
                    }
                }
                continue;
            }
            let a = match &self.m.list[mi].referent {
                Ref::Border(s) => Some(Arg::Border(s.clone())),
                Ref::There => self.there(self.m.list[mi].first),
                _ => self.entity_of_mention(mi).map(Arg::Entity),
            };
            if let Some(a) = a {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// "there": the last place, border, or state named as a place (after a
    /// locative word) before token `at`, in its sentence or the two before
    /// ("along the border with Ukraine, accusing Kyiv of massing troops
    /// there" is the border, not Ukraine).
    fn there(&self, at: usize) -> Option<Arg> {
        let from = self.t.sentences[self.sentence_of(at).saturating_sub(2)].first;
        (from..at)
            .rev()
            .filter_map(|i| self.m.cover[i])
            .find_map(|mi| {
                let m = &self.m.list[mi];
                match &m.referent {
                    Ref::Border(s) => Some(Arg::Border(s.clone())),
                    Ref::Entity(e) => match self.m.entities[*e].etype {
                        EntityType::Place => Some(Arg::Entity(*e)),
                        EntityType::State => {
                            let mut j = m.first;
                            if j > 0 && self.tok(j - 1) == "the" {
                                j -= 1;
                            }
                            (j > 0 && self.k.is(Class::Locative, self.tok(j - 1)))
                                .then_some(Arg::Entity(*e))
                        }
                        _ => None,
                    },
                    _ => None,
                }
            })
    }

    /// Where the scope of negation and modality cues of the predicate at `p`
    /// starts: after its subject, or after the conjunction of a coordinated
    /// verb phrase ("said Serbia would … and accused").
    fn scope_from(&self, subjects: &[usize], p: usize) -> usize {
        // (a possessive determiner is no subject: in "Switzerland offered its
        // good offices to mediate" the scope starts after Switzerland)
        let base = subjects
            .iter()
            .filter(|&&mi| !POSSESSIVES.contains(&self.tok(self.m.list[mi].first)))
            .map(|&mi| self.m.list[mi].last)
            .filter(|&l| l <= p)
            .max()
            .unwrap_or_else(|| self.clause_start(p));
        // a parenthetical between the subject and its verb is outside the
        // scope: "Rwanda, which denies backing the M23, accuses …"
        let base = if base < p && self.tok(base) == "," {
            (base + 1..p)
                .rev()
                .find(|&i| self.tok(i) == "," && self.m.cover[i].is_none())
                .map_or(base, |i| i + 1)
        } else {
            base
        };
        let from = (base..p)
            .rev()
            .find(|&i| matches!(self.tok(i), "and" | "but") && self.m.cover[i].is_none())
            .map(|i| i + 1)
            .unwrap_or(base);
        // verb phrases joined by a comma alone: "Cambodia denies planting
        // mines, blames Thai troops" (not a parenthetical word: "does not,
        // however, recognise")
        let mut q = p;
        while q > from && AUX.contains(&self.tok(q - 1)) {
            q -= 1;
        }
        let from = if q >= from + 3
            && self.tok(q - 1) == ","
            && self.m.cover[q - 2].is_none()
            && self.tok(q - 3) != ","
            && !self.k.is(Class::Negation, self.tok(q - 2))
        {
            q
        } else {
            from
        };
        // a negative determiner on the subject is in the scope: "Not a
        // single EU state has recognised …", "No country has recognised …"
        match subjects.iter().map(|&mi| self.m.list[mi].first).min() {
            Some(f) if from == base => self.negative_determiner(f).unwrap_or(from),
            _ => from,
        }
    }

    /// The start of "no", "not a single", "not one" or "none of (the)" right
    /// before the subject starting at `f`.
    fn negative_determiner(&self, f: usize) -> Option<usize> {
        let back = |n: usize| f.checked_sub(n);
        let at = |n: usize, w: &str| back(n).is_some_and(|i| self.tok(i) == w);
        if at(1, "no") {
            back(1)
        } else if at(3, "not") && at(2, "a") && at(1, "single") {
            back(3)
        } else if at(2, "not") && at(1, "one") {
            back(2)
        } else if at(3, "none") && at(2, "of") && at(1, "the") {
            back(3)
        } else if at(2, "none") && at(1, "of") {
            back(2)
        } else {
            None
        }
    }

    /// "asked NATO to deploy troops", "urged Serbia to recognise Kosovo": the
    /// event is only asked of its agent (hypothetical). The agent follows a
    /// verb of asking and the trigger is its infinitive.
    fn requested(&self, subjects: &[usize], p: usize) -> bool {
        // (a passive infinitive too: "called for Russian peacekeepers to be deployed")
        if self.infinitive_to(p).is_none() {
            return false;
        }
        let Some(mut j) = subjects.iter().map(|&mi| self.m.list[mi].first).min() else {
            return false;
        };
        // (over a count: "lobbied several African states to withdraw")
        while j > 0
            && (matches!(self.tok(j - 1), "the" | "a" | "an" | "other")
                || self.k.is(Class::Quantity, self.tok(j - 1))
                || self.t.tokens[j - 1].kind == TokKind::Number)
        {
            j -= 1;
        }
        (j >= 1 && self.k.is(Class::Request, self.tok(j - 1)))
            || (j >= 2
                && self.k.is(
                    Class::Request,
                    &format!("{} {}", self.tok(j - 2), self.tok(j - 1)),
                ))
    }

    fn found(
        &self,
        pat: &Pattern,
        hit: TriggerHit,
        agents: Vec<usize>,
        targets: Vec<Arg>,
        negated: bool,
        hypothetical: bool,
    ) -> Found {
        // "recognises no Sahrawi state", "has sent no troops" (not "no
        // fewer than 3,000 troops")
        let none_done = self.tok(hit.last) == "no"
            && !matches!(self.tok(hit.last + 1), "fewer" | "less" | "more" | "sooner");
        // a force is deployed to a state or a place, never to a people
        // ("accused Morocco of occupying their land" after "Sahrawis")
        let mut targets = targets;
        let mut agents = agents;
        if pat.relation == Relation::Deploys {
            targets.retain(|a| self.place_like(a));
            // nor do unarmed crowds deploy: "Protesters occupied the square"
            agents.retain(|&e| !crate::mentions::unarmed_collective(self.k, &self.m.entities[e]));
        }
        // "brokered by the United States with help from Qatar": the helper
        // mediates too
        let joint = match pat.relation {
            Relation::Mediates => self.co_agents(hit.first, Class::CoAgent),
            Relation::Recognises | Relation::Deploys => {
                self.co_agents(hit.first, Class::JointAgent)
            }
            Relation::Accuses => Vec::new(),
        };
        if !agents.is_empty() {
            for e in joint {
                if !agents.contains(&e) && !targets.contains(&Arg::Entity(e)) {
                    agents.push(e);
                }
            }
        }
        Found {
            speaker: self.own_speaker(pat, hit.first, &agents),
            relation: pat.relation,
            agents,
            targets,
            negated: negated || none_done,
            hypothetical,
            first: hit.first,
            last: hit.last,
            pattern: pat.id.clone(),
            force: None,
        }
    }

    /// Who makes the claim a trigger at `p` expresses: the sentence's speaker,
    /// except that a verb of accusing ("accused", "blamed", "condemned") that
    /// no one reports ("said" before it, "according to", a quotation) is
    /// spoken by its own agents: "Kyiv blamed Moscow …, while Russia blamed
    /// Ukraine" is Russia's claim in its second clause. A reporter after it
    /// ("…, the ministry said") still speaks, when one is named.
    fn own_speaker(&self, pat: &Pattern, p: usize, agents: &[usize]) -> Option<usize> {
        let speaker = self.speakers.get(self.current).copied().flatten();
        let form = self.tok(p);
        let accusing = pat.relation == Relation::Accuses
            && ((self.k.is(Class::Speech, form) && !self.k.is(Class::Inverting, form))
                || TriggerIndex::get().is_accuse_verb(form));
        if agents.is_empty() || !accusing || self.t.tokens[p].in_quote {
            return speaker;
        }
        let s = &self.t.sentences[self.current];
        let reported = (s.first..s.last).any(|i| {
            let w = self.tok(i);
            w == "according"
                || self.t.tokens[i].in_quote
                || (self.k.is(Class::Inverting, w) && (i < p || speaker.is_some()))
        });
        if reported {
            speaker
        } else {
            Some(agents[0])
        }
    }

    fn frame_verb(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let form = self.tok(p).to_string();
        let prev = if p > 0 { self.tok(p - 1) } else { "" };
        if pat.relation == Relation::Recognises {
            // adjectival "partially recognised Kosovo", "the recognised
            // government" (but "is widely recognised by" is a passive)
            if !self.after_be(p)
                && matches!(
                    prev,
                    "partially"
                        | "partly"
                        | "internationally"
                        | "widely"
                        | "universally"
                        | "largely"
                        | "mostly"
                        | "fully"
                        | "the"
                        | "a"
                        | "an"
                        | "its"
                        | "newly"
                        | "unilaterally"
                        | "self"
                )
            {
                return Vec::new();
            }
            if form.starts_with("acknowledg") || form.starts_with("accept") {
                let ok = (hit.last..(hit.last + 6).min(self.t.tokens.len())).any(|i| {
                    matches!(
                        self.tok(i),
                        "independence"
                            | "sovereignty"
                            | "statehood"
                            | "state"
                            | "government"
                            | "authority"
                    )
                });
                if !ok {
                    return Vec::new();
                }
            }
        }
        // "Iraq charged that Kuwait was stealing its oil", "Kyiv alleges Moscow
        // is preparing an offensive": the accused is the complement's subject
        let charged_that = matches!(
            form.as_str(),
            "charged" | "charges" | "charging" | "alleged" | "alleges" | "alleging"
        ) && !(hit.last..(hit.last + 8).min(self.t.tokens.len()))
            .any(|i| self.tok(i) == "with");
        if charged_that {
            return self.charge_that(hit, pat);
        }
        // "X holds Y responsible": the verb needs its predicate
        if matches!(form.as_str(), "hold" | "holds" | "held")
            && !(hit.last..(hit.last + 7).min(self.t.tokens.len()))
                .any(|i| matches!(self.tok(i), "responsible" | "accountable"))
        {
            return Vec::new();
        }
        // "called the attack a war crime": "call" accuses only with a
        // wrongdoing as its object's complement (not "called on", "called
        // the attack a success")
        if form.starts_with("call") && !self.called_wrongdoing(hit.last) {
            return Vec::new();
        }
        // "condemned Russia for …": the verb accuses only with its complement
        let window = hit.last..(hit.last + 10).min(self.t.tokens.len());
        let after_word = if pat.needs_word.is_empty() {
            hit.last
        } else {
            match window
                .clone()
                .find(|&i| pat.needs_word.iter().any(|w| self.tok(i) == w))
            {
                Some(i) => i + 1,
                // "Qatar condemned the Israeli strike on Doha": the state of
                // the wrongdoing's adjective, the verb's direct object
                None => return self.condemned_act(hit, pat),
            }
        };
        if pat.needs_wrongdoing && !self.wrongdoing_within(after_word) {
            return Vec::new();
        }
        // "Armenia and Azerbaijan accused each other of …", "each side blames the other"
        // ("Thailand and Cambodia each accused the other")
        let each_side = p > 0
            && (self.tok(p - 1) == "each"
                || self.m.cover[p - 1]
                    .is_some_and(|mi| matches!(self.m.list[mi].referent, Ref::Set(_))))
            && (self.tok(hit.last), self.tok(hit.last + 1)) == ("the", "other");
        if each_side
            || matches!(
                (self.tok(hit.last), self.tok(hit.last + 1)),
                ("each", "other") | ("one", "another")
            )
        {
            return self.mutual(hit, pat);
        }
        // "Kosovo, recognised by the United States, …": a reduced relative
        // is a passive whose patient is the mention before the comma
        let reduced = (form.ends_with("ed") && p >= 2 && self.tok(p - 1) == ",")
            .then(|| self.m.cover[p - 2])
            .flatten()
            .filter(|&mi| self.is_actor_mention(mi) && self.tok(hit.last) == "by");
        let passive_form = (self.after_be(p) || reduced.is_some()) && form.ends_with("ed");
        // "is recognised (only|formally|so far) by Turkey"; "Israel has been
        // accused of war crimes by South Africa": the by-agent after the
        // charge (not "accused of being backed by Rwanda")
        let by_at = if self.k.is(Class::Auxiliary, self.tok(hit.last)) {
            hit.last + 1
        } else {
            hit.last
        };
        let late_by = || {
            (pat.relation == Relation::Accuses && self.tok(hit.last) == "of")
                .then(|| {
                    (hit.last + 2..(hit.last + 10).min(self.t.tokens.len()))
                        .take_while(|&i| !self.hard_break(i))
                        .find(|&i| self.tok(i) == "by")
                })
                .flatten()
                .filter(|&i| {
                    let w = self.tok(i - 1);
                    !(w.ends_with("ed") || w.ends_with("en") || w == "being")
                })
        };
        let by_at = if passive_form && self.tok(by_at) != "by" {
            late_by().unwrap_or(by_at)
        } else {
            by_at
        };
        let passive = passive_form && self.tok(by_at) == "by";
        // "the attack was blamed on Hezbollah (by Israeli officials)"; "Iran
        // pinned the blame for the explosion on Israel": the noun after a
        // verb of placing takes its "on" later
        let on_at = if form.starts_with("blame") && self.tok(hit.last) == "on" {
            Some(hit.last)
        } else if form == "blame"
            && prev == "the"
            && p >= 2
            && self.k.is(Class::Placing, self.tok(p - 2))
        {
            (hit.last..(hit.last + 8).min(self.t.tokens.len()))
                .take_while(|&i| !self.hard_break(i))
                .find(|&i| self.m.cover[i].is_none() && self.tok(i) == "on")
        } else {
            None
        };
        let blamed_on = on_at.is_some();
        // "Moscow has been accused of …": a passive without its by-agent names no agent
        if !passive && !blamed_on && (passive_form || (prev == "stands" && form.ends_with("ed"))) {
            return Vec::new();
        }
        let (agents_m, mut targets_m) = if blamed_on {
            let by = self.by_agent(hit.last, 12);
            let agents = if by.is_empty() && !self.after_be(p) {
                self.subjects(p)
            } else {
                by
            };
            (agents, self.objects(on_at.map_or(hit.last, |i| i + 1), 6))
        } else if passive {
            let mut patients = reduced.map_or_else(|| self.subjects(p), |mi| vec![mi]);
            if patients.is_empty() && pat.relation == Relation::Recognises {
                // "Abkhazia is recognised by Russia": the recognised may be a place
                let from = self.clause_start(p);
                // ("Kosovo's independence has been recognised by …": the possessor)
                let possessor_of_status = |mi: usize| {
                    let last = self.m.list[mi].last;
                    self.tok(last) == "'s"
                        && matches!(
                            self.tok(last + 1),
                            "independence" | "sovereignty" | "statehood" | "government"
                        )
                };
                patients.extend((from..p).find_map(|i| {
                    self.m.cover[i].filter(|&mi| {
                        (!self.is_oblique(mi)
                            && matches!(self.m.list[mi].referent, Ref::Entity(e)
                            if self.m.entities[e].etype == EntityType::Place))
                            || (self.is_actor_mention(mi) && possessor_of_status(mi))
                    })
                }));
            }
            (self.by_agent(by_at.max(hit.last), 6), patients)
        } else {
            // the accused stands before the charge: "accused the federal government of
            // blocking aid to Tigray" never accuses Tigray
            let mut limit = 10;
            let mut as_at = None;
            if pat.relation == Relation::Accuses {
                // ("Rwanda, which Congo accuses of backing the M23": no object
                // before the charge)
                if let Some(c) = (hit.last..hit.last + limit).find(|&i| {
                    matches!(self.tok(i), "of" | "for" | "over") && self.m.cover[i].is_none()
                }) {
                    limit = c - hit.last;
                }
            }
            // the recognised stands before its "as" complement: "recognised
            // Ichkeria as occupied by Russia" never recognises Russia
            if pat.relation == Relation::Recognises {
                if let Some(c) = (hit.last..hit.last + limit).find(|&i| {
                    self.tok(i) == "as" && self.m.cover.get(i).is_some_and(|c| c.is_none())
                }) {
                    limit = c - hit.last;
                    as_at = Some(c);
                }
            }
            let (mut agents_m, mut targets_m) = (self.subjects(p), self.objects(hit.last, limit));
            // "recognised Morocco's autonomy plan": a possessor is recognised
            // only through its status ("Kosovo's independence", "Maduro's
            // re-election"; lexicon class `status`)
            if pat.relation == Relation::Recognises {
                targets_m.retain(|&mi| self.recognisable(mi));
                // "did not recognise any administration installed by the
                // rebels in Goma": the recognised is the unnamed noun
                if let Some(&first) = targets_m.first() {
                    if self.unnamed_modified_head(hit.last, self.m.list[first].first) {
                        targets_m.clear();
                    }
                }
            }
            // "has not recognised the junta as Myanmar's legitimate
            // government", "the council as the legitimate government of
            // Libya": a recognised body the text does not name is the state
            // whose government the "as" complement calls it
            if let (Some(c), true) = (as_at, targets_m.is_empty()) {
                targets_m.extend(self.objects(c + 1, 4).into_iter().find(|&mi| {
                    let m = &self.m.list[mi];
                    m.first <= c + 3
                        && self.is_actor_mention(mi)
                        && (m.first..m.last).any(|i| class_at(self.k, self.t, i, Class::Office))
                }));
            }
            // "recognised Karabakh as part of Azerbaijan", "… as Azerbaijani
            // territory": what is recognised is that state's sovereignty
            // (but not the agent's own: "Russia recognised Crimea as Russian
            // territory" recognises Crimea's annexation)
            if let Some(s) = as_at.and_then(|c| self.sovereign_complement(c + 1)) {
                let own = self
                    .entities(&[s])
                    .iter()
                    .any(|e| self.entities(&agents_m).contains(e));
                if !own {
                    targets_m = vec![s];
                }
            }
            // "Several EU states do not recognise Kosovo, including Spain": examples
            // after a single object name the collective subject's members
            if let Some(&last) = targets_m.last() {
                if agents_m.iter().any(|&mi| self.is_collective(mi))
                    && !targets_m.iter().any(|&mi| self.is_collective(mi))
                {
                    let ceil = self.t.sentences[self.sentence_of(p)].last;
                    for x in self.examples_at(self.m.list[last].last, ceil) {
                        if !agents_m.contains(&x) {
                            agents_m.push(x);
                        }
                    }
                }
            }
            // "Hezbollah, which Israel accuses of hiding weapons", "Kosovo,
            // which Serbia does not recognise": the antecedent of an object
            // relative is the object
            if targets_m.is_empty() {
                targets_m.extend(self.relative_antecedent(&agents_m));
            }
            (agents_m, targets_m)
        };
        // "No country except Turkey recognises Northern Cyprus": the
        // exception does what the negated generic subject does not
        // (also after a group: "No UN member state apart from Turkey …")
        let none_of = agents_m.iter().all(|&mi| {
            let f = self.m.list[mi].first;
            f > 0 && self.tok(f - 1) == "no"
        });
        if none_of && !passive && !blamed_on {
            if let Some(exceptions) = self.exceptions(p) {
                targets_m.retain(|mi| !exceptions.contains(mi));
                let agents = self.entities(&exceptions);
                let targets = self.object_args(&targets_m, &agents);
                if agents.is_empty() || targets.is_empty() {
                    return Vec::new();
                }
                let from = self.clause_start(p);
                let hypothetical = self.hypothetical(from, p);
                return vec![self.found(pat, hit, agents, targets, false, hypothetical)];
            }
        }
        let agents = self.entities(&agents_m);
        let mut targets = self.object_args(&targets_m, &agents);
        // "refused to recognise the Venezuelan election results": a state's
        // adjective before a status noun is the state whose status it is
        if targets.is_empty() && pat.relation == Relation::Recognises && !passive {
            targets.extend(
                self.adjective_status(hit.last)
                    .filter(|e| !agents.contains(e))
                    .map(Arg::Entity),
            );
        }
        if targets.is_empty() && pat.relation == Relation::Accuses && !passive && !blamed_on {
            // "blamed Armenian provocations for …", "blamed the Israeli bombardment":
            // a state's adjective before a wrongdoing names the accused
            targets.extend(self.wrongdoing_state(hit.last).map(Arg::Entity));
            // "described the strike as a war crime by Russia", "… as crimes
            // against humanity committed by the RSF": the wrongdoing's by-agent
            if targets.is_empty() && pat.needs_wrongdoing {
                targets.extend(
                    self.wrongdoing_by(after_word)
                        .into_iter()
                        .filter(|e| !agents.contains(e))
                        .map(Arg::Entity),
                );
            }
            // "Iran fired missiles at a US base. Qatar condemned the attack"
            if targets.is_empty() {
                targets.extend(
                    self.told_act_agents(hit.last)
                        .into_iter()
                        .filter(|e| !agents.contains(e))
                        .map(Arg::Entity),
                );
            }
            // "blamed the clashes on Armenian provocations": the same after
            // the event's "on"
            if targets.is_empty() && self.tok(p).starts_with("blam") {
                let on = (hit.last..(hit.last + 6).min(self.t.tokens.len()))
                    .find(|&i| self.m.cover[i].is_none() && self.tok(i) == "on");
                targets.extend(
                    on.and_then(|on| self.wrongdoing_state(on + 1))
                        .map(Arg::Entity),
                );
            }
        }
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        // (a passive relative clause is its own scope: "does not recognise
        // Kosovo, which is recognised by the United States")
        let from = if passive {
            let start = self.clause_start(p);
            if reduced.is_some() {
                p
            } else {
                (start..p)
                    .rev()
                    .find(|&i| self.m.cover[i].is_none() && matches!(self.tok(i), "which" | "who"))
                    .map_or(start, |i| i + 1)
            }
        } else {
            self.scope_from(&agents_m, p)
        };
        // "Neither Spain nor Greece recognises Kosovo"
        let neither = agents_m
            .iter()
            .map(|&mi| self.m.list[mi].first)
            .min()
            .is_some_and(|f| f > 0 && matches!(self.tok(f - 1), "neither" | "no"));
        let negated = self.negated(from, p) || neither;
        let hypothetical = self.hypothetical(from, p) || self.requested(&agents_m, p);
        let mut out = vec![self.found(pat, hit, agents, targets.clone(), negated, hypothetical)];
        out.extend(self.ellipsis(pat, hit, &targets, negated, hypothetical));
        out
    }

    /// The actors named after "except", "apart from" or "other than" in the
    /// sentence of a predicate at `p` whose subject is a negated generic
    /// noun: "No country except Turkey recognises …", "No state recognises
    /// the TRNC apart from Turkey", "Apart from Turkey, no country …".
    fn exceptions(&self, p: usize) -> Option<Vec<usize>> {
        let s = &self.t.sentences[self.sentence_of(p)];
        let generic =
            (s.first..p).any(|i| self.m.cover[i].is_none() && matches!(self.tok(i), "no" | "none"));
        if !generic {
            return None;
        }
        let at = (s.first..s.last).find(|&i| {
            self.m.cover[i].is_none()
                && (self.tok(i) == "except"
                    || (matches!(self.tok(i), "apart" | "other")
                        && matches!(self.tok(i + 1), "from" | "than")))
        })?;
        let from = if self.tok(at) == "except" {
            at + 1
        } else {
            at + 2
        };
        let from = if self.tok(from) == "for" {
            from + 1
        } else {
            from
        };
        let found: Vec<usize> = self
            .objects(from, 8)
            .into_iter()
            .filter(|&mi| self.is_actor_mention(mi))
            .collect();
        (!found.is_empty()).then_some(found)
    }

    /// "Qatar condemned the Israeli strike", "Baku denounced the Armenian
    /// provocation": a wrongdoing named by a state's adjective, right after
    /// a verb of condemning, accuses that state.
    fn condemned_act(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        if !pat.needs_wrongdoing || pat.relation != Relation::Accuses {
            return Vec::new();
        }
        let p = hit.first;
        // "Israel's attack on the consulate was condemned by Russia": a
        // passive's subject is the act, its by-phrase the accuser
        let passive = self.after_be(p) && self.tok(p).ends_with("ed") && self.tok(hit.last) == "by";
        // (or the agents of the act told before: "Iran fired missiles at a
        // US base. Qatar condemned the attack.")
        let accused: Vec<usize> = if passive {
            self.wrongdoing_state(self.clause_start(p))
                .into_iter()
                .collect()
        } else {
            match self.wrongdoing_state(hit.last) {
                Some(state) => vec![state],
                // ("branded the attack an act of terrorism by Kyiv")
                None => Some(self.wrongdoing_by(hit.last))
                    .filter(|v| !v.is_empty())
                    .unwrap_or_else(|| self.told_act_agents(hit.last)),
            }
        };
        let subj = if passive {
            self.by_agent(hit.last, 6)
        } else {
            self.subjects(p)
        };
        let agents: Vec<usize> = self
            .entities(&subj)
            .into_iter()
            .filter(|e| !accused.contains(e))
            .collect();
        if agents.is_empty() || accused.is_empty() {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p);
        vec![self.found(
            pat,
            hit,
            agents,
            accused.into_iter().map(Arg::Entity).collect(),
            negated,
            hypothetical,
        )]
    }

    /// "X charged that Y …", "X alleges Y is …": a verb of charging with a
    /// complement clause accuses the clause's subject (and those coordinated
    /// with it). Without "that" the subject must be followed by its verb's
    /// auxiliary, so "the alleged attack" or "charged the battery" is none.
    fn charge_that(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        // ("the alleged attack": an adjective)
        if p > 0 && DETERMINERS.contains(&self.tok(p - 1)) {
            return Vec::new();
        }
        let that = self.tok(hit.last) == "that";
        let mut j = if that { hit.last + 1 } else { hit.last };
        if self.tok(j) == "the" {
            j += 1;
        }
        let Some(mi) = self.m.cover.get(j).copied().flatten() else {
            return Vec::new();
        };
        if !self.is_actor_mention(mi) {
            return Vec::new();
        }
        let ceil = self.t.sentences[self.sentence_of(p)].last;
        let accused = self.right_conjuncts(mi, ceil);
        let after = self.tok(self.m.list[*accused.last().unwrap_or(&mi)].last);
        if !(that || AUX.contains(&after) || self.k.is(Class::Modal, after)) {
            return Vec::new();
        }
        let subj = self.subjects(p);
        let agents = self.entities(&subj);
        let targets = self.others_args(&accused, &agents);
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p);
        vec![self.found(pat, hit, agents, targets, negated, hypothetical)]
    }

    /// "Paris stopped short of recognising Morocco's sovereignty, as
    /// Washington did in 2020": the elided predicate holds as said after
    /// "as" — of its own polarity ("as Russia does not") and time ("as
    /// London will").
    fn as_ellipsis(&self, pat: &Pattern, hit: TriggerHit) -> Option<Found> {
        let s = &self.t.sentences[self.sentence_of(hit.first)];
        let as_at = (hit.last..s.last).find(|&i| {
            self.tok(i) == "as" && self.m.cover[i].is_none() && i > 0 && self.tok(i - 1) == ","
        })?;
        // ("…, as did Qatar": the auxiliary may stand before its subject)
        let inverted = matches!(
            self.tok(as_at + 1),
            "did" | "does" | "do" | "has" | "have" | "had"
        );
        let mi = self
            .m
            .cover
            .get(as_at + 1 + usize::from(inverted))
            .copied()
            .flatten()?;
        if !self.is_actor_mention(mi) {
            return None;
        }
        let subj = self.right_conjuncts(mi, s.last);
        let after = self.m.list[*subj.last()?].last;
        let (negated, hypothetical) = if inverted {
            // (the subject ends the clause; the polarity is the first clause's)
            if !matches!(self.tok(after), "." | "," | ";" | "") {
                return None;
            }
            let from = self.clause_start(hit.first);
            (
                self.negated(from, hit.first),
                self.hypothetical(from, hit.first),
            )
        } else {
            if !matches!(
                self.tok(after),
                "do" | "does" | "did" | "has" | "have" | "had" | "will" | "would"
            ) {
                return None;
            }
            // (the clause ends there: "as Washington did in 2020", not "as Russia did so")
            if !matches!(
                self.tok(after + 1),
                "." | "," | ";" | "in" | "not" | "n't" | "before" | "earlier" | "last" | ""
            ) {
                return None;
            }
            (
                matches!(self.tok(after + 1), "not" | "n't"),
                matches!(self.tok(after), "will" | "would"),
            )
        };
        let agents = self.entities(&subj);
        let targets = self.others_args(&self.objects(hit.last, 8), &agents);
        if agents.is_empty() || targets.is_empty() {
            return None;
        }
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.first = as_at;
        Some(f)
    }

    /// "…, but most Western countries do, including the United States": the
    /// elided predicate holds with the opposite polarity for the new subjects.
    fn ellipsis(
        &self,
        pat: &Pattern,
        hit: TriggerHit,
        targets: &[Arg],
        negated: bool,
        hypothetical: bool,
    ) -> Vec<Found> {
        let s = &self.t.sentences[self.sentence_of(hit.first)];
        if let Some(f) = self.as_ellipsis(pat, hit) {
            return vec![f];
        }
        // ("…; Spain, Greece and Cyprus do not": a semicolon contrasts as "but" does)
        let Some(but) = (hit.last..s.last)
            .find(|&i| matches!(self.tok(i), "but" | ";") && self.m.cover[i].is_none())
        else {
            return Vec::new();
        };
        // "is recognised by the United States but not by Serbia"
        if self.tok(but + 1) == "not" && self.tok(but + 2) == "by" {
            let agents = self.entities(&self.by_agent(but + 2, 6));
            if agents.is_empty() {
                return Vec::new();
            }
            let mut f = self.found(pat, hit, agents, targets.to_vec(), !negated, hypothetical);
            f.first = but;
            return vec![f];
        }
        let mut j = but + 1;
        while j < s.last
            && matches!(
                self.tok(j),
                "most" | "many" | "some" | "other" | "several" | "all" | "the" | "a" | "few"
            )
        {
            j += 1;
        }
        let Some(mi) = self.m.cover.get(j).copied().flatten() else {
            return Vec::new();
        };
        if !self.is_actor_mention(mi) {
            return Vec::new();
        }
        let mut subj = self.right_conjuncts(mi, s.last);
        let after = self.m.list[*subj.last().unwrap_or(&mi)].last;
        if !matches!(
            self.tok(after),
            "do" | "does" | "did" | "have" | "has" | "had" | "will" | "would"
        ) {
            return Vec::new();
        }
        // (the elided clause ends after its auxiliary: not "; Spain does
        // recognise it", which says its own predicate)
        let end = if matches!(self.tok(after + 1), "not" | "n't") {
            after + 2
        } else {
            after + 1
        };
        if !matches!(
            self.tok(end),
            "." | "," | ";" | "" | "so" | "too" | "either"
        ) {
            return Vec::new();
        }
        let k = after + 1;
        subj.extend(self.examples_at(k, s.last));
        let agents = self.entities(&subj);
        if agents.is_empty() {
            return Vec::new();
        }
        let mut f = self.found(pat, hit, agents, targets.to_vec(), !negated, hypothetical);
        f.first = but;
        vec![f]
    }

    /// Whether a wrongdoing (lexicon class `wrongdoing`) is named within six
    /// tokens from `from` ("condemned X for its invasion", "was behind the
    /// attack").
    fn wrongdoing_within(&self, from: usize) -> bool {
        (from..(from + 6).min(self.t.tokens.len()))
            .any(|i| phrase_at(self.k, self.t, i, Class::Wrongdoing).is_some())
    }

    /// Whether entity `e` is a news organisation (lexicon class `media`).
    fn is_media(&self, e: usize) -> bool {
        self.k
            .is(Class::Media, &crate::text::fold(&self.m.entities[e].label))
    }

    /// Where the clause of token `p` starts, or the clause a speech verb
    /// reports ("rejected the accusations and said Pristina was persecuting
    /// Serbs": the rejection is not the claim's).
    fn reported_start(&self, p: usize) -> usize {
        let cs = self.clause_start(p);
        (cs..p)
            .rev()
            .find(|&i| self.m.cover[i].is_none() && self.k.is(Class::Speech, self.tok(i)))
            .map_or(cs, |i| i + 1)
    }

    fn frame_hostile(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        // the speaker of the clause ("Lebanon accused Israel …, while Israel
        // said Hezbollah had fired mortars"), else of the sentence
        let cs = self.clause_start(hit.first);
        // a condition is no charge: "Japan might deploy its military if
        // China attacked Taiwan"
        if (cs.saturating_sub(1)..hit.first).any(|i| {
            self.m.cover[i].is_none() && matches!(self.tok(i), "if" | "unless" | "whether")
        }) {
            return Vec::new();
        }
        let verb = (cs..hit.first)
            .rev()
            .find(|&i| self.m.cover[i].is_none() && self.k.is(Class::Speech, self.tok(i)));
        // "Israel has been accused of war crimes by South Africa": the subject
        // of a passive speech verb is the accused, not the speaker
        if verb.is_some_and(|v| self.after_be(v)) {
            return Vec::new();
        }
        let local = verb
            .and_then(|v| self.entities(&self.subjects(v)).first().copied())
            .filter(|&e| self.m.entities[e].etype.is_actor());
        // ("drone strikes", "missile strike": a noun by its last word)
        let last = self.tok(hit.last.saturating_sub(1).max(hit.first));
        let is_noun = self.t.tokens[hit.first].kind == TokKind::Word && {
            let w = self.tok(hit.first);
            w.ends_with("tion")
                || w.ends_with("tions")
                || w.ends_with("ism")
                || w.ends_with("ion")
                || matches!(
                    w,
                    "terror"
                        | "aggression"
                        | "persecution"
                        | "massacre"
                        | "atrocities"
                        | "genocide"
                        | "sabotage"
                        | "war"
                        | "provocateur"
                        | "provocateurs"
                        | "aggressor"
                        | "strikes"
                        | "strike"
                        | "airstrikes"
                        | "airstrike"
                        | "raids"
                        | "incursions"
                        | "attacks"
                )
                || matches!(last, "strike" | "strikes")
        };
        // a temporal clause is the narrator's, not what the sentence's speaker
        // reports: "Trump announced the truce, hours after Iran fired missiles"
        // (the opener, before the clause start, is followed by the act's
        // subject: not "said that after the talks failed, Russia shelled")
        let temporal = || {
            (cs.saturating_sub(1)..hit.first).any(|i| {
                let subject = if self.tok(i + 1) == "the" {
                    i + 2
                } else {
                    i + 1
                };
                self.m.cover[i].is_none()
                    && matches!(
                        self.tok(i),
                        "after" | "before" | "when" | "until" | "once" | "while"
                    )
                    && (self
                        .m
                        .cover
                        .get(subject)
                        .copied()
                        .flatten()
                        .is_some_and(|mi| self.m.list[mi].last + 2 >= hit.first)
                        // (or a phrase whose head is the act: "…, Oman said on
                        // Tuesday, after weeks of American airstrikes")
                        || (is_noun
                            && hit.first <= i + 6
                            && (i + 1..hit.first).all(|x| self.tok(x) != ",")))
                    // (a speaker after the act reports the whole sentence:
                    // "Israel struck after Hezbollah fired rockets, the army said")
                    && (self.t.sentences[self.current].first..i).any(|v| {
                        self.m.cover[v].is_none() && self.k.is(Class::Speech, self.tok(v))
                    })
            })
        };
        let Some(speaker) = local.or_else(|| {
            self.speakers
                .get(self.current)
                .copied()
                .flatten()
                .filter(|_| !temporal())
        }) else {
            return Vec::new();
        };
        if pat.needs_wrongdoing && !self.wrongdoing_within(hit.last) {
            return Vec::new();
        }
        // a news agency reports a claim; it does not make it
        if self.is_media(speaker) {
            return Vec::new();
        }
        let p = hit.first;
        if self.adjectival(hit) {
            return Vec::new();
        }
        let form_negative = matches!(self.tok(p), "not" | "fail" | "fails" | "failed");
        if !form_negative && self.negated(self.reported_start(p), p) {
            return Vec::new(); // a denial is not an accusation
        }
        let mut perps: Vec<usize>;
        let mut adjective_state = None;
        if self.tok(p) == "due" {
            perps = self.objects(hit.last, 5);
        } else if is_noun {
            perps = self.by_agent(hit.last, 12);
            // "the invasion of Ukraine": the of-phrase is the victim
            let victim_of = self.k.is(Class::PatientOf, self.tok(p));
            if perps.is_empty() && self.tok(hit.last) == "of" && !victim_of {
                let mut j = hit.last + 1;
                while matches!(self.tok(j), "the" | "a")
                    || self
                        .t
                        .tokens
                        .get(j)
                        .is_some_and(|t| !t.capitalised && self.k.is(Class::Modifier, &t.norm))
                {
                    j += 1;
                }
                if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                    if self.is_actor_mention(mi) {
                        perps = vec![mi];
                    }
                }
            }
            if perps.is_empty() {
                perps = self.possessor(p, &[speaker]).into_iter().collect();
            }
            if perps.is_empty() && p > 0 {
                // "Chinese coast guard intrusion": a force naming the noun's doer
                perps.extend(self.m.cover[p - 1].filter(|&mi| self.is_force_mention(mi)));
            }
            if perps.is_empty() {
                // "condemned (what it called) Israeli aggression": the state of the adjective
                adjective_state = self.adjective_before(p);
            }
            if perps.is_empty() && adjective_state.is_none() {
                // "X is the main provocateur", "X is conducting terror"
                let subj = self.subjects(p);
                // (the noun the verb's object, not inside a phrase after it:
                // "India and Pakistan agreed to a ceasefire after four days of
                // missile strikes" names no perpetrator)
                let verbal = subj.first().is_some_and(|&mi| {
                    let gap = &self.t.tokens[self.m.list[mi].last..p];
                    let verb = gap.iter().position(|t| {
                        BE.contains(&t.norm.as_str())
                            || t.norm.ends_with("ing")
                            || t.norm.ends_with("ed")
                            || t.norm.ends_with('s')
                    });
                    verb.is_some_and(|v| {
                        !gap[v + 1..].iter().any(|t| {
                            // ("described it as an act of terrorism")
                            self.k.is(Class::Preposition, &t.norm)
                                && !matches!(t.norm.as_str(), "of" | "as")
                        })
                    })
                });
                if verbal {
                    perps = subj;
                }
            }
        } else if self.passive_by(hit) {
            // "Russia is occupied by …": the doer is the by-agent
            perps = self.by_agent(hit.last, 6);
        } else {
            perps = self.subjects(p);
        }
        if !form_negative
            && perps.iter().any(|&mi| {
                let first = self.m.list[mi].first.min(p);
                self.negated(self.reported_start(first), first)
            })
        {
            return Vec::new(); // "it was not X that staged provocations"
        }
        let speaker_aff = self.m.entities[speaker].affiliation.clone();
        // a perpetrator pronoun is never the speaker ("Kosovo said the attack was
        // organised by Belgrade and described it as terrorism")
        let perpetrators: Vec<usize> = perps
            .iter()
            .flat_map(|&mi| match self.m.list[mi].referent {
                Ref::Pronoun(kind @ (PronounKind::Thing | PronounKind::Person)) => self
                    .resolve_pronoun_excluding(self.m.list[mi].first, kind, &[speaker])
                    .into_iter()
                    .collect(),
                _ => self.entities(&[mi]),
            })
            .collect();
        // nor the speaker's own people ("“They are trying to provoke us,” said
        // the Hungarian minister" after "the Hungarian minority")
        let own_people = self
            .side_of(speaker)
            .and_then(|side| self.k.state_by_name(&self.m.entities[side].label))
            .and_then(|st| crate::mentions::phrases::people_plural(self.k, st));
        let targets: Vec<Arg> = perpetrators
            .into_iter()
            .chain(adjective_state)
            .filter(|&e| e != speaker && self.m.entities[e].etype.is_actor())
            .filter(|&e| Some(&self.m.entities[e].key) != speaker_aff.as_ref())
            .filter(|&e| {
                self.m.entities[e].etype != EntityType::Group
                    || own_people.as_deref() != Some(self.m.entities[e].label.as_str())
            })
            .map(Arg::Entity)
            .collect();
        if targets.is_empty() {
            return Vec::new();
        }
        vec![self.found(pat, hit, vec![speaker], targets, false, false)]
    }

    /// The arguments of object mentions; an object pronoun never refers back
    /// to one of the `agents` ("Somalia said it …" is not Somalia).
    fn object_args(&self, objects: &[usize], agents: &[usize]) -> Vec<Arg> {
        objects
            .iter()
            .flat_map(|&mi| match self.m.list[mi].referent {
                Ref::Pronoun(kind) if kind != PronounKind::We => self
                    .resolve_pronoun_excluding(self.m.list[mi].first, kind, agents)
                    .map(Arg::Entity)
                    .into_iter()
                    .collect(),
                _ => self.args(&[mi]),
            })
            .collect()
    }

    /// The objects' arguments other than the agents themselves.
    fn others_args(&self, objects: &[usize], agents: &[usize]) -> Vec<Arg> {
        self.object_args(objects, agents)
            .into_iter()
            .filter(|a| !matches!(a, Arg::Entity(e) if agents.contains(e)))
            .collect()
    }

    /// The state whose generic force (`Serbian Armed Forces`, `Kosovo Police`,
    /// made from a demonym and a force noun) entity `e` is.
    fn force_state(&self, e: usize) -> Option<usize> {
        let ent = &self.m.entities[e];
        if ent.etype != EntityType::ArmedForce {
            return None;
        }
        let s = self.m.by_key(ent.affiliation.as_ref()?)?;
        (self.m.entities[s].etype == EntityType::State).then_some(s)
    }

    /// The possessor of the event noun at `p`, over a few lower-case
    /// modifiers: "Russia's (full-scale) invasion", "its invasion" (the pronoun
    /// resolved to an actor not in `exclude`, such as the speaker).
    pub(super) fn possessor(&self, p: usize, exclude: &[usize]) -> Option<usize> {
        let mut j = p;
        while j > 0 && p - j < 4 {
            let t = &self.t.tokens[j - 1];
            let skippable = self.m.cover[j - 1].is_none()
                && (t.norm == "-"
                    || (t.kind == TokKind::Word
                        && !t.capitalised
                        && !matches!(t.norm.as_str(), "the" | "a" | "an" | "'s")
                        && !self.k.is(Class::Preposition, &t.norm)
                        && !self.k.is(Class::ClauseBreak, &t.norm)));
            if !skippable {
                break;
            }
            j -= 1;
        }
        if j > 1 && self.tok(j - 1) == "'s" {
            return self.m.cover[j - 2];
        }
        let mi = self.m.cover[j.checked_sub(1)?]?;
        match self.m.list[mi].referent {
            // (a possessive determiner: "it opposes any intervention" has none)
            Ref::Pronoun(kind)
                if kind != PronounKind::We
                    && POSSESSIVES.contains(&self.tok(self.m.list[mi].first)) =>
            {
                let e = self.resolve_pronoun_excluding(self.m.list[mi].first, kind, exclude)?;
                // the pronoun's antecedent: the mention of that entity nearest before it
                (0..self.m.list[mi].first)
                    .rev()
                    .filter_map(|i| self.m.cover[i])
                    .find(|&x| matches!(self.m.list[x].referent, Ref::Entity(y) if y == e))
            }
            _ => None,
        }
    }

    /// The actors who do the hostile act a verb trigger tells of ("Iran
    /// fired missiles at a US base"), for a later "the attack".
    pub fn act_agents(&self, hit: TriggerHit, pat: &Pattern) -> Option<Vec<usize>> {
        let w = self.tok(hit.first);
        let verb = w.ends_with("ed") || matches!(w, "struck" | "shot" | "hit" | "fought");
        if pat.frame != Frame::Hostile || !verb || self.after_be(hit.first) {
            return None;
        }
        let agents: Vec<usize> = self
            .entities(&self.subjects(hit.first))
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        (!agents.is_empty()).then_some(agents)
    }

    /// "Iran fired missiles at a US base. Qatar condemned the attack": a
    /// definite wrongdoing with no agent of its own after token `from` is
    /// the last hostile act told in the sentence or the two before.
    fn told_act_agents(&self, from: usize) -> Vec<usize> {
        if !matches!(self.tok(from), "the" | "this" | "that" | "these" | "those") {
            return Vec::new();
        }
        let end = self.clause_end(from).min(from + 4);
        // (w is the noun's last word: "the missile launch by North Korea")
        let Some((start, w)) = (from + 1..end)
            .find_map(|i| phrase_at(self.k, self.t, i, Class::Wrongdoing).map(|e| (i, e - 1)))
        else {
            return Vec::new();
        };
        let plain = (from + 1..start).all(|i| {
            let t = &self.t.tokens[i];
            self.m.cover[i].is_none() && t.kind == TokKind::Word && !t.capitalised
        });
        let own_agent = self.m.cover.get(w + 1).is_some_and(|c| c.is_none())
            && matches!(self.tok(w + 1), "by" | "of");
        // "condemned the attack by Hamas": the act's own agent (not "the
        // killing of X", whose X is the victim)
        if plain && self.tok(w + 1) == "by" {
            let by: Vec<usize> = self
                .entities(&self.by_agent(w + 1, 3))
                .into_iter()
                .filter(|&e| self.m.entities[e].etype.is_actor())
                .collect();
            if !by.is_empty() {
                return by;
            }
        }
        match &self.last_act {
            Some((si, agents)) if plain && !own_agent && self.current <= si + 2 => agents.clone(),
            _ => Vec::new(),
        }
    }

    /// The state whose adjective stands before a wrongdoing noun opening the
    /// object at `from`: "(the) Israeli bombardment", "Armenian provocations".
    fn wrongdoing_state(&self, from: usize) -> Option<usize> {
        let end = self.clause_end(from).min(from + 5);
        // (a wrongdoing of several words: "Pyongyang's missile launch")
        let w = (from..end).find(|&i| {
            self.m.cover[i].is_none() && phrase_at(self.k, self.t, i, Class::Wrongdoing).is_some()
        })?;
        let s = self.adjective_before(w)?;
        // nothing but the adjective and determiners between the verb and the noun
        let adjective = (from..w).find(|&i| self.m.cover[i].is_some())?;
        (from..adjective)
            .all(|i| matches!(self.tok(i), "the" | "a" | "an"))
            .then_some(s)
    }

    /// Whether the object from `from` on is followed by "a"/"an", at most
    /// two lower-case modifiers and a wrongdoing: "called the strike a war
    /// crime", "called it a flagrant violation of …" (not "called on …",
    /// "called for …", "called the attack a success").
    fn called_wrongdoing(&self, from: usize) -> bool {
        if matches!(
            self.tok(from),
            "on" | "upon" | "for" | "off" | "in" | "up" | "out" | "back"
        ) {
            return false;
        }
        let end = self.clause_end(from).min(from + 9);
        (from + 1..end).any(|a| {
            if !matches!(self.tok(a), "a" | "an") || self.m.cover[a].is_some() {
                return false;
            }
            (a + 1..(a + 4).min(end)).any(|w| {
                phrase_at(self.k, self.t, w, Class::Wrongdoing).is_some()
                    && self.plain_modifiers(a + 1, w)
            })
        })
    }

    /// The actors of the by-phrase after the first wrongdoing from `from` on,
    /// directly or after a participle of doing: "a war crime by Russia",
    /// "crimes against humanity committed by the RSF", "an act of terrorism
    /// carried out by Kyiv".
    fn wrongdoing_by(&self, from: usize) -> Vec<usize> {
        let end = self.clause_end(from).min(from + 8);
        let by_after = |w_end: usize| {
            let mut by = w_end;
            // ("crimes against humanity": the wrongdoing's own complement)
            if self.tok(by) == "against" && self.tok(by + 1) == "humanity" {
                by += 2;
            }
            if matches!(
                self.tok(by),
                "committed" | "perpetrated" | "carried" | "conducted"
            ) {
                by += if self.tok(by + 1) == "out" { 2 } else { 1 };
            }
            (self.tok(by) == "by").then_some(by)
        };
        let Some(by) = (from..end).find_map(|i| {
            (self.m.cover[i].is_none())
                .then(|| phrase_at(self.k, self.t, i, Class::Wrongdoing))
                .flatten()
                .and_then(by_after)
        }) else {
            return Vec::new();
        };
        let found: Vec<usize> = self
            .objects(by + 1, 4)
            .into_iter()
            .filter(|&mi| self.is_actor_mention(mi) && self.m.list[mi].first <= by + 2)
            .collect();
        self.entities(&found)
    }

    /// The state of an adjective opening the object at `from` before a
    /// status noun, over determiners and lower-case modifiers: "the
    /// Venezuelan election results", "the outcome of the Belarusian
    /// presidential election" (lexicon class `status`).
    fn adjective_status(&self, from: usize) -> Option<usize> {
        let end = self.clause_end(from).min(from + 8);
        let mut i = from;
        // (a head before "of": "the outcome of …", "the results of …")
        while i < end && self.m.cover[i].is_none() {
            let w = self.tok(i);
            let head_of = class_at(self.k, self.t, i, Class::Status) && self.tok(i + 1) == "of";
            if matches!(w, "the" | "a" | "an") {
                i += 1;
            } else if head_of {
                i += 2;
            } else {
                break;
            }
        }
        let mi = self.m.cover.get(i).copied().flatten()?;
        let Ref::Adjective(st) = self.m.list[mi].referent else {
            return None;
        };
        // the status noun, at most two modifiers on, read back to its state
        let last = self.m.list[mi].last;
        let noun =
            (last..end.min(last + 3)).find(|&j| class_at(self.k, self.t, j, Class::Status))?;
        let state = self.m.state_entity(st)?;
        (self.adjective_before(noun) == Some(state)).then_some(state)
    }

    /// The state of a bare adjective (or the actor of an acronym) before the
    /// event noun at `p`, over a few lower-case modifiers: "Israeli
    /// aggression", "the Russian full-scale invasion", "US allegations".
    fn adjective_before(&self, p: usize) -> Option<usize> {
        let mut j = p;
        while j > 0 && p - j < 3 {
            let t = &self.t.tokens[j - 1];
            // a possessive name is the agent too: "Russia's attacks on …"
            if t.norm == "'s" && j >= 2 {
                let owner = self.m.cover[j - 2].filter(|&mi| self.m.list[mi].last == j - 1);
                if let Some(Ref::Entity(e)) = owner.map(|mi| &self.m.list[mi].referent) {
                    return self.m.entities[*e].etype.is_actor().then_some(*e);
                }
            }
            if self.m.cover[j - 1].is_some()
                || t.kind != TokKind::Word
                || t.capitalised
                || matches!(t.norm.as_str(), "the" | "a" | "an")
                || self.k.is(Class::Preposition, &t.norm)
            {
                break;
            }
            j -= 1;
        }
        let mi = self.m.cover[j.checked_sub(1)?]?;
        let m = &self.m.list[mi];
        match m.referent {
            Ref::Adjective(s) => self.m.state_entity(s),
            // an acronym used as a modifier is the noun's agent ("US
            // allegations", "EU mediation", "a NATO build-up"); a full name
            // there may be the topic ("the Sudan mediation", "the Ukraine war")
            Ref::Entity(e)
                if m.last == m.first + 1
                    && self.t.tokens[m.first].all_caps
                    && self.m.entities[e].etype.is_actor() =>
            {
                Some(e)
            }
            _ => None,
        }
    }

    fn has_force_after(&self, from: usize, limit: usize) -> bool {
        let end =
            (from + limit).min(self.t.sentences[self.sentence_of(from.saturating_sub(1))].last);
        // (not after a word of no force: "a survey vessel", "fishing boats")
        (from..end).any(|i| {
            (phrase_at(self.k, self.t, i, Class::Force).is_some()
                && !(i > 0 && self.k.is(Class::NonForce, self.tok(i - 1))))
                || self.m.cover[i].is_some_and(|mi| self.is_force_mention(mi))
        })
    }

    /// Whether the object starting at `from` (up to its first preposition,
    /// "of" after a quantity excepted) contains a force.
    /// Whether a number follows token `i` ("about 200 soldiers": the
    /// preposition before it approximates, it opens no phrase).
    fn number_after(&self, i: usize) -> bool {
        self.t
            .tokens
            .get(i + 1)
            .is_some_and(|x| x.kind == TokKind::Number)
    }

    /// "has about 1,500 troops", "keeps some 900 soldiers": a force right
    /// after `from`, with only numbers, quantity words, modifiers and an
    /// approximating preposition between ("has lost thousands of troops" has
    /// a verb between, so no).
    fn force_right_after(&self, from: usize) -> bool {
        let end = (from + 5).min(self.t.tokens.len());
        for i in from..end {
            if phrase_at(self.k, self.t, i, Class::Force).is_some()
                || self.m.cover[i].is_some_and(|mi| self.m.list[mi].force.is_some())
            {
                return true;
            }
            if !self.counts_force(i) {
                return false;
            }
        }
        false
    }

    /// Whether token `i` can stand in the count before a force: a number,
    /// a quantity, a modifier, an approximation ("an estimated", "more
    /// than", "some") or a preposition before a number ("about 200").
    fn counts_force(&self, i: usize) -> bool {
        let tok = &self.t.tokens[i];
        let c = self.k.classes(&tok.norm);
        // ("between 3,000 and 4,000 troops", "2,000 to 3,000 soldiers")
        let range = matches!(tok.norm.as_str(), "and" | "to" | "-")
            && i > 0
            && self.t.tokens[i - 1].kind == TokKind::Number
            && self.number_after(i);
        tok.kind == TokKind::Number
            || range
            || (c.has(Class::Preposition) && self.number_after(i))
            || c.has(Class::Approximation)
            || c.has(Class::Quantity)
            || c.has(Class::Modifier)
    }

    fn force_in_object(&self, from: usize) -> bool {
        let end = (from + 7).min(self.t.sentences[self.sentence_of(from.saturating_sub(1))].last);
        let mut i = from;
        while i < end {
            let w = self.tok(i);
            let quantity_of = w == "of"
                && i > from
                && (self.t.tokens[i - 1].kind == TokKind::Number
                    || self.k.is(Class::Quantity, self.tok(i - 1)));
            // "about 200 soldiers", "about a third of its army": before a
            // number or a quantity a preposition is an approximation
            let approximates = self.number_after(i)
                || (matches!(self.tok(i + 1), "a" | "an")
                    && self.k.is(Class::Quantity, self.tok(i + 2)));
            if self.k.is(Class::Preposition, w)
                && !quantity_of
                && !approximates
                && self.m.cover[i].is_none()
            {
                return false;
            }
            if phrase_at(self.k, self.t, i, Class::Force).is_some()
                || self.m.cover[i].is_some_and(|mi| self.is_force_mention(mi))
            {
                return true;
            }
            i += 1;
        }
        false
    }

    fn force_text(&self, agent_mentions: &[usize], from: usize, to: usize) -> Option<String> {
        if let Some(f) = agent_mentions
            .iter()
            .find_map(|&mi| self.m.list[mi].force.clone())
        {
            return Some(f);
        }
        let end = to.min(self.t.tokens.len());
        let start = (from..end).find(|&i| {
            phrase_at(self.k, self.t, i, Class::Force).is_some()
                || self.t.tokens[i].kind == TokKind::Number
        })?;
        let mut stop = start;
        while stop < end
            && !self.k.is(Class::Locative, self.tok(stop))
            && self.tok(stop) != ","
            && self.m.cover[stop].is_none_or(|mi| self.m.list[mi].force.is_some())
        {
            stop += 1;
        }
        if stop == start {
            return None;
        }
        Some(crate::mentions::span_text(self.text, self.t, start, stop))
    }

    /// Whether an argument can be where forces are: a place, a state or a border.
    fn place_like(&self, a: &Arg) -> bool {
        match a {
            Arg::Entity(e) => matches!(
                self.m.entities[*e].etype,
                EntityType::Place | EntityType::State
            ),
            Arg::Border(_) => true,
        }
    }

    /// "Belarus hosts Russian nuclear weapons", "Poland hosts about 10,000
    /// US troops": the force right after the verb (a count before it
    /// allowed) is the agent, or stands for it; the host is the place.
    fn frame_host(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let end = (hit.last + 6).min(self.t.sentences[self.sentence_of(p)].last);
        let Some(force) = self.force_object(hit.last) else {
            return Vec::new();
        };
        let agents: Vec<usize> = self
            .entities(&[force])
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        let hosts = self.subjects(p);
        let targets: Vec<Arg> = self
            .args(&hosts)
            .into_iter()
            .filter(|a| self.place_like(a) && !matches!(a, Arg::Entity(e) if agents.contains(e)))
            .collect();
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        let from = self.scope_from(&hosts, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p);
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.force = self.force_text(&[force], hit.last, end);
        vec![f]
    }

    /// Whether mention `mi` modifies a noun of `class` right after it ("an
    /// RSF meeting").
    fn modifies(&self, mi: usize, class: Class) -> bool {
        let after = self.m.list[mi].last;
        self.m.cover.get(after).is_some_and(|c| c.is_none()) && self.k.is(class, self.tok(after))
    }

    /// Whether a name `mi` (not a phrase with a force noun) modifies the
    /// common noun right after it: "an RSF gathering", "Wagner leaders".
    fn modifies_noun(&self, mi: usize) -> bool {
        let m = &self.m.list[mi];
        m.via == Via::Name
            && self.t.tokens.get(m.last).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.capitalised
                    && self.m.cover[m.last].is_none()
                    && !matches!(t.norm.as_str(), "and" | "or")
                    && !self.k.is(Class::Force, &t.norm)
                    && !self.k.is(Class::Preposition, &t.norm)
                    && !self.k.is(Class::ClauseBreak, &t.norm)
                    && !self.k.is(Class::Auxiliary, &t.norm)
            })
    }

    /// The force right after token `from` ("thousands of", "about 10,000",
    /// "an estimated" before it), within the sentence and six tokens.
    fn force_object(&self, from: usize) -> Option<usize> {
        let end = (from + 6).min(self.t.sentences[self.sentence_of(from.saturating_sub(1))].last);
        let mut i = from;
        while i < end {
            if let Some(mi) = self.m.cover[i] {
                // ("hosted an RSF meeting": a name modifying a noun of talks
                // or government is not the force)
                // (nor a name before any common noun: "hosted an RSF gathering")
                let modifier = self.modifies(mi, Class::Talks)
                    || self.modifies(mi, Class::Government)
                    || self.modifies_noun(mi);
                return (self.is_force_mention(mi) && !modifier).then_some(mi);
            }
            // (a superlative too: "hosts the largest US military base")
            let superlative = |w: &str| w.len() > 5 && w.ends_with("est");
            if !(self.counts_force(i)
                || self.tok(i) == "of"
                || matches!(self.tok(i), "a" | "an" | "the" | "any" | "no" | "some")
                || (i > from && self.tok(i - 1) == "the" && superlative(self.tok(i))))
            {
                return None;
            }
            i += 1;
        }
        None
    }

    fn frame_sighted(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        // (the passive is the motion frame's: "drones were sighted over …")
        if self.after_be(p) {
            return Vec::new();
        }
        let Some(force) = self.force_object(hit.last) else {
            return Vec::new();
        };
        let observers = self.subjects(p);
        let seen_by: Vec<usize> = self.entities(&observers);
        let agents: Vec<usize> = self
            .entities(&[force])
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor() && !seen_by.contains(&e))
            .collect();
        if agents.is_empty() {
            return Vec::new();
        }
        let mut own: Vec<usize> = agents.clone();
        own.extend(agents.iter().filter_map(|&e| self.force_state(e)));
        // where it was seen, else near the one who saw it ("Taiwan detected
        // 20 Chinese aircraft")
        let mut targets = self
            .place_after(self.m.list[force].last, 10, true)
            .map(|place| self.object_args(&self.place_conjuncts(place), &own))
            .unwrap_or_default();
        if targets.is_empty() {
            targets = self
                .args(&observers)
                .into_iter()
                .filter(|a| self.place_like(a) && !matches!(a, Arg::Entity(e) if own.contains(e)))
                .collect();
        }
        if targets.is_empty() {
            return Vec::new();
        }
        let from = self.scope_from(&observers, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p);
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.force = self.force_text(&[force], hit.last, hit.last + 6);
        vec![f]
    }

    fn frame_deploy(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        // "attacked a police station in Homs", "the stations": an uninflected
        // form right after a determiner, or after a determiner and one
        // lower-case modifier, is a noun ("Russia also stations troops" and
        // "plans to deploy" are verbs)
        let w = self.tok(p);
        let det = |i: usize| DETERMINERS.contains(&self.tok(i));
        if hit.last == p + 1 && !w.ends_with("ed") && !w.ends_with("ing") && p > 0 {
            let before = &self.t.tokens[p - 1];
            let modifier = p > 1
                && det(p - 2)
                && self.m.cover[p - 1].is_none()
                && before.kind == TokKind::Word
                && !before.capitalised
                && !self.k.is(Class::Auxiliary, &before.norm);
            if det(p - 1) || modifier {
                return Vec::new();
            }
        }
        // "supported by an increased security deployment": a participle
        // right after a determiner is an adjective
        if p > 0 && w.ends_with("ed") && det(p - 1) {
            return Vec::new();
        }
        let subj = self.subjects(p);
        let passive = self.after_be(p);
        // "troops were sent to Somalia by Ethiopia": the passive subject is the force
        let passive_force = passive
            && (self.clause_start(p)..p)
                .any(|i| phrase_at(self.k, self.t, i, Class::Force).is_some());
        let subject_is_force = passive_force || subj.iter().any(|&mi| self.is_force_mention(mi));
        // the force is what is sent: in the object, not in a later phrase ("boosted its budget for the army")
        // (what is ordered is a force, whoever orders: "the Israeli military
        // … ordered retaliatory strikes on Tehran" sends none)
        let ordering = self.tok(p).starts_with("order");
        let object_needed = pat.needs_object_force && !passive_force;
        if pat.needs_force
            && (!subject_is_force || ordering || object_needed)
            && !self.force_in_object(hit.last)
        {
            return Vec::new();
        }
        if pat.needs_adjacent_force && !self.force_right_after(hit.last) {
            return Vec::new();
        }
        // "deployed its diplomats", "sent aid": what is sent is not a force
        let object_end = (hit.last + 5).min(self.t.sentences[self.sentence_of(p)].last);
        if !subject_is_force
            && !self.has_force_after(hit.last, 5)
            && (hit.last..object_end).any(|i| self.k.is(Class::NonForce, self.tok(i)))
        {
            return Vec::new();
        }
        // "the bombers returned safely", "returned to base": coming home is
        // a withdrawal, not a deployment
        if self.tok(p).starts_with("return")
            && (matches!(self.tok(hit.last), "home" | "safely")
                || (self.tok(hit.last) == "to"
                    && (hit.last + 1..hit.last + 3)
                        .any(|i| matches!(self.tok(i), "base" | "bases" | "barracks"))))
        {
            return Vec::new();
        }
        let mut agents_m = subj.clone();
        if passive {
            let by = self.by_agent(hit.last, 8);
            if !by.is_empty() {
                agents_m = by;
            }
        }
        let agents = self.entities(&agents_m);
        let mut agents: Vec<usize> = agents
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        if agents.is_empty() && subj.is_empty() {
            agents.extend(self.speakers_force(p));
        }
        if agents.is_empty() {
            return Vec::new();
        }
        let place = if pat.needs_negation {
            self.source_place_after(hit.last, 16)
        } else {
            self.place_after(hit.last, 16, false)
                .or_else(|| self.where_antecedent(p))
                .or_else(|| passive_force.then(|| self.located_subject(p)).flatten())
        };
        if pat.needs_place && place.is_none() {
            return Vec::new();
        }
        // "ordered the police to investigate the attack in Goma": an order
        // to do something else than move leaves the force where it is
        // (but "ordered the army to move to the border", "ordered troops to
        // be ready to move into Ukraine")
        if ordering {
            let place_start = place.map_or(hit.last + 8, |mi| self.m.list[mi].first);
            let infinitive = (hit.last..place_start).find(|&i| {
                self.tok(i) == "to"
                    && self.m.cover[i + 1].is_none()
                    && self
                        .t
                        .tokens
                        .get(i + 1)
                        .is_some_and(|x| x.kind == TokKind::Word)
                    && !DETERMINERS.contains(&self.tok(i + 1))
            });
            let triggers = crate::relations::patterns::TriggerIndex::get();
            if infinitive.is_some_and(|i| {
                !(i + 1..place_start).any(|j| triggers.starts_deploy_form(self.tok(j)))
            }) {
                return Vec::new();
            }
        }
        // "sent drones to Sudan's army", "sent fighters to the rebels": what
        // goes to an armed actor is a supply, not a deployment
        if place.is_none() && self.to_armed_actor(hit.last) {
            return Vec::new();
        }
        // "sent a naval vessel into its waters": into another's territory
        // (but "stationed troops on its territory" may be its own); and
        // "Belarus allowed Russia to station weapons on its territory" is
        // the territory of who allows or asks
        let requested = self.requested(&subj, p);
        // "pledged troops", "offered police officers": the trigger itself promises
        let promised = self.k.is(Class::Modal, self.tok(p));
        let into_pronoun = place.is_some_and(|mi| {
            let m = &self.m.list[mi];
            // ("NATO troops to be deployed on its territory": a passive's
            // force is not on its own ground)
            matches!(m.referent, Ref::Pronoun(_))
                && (requested
                    || passive_force
                    || self.charged_gerund(p)
                    || (m.first > 0 && self.tok(m.first - 1) == "into"))
        });
        let mut targets = place
            .map(|mi| {
                let places = self.place_conjuncts(mi);
                if into_pronoun {
                    self.object_args(&places, &agents)
                } else {
                    self.args(&places)
                }
            })
            .unwrap_or_default();
        // a place is a state or a place ("on its territory" after "US
        // missiles" is no force's)
        targets.retain(|a| self.place_like(a));
        // "Armenia asked Russia to deploy peacekeepers along its border with
        // Azerbaijan": the border's other side is the possessive's referent,
        // the asker's when the event is asked for
        if let (Some(mi), [Arg::Border(states)]) = (place, targets.as_mut_slice()) {
            let first = self.m.list[mi].first;
            let owner = (states.len() == 1 && (requested || passive_force) && first > 0)
                .then(|| self.m.cover[first - 1])
                .flatten()
                .and_then(|x| match self.m.list[x].referent {
                    Ref::Pronoun(kind) if POSSESSIVES.contains(&self.tok(self.m.list[x].first)) => {
                        self.resolve_pronoun_excluding(self.m.list[x].first, kind, &agents)
                    }
                    _ => None,
                })
                .and_then(|e| self.k.state_by_name(&self.m.entities[e].label))
                .filter(|st| !states.contains(st));
            if let Some(st) = owner {
                states.push(st);
                states.sort_unstable();
            }
        }
        // "Canada deployed a new tax system": neither a force nor a place
        // (nor is the agent's own state one: "India deployed a new payment
        // system across the country")
        let own_only = targets
            .iter()
            .all(|a| matches!(a, Arg::Entity(e) if agents.contains(e)));
        if own_only && !subject_is_force && !self.has_force_after(hit.last, 5) {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let mut negated = self.negated(from, p);
        // "has not withdrawn its troops from …": the forces stay
        if pat.needs_negation {
            if !negated {
                return Vec::new();
            }
            negated = false;
        }
        let place_start = place
            .map(|mi| self.m.list[mi].first)
            .unwrap_or(hit.last + 8);
        // "ordered troops to be ready to move into Ukraine": the place is
        // reached only in a possible event
        let possible_place = pat.needs_place && self.modal_between(hit.last, place_start);
        let hypothetical = self.hypothetical(from, p) || requested || promised || possible_place;
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.force = self.force_text(&agents_m, hit.last, place_start);
        vec![f]
    }

    /// Whether an unnamed noun with a participle and "by" after it stands
    /// in `[from, to)`: "any administration installed by …", "a government
    /// backed by …" (the noun is the object, not what the by-phrase names).
    fn unnamed_modified_head(&self, from: usize, to: usize) -> bool {
        (from + 1..to.saturating_sub(1)).any(|i| {
            self.m.cover[i].is_none()
                && self.m.cover[i - 1].is_none()
                && self.tok(i).ends_with("ed")
                && self.tok(i + 1) == "by"
                && self.t.tokens[i - 1].kind == TokKind::Word
                && !DETERMINERS.contains(&self.tok(i - 1))
                && !self.k.is(Class::Auxiliary, self.tok(i - 1))
                && !BE.contains(&self.tok(i - 1))
        })
    }

    /// Whether the trigger at `p` is the gerund of a charge: "accused
    /// Rwanda of deploying soldiers on its territory" (where "its" is the
    /// accuser's, not the accused's).
    fn charged_gerund(&self, p: usize) -> bool {
        p >= 3 && {
            let first = self.m.cover[p - 2].map_or(p - 2, |mi| self.m.list[mi].first);
            crate::mentions::places::charged(self.t, first, p - 1)
        }
    }

    /// The place a relative "where" clause holding token `p` is about: "the
    /// Catatumbo region, where the military has deployed thousands of
    /// soldiers" deploys to Catatumbo.
    /// "Police in Nairobi were deployed to disperse …": the place right
    /// after "in" that ends the passive subject, before its verb.
    fn located_subject(&self, p: usize) -> Option<usize> {
        let from = self.clause_start(p);
        // (the force, "in", the place: from the clause's third token on)
        (from + 2..p).find_map(|i| {
            let mi = self.m.cover[i]?;
            let m = &self.m.list[mi];
            let Ref::Entity(e) = m.referent else {
                return None;
            };
            let ok = m.first == i
                && self.tok(i - 1) == "in"
                && self.m.cover[i - 2].is_some_and(|f| self.is_force_mention(f))
                && (m.last..p).all(|x| {
                    BE.contains(&self.tok(x))
                        || (self.m.cover[x].is_none() && self.k.is(Class::Auxiliary, self.tok(x)))
                })
                && self.place_like(&Arg::Entity(e));
            ok.then_some(mi)
        })
    }

    fn where_antecedent(&self, p: usize) -> Option<usize> {
        let floor = self.t.sentences[self.sentence_of(p)].first;
        let w = (p.saturating_sub(12).max(floor + 2)..p)
            .rev()
            .take_while(|&i| self.tok(i) != "," || self.tok(i + 1) == "where")
            .find(|&i| self.tok(i) == "where" && self.tok(i - 1) == ",")?;
        // (not a report made there: "They met in Paris, where France said it …")
        if (w..p).any(|i| self.m.cover[i].is_none() && self.k.is(Class::Speech, self.tok(i))) {
            return None;
        }
        // ("the Catatumbo region, where …")
        let mut j = w - 2;
        if self.m.cover[j].is_none()
            && (self.k.is(Class::Region, self.tok(j)) || self.k.is(Class::PlaceHead, self.tok(j)))
        {
            j = j.checked_sub(1)?;
        }
        let mi = self.m.cover[j]?;
        let m = &self.m.list[mi];
        (m.last == j + 1
            && matches!(m.referent, Ref::Entity(e)
                if matches!(self.m.entities[e].etype, EntityType::Place | EntityType::State)))
        .then_some(mi)
    }

    /// The place a force leaves: after "from" or "out of" ("withdrawn its
    /// troops from Transnistria", "pull its troops out of Tigray"), or in a
    /// phrase after "from" ("from five positions in southern Lebanon").
    fn source_place_after(&self, from: usize, limit: usize) -> Option<usize> {
        let (sent_last, _) = self.window_after(from, limit);
        let mut seen_from = false;
        let mut k = from;
        while k < sent_last && k < from + limit * 2 && !self.hard_break(k) {
            let Some(mi) = self.m.cover[k] else {
                seen_from |= matches!(self.tok(k), "from" | "out");
                k += 1;
                continue;
            };
            let m = &self.m.list[mi];
            let mut j = m.first;
            if j > from && self.tok(j - 1) == "the" {
                j -= 1;
            }
            let before = if j > from { self.tok(j - 1) } else { "" };
            let source = before == "from" || (before == "of" && j >= 2 && self.tok(j - 2) == "out");
            let within = seen_from && self.k.is(Class::Locative, before);
            let place = matches!(m.referent, Ref::Entity(e)
                if matches!(self.m.entities[e].etype, EntityType::Place | EntityType::State))
                || matches!(m.referent, Ref::Border(_));
            if place && (source || within) {
                return Some(mi);
            }
            k = m.last.max(k + 1);
        }
        None
    }

    /// A place and the places or states coordinated after it ("sent troops
    /// to Chad and Niger"), short of one that begins a new clause ("… to
    /// Chad and Niger said …"). A border stands alone: "its border with
    /// Venezuela and Guyana" names the second state, not a place.
    fn place_conjuncts(&self, mi: usize) -> Vec<usize> {
        let mut out = vec![mi];
        if matches!(self.m.list[mi].referent, Ref::Border(_)) {
            return out;
        }
        let toks = &self.t.tokens;
        let sent_last = self.t.sentences[self.sentence_of(self.m.list[mi].first)].last;
        let triggers = TriggerIndex::get();
        let mut cur = self.m.list[mi].last;
        while cur + 1 < sent_last && matches!(toks[cur].norm.as_str(), "and" | ",") {
            let j = if toks[cur + 1].norm == "the" {
                cur + 2
            } else {
                cur + 1
            };
            let Some(x) = self.m.cover.get(j).copied().flatten() else {
                break;
            };
            let m = &self.m.list[x];
            let place_like = m.via != Via::Phrase
                && matches!(m.referent, Ref::Entity(e)
                    if matches!(self.m.entities[e].etype, EntityType::Place | EntityType::State));
            let next = toks.get(m.last).map_or("", |y| y.norm.as_str());
            // ("based in Djibouti, China's first overseas base": an apposition)
            let verb_next = next == "'s"
                || self.k.is(Class::Speech, next)
                || self.k.is(Class::Modal, next)
                || BE.contains(&next)
                || matches!(next, "has" | "have" | "had" | "did" | "does" | "do")
                || triggers.starts_verb(next);
            if !place_like || verb_next {
                break;
            }
            out.push(x);
            cur = m.last;
        }
        out
    }

    /// "Gallant said troops would enter Rafah": a force with no owner (no
    /// name, possessor or adjective) or with the speaker's own "its"/"their"
    /// ("Russia said its forces had captured …"), standing right before its
    /// verb in a sentence spoken for a state or its army, is that side's
    /// force. Returns the side.
    fn speakers_force(&self, p: usize) -> Option<usize> {
        let from = self.clause_start(p);
        let (f, end) = (from..p).rev().find_map(|i| {
            phrase_at(self.k, self.t, i, Class::Force)
                .filter(|&e| e <= p)
                .map(|e| (i, e))
        })?;
        // "10,000 soldiers would be sent", "about 200 troops": the count
        // belongs to the force
        let mut f = f;
        while f > from && self.counts_force(f - 1) {
            f -= 1;
        }
        let aux = |i: usize| {
            let w = self.tok(i);
            BE.contains(&w) || self.k.is(Class::Auxiliary, w) || self.k.is(Class::Modal, w)
        };
        let opens = |i: usize| {
            let w = self.tok(i);
            w == "that"
                || self.k.is(Class::Speech, w)
                || self.k.is(Class::ClauseBreak, w)
                || self.k.is(Class::Denial, w)
        };
        // "Russia said its forces had captured …": the speaker's own possessive
        // right at the start of the reported clause
        let speakers_own = |i: usize| {
            matches!(self.tok(i), "its" | "their" | "our") && (i == from || (i > 0 && opens(i - 1)))
        };
        let owned = f > from && {
            let w = self.tok(f - 1);
            !(w == "the" || opens(f - 1) || speakers_own(f - 1))
        };
        if owned || (f..end).any(|i| self.m.cover[i].is_some()) || !(end..p).all(aux) {
            return None;
        }
        // "Moscow denied that its troops had entered Sumy": the denier's own force
        // (or "denied its troops had entered", without "that")
        let denier = || {
            let verb = match (from.saturating_sub(1)..p).find(|&i| self.tok(i) == "that") {
                Some(that) if that > 0 => that - 1,
                _ if f >= 2 && speakers_own(f - 1) => f - 2,
                _ => return None,
            };
            if !self.k.is(Class::Denial, self.tok(verb)) || self.m.cover[verb].is_some() {
                return None;
            }
            self.entities(&self.subjects(verb)).first().copied()
        };
        let speaker = self.speakers[self.sentence_of(p)].or_else(denier)?;
        let side = self.side_of(speaker)?;
        matches!(
            self.m.entities[side].etype,
            EntityType::State | EntityType::ArmedForce
        )
        .then_some(side)
    }

    /// A passive participle with a `by` agent ("was occupied by").
    fn passive_by(&self, hit: TriggerHit) -> bool {
        self.after_be(hit.first)
            && self.tok(hit.first).ends_with("ed")
            && self.tok(hit.last) == "by"
    }

    /// Whether a form of "be" stands before token `p`, over up to six
    /// adverbs and commas of a parenthetical: "is recognised", "is not
    /// recognised", "was repeatedly accused", "is not, however, recognised".
    pub(super) fn after_be(&self, p: usize) -> bool {
        let mut i = p;
        while i > 0 && i + 6 >= p {
            let w = self.tok(i - 1);
            if BE.contains(&w) {
                return true;
            }
            let parenthetical = matches!(
                w,
                "," | "however" | "though" | "moreover" | "nevertheless" | "nonetheless" | "indeed"
            );
            if !BE_ADVERBS.contains(&w) && !parenthetical {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// "in occupied parts of Ukraine", "the annexed peninsula", "shelling
    /// the occupied city": a one-word participle after a determiner or a
    /// preposition, before a noun, is an adjective and names no act of the
    /// clause's subject.
    fn adjectival(&self, hit: TriggerHit) -> bool {
        let p = hit.first;
        hit.last == p + 1
            && p > 0
            && self.tok(p).ends_with("ed")
            && (DETERMINERS.contains(&self.tok(p - 1))
                || self.k.is(Class::Preposition, self.tok(p - 1))
                || self.k.is(Class::Locative, self.tok(p - 1)))
            && self
                .t
                .tokens
                .get(hit.last)
                .is_some_and(|x| x.kind == TokKind::Word)
            && !matches!(self.tok(hit.last), "by" | "and" | "or")
    }

    fn frame_motion(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        if self.adjectival(hit) {
            return Vec::new();
        }
        if self.passive_by(hit) {
            // "the north was occupied by Serbian forces": agent after by, place before
            let agents = self.entities(&self.by_agent(hit.last, 6));
            let targets: Vec<Arg> = self
                .args(&self.subjects(p))
                .into_iter()
                .filter(|a| self.place_like(a))
                .collect();
            if agents.is_empty()
                || targets.is_empty()
                || agents
                    .iter()
                    .any(|&e| self.m.entities[e].etype == EntityType::Place)
            {
                return Vec::new();
            }
            let from = self.clause_start(p);
            return vec![self.found(
                pat,
                hit,
                agents,
                targets,
                self.negated(from, p),
                self.hypothetical(from, p),
            )];
        }
        let subj = self.subjects(p);
        let w = self.tok(p);
        // "violated Estonian airspace" moves into a place; "violated the
        // ceasefire along the Line of Control" does not
        if w.starts_with("violat")
            && !(hit.last..(hit.last + 4).min(self.t.tokens.len()))
                .any(|i| phrase_at(self.k, self.t, i, Class::Territory).is_some())
        {
            return Vec::new();
        }
        // (a state invades, occupies or launches an offensive itself)
        let any_actor = w.starts_with("invad")
            || w.starts_with("occup")
            || (hit.first..hit.last).any(|i| {
                matches!(
                    self.tok(i),
                    "offensive" | "operation" | "invasion" | "militarily"
                )
            });
        // a force, an army, or an armed group in the verb's own clause ("M23
        // rebels seized Goma"; not "The Houthis said troops would enter …")
        let own_clause = |mi: usize| {
            !(self.m.list[mi].last..p)
                .any(|i| self.tok(i) == "that" || self.k.is(Class::Speech, self.tok(i)))
        };
        // ("Its fighters have besieged El Fasher": a possessive pronoun's force)
        let pronoun_force = |mi: usize| {
            let m = &self.m.list[mi];
            matches!(
                m.referent,
                Ref::Pronoun(PronounKind::Thing | PronounKind::Plural)
            ) && POSSESSIVES.contains(&self.tok(m.first))
                && phrase_at(self.k, self.t, m.last, Class::Force).is_some()
        };
        let ok = subj.iter().any(|&mi| {
            self.is_force_mention(mi)
                || pronoun_force(mi)
                || matches!(self.m.list[mi].referent, Ref::Entity(e) if (any_actor && self.m.entities[e].etype.is_actor()) || (own_clause(mi) && crate::mentions::non_state_armed(self.k, &self.m.entities[e])))
        });
        // "Denmark said drones were sighted over Copenhagen": what a side
        // reports seeing is not its own force
        let perceived = self.k.is(Class::Perception, w);
        let implied = if ok || perceived {
            None
        } else {
            self.speakers_force(p)
        };
        if !ok && implied.is_none() {
            return Vec::new();
        }
        let place = self.place_after(hit.last, 10, true);
        // "Russian troops entered the town": a place the text does not name
        // is a deployment to no stated place
        // (not an invasion or occupation by an actor: "trying to occupy the
        // region" may be its own)
        let unnamed = place.is_none()
            && !any_actor
            && !perceived
            && !BE.contains(&w)
            && self.unnamed_place_at(hit.last);
        if place.is_none() && !unnamed {
            return Vec::new();
        }
        if let Some(place) = place {
            // "rebels captured two soldiers near the border", "seized civilians
            // in …": the verb takes people or a force, and the place is theirs
            if (hit.last..self.m.list[place].first).any(|i| {
                [Class::Force, Class::People, Class::NonForce]
                    .into_iter()
                    .any(|c| phrase_at(self.k, self.t, i, c).is_some())
            }) {
                return Vec::new();
            }
            // "troops were in Syria", "were in parts of Ukraine" (not "were in
            // retreat near Kharkiv"): being in a place needs the place at once
            if BE.contains(&w)
                && !(hit.last..self.m.list[place].first).all(|i| {
                    DETERMINERS.contains(&self.tok(i))
                        || matches!(self.tok(i), "parts" | "part" | "areas" | "of" | "occupied")
                })
            {
                return Vec::new();
            }
        }
        let agents = match implied {
            Some(side) => vec![side],
            None => self.entities(&subj),
        };
        // "Azerbaijani forces crossed into its territory": not their own state's
        let mut own: Vec<usize> = agents.clone();
        own.extend(agents.iter().filter_map(|&e| self.force_state(e)));
        let mut targets = place.map_or_else(Vec::new, |place| {
            self.object_args(&self.place_conjuncts(place), &own)
        });
        // "its territory" names a state of the same sentence, never one named long before
        if place.is_some_and(|place| matches!(self.m.list[place].referent, Ref::Pronoun(_))) {
            let s = &self.t.sentences[self.sentence_of(p)];
            targets.retain(|a| {
                matches!(a, Arg::Entity(e) if (s.first..s.last).any(|i| {
                    self.m.cover[i].is_some_and(|mi| matches!(self.m.list[mi].referent, Ref::Entity(x) if x == *e))
                }))
            });
        }
        if any_actor {
            // no one invades or occupies itself ("X is trying to occupy the region", the region being X)
            targets.retain(|a| !matches!(a, Arg::Entity(t) if agents.contains(t)));
        }
        if agents.is_empty() || (targets.is_empty() && !unnamed) {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p) || self.requested(&subj, p);
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.force = self.force_text(&subj, p, p);
        vec![f]
    }

    /// Whether tokens `[a, b)` are lower-case words no mention covers: the
    /// modifiers between an article and its noun ("a flagrant violation",
    /// "the hospital compound").
    fn plain_modifiers(&self, a: usize, b: usize) -> bool {
        (a..b).all(|x| {
            self.m.cover.get(x).is_some_and(|c| c.is_none())
                && self.t.tokens[x].kind == TokKind::Word
                && !self.t.tokens[x].capitalised
        })
    }

    /// Whether an unnamed place opens the object at `from`: an article,
    /// at most two lower-case modifiers and a noun of a place or a
    /// facility ("the town", "a village", "the hospital compound", "the
    /// air base"), no name after it.
    fn unnamed_place_at(&self, from: usize) -> bool {
        if !matches!(self.tok(from), "the" | "a" | "an") {
            return false;
        }
        (from + 1..from + 4).any(|j| {
            let noun = [Class::PlacePart, Class::PlaceHead, Class::Facility]
                .into_iter()
                .find_map(|c| phrase_at(self.k, self.t, j, c));
            // (modifiers and noun in lower case: not "the North")
            noun.is_some_and(|end| {
                self.plain_modifiers(from + 1, end)
                    && self
                        .t
                        .tokens
                        .get(end)
                        .is_none_or(|x| !x.capitalised && x.norm != "of")
            })
        })
    }

    fn frame_nominal(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let w = self.tok(p).to_string();
        let n = self.t.tokens.len();
        // "the deployment of Iranian troops", "the return of up to 1,000 soldiers of our forces"
        let mut of_force: Option<usize> = None;
        let mut force_words = false;
        if self.tok(hit.last) == "of" {
            let mut j = hit.last + 1;
            while j < n && j < hit.last + 7 && self.m.cover[j].is_none() {
                if phrase_at(self.k, self.t, j, Class::Force).is_some() {
                    force_words = true;
                }
                j += 1;
            }
            if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                if self.is_force_mention(mi) {
                    of_force = Some(mi);
                    force_words = true;
                }
            }
        }
        // ("balloon incursions", "migrant incursions": no force)
        if p >= 1 && self.k.is(Class::NonForce, self.tok(p - 1)) {
            return Vec::new();
        }
        // "France ended its military deployment in Mali": a deployment taken
        // back is a withdrawal (but one that is to be taken back still
        // stands: "urged Serbia to end its deployment")
        if self
            .revoking_verb(p)
            .is_some_and(|v| v == 0 || self.tok(v - 1) != "to")
        {
            return Vec::new();
        }
        // ("a military buildup", "the troop deployment": the force before the noun)
        let force_before = p >= 1 && FORCE_MODIFIERS.contains(&self.tok(p - 1));
        if matches!(
            w.as_str(),
            "return"
                | "deployment"
                | "deployments"
                | "build-up"
                | "buildup"
                | "arrival"
                | "presence"
        ) && !force_words
            && !force_before
            && !self.has_force_after(hit.last, 6)
        {
            return Vec::new();
        }
        // ("The deployment of North Korean troops … was confirmed by South
        // Korea": the by-phrase of the clause's passive verb, not the noun's)
        let by_of_verb = (hit.last..(hit.last + 12).min(n))
            .find(|&i| self.tok(i) == "by" && self.m.cover[i].is_none())
            .is_some_and(|b| {
                b > hit.last + 1 && self.tok(b - 1).ends_with("ed") && self.after_be(b - 1)
            });
        let mut agents_m = if by_of_verb {
            Vec::new()
        } else {
            self.by_agent(hit.last, 12)
        };
        // "requested the deployment of", "called for a rapid deployment of":
        // the event is only asked for
        let solicited = (p.saturating_sub(5)..p).find(|&v| {
            self.m.cover[v].is_none()
                && phrase_at(self.k, self.t, v, Class::Solicit).is_some_and(|end| {
                    (end..p).all(|x| {
                        self.m.cover[x].is_none()
                            && (self.tok(x) == "-"
                                || (self.t.tokens[x].kind == TokKind::Word
                                    && !self.t.tokens[x].capitalised))
                    })
                })
        });
        let mut theme_force = false;
        if agents_m.is_empty() {
            if let Some(mi) =
                of_force.filter(|&mi| !matches!(self.m.list[mi].referent, Ref::Pronoun(_)))
            {
                agents_m = vec![mi];
                theme_force = true;
            }
        }
        if agents_m.is_empty() {
            agents_m = self.possessor(p, &[]).into_iter().collect();
        }
        // "a drone incursion from Belarus": where it came from made it
        if agents_m.is_empty() && self.tok(hit.last) == "from" {
            agents_m.extend(
                self.m
                    .cover
                    .get(hit.last + 1)
                    .copied()
                    .flatten()
                    .filter(|&mi| self.is_actor_mention(mi)),
            );
        }
        if agents_m.is_empty() && !w.starts_with("occup") && !w.starts_with("invas") {
            // "called on Serbia to withdraw what it described as a large
            // military deployment": who is to take a deployment back made it
            let revoking = (self.clause_start(p)..p)
                .rev()
                .find(|&v| self.k.is(Class::Revoke, self.tok(v)) && self.m.cover[v].is_none());
            let subj = self.subjects(revoking.unwrap_or(p));
            // "The United States condemned the incursion": who reacts to the
            // event is not its agent (but "Kenya announced the deployment",
            // "Russia denied the deployment" are the agent's own words)
            let from = subj
                .iter()
                .map(|&mi| self.m.list[mi].last)
                .max()
                .unwrap_or(p);
            // (nor the object of a reaction taken for a subject: "Poland
            // summoned the Russian envoy over the incursion"; but a name
            // modifying the noun is its agent: "protested Chinese coast
            // guard intrusion")
            let reaction_object = subj.iter().any(|&mi| {
                let m = &self.m.list[mi];
                m.last < p && m.first > 0 && self.k.is(Class::Reaction, self.tok(m.first - 1))
            });
            // ("withdraw what it described as a large military deployment":
            // a free relative's verb governs nothing)
            let reacts = (from..p).any(|i| {
                self.k.is(Class::Reaction, self.tok(i))
                    && !(i.saturating_sub(3)..i).any(|j| self.tok(j) == "what")
            });
            if !reacts && !reaction_object && solicited.is_none() {
                agents_m = subj;
            }
        }
        // "a Russian military buildup": the state of the adjective (not for an
        // occupation or invasion, which the hostile frame reads)
        let adjective_agent = if agents_m.is_empty()
            && matches!(
                w.as_str(),
                "deployment" | "deployments" | "build-up" | "buildup"
            ) {
            self.adjective_before(p)
        } else {
            None
        };
        let agents: Vec<usize> = self
            .entities(&agents_m)
            .into_iter()
            .chain(adjective_agent)
            .filter(|&e| self.m.entities[e].etype.is_actor())
            // "the deployment of Iranian troops": the of-phrase is what is
            // deployed; a state's generic force is deployed by that state
            .map(|e| {
                if theme_force {
                    self.force_state(e).unwrap_or(e)
                } else {
                    e
                }
            })
            .collect();
        if agents.is_empty() {
            return Vec::new();
        }
        let place = if self.tok(hit.last) == "of" {
            self.place_after(hit.last + 1, 14, true)
        } else {
            self.place_after(hit.last, 14, false)
        };
        if w.starts_with("occup") && place.is_none() {
            return Vec::new();
        }
        let targets = place.map(|mi| self.args(&[mi])).unwrap_or_default();
        let from = self.clause_start(p);
        // (a reaction's negation is not the event's: "India refused to
        // condemn Russia's invasion of Ukraine" tells of an invasion; but a
        // rejection is a negation itself: "rejected any deployment of …")
        let reaction = (from..p)
            .rev()
            .find(|&i| self.k.is(Class::Reaction, self.tok(i)) && self.m.cover[i].is_none());
        let scope = reaction.map_or(from, |r| {
            if self.k.is(Class::Negation, self.tok(r)) {
                r
            } else {
                r + 1
            }
        });
        let negated = self.negated(scope, p);
        let end = self.clause_end(hit.last);
        let hypothetical =
            self.hypothetical(from, p) || self.hypothetical(hit.last, end) || solicited.is_some();
        let mut f = self.found(pat, hit, agents, targets, negated, hypothetical);
        f.force = self.force_text(
            &agents_m,
            hit.last,
            place
                .map(|mi| self.m.list[mi].first)
                .unwrap_or(hit.last + 8),
        );
        vec![f]
    }

    fn talks_near(&self, from: usize, limit: usize) -> bool {
        // a name counts as one word ("hosted Somali President Hassan Sheikh
        // Mohamud and Ethiopian Prime Minister Abiy Ahmed for talks")
        let n = self.t.tokens.len();
        let (mut i, mut words) = (from, 0);
        while i < n && words < limit {
            match self.m.cover[i] {
                // ("Palestinian negotiators": a talks noun heading a name)
                Some(mi) if self.k.is(Class::Talks, self.tok(self.m.list[mi].last - 1)) => {
                    return true
                }
                Some(mi) => i = self.m.list[mi].last.max(i + 1),
                None if self.k.is(Class::Talks, self.tok(i)) => return true,
                // (a hyphen joining two names is no word: "EU-facilitated
                // Belgrade-Pristina dialogue")
                None if matches!(self.tok(i), "-" | "–") => {
                    i += 1;
                    continue;
                }
                None => i += 1,
            }
            words += 1;
        }
        false
    }

    /// Whether the sentence of token `p` speaks of "both sides", "the two countries"…
    fn mentions_both_sides(&self, p: usize) -> bool {
        let s = &self.t.sentences[self.sentence_of(p)];
        // "the two sides", "the nuclear-armed neighbours": up to three
        // modifiers between, none of them a name
        (s.first..s.last.saturating_sub(1)).any(|i| {
            matches!(self.tok(i), "both" | "two" | "the")
                && (i + 1..(i + 5).min(s.last)).any(|j| {
                    matches!(
                        self.tok(j),
                        "sides"
                            | "parties"
                            | "countries"
                            | "neighbours"
                            | "neighbors"
                            | "states"
                            | "governments"
                            | "rivals"
                    ) && (i + 1..j).all(|x| {
                        self.m.cover[x].is_none()
                            && (self.t.tokens[x].kind == TokKind::Word || self.tok(x) == "-")
                    })
                })
        })
    }

    /// How many actors other than the mediators the sentence names.
    fn named_parties(&self, mediators: &[usize], p: usize) -> usize {
        let s = &self.t.sentences[self.sentence_of(p)];
        let mut seen = Vec::new();
        for k in s.first..s.last {
            if let Some(mi) = self.m.cover[k] {
                if let Ref::Entity(e) = self.m.list[mi].referent {
                    if self.m.entities[e].etype.is_actor()
                        && !mediators.contains(&e)
                        && !seen.contains(&e)
                    {
                        seen.push(e);
                    }
                }
            }
        }
        seen.len()
    }

    /// The actors joined to a mediation's agent in the sentence of token
    /// `p` by a phrase of class `co_agent` ("with help from Qatar").
    /// With class `joint_agent` the phrase follows a comma after token `p`
    /// ("recognised Palestine, joined by Belgium").
    fn co_agents(&self, p: usize, class: Class) -> Vec<usize> {
        let s = &self.t.sentences[self.sentence_of(p)];
        let mut out = Vec::new();
        let from = if class == Class::JointAgent {
            p + 1
        } else {
            s.first
        };
        for i in from..s.last {
            if class == Class::JointAgent && self.tok(i - 1) != "," {
                continue;
            }
            let Some(mut j) = phrase_at(self.k, self.t, i, class) else {
                continue;
            };
            if self.tok(j) == "the" {
                j += 1;
            }
            let Some(mi) = self.m.cover.get(j).copied().flatten() else {
                continue;
            };
            if self.m.list[mi].first == j && self.is_actor_mention(mi) {
                out.extend(self.entities(&self.right_conjuncts(mi, s.last)));
            }
        }
        out
    }

    /// The antecedent of an object relative clause whose subject is
    /// `subjects`: "Hezbollah, which Israel accuses of …" (Hezbollah).
    fn relative_antecedent(&self, subjects: &[usize]) -> Option<usize> {
        let first = subjects.iter().map(|&mi| self.m.list[mi].first).min()?;
        let mut r = first.checked_sub(1)?;
        if self.tok(r) == "the" {
            r = r.checked_sub(1)?;
        }
        if self.m.cover[r].is_some() || !matches!(self.tok(r), "which" | "whom") {
            return None;
        }
        let mut q = r.checked_sub(1)?;
        if self.tok(q) == "," {
            q = q.checked_sub(1)?;
        }
        let mi = self.m.cover[q]?;
        (self.is_actor_mention(mi) || self.place_like(&Arg::Entity(self.entity_of_mention(mi)?)))
            .then_some(mi)
    }

    /// Whether "to" and an armed force or group follow token `from` in its
    /// clause: "sent drones to Sudan's army".
    fn to_armed_actor(&self, from: usize) -> bool {
        let end = self.t.sentences[self.sentence_of(from.saturating_sub(1))]
            .last
            .min(from + 10);
        (from..end).take_while(|&i| !self.hard_break(i) && self.tok(i) != ",").any(|i| {
            let j = if self.tok(i + 1) == "the" { i + 2 } else { i + 1 };
            self.tok(i) == "to"
                && self.m.cover[i].is_none()
                && self.m.cover.get(j).copied().flatten().is_some_and(|mi| {
                    self.m.list[mi].first == j
                        && matches!(self.m.list[mi].referent, Ref::Entity(e)
                            if matches!(self.m.entities[e].etype, EntityType::ArmedForce | EntityType::Group))
                })
        })
    }

    /// The parties of a mediation: "between A and B", else the other actors
    /// of the sentence, else the two most salient states of the document.
    fn parties(&self, mediator: usize, mediators: &[usize], p: usize) -> Vec<Arg> {
        let s = &self.t.sentences[self.sentence_of(p)];
        let med_key = self.m.entities[mediator].key.clone();
        // (a news agency in a dateline is no side: "WASHINGTON (AP) - …")
        let helpers = self.co_agents(p, Class::CoAgent);
        let ok = |e: usize| {
            e != mediator
                && !mediators.contains(&e)
                && !helpers.contains(&e)
                && !self.is_media(e)
                && self.m.entities[e].etype.is_actor()
                && self.m.entities[e].affiliation.as_ref() != Some(&med_key)
        };
        let mut parties: Vec<usize> = Vec::new();
        // (not the sides of a fight: "talks mediated by Qatar, ending the
        // worst fighting between the neighbours since …")
        let between = (s.first..s.last)
            .filter(|&i| {
                self.tok(i) == "between"
                    && !(i.saturating_sub(2).max(s.first)..i)
                        .any(|x| self.k.is(Class::Hostilities, self.tok(x)))
            })
            .min_by_key(|&i| i.abs_diff(p));
        let both_sides = self.mentions_both_sides(p);
        // "both sides" resolved to the list or the belligerents named before
        let set = (s.first..s.last).find_map(|i| match &self.m.list[self.m.cover[i]?].referent {
            Ref::Set(v) => Some(v.clone()),
            _ => None,
        });
        // (a people is no side of talks: "a war between ethnic Albanian
        // fighters and Serbian forces … the return of both sides to talks"
        // means the states)
        let political = |e: &usize| {
            let ent = &self.m.entities[*e];
            ent.etype != EntityType::Group || self.k.org_by_name(&ent.label).is_some()
        };
        if let Some(set) =
            set.filter(|v| both_sides && between.is_none() && v.iter().all(political))
        {
            return set
                .into_iter()
                .filter(|&e| ok(e))
                .map(Arg::Entity)
                .collect();
        }
        if both_sides && between.is_none() {
            parties.extend(
                self.salient
                    .iter()
                    .copied()
                    .filter(|&e| ok(e) && !self.mediators.contains(&e))
                    .take(2),
            );
            return parties.into_iter().map(Arg::Entity).collect();
        }
        let mut unresolved_set = false;
        // (with "between the two sides" resolved to the list named before)
        if let Some(b) = between {
            let objects: Vec<usize> = self
                .objects(b + 1, 8)
                .into_iter()
                .filter(|&mi| !self.venue(mi))
                .collect();
            parties = self
                .entities(&objects)
                .into_iter()
                .filter(|&e| ok(e))
                .collect();
            // "between Myanmar's military and ethnic armed groups": a party the
            // text leaves unnamed is not filled in from elsewhere, unless it is
            // a definite government ("between the junta and ECOWAS"), which
            // the document has named before
            let definite_government = (b + 1..(b + 8).min(s.last)).any(|i| {
                match self.m.cover[i] {
                    None => self.tok(i - 1) == "the" && self.k.is(Class::Government, self.tok(i)),
                    // "Greek Cypriot and Turkish Cypriot leaders": a side only half resolved
                    Some(mi) => matches!(self.m.list[mi].referent, Ref::Adjective(_)),
                }
            });
            if !parties.is_empty() && !definite_government {
                return parties.into_iter().map(Arg::Entity).collect();
            }
            // "between the rival administrations", "between the opposing
            // camps" left unresolved are factions the text does not name,
            // not the states it names most
            if parties.is_empty()
                && self.tok(b + 1) == "the"
                && matches!(
                    self.tok(b + 2),
                    "rival" | "competing" | "opposing" | "feuding" | "divided"
                )
                && self.m.cover.get(b + 2).is_some_and(|c| c.is_none())
            {
                return Vec::new();
            }
            // "between the two countries" left unresolved names no other actor
            // of the sentence ("Malaysia, which chairs ASEAN, brokered …"),
            // only the text's salient sides
            unresolved_set = parties.is_empty()
                && self.m.cover.get(b + 1).is_some_and(|c| c.is_none())
                && (self.tok(b + 1) == "both"
                    || (self.tok(b + 1) == "the"
                        && self.m.cover.get(b + 2).is_some_and(|c| c.is_none())
                        && matches!(self.tok(b + 2), "two" | "three" | "four" | "warring")));
        }
        // "Saudi-Iranian talks", "Israeli and Palestinian negotiators": the
        // states of the adjectives joined before a talks noun; else "A
        // ceasefire between Israel and Hezbollah took effect … The deal,
        // brokered by the United States and France, …": a definite talks noun
        // without a "between" of its own is the one named before
        if parties.is_empty() && between.is_none() {
            let adjectives = || self.adjective_sides(s.first, s.last);
            let antecedent = || {
                self.antecedent_between(p)
                    .map(|b| self.entities(&self.objects(b + 1, 8)))
                    .unwrap_or_default()
            };
            let agreed = || self.antecedent_subjects(p);
            for source in [&adjectives as &dyn Fn() -> Vec<usize>, &antecedent, &agreed] {
                let found: Vec<usize> = source().into_iter().filter(|&e| ok(e)).collect();
                if found.len() >= 2 {
                    return found.into_iter().map(Arg::Entity).collect();
                }
            }
        }
        // ("Myanmar junta and ethnic rebels agree to truce in China-brokered
        // talks": a side joined to a named one but left unnamed is not
        // filled in from the rest of the text)
        let mut unnamed_side = false;
        if parties.is_empty() && !unresolved_set {
            let speaker = self.speakers.get(self.current).copied().flatten();
            let mut k = s.first;
            while k < s.last {
                if let Some(mi) = self.m.cover[k] {
                    // "… hosted talks in Jeddah, but both sides …"
                    if let Ref::Set(set) = &self.m.list[mi].referent {
                        for &e in set {
                            if ok(e) && Some(e) != speaker && !parties.contains(&e) {
                                parties.push(e);
                            }
                        }
                    } else if self.is_actor_mention(mi)
                        && !matches!(self.m.list[mi].referent, Ref::Pronoun(_))
                        // ("hosted by Switzerland and chaired by the UN envoy": co-mediators)
                        && !self.after_by(mi)
                        && !self.venue(mi)
                        // ("Malaysia, which chairs ASEAN, offered to mediate")
                        && self.relative_open(self.m.list[mi].first, s.first).is_none()
                    {
                        if let Some(e) = self.entity_of_mention(mi) {
                            if ok(e) && Some(e) != speaker && !parties.contains(&e) {
                                let last = self.m.list[mi].last;
                                unnamed_side |=
                                    matches!(self.tok(last), "and" | "or")
                                        && self.m.cover.get(last + 1).is_some_and(|c| c.is_none())
                                        && self.t.tokens.get(last + 1).is_some_and(|x| {
                                            x.kind == TokKind::Word && !x.capitalised
                                        });
                                parties.push(e);
                            }
                        }
                    }
                    k = self.m.list[mi].last;
                } else {
                    k += 1;
                }
            }
        }
        // "X said talks with the government would continue under Qatari
        // mediation": who speaks of its talks with another is the other side
        if parties.len() < 2 {
            let speaker = self.speakers.get(self.current).copied().flatten();
            let talks_with = (s.first + 1..s.last)
                .any(|i| self.tok(i) == "with" && self.k.is(Class::Talks, self.tok(i - 1)));
            if let Some(sp) = speaker.filter(|&sp| talks_with && ok(sp) && !parties.contains(&sp)) {
                parties.push(sp);
            }
        }
        // a civil war's talks with no side named: the two armed actors the
        // text names most ("Talks mediated by Saudi Arabia and the United
        // States in Jeddah collapsed" in an article about the army and the RSF)
        if parties.is_empty() {
            if let Some(pair) = crate::mentions::armed_pair(self.k, self.m, s.last, &ok) {
                return pair.into_iter().map(Arg::Entity).collect();
            }
        }
        if parties.len() < 2 && !unnamed_side {
            // (the text's most salient states make up missing sides; when
            // that still leaves one side, a filler that is no state is
            // dropped: "mediated between the two leaders in Brussels" alone
            // names no party, not the EU)
            let named = parties.len();
            // (not the mediator's own state: "Brazilian President … offered
            // to mediate between the two neighbours")
            let own = self.m.affiliated_state(mediator);
            for &st in &self.salient {
                if parties.len() >= 2 {
                    break;
                }
                if ok(st)
                    && !parties.contains(&st)
                    && Some(st) != own
                    && !self.mediators.contains(&st)
                {
                    parties.push(st);
                }
            }
            if parties.len() < 2
                && parties[named..]
                    .iter()
                    .any(|&e| self.m.entities[e].etype != EntityType::State)
            {
                parties.truncate(named);
            }
        }
        parties.into_iter().map(Arg::Entity).collect()
    }

    /// Whether mention `mi` is a city where talks are held, not a side:
    /// "mediated between the two leaders in Brussels", "talks in Doha" (a
    /// capital, or an organisation named by its seat; but "between the
    /// warring parties in Sudan" names Sudan's sides).
    fn venue(&self, mi: usize) -> bool {
        let m = &self.m.list[mi];
        let city = m.via == Via::Capital
            || matches!(m.referent, Ref::Entity(e) if self.m.entities[e].etype == EntityType::Organisation);
        city && m.first > 0 && matches!(self.tok(m.first - 1), "in" | "at")
    }

    /// The states of two or more adjectives joined by "-", "and" or "," right
    /// before a talks noun in tokens `from..to`: "Saudi-Iranian talks".
    fn adjective_sides(&self, from: usize, to: usize) -> Vec<usize> {
        for i in from + 1..to {
            if !self.k.is(Class::Talks, self.tok(i)) || self.m.cover[i].is_some() {
                continue;
            }
            let mut out = Vec::new();
            let mut j = i;
            while j > from {
                match self.m.cover[j - 1] {
                    Some(mi) => match self.m.list[mi].referent {
                        Ref::Adjective(st) => {
                            out.extend(self.m.state_entity(st));
                            j = self.m.list[mi].first;
                        }
                        // ("Saudi" names the state)
                        Ref::Entity(e) if self.m.entities[e].etype == EntityType::State => {
                            out.push(e);
                            j = self.m.list[mi].first;
                        }
                        _ => break,
                    },
                    None if matches!(self.tok(j - 1), "-" | "and" | ",") && !out.is_empty() => {
                        j -= 1
                    }
                    None => break,
                }
            }
            if out.len() >= 2 {
                out.reverse();
                return out;
            }
        }
        Vec::new()
    }

    /// The "between" of the talks a definite talks noun before `p` refers
    /// back to ("the deal", "the truce"): in one of the three sentences
    /// before, right after a talks noun ("a ceasefire between").
    fn antecedent_between(&self, p: usize) -> Option<usize> {
        let si = self.sentence_of(p);
        let s = &self.t.sentences[si];
        // ("Malaysia's mediation", "Turkish mediation": a mediation noun's
        // frame has found its mediator before it, so it is definite too)
        let definite = self.tok(p) == "mediation" || self.definite_talks(s.first + 1, p);
        if !definite {
            return None;
        }
        (si.saturating_sub(3)..si).rev().find_map(|pi| {
            let ps = &self.t.sentences[pi];
            (ps.first + 1..ps.last).rev().find(|&i| {
                self.tok(i) == "between"
                    && (i.saturating_sub(3).max(ps.first)..i)
                        .any(|j| self.k.is(Class::Talks, self.tok(j)))
            })
        })
    }

    /// Whether a definite talks noun ("the talks", "this deal") stands in
    /// tokens `from..to` (`from` ≥ 1).
    fn definite_talks(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| {
            self.m.cover[i].is_none()
                && self.k.is(Class::Talks, self.tok(i))
                && matches!(self.tok(i - 1), "the" | "this" | "that")
        })
    }

    /// "Thailand and Cambodia agreed to a ceasefire … Anwar Ibrahim, who
    /// hosted the talks": the sides of a definite talks noun in the sentence
    /// of `p` are the two or more coordinated subjects of a clause with a
    /// talks noun in one of the three sentences before.
    fn antecedent_subjects(&self, p: usize) -> Vec<usize> {
        let si = self.sentence_of(p);
        let s = &self.t.sentences[si];
        if !self.definite_talks(s.first + 1, s.last) {
            return Vec::new();
        }
        let talks = |i: usize| self.m.cover[i].is_none() && self.k.is(Class::Talks, self.tok(i));
        for pi in (si.saturating_sub(3)..si).rev() {
            let ps = &self.t.sentences[pi];
            if let Some(q) = (ps.first + 1..ps.last).find(|&i| talks(i)) {
                let sides: Vec<usize> = self
                    .entities(&self.subjects(q))
                    .into_iter()
                    .filter(|&e| self.m.entities[e].etype.is_actor())
                    .collect();
                if sides.len() >= 2 {
                    return sides;
                }
            }
        }
        Vec::new()
    }

    /// Whether mention `mi` is (a conjunct of) the object of "by".
    fn after_by(&self, mi: usize) -> bool {
        let first = self.m.list[mi].first;
        let floor = self.t.sentences[self.sentence_of(first)].first;
        // (not the clause after an opening phrase: "Under a truce mediated by
        // Egypt, Israel and Hamas exchanged prisoners")
        let floor = self
            .opening_phrase_end(first)
            .filter(|&c| c < first)
            .unwrap_or(floor);
        self.by_before(self.m.list[mi].last, floor).is_some()
    }

    /// The comma closing a prepositional phrase that opens the sentence of
    /// token `p` ("Under a deal brokered by Washington, …").
    fn opening_phrase_end(&self, p: usize) -> Option<usize> {
        let s = &self.t.sentences[self.sentence_of(p)];
        matches!(
            self.tok(s.first),
            "under" | "in" | "with" | "through" | "after" | "following"
        )
        .then(|| (s.first..s.last).find(|&i| self.tok(i) == ","))
        .flatten()
    }

    fn frame_compound(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        if p < 2 || self.tok(p - 1) != "-" {
            return Vec::new();
        }
        let Some(mi) = self.m.cover[p - 2] else {
            return Vec::new();
        };
        if self.m.list[mi].hyphen.is_none() || !self.talks_near(hit.last, 3) {
            return Vec::new();
        }
        let Some(mediator) = self.entity_of_mention(mi) else {
            return Vec::new();
        };
        self.mediation(pat, hit, &[mediator], &[], false, false)
    }

    fn frame_pp(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        // "Under a deal brokered by Washington, Israel and Lebanon agreed …":
        // an opening phrase ends at its comma, after which the parties follow
        let comma = self
            .opening_phrase_end(hit.first)
            .filter(|&c| c >= hit.last);
        let named: Vec<usize> = self
            .objects(hit.last, 4)
            .into_iter()
            .filter(|&mi| comma.is_none_or(|c| self.m.list[mi].first < c))
            .collect();
        let mediators = self.entities(&named);
        // the noun or participle itself ("through the mediation of" →
        // "mediation") is in the scope of its clause's negation: "The Kremlin
        // rejected the mediation of the Vatican"; but a modal there is the
        // parties' ("would begin negotiations through the mediation of the
        // EU": the EU mediates), unless it is the participle's own auxiliary
        // ("talks will be mediated by Qatar", "are to be brokered by Egypt")
        let p = (hit.first..hit.last)
            .find(|&i| self.tok(i).starts_with("mediat") || self.tok(i).ends_with("ed"))
            .unwrap_or(hit.first);
        // a verb of convening mediates only talks: "the talks, co-organised
        // by the United States" (but "a summit convened by the UN" with no
        // talks noun among the eight words before it is none)
        let convening = self.k.is(Class::Convene, self.tok(p));
        if convening && !(p.saturating_sub(8)..p).any(|i| self.k.is(Class::Talks, self.tok(i))) {
            return Vec::new();
        }
        let hosting = convening || self.tok(p).starts_with("host");
        let from = self.clause_start(p);
        let negated = self.negated(from, p) || self.revoked(p);
        let hypothetical = p >= 2
            && self.tok(p).ends_with("ed")
            && self.tok(p - 1) == "be"
            && (self.tok(p - 2) == "to" || self.k.is(Class::Modal, self.tok(p - 2)));
        let mut found = self.mediation(pat, hit, &mediators, &[], negated, hypothetical);
        // hosting or convening one visitor is not mediating: "the meeting of
        // ASEAN ministers was hosted by Malaysia"
        if hosting {
            found.retain(|f| f.targets.len() >= 2);
        }
        found
    }

    fn frame_mediate(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let w = self.tok(p).to_string();
        // ("co-hosted", "co-mediated" are verbs of their own)
        if self.tok(hit.last) == "by"
            || (p > 1 && self.tok(p - 1) == "-" && self.tok(p - 2) != "co")
        {
            return Vec::new(); // handled by the pp and compound frames
        }
        // "Malaysia, the ASEAN chair, brokered …": the head of a role
        // description is a noun, not the verb "chair"
        if self.m.cover[p].is_some_and(|mi| self.m.list[mi].via == Via::Role) {
            return Vec::new();
        }
        // "Nairobi hosted an RSF meeting": one side's own talks (not "US
        // talks with Iran", "Russia-Ukraine talks")
        {
            let mut j = hit.last;
            while matches!(self.tok(j), "a" | "an" | "the") {
                j += 1;
            }
            if let Some(mi) = self.m.cover.get(j).copied().flatten() {
                let after = self.m.list[mi].last;
                let own = self.m.list[mi].first == j
                    && self.is_actor_mention(mi)
                    && self.modifies(mi, Class::Talks)
                    && !matches!(self.tok(after + 1), "with" | "between")
                    && !(j..after).any(|x| matches!(self.tok(x), "-" | "–" | "and"));
                if own {
                    return Vec::new();
                }
            }
        }
        let relative_talks = {
            // "talks, which the EU has negotiated"
            let s = &self.t.sentences[self.sentence_of(p)];
            (s.first..p)
                .rev()
                .take(8)
                .find(|&i| self.tok(i) == "which")
                .is_some_and(|i| {
                    i >= 2
                        && (self.k.is(Class::Talks, self.tok(i - 1))
                            || (self.tok(i - 1) == "," && self.k.is(Class::Talks, self.tok(i - 2))))
                })
        };
        // "…talks in Havana, with Cuba and Norway acting as guarantors": the
        // mediators act as such in talks the sentence has named before
        // (also without the verb: "with Cuba and Norway as guarantors")
        let acting_as = p >= 2
            && self.tok(p - 1) == "as"
            && matches!(
                self.tok(p - 2),
                "acting" | "acted" | "act" | "acts" | "serving" | "served" | "serve" | "serves"
            );
        let with_as = p >= 2
            && !acting_as
            && self.tok(p - 1) == "as"
            && self.with_phrase_before(p - 1).is_some();
        let talks_before = (acting_as || with_as) && {
            let s = &self.t.sentences[self.sentence_of(p)];
            (s.first..p).any(|i| self.k.is(Class::Talks, self.tok(i)))
        };
        // "a deal the United States brokered": a contact clause on a talks noun
        let clause_subjects = self.subjects(p);
        let contact_talks = clause_subjects
            .iter()
            .map(|&mi| self.m.list[mi].first)
            .min()
            .is_some_and(|f| {
                let f = if f > 0 && self.tok(f - 1) == "the" {
                    f - 1
                } else {
                    f
                };
                f > 0 && self.k.is(Class::Talks, self.tok(f - 1)) && self.m.cover[f - 1].is_none()
            });
        let relative_talks = relative_talks || contact_talks;
        let agent_noun = matches!(
            w.as_str(),
            "mediator"
                | "mediators"
                | "intermediary"
                | "intermediaries"
                | "guarantor"
                | "guarantors"
                | "facilitator"
                | "facilitators"
                | "go-between"
                | "go-betweens"
        );
        // (an agent noun names the role itself: "a go-between for Israel and Hamas")
        let needs_talks = !w.starts_with("mediat") && !agent_noun;
        if needs_talks
            && !relative_talks
            && !talks_before
            && !self.talks_near(hit.last, 8)
            && self.tok(hit.last) != "between"
            && self.tok(hit.last - 1) != "between"
        {
            return Vec::new();
        }
        // "held talks between Kinshasa and the M23" (but "held talks with Russia")
        if self.k.is(Class::Convene, &w)
            && !relative_talks
            && !(hit.last..(hit.last + 8).min(self.t.tokens.len()))
                .any(|i| self.tok(i) == "between")
        {
            return Vec::new();
        }
        let subj = acting_as
            .then(|| self.with_phrase_before(p - 2))
            .flatten()
            .or_else(|| with_as.then(|| self.with_phrase_before(p - 1)).flatten())
            .or_else(|| agent_noun.then(|| self.role_holder(p)).flatten())
            // "mediators from Qatar and Egypt"
            .or_else(|| {
                (agent_noun && self.tok(p + 1) == "from")
                    .then(|| {
                        let ceil = self.t.sentences[self.sentence_of(p)].last;
                        self.objects(p + 2, 3)
                            .into_iter()
                            .find(|&mi| self.is_actor_mention(mi))
                            .map(|mi| self.right_conjuncts(mi, ceil))
                    })
                    .flatten()
            })
            .unwrap_or(clause_subjects);
        let mediators = self.entities(&subj);
        let s = &self.t.sentences[self.sentence_of(p)];
        // ("hosted peace talks between the South Sudanese government and
        // rebels": talks between sides, though one is unnamed)
        let talks_between = (p + 1..(p + 7).min(self.t.tokens.len())).any(|i| {
            self.tok(i) == "between" && (p + 1..i).any(|j| self.k.is(Class::Talks, self.tok(j)))
        });
        if (w.starts_with("host") || w.starts_with("shuttl"))
            && !talks_between
            && self.named_parties(&mediators, p) < 2
            && self.adjective_sides(s.first, s.last).len() < 2
            && !self.mentions_both_sides(p)
            && self.antecedent_subjects(p).len() < 2
        {
            // hosting a visitor, travelling between two cities: not mediating
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical_mediation(from, p) || self.requested(&subj, p);
        // the possessor of a mediator noun is whom the mediator acts for: "its mediator"
        let principals: Vec<usize> = if agent_noun && !w.starts_with("facilitat") {
            self.possessor(p, &mediators)
                .and_then(|mi| self.entity_of_mention(mi))
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        self.mediation(pat, hit, &mediators, &principals, negated, hypothetical)
    }

    /// "Qatar's role as a mediator between …", "its role as guarantor": the
    /// possessor of a role the agent noun at `p` names.
    fn role_holder(&self, p: usize) -> Option<Vec<usize>> {
        let mut j = p;
        while j > 0 && p - j < 4 && self.m.cover[j - 1].is_none() {
            j -= 1;
            if self.tok(j) == "as" {
                let role = j.checked_sub(1).filter(|&r| self.tok(r) == "role")?;
                return self.possessor(role, &[]).map(|mi| vec![mi]);
            }
        }
        None
    }

    /// Whether the event noun at `p` is the object of a verb that takes it
    /// back (lexicon class `revoke`): "withdrew its recognition of X",
    /// "is suspending its mediation between …".
    fn revoked(&self, p: usize) -> bool {
        self.revoking_verb(p).is_some()
    }

    /// The verb that takes back the event noun at `p`, if any (see [`Self::revoked`]).
    fn revoking_verb(&self, p: usize) -> Option<usize> {
        let mut g = p;
        while g > 0
            && (matches!(
                self.tok(g - 1),
                "its" | "their" | "his" | "her" | "the" | "'s"
            ) || FORCE_MODIFIERS.contains(&self.tok(g - 1)))
            || (g > 0 && self.m.cover[g - 1].is_some() && g + 2 > p)
        {
            g -= 1;
        }
        // ("pulled out of its mediation", "withdrew from its role")
        if g > 1 && self.tok(g - 1) == "of" && self.tok(g - 2) == "out" {
            g -= 2;
        } else if g > 0 && self.tok(g - 1) == "from" {
            g -= 1;
        }
        (g > 0 && self.k.is(Class::Revoke, self.tok(g - 1))).then(|| g - 1)
    }

    /// "Egyptian mediation between Ethiopia and Sudan", "Qatar's mediation
    /// efforts between Israel and Hamas": the mediator is the possessor or the
    /// state's adjective right before the noun, the parties follow "between".
    fn frame_mediation_noun(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        // "Under Turkish mediation, Russia and Ukraine agreed …": the
        // mediation frames the clause, whose actors are its parties
        // (also at the clause's end: "… met in Istanbul under Turkish auspices.")
        let framing = p > 0
            && self.m.cover[p - 1].is_some_and(|mi| {
                let first = self.m.list[mi].first;
                first > 0 && matches!(self.tok(first - 1), "under" | "through" | "via" | "with")
            })
            && (matches!(self.tok(hit.last), "," | "." | ";")
                || hit.last == self.t.sentences[self.sentence_of(p)].last);
        // "mediation between", "its good offices to resolve the dispute between"
        let between = (hit.last..(hit.last + 6).min(self.t.tokens.len()))
            .take_while(|&i| self.m.cover[i].is_none() && !matches!(self.tok(i), "," | ";" | "."))
            .any(|i| self.tok(i) == "between");
        // "offered his good offices to Guyana and Venezuela": the sides
        // follow "to"
        let offered_to = self.tok(hit.last) == "to"
            && self.m.cover.get(hit.last + 1).is_some_and(|c| c.is_some())
            && self.objects(hit.last + 1, 8).len() >= 2;
        // (or the talks named in the three sentences before: "A ceasefire
        // between Thailand and Cambodia … China supported Malaysia's mediation")
        if !between && !framing && !offered_to && self.antecedent_between(p).is_none() {
            return Vec::new();
        }
        // "Qatar's mediation", "Egyptian mediation", "Kenya led the mediation"
        // (a possessive pronoun left unresolved gives way to the support
        // verb's subject: "The UN Secretary-General offered his good offices")
        let possessed: Vec<usize> = self
            .possessor(p, &[])
            .map(|mi| self.entities(&[mi]))
            .unwrap_or_default();
        let mediators: Vec<usize> = if !possessed.is_empty() {
            possessed
        } else {
            match self.adjective_before(p) {
                Some(e) => vec![e],
                None => self
                    .support_verb_before(p)
                    .map(|v| self.entities(&self.subjects(v)))
                    .unwrap_or_default(),
            }
        };
        let mediators: Vec<usize> = mediators
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        if mediators.is_empty() {
            return Vec::new();
        }
        let from = self.clause_start(p);
        let negated = self.negated(from, p) || self.revoked(p);
        let hypothetical = self.hypothetical_mediation(from, p);
        self.mediation(pat, hit, &mediators, &[], negated, hypothetical)
    }

    /// The verb whose object is the event noun at `p`, its subject being the
    /// noun's agent (lexicon class `support_verb`): "led the mediation",
    /// "resumed their mediation efforts". Determiners and a few adjectives
    /// may stand between.
    fn support_verb_before(&self, p: usize) -> Option<usize> {
        let mut j = p;
        while j > 0 && p - j < 3 {
            j -= 1;
            let w = self.tok(j);
            // ("offered his good offices": a possessive determiner)
            if self.m.cover[j].is_some() && !POSSESSIVES.contains(&w) {
                return None;
            }
            if self.k.is(Class::SupportVerb, w) {
                return Some(j);
            }
            if !(DETERMINERS.contains(&w)
                || POSSESSIVES.contains(&w)
                || matches!(w, "new" | "renewed" | "fresh" | "joint"))
            {
                return None;
            }
        }
        None
    }

    /// The actors of a "with" phrase ending right before token `at`: "with
    /// Cuba and Norway (acting as …)".
    fn with_phrase_before(&self, at: usize) -> Option<Vec<usize>> {
        let mut out = Vec::new();
        let mut j = at;
        while j > 0 {
            let w = self.tok(j - 1);
            if w == "with" {
                return (!out.is_empty()).then_some(out);
            }
            match self.m.cover[j - 1] {
                Some(mi) if self.is_actor_mention(mi) => {
                    out.insert(0, mi);
                    j = self.m.list[mi].first;
                }
                None if matches!(w, "and" | "," | "the") => j -= 1,
                _ => return None,
            }
        }
        None
    }

    /// One mediation per mediator; the parties exclude all mediators and
    /// the states they speak for ("Turkey's Erdogan hosted … in Ankara").
    fn mediation(
        &self,
        pat: &Pattern,
        hit: TriggerHit,
        mediators: &[usize],
        principals: &[usize],
        negated: bool,
        hypothetical: bool,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        let sides: Vec<usize> = mediators.iter().filter_map(|&e| self.side_of(e)).collect();
        // who a mediator acts for is no party ("the AU appointed X as its mediator")
        let excluded: Vec<usize> = mediators.iter().chain(principals).copied().collect();
        for &mediator in mediators {
            let targets: Vec<Arg> = self
                .parties(mediator, &excluded, hit.first)
                .into_iter()
                .filter(
                    |a| !matches!(a, Arg::Entity(e) if mediators.contains(e) || sides.contains(e)),
                )
                .collect();
            if !targets.is_empty() {
                out.push(self.found(pat, hit, vec![mediator], targets, negated, hypothetical));
            }
        }
        out
    }

    /// "Spain's recognition of Palestine", "its recognition of X", "the
    /// recognition of X by Y": the agent is the possessor or the by-agent, the
    /// target follows "of"; modality and negation come from the governing clause.
    fn frame_noun_of(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        // "Spain's recognition", "its recognition"
        let mut agents_m: Vec<usize> = self.possessor(p, &[]).into_iter().collect();
        // the form ends with "of" ("recognition of"): the target follows
        if hit.last == 0 || self.tok(hit.last - 1) != "of" {
            return Vec::new();
        }
        // "welcomed Suriname's decision to revoke its recognition of Kosovo":
        // the pronoun is the act noun's agent, the infinitive's subject
        if p >= 1 && POSSESSIVES.contains(&self.tok(p - 1)) {
            let floor = self.t.sentences[self.sentence_of(p)].first;
            if let Some(v) = self
                .revoking_verb(p)
                .filter(|&v| v >= floor + 2 && self.tok(v - 1) == "to")
            {
                if let Some(found) = self.act_noun_agents(v - 2, floor).filter(|f| !f.is_empty()) {
                    agents_m = found;
                }
            }
        }
        let mut targets_m = self.objects(hit.last, 6);
        if pat.relation == Relation::Recognises {
            targets_m.retain(|&mi| self.recognisable(mi));
        }
        if agents_m.is_empty() {
            agents_m = self.by_agent(hit.last, 12);
        }
        // "welcomed US recognition of its sovereignty", "the Russian
        // recognition of the Taliban": a state's adjective or an acronym
        // before the noun is its agent, as a possessor is
        let modifier = agents_m
            .is_empty()
            .then(|| self.adjective_before(p))
            .flatten();
        // "Guatemala reaffirmed its recognition of Taiwan" has a possessor;
        // "Guatemala reaffirms recognition of Taiwan" a support verb
        if agents_m.is_empty() && modifier.is_none() {
            agents_m = self
                .support_verb_before(p)
                .map(|v| self.subjects(v))
                .unwrap_or_default();
        }
        // "would give Addis Ababa sea access in exchange for possible
        // recognition of Somaliland": what is promised in exchange is the
        // nearest other actor's before the phrase, and only possible
        let exchange = self.exchange_for(p);
        if agents_m.is_empty() && modifier.is_none() {
            if let Some(at) = exchange {
                let floor = self.t.sentences[self.sentence_of(p)].first;
                agents_m.extend(
                    (floor..at)
                        .rev()
                        .filter_map(|i| self.m.cover[i])
                        .find(|&mi| self.is_actor_mention(mi) && !targets_m.contains(&mi)),
                );
            }
        }
        let agents: Vec<usize> = self
            .entities(&agents_m)
            .into_iter()
            .chain(modifier)
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        // "the United States' recognition of its sovereignty": its is not the agent
        let targets = self.others_args(&targets_m, &agents);
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        let from = self.clause_start(p);
        let end = self.clause_end(hit.last);
        let revoking = self.revoking_verb(p);
        let revoked = revoking.is_some();
        // "urged Spain to withdraw its recognition of": only asked for
        let requested = revoking.is_some_and(|v| self.requested(&self.subjects(v), v));
        // "Israel rejected the recognition of Palestine by Western countries":
        // another actor's rejection does not unmake the agents' recognition
        let governed_by_other = {
            let subj = self.entities(&self.subjects(p));
            !subj.is_empty() && subj.iter().all(|e| !agents.contains(e))
        };
        // "the non-recognition of Abkhazia"
        let non = p >= 2 && self.tok(p - 1) == "-" && self.tok(p - 2) == "non";
        let negated = (!governed_by_other && self.negated(from, p)) || revoked || non;
        let hypothetical = self.hypothetical(from, p)
            || self.hypothetical(hit.last, end)
            || requested
            || exchange.is_some();
        vec![self.found(pat, hit, agents, targets, negated, hypothetical)]
    }

    /// The token "in" of "in exchange for" or "in return for" right before
    /// the event noun at `p`, over a few adjectives ("in exchange for
    /// possible recognition of …", "in return for formal recognition").
    fn exchange_for(&self, p: usize) -> Option<usize> {
        let mut j = p;
        while j > 0
            && p - j < 3
            && matches!(
                self.tok(j - 1),
                "possible"
                    | "eventual"
                    | "formal"
                    | "future"
                    | "official"
                    | "diplomatic"
                    | "its"
                    | "their"
            )
        {
            j -= 1;
        }
        (j >= 3
            && self.tok(j - 1) == "for"
            && matches!(self.tok(j - 2), "exchange" | "return")
            && self.tok(j - 3) == "in")
            .then(|| j - 3)
    }

    /// Whether the mention `mi` can be what is recognised: a possessor ("X's",
    /// "its") only through a status or a hold on office after it (lexicon
    /// classes `status`, `office`: "Kosovo's independence", "Maduro's
    /// re-election"), not "Morocco's autonomy plan" or "its claim".
    fn recognisable(&self, mi: usize) -> bool {
        let m = &self.m.list[mi];
        // a point (a town, a line, a strait) is not recognised: "does not
        // recognise the Durand Line as the border"
        if let Ref::Entity(e) = m.referent {
            let label = &self.m.entities[e].label;
            if self.m.entities[e].etype == EntityType::Place && self.k.is_point_place(label) {
                return false;
            }
        }
        let after = if self.tok(m.last) == "'s" {
            m.last + 1
        } else if matches!(m.referent, Ref::Pronoun(_)) && POSSESSIVES.contains(&self.tok(m.first))
        {
            m.last
        } else {
            return true;
        };
        // ("its former province": the region it names, found by the pronoun's resolution)
        let region = (after..after + 3).any(|i| class_at(self.k, self.t, i, Class::Region));
        region
            || class_at(self.k, self.t, after, Class::Status)
            || class_at(self.k, self.t, after, Class::Office)
    }

    /// "accusations by Somalia that Kenya violated its airspace", "Congo's
    /// allegations against Rwanda": the accuser is the possessor or follows
    /// by/from; the accused follows "against" or is the subject of the "that"
    /// clause. Denying an accusation does not unmake it: no polarity from the
    /// governing verb.
    fn frame_claim(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let n = self.t.tokens.len();
        let after = |from: usize, words: &[&str]| {
            (from..(from + 6).min(n))
                .take_while(|&i| !self.hard_break(i))
                .find(|&i| self.m.cover[i].is_none() && words.contains(&self.tok(i)))
        };
        let mut agents_m: Vec<usize> = self.possessor(p, &[]).into_iter().collect();
        if agents_m.is_empty() {
            if let Some(i) = after(hit.last, &["by", "from"]) {
                let mut j = i + 1;
                while matches!(self.tok(j), "the" | "a") {
                    j += 1;
                }
                agents_m = self.m.cover.get(j).copied().flatten().into_iter().collect();
            }
        }
        // "Saudi allegations that …": the state of the adjective
        let adjective = if agents_m.is_empty() {
            self.adjective_before(p)
        } else {
            None
        };
        let agents: Vec<usize> = self
            .entities(&agents_m)
            .into_iter()
            .chain(adjective)
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        if agents.is_empty() {
            return Vec::new();
        }
        let denier = self.denial_before(p, &agents_m);
        // "Cambodia rejected Thai claims that …": "claims" is an accusation
        // only when denied, and of a clause ("Thai claims that the economy is
        // growing", "rejects Morocco's claim to the territory" are none)
        if matches!(self.tok(p), "claim" | "claims")
            && (denier.is_none() || after(hit.last, &["that", "against"]).is_none())
        {
            return Vec::new();
        }
        let targets_m = if let Some(i) = after(hit.last, &["against"]) {
            self.objects(i + 1, 3)
        } else if let Some(i) = after(hit.last, &["that"]) {
            self.objects(i + 1, 4)
        } else {
            // "India rejected Pakistan's allegations of involvement": who
            // denies or rejects an accusation is the one accused
            denier.map(|j| self.subjects(j)).unwrap_or_default()
        };
        let targets: Vec<Arg> = self
            .object_args(&targets_m, &agents)
            .into_iter()
            .filter(|a| match a {
                Arg::Entity(e) => !agents.contains(e) && self.m.entities[*e].etype.is_actor(),
                Arg::Border(_) => false,
            })
            .collect();
        if targets.is_empty() {
            return Vec::new();
        }
        let negated = p > 0 && matches!(self.tok(p - 1), "no");
        vec![self.found(pat, hit, agents, targets, negated, false)]
    }

    /// The word of denial or rejection governing the accusation noun at `p`,
    /// over its possessor or adjective and a few words ("India rejected
    /// Pakistan's allegations", "Cambodia dismissed the Thai claims").
    fn denial_before(&self, p: usize, agents_m: &[usize]) -> Option<usize> {
        let denial = |w: &str| self.k.is(Class::Negation, w) || self.k.is(Class::Denial, w);
        let mut j = p;
        while j > 0
            && p - j < 5
            && self.m.cover[j - 1].is_none_or(|mi| {
                agents_m.contains(&mi) || matches!(self.m.list[mi].referent, Ref::Adjective(_))
            })
        {
            j -= 1;
            if denial(self.tok(j)) {
                return Some(j);
            }
        }
        None
    }

    /// Each of the coordinated subjects does to each other ("Armenia and
    /// Azerbaijan accused each other", "the two countries traded
    /// accusations": the two most salient states).
    fn mutual(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let subj = self.subjects(p);
        let mut parties: Vec<usize> = self
            .entities(&subj)
            .into_iter()
            .filter(|&e| self.m.entities[e].etype.is_actor())
            .collect();
        // "Costa Rica established diplomatic relations with China",
        // "Thailand traded accusations with Cambodia": the other party follows
        // "with"; a relation taken up with another is the subject's own
        let with: Vec<usize> = if parties.len() == 1 {
            let w = (hit.last..(hit.last + 3).min(self.t.tokens.len()))
                .find(|&i| self.tok(i) == "with" && self.m.cover[i].is_none());
            w.map(|i| self.entities(&self.objects(i + 1, 4)))
                .unwrap_or_default()
                .into_iter()
                .filter(|e| self.m.entities[*e].etype.is_actor() && !parties.contains(e))
                .collect()
        } else {
            Vec::new()
        };
        if !with.is_empty() && pat.relation == Relation::Recognises {
            let from = self.scope_from(&subj, p);
            let negated = self.negated(from, p);
            let hypothetical = self.hypothetical(from, p);
            let targets = with.into_iter().map(Arg::Entity).collect();
            return vec![self.found(pat, hit, parties, targets, negated, hypothetical)];
        }
        parties.extend(with);
        if parties.len() < 2 && self.mentions_both_sides(p) {
            parties = self
                .salient
                .iter()
                .copied()
                .filter(|&e| self.m.entities[e].etype == EntityType::State)
                .take(2)
                .collect();
        }
        if parties.len() < 2 {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let negated = self.negated(from, p);
        let hypothetical = self.hypothetical(from, p);
        let mut out = Vec::new();
        for &a in &parties {
            for &b in &parties {
                if a != b {
                    out.push(self.found(
                        pat,
                        hit,
                        vec![a],
                        vec![Arg::Entity(b)],
                        negated,
                        hypothetical,
                    ));
                }
            }
        }
        out
    }

    /// "Nauru switched (diplomatic) recognition from Taiwan to China": the
    /// agent now recognises what follows "to" and no longer what follows "from".
    fn frame_switch(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let subj = self.subjects(p);
        let agents = self.entities(&subj);
        if agents.is_empty() {
            return Vec::new();
        }
        let s = &self.t.sentences[self.sentence_of(p)];
        let end = (hit.last + 12).min(s.last);
        let after = |word: &str| {
            (hit.last..end)
                .find(|&i| self.tok(i) == word && self.m.cover[i].is_none())
                .map(|i| self.objects(i + 1, 3))
                .unwrap_or_default()
        };
        let targets = |ms: Vec<usize>| -> Vec<Arg> {
            self.args(&ms)
                .into_iter()
                .filter(|a| matches!(a, Arg::Entity(e) if !agents.contains(e)))
                .collect()
        };
        let (to, from) = (targets(after("to")), targets(after("from")));
        let scope = self.scope_from(&subj, p);
        let hypothetical = self.hypothetical(scope, p) || self.requested(&subj, p);
        let negated = self.negated(scope, p);
        let mut out = Vec::new();
        if !to.is_empty() {
            out.push(self.found(pat, hit, agents.clone(), to, negated, hypothetical));
        }
        if !from.is_empty() && !negated {
            out.push(self.found(pat, hit, agents, from, true, hypothetical));
        }
        out
    }

    /// "Taiwan lost recognition from Nicaragua", "Kosovo gained recognition
    /// from Togo": the one after "from" recognises the subject, or takes its
    /// recognition back after a verb of class `revoke` ("lost"); sought
    /// recognition (class `solicit`) is only possible.
    fn frame_received(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let mut subj = self.subjects(p);
        // (a breakaway region is no actor, yet it seeks recognition:
        // "Somaliland has sought recognition from …")
        if subj.is_empty() {
            let mut b = p;
            while b > 0 && self.k.is(Class::Auxiliary, self.tok(b - 1)) {
                b -= 1;
            }
            let before = (b > 0).then(|| self.m.cover[b - 1]).flatten();
            subj.extend(before.filter(|&mi| {
                self.m.list[mi].last == b
                    && matches!(self.m.list[mi].referent, Ref::Entity(e)
                        if self.m.entities[e].etype == EntityType::Place)
                    && self.recognisable(mi)
            }));
        }
        let targets = self.args(&subj);
        // (an actor, with the examples of a collective one: "from several
        // Pacific states, including Kiribati")
        let mut from = self.objects(hit.last, 6);
        from.retain(|&mi| self.is_actor_mention(mi));
        if from.last().is_none_or(|&mi| self.is_collective(mi)) {
            let ceil = self.t.sentences[self.sentence_of(p)].last;
            let examples = (hit.last..(hit.last + 6).min(ceil))
                .map(|j| self.examples_at(j, ceil))
                .find(|x| !x.is_empty());
            for x in examples.into_iter().flatten() {
                if !from.contains(&x) {
                    from.push(x);
                }
            }
        }
        let agents = self.entities(&from);
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        // criticism received is an accusation when it names what for:
        // "came under fire from European states for supplying drones"
        if pat.relation == Relation::Accuses {
            let after = from
                .iter()
                .map(|&mi| self.m.list[mi].last)
                .max()
                .unwrap_or(hit.last);
            let end = self.clause_end(after);
            if !(after..end)
                .any(|i| self.m.cover[i].is_none() && matches!(self.tok(i), "for" | "over"))
            {
                return Vec::new();
            }
        }
        let verb = self.tok(p);
        let scope = self.scope_from(&subj, p);
        let negated = self.negated(scope, p) != self.k.is(Class::Revoke, verb);
        let hypothetical = self.hypothetical(scope, p) || self.k.is(Class::Solicit, verb);
        vec![self.found(pat, hit, agents, targets, negated, hypothetical)]
    }

    /// The state an "as" complement starting at `i` gives a place to: "part
    /// of Azerbaijan", "belonging to Morocco", "Azerbaijani territory",
    /// "Morocco's territory" (a head of class `territory` or "part").
    fn sovereign_complement(&self, i: usize) -> Option<usize> {
        let state_at = |j: usize| {
            self.m.cover.get(j).copied().flatten().filter(|&mi| {
                self.m.list[mi].first == j
                    && self.m.state_of(&self.m.list[mi].referent).is_some()
                    && !matches!(self.m.list[mi].referent, Ref::Entity(e)
                        if self.m.entities[e].etype != EntityType::State)
            })
        };
        let skip_det = |j: usize| {
            let j = if matches!(self.tok(j), "the" | "a" | "an") {
                j + 1
            } else {
                j
            };
            if self.tok(j) == "integral" {
                j + 1
            } else {
                j
            }
        };
        let territory =
            |j: usize| self.tok(j) == "part" || class_at(self.k, self.t, j, Class::Territory);
        let j = skip_det(i);
        match (self.tok(j), self.tok(j + 1)) {
            ("part", "of") | ("belonging", "to") => state_at(skip_det(j + 2)),
            _ => {
                let mi = state_at(j)?;
                let last = self.m.list[mi].last;
                let end = if self.tok(last) == "'s" {
                    last + 1
                } else {
                    last
                };
                // ("recognised Crimea as Russian": the state's name or
                // adjective alone, not "as Afghanistan's government.")
                let adjective_alone = (self.m.list[mi].first..last)
                    .all(|x| self.t.tokens[x].capitalised)
                    && self.t.tokens.get(end).is_none_or(|x| {
                        x.kind != TokKind::Word || self.k.is(Class::Preposition, &x.norm)
                    });
                (territory(end) || territory(last - 1) || adjective_alone).then_some(mi)
            }
        }
    }

    /// The subject of the last passive "is recognised" in the two sentences
    /// before `p` or in its own before it.
    fn passive_recognised(&self, p: usize) -> Vec<Arg> {
        let si = self.sentence_of(p);
        let floor = self.t.sentences[si.saturating_sub(2)].first;
        (floor..p)
            .rev()
            .filter(|&i| {
                let w = self.tok(i);
                (w == "recognised" || w == "recognized") && self.after_be(i)
            })
            .map(|i| self.args(&self.subjects(i)))
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    fn frame_reject(&self, hit: TriggerHit, pat: &Pattern) -> Vec<Found> {
        let p = hit.first;
        let subj = self.subjects(p);
        let agents = self.entities(&subj);
        let mut targets = self.args(&self.objects(hit.last, 6));
        // "Five EU members also withhold recognition": a form that ends in
        // the noun leaves the recognised to the recognition told of in the
        // two sentences before
        if targets.is_empty() && self.tok(hit.last - 1) == "recognition" {
            if let Some((si, t)) = &self.recognised {
                if self.current <= si + 2 {
                    targets = t.clone();
                }
            }
            // or to a passive recognition with no actor named as its agent
            // ("Kosovo is recognised by more than 100 countries")
            if targets.is_empty() {
                targets = self.passive_recognised(p);
            }
        }
        if agents.is_empty() || targets.is_empty() {
            return Vec::new();
        }
        let from = self.scope_from(&subj, p);
        let hypothetical = self.hypothetical(from, p);
        vec![self.found(pat, hit, agents, targets, true, hypothetical)]
    }
}
