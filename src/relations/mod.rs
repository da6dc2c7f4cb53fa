//! Stage 4 — relations: relation instances with polarity, modality,
//! attribution and provenance.
//!
//! How it decides, for each sentence:
//!
//! 1. **Attribution** ([`attribution`]): who speaks each sentence or
//!    quotation ("X said", "…, said X", "according to X", quotes), and what
//!    pronouns refer to.
//! 2. **Triggers** ([`patterns`]): the words of `data/knowledge/patterns.conf`
//!    are looked up token by token (one hash lookup per token).
//! 3. **Frames** ([`frames`]): each trigger's frame reads its arguments with
//!    the clause machinery of [`clause`] — subject to the left (skipping
//!    prepositional phrases and appositions, following coordination,
//!    relative pronouns and coordinated verbs), object or place to the right,
//!    `by`-agents of passives and event nouns, mediation parties from
//!    "between A and B" or the sentence or, failing that, the two states the
//!    article is about. Ellipsis ("…, but most Western countries do") repeats
//!    the predicate with the opposite polarity.
//! 4. **Polarity** ([`polarity`]): negation and modality cues between subject
//!    and trigger (and after event nouns).
//! 5. **Events**: one per supporting sentence, agent × target pairs
//!    (one event per agent, all parties of a mediation on one event), the
//!    speaker as attribution, the force as an attribute, the sentence and
//!    its character offsets as provenance. Borders get their label from the
//!    states around them ("Kosovo–Serbia border").

pub mod attribution;
pub mod clause;
pub mod frames;
pub mod patterns;
pub mod polarity;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use crate::document::Document;
use crate::knowledge::Knowledge;
use crate::mentions::{self, Mentions};
use crate::model::{Entity, EntityType, Event, Relation};
use crate::text::{self, Text};

use patterns::TriggerIndex;

/// An argument before it becomes an entity: an entity, or a border whose
/// label depends on the agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// An entity of the document.
    Entity(usize),
    /// A border next to these states (indices into the knowledge's states).
    Border(Vec<usize>),
}

/// A relation found by a frame, before entities are finalised.
#[derive(Debug, Clone)]
pub struct Found {
    /// Relation.
    pub relation: Relation,
    /// Agents (entity indices); one event per agent.
    pub agents: Vec<usize>,
    /// Targets.
    pub targets: Vec<Arg>,
    /// Negated.
    pub negated: bool,
    /// Hypothetical.
    pub hypothetical: bool,
    /// First token of the trigger.
    pub first: usize,
    /// One past the last token of the trigger.
    pub last: usize,
    /// Pattern id.
    pub pattern: String,
    /// Force phrase, for deployments.
    pub force: Option<String>,
    /// Speaker entity.
    pub speaker: Option<usize>,
}

/// Everything the frames need about one document.
pub struct Ctx<'a> {
    /// Knowledge.
    pub k: &'a Knowledge,
    /// Document text.
    pub text: &'a str,
    /// Tokens and sentences.
    pub t: &'a Text,
    /// Mentions and entities.
    pub m: &'a Mentions,
    /// Speaker of each sentence.
    pub speakers: Vec<Option<usize>>,
    /// The person each sentence is about.
    pub topics: Vec<Option<usize>>,
    /// The sentence being processed.
    pub current: usize,
    /// State entities by salience in the document.
    pub salient: Vec<usize>,
    /// The sentence and targets of the last recognition found so far ("…
    /// withhold recognition" leaves its object to it).
    pub recognised: Option<(usize, Vec<Arg>)>,
    /// The sentence and agents of the last hostile act told ("Iran fired
    /// missiles at …"): "the attack" a later condemnation names is theirs.
    pub last_act: Option<(usize, Vec<usize>)>,
    /// The mediators found so far: never a missing side a later mediation
    /// takes from the text's salient states ("… with Qatar and Norway as
    /// mediators … Venezuela said it was willing to mediate again").
    pub mediators: Vec<usize>,
}

impl Ctx<'_> {
    /// The sentence containing token `tok`.
    pub fn sentence_of(&self, tok: usize) -> usize {
        self.t.sentence_of(tok)
    }
}

/// The extraction result of one document.
#[derive(Debug, Clone)]
pub struct DocResult {
    /// Document id.
    pub id: String,
    /// Article date.
    pub date: Option<crate::document::Date>,
    /// Entities referred to by the events.
    pub entities: Vec<Entity>,
    /// Events, in text order.
    pub events: Vec<Event>,
}

/// States ordered by how much the document talks about them.
fn salience(m: &Mentions) -> Vec<usize> {
    let mut count: HashMap<usize, (usize, usize)> = HashMap::default();
    for mm in &m.list {
        let e = m.state_of(&mm.referent);
        if let Some(e) = e {
            let c = count.entry(e).or_insert((0, mm.first));
            c.0 += 1;
        }
    }
    let mut v: Vec<(usize, (usize, usize))> = count.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    v.into_iter().map(|(e, _)| e).collect()
}

/// Converts byte offsets to character offsets, walking forward only.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharCounter<'_> {
    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// Extracts the relation instances of one document.
pub fn extract(doc: &Document) -> DocResult {
    let segments = segments(&doc.text, doc.body_start, SEGMENT_BYTES);
    if segments.len() == 1 {
        return extract_segment(doc, doc.body_start, doc.text.len(), (0, 0));
    }
    // a very large article is read segment by segment (relations are sentence-local),
    // so memory is bounded by the segment, not the file
    let mut result = DocResult {
        id: doc.id.clone(),
        date: doc.date,
        entities: Vec::new(),
        events: Vec::new(),
    };
    let mut chars = (0, 0);
    let mut keys = std::collections::BTreeSet::new();
    for (from, to) in segments {
        chars = (from, chars.1 + doc.text[chars.0..from].chars().count());
        let r = extract_segment(doc, from, to, chars);
        result.events.extend(r.events);
        for e in r.entities {
            if keys.insert(e.key.clone()) {
                result.entities.push(e);
            }
        }
    }
    result
}

/// Segments of at most about `size` bytes, cut at a line break (or else a sentence end).
fn segments(text: &str, from: usize, size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    while text.len() - start > size {
        let mut cut = start + size;
        while !text.is_char_boundary(cut) {
            cut += 1;
        }
        let window = &text[start..cut];
        let at = window
            .rfind('\n')
            .or_else(|| window.rfind(". ").map(|p| p + 1))
            .filter(|&p| p > size / 4)
            .map(|p| start + p + 1)
            .unwrap_or(cut);
        out.push((start, at));
        start = at;
    }
    out.push((start, text.len()));
    out
}

/// Bodies larger than this are processed in segments.
const SEGMENT_BYTES: usize = 1 << 20;

/// Extracts the relations of `doc.text[from..to]`; `chars` is (byte, char) offset of a known earlier point.
fn extract_segment(doc: &Document, from: usize, to: usize, chars: (usize, usize)) -> DocResult {
    let k = Knowledge::get();
    let text = &doc.text[..to];
    let mut t = text::analyse(text, from);
    t.annotate(k);
    let mut m = mentions::find(k, text, from, &t);
    let salient = salience(&m);
    let idx = TriggerIndex::get();
    let mut found_by_sentence: Vec<Vec<Found>> = Vec::new();
    let mut ctx = Ctx {
        k,
        text,
        t: &t,
        m: &m,
        speakers: Vec::new(),
        topics: Vec::new(),
        current: 0,
        salient,
        recognised: None,
        last_act: None,
        mediators: Vec::new(),
    };
    ctx.attribute();
    for (si, s) in t.sentences.iter().enumerate() {
        ctx.current = si;
        let norms: Vec<&str> = t.tokens[s.first..s.last]
            .iter()
            .map(|x| x.norm.as_str())
            .collect();
        let mut found = Vec::new();
        for hit in idx.find(&norms, s.first) {
            let pat = &idx.patterns[hit.pattern];
            if let Some(agents) = ctx.act_agents(hit, pat) {
                ctx.last_act = Some((si, agents));
            }
            let new = ctx.apply(hit, pat);
            if let Some(f) = new
                .iter()
                .rev()
                .find(|f| f.relation == Relation::Recognises)
            {
                ctx.recognised = Some((si, f.targets.clone()));
            }
            for f in new
                .iter()
                .filter(|f| f.relation == Relation::Mediates && !f.negated)
            {
                for &a in &f.agents {
                    if !ctx.mediators.contains(&a) {
                        ctx.mediators.push(a);
                    }
                }
            }
            found.extend(new);
        }
        found_by_sentence.push(found);
    }
    let salient = ctx.salient.clone();
    drop(ctx);
    build(doc, &t, &mut m, found_by_sentence, &salient, chars)
}

/// The label of a border given its states and the agent's state.
fn border_entity(
    k: &Knowledge,
    m: &Mentions,
    states: &[usize],
    agent: usize,
    salient: &[usize],
) -> Entity {
    let mut names: Vec<String> = states.iter().map(|&s| k.states[s].name.clone()).collect();
    let agent_state = {
        let e = &m.entities[agent];
        if e.etype == EntityType::State {
            Some(e.label.clone())
        } else {
            // a person's state (created with the person when only implied:
            // "Venezuelan President X")
            m.affiliated_state(agent)
                .map(|x| m.entities[x].label.clone())
        }
    };
    if names.len() < 2 {
        if let Some(a) = agent_state {
            if !names.contains(&a) {
                names.push(a);
            }
        }
    }
    for &s in salient {
        if names.len() >= 2 {
            break;
        }
        let l = &m.entities[s].label;
        if !names.contains(l) {
            names.push(l.clone());
        }
    }
    names.sort();
    names.dedup();
    let label = match names.len() {
        0 => "Border".to_string(),
        1 => format!("{} border", names[0]),
        _ => format!("{}–{} border", names[0], names[1]),
    };
    Entity::new(EntityType::Place, label)
}

fn build(
    doc: &Document,
    t: &Text,
    m: &mut Mentions,
    found: Vec<Vec<Found>>,
    salient: &[usize],
    chars: (usize, usize),
) -> DocResult {
    let k = Knowledge::get();
    let mut events = Vec::new();
    let mut used: BTreeMap<String, Entity> = BTreeMap::new();
    let mut counter = CharCounter {
        text: &doc.text,
        byte: chars.0,
        chars: chars.1,
    };
    let doc_id: crate::model::Text = doc.id.as_str().into();
    for (si, fs) in found.into_iter().enumerate() {
        let s = &t.sentences[si];
        let start = counter.at(s.start);
        let end = counter.at(s.end);
        let sentence: crate::model::Text = doc.text[s.start..s.end].into();
        let mut seen = Vec::new();
        for f in fs {
            for &a in &f.agents {
                let mut targets = Vec::new();
                for arg in &f.targets {
                    let ent = match arg {
                        Arg::Entity(e) => m.entities[*e].clone(),
                        Arg::Border(states) => border_entity(k, m, states, a, salient),
                    };
                    if ent.key == m.entities[a].key && f.relation != Relation::Deploys {
                        continue;
                    }
                    if !targets.iter().any(|t: &crate::model::Text| **t == *ent.key) {
                        targets.push(ent.key.as_str().into());
                        used.entry(ent.key.clone()).or_insert(ent);
                    }
                }
                if targets.is_empty() && f.relation != Relation::Deploys {
                    continue;
                }
                let agent = m.entities[a].clone();
                let dedup_key = (
                    f.relation,
                    agent.key.clone(),
                    targets.clone(),
                    f.negated,
                    f.hypothetical,
                );
                if seen.contains(&dedup_key) {
                    continue;
                }
                seen.push(dedup_key);
                // ("Russia and China condemned …": when the speaker is one of
                // the agents, each agent speaks for itself)
                let speaker = if f.speaker.is_some_and(|sp| f.agents.contains(&sp)) {
                    Some(a)
                } else {
                    f.speaker
                };
                let speaker = speaker.map(|e| m.entities[e].clone());
                if let Some(sp) = &speaker {
                    used.entry(sp.key.clone()).or_insert_with(|| sp.clone());
                }
                used.entry(agent.key.clone())
                    .or_insert_with(|| agent.clone());
                events.push(Event {
                    doc: doc_id.clone(),
                    date: doc.date,
                    relation: f.relation,
                    agent: agent.key.as_str().into(),
                    targets,
                    negated: f.negated,
                    hypothetical: f.hypothetical,
                    attributed_to: speaker.map(|s| s.key.into()),
                    force: f.force.as_deref().map(Into::into),
                    trigger: mentions::span_text(&doc.text, t, f.first, f.last).into(),
                    pattern: f.pattern.as_str().into(),
                    sentence: sentence.clone(),
                    start,
                    end,
                });
            }
        }
    }
    // affiliations of used entities are entities too (a person's state)
    let keys: Vec<String> = used.keys().cloned().collect();
    for key in keys {
        let aff = used.get(&key).and_then(|e| e.affiliation.clone());
        if let Some(a) = aff {
            if !used.contains_key(&a) {
                if let Some(i) = m.by_key(&a) {
                    used.insert(a.clone(), m.entities[i].clone());
                } else if let Some((t, label)) = a.split_once('/') {
                    // affiliation known by key only (an organisation's parent)
                    let et = match t {
                        "state" => EntityType::State,
                        "armedforce" => EntityType::ArmedForce,
                        "group" => EntityType::Group,
                        _ => EntityType::Organisation,
                    };
                    let name = k
                        .states
                        .iter()
                        .map(|s| s.name.clone())
                        .chain(k.orgs.iter().map(|o| o.name.clone()))
                        .find(|n| crate::model::slug(n) == label)
                        .unwrap_or_else(|| label.to_string());
                    used.insert(a.clone(), Entity::new(et, name));
                }
            }
        }
    }
    DocResult {
        id: doc.id.clone(),
        date: doc.date,
        entities: used.into_values().collect(),
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Who made each claim: the reporting verb's subject, over a relative
    /// clause; a post-posed speaker only after a reporting verb.
    #[test]
    fn claims_are_attributed_to_their_speaker() {
        let cases = [
            // the comma closes a relative clause: no post-posed ", accused X"
            (
                "Hungary's prime minister, who has blocked EU aid, accused Brussels of blackmail.",
                Some("state/hungary"),
            ),
            (
                "Russia sent troops to Belarus, said the US State Department.",
                Some("state/united-states"),
            ),
            (
                "Ukraine says Russia moved nuclear weapons to Belarus.",
                Some("state/ukraine"),
            ),
            ("Russia moved nuclear weapons to Belarus.", None),
            // an organisation's experts speak for it
            (
                "UN experts said Rwandan troops were deployed in North Kivu.",
                Some("organisation/united-nations"),
            ),
            (
                "Witnesses said Rwandan troops were deployed in North Kivu.",
                None,
            ),
            // no inversion after a verb that never inverts
            (
                "The Gulf states, led by Saudi Arabia, accused Qatar of supporting terrorism.",
                Some("group/gulf-states"),
            ),
            // coordinated speakers each speak for themselves (checked per agent below)
            (
                "Russia and China condemned the US strikes as a violation of international law.",
                Some("(agent)"),
            ),
            // an accusing verb no one reports is its own agent's claim
            (
                "Kyiv blamed Moscow for the attack on the dam, while Russia blamed Ukraine.",
                Some("(agent)"),
            ),
            (
                "India and Pakistan blamed each other for the collapse of the ceasefire.",
                Some("(agent)"),
            ),
            (
                "Kosovo said Serbia accused it of provocations.",
                Some("state/kosovo"),
            ),
            // a plural noun is no reporting verb ("states", "claims")
            (
                "The Vatican is among the 12 states that recognise Taiwan.",
                None,
            ),
            // a state's adjective before a noun of speaking is the speaker
            (
                "Cambodia rejected Thai claims that its troops had opened fire first.",
                Some("state/thailand"),
            ),
            // a place before the verb speaks for no actor (not the subject)
            (
                "Ethiopia recognised Somaliland's independence, the breakaway region said.",
                None,
            ),
            // a question left untold: the telling is negated, not the event
            (
                "Zelensky did not say how many troops had been sent.",
                Some("(agent)"),
            ),
        ];
        for (text, speaker) in cases {
            let r = extract(&Document::new("t", text.to_string()));
            assert!(!r.events.is_empty(), "{text}");
            for e in &r.events {
                let want = speaker.map(|s| if s == "(agent)" { &*e.agent } else { s });
                assert_eq!(e.attributed_to.as_deref(), want, "{text}");
                assert!(!e.negated, "{text}");
            }
        }
    }

    /// A body larger than a segment is read in segments; every event's offsets
    /// still point at its sentence in the whole file (code points).
    #[test]
    fn large_articles_are_segmented_with_exact_offsets() {
        let para = "Armenia accused Azerbaijan of shelling villages near the border. Vučić met the envoy. ";
        let mut text = String::from(" date 2024-01-01 ");
        while text.len() < 2 * SEGMENT_BYTES + SEGMENT_BYTES / 4 {
            text.push_str(para);
            if text.len() % 7 == 0 {
                text.push('\n');
            }
        }
        let doc = Document::new("big", text.clone());
        assert!(segments(&doc.text, doc.body_start, SEGMENT_BYTES).len() >= 3);
        let r = extract(&doc);
        let per_copy = text.matches("accused").count();
        assert_eq!(
            r.events.len(),
            per_copy,
            "one accusation per copy of the sentence"
        );
        let chars: Vec<char> = text.chars().collect();
        for e in r.events.iter().step_by(997).chain(r.events.last()) {
            let s: String = chars[e.start..e.end].iter().collect();
            assert_eq!(s, &*e.sentence);
        }
    }
}
