//! Noun phrases built on gazetteer names: governments, forces, peoples,
//! ethnic groups, hyphen compounds and coordinated adjectives.

use crate::knowledge::{Class, Hit, Knowledge};
use crate::model::{Entity, EntityType};
use crate::text::{Text, TokKind};

use super::{Mention, Mentions, Ref, Span, Via};

/// The class of a head noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Head {
    /// Government, authorities, leadership, side…
    Government,
    /// Troops, units, jets… (not police).
    Force,
    /// Police.
    Police,
    /// People, population, minority…
    People,
}

/// Words that, after an ethnic group adjective, are absorbed into the group phrase.
const GROUP_NOUNS: &[&str] = &[
    "gangs",
    "groups",
    "fighters",
    "militants",
    "rebels",
    "separatists",
    "community",
    "side",
    "people",
    "population",
    "minority",
    "majority",
    "leaders",
    "politicians",
    "protesters",
    "demonstrators",
];

/// Matches the longest lexicon phrase of `class` starting at token `i`; returns its end.
pub fn phrase_at(k: &Knowledge, t: &Text, i: usize, class: Class) -> Option<usize> {
    let can_start = match t.starts.get(i) {
        Some(c) => c.has(class),
        None => k.starts(class, &t.tokens.get(i)?.norm),
    };
    if !can_start {
        return None;
    }
    let max = k.max_phrase_len;
    let mut best = None;
    let mut words = String::new();
    for len in 1..=max {
        let j = i + len - 1;
        // (the text may end here: a headline without a full stop)
        let Some(tok) = t.tokens.get(j) else {
            break;
        };
        if tok.kind != TokKind::Word && tok.norm != "'" {
            break;
        }
        if len > 1 {
            if tok.newline_before {
                break;
            }
            words.push(' ');
        }
        words.push_str(&tok.norm);
        if k.is(class, &words) {
            best = Some(j + 1);
        }
    }
    best
}

/// Whether a lexicon phrase of `class` starts at token `i` (a hyphenated
/// one, "re-election", is one token once [`Text::annotate`] has joined it).
pub fn class_at(k: &Knowledge, t: &Text, i: usize, class: Class) -> bool {
    phrase_at(k, t, i, class).is_some()
}

/// A chain of modifiers and head nouns starting at `i`: returns its end and the head class.
pub fn head_chain(
    k: &Knowledge,
    t: &Text,
    i: usize,
    cover: &[Option<usize>],
) -> Option<(usize, Head)> {
    let mut j = i;
    let mut head = None;
    let mut end = i;
    let mut police = false;
    let mut force = false;
    // (a chain may start a line, but not run across one)
    while j < t.tokens.len() && cover[j].is_none() && (j == i || !t.tokens[j].newline_before) {
        let tok = &t.tokens[j];
        if tok.kind != TokKind::Word {
            // allow hyphenated modifiers like "Serb-populated" only as words
            break;
        }
        // "military government", "military leaders": an adjective before a government head
        let modifies_government =
            k.is(Class::Modifier, &tok.norm) && phrase_at(k, t, j + 1, Class::Government).is_some();
        // ("Taiwan's air defence identification zone" is a territory)
        if let Some(e) = phrase_at(k, t, j, Class::Force).filter(|&e| {
            !modifies_government && phrase_at(k, t, j, Class::Territory).is_none_or(|te| te <= e)
        }) {
            if phrase_at(k, t, j, Class::Police).is_some() {
                police = true;
            }
            force = true;
            head = Some(Head::Force);
            end = e;
            j = e;
            continue;
        }
        if let Some(e) = phrase_at(k, t, j, Class::Government) {
            if !force {
                head = Some(Head::Government);
            }
            end = e;
            j = e;
            continue;
        }
        if let Some(e) = phrase_at(k, t, j, Class::People) {
            if head.is_none() {
                head = Some(Head::People);
                end = e;
            }
            break;
        }
        if k.is(Class::Modifier, &tok.norm) && j < i + 4 {
            j += 1;
            continue;
        }
        // "Russian MiG-31 fighter jets", "Su-35 jets": a model designation
        // before the force noun
        if let Some(e) = designation_at(t, j).filter(|_| head.is_none() && j < i + 4) {
            j = e;
            continue;
        }
        break;
    }
    let head = head?;
    let head = if head == Head::Force && police {
        Head::Police
    } else {
        head
    };
    Some((end, head))
}

/// A model designation at `i`: a capitalised word, a hyphen and a number
/// written together ("MiG-31", "F-16", "T-72", "Su-35"); returns its end.
pub fn designation_at(t: &Text, i: usize) -> Option<usize> {
    let [w, h, n] = t.tokens.get(i..i + 3)? else {
        return None;
    };
    (w.kind == TokKind::Word
        && w.capitalised
        && h.norm == "-"
        && !h.space_before
        && !n.space_before
        && n.kind == TokKind::Number)
        .then_some(i + 3)
}

/// The entity for a state plus a head class.
pub(super) fn state_head_entity(
    k: &Knowledge,
    m: &mut Mentions,
    s: usize,
    head: Head,
) -> Option<usize> {
    let info = &k.states[s];
    // a state's regular army or police listed in `organisations.tsv` is its
    // force under every name ("Israeli troops" are the Israel Defense Forces)
    let regular = match head {
        Head::Police => Some(crate::knowledge::Regular::Police),
        Head::Force => Some(crate::knowledge::Regular::Army),
        _ => None,
    };
    if let Some(o) = regular.and_then(|r| {
        (0..k.orgs.len()).find(|&o| {
            k.orgs[o].regular == Some(r) && k.orgs[o].parent.as_deref() == Some(&info.name)
        })
    }) {
        m.state(k, s);
        return Some(m.org(k, o));
    }
    // the state exists for salience and borders even if only its force is named
    let state = m.state(k, s);
    let state_key = m.entities[state].key.clone();
    Some(match head {
        Head::Government => state,
        Head::Police => {
            let mut e = Entity::new(EntityType::ArmedForce, format!("{} Police", info.name));
            e.affiliation = Some(state_key);
            m.entity(e)
        }
        Head::Force => {
            let adj = info
                .adjectives
                .first()
                .cloned()
                .unwrap_or_else(|| info.name.clone());
            let mut e = Entity::new(EntityType::ArmedForce, format!("{adj} Armed Forces"));
            e.affiliation = Some(state_key);
            m.entity(e)
        }
        Head::People => {
            let p = people_plural(k, s)?;
            m.entity(Entity::new(EntityType::Group, p))
        }
    })
}

/// The plural noun for a state's people: from `states.tsv`, else derived from
/// its adjective (Albanian → Albanians, Israeli → Israelis, Chinese → Chinese).
pub fn people_plural(k: &Knowledge, s: usize) -> Option<String> {
    let info = &k.states[s];
    if let Some(p) = info.plurals.first() {
        return Some(p.clone());
    }
    let adj = info.adjectives.first()?;
    Some(if adj.ends_with('n') || adj.ends_with('i') {
        format!("{adj}s")
    } else {
        adj.clone()
    })
}

fn group(k: &Knowledge, m: &mut Mentions, place: Option<usize>, people: usize) -> Option<usize> {
    let p = people_plural(k, people)?;
    let label = match place {
        Some(s) if s != people => format!("{} {}", k.states[s].name, p),
        _ => p.clone(),
    };
    Some(m.entity(Entity::new(EntityType::Group, label)))
}

fn state_of(hit: Hit) -> Option<usize> {
    match hit {
        Hit::StateName(s) | Hit::Capital(s) | Hit::Adjective(s) | Hit::Plural(s) => Some(s),
        _ => None,
    }
}

/// Builds actor mentions from the gazetteer spans.
pub fn find(k: &Knowledge, text: &str, t: &Text, names: &[Span], m: &mut Mentions) {
    let toks = &t.tokens;
    let n = toks.len();
    let next_span = |i: usize| super::span_starting(names, i);
    let mut idx = 0;
    while idx < names.len() {
        let s = names[idx];
        idx += 1;
        if (s.first..s.last).any(|x| m.cover[x].is_some()) {
            continue;
        }
        let mut end = s.last;
        // possessive
        let after_pos = if end < n && toks[end].norm == "'s" {
            end + 1
        } else {
            end
        };
        let ethnic_before =
            s.first > 0 && toks[s.first - 1].norm == "ethnic" && m.cover[s.first - 1].is_none();

        // 1. Hyphen compound: "Kosovo-Albanian side", "EU-brokered"
        if end + 1 < n
            && toks[end].norm == "-"
            && !toks[end].space_before
            && !toks[end + 1].space_before
        {
            if let (Some(place), Some(other)) = (state_of(s.hit), next_span(end + 1)) {
                // ("US-Iranian talks", "Russia-Ukrainian relations": two states)
                let bilateral = toks.get(other.last).is_some_and(|x| {
                    k.is(Class::Talks, &x.norm)
                        || k.is(Class::Hostilities, &x.norm)
                        || matches!(
                            x.norm.as_str(),
                            "relations" | "ties" | "border" | "tensions" | "dispute" | "rivalry"
                        )
                });
                if let Hit::Adjective(o) | Hit::Plural(o) = other.hit {
                    if o != place && matches!(s.hit, Hit::StateName(_)) && !bilateral {
                        let mut last = other.last;
                        if last < n && GROUP_NOUNS.contains(&toks[last].norm.as_str()) {
                            last += 1;
                        }
                        if let Some(e) = group(k, m, Some(place), o) {
                            m.push(Mention::of_entity(s.first, last, e, Via::Phrase));
                        }
                        continue;
                    }
                }
            }
            let word = toks[end + 1].norm.clone();
            let hit = match s.hit {
                Hit::Adjective(st) if !ethnic_before => Hit::StateName(st),
                h => h,
            };
            if let Some(e) = base_entity(k, m, hit, ethnic_before) {
                let via = if matches!(s.hit, Hit::Capital(_)) {
                    Via::Capital
                } else {
                    Via::Name
                };
                let mut mm = Mention::of_entity(s.first, end, e, via);
                mm.hyphen = Some(word);
                m.push(mm);
            }
            continue;
        }

        // 2. Ethnic groups: "ethnic Serbs", "Kosovo Serbs", "Kosovo's minority Serbs", "Kosovo Albanian gangs"
        if let Hit::StateName(place) = s.hit {
            let mut j = after_pos;
            while j < n && k.is(Class::Modifier, &toks[j].norm) && j < after_pos + 2 {
                j += 1;
            }
            if let Some(p) = next_span(j) {
                if let Hit::Plural(o) | Hit::Adjective(o) = p.hit {
                    let is_plural = matches!(p.hit, Hit::Plural(_));
                    let mut last = p.last;
                    if !is_plural {
                        if last < n && GROUP_NOUNS.contains(&toks[last].norm.as_str()) {
                            last += 1;
                        } else {
                            last = usize::MAX;
                        }
                    }
                    if last != usize::MAX && o != place {
                        if let Some(e) = group(k, m, Some(place), o) {
                            m.push(Mention::of_entity(s.first, last, e, Via::Phrase));
                            continue;
                        }
                    }
                }
            }
        }
        // "Greek Cypriots", "Bosnian Serbs": a state's adjective before
        // another state's people is a community of that people
        if let (Hit::Adjective(a), Some(p)) = (s.hit, next_span(s.last)) {
            if let (Hit::Plural(o), Some(adj)) = (p.hit, k.states[a].adjectives.first()) {
                if o != a && m.cover[p.first].is_none() {
                    let label = format!("{adj} {}", people_plural(k, o).unwrap_or_default());
                    let e = m.entity(Entity::new(EntityType::Group, label));
                    m.push(Mention::of_entity(s.first, p.last, e, Via::Phrase));
                    continue;
                }
            }
        }
        if let Hit::Plural(p) = s.hit {
            let first = if ethnic_before { s.first - 1 } else { s.first };
            if let Some(e) = group(k, m, None, p) {
                m.push(Mention::of_entity(first, s.last, e, Via::Phrase));
            }
            continue;
        }
        if ethnic_before {
            if let Hit::Adjective(p) = s.hit {
                // "ethnic Albanian fighters", "ethnic Serb demonstrators"
                let mut last = s.last;
                while last < n
                    && toks[last].kind == TokKind::Word
                    && !toks[last].capitalised
                    && last < s.last + 2
                    && m.cover[last].is_none()
                {
                    last += 1;
                    if GROUP_NOUNS.contains(&toks[last - 1].norm.as_str()) {
                        break;
                    }
                }
                if let Some(e) = group(k, m, None, p) {
                    m.push(Mention::of_entity(s.first - 1, last, e, Via::Phrase));
                }
                continue;
            }
        }

        // 3a. An armed group's name before an irregular noun is the group:
        // "M23 rebels and Rwandan troops entered Bukavu", "Hamas militants"
        if let Hit::Org(o) = s.hit {
            let armed = k.orgs[o].etype != EntityType::Organisation && !k.orgs[o].collective;
            if let Some(iend) = phrase_at(k, t, end, Class::Irregular).filter(|_| armed) {
                let e = m.org(k, o);
                let mut mm = Mention::of_entity(s.first, iend, e, Via::Phrase);
                mm.force = Some(super::span_text(text, t, end, iend));
                m.push(mm);
                continue;
            }
        }

        // 3. An intergovernmental organisation's members as a group: "EU states",
        // "NATO allies", "ASEAN member countries" (not the organisation itself)
        if let Hit::Org(o) = s.hit {
            if let Some(mend) = phrase_at(k, t, after_pos, Class::Members)
                .filter(|_| k.orgs[o].etype == EntityType::Organisation)
            {
                // "EU member state Hungary", "NATO allies Poland and Romania":
                // the phrase classifies the states named after it
                if let Some(x) = next_span(mend).filter(|x| {
                    x.first == mend && toks[mend].space_before && matches!(x.hit, Hit::StateName(_))
                }) {
                    if let Some(e) = base_entity(k, m, x.hit, false) {
                        m.push(Mention::of_entity(s.first, x.last, e, Via::Name));
                    }
                    continue;
                }
                let name = &k.orgs[o].name;
                let mut e = Entity::new(EntityType::Group, format!("{name} member states"));
                e.affiliation = Some(crate::model::entity_key(EntityType::Organisation, name));
                let e = m.entity(e);
                m.push(Mention::of_entity(s.first, mend, e, Via::Phrase));
                continue;
            }
        }

        // 3b. A state's adjective (or its possessive name) before a
        // non-state armed actor or a collective names a group of that
        // country, not its army or government: "Syrian rebels", "Iraqi
        // militias", "Kenya's opposition", "Belarusian protesters"
        let own_group = match s.hit {
            Hit::Adjective(st) => Some((st, end)),
            Hit::StateName(st) if after_pos > end => Some((st, after_pos)),
            _ => None,
        };
        if let Some((st, from)) = own_group {
            let mut j = from;
            while j < from + 2 && j < n && k.is(Class::Modifier, &toks[j].norm) {
                j += 1;
            }
            let noun = phrase_at(k, t, j, Class::Irregular)
                .or_else(|| phrase_at(k, t, j, Class::Collective))
                // (not a name's modifier: "Sudan's paramilitary Rapid Support Forces")
                .filter(|&iend| toks.get(iend).is_none_or(|x| !x.capitalised));
            if let Some(iend) = noun {
                let adj = k.states[st].adjectives.first().cloned();
                let noun: Vec<&str> = toks[j..iend].iter().map(|x| x.norm.as_str()).collect();
                let label = format!("{} {}", adj.unwrap_or_default(), noun.join(" "));
                let e = m.entity(Entity::new(EntityType::Group, label));
                let mut mm = Mention::of_entity(s.first, iend, e, Via::Phrase);
                mm.force = Some(super::span_text(text, t, end, iend));
                m.push(mm);
                m.homes.push((s.first, st));
                continue;
            }
        }
        if let Hit::Adjective(st) = s.hit {
            // "Lebanese territory", "Greek airspace": the state's own area, a
            // place a force can enter (named like the state itself)
            if let Some(tend) = phrase_at(k, t, end, Class::Territory) {
                let e = m.state(k, st);
                m.push(Mention::of_entity(s.first, tend, e, Via::Name));
                continue;
            }
        }

        // 4. State/organisation + head: "the Belgrade government", "Kosovo police units"
        if let Some((hend, head)) = head_chain(k, t, after_pos, &m.cover) {
            let e = match s.hit {
                Hit::Org(o) => Some(m.org(k, o)),
                // "Moscow's troops": the capital stands for the government that sends them
                Hit::Capital(st) if head == Head::Force => Some(m.state(k, st)),
                other => state_of(other).and_then(|st| state_head_entity(k, m, st, head)),
            };
            if let Some(e) = e {
                let mut mm = Mention::of_entity(s.first, hend, e, Via::Phrase);
                if matches!(head, Head::Force | Head::Police) {
                    mm.force = Some(super::span_text(text, t, after_pos, hend));
                }
                m.push(mm);
                continue;
            }
        }
        // Coordinated adjectives: "Serbian and Kosovar leaders", "both the Serbian and Kosovo governments"
        // and lists: "Egyptian, Qatari and American mediators"
        if let Hit::Adjective(st) = s.hit {
            let mut cur = end;
            while cur < n && toks[cur].norm == "," {
                match next_span(cur + 1) {
                    Some(x) if matches!(x.hit, Hit::Adjective(_)) => cur = x.last,
                    _ => break,
                }
            }
            if cur < n && matches!(toks[cur].norm.as_str(), "and" | "or") {
                if let Some(other) = next_span(cur + 1) {
                    let after_other = if other.last < n && toks[other.last].norm == "'s" {
                        other.last + 1
                    } else {
                        other.last
                    };
                    if let Some((_, head)) = head_chain(k, t, after_other, &m.cover) {
                        if let Some(e) = state_head_entity(k, m, st, head) {
                            m.push(Mention::of_entity(s.first, s.last, e, Via::Phrase));
                            continue;
                        }
                    }
                }
            }
            // a bare adjective is kept (for places and coordination) but is not an actor
            let e = m.state(k, st);
            // (a predicative one names its state: "recognised Crimea as
            // Russian.", "recognised Western Sahara as Moroccan in 2020")
            let predicative = s.first > 0
                && toks[s.first - 1].norm == "as"
                && toks
                    .get(s.last)
                    .is_none_or(|x| x.kind != TokKind::Word || k.is(Class::Preposition, &x.norm));
            if predicative {
                m.push(Mention::of_entity(s.first, s.last, e, Via::Name));
                continue;
            }
            m.push(Mention {
                first: s.first,
                last: s.last,
                referent: Ref::Adjective(st),
                via: Via::Name,
                force: None,
                hyphen: None,
            });
            continue;
        }
        // 3c. A state's name or capital before a capitalised geographic head is
        //    a place of its own: "the Niger Delta", "the Jordan Valley", "the
        //    Congo Basin", "the Panama Canal" (not a direction: "Sudan South")
        if matches!(s.hit, Hit::StateName(_) | Hit::Capital(_)) {
            let head = toks.get(s.last).filter(|x| {
                x.kind == TokKind::Word
                    && x.capitalised
                    && !x.newline_before
                    && k.is(Class::PlaceHead, &x.norm)
                    && !matches!(x.norm.as_str(), "north" | "south" | "east" | "west")
            });
            if head.is_some() && m.cover[s.last].is_none() {
                let e = m.entity(super::named_entity(
                    EntityType::Place,
                    &super::span_text(text, t, s.first, s.last + 1),
                ));
                m.push(Mention::of_entity(s.first, s.last + 1, e, Via::Name));
                continue;
            }
        }
        // 4. Plain names and capitals; a capital after a locative preposition is
        //    the city, not its government ("talks in Pretoria")
        if let Hit::Capital(_) = s.hit {
            let prev = if s.first > 0 {
                toks[s.first - 1].norm.as_str()
            } else {
                ""
            };
            let head_before = s.first > 1
                && phrase_at(k, t, s.first - 2, Class::Government)
                    .is_some_and(|e| e == s.first - 1)
                && !community_before(k, t, s.first - 2);
            // "switched recognition to Beijing", "shifted allegiance to Moscow": a government
            // ("switched ties from Taipei to Beijing": over the from-phrase)
            let noun_at = if s.first > 1 {
                super::span_ending(names, s.first - 1)
                    .filter(|f| f.first > 1 && toks[f.first - 1].norm == "from")
                    .map_or(s.first - 2, |f| f.first - 2)
            } else {
                0
            };
            let allegiance = prev == "to"
                && s.first > 1
                && matches!(
                    toks[noun_at].norm.as_str(),
                    "recognition" | "ties" | "relations" | "allegiance" | "loyalty"
                );
            // "according to Yerevan" is a source, not a destination
            let according = prev == "to" && s.first > 1 && toks[s.first - 2].norm == "according";
            // "the streets of Khartoum", "the outskirts of Kyiv"
            let part_of =
                prev == "of" && s.first > 1 && k.is(Class::PlacePart, &toks[s.first - 2].norm);
            let locative = part_of
                || !according
                    && matches!(
                        prev,
                        "in" | "at"
                            | "to"
                            | "near"
                            | "outside"
                            | "into"
                            | "around"
                            | "toward"
                            | "towards"
                            | "across"
                            | "throughout"
                            | "inside"
                            | "within"
                    );
            let tail = t.norms_before(s.first, 6);
            let triggers = crate::relations::patterns::TriggerIndex::get();
            // "pointed the finger at Moscow", "extended recognition to Beijing"
            let trigger_before = locative && triggers.ends_with_prepositional_form(&tail);
            // "troops entered Kyiv", "jets flew over Beirut": the city the force reached
            let reached = triggers.ends_with_motion_form(&tail);
            // "the Minsk agreements", "the Pretoria agreement", "the Doha talks": a city naming
            // what was agreed there
            // (and "the Minsk Group", "the Astana format": a body named after the city)
            // (but "the Belgrade-Pristina dialogue" is named after its sides)
            let paired = matches!(prev, "-" | "–") && !toks[s.first - 1].space_before;
            let named_talks = !paired
                && toks.get(s.last).is_some_and(|x| {
                    (k.is(Class::Talks, &x.norm)
                        && !matches!(x.norm.as_str(), "ties" | "relations"))
                        || (x.capitalised && k.is(Class::OrgHead, &x.norm))
                        || matches!(x.norm.as_str(), "format" | "formats")
                });
            if (locative || reached || named_talks)
                && !head_before
                && !allegiance
                && !trigger_before
            {
                let e = m.entity(super::named_entity(
                    EntityType::Place,
                    &super::span_text(text, t, s.first, s.last),
                ));
                m.push(Mention::of_entity(s.first, s.last, e, Via::Name));
                continue;
            }
        }
        if let Some(e) = base_entity(k, m, s.hit, false) {
            let via = if matches!(s.hit, Hit::Capital(_)) {
                Via::Capital
            } else {
                Via::Name
            };
            end = s.last;
            m.push(Mention::of_entity(s.first, end, e, via));
        }
    }
    extend_head_of(k, text, t, m);
}

/// Whether a capitalised community adjective ends right before token `at`
/// ("*Tigrayan* leaders", "*Kurdish* authorities").
fn community_before(k: &Knowledge, t: &Text, at: usize) -> bool {
    at > 0 && t.tokens[at - 1].capitalised && k.is(Class::Community, &t.tokens[at - 1].norm)
}

/// The entity a bare name refers to.
fn base_entity(k: &Knowledge, m: &mut Mentions, hit: Hit, ethnic: bool) -> Option<usize> {
    match hit {
        Hit::StateName(s) | Hit::Capital(s) => Some(m.state(k, s)),
        Hit::Org(o) => Some(m.org(k, o)),
        Hit::Place(p) => Some(m.entity(Entity::new(EntityType::Place, k.places[p].clone()))),
        Hit::Adjective(s) | Hit::Plural(s) if ethnic => group(k, m, None, s),
        _ => None,
    }
}

/// "the leadership of Kosovo", "police officers from Kosovo", "the authorities
/// of Serbia": a government or force head followed by `of`/`from` and a state
/// mention takes the mention over.
fn extend_head_of(k: &Knowledge, text: &str, t: &Text, m: &mut Mentions) {
    let toks = &t.tokens;
    let count = m.list.len();
    for mi in 0..count {
        let (first, e) = match (&m.list[mi].referent, m.list[mi].via) {
            (Ref::Entity(e), Via::Name | Via::Capital) => (m.list[mi].first, *e),
            _ => continue,
        };
        if m.list[mi].first == usize::MAX {
            continue;
        }
        let etype = m.entities[e].etype;
        if !matches!(
            etype,
            EntityType::State
                | EntityType::Organisation
                | EntityType::Group
                | EntityType::ArmedForce
        ) {
            continue;
        }
        // walk left over determiners and modifiers to "of"/"from"
        let mut j = first;
        while j > 0
            && (matches!(toks[j - 1].norm.as_str(), "the" | "this" | "that")
                || k.is(Class::Modifier, &toks[j - 1].norm))
            && m.cover[j - 1].is_none()
        {
            j -= 1;
        }
        let capital = m.list[mi].via == Via::Capital;
        // ("the government in Kabul"; with a state's name only a government:
        // "the junta in Niger", but "troops in Niger" are not Niger's)
        let state_in = etype == EntityType::State && m.list[mi].via == Via::Name;
        if j == 0
            || !(matches!(toks[j - 1].norm.as_str(), "of" | "from")
                || ((capital || state_in) && toks[j - 1].norm == "in"))
            || m.cover[j - 1].is_some()
        {
            continue;
        }
        let prep = j - 1;
        // find a head chain ending right before the preposition
        let mut h = prep;
        let mut found = None;
        while h > 0 && prep - h < 4 && m.cover[h - 1].is_none() && toks[h - 1].kind == TokKind::Word
        {
            h -= 1;
            if let Some((end, head)) = head_chain(k, t, h, &m.cover) {
                if end == prep {
                    found = Some((h, head));
                }
            }
        }
        let Some((hstart, head)) = found else {
            continue;
        };
        if toks[prep].norm == "in" && !capital && head != Head::Government {
            continue;
        }
        // "Tigrayan leaders in Nairobi" are a community's, not the capital's
        if community_before(k, t, hstart) {
            continue;
        }
        let ent = if etype == EntityType::State && toks[prep].norm == "from" && head == Head::Force
        {
            // "armoured vehicles from Pristina": sent by that state
            Some(e)
        } else if etype == EntityType::State {
            let s = k.state_by_name(&m.entities[e].label);
            match s {
                Some(s) => state_head_entity(k, m, s, head),
                None => Some(e),
            }
        } else {
            Some(e)
        };
        let Some(ent) = ent else { continue };
        let last = m.list[mi].last;
        let mut mm = Mention::of_entity(hstart, last, ent, Via::Phrase);
        if matches!(head, Head::Force | Head::Police) {
            mm.force = Some(super::span_text(text, t, hstart, prep));
        }
        m.replace(mm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The per-token start classes of [`Text::annotate`] give the same
    /// phrases as hashing each word (the fallback before annotation).
    #[test]
    fn annotated_phrase_lookup_matches_hashing() {
        let k = Knowledge::get();
        let text = "Hundreds of Kosovo police officers in armoured vehicles, fighter jets and \
                    special forces were deployed; the foreign ministry said it would not \
                    refuse to send peacekeeping troops to its territory, ready to act.";
        let plain = crate::text::analyse(text, 0);
        let mut annotated = plain.clone();
        annotated.annotate(k);
        assert_eq!(annotated.starts.len(), annotated.tokens.len());
        let classes = [
            Class::Force,
            Class::Police,
            Class::Government,
            Class::People,
            Class::Territory,
            Class::Negation,
            Class::Modal,
            Class::Quantity,
            Class::Irregular,
        ];
        let mut found = 0;
        for i in 0..plain.tokens.len() {
            for c in classes {
                let a = phrase_at(k, &plain, i, c);
                assert_eq!(a, phrase_at(k, &annotated, i, c), "token {i}, {c:?}");
                found += usize::from(a.is_some());
            }
        }
        assert!(found >= 8, "only {found} phrases found");
    }

    /// A phrase at the very end of the text (a headline has no full stop)
    /// is found as it is before a full stop.
    #[test]
    fn phrases_end_with_the_text() {
        let k = Knowledge::get();
        for (text, class) in [
            ("Norway recognises Palestinian state", Class::Government),
            ("Russia sends more troops", Class::Force),
            ("China deploys special forces", Class::Force),
        ] {
            let bare = crate::text::analyse(text, 0);
            let stopped = crate::text::analyse(&format!("{text}."), 0);
            let last = bare.tokens.len() - 1;
            // the head's first word: one or two words from the end
            let start = (0..=last)
                .rev()
                .find(|&i| phrase_at(k, &stopped, i, class).is_some())
                .expect("the stopped text has the phrase");
            assert_eq!(
                phrase_at(k, &bare, start, class),
                phrase_at(k, &stopped, start, class),
                "{text}"
            );
            assert_eq!(phrase_at(k, &bare, start, class), Some(last + 1), "{text}");
        }
    }
}
