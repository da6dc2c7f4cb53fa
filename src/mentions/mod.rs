//! Stage 3 — mentions: which token spans name an actor or a place.
//!
//! How it decides, in order (each step is general linguistics over the
//! knowledge files, never a list of people):
//!
//! 1. **Gazetteer** ([`Knowledge::scan`]): one Aho–Corasick pass finds state
//!    names, capitals, adjectives, people plurals, organisations, groups and
//!    role words; a hit counts only if it starts and ends on token boundaries.
//! 2. **Noun phrases** ([`phrases`]): a state/organisation word plus a head noun
//!    becomes an actor — government heads ("the Belgrade government",
//!    "Kosovo's leadership", "the leadership of Kosovo") give the state
//!    (capital metonymy included), force heads give the force ("Kosovo police
//!    units" → Kosovo Police, "Serbian fighter jets" → Serbian Armed Forces,
//!    "NATO troops" → NATO), people heads and plurals give groups ("Kosovo
//!    Serbs", "the Kosovo-Albanian side" → Kosovo Albanians). Coordinated
//!    adjectives share a head ("Serbian and Kosovar leaders").
//! 3. **Places** ([`places`]): direction + region ("northern Kosovo", "the
//!    north of the province", "its north"), borders ("the border with Serbia",
//!    "the Kosovo–Serbia border"), region nouns that refer back ("the
//!    province"), and "there".
//! 4. **Persons** ([`persons`]): capitalised name spans introduced by a role
//!    ("Serbian President Aleksandar Vucic"), an apposition ("Petar Petkovic,
//!    head of …", "Serbia's president, Aleksandar Vucic,"), a title ("Mr."),
//!    or a speech verb ("said Ekaterina Entina"); later surname, "Mr."
//!    and near-miss spellings of a known name; role descriptions ("the
//!    Serbian president", "the political scientist") resolved to the person of
//!    that role in the document, else to the state they represent.
//!
//! Pronouns are resolved later, by the relation stage, which knows who speaks.

pub mod persons;
pub mod phrases;
pub mod places;

use rustc_hash::FxHashMap as HashMap;

use crate::knowledge::{Class, Hit, Knowledge};
use crate::model::{Entity, EntityType};
use crate::text::{Text, TokKind};

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ref {
    /// An entity of the document (index into [`Mentions::entities`]).
    Entity(usize),
    /// A bare state adjective ("Serbian"), not an actor on its own.
    Adjective(usize),
    /// A pronoun; resolved by the relation stage.
    Pronoun(PronounKind),
    /// A border; its label needs the states around it.
    Border(Vec<usize>),
    /// "there": the last place named.
    There,
    /// "the two countries", "both sides", "the three states": the entities
    /// of the nearest list of exactly that many actors named before.
    Set(Vec<usize>),
}

/// Pronoun classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she, him, her, his.
    Person,
    /// they, them, their.
    Plural,
    /// it, its.
    Thing,
    /// we, us, our: the speaker's side.
    We,
}

/// How a mention names its referent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A proper name or alias.
    Name,
    /// A capital standing for the government (metonymy).
    Capital,
    /// A noun phrase with a head noun ("the Serbian government").
    Phrase,
    /// A role description ("the Serbian president").
    Role,
    /// A pronoun.
    Pronoun,
}

/// A mention: a token span and its referent.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// What it refers to.
    pub referent: Ref,
    /// How it names it.
    pub via: Via,
    /// For forces: the force phrase as written ("special police units").
    pub force: Option<String>,
    /// The word after a hyphen ("EU-brokered" → "brokered").
    pub hyphen: Option<String>,
}

impl Mention {
    /// A mention of an entity.
    pub fn of_entity(first: usize, last: usize, e: usize, via: Via) -> Mention {
        Mention {
            first,
            last,
            referent: Ref::Entity(e),
            via,
            force: None,
            hyphen: None,
        }
    }
}

/// Role hits: token → (end token, role index).
pub type RoleHits = HashMap<usize, (usize, usize)>;

/// The mentions of one document and the entities they refer to.
#[derive(Debug, Default)]
pub struct Mentions {
    /// Mentions ordered by first token, non-overlapping.
    pub list: Vec<Mention>,
    /// Entities of the document.
    pub entities: Vec<Entity>,
    index: HashMap<String, usize>,
    /// Entities of gazetteer states, by state index (their keys are built once).
    state_entities: HashMap<usize, usize>,
    /// For each token, the mention covering it.
    pub cover: Vec<Option<usize>>,
    /// Role hits: token → (end token, role index).
    pub roles: RoleHits,
    /// Role hits by end token: end → (start token, role index).
    pub role_ends: HashMap<usize, (usize, usize)>,
    /// Groups named by a state's adjective ("Syrian rebels"): (first
    /// token, state index in `k.states`), the state they belong to
    /// without being its government.
    homes: Vec<(usize, usize)>,
}

impl Mentions {
    /// Adds (or finds) an entity, returning its index.
    pub fn entity(&mut self, e: Entity) -> usize {
        if let Some(&i) = self.index.get(&e.key) {
            let old = &mut self.entities[i];
            if old.role.is_none() {
                old.role = e.role;
            }
            if old.affiliation.is_none() {
                old.affiliation = e.affiliation;
            }
            for a in e.aliases {
                if !old.aliases.contains(&a) {
                    old.aliases.push(a);
                }
            }
            return i;
        }
        let i = self.entities.len();
        self.index.insert(e.key.clone(), i);
        self.entities.push(e);
        i
    }

    /// The entity of a state, by index into the knowledge's states.
    pub fn state(&mut self, k: &Knowledge, s: usize) -> usize {
        if let Some(&e) = self.state_entities.get(&s) {
            return e;
        }
        let e = self.entity(Entity::new(EntityType::State, k.states[s].name.clone()));
        self.state_entities.insert(s, e);
        e
    }

    /// The entity of a state if the document has it (every state entity is
    /// made by [`Mentions::state`]).
    pub fn state_entity(&self, s: usize) -> Option<usize> {
        self.state_entities.get(&s).copied()
    }

    /// The entity of an organisation, by index into the knowledge's orgs.
    pub fn org(&mut self, k: &Knowledge, o: usize) -> usize {
        let info = &k.orgs[o];
        let mut e = Entity::new(info.etype, info.name.clone());
        e.affiliation = info.parent.as_ref().map(|p| {
            if let Some(s) = k.state_by_name(p) {
                crate::model::entity_key(EntityType::State, &k.states[s].name)
            } else {
                let t = k
                    .org_by_name(p)
                    .map(|o| k.orgs[o].etype)
                    .unwrap_or(EntityType::Organisation);
                crate::model::entity_key(t, p)
            }
        });
        self.entity(e)
    }

    /// Records a mention unless it overlaps an existing one.
    pub fn push(&mut self, m: Mention) -> Option<usize> {
        if m.first >= m.last || (m.first..m.last).any(|t| self.cover[t].is_some()) {
            return None;
        }
        let i = self.list.len();
        for t in m.first..m.last {
            self.cover[t] = Some(i);
        }
        self.list.push(m);
        Some(i)
    }

    /// Records a mention, replacing any mentions it overlaps.
    pub fn replace(&mut self, m: Mention) -> usize {
        let overlapped: Vec<usize> = (m.first..m.last).filter_map(|t| self.cover[t]).collect();
        for o in overlapped {
            let (a, b) = (self.list[o].first, self.list[o].last);
            for t in a..b {
                if self.cover[t] == Some(o) {
                    self.cover[t] = None;
                }
            }
            self.list[o].first = usize::MAX;
        }
        let i = self.list.len();
        for t in m.first..m.last {
            self.cover[t] = Some(i);
        }
        self.list.push(m);
        i
    }

    /// Sorts mentions by position and drops removed ones, rebuilding the cover.
    fn finish(&mut self) {
        self.list.retain(|m| m.first != usize::MAX);
        self.list.sort_by_key(|m| (m.first, m.last));
        self.cover.iter_mut().for_each(|c| *c = None);
        for (i, m) in self.list.iter().enumerate() {
            for t in m.first..m.last {
                self.cover[t] = Some(i);
            }
        }
    }

    /// The entity a mention refers to directly, if any.
    pub fn entity_of(&self, m: usize) -> Option<usize> {
        match self.list[m].referent {
            Ref::Entity(e) => Some(e),
            _ => None,
        }
    }

    /// The entity index of a key, if present.
    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// The state entity entity `e` is affiliated with, if any.
    pub fn affiliated_state(&self, e: usize) -> Option<usize> {
        self.entities[e]
            .affiliation
            .as_deref()
            .and_then(|a| self.by_key(a))
            .filter(|&s| self.entities[s].etype == EntityType::State)
    }

    /// The state a mention speaks of: a state by name, the state of an
    /// affiliated person, force or body ("Serbian President …", "Kosovo
    /// police"), or of an adjective.
    pub fn state_of(&self, r: &Ref) -> Option<usize> {
        match *r {
            Ref::Entity(e) if self.entities[e].etype == EntityType::State => Some(e),
            Ref::Entity(e) => self.affiliated_state(e),
            Ref::Adjective(s) => self.state_entity(s),
            _ => None,
        }
    }
}

/// A gazetteer hit mapped onto tokens.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// What the name refers to.
    pub hit: Hit,
}

/// The span starting at token `i` (spans are sorted and disjoint).
pub fn span_starting(names: &[Span], i: usize) -> Option<Span> {
    names
        .binary_search_by_key(&i, |s| s.first)
        .ok()
        .map(|k| names[k])
}

/// The span ending just before token `e`.
pub fn span_ending(names: &[Span], e: usize) -> Option<Span> {
    names
        .binary_search_by_key(&e, |s| s.last)
        .ok()
        .map(|k| names[k])
}

/// Whether token `i` lies inside a span.
pub fn in_span(names: &[Span], i: usize) -> bool {
    let k = names.partition_point(|s| s.first <= i);
    k > 0 && names[k - 1].last > i
}

/// The spans lying within tokens `a..b`.
pub fn spans_within(names: &[Span], a: usize, b: usize) -> &[Span] {
    let from = names.partition_point(|s| s.first < a);
    let to = names.partition_point(|s| s.first < b);
    &names[from..to.max(from)]
}

/// "forces loyal to Khalifa Haftar": a force phrase followed by "loyal to"
/// and an actor is that actor's force (one mention, the actor as referent);
/// so is a person's possessive before a force ("Haftar's forces").
/// A person's possessive before a phrase of class `class` ("Haftar's
/// forces", "Kurti's government"): (first token, the "'s", the person, the
/// phrase's end) for each.
fn person_possessions(
    k: &Knowledge,
    t: &Text,
    m: &Mentions,
    class: Class,
) -> Vec<(usize, usize, usize, usize)> {
    let toks = &t.tokens;
    let mut out = Vec::new();
    for x in &m.list {
        let Ref::Entity(e) = x.referent else {
            continue;
        };
        if x.first == usize::MAX
            || m.entities[e].etype != EntityType::Person
            || toks.get(x.last).is_none_or(|y| y.norm != "'s")
        {
            continue;
        }
        if let Some(end) = phrases::phrase_at(k, t, x.last + 1, class) {
            out.push((x.first, x.last, e, end));
        }
    }
    out
}

/// "Haftar's forces", "Hemedti's fighters": a person's force is the person's.
fn loyal_forces(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    for (first, last, e, end) in person_possessions(k, t, m, Class::Force) {
        if (last..end).all(|x| m.cover[x].is_none()) {
            let mut mm = Mention::of_entity(first, end, e, Via::Phrase);
            mm.force = Some(span_text(text, t, last + 1, end));
            m.replace(mm);
        }
    }
}

/// "Police in Nairobi", "the police in Kenya": police located in a state
/// or its capital are that state's police (a police force serves at home;
/// "troops in Kabul" may be anyone's and are left alone).
fn located_police(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(2) {
        let Some(end) = phrases::phrase_at(k, t, at, Class::Police) else {
            continue;
        };
        // (the whole noun phrase: not "Kenyan police", "the police chief")
        let opens = at == 0
            || toks[at - 1].kind != TokKind::Word
            || !toks[at - 1].capitalised
            || toks[at - 1].norm == "the";
        if !opens || (at..=end).any(|x| m.cover.get(x).is_none_or(|c| c.is_some())) {
            continue;
        }
        if toks[end].norm != "in" {
            continue;
        }
        let Some(place) = m.cover.get(end + 1).copied().flatten() else {
            continue;
        };
        let state = match m.list[place].referent {
            Ref::Entity(e) if m.list[place].first == end + 1 => {
                let ent = &m.entities[e];
                match ent.etype {
                    EntityType::State => k.state_by_name(&ent.label),
                    // a capital named as a place
                    EntityType::Place => {
                        (0..k.states.len()).find(|&st| k.states[st].capitals.contains(&ent.label))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        let Some(force) = state.and_then(|st| regular_force(k, m, st, true)) else {
            continue;
        };
        let start = if at > 0 && toks[at - 1].norm == "the" && m.cover[at - 1].is_none() {
            at - 1
        } else {
            at
        };
        let mut mm = Mention::of_entity(start, end, force, Via::Phrase);
        mm.force = Some(span_text(text, t, at, end));
        m.push(mm);
    }
}

/// "troops loyal to Haftar", "forces under the command of Hemedti",
/// "fighters commanded by …", "troops loyal to the junta": the force is its
/// commander's. Runs after the definite phrases, so that "the junta" or
/// "the government" after the link is already an actor.
fn commanded_forces(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    const OWNED_BY: &[&[&str]] = &[
        &["loyal", "to"],
        &["under", "the", "command", "of"],
        &["commanded", "by"],
    ];
    for at in 1..toks.len().saturating_sub(2) {
        let Some(link) = OWNED_BY.iter().find(|w| {
            w.iter()
                .enumerate()
                .all(|(x, w)| toks.get(at + x).is_some_and(|y| y.norm == *w))
        }) else {
            continue;
        };
        // the force phrase ends right before the link (looked for only there)
        let Some(i) = (at.saturating_sub(3)..at).find(|&i| {
            phrases::phrase_at(k, t, i, Class::Force) == Some(at)
                && (i..at).all(|x| m.cover[x].is_none())
        }) else {
            continue;
        };
        if let Some((e, last)) = actor_at(t, m, at + link.len()) {
            let mut mm = Mention::of_entity(i, last, e, Via::Phrase);
            mm.force = Some(span_text(text, t, i, at));
            m.replace(mm);
        }
    }
}

/// "the Arakan Army", "the Kachin Independence Army", "the Democratic
/// Party": after "the", capitalised words ending in an organisation's head
/// noun (lexicon class `org_head`) name an organisation the gazetteer does
/// not know. The name needs a word that neither the lexicon nor the
/// gazetteer knows ("the Russian Army" is Russia's force, "the Security
/// Council" a known body), and may contain a state ("the Sudan People's
/// Liberation Army") but no other gazetteer name.
fn named_organisations(k: &Knowledge, text: &str, t: &Text, names: &[Span], m: &mut Mentions) {
    let toks = &t.tokens;
    let n = toks.len();
    for at in 0..n.saturating_sub(2) {
        if toks[at].norm != "the" || !toks[at + 1].capitalised {
            continue;
        }
        let (mut j, mut head, mut novel) = (at + 1, None, false);
        // "the Alliance of Sahel States": a head first, then "of" and a name
        // (a region's among them), is one name to its end
        let head_first = k.is(Class::OrgHead, &toks[at + 1].norm);
        let mut of_name = false;
        let mut longer = false;
        while j < n && j < at + 9 {
            let x = &toks[j];
            if let Some(s) = span_starting(names, j) {
                // "the Ta'ang National Liberation Army": a known name ending in
                // an organisation's head, after an unknown word, is part of a
                // longer name
                if matches!(s.hit, Hit::Org(_))
                    && novel
                    && k.is(Class::OrgHead, &toks[s.last - 1].norm)
                {
                    head = Some(s.last);
                    longer = true;
                    break;
                }
                let place = matches!(s.hit, Hit::Place(_));
                if !(matches!(s.hit, Hit::StateName(_) | Hit::Adjective(_)) || of_name && place) {
                    break;
                }
                novel |= of_name && place;
                j = s.last;
                continue;
            }
            if x.kind == TokKind::Word && x.capitalised && !x.all_caps {
                let classes = k.classes(&x.norm);
                if classes.has(Class::OrgHead) {
                    head = Some(j + 1);
                } else if classes.is_empty()
                    || classes.has(Class::Community)
                    || crate::text::number_word(&x.norm).is_some()
                {
                    // (a community's name is no state's: "the Tamil Tigers";
                    // a count spelled in capitals names: "the Three Brotherhood Alliance")
                    novel = true;
                }
                j += 1;
            } else if matches!(x.norm.as_str(), "'s" | "of" | "for" | "-")
                && toks.get(j + 1).is_some_and(|y| y.capitalised)
            {
                of_name |= head_first && head == Some(at + 2) && x.norm != "'s";
                j += 1;
            } else {
                break;
            }
        }
        if of_name && novel {
            head = Some(j);
        }
        let Some(end) = head.filter(|_| novel) else {
            continue;
        };
        // (a shorter alias inside gives way: "the Alliance" is NATO's)
        let inside =
            |x: usize| m.cover[x].is_none_or(|mi| m.list[mi].first >= at && m.list[mi].last <= end);
        let over_alias = of_name || longer;
        if (at + 1..end).any(|x| m.cover[x].is_some()) && !(over_alias && (at..end).all(inside)) {
            continue;
        }
        if over_alias {
            let e = m.entity(named_entity(
                EntityType::Organisation,
                &span_text(text, t, at + 1, end),
            ));
            m.replace(Mention::of_entity(at + 1, end, e, Via::Name));
            continue;
        }
        let e = m.entity(named_entity(
            EntityType::Organisation,
            &span_text(text, t, at + 1, end),
        ));
        m.push(Mention::of_entity(at + 1, end, e, Via::Name));
    }
}

/// A region's name before a people's plural names that people of the
/// region as a group: "the Karabakh Armenians", "Donbas Russians" (as
/// "Kosovo Serbs" is for a state's name).
fn regional_peoples(text: &str, t: &Text, names: &[Span], m: &mut Mentions) {
    for mi in 0..m.list.len() {
        let (first, last) = (m.list[mi].first, m.list[mi].last);
        let Ref::Entity(e) = m.list[mi].referent else {
            continue;
        };
        if first == usize::MAX || m.entities[e].etype != EntityType::Place {
            continue;
        }
        let Some(people) = span_starting(names, last).filter(|x| matches!(x.hit, Hit::Plural(_)))
        else {
            continue;
        };
        let label = span_text(text, t, first, people.last);
        let g = m.entity(Entity::new(EntityType::Group, label));
        m.replace(Mention::of_entity(first, people.last, g, Via::Phrase));
    }
}

/// A people's, faith's or region's adjective (lexicon class `community`)
/// before a force or an irregular noun names an armed group of its own,
/// not a state's army: "Kurdish forces", "Druze fighters", "Tigrayan
/// rebels", "Christian militias"; before a government noun, the group's
/// leadership ("Tigrayan leaders", "Kurdish authorities").
fn community_forces(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(1) {
        let x = &toks[at];
        if !x.capitalised || m.cover[at].is_some() {
            continue;
        }
        // ("Crimean Tatar" is two words)
        let Some(adj_end) = phrases::phrase_at(k, t, at, Class::Community) else {
            continue;
        };
        let mut j = adj_end;
        while j < at + 3 && j < toks.len() && k.is(Class::Modifier, &toks[j].norm) {
            j += 1;
        }
        let force_end = phrases::phrase_at(k, t, j, Class::Irregular)
            .or_else(|| phrases::phrase_at(k, t, j, Class::Force));
        // "Tigrayan leaders", "Kurdish authorities": the community's own leadership
        let Some(end) = force_end.or_else(|| phrases::phrase_at(k, t, j, Class::Government)) else {
            continue;
        };
        if (at..end).any(|y| m.cover[y].is_some()) {
            continue;
        }
        let noun: Vec<&str> = toks[adj_end..end].iter().map(|y| y.norm.as_str()).collect();
        let adj = &text[x.start..toks[adj_end - 1].end];
        let label = if x.all_caps {
            // "KURDISH FORCES" in a headline: "Kurdish forces"
            let lower = adj.to_lowercase();
            let mut cs = lower.chars();
            cs.next()
                .map_or(String::new(), |c| c.to_uppercase().chain(cs).collect())
        } else {
            adj.to_string()
        };
        let label = format!("{label} {}", noun.join(" "));
        let e = m.entity(Entity::new(EntityType::Group, label));
        let mut mm = Mention::of_entity(at, end, e, Via::Phrase);
        mm.force = force_end.map(|_| span_text(text, t, j, end));
        m.push(mm);
    }
}

/// A name with a patron participle before an irregular noun names a group
/// of its own, not the patron: "Rwanda-backed rebels", "Pakistan-based
/// militants", "Iran-aligned militias" (but "Rwanda-backed M23 rebels" is
/// the M23, named after it); so does a leader before a coalition ("the
/// Saudi-led coalition"), while a led force or mission is the leader's
/// ("a Kenyan-led force" is Kenya's). With "the", such a
/// description (also "the Iran-backed group") is the non-state armed actor
/// named last before it.
fn patron_groups(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 0..toks.len() {
        let Some(mi) = m.cover[at] else {
            continue;
        };
        let mm = &m.list[mi];
        let led = mm
            .hyphen
            .as_ref()
            .is_some_and(|w| matches!(w.as_str(), "led" | "headed"));
        if mm.first != at || !(led || mm.hyphen.as_ref().is_some_and(|w| k.is(Class::Patron, w))) {
            continue;
        }
        // the name, the hyphen, the participle, then the noun ("Saudi-led
        // coalition", "US-led forces": a led force or coalition is the group too)
        let head = mm.last + 2;
        let led_head = || {
            // ("Kenya-led police mission": over a trailing mission noun)
            let mission = |e: usize| {
                if toks
                    .get(e)
                    .is_some_and(|x| matches!(x.norm.as_str(), "mission" | "contingent"))
                {
                    e + 1
                } else {
                    e
                }
            };
            phrases::phrase_at(k, t, head, Class::Force)
                .map(mission)
                .or_else(|| {
                    toks.get(head)
                        .is_some_and(|x| {
                            matches!(x.norm.as_str(), "coalition" | "alliance" | "mission")
                        })
                        .then_some(head + 1)
                })
        };
        // "the Iran-backed group", "the Rwanda-backed rebels": a description
        // of the non-state armed actor named last before it
        let definite = at > 0 && toks[at - 1].norm == "the";
        // (a patron's force is a group too: "Turkish-backed fighters")
        let irregular = phrases::phrase_at(k, t, head, Class::Irregular).or_else(|| {
            (!led)
                .then(|| phrases::phrase_at(k, t, head, Class::Force))
                .flatten()
        });
        let described = irregular.or_else(|| {
            definite
                .then(|| phrases::phrase_at(k, t, head, Class::GroupNoun))
                .flatten()
        });
        if let Some(end) = described.filter(|_| definite) {
            let named = last_entity(m, 0, at - 1, |_, x| non_state_armed(k, x));
            if let Some(e) = named.filter(|_| (mm.last..end).all(|y| m.cover[y].is_none())) {
                let mut group = Mention::of_entity(at - 1, end, e, Via::Phrase);
                group.force = Some(span_text(text, t, head, end));
                m.replace(group);
                continue;
            }
        }
        let led_force = irregular.is_none()
            && led
            && toks
                .get(head)
                .is_some_and(|x| !matches!(x.norm.as_str(), "coalition" | "alliance"));
        let Some(end) = irregular.or_else(|| led.then(led_head).flatten()) else {
            continue;
        };
        if (mm.last..end).any(|y| m.cover[y].is_some()) {
            continue;
        }
        // "a Kenyan-led force", "the French-led mission": the leader sends
        // it (a "Saudi-led coalition" is a group of its own)
        if led_force {
            let leader = match m.list[mi].referent {
                Ref::Adjective(st) => Some(m.state(k, st)),
                Ref::Entity(e) => Some(e),
                _ => None,
            };
            if let Some(e) = leader {
                let mut mm = Mention::of_entity(at, end, e, Via::Phrase);
                mm.force = Some(span_text(text, t, head, end));
                m.replace(mm);
                continue;
            }
        }
        let label = span_text(text, t, at, end);
        let e = m.entity(Entity::new(EntityType::Group, label));
        let mut group = Mention::of_entity(at, end, e, Via::Phrase);
        group.force = Some(span_text(text, t, head, end));
        m.replace(group);
    }
}

/// A state's possessive phrase backing a government noun after a hyphen is
/// that state's government: "Sudan's army-backed government", "Libya's
/// UN-recognised administration" (the backer is not the actor).
fn backed_governments(k: &Knowledge, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 1..toks.len() {
        if toks[at].norm != "-"
            || !toks.get(at + 1).is_some_and(|x| {
                k.is(Class::Patron, &x.norm)
                    || matches!(x.norm.as_str(), "led" | "recognised" | "recognized")
            })
        {
            continue;
        }
        let Some(end) = phrases::phrase_at(k, t, at + 2, Class::Government) else {
            continue;
        };
        let Some(backer) = m.cover[at - 1] else {
            continue;
        };
        let b = m.list[backer].first;
        // the owner: the name before a possessive inside the backer's phrase
        // ("Sudan's army") or right before it ("Libya's UN-recognised")
        let possessive = (b..at)
            .find(|&y| toks.get(y + 1).is_some_and(|x| x.norm == "'s"))
            .or_else(|| (b >= 2 && toks[b - 1].norm == "'s").then(|| b - 2));
        let Some(owner) = possessive.and_then(|y| m.cover[y]) else {
            continue;
        };
        let Some(e) = m.state_of(&m.list[owner].referent) else {
            continue;
        };
        let first = m.list[owner].first.min(b);
        if (at..end).any(|y| m.cover[y].is_some()) {
            continue;
        }
        m.replace(Mention::of_entity(first, end, e, Via::Phrase));
    }
}

/// A force phrase followed by "from"/"of" and a named organisation or armed
/// group is that organisation's: "Russian mercenaries from the Wagner
/// Group", "fighters of the Islamic State" (not "troops from Pristina",
/// which is a state's own).
fn named_owners(t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for mi in 0..m.list.len() {
        let mm = &m.list[mi];
        if mm.first == usize::MAX || mm.force.is_none() {
            continue;
        }
        let end = mm.last;
        if !toks
            .get(end)
            .is_some_and(|x| matches!(x.norm.as_str(), "from" | "of"))
        {
            continue;
        }
        let at = if toks.get(end + 1).is_some_and(|x| x.norm == "the") {
            end + 2
        } else {
            end + 1
        };
        let Some(owner) = m.cover.get(at).copied().flatten() else {
            continue;
        };
        let Ref::Entity(e) = m.list[owner].referent else {
            continue;
        };
        let named = m.list[owner].first == at
            && matches!(
                m.entities[e].etype,
                EntityType::Organisation | EntityType::ArmedForce | EntityType::Group
            );
        if !named {
            continue;
        }
        let mut whole = Mention::of_entity(m.list[mi].first, m.list[owner].last, e, Via::Phrase);
        whole.force = m.list[mi].force.clone();
        m.replace(whole);
    }
}

/// "the North" and "the South" for one of a pair of states named by a
/// direction: South Korea's "the North" is North Korea, Sudan's "the South"
/// South Sudan. It needs the state's counterpart ("South Korea", or "Sudan"
/// for South Sudan) named in the article; "the North Sea", "the north of
/// Kosovo" are untouched.
fn the_direction(k: &Knowledge, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(1) {
        let (dir, opposite) = match toks[at + 1].norm.as_str() {
            "north" => ("North", "South"),
            "south" => ("South", "North"),
            _ => continue,
        };
        let named = toks
            .get(at + 2)
            .is_some_and(|x| x.capitalised || x.norm == "-");
        if toks[at].norm != "the" || !toks[at + 1].capitalised || named || m.cover[at + 1].is_some()
        {
            continue;
        }
        let state = k.states.iter().position(|st| {
            st.name.strip_prefix(dir).is_some_and(|rest| {
                let rest = rest.trim_start();
                let mentioned = |name: &str| {
                    m.entities
                        .iter()
                        .any(|e| e.etype == EntityType::State && e.label == name)
                };
                !rest.is_empty() && (mentioned(&format!("{opposite} {rest}")) || mentioned(rest))
            })
        });
        if let Some(st) = state {
            let e = m.state(k, st);
            m.push(Mention::of_entity(at + 1, at + 2, e, Via::Name));
        }
    }
}

/// "the army", "the military", "the police" with no owner refer back to a
/// state's force named before ("Sudan's army … The Rapid Support Forces
/// accused the army of …"): the most recent
/// one of the same kind (police or not), named "<Adj> Armed Forces" /
/// "<State> Police" or marked as a state's regular force in
/// `organisations.tsv` ("the IDF … the army"); "the rebels", "the militants" to
/// the most recent non-state armed actor ("M23 rebels … between Kinshasa
/// and the rebels").
fn definite_forces(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions, stateless: bool) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(1) {
        if toks[at].norm != "the" || m.cover[at + 1].is_some() {
            continue;
        }
        // "the group", "the movement": the body named last in the three
        // sentences before, when it is a non-state armed actor ("the
        // Houthis … Washington accused the group of …"; "the G7 … the
        // group" is left to `definite_organisations`; "the group of
        // experts" is another)
        if let Some(end) = phrases::phrase_at(k, t, at + 1, Class::GroupNoun).filter(|&end| {
            // ("accused the group of …" is the charge)
            let charged = at > 0
                && crate::relations::patterns::TriggerIndex::get()
                    .is_accuse_verb(&toks[at - 1].norm);
            toks.get(end)
                .is_none_or(|x| x.norm != "-" && (x.norm != "of" || charged))
        }) {
            let floor = t.sentences[t.sentence_of(at).saturating_sub(3)].first;
            // (a people is no body: "… in solidarity with Palestinians")
            let last_body = last_entity(m, floor, at, |_, x| match x.etype {
                EntityType::Organisation | EntityType::ArmedForce => true,
                EntityType::Group => k.org_by_name(&x.label).is_some() || non_state_armed(k, x),
                _ => false,
            });
            if let Some(e) = last_body.filter(|&e| non_state_armed(k, &m.entities[e])) {
                m.push(Mention::of_entity(at, end, e, Via::Phrase));
            }
            continue;
        }
        let irregular_end = phrases::phrase_at(k, t, at + 1, Class::Irregular);
        let Some(end) = irregular_end.or_else(|| phrases::phrase_at(k, t, at + 1, Class::Force))
        else {
            continue;
        };
        // "the army of Sudan", "the troops' …" name their owner themselves
        // (but "accused the army of bombing …" does not)
        let owned = toks
            .get(end)
            .is_some_and(|x| matches!(x.norm.as_str(), "'s" | "'" | "loyal"))
            || owner_follows(toks, end);
        // "after the drone incursion", "the army base": the force noun
        // modifies the noun after it (but "the army chief" is the army's)
        let modifier = toks.get(end).is_some_and(|x| {
            x.kind == TokKind::Word
                && (k.is(Class::Wrongdoing, &x.norm)
                    || k.is(Class::PatientOf, &x.norm)
                    || matches!(x.norm.as_str(), "base" | "bases"))
        });
        if owned || modifier || (at + 1..end).any(|x| m.cover[x].is_some()) {
            continue;
        }
        let police = phrases::phrase_at(k, t, at + 1, Class::Police).is_some();
        let irregular = irregular_end.is_some();
        let suffix = if police { " Police" } else { " Armed Forces" };
        let regular = if police {
            crate::knowledge::Regular::Police
        } else {
            crate::knowledge::Regular::Army
        };
        // (a state's regular force is looked for back to the document's
        // start: "Sudan's army … [six sentences] … The army has accused …")
        let floor = if irregular {
            t.sentences[t.sentence_of(at).saturating_sub(3)].first
        } else {
            0
        };
        // "President … put the army on alert": after a verb of commanding or
        // saying, the force of the state of the sentence's nearest actor
        // before it (after saying, only a standing service: "Algeria said
        // the drone had violated its airspace" is Mali's drone)
        let service = phrases::phrase_at(k, t, at + 1, Class::Service) == Some(end);
        let commanded = (!irregular && end == at + 2)
            .then(|| commander_state(k, t, m, at, service))
            .flatten()
            .and_then(|st| regular_force(k, m, st, police));
        let regular_of = |ent: &Entity| {
            ent.etype == EntityType::ArmedForce
                && ent.affiliation.is_some()
                && (ent.label.ends_with(suffix)
                    || k.org_by_name(&ent.label)
                        .is_some_and(|o| k.orgs[o].regular == Some(regular)))
        };
        // a state's force named before with the same head noun first
        // ("Thailand's army said Cambodian forces had fired … The army
        // deployed tanks" is Thailand's)
        let head = &toks[end - 1].norm;
        let antecedent = commanded.or_else(|| {
            if irregular {
                return last_entity(m, floor, at, |_, ent| non_state_armed(k, ent));
            }
            last_entity(m, floor, at, |x, ent| {
                regular_of(ent) && (x.first..x.last).any(|y| toks[y].norm == *head)
            })
            .or_else(|| last_entity(m, floor, at, |_, ent| regular_of(ent)))
        });
        // with no force named before: the force of the state the document is
        // about, named first and most often ("Sudan's army … Sudan … The RSF
        // has been fighting the army"); not "the army-led authorities"
        let compound = toks
            .get(end)
            .is_some_and(|x| x.norm == "-" && !x.space_before);
        let antecedent = antecedent.or_else(|| {
            // "the rebels" far after the group was named: the non-state armed
            // actor named strictly most often before it ("M23 rebels … [five
            // sentences] … talks between Kinshasa and the rebels")
            if irregular {
                return (end == at + 2)
                    .then(|| salient_armed_group(k, m, at))
                    .flatten();
            }
            // (a vehicle or weapon is one named before: "the drone")
            if compound || !service {
                return None;
            }
            // a text naming no state at all: the service is an actor of its
            // own ("Rebels accused the army of …", "the security forces")
            if stateless {
                return Some(common_noun_actor(
                    text,
                    t,
                    m,
                    EntityType::ArmedForce,
                    at + 1,
                    end,
                ));
            }
            if end != at + 2 {
                return None;
            }
            let st = salient_state(k, m, at).or_else(|| scene_state(k, t, m, at))?;
            regular_force(k, m, st, police)
        });
        if let Some(e) = antecedent {
            let mut mm = Mention::of_entity(at, end, e, Via::Phrase);
            mm.force = Some(span_text(text, t, at + 1, end));
            m.push(mm);
        }
    }
}

/// "Rebels accused the army of …", "Ethnic armed groups said …", "the
/// militants" with no armed actor named before them (`definite_forces` found
/// none): a non-state armed actor of its own, named by the phrase in lower
/// case ("rebels", "ethnic armed groups"; not by a state the document names:
/// "Qatar mediated between the rebels and …" are not Qatar's). Not when the
/// phrase has an owner ("the rebels in Sudan", "rebels of the M23"), modifies
/// a noun ("rebel-held", "militants' …" stays theirs), or follows a word that
/// makes it part of a longer phrase ("a rebel", "Houthi rebels", "backed
/// rebels").
fn unnamed_groups(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions, stateless: bool) {
    let toks = &t.tokens;
    // (a participle before the noun modifies it, "backed rebels"; a verb
    // of a relation acts on it, "blamed militants")
    let triggers = crate::relations::patterns::TriggerIndex::get();
    // (in a text naming no state, a bare service opening a sentence is an
    // actor too: "Police accused protesters of …")
    for s in &t.sentences {
        let mut at = s.first;
        while at < s.last {
            // (only as the sentence's first words, its subject: "how many
            // troops had been sent" are the sender's)
            let service = (stateless && at == s.first)
                .then(|| phrases::phrase_at(k, t, at, Class::Service))
                .flatten();
            // modifiers, then the noun (a modifier can begin the noun itself:
            // "ethnic armed groups")
            let mut head = at;
            let irregular = service.or_else(|| loop {
                let noun = phrases::phrase_at(k, t, head, Class::Irregular)
                    .or_else(|| phrases::phrase_at(k, t, head, Class::Collective));
                if let Some(e) = noun {
                    break Some(e);
                }
                match phrases::phrase_at(k, t, head, Class::GroupModifier) {
                    Some(e) => head = e,
                    None => break None,
                }
            });
            let Some(end) = irregular.filter(|&e| e <= s.last) else {
                at = head.max(at + 1);
                continue;
            };
            let start = if at > s.first && toks[at - 1].norm == "the" {
                at - 1
            } else {
                at
            };
            let free = (start..end).all(|y| m.cover[y].is_none());
            // the word before: none, a verb or preposition in lower case, or punctuation
            let open = start == s.first
                || toks.get(start - 1).is_some_and(|p| {
                    m.cover[start - 1].is_none()
                        && p.norm != "-"
                        && p.norm != "'s"
                        && !(p.kind == TokKind::Word && p.capitalised)
                        && (start < at || {
                            let article = matches!(p.norm.as_str(), "a" | "an" | "one" | "another");
                            let participle =
                                p.norm.ends_with("ed") && !triggers.starts_verb(&p.norm);
                            !article && !participle
                        })
                });
            // an owner after it, or a compound ("rebel-held")
            let owned = toks.get(end).is_some_and(|x| {
                let owner = matches!(x.norm.as_str(), "loyal" | "under" | "commanded")
                    || matches!(x.norm.as_str(), "of" | "in" | "from" | "within")
                        && (end + 1..s.last.min(end + 4)).any(|y| m.cover[y].is_some());
                owner || (x.norm == "-" && !x.space_before)
            });
            if free && open && !owned {
                let etype = if service.is_some() {
                    EntityType::ArmedForce
                } else {
                    EntityType::Group
                };
                let e = common_noun_actor(text, t, m, etype, at, end);
                let mut g = Mention::of_entity(start, end, e, Via::Phrase);
                g.force = Some(span_text(text, t, head, end));
                m.push(g);
            }
            at = end;
        }
    }
}

/// The actor named by the common noun of tokens `a..b` alone, labelled by
/// it in lower case ("rebels", "army", "government forces", "junta"): what a
/// phrase with no named owner is when the text names no state or group it
/// could belong to.
pub(super) fn common_noun_actor(
    text: &str,
    t: &Text,
    m: &mut Mentions,
    etype: EntityType,
    a: usize,
    b: usize,
) -> usize {
    let label = span_text(text, t, a, b).to_lowercase();
    m.entity(Entity::new(etype, label))
}

/// Whether the text names no state, by name, capital or adjective, nor
/// through a person, force or group of one (what [`state_counts`] counts).
pub(super) fn names_no_state(k: &Knowledge, m: &Mentions) -> bool {
    mention_states(k, m, m.cover.len()).next().is_none()
}

/// Whether `e` is a group named by a common noun of class `collective`
/// ("protesters", "rights groups"): an actor that never deploys forces.
pub(crate) fn unarmed_collective(k: &Knowledge, e: &Entity) -> bool {
    // (the noun after any modifiers: "local protesters")
    let label = e.label.as_str();
    common_noun_group(e)
        && std::iter::once(0)
            .chain(label.match_indices(' ').map(|(i, _)| i + 1))
            .any(|i| k.is(Class::Collective, &label[i..]))
}

/// Whether `e` is a group that `unnamed_groups` named by its common noun
/// ("rebels", "ethnic armed groups"): the only labels in lower case.
fn common_noun_group(e: &Entity) -> bool {
    e.etype == EntityType::Group && e.label.starts_with(|c: char| c.is_lowercase())
}

/// The state named last after "in" in the sentence before token `at`, the
/// scene of the fighting a text opens with: "a truce in Sudan … a
/// ceasefire between the army and the Rapid Support Forces".
fn scene_state(k: &Knowledge, t: &Text, m: &Mentions, at: usize) -> Option<usize> {
    let sentence = &t.sentences[t.sentence_of(at)];
    let first = sentence.first;
    // a state's paramilitary force in the sentence: "The army has been at
    // war with the RSF" is Sudan's army
    let paramilitary = (first..sentence.last).find_map(|i| {
        let Ref::Entity(e) = m.list[m.cover[i]?].referent else {
            return None;
        };
        let o = k.org_by_name(&m.entities[e].label)?;
        (k.orgs[o].regular == Some(crate::knowledge::Regular::Paramilitary))
            .then(|| k.state_by_name(k.orgs[o].parent.as_deref()?))
            .flatten()
    });
    if paramilitary.is_some() {
        return paramilitary;
    }
    (first + 1..at).rev().find_map(|i| {
        let mi = m.cover[i]?;
        match m.list[mi].referent {
            Ref::Entity(e)
                if m.list[mi].first == i
                    && t.tokens[i - 1].norm == "in"
                    && m.entities[e].etype == EntityType::State =>
            {
                k.state_by_name(&m.entities[e].label)
            }
            _ => None,
        }
    })
}

/// Whether "of" and a name follow token `end`: "the army of Sudan", "the
/// government of the Central African Republic" (not "accused the army of
/// bombing …").
fn owner_follows(toks: &[crate::text::Token], end: usize) -> bool {
    let named_after = |x: usize| {
        toks.get(x).is_some_and(|y| y.capitalised)
            || (toks.get(x).is_some_and(|y| y.norm == "the")
                && toks.get(x + 1).is_some_and(|y| y.capitalised))
    };
    toks.get(end).is_some_and(|x| x.norm == "of") && named_after(end + 1)
}

/// "The government", "the junta", "the authorities" with no owner named
/// are the government of the state the document is about
/// ([`salient_state`]): "Sudan's army shelled Darfur. The government
/// accused the RSF …", "Syrian rebels accused the government of …";
/// "government forces" are its regular army.
fn definite_governments(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions, stateless: bool) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(1) {
        // "government forces", "government troops" (not "pro-government
        // militias"): the salient state's regular army or police
        if toks[at].norm == "government"
            && m.cover[at].is_none()
            && !(at > 0 && toks[at - 1].norm == "-")
        {
            let police = phrases::phrase_at(k, t, at + 1, Class::Police);
            if let Some(end) = police.or_else(|| phrases::phrase_at(k, t, at + 1, Class::Force)) {
                let force = match salient_state(k, m, at) {
                    Some(st) => regular_force(k, m, st, police.is_some()),
                    // ("Rebels accused government forces of …" naming no state)
                    None if stateless => Some(common_noun_actor(
                        text,
                        t,
                        m,
                        EntityType::ArmedForce,
                        at,
                        end,
                    )),
                    None => None,
                };
                if let Some(e) = force {
                    let mut mm = Mention::of_entity(at, end, e, Via::Phrase);
                    mm.force = Some(span_text(text, t, at + 1, end));
                    m.push(mm);
                }
            }
            continue;
        }
        if toks[at].norm != "the" || m.cover[at + 1].is_some() {
            continue;
        }
        let Some(end) = phrases::phrase_at(k, t, at + 1, Class::BareGovernment) else {
            continue;
        };
        // not "the government of Sudan", "the regime in Damascus", "the
        // government-backed militia", "the Government Palace" (but "accused
        // the government of bombing …" and "the government's army" are it)
        let owned = owner_follows(toks, end)
            || toks.get(end).is_some_and(|x| {
                (x.norm == "in" && toks.get(end + 1).is_some_and(|y| y.capitalised))
                    || x.norm == "-"
                    || x.capitalised && x.kind == TokKind::Word
            });
        if owned || (at + 1..end).any(|x| m.cover[x].is_some()) {
            continue;
        }
        // the noun repeated from an earlier phrase is that phrase's
        // government ("the ethnic Albanian-led government … reject the
        // authority of the government", "Myanmar junta … The junta has
        // accused …"), found or not
        let head = &toks[end - 1].norm;
        let before = (0..at).rev().find(|&j| toks[j].norm == *head);
        // (that phrase's owner is a name within it, a possessive owning the
        // whole phrase: "Sudan's army-aligned government"; a name before a
        // hyphen only leads or backs it: "the Albanian-led government" is
        // no government of Albania; no earlier phrase: the salient state)
        let owner = before.map(|j| {
            m.cover[j].or_else(|| {
                (j.saturating_sub(5)..j)
                    .rev()
                    .take_while(|&x| {
                        m.cover[x].is_some()
                            || toks[x].norm == "-"
                            || toks[x].norm == "'s"
                            || (toks[x].kind == TokKind::Word
                                && !toks[x].capitalised
                                && !crate::text::DETERMINERS.contains(&toks[x].norm.as_str()))
                    })
                    .find_map(|x| m.cover[x])
                    .filter(|&mi| {
                        let x = &m.list[mi];
                        toks.get(x.last).is_none_or(|y| y.norm != "-")
                            || (x.first..x.last).any(|y| toks[y].norm == "'s")
                    })
            })
        });
        let state = match owner {
            Some(mi) => mi.and_then(|mi| m.state_of(&m.list[mi].referent)),
            None => salient_state(k, m, at)
                .or_else(|| salient_state_not_named(k, t, m, at))
                .map(|st| m.state(k, st))
                // a text naming no state at all: "The junta accused the
                // rebels of …" is an actor of its own, the junta
                .or_else(|| {
                    stateless.then(|| {
                        common_noun_actor(text, t, m, EntityType::Organisation, at + 1, end)
                    })
                }),
        };
        if let Some(e) = state {
            m.push(Mention::of_entity(at, end, e, Via::Phrase));
        }
    }
}

/// The entity of the mention nearest before token `to` (back to token
/// `from`) whose mention and entity satisfy `f`.
fn last_entity(
    m: &Mentions,
    from: usize,
    to: usize,
    f: impl Fn(&Mention, &Entity) -> bool,
) -> Option<usize> {
    (from..to).rev().find_map(|j| {
        let x = &m.list[m.cover[j]?];
        let Ref::Entity(e) = x.referent else {
            return None;
        };
        f(x, &m.entities[e]).then_some(e)
    })
}

/// The non-state armed actor named strictly most often before token `at`
/// (none on a tie).
fn salient_armed_group(k: &Knowledge, m: &Mentions, at: usize) -> Option<usize> {
    let counts = tally(m, at, |r| match *r {
        Ref::Entity(e) if non_state_armed(k, &m.entities[e]) => Some(e),
        _ => None,
    });
    match counts.as_slice() {
        [(e, _)] => Some(*e),
        [(e, n), (_, n2), ..] if n > n2 => Some(*e),
        _ => None,
    }
}

/// How often the mentions before token `before` name each entity that
/// `of` gives for their referent, most often first (ties in order of the
/// mention list).
fn tally(m: &Mentions, before: usize, of: impl Fn(&Ref) -> Option<usize>) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for x in m.list.iter().filter(|x| x.first < before) {
        if let Some(e) = of(&x.referent) {
            match counts.iter_mut().find(|c| c.0 == e) {
                Some(c) => c.1 += 1,
                None => counts.push((e, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

/// A state's regular army or police: the force of `organisations.tsv`
/// marked so (the IDF), else its generic one ("Serbian Armed Forces").
fn regular_force(k: &Knowledge, m: &mut Mentions, st: usize, police: bool) -> Option<usize> {
    let head = if police {
        phrases::Head::Police
    } else {
        phrases::Head::Force
    };
    phrases::state_head_entity(k, m, st, head)
}

/// The state (index in `k.states`) of the commander of "the army" at
/// `at`: right after a verb of class `command` (a phrase of up to three
/// words ending before "the": "ordered", "called in"), the nearest
/// actor named before the verb in the sentence, if it has a state
/// ("Serbia's president ordered the army …", "In Belgrade, President …
/// put the army on alert"), with `speech` also after a verb of saying
/// ("Indian officials said the army had moved …"); a place is skipped, any
/// other actor without a state ends the search ("the RSF ordered the army
/// …" finds none).
fn commander_state(
    k: &Knowledge,
    t: &Text,
    m: &Mentions,
    at: usize,
    speech: bool,
) -> Option<usize> {
    let first = t.sentences[t.sentence_of(at)].first;
    // (or a verb of saying, with or without "that": "Indian officials said
    // the army had moved troops to the Line of Control" is India's; not
    // "accused the army of …")
    let that = at > first && t.tokens[at - 1].norm == "that";
    let verb = (first..at).rev().take(3).find(|&v| {
        (!that && phrases::phrase_at(k, t, v, Class::Command) == Some(at))
            || (speech
                && phrases::phrase_at(k, t, v, Class::Inverting)
                    == Some(if that { at - 1 } else { at }))
    })?;
    let mut j = verb;
    while j > first {
        j -= 1;
        let Some(mi) = m.cover[j] else { continue };
        let x = &m.list[mi];
        j = x.first;
        if let Ref::Entity(e) = x.referent {
            if m.entities[e].etype == EntityType::Place {
                continue;
            }
        }
        let e = m.state_of(&x.referent)?;
        return k.state_by_name(&m.entities[e].label);
    }
    None
}

/// "The bloc", "the alliance", "the organisation" refer back to the
/// organisation named last in the same or the three previous sentences
/// ("Mali, Burkina Faso and Niger withdrew from ECOWAS, accusing the bloc
/// of …" is ECOWAS, not the EU); "the mission" also to a named armed force
/// ("KFOR … The mission sent additional patrols"); a noun of class
/// `org_noun` to the organisation, group or force named last whose name
/// has that word ("the International Court of Justice … the court's
/// jurisdiction", "the Security Council … the council").
fn definite_organisations(k: &Knowledge, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for at in 0..toks.len().saturating_sub(1) {
        if toks[at].norm != "the" || m.cover[at + 1].is_some() {
            continue;
        }
        let noun = toks[at + 1].norm.as_str();
        let mission = noun == "mission";
        let generic =
            mission || matches!(noun, "bloc" | "alliance" | "organisation" | "organization");
        let named = !generic && !toks[at + 1].capitalised && k.is(Class::OrgNoun, noun);
        let next = toks.get(at + 2).map_or("", |x| x.norm.as_str());
        if !(generic || named)
            || (generic && matches!(next, "'s" | "-"))
            // ("the authority of the court" is no name; "accused the council of bias" is)
            || (named && next == "-")
            || (named
                && next == "of"
                && toks.get(at + 3).is_some_and(|x| {
                    crate::text::DETERMINERS.contains(&x.norm.as_str())
                        || matches!(x.norm.as_str(), "this" | "that")
                }))
            // ("the Alliance of Sahel States" names itself; "accused the bloc of …" does not)
            || (next == "of" && toks.get(at + 3).is_some_and(|x| x.capitalised))
        {
            continue;
        }
        let has_word = |label: &str| {
            label
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(noun))
        };
        let floor = t.sentences[t.sentence_of(at).saturating_sub(3)].first;
        let antecedent = last_entity(m, floor, at, |x, ent| {
            if named {
                matches!(
                    ent.etype,
                    EntityType::Organisation | EntityType::Group | EntityType::ArmedForce
                ) && has_word(&ent.label)
            } else {
                ent.etype == EntityType::Organisation
                    || (mission && x.via == Via::Name && ent.etype == EntityType::ArmedForce)
            }
        });
        if let Some(e) = antecedent {
            m.push(Mention::of_entity(at, at + 2, e, Via::Phrase));
        }
    }
}

/// The state the document is about so far: named first and strictly most
/// often before token `at` (by name, capital or adjective, or through a
/// person, force or group of it); none when the two disagree.
pub(super) fn salient_state(k: &Knowledge, m: &Mentions, at: usize) -> Option<usize> {
    let counts = state_counts(k, m, at);
    match counts.as_slice() {
        [(st, _, _)] => Some(*st),
        [(st, n, first), (_, n2, _), ..] if n > n2 && counts.iter().all(|c| c.2 >= *first) => {
            Some(*st)
        }
        _ => None,
    }
}

/// Of two states named equally often before token `at`, the one not named
/// again later in its sentence, up to `last`: "Armenia said Azerbaijani
/// troops had shelled villages. The foreign ministry accused Baku of …"
/// (no one acts on itself).
pub(super) fn salient_state_not_named(
    k: &Knowledge,
    t: &Text,
    m: &Mentions,
    at: usize,
) -> Option<usize> {
    let counts = state_counts(k, m, at);
    let [(a, n, _), (b, n2, _), rest @ ..] = counts.as_slice() else {
        return None;
    };
    if n != n2 || rest.first().is_some_and(|c| c.1 == *n) {
        return None;
    }
    let last = t.sentences[t.sentence_of(at)].last;
    let named = |st: usize| {
        (at..last).any(|j| {
            m.cover[j].is_some_and(|mi| match m.list[mi].referent {
                Ref::Entity(e) if m.entities[e].etype == EntityType::State => {
                    k.state_by_name(&m.entities[e].label) == Some(st)
                }
                Ref::Adjective(s) => s == st,
                _ => false,
            })
        })
    };
    match (named(*a), named(*b)) {
        (true, false) => Some(*b),
        (false, true) => Some(*a),
        _ => None,
    }
}

/// The states the mentions before token `at` speak of, with each
/// mention's first token, in order (what [`state_counts`] counts).
fn mention_states<'a>(
    k: &'a Knowledge,
    m: &'a Mentions,
    at: usize,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut j = 0;
    std::iter::from_fn(move || {
        while j < at {
            let Some(mi) = m.cover[j] else {
                j += 1;
                continue;
            };
            let first = j;
            j = m.list[mi].last.max(j + 1);
            let st = match m.list[mi].referent {
                Ref::Entity(e) if m.entities[e].etype == EntityType::State => {
                    k.state_by_name(&m.entities[e].label)
                }
                Ref::Adjective(st) => Some(st),
                // ("Sudan's army", "Sudanese President …" and "Sudanese
                // rebels" speak of Sudan)
                // (a listed force of a state the text does not name: "The RSF
                // blamed the army" speaks of Sudan)
                Ref::Entity(e) => m
                    .affiliated_state(e)
                    .and_then(|s| k.state_by_name(&m.entities[s].label))
                    .or_else(|| m.homes.iter().find(|h| h.0 == first).map(|h| h.1))
                    .or_else(|| {
                        let o = k.org_by_name(&m.entities[e].label)?;
                        k.state_by_name(k.orgs[o].parent.as_deref()?)
                    }),
                _ => None,
            };
            if let Some(st) = st {
                return Some((first, st));
            }
        }
        None
    })
}

/// The states named before token `at` (by name, adjective or a listed
/// body's state): (state, count, first token), most often first.
fn state_counts(k: &Knowledge, m: &Mentions, at: usize) -> Vec<(usize, usize, usize)> {
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (state, count, first)
    for (j, st) in mention_states(k, m, at) {
        match counts.iter_mut().find(|c| c.0 == st) {
            Some(c) => c.1 += 1,
            None => counts.push((st, 1, j)),
        }
    }
    // (only when unambiguous: named first and strictly most often)
    counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    counts
}

/// "the two countries", "both sides", "the three states", "the two
/// nuclear-armed neighbours" refer back to the nearest list (names joined by
/// commas and "and") of exactly that many actors in the same or the two
/// previous sentences — states for the nouns of states ("countries",
/// "nations", "governments"), any actor for "sides", "parties", "allies",
/// places and states for the nouns of places ("the two regions",
/// "the two breakaway republics").
fn numbered_sets(k: &Knowledge, t: &Text, m: &mut Mentions) {
    const STATE_NOUNS: &[&str] = &[
        "countries",
        "states",
        "nations",
        "governments",
        "neighbours",
        "neighbors",
        "capitals",
    ];
    const ACTOR_NOUNS: &[&str] = &[
        "sides",
        "parties",
        "allies",
        "powers",
        "rivals",
        "adversaries",
        "leaders",
        "generals",
        "presidents",
    ];
    const PLACE_NOUNS: &[&str] = &[
        "regions",
        "republics",
        "territories",
        "provinces",
        "enclaves",
        "islands",
        "entities",
    ];
    let toks = &t.tokens;
    let n = toks.len();
    for at in 0..n {
        // ("each side blames the other": each of two)
        let each = toks[at].norm == "each";
        let count = match toks[at].norm.as_str() {
            "both" | "each" => 2,
            w => match crate::text::number_word(w) {
                Some(c) if (2..=5).contains(&c) => c,
                _ => continue,
            },
        };
        // "the two …", "these three …", "both …" (not "two soldiers of …", "both X and Y")
        let det = at > 0
            && matches!(
                toks[at - 1].norm.as_str(),
                "the" | "these" | "those" | "all"
            );
        if !(det || toks[at].norm == "both" || each) {
            continue;
        }
        let start = if det { at - 1 } else { at };
        // up to two lower-case modifiers ("nuclear-armed", "rival")
        let mut j = at + 1;
        // (the noun is singular after "each")
        let kind = |w: &str| {
            if each {
                if matches!(w, "country" | "state" | "nation" | "government") {
                    Some(SetKind::States)
                } else {
                    matches!(w, "side" | "party").then_some(SetKind::Actors)
                }
            } else if STATE_NOUNS.contains(&w) {
                Some(SetKind::States)
            } else if ACTOR_NOUNS.contains(&w) {
                Some(SetKind::Actors)
            } else {
                PLACE_NOUNS.contains(&w).then_some(SetKind::Places)
            }
        };
        // (or a region's name: "the three Sahel states", "the two Baltic states")
        let region = |x: usize| {
            m.cover[x].is_some_and(|mi| {
                matches!(m.list[mi].referent, Ref::Entity(e) if m.entities[e].etype == EntityType::Place)
            })
        };
        let mut regions = false;
        while j < n
            && j < at + 5
            && kind(&toks[j].norm).is_none()
            && (toks[j].norm == "-"
                || (toks[j].kind == TokKind::Word && !toks[j].capitalised)
                || region(j))
        {
            regions |= region(j);
            j += 1;
        }
        let Some(noun) = toks.get(j).map(|x| x.norm.as_str()) else {
            continue;
        };
        let Some(set_kind) = kind(noun) else {
            continue;
        };
        if (start..=j).any(|x| m.cover[x].is_some() && !region(x)) {
            continue;
        }
        let floor = t.sentences[t.sentence_of(start).saturating_sub(2)].first;
        let set = nearest_list(t, m, floor, start, count, set_kind).or_else(|| {
            (count == 2 && set_kind == SetKind::Actors)
                .then(|| {
                    belligerents(k, t, m, floor, start)
                        .or_else(|| between_pair(k, t, m, start))
                        .or_else(|| armed_pair(k, m, start, &|_| true))
                        .or_else(|| salient_pair(m, start))
                })
                .flatten()
        });
        let Some(set) = set else {
            continue;
        };
        let set = Mention {
            first: start,
            last: j + 1,
            referent: Ref::Set(set),
            via: Via::Phrase,
            force: None,
            hyphen: None,
        };
        if regions {
            m.replace(set);
        } else {
            m.push(set);
        }
    }
}

/// What a numbered set ("the two countries", "both sides", "the two
/// regions") may refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SetKind {
    States,
    Actors,
    Places,
}

/// The entities of the last list of exactly `count` entities of `kind` in
/// tokens `floor..before`: mentions joined by ",", "and", ", and", "&".
fn nearest_list(
    t: &Text,
    m: &Mentions,
    floor: usize,
    before: usize,
    count: usize,
    kind: SetKind,
) -> Option<Vec<usize>> {
    let fits = |e: usize| {
        let et = m.entities[e].etype;
        match kind {
            SetKind::States => et == EntityType::State,
            // (a group named by a common noun, "gunmen", "rebels", is no
            // principal party: "the gunmen, and Kosovo police said …" is no
            // list of "the two sides")
            SetKind::Actors => et.is_actor() && !common_noun_group(&m.entities[e]),
            SetKind::Places => matches!(et, EntityType::Place | EntityType::State),
        }
    };
    // a list in the phrase's own clause is its subject, not its antecedent
    // ("Egyptian and Qatari officials shuttled between the two sides")
    let sentence = t.sentence_of(before);
    let other_clause = |end: usize| {
        t.sentence_of(end) != sentence
            || (end..before).any(|i| matches!(t.tokens[i].norm.as_str(), "," | ";" | ":"))
    };
    let mut best: Option<Vec<usize>> = None;
    let mut run: Vec<usize> = Vec::new();
    let mut run_end = floor;
    let mut close = |run: &mut Vec<usize>, run_end: usize| {
        if run.len() == count && other_clause(run_end) {
            best = Some(std::mem::take(run));
        }
        run.clear();
    };
    let mut i = floor;
    while i < before {
        let Some(mi) = m.cover[i] else {
            // a separator continues the list only when a name follows it
            let sep = matches!(t.tokens[i].norm.as_str(), "," | "and" | "&");
            if !sep || run.is_empty() {
                close(&mut run, run_end);
            }
            i += 1;
            continue;
        };
        let mention = &m.list[mi];
        match mention.referent {
            Ref::Entity(e) if fits(e) => {
                if !run.contains(&e) {
                    run.push(e);
                }
                run_end = mention.last;
            }
            _ => close(&mut run, run_end),
        }
        i = mention.last.max(i + 1);
    }
    close(&mut run, run_end);
    best
}

/// "Both sides", "the two sides" with no list before them: the two
/// belligerents of the last sentence in `floor..before` that tells of
/// hostilities (lexicon class `hostilities`): its first armed actor and the
/// first after the hostilities word ("The RSF, led by …, has been fighting
/// the army since April 2023. … both sides accuse each other …").
fn belligerents(
    k: &Knowledge,
    t: &Text,
    m: &Mentions,
    floor: usize,
    before: usize,
) -> Option<Vec<usize>> {
    // states, armed forces and armed groups fight; a people does not
    // ("clashes between Albanians and Serbian forces" are no two sides)
    let actor = |i: usize| {
        let Ref::Entity(e) = m.list[m.cover[i]?].referent else {
            return None;
        };
        let ent = &m.entities[e];
        (matches!(ent.etype, EntityType::State | EntityType::ArmedForce) || non_state_armed(k, ent))
            .then_some(e)
    };
    let last_sentence = t.sentence_of(before.saturating_sub(1));
    let first_sentence = t.sentence_of(floor);
    (first_sentence..=last_sentence).rev().find_map(|si| {
        let s = &t.sentences[si];
        let end = s.last.min(before);
        let war = (s.first..end)
            .find(|&i| m.cover[i].is_none() && k.is(Class::Hostilities, &t.tokens[i].norm))?;
        let first = (s.first..war).find_map(actor)?;
        let second = (war..end).find_map(actor).filter(|&e| e != first)?;
        Some(vec![first, second])
    })
}

/// The actor a mention starting at token `i` names (over a "the" before
/// it), with the mention's end: "loyal to the M23", "between the army and
/// …".
fn actor_at(t: &Text, m: &Mentions, i: usize) -> Option<(usize, usize)> {
    let i = if t.tokens.get(i).is_some_and(|x| x.norm == "the") && m.cover[i].is_none() {
        i + 1
    } else {
        i
    };
    let mi = m.cover.get(i).copied().flatten()?;
    match m.list[mi].referent {
        Ref::Entity(e) if m.list[mi].first == i && m.entities[e].etype.is_actor() => {
            Some((e, m.list[mi].last))
        }
        _ => None,
    }
}

/// The last pair of actors named before token `before` as "between A and
/// B" after a word of talks or hostilities: "a permanent ceasefire between
/// the army and the Rapid Support Forces … hosted talks between the two
/// sides in Jeddah".
fn between_pair(k: &Knowledge, t: &Text, m: &Mentions, before: usize) -> Option<Vec<usize>> {
    let toks = &t.tokens;
    let actor = |i: usize| actor_at(t, m, i);
    (1..before.saturating_sub(3)).rev().find_map(|i| {
        if toks[i].norm != "between" || m.cover[i].is_some() {
            return None;
        }
        let told = (i.saturating_sub(3)..i)
            .any(|j| k.is(Class::Talks, &toks[j].norm) || k.is(Class::Hostilities, &toks[j].norm));
        let (a, end) = actor(i + 1).filter(|_| told)?;
        let (b, _) = actor(end + 1).filter(|_| toks.get(end).is_some_and(|x| x.norm == "and"))?;
        (a != b).then(|| vec![a, b])
    })
}

/// The two actors the text names most often before token `until` (ties to
/// the first named), when both are armed forces or non-state armed actors
/// and pass `ok`: the sides of a civil war ("the army" and "the RSF").
pub(crate) fn armed_pair(
    k: &Knowledge,
    m: &Mentions,
    until: usize,
    ok: &dyn Fn(usize) -> bool,
) -> Option<Vec<usize>> {
    let mut counts: Vec<(usize, usize, usize)> = Vec::new(); // (entity, count, first)
    for mm in m.list.iter().filter(|x| x.first < until) {
        let Ref::Entity(e) = mm.referent else {
            continue;
        };
        if !m.entities[e].etype.is_actor() || !ok(e) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == e) {
            Some(c) => c.1 += 1,
            None => counts.push((e, 1, mm.first)),
        }
    }
    counts.sort_by_key(|&(_, n, first)| (std::cmp::Reverse(n), first));
    let armed = |e: usize| {
        let ent = &m.entities[e];
        ent.etype == EntityType::ArmedForce || non_state_armed(k, ent)
    };
    match counts.as_slice() {
        [(a, _, _), (b, _, _), ..] if armed(*a) && armed(*b) => Some(vec![*a, *b]),
        _ => None,
    }
}

/// The two states the text names most often before token `before`, each
/// at least twice and both more than any other: "each side accused the
/// other" in an article about India and Pakistan, with neither named in
/// the sentences just before.
fn salient_pair(m: &Mentions, before: usize) -> Option<Vec<usize>> {
    // a state counts by its name, its adjective and the people and
    // forces it has ("Serbian President …", "Kosovo police"); most
    // mentioned first (the pair is a set: its order does not matter)
    let counts = tally(m, before, |r| m.state_of(r));
    match counts.as_slice() {
        [a, b, rest @ ..] if b.1 >= 2 && rest.first().is_none_or(|c| c.1 < b.1) => {
            Some(vec![a.0, b.0])
        }
        _ => None,
    }
}

/// Whether an entity is a non-state armed actor "the rebels" or "the
/// militants" can refer to: an armed group of `organisations.tsv` ("M23"),
/// a group named by an `irregular` noun ("Syrian rebels") or an
/// organisation named by an `org_head` ("the Arakan Army").
pub(crate) fn non_state_armed(k: &Knowledge, e: &Entity) -> bool {
    let last = e
        .label
        .rsplit(' ')
        .next()
        .map(crate::text::fold)
        .unwrap_or_default();
    match e.etype {
        // (a listed group whatever its name: "the Arakan Army"; a listed
        // force of no state or organisation, or a state's paramilitary one:
        // "the Syrian Democratic Forces", "the Rapid Support Forces"; not a
        // state's army or a mission: "the Israel Defense Forces", "KFOR")
        EntityType::Group | EntityType::ArmedForce => {
            k.org_by_name(&e.label).is_some_and(|o| {
                let org = &k.orgs[o];
                !org.collective
                    && (org.etype == EntityType::Group
                        || org.parent.is_none()
                        || org.regular == Some(crate::knowledge::Regular::Paramilitary))
            }) || k.is(Class::Irregular, &last)
        }
        EntityType::Organisation => {
            k.org_by_name(&e.label).is_none() && k.is(Class::OrgHead, &last)
        }
        _ => false,
    }
}

/// Finds the mentions of a document.
pub fn find(k: &Knowledge, text: &str, from: usize, t: &Text) -> Mentions {
    let mut m = Mentions {
        cover: vec![None; t.tokens.len()],
        ..Mentions::default()
    };
    let spans = gazetteer_spans(k, text, from, t);
    for s in &spans {
        if let Hit::Role(r) = s.hit {
            m.roles.insert(s.first, (s.last, r));
            m.role_ends.insert(s.last, (s.first, r));
        }
    }
    let names: Vec<Span> = spans
        .into_iter()
        .filter(|s| !matches!(s.hit, Hit::Role(_)))
        .collect();
    ships(k, t, &mut m);
    // Persons first: their spans must not be claimed by other phrases.
    persons::find_strong(k, text, t, &names, &mut m);
    named_organisations(k, text, t, &names, &mut m);
    places::find(k, text, t, &names, &mut m);
    phrases::find(k, text, t, &names, &mut m);
    regional_peoples(text, t, &names, &mut m);
    community_forces(k, text, t, &mut m);
    patron_groups(k, text, t, &mut m);
    backed_governments(k, t, &mut m);
    named_owners(t, &mut m);
    persons::find_weak(k, text, t, &mut m);
    the_direction(k, t, &mut m);
    persons::resolve_roles(k, text, t, &mut m);
    person_governments(k, t, &mut m);
    loyal_forces(k, text, t, &mut m);
    located_police(k, text, t, &mut m);
    // (what the phrases below fall back on; none of them names a state
    // when the text named none)
    let stateless = names_no_state(k, &m);
    definite_forces(k, text, t, &mut m, stateless);
    unnamed_groups(k, text, t, &mut m, stateless);
    definite_governments(k, text, t, &mut m, stateless);
    definite_organisations(k, t, &mut m);
    commanded_forces(k, text, t, &mut m);
    numbered_sets(k, t, &mut m);
    acronyms(k, text, t, &mut m);
    pronouns(k, t, &mut m);
    m.finish();
    m
}

/// "Kurti's government blamed Belgrade": a person's government as a
/// clause's subject is the government of the person's state (the person
/// when no state is known), not a possessor beside the clause.
fn person_governments(k: &Knowledge, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for (first, last, e, end) in person_possessions(k, t, m, Class::Government) {
        // (a subject: at the clause's start, not after a verb or preposition)
        let opens = first == 0
            || t.sentences[t.sentence_of(first)].first == first
            || matches!(
                toks[first - 1].norm.as_str(),
                "," | "and" | "but" | "while" | "as" | "after" | "when"
            )
            || toks[first - 1].kind == TokKind::OpenQuote;
        let verb_after = toks.get(end).is_some_and(|y| {
            y.kind == TokKind::Word
                && !y.capitalised
                && (y.norm.ends_with("ed")
                    || k.is(Class::Auxiliary, &y.norm)
                    || k.is(Class::Speech, &y.norm))
        });
        if !opens || !verb_after || (last + 1..end).any(|i| m.cover[i].is_some()) {
            continue;
        }
        let state = m.affiliated_state(e);
        m.replace(Mention::of_entity(
            first,
            end,
            state.unwrap_or(e),
            Via::Phrase,
        ));
    }
}

/// Naval ships named with their navy's prefix (lexicon row `ship_prefix`):
/// "USS Gerald R. Ford", "HMS Prince of Wales" is a force of that state.
fn ships(k: &Knowledge, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    for i in 0..toks.len() {
        if !toks[i].all_caps || m.cover[i].is_some() {
            continue;
        }
        let Some(&st) = k.ship_prefixes.get(toks[i].norm.as_str()) else {
            continue;
        };
        // the ship's name: capitalised words, initials ("R."), "of" between
        // names, a hull number ("Ford-class" is no name)
        let mut j = i + 1;
        while j < toks.len() && j < i + 7 && !toks[j].newline_before {
            let x = &toks[j];
            let name = x.kind == TokKind::Word && x.capitalised;
            let initial = x.norm == "." && !x.space_before && toks[j - 1].norm.chars().count() == 1;
            let of = x.norm == "of" && toks.get(j + 1).is_some_and(|y| y.capitalised);
            if !(name || (j > i + 1 && (initial || of))) {
                break;
            }
            j += 1;
        }
        if j == i + 1 || toks.get(j).is_some_and(|x| x.norm == "-") {
            continue;
        }
        if let Some(e) = phrases::state_head_entity(k, m, st, phrases::Head::Force) {
            m.push(Mention::of_entity(i, j, e, Via::Phrase));
        }
    }
}

/// Maps gazetteer hits onto token boundaries, dropping those that split a token.
pub fn gazetteer_spans(k: &Knowledge, text: &str, from: usize, t: &Text) -> Vec<Span> {
    // tokens are sorted by offset: a hit fits when both ends fall on token boundaries
    let toks = &t.tokens;
    let token_starting = |s: usize| toks.binary_search_by_key(&s, |x| x.start).ok();
    let token_ending = |e: usize| toks.binary_search_by_key(&e, |x| x.end).ok();
    let mut spans: Vec<Span> = k
        .scan(text, from)
        .into_iter()
        .filter_map(|(s, e, hit)| {
            let (a, b) = (token_starting(s)?, token_ending(e)?);
            // a lower-case head before "of" and a name is a common noun: "the
            // southern Gaza city of Rafah" names Rafah, not Gaza City
            let common_head = matches!(hit, Hit::Place(_))
                && b > a
                && !toks[b].capitalised
                && toks.get(b + 1).is_some_and(|x| x.norm == "of")
                && toks.get(b + 2).is_some_and(|x| x.capitalised);
            if common_head {
                return None;
            }
            Some(Span {
                first: a,
                last: b + 1,
                hit,
            })
        })
        .collect();
    // longest first among the names that fit token boundaries; an alias
    // starting with "the" yields to a name it overlaps ("the Polisario Front")
    let starts_the = |s: &Span| t.tokens[s.first].norm == "the";
    spans.sort_by_key(|s| (std::cmp::Reverse(s.last - s.first), starts_the(s), s.first));
    let mut taken = vec![false; t.tokens.len()];
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if (s.first..s.last).all(|i| !taken[i]) {
            taken[s.first..s.last].iter_mut().for_each(|x| *x = true);
            out.push(s);
        }
    }
    out.sort_by_key(|s| s.first);
    out
}

/// An all-capital word the gazetteer does not know ("the PLO", "SPLM", "ZANU-PF")
/// names an organisation, unless it is a common non-organisation acronym.
fn acronyms(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let n = t.tokens.len();
    let mut i = 0;
    while i < n {
        let tok = &t.tokens[i];
        let raw = &text[tok.start..tok.end];
        let caps = tok.kind == TokKind::Word
            && (2..=7).contains(&raw.chars().count())
            && raw
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && raw.chars().any(|c| c.is_ascii_uppercase());
        if !caps
            || m.cover[i].is_some()
            || k.is(Class::NotAcronym, &tok.norm)
            || k.is(Class::NotName, &tok.norm)
            || m.roles.contains_key(&i)
        {
            i += 1;
            continue;
        }
        // a whole capitalised line is a headline, not a name
        let line_caps = t.tokens.get(i + 1).is_some_and(|x| {
            !x.newline_before
                && x.kind == TokKind::Word
                && text[x.start..x.end].chars().all(|c| !c.is_lowercase())
        }) || (i > 0
            && !tok.newline_before
            && t.tokens[i - 1].kind == TokKind::Word
            && text[t.tokens[i - 1].start..t.tokens[i - 1].end]
                .chars()
                .all(|c| !c.is_lowercase()));
        // a dateline's city is no name: "YANGON, Jan 20 -", "GOMA -"
        let after = |d: usize| t.tokens.get(i + d).map_or("", |x| x.norm.as_str());
        let dateline = (i == 0 || tok.newline_before)
            && ((after(1) == "," && crate::text::is_month(after(2)))
                || (matches!(after(1), "-" | "–" | "—")
                    && t.tokens.get(i + 1).is_some_and(|x| x.space_before)));
        if dateline {
            i += 1;
            continue;
        }
        // hyphenated: "ZANU-PF"
        let mut end = i + 1;
        if end + 1 < n
            && t.tokens[end].norm == "-"
            && !t.tokens[end].space_before
            && !t.tokens[end + 1].space_before
        {
            let next = &text[t.tokens[end + 1].start..t.tokens[end + 1].end];
            if next
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                end += 2;
            }
        }
        if !line_caps && (i..end).all(|x| m.cover[x].is_none()) {
            let raw = span_text(text, t, i, end);
            // "the Alliance of Sahel States (AES)": the acronym in brackets
            // after a named organisation is its alias, here and later
            let bracketed = (i >= 2 && t.tokens[i - 1].norm == "(")
                .then(|| m.cover[i - 2])
                .flatten()
                .filter(|_| t.tokens.get(end).is_some_and(|x| x.norm == ")"))
                .and_then(|mi| m.entity_of(mi))
                .filter(|&e| {
                    matches!(
                        m.entities[e].etype,
                        EntityType::Organisation | EntityType::Group
                    )
                });
            if let Some(e) = bracketed {
                if !m.entities[e].aliases.contains(&raw) {
                    m.entities[e].aliases.push(raw.clone());
                }
            }
            let known = bracketed.or_else(|| {
                m.entities
                    .iter()
                    .position(|x| x.etype == EntityType::Organisation && x.aliases.contains(&raw))
            });
            let e = match known {
                Some(e) => e,
                None => m.entity(Entity::new(EntityType::Organisation, raw)),
            };
            m.push(Mention::of_entity(i, end, e, Via::Name));
        }
        i = end;
    }
}

fn pronouns(k: &Knowledge, t: &Text, m: &mut Mentions) {
    for (i, tok) in t.tokens.iter().enumerate() {
        if tok.kind != TokKind::Word || m.cover[i].is_some() {
            continue;
        }
        // ("Five EU members, among them Spain and Greece": a phrase of
        // examples, class `examples`, not a pronoun)
        if i > 0 && phrases::phrase_at(k, t, i - 1, Class::Examples) == Some(i + 1) {
            continue;
        }
        let c = k.classes(&tok.norm);
        let kind = if c.has(Class::PronounPerson) {
            PronounKind::Person
        } else if c.has(Class::PronounPlural) {
            PronounKind::Plural
        } else if c.has(Class::PronounThing) {
            PronounKind::Thing
        } else if c.has(Class::PronounWe) && tok.in_quote {
            PronounKind::We
        } else if tok.norm == "there"
            && i > 0
            && !t.tokens[i + 1..].first().is_some_and(|n| {
                matches!(
                    n.norm.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "have"
                        | "has"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                )
            })
        {
            m.push(Mention {
                first: i,
                last: i + 1,
                referent: Ref::There,
                via: Via::Pronoun,
                force: None,
                hyphen: None,
            });
            continue;
        } else {
            continue;
        };
        m.push(Mention {
            first: i,
            last: i + 1,
            referent: Ref::Pronoun(kind),
            via: Via::Pronoun,
            force: None,
            hyphen: None,
        });
    }
}

/// The text of tokens `a..b` as written.
pub fn span_text(text: &str, t: &Text, a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    text[t.tokens[a].start..t.tokens[b - 1].end].to_string()
}

/// An entity named by text as written (a person, a town): its label is the
/// written name without diacritics and with straight apostrophes, so that every
/// article spelling it "Vučić" or "Vucic" labels it alike (exports of separate
/// articles then merge by plain union); the spelling as written, when it
/// differs, is kept as an alias.
pub fn named_entity(etype: EntityType, written: &str) -> Entity {
    use unicode_normalization::UnicodeNormalization;
    let label: String = written
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            'đ' => 'd',
            'Đ' => 'D',
            'ł' => 'l',
            'Ł' => 'L',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        // a word in capitals ("VUCIC") is written as a name ("Vucic")
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
            {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                    .unwrap_or_default()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut e = Entity::new(etype, label);
    let written = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if written != e.label {
        e.aliases.push(written);
    }
    e
}

/// A readable listing of the mentions of a text, for diagnosing patterns:
/// one line per mention, `[text] → referent (via)`.
pub fn describe(text: &str) -> String {
    let k = Knowledge::get();
    let mut t = crate::text::analyse(text, 0);
    t.annotate(k);
    let m = find(k, text, 0, &t);
    let mut out = String::new();
    for mm in &m.list {
        let what = match &mm.referent {
            Ref::Entity(e) => format!(
                "{} ({})",
                m.entities[*e].label,
                m.entities[*e].etype.class_name()
            ),
            other => format!("{other:?}"),
        };
        out.push_str(&format!(
            "[{}] → {} via {:?}\n",
            span_text(text, &t, mm.first, mm.last),
            what,
            mm.via
        ));
    }
    out
}
