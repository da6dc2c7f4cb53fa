//! Places: direction + region, borders, region nouns that refer back,
//! capitalised names after a locative preposition.

use crate::knowledge::{Class, Hit, Knowledge};
use crate::model::{Entity, EntityType};
use crate::text::{Text, TokKind};

use super::phrases::phrase_at;
use super::{Mention, Mentions, Ref, Span, Via};

/// A direction-qualified region ("Northern Kosovo").
fn directed(k: &Knowledge, m: &mut Mentions, dir: &str, region: &str) -> Option<usize> {
    let prefix = k.directions.get(dir)?;
    Some(m.entity(Entity::new(EntityType::Place, format!("{prefix} {region}"))))
}

/// Finds the most recent state named before token `before` (for "its north",
/// "the province").
fn recent_state(
    names: &[Span],
    before: usize,
    locative_only: bool,
    t: &Text,
    k: &Knowledge,
) -> Option<usize> {
    let mut fallback = None;
    for s in names[..names.partition_point(|s| s.last <= before)]
        .iter()
        .rev()
    {
        if let Hit::StateName(st) = s.hit {
            let loc = s.first > 0 && {
                let mut j = s.first;
                while j > 0
                    && matches!(t.tokens[j - 1].norm.as_str(), "the" | "of")
                    && j + 3 > s.first
                {
                    if t.tokens[j - 1].norm == "of" {
                        break;
                    }
                    j -= 1;
                }
                j > 0
                    && (k.is(Class::Locative, &t.tokens[j - 1].norm)
                        || t.tokens[j - 1].norm == "of")
            };
            if loc || !locative_only {
                return Some(st);
            }
            if fallback.is_none() && !locative_only {
                fallback = Some(st);
            }
        }
    }
    fallback
}

/// Whether the object spanning `[first, last)` is the accused of a charge
/// with a gerund: a verb of accusing before it, "of" and a gerund after it
/// ("accused *Rwanda* of deploying …").
pub(crate) fn charged(t: &Text, first: usize, last: usize) -> bool {
    let toks = &t.tokens;
    first > t.sentences[t.sentence_of(first)].first
        && toks.get(last).is_some_and(|x| x.norm == "of")
        && toks.get(last + 1).is_some_and(|x| x.norm.ends_with("ing"))
        && crate::relations::patterns::TriggerIndex::get().is_accuse_verb(&toks[first - 1].norm)
}

/// In the gerund of a charge, "its" is the accuser's: "Congo accused
/// Rwanda of deploying soldiers in its eastern provinces" (Congo's east).
/// Returns the accuser's state when the sentence before `at` holds a state
/// (or capital), a verb of accusing, the accused state and "of" with a
/// gerund.
fn charge_accuser(names: &[Span], t: &Text, at: usize) -> Option<usize> {
    let first = t.sentences[t.sentence_of(at)].first;
    let state = |s: &Span| match s.hit {
        Hit::StateName(st) | Hit::Capital(st) => Some(st),
        _ => None,
    };
    let before = &names[..names.partition_point(|s| s.last <= at)];
    let accused = before
        .iter()
        .rev()
        .take_while(|s| s.first >= first)
        .find(|s| state(s).is_some() && charged(t, s.first, s.last))?;
    let verb = accused.first - 1;
    before
        .iter()
        .rev()
        .filter(|s| s.first >= first && s.last <= verb)
        .find_map(state)
        .filter(|&st| Some(st) != state(accused))
}

/// The most recent region (a place of `places.tsv` that is no town or
/// site; with `point`, one that is) named in the `back` sentences before
/// token `before`.
fn recent_region(
    names: &[Span],
    before: usize,
    t: &Text,
    k: &Knowledge,
    point: bool,
    back: usize,
) -> Option<usize> {
    let si = t.sentences.partition_point(|s| s.last <= before);
    let floor = t
        .sentences
        .get(si.saturating_sub(back))
        .map_or(0, |s| s.first);
    names[..names.partition_point(|s| s.last <= before)]
        .iter()
        .rev()
        .take_while(|s| s.first >= floor)
        .find_map(|s| match s.hit {
            Hit::Place(p) if k.place_is_point[p] == point => Some(p),
            _ => None,
        })
}

/// The most recent region named by a direction ("northern Kosovo") in the
/// five sentences before token `before`: its first token and entity.
fn recent_directed(k: &Knowledge, t: &Text, m: &Mentions, before: usize) -> Option<(usize, usize)> {
    let si = t.sentences.partition_point(|s| s.last <= before);
    let floor = t.sentences.get(si.saturating_sub(5)).map_or(0, |s| s.first);
    m.list
        .iter()
        .filter(|x| x.first != usize::MAX && x.first >= floor && x.last <= before)
        .filter(|x| {
            x.via == Via::Name
                && t.tokens[x.first..x.last]
                    .iter()
                    .any(|y| k.directions.contains_key(y.norm.as_str()))
        })
        .filter_map(|x| match x.referent {
            Ref::Entity(e) if m.entities[e].etype == EntityType::Place => Some((x.first, e)),
            _ => None,
        })
        .max_by_key(|&(first, _)| first)
}

/// The most recent state named before token `before` outside a
/// prepositional phrase ("Somalia threatened to expel troops deployed in the
/// country"; not "the border with Colombia").
fn recent_direct_state(
    names: &[Span],
    roles: &super::RoleHits,
    before: usize,
    t: &Text,
    k: &Knowledge,
    oblique_too: bool,
) -> Option<usize> {
    let sentence_first = t.sentences[t.sentence_of(before)].first;
    names[..names.partition_point(|s| s.last <= before)]
        .iter()
        .rev()
        .find_map(|s| {
            // (or a state's adjective before a role or a government: "Venezuelan
            // Defence Minister X said the country had …", "the Venezuelan
            // government said the country …")
            let st = match s.hit {
                Hit::StateName(st) => st,
                Hit::Adjective(st)
                    if t.tokens
                        .get(s.last)
                        .is_some_and(|x| k.is(Class::Government, &x.norm))
                        || roles.contains_key(&s.last) =>
                {
                    st
                }
                _ => return None,
            };
            let mut j = s.first;
            if j > 0 && t.tokens[j - 1].norm == "the" {
                j -= 1;
            }
            let oblique = j > 0 && k.is(Class::Preposition, &t.tokens[j - 1].norm);
            // not the subject of the verb governing the description:
            // "Georgia accused the country of …" (but "Georgia said the
            // country would …" is Georgia)
            let det = before.saturating_sub(1);
            let own_subject = s.first >= sentence_first
                && det > s.last
                && det - s.last <= 3
                && (s.last..det).all(|x| {
                    let w = &t.tokens[x];
                    w.kind == TokKind::Word
                        && !w.capitalised
                        && (!k.is(Class::Speech, &w.norm)
                            || crate::relations::patterns::TriggerIndex::get()
                                .is_accuse_verb(&w.norm))
                });
            ((oblique_too || !oblique) && !own_subject).then_some(st)
        })
}

/// Finds place mentions.
pub fn find(k: &Knowledge, text: &str, t: &Text, names: &[Span], m: &mut Mentions) {
    let toks = &t.tokens;
    let n = toks.len();
    let span_at = |i: usize| super::span_starting(names, i);
    let mut i = 0;
    while i < n {
        if m.cover[i].is_some() || toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        let w = toks[i].norm.as_str();
        // "northern Kosovo", "central Serbia"
        if k.directions.contains_key(w) {
            // the state or place named at token `j`
            let region_at = |j: usize| {
                span_at(j).and_then(|s| match s.hit {
                    Hit::StateName(st) => Some((k.states[st].name.as_str(), s.last)),
                    Hit::Place(p) => Some((k.places[p].as_str(), s.last)),
                    _ => None,
                })
            };
            // "central and northern Mali": the first direction shares the name
            let coordinated = i + 3 < n
                && matches!(toks[i + 1].norm.as_str(), "and" | "or" | ",")
                && k.directions.contains_key(toks[i + 2].norm.as_str());
            if coordinated {
                if let Some((r, _)) = region_at(i + 3) {
                    if let Some(e) = directed(k, m, w, r) {
                        m.push(Mention::of_entity(i, i + 1, e, Via::Name));
                        i += 2;
                        continue;
                    }
                }
            }
            if let Some((r, last)) = region_at(i + 1) {
                if let Some(e) = directed(k, m, w, r) {
                    m.push(Mention::of_entity(i, last, e, Via::Name));
                    i = last;
                    continue;
                }
            }
            // "the north of (the) (mods) X", "the northern part of X", "its north"
            let mut j = i + 1;
            if j < n && matches!(toks[j].norm.as_str(), "part" | "parts") {
                j += 1;
            }
            let possessor = if i > 0 && toks[i - 1].norm == "its" {
                charge_accuser(names, t, i - 1).or_else(|| recent_state(names, i - 1, false, t, k))
            } else if i > 1 && toks[i - 1].norm == "'s" {
                names
                    .iter()
                    .find(|s| s.last == i - 1)
                    .and_then(|s| match s.hit {
                        Hit::StateName(st) | Hit::Capital(st) => Some(st),
                        _ => None,
                    })
            } else {
                None
            };
            if let Some(st) = possessor {
                // (not "its northern border with Venezuela": that border)
                let bordering = toks.get(j).is_some_and(|x| k.is(Class::Border, &x.norm))
                    && toks.get(j + 1).is_some_and(|x| x.norm == "with");
                if j == i + 1 && toks.get(j).is_none_or(|x| x.norm != "of") && !bordering {
                    let start = if toks[i - 1].norm == "its" { i - 1 } else { i };
                    if let Some(e) = directed(k, m, w, &k.states[st].name) {
                        m.push(Mention::of_entity(start, i + 1, e, Via::Name));
                        i += 1;
                        continue;
                    }
                }
            }
            // "deployed units to the north": after a locative, the direction of
            // the state named last; also the object of a verb of entering or
            // holding ("Turkey invaded the north"), not of the state that is
            // that verb's subject
            // (or an adjective and a plural region noun: "to the northern
            // municipalities", "into the (four) eastern provinces")
            let counted = i >= 3
                && (toks[i - 1].kind == TokKind::Number
                    || crate::text::number_word(&toks[i - 1].norm).is_some());
            let compass = matches!(
                w,
                "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northeast"
                    | "northwest"
                    | "southeast"
                    | "southwest"
            );
            // (a headline drops the article: "Kosovo police deploy to north")
            let headline = compass
                && !counted
                && i >= 1
                && matches!(toks[i - 1].norm.as_str(), "to" | "in" | "into");
            let the = if counted {
                i - 1
            } else if headline {
                i + 1
            } else {
                i
            };
            let entering = the >= 2 && k.is(Class::Entering, &toks[the - 2].norm);
            let bare_end = if !counted && compass {
                Some(i + 1)
            } else {
                phrase_at(k, t, i + 1, Class::Region)
                    .filter(|&e| toks[e - 1].norm.ends_with('s') && toks[e - 1].norm != "country")
            };
            let bare_noun = bare_end.is_some_and(|e| {
                j == i + 1
                    && the >= 2
                    && (headline || toks[the - 1].norm == "the")
                    && !toks[i].capitalised
                    && (k.is(Class::Locative, &toks[the - 2].norm) || entering)
                    && toks.get(e).is_none_or(|x| x.norm != "of" && !x.capitalised)
            });
            if let Some(end) = bare_end.filter(|_| bare_noun) {
                // (the verb's subject: "when Turkey invaded the north" of
                // Cyprus; "accused Israel of occupying territory in the south"
                // of the accuser, a verb of holding a few words before)
                let verb = if entering && !k.is(Class::Locative, &toks[the - 2].norm) {
                    Some(the - 2)
                } else {
                    (the.saturating_sub(6)..the - 2).rev().find(|&v| {
                        k.is(Class::Entering, &toks[v].norm)
                            && toks[v + 1..the - 2]
                                .iter()
                                .all(|x| x.kind == TokKind::Word && !x.capitalised)
                    })
                };
                let subject_end = verb.and_then(|v| {
                    names
                        .iter()
                        .find(|s| s.last == v || (s.last + 1 == v && toks[v - 1].norm == "of"))
                        .map(|s| s.first)
                });
                if let Some(st) = recent_state(names, subject_end.unwrap_or(the - 1), false, t, k) {
                    if let Some(e) = directed(k, m, w, &k.states[st].name) {
                        m.push(Mention::of_entity(the - 1, end, e, Via::Name));
                        i = end;
                        continue;
                    }
                }
            }
            if j < n && toks[j].norm == "of" {
                let mut x = j + 1;
                while x < n
                    && (matches!(toks[x].norm.as_str(), "the" | "-")
                        || k.is(Class::Modifier, &toks[x].norm)
                        || (toks[x].kind == TokKind::Word && x + 1 < n && toks[x + 1].norm == "-"))
                    && x < j + 5
                {
                    x += 1;
                }
                let target = if let Some(s) = span_at(x) {
                    match s.hit {
                        Hit::StateName(st) => Some((st, s.last)),
                        _ => None,
                    }
                } else if let Some(end) = phrase_at(k, t, x, Class::Region) {
                    recent_state(names, i, true, t, k).map(|st| (st, end))
                } else {
                    None
                };
                if let Some((st, end)) = target {
                    if let Some(e) = directed(k, m, w, &k.states[st].name) {
                        m.push(Mention::of_entity(i, end, e, Via::Name));
                        i = end;
                        continue;
                    }
                }
            }
        }
        // borders
        // (not "border guards", a force, nor "border markers", a thing)
        if let Some(end) = phrase_at(k, t, i, Class::Border).filter(|&e| {
            phrase_at(k, t, i, Class::Force).is_none_or(|f| f <= e)
                && toks
                    .get(e)
                    .is_none_or(|x| !matches!(x.norm.as_str(), "marker" | "markers"))
        }) {
            let mut states = Vec::new();
            let mut first = i;
            // "Serbia's border", "the Serbian border", "the Kosovo-Serbia border"
            let mut p = i;
            while p > 0 && k.directions.contains_key(toks[p - 1].norm.as_str()) {
                p -= 1;
            }
            if p > 0 {
                let prev = super::span_ending(names, p).or_else(|| {
                    if toks[p - 1].norm == "'s" {
                        super::span_ending(names, p - 1)
                    } else {
                        None
                    }
                });
                if let Some(s) = prev {
                    if let Some(st) = state_of_name(s.hit) {
                        states.push(st);
                        first = s.first;
                        if s.first > 1 && matches!(toks[s.first - 1].norm.as_str(), "-") {
                            if let Some(s2) = super::span_ending(names, s.first - 1) {
                                if let Some(st2) = state_of_name(s2.hit) {
                                    states.push(st2);
                                    first = s2.first;
                                }
                            }
                        }
                    }
                }
            }
            let mut last = end;
            if end < n && matches!(toks[end].norm.as_str(), "with" | "between") {
                if let Some(s) = span_at(end + 1) {
                    if let Some(st) = state_of_name(s.hit) {
                        // ("its border with Venezuela and Guyana" is two borders, of which
                        // only the first is kept; "the border between A and B" is one)
                        let one_owner = !states.is_empty() || toks[end].norm == "between";
                        states.push(st);
                        last = s.last;
                        if one_owner && last + 1 < n && toks[last].norm == "and" {
                            if let Some(s2) = span_at(last + 1) {
                                if let Some(st2) = state_of_name(s2.hit) {
                                    states.push(st2);
                                    last = s2.last;
                                }
                            }
                        }
                    }
                }
            }
            if (first..last).all(|x| m.cover[x].is_none()) {
                states.sort();
                states.dedup();
                m.push(Mention {
                    first,
                    last,
                    referent: Ref::Border(states),
                    via: Via::Name,
                    force: None,
                    hyphen: None,
                });
                i = last;
                continue;
            }
        }
        // "the city", "the town": the town named last in the sentence or
        // the two before ("El Fasher, where RSF fighters have besieged the
        // city"; not "the city of Goma", "the town's mayor")
        if i > 0
            && toks[i - 1].norm == "the"
            && matches!(w, "city" | "town")
            && toks
                .get(i + 1)
                .is_none_or(|x| !matches!(x.norm.as_str(), "of" | "'s" | "-") && !x.capitalised)
        {
            if let Some(p) = recent_region(names, i, t, k, true, 2) {
                let e = m.entity(Entity::new(EntityType::Place, k.places[p].clone()));
                m.push(Mention::of_entity(i, i + 1, e, Via::Name));
                i += 1;
                continue;
            }
        }
        // "the Gulf state", "the North African country", "the Islamic
        // Republic": a description of the state named last
        if i > 0 && toks[i - 1].norm == "the" && toks[i].capitalised && span_at(i).is_none() {
            let head = (i + 1..(i + 3).min(n)).find(|&h| {
                matches!(
                    toks[h].norm.as_str(),
                    "country"
                        | "nation"
                        | "state"
                        | "kingdom"
                        | "emirate"
                        | "monarchy"
                        | "republic"
                )
            });
            let described = head.filter(|&h| {
                (i..h).all(|x| {
                    toks[x].capitalised
                        && toks[x].kind == TokKind::Word
                        && m.cover[x].is_none()
                        && span_at(x).is_none()
                })
            });
            if let Some(h) = described {
                if let Some(st) = recent_direct_state(names, &m.roles, i, t, k, true) {
                    let e = m.state(k, st);
                    m.push(Mention::of_entity(i, h + 1, e, Via::Name));
                    i = h + 1;
                    continue;
                }
            }
        }
        // "the province", "the region": the state last named as a place
        if i > 0 && matches!(toks[i - 1].norm.as_str(), "the" | "this")
            || (i > 1 && toks[i - 2].norm == "the" && k.is(Class::Modifier, &toks[i - 1].norm))
        {
            if let Some(end) = phrase_at(k, t, i, Class::Region) {
                // ("the country of Georgia"; but "accused the country of
                // occupying …")
                let followed_by_of = end < n
                    && toks[end].norm == "of"
                    && !toks.get(end + 1).is_some_and(|x| x.norm.ends_with("ing"));
                if !followed_by_of {
                    // "the country" is a state named before as a subject or
                    // object, "the province" one named as a place
                    // ("the region", "the enclave": first a region named in
                    // the five sentences before, "… the ethnic Armenians of
                    // Nagorno-Karabakh … Russia, which has peacekeepers in the
                    // region")
                    // ("the island" is the island state: Cyprus, Taiwan)
                    if !matches!(toks[i].norm.as_str(), "country" | "island") {
                        // (or a direction's region: "clashes in northern
                        // Kosovo … deploy 700 troops to the region")
                        let named = recent_region(names, i, t, k, false, 5).map(|p| {
                            let first = names
                                .iter()
                                .rev()
                                .find(|s| s.last <= i && s.hit == Hit::Place(p))
                                .map_or(0, |s| s.first);
                            (
                                first,
                                m.entity(Entity::new(EntityType::Place, k.places[p].clone())),
                            )
                        });
                        // (a direction's region only after a locative: "to
                        // the region", not "trying to occupy the region")
                        // (the determiner is right before the noun or before
                        // its modifier: "to the region", "in the wider region")
                        let det = if matches!(toks[i - 1].norm.as_str(), "the" | "this") {
                            i - 1
                        } else {
                            i.saturating_sub(2)
                        };
                        let locative = det > 0 && k.is(Class::Locative, &toks[det - 1].norm);
                        let directed = locative.then(|| recent_directed(k, t, m, i)).flatten();
                        let region = match (named, directed) {
                            (Some(a), Some(b)) => Some(if b.0 > a.0 { b.1 } else { a.1 }),
                            (a, b) => a.or(b).map(|x| x.1),
                        };
                        if let Some(e) = region {
                            m.push(Mention::of_entity(i, end, e, Via::Name));
                            i = end;
                            continue;
                        }
                    }
                    let found = if toks[i].norm == "country" {
                        recent_direct_state(names, &m.roles, i, t, k, false)
                    } else {
                        recent_state(names, i, true, t, k)
                    };
                    if let Some(st) = found {
                        let e = m.state(k, st);
                        m.push(Mention::of_entity(i, end, e, Via::Name));
                        i = end;
                        continue;
                    }
                }
            }
        }
        // capitalised names after a locative preposition: "blockaded Kosovska Mitrovica", "in Jarinje"
        // a compass word may open a name ("South Kivu", "North Darfur")
        let compass_name = toks[i].capitalised
            && k.is(Class::Direction, w)
            && toks.get(i + 1).is_some_and(|x| {
                x.capitalised && x.kind == TokKind::Word && !k.is(Class::NotName, &x.norm)
            })
            && span_at(i + 1).is_none();
        // ("loyal to Khalifa Haftar", "close to": a person or group, not a place)
        let attached_to = i > 1
            && toks[i - 1].norm == "to"
            && matches!(
                toks[i - 2].norm.as_str(),
                "loyal" | "allied" | "linked" | "close" | "affiliated"
            );
        // (also over "the": "sent warships to the Natuna Islands")
        // and after "the town of", "the port of": "entered the town of Afrin"
        let town_of =
            i > 1 && toks[i - 1].norm == "of" && k.is(Class::PlacePart, &toks[i - 2].norm);
        // "to Surin and Sisaket provinces": a conjunct of a place named so
        let conjunct = i > 1
            && matches!(toks[i - 1].norm.as_str(), "and" | "or")
            && m.cover[i - 2].is_some_and(|mi| {
                matches!(m.list[mi].referent, Ref::Entity(e) if m.entities[e].etype == EntityType::Place)
            });
        // ("south of the Litani River")
        let of_direction = |j: usize| {
            j >= 1
                && toks[j].norm == "of"
                && matches!(
                    toks[j - 1].norm.as_str(),
                    "south" | "north" | "east" | "west"
                )
        };
        // "at Woody Island", "on Mischief Reef": after "at", "on", "off" only a
        // name ending in a geographic head
        // (or a name before a military facility: "at the Hmeimim air base",
        // "from the Al Udeid base")
        let facility = |j: usize| phrase_at(k, t, j, Class::Facility).is_some();
        let headed = || {
            (i + 1..(i + 4).min(n)).any(|j| {
                (i..=j).all(|x| toks[x].capitalised && toks[x].kind == TokKind::Word)
                    && k.is(Class::PlaceHead, &toks[j].norm)
            }) || (i + 1..(i + 4).min(n)).any(|j| {
                (i..j).all(|x| toks[x].capitalised && toks[x].kind == TokKind::Word)
                    && !toks[j].capitalised
                    && facility(j)
            })
        };
        let at_on = |w: &str| matches!(w, "at" | "on" | "off" | "from");
        // "to the disputed Woody Island", "entered the besieged Mariupol": a
        // participle between "the" and the name
        let participle = i > 2
            && toks[i - 2].norm == "the"
            && !toks[i - 1].capitalised
            && toks[i - 1].kind == TokKind::Word
            && toks[i - 1].norm.len() > 4
            && toks[i - 1].norm.ends_with("ed")
            && (is_place_context(k, &toks[i - 3].norm) || (at_on(&toks[i - 3].norm) && headed()));
        // after a force's motion ("took control of Lachin", "stormed Vuhledar")
        // (not a name modifying a noun: "raided Microsoft servers")
        let reached = || {
            let triggers = crate::relations::patterns::TriggerIndex::get();
            if !triggers.ends_motion_form(&toks[i - 1].norm) {
                return false;
            }
            let mut e = i;
            while e < n && toks[e].capitalised && toks[e].kind == TokKind::Word {
                e += 1;
            }
            let modifier = toks.get(e).is_some_and(|x| {
                x.kind == TokKind::Word
                    && !x.capitalised
                    && !matches!(x.norm.as_str(), "and" | "or")
                    && !k.is(Class::Preposition, &x.norm)
                    && !k.is(Class::ClauseBreak, &x.norm)
                    && !k.is(Class::Auxiliary, &x.norm)
            });
            !modifier && triggers.ends_with_motion_form(&t.norms_before(i, 6))
        };
        let context = i > 0
            && (is_place_context(k, &toks[i - 1].norm)
                || participle
                || (toks[i].capitalised && !toks[i - 1].capitalised && reached())
                || (at_on(&toks[i - 1].norm) && headed())
                || (i > 1 && toks[i - 1].norm == "the" && at_on(&toks[i - 2].norm) && headed())
                || of_direction(i - 1)
                || (i > 1 && toks[i - 1].norm == "the" && of_direction(i - 2))
                || conjunct
                || ((town_of
                    || (i > 1
                        && toks[i - 1].norm == "the"
                        && is_place_context(k, &toks[i - 2].norm)))
                    && !super::in_span(names, i)));
        if toks[i].capitalised
            && context
            && !attached_to
            && (!k.is(Class::NotName, w) || compass_name)
            && span_at(i).is_none()
        {
            let mut end = if compass_name { i + 1 } else { i };
            while end < n
                && toks[end].kind == TokKind::Word
                && toks[end].capitalised
                && m.cover[end].is_none()
                && span_at(end).is_none()
                && !k.is(Class::NotName, &toks[end].norm)
                && end < i + 3
            {
                end += 1;
            }
            // a geographic head ends the name: "the Middle East", "the Coral Sea"
            if end > i
                && end < n
                && toks[end].capitalised
                && toks[end].kind == TokKind::Word
                && span_at(end).is_none()
                && k.is(Class::PlaceHead, &toks[end].norm)
            {
                end += 1;
            }
            // ("entered the Serb-populated north": a modifier, not a name)
            let hyphened = toks
                .get(end)
                .is_some_and(|x| x.norm == "-" && !x.space_before);
            if end > i && !m.roles.contains_key(&i) && !hyphened {
                let e = m.entity(super::named_entity(
                    EntityType::Place,
                    &super::span_text(text, t, i, end),
                ));
                m.push(Mention::of_entity(i, end, e, Via::Name));
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// Words after which a capitalised name is a place.
fn is_place_context(k: &Knowledge, w: &str) -> bool {
    matches!(
        w,
        "in" | "into"
            | "over"
            | "to"
            | "near"
            | "towards"
            | "toward"
            | "outside"
            | "around"
            | "blockaded"
            | "blocked"
            | "seized"
            | "entered"
            | "occupied"
            | "invaded"
            | "surrounded"
            | "captured"
    ) && k.is(Class::Locative, "in")
}

fn state_of_name(hit: Hit) -> Option<usize> {
    match hit {
        Hit::StateName(s) | Hit::Adjective(s) => Some(s),
        _ => None,
    }
}
