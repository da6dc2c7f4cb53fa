//! The extractor's general knowledge, loaded from the data files in
//! `data/knowledge/` (compiled into the binary so it runs anywhere):
//!
//! * `states.tsv` — every UN member state plus Kosovo, Palestine, Taiwan,
//!   Western Sahara and the Holy See: names, capitals (for metonymy),
//!   adjectives, and plural nouns for their people;
//! * `organisations.tsv` — IGOs, missions, armed groups, with acronyms and parents;
//! * `groups.tsv` — collective actors ("the West", "the international community");
//! * `roles.tsv` — role words that introduce or describe persons;
//! * `lexicon.tsv` — word classes the patterns use (force nouns, speech verbs,
//!   negation and modality cues, …);
//! * `patterns.conf` — relation triggers with example sentences (see [`crate::relations::patterns`]).
//!
//! All names are compiled into one Aho–Corasick automaton, so finding every
//! gazetteer name in a document is a single linear pass.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::error::{Error, Result};
use crate::model::EntityType;
use crate::text::fold;

/// A state with its names.
#[derive(Debug, Clone)]
pub struct StateInfo {
    /// Canonical name ("Serbia").
    pub name: String,
    /// Other names ("Republic of Serbia").
    pub aliases: Vec<String>,
    /// Capitals and seats of government ("Belgrade").
    pub capitals: Vec<String>,
    /// Adjectives ("Serbian").
    pub adjectives: Vec<String>,
    /// Plural nouns for the people ("Serbs").
    pub plurals: Vec<String>,
}

/// An organisation, mission, armed group or named collective actor.
#[derive(Debug, Clone)]
pub struct OrgInfo {
    /// Canonical name.
    pub name: String,
    /// Entity type (Organisation, ArmedForce or Group).
    pub etype: EntityType,
    /// Other names and acronyms.
    pub aliases: Vec<String>,
    /// Parent organisation or state, by canonical name.
    pub parent: Option<String>,
    /// A collective actor of `groups.tsv` ("the West", "Gulf states"), not an
    /// organisation or armed group.
    pub collective: bool,
    /// The parent state's regular force of this kind (`army` or `police`
    /// in the fifth column): "the army" can refer back to it.
    pub regular: Option<Regular>,
}

/// A state's regular force, as "the army" or "the police" name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regular {
    /// The armed forces ("the army", "the military").
    Army,
    /// The police ("the police").
    Police,
    /// A paramilitary force the state raised or backs but does not command
    /// as its army ("the Rapid Support Forces" of Sudan): a non-state armed
    /// actor "the paramilitaries" can refer to, never "the army".
    Paramilitary,
}

/// What a gazetteer name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A state's name (index into [`Knowledge::states`]).
    StateName(usize),
    /// A state's capital, standing for its government.
    Capital(usize),
    /// A state's adjective ("Serbian").
    Adjective(usize),
    /// The plural noun for a state's people ("Serbs").
    Plural(usize),
    /// An organisation or named group (index into [`Knowledge::orgs`]).
    Org(usize),
    /// A role word (index into [`Knowledge::roles`]).
    Role(usize),
    /// A named region or town (index into [`Knowledge::places`]).
    Place(usize),
}

/// The word classes of `lexicon.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Heads naming a government.
    Government,
    /// Heads naming a force.
    Force,
    /// Heads naming a police force.
    Police,
    /// Heads naming a people.
    People,
    /// Modifiers between a name and its head.
    Modifier,
    /// Direction words.
    Direction,
    /// Region nouns referring back.
    Region,
    /// Border nouns.
    Border,
    /// Speech and belief verbs.
    Speech,
    /// Negation cues.
    Negation,
    /// Modality cues.
    Modal,
    /// Locative prepositions.
    Locative,
    /// Prepositions.
    Preposition,
    /// Clause boundaries.
    ClauseBreak,
    /// he, she.
    PronounPerson,
    /// they.
    PronounPlural,
    /// it.
    PronounThing,
    /// we.
    PronounWe,
    /// Titles before names.
    Title,
    /// What can be deployed without being a force.
    NonForce,
    /// All-capital words that are not organisations.
    NotAcronym,
    /// News organisations.
    Media,
    /// Capitalised words that never start a name.
    NotName,
    /// Verbs of asking: the event asked for is only requested.
    Request,
    /// Event nouns whose `of` phrase names the victim, not the perpetrator.
    PatientOf,
    /// Quantities before a partitive `of` ("hundreds of troops").
    Quantity,
    /// Wrongdoings ("condemned X for its invasion").
    Wrongdoing,
    /// Plural nouns that, after an intergovernmental organisation, name its
    /// member states as a group ("EU states", "NATO allies").
    Members,
    /// Nouns of a state's own area after "its"/"their" ("its territory", "their airspace").
    Territory,
    /// Words that introduce examples of a collective ("including", "such as").
    Examples,
    /// Adjectives and nouns taking "of"/"for" + gerund without being its
    /// agent's governing verb ("capable of deploying", "the option of sending").
    GerundHead,
    /// Verbs of denial: their that-clause is negated ("denied that …"), and
    /// who denies an allegation is the accused.
    Denial,
    /// Words between a subject and its verb: auxiliaries, adverbs, "on
    /// Monday" ("Putin on Monday accused …").
    Auxiliary,
    /// Head nouns that end an organisation's name after "the" ("the Arakan
    /// Army", "the Democratic Party").
    OrgHead,
    /// Non-state armed actors: after a state's adjective they name a group,
    /// not the state's armed forces ("Syrian rebels", "Iraqi militias").
    Irregular,
    /// Adjectives of peoples, faiths and regions that are not states: before
    /// a force or an irregular noun they name an armed group ("Kurdish
    /// forces", "Druze fighters", "Tigrayan rebels").
    Community,
    /// Verbs that take back a relation named by a noun: "withdrew its
    /// recognition", "suspended its mediation".
    Revoke,
    /// Words that approximate a count before a force ("an estimated", "more
    /// than", "some 900 soldiers").
    Approximation,
    /// Geographic head words that end a place's name after its capitalised
    /// words, though alone they are no name ("the Middle East", "the Coral
    /// Sea", "the Jordan Valley").
    PlaceHead,
    /// Words of trying ("is trying to broker", "seeks to mediate"): an
    /// effort to mediate is mediation, though they make other relations only
    /// possible.
    Endeavour,
    /// Verbs of reacting to another's act ("condemned", "welcomed"): their
    /// subject is not the agent of the event noun they govern ("The United
    /// States condemned the incursion").
    Reaction,
    /// Nouns of talks and their outcomes ("talks", "truce", "declaration"):
    /// hosting or brokering needs one nearby to be mediation.
    Talks,
    /// Words of hostilities ("fighting", "war", "clashes"): "both sides"
    /// with no list before them are the two actors of the last sentence
    /// that tells of them.
    Hostilities,
    /// Participles after a hyphen that make the name before them a patron,
    /// not the actor: "Rwanda-backed rebels", "Pakistan-based militants".
    Patron,
    /// Nouns of deciding, moving or refusing whose possessor or by-phrase is
    /// the agent of the infinitive after them ("Ethiopia's move to recognise",
    /// "the decision by Spain to recognise").
    ActNoun,
    /// Verbs whose subject is the agent of the event noun they take as
    /// object: "Kenya led the mediation between …".
    SupportVerb,
    /// Verbs of holding or convening a meeting, mediation only with a
    /// "between" after them: "Malaysia chaired the talks between …".
    Convene,
    /// Reporting verbs that follow their subject in a post-posed
    /// attribution: ", said the minister" (never ", accused Brussels of").
    Inverting,
    /// Texts that an actor adopts, signs or blocks and that recognise or
    /// condemn in its name: "adopted a resolution recognising Palestine",
    /// "vetoed a UN resolution condemning the invasion".
    Document,
    /// Verbs of enacting or blocking a text: a bare name before them is a
    /// person as before a trigger ("Putin signed decrees recognising …").
    Enact,
    /// A person's hold on office: an unknown name possessing one is a
    /// person ("Maduro's re-election", "Assad's regime").
    Office,
    /// Verbs of entering or holding a place whose object may be a bare
    /// direction: "Turkey invaded the north" (of the state named before).
    Entering,
    /// What of a state is recognised through its possessive: "Kosovo's
    /// independence" recognises Kosovo, "Morocco's autonomy plan" does not.
    Status,
    /// Verbs of commanding a force: "the army" right after them is the army
    /// of the state of the actor named before them ("Vucic put the army on
    /// alert").
    Command,
    /// Nouns that, after "the", refer back to the organisation named last
    /// with that word in its name ("the court", "the council").
    OrgNoun,
    /// Nouns that, after "the" and with no owner named, are the government
    /// of the state the document is about ("the government", "the junta").
    BareGovernment,
    /// Verbs that only ask for the event noun they govern: "requested the
    /// deployment of Rwandan troops" (hypothetical; the one asking is not
    /// its agent).
    Solicit,
    /// Nouns a description of an armed group ends in: "the Iran-backed
    /// group", "the Iran-aligned movement".
    GroupNoun,
    /// Force heads naming a state's standing service ("the army", "the
    /// troops", "the police"): with no force named before, the one of the
    /// state the document is about; a vehicle or weapon ("the drone") is
    /// not.
    Service,
    /// Phrases that join a helper to the agent of a mediation: "brokered by
    /// the United States with help from Qatar" (Qatar brokers too, and is
    /// no party).
    CoAgent,
    /// Phrases after a comma that add an agent to a recognition or a
    /// deployment: "France recognised Palestine, joined by Belgium and
    /// Malta" (Belgium and Malta recognise it too).
    JointAgent,
    /// Verbs of a purpose clause after a deployment ("sent a warship to
    /// escort the Gaza flotilla"): only a place after a locative preposition
    /// in it is where the force goes.
    Purpose,
    /// Ranks between an article and a role word ("a senior official of the
    /// Israeli government", "the top commander of the RSF"): the article
    /// still determines the role.
    Rank,
    /// Adjectives that may stand inside a trigger form before one of its
    /// nouns: "lodged a formal diplomatic protest against" is "lodged a
    /// protest against".
    FormModifier,
    /// Verbs that place blame on someone: "laid the blame on X" accuses X.
    Placing,
    /// Participles of perception: "drones were sighted over the airport"
    /// tells what was seen, not whose it is.
    Perception,
    /// Head nouns of a military facility: a capitalised name before one is
    /// a place ("at the Hmeimim air base", "from the Al Udeid base").
    Facility,
    /// Adjectives between a locative preposition and a state's name that
    /// keep it the place: "in neighbouring Benin", "to war-torn Syria".
    PlaceModifier,
    /// Adjectives before a non-state armed actor's noun named by no state
    /// or people: "ethnic armed groups", "Islamist militants".
    GroupModifier,
    /// Collective actors that are no armed force, named by a common noun:
    /// "protesters", "the opposition", "rights groups".
    Collective,
    /// Offices of a state's government ("president", "foreign minister"): a
    /// bare "the president" no one named holds is the salient state's.
    StateOffice,
    /// Nouns of a part or kind of a place before "of" and its name: "the
    /// town of Afrin", "the streets of Khartoum", "the outskirts of Kyiv" (a
    /// capital there is the city, not its government).
    PlacePart,
}

impl Class {
    /// The class of a `lexicon.tsv` class name.
    pub fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "government" => Class::Government,
            "force" => Class::Force,
            "police" => Class::Police,
            "people" => Class::People,
            "modifier" => Class::Modifier,
            "direction" => Class::Direction,
            "region" => Class::Region,
            "border" => Class::Border,
            "speech" => Class::Speech,
            "negation" => Class::Negation,
            "modal" => Class::Modal,
            "locative" => Class::Locative,
            "preposition" => Class::Preposition,
            "clause_break" => Class::ClauseBreak,
            "pronoun_person" => Class::PronounPerson,
            "pronoun_plural" => Class::PronounPlural,
            "pronoun_thing" => Class::PronounThing,
            "pronoun_we" => Class::PronounWe,
            "title" => Class::Title,
            "non_force" => Class::NonForce,
            "not_acronym" => Class::NotAcronym,
            "media" => Class::Media,
            "not_name" => Class::NotName,
            "request" => Class::Request,
            "patient_of" => Class::PatientOf,
            "quantity" => Class::Quantity,
            "wrongdoing" => Class::Wrongdoing,
            "members" => Class::Members,
            "territory" => Class::Territory,
            "examples" => Class::Examples,
            "gerund_head" => Class::GerundHead,
            "denial" => Class::Denial,
            "auxiliary" => Class::Auxiliary,
            "org_head" => Class::OrgHead,
            "irregular" => Class::Irregular,
            "community" => Class::Community,
            "revoke" => Class::Revoke,
            "approximation" => Class::Approximation,
            "place_head" => Class::PlaceHead,
            "endeavour" => Class::Endeavour,
            "reaction" => Class::Reaction,
            "talks" => Class::Talks,
            "hostilities" => Class::Hostilities,
            "patron" => Class::Patron,
            "act_noun" => Class::ActNoun,
            "support_verb" => Class::SupportVerb,
            "convene" => Class::Convene,
            "inverting" => Class::Inverting,
            "document" => Class::Document,
            "enact" => Class::Enact,
            "office" => Class::Office,
            "entering" => Class::Entering,
            "status" => Class::Status,
            "command" => Class::Command,
            "org_noun" => Class::OrgNoun,
            "bare_government" => Class::BareGovernment,
            "solicit" => Class::Solicit,
            "group_noun" => Class::GroupNoun,
            "service" => Class::Service,
            "co_agent" => Class::CoAgent,
            "joint_agent" => Class::JointAgent,
            "purpose" => Class::Purpose,
            "rank" => Class::Rank,
            "form_modifier" => Class::FormModifier,
            "placing" => Class::Placing,
            "perception" => Class::Perception,
            "facility" => Class::Facility,
            "place_modifier" => Class::PlaceModifier,
            "group_modifier" => Class::GroupModifier,
            "collective" => Class::Collective,
            "state_office" => Class::StateOffice,
            "place_part" => Class::PlacePart,
            _ => return None,
        })
    }

    fn bit(self) -> u128 {
        1 << (self as u128)
    }
}

/// The set of lexicon classes of one word (see [`Knowledge::classes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Classes(u128);

impl Classes {
    /// Whether the word belongs to `class`.
    pub fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }

    /// Whether the word is in no class (unknown to the lexicon).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A role word and its kind.
#[derive(Debug, Clone)]
pub struct RoleInfo {
    /// The role as written in `roles.tsv` ("prime minister").
    pub name: String,
    /// `head`, `official` or `expert`.
    pub kind: String,
}

/// All loaded knowledge plus the compiled gazetteer.
pub struct Knowledge {
    /// States.
    pub states: Vec<StateInfo>,
    /// Organisations and groups.
    pub orgs: Vec<OrgInfo>,
    /// Role words.
    pub roles: Vec<RoleInfo>,
    /// Named regions and towns that are not states.
    pub places: Vec<String>,
    /// Whether each place is a point rather than an area: a town, or a
    /// line, shoal, strait or canal (`places.tsv`, third column); "the
    /// region" never refers back to one.
    pub place_is_point: Vec<bool>,
    /// Word classes: folded entry (multi-word entries joined by spaces) → bitmask of its classes.
    words: FxHashMap<String, u128>,
    /// First words of entries → bitmask of the classes they can start.
    starts: FxHashMap<String, u128>,
    /// Direction words → label prefix ("northern" → "Northern").
    pub directions: FxHashMap<String, String>,
    /// The hyphenated words of lexicon entries ("cease-fire", "build-up").
    compounds: rustc_hash::FxHashSet<String>,
    /// Naval ship-name prefixes, folded → the state whose navy uses them
    /// ("uss" → United States).
    pub ship_prefixes: FxHashMap<String, usize>,
    /// State and organisation indices by canonical name (the first of a name).
    state_index: FxHashMap<String, usize>,
    org_index: FxHashMap<String, usize>,
    automaton: AhoCorasick,
    /// Payloads of the automaton's patterns: what it refers to, whether case matters.
    payloads: Vec<(Hit, bool)>,
    /// The automaton's patterns, in order.
    pattern_texts: Vec<String>,
    /// Longest entry (in tokens) of any class, to bound phrase matching.
    pub max_phrase_len: usize,
}

const STATES: &str = include_str!("../data/knowledge/states.tsv");
const ORGS: &str = include_str!("../data/knowledge/organisations.tsv");
const GROUPS: &str = include_str!("../data/knowledge/groups.tsv");
const ROLES: &str = include_str!("../data/knowledge/roles.tsv");
const LEXICON: &str = include_str!("../data/knowledge/lexicon.tsv");
const PLACES: &str = include_str!("../data/knowledge/places.tsv");

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn list(s: Option<&&str>) -> Vec<String> {
    s.map(|s| {
        s.split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

impl Knowledge {
    /// The built-in knowledge, loaded once per process.
    pub fn get() -> &'static Knowledge {
        static K: OnceLock<Knowledge> = OnceLock::new();
        K.get_or_init(|| match Knowledge::load() {
            Ok(k) => k,
            // The data files are compiled in and checked by tests; a syntax
            // error in them is a build defect, not a user error.
            Err(e) => panic!("built-in knowledge is invalid: {e}"),
        })
    }

    /// Parses the built-in data files.
    pub fn load() -> Result<Knowledge> {
        let mut states = Vec::new();
        for (line, cols) in rows(STATES) {
            if cols.len() != 5 || cols[0].is_empty() {
                return Err(Error::Knowledge {
                    file: "states.tsv".into(),
                    line,
                    message: format!("expected 5 tab-separated columns, found {}", cols.len()),
                });
            }
            states.push(StateInfo {
                name: cols[0].to_string(),
                aliases: list(cols.get(1)),
                capitals: list(cols.get(2)),
                adjectives: list(cols.get(3)),
                plurals: list(cols.get(4)),
            });
        }
        let mut orgs = Vec::new();
        for (line, cols) in rows(ORGS) {
            let etype = match cols.get(1).copied() {
                Some("Organisation") => EntityType::Organisation,
                Some("ArmedForce") => EntityType::ArmedForce,
                Some("Group") => EntityType::Group,
                other => {
                    return Err(Error::Knowledge {
                        file: "organisations.tsv".into(),
                        line,
                        message: format!("unknown type {other:?}"),
                    })
                }
            };
            orgs.push(OrgInfo {
                name: cols[0].to_string(),
                etype,
                aliases: list(cols.get(2)),
                parent: cols
                    .get(3)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(String::from),
                collective: false,
                regular: match cols.get(4).map(|s| s.trim()) {
                    None | Some("") => None,
                    Some("army") => Some(Regular::Army),
                    Some("police") => Some(Regular::Police),
                    Some("paramilitary") => Some(Regular::Paramilitary),
                    Some(other) => {
                        return Err(Error::Knowledge {
                            file: "organisations.tsv".into(),
                            line,
                            message: format!(
                                "unknown kind of force {other:?} (army, police or paramilitary)"
                            ),
                        })
                    }
                },
            });
        }
        for (line, cols) in rows(GROUPS) {
            if cols.len() != 2 {
                return Err(Error::Knowledge {
                    file: "groups.tsv".into(),
                    line,
                    message: "expected 2 columns".into(),
                });
            }
            orgs.push(OrgInfo {
                name: cols[0].to_string(),
                etype: EntityType::Group,
                aliases: list(cols.get(1)),
                parent: None,
                collective: true,
                regular: None,
            });
        }
        let mut roles = Vec::new();
        for (line, cols) in rows(ROLES) {
            if cols.len() != 2 {
                return Err(Error::Knowledge {
                    file: "roles.tsv".into(),
                    line,
                    message: "expected 2 columns".into(),
                });
            }
            roles.push(RoleInfo {
                name: cols[0].to_string(),
                kind: cols[1].to_string(),
            });
        }
        let mut places = Vec::new();
        let mut place_aliases = Vec::new();
        let mut place_is_point = Vec::new();
        for (line, cols) in rows(PLACES) {
            places.push(cols[0].to_string());
            place_aliases.push(list(cols.get(1)));
            place_is_point.push(match cols.get(2).map(|s| s.trim()) {
                None | Some("") => false,
                Some("town" | "site") => true,
                Some(other) => {
                    return Err(Error::Knowledge {
                        file: "places.tsv".into(),
                        line,
                        message: format!("unknown kind {other:?} (town, site or empty)"),
                    })
                }
            });
        }
        let mut words: FxHashMap<String, u128> = FxHashMap::default();
        let mut directions = FxHashMap::default();
        let mut ship_prefixes = FxHashMap::default();
        for (line, cols) in rows(LEXICON) {
            if cols.len() != 2 {
                return Err(Error::Knowledge {
                    file: "lexicon.tsv".into(),
                    line,
                    message: "expected 2 columns".into(),
                });
            }
            if cols[0] == "ship_prefix" {
                for e in cols[1].split(';').map(str::trim).filter(|e| !e.is_empty()) {
                    let state = e.split_once(':').and_then(|(w, name)| {
                        Some((w, states.iter().position(|s| s.name == name)?))
                    });
                    let (w, state) = state.ok_or_else(|| Error::Knowledge {
                        file: "lexicon.tsv".into(),
                        line,
                        message: format!(
                            "ship_prefix entry {e:?} needs PREFIX:State of states.tsv"
                        ),
                    })?;
                    ship_prefixes.insert(fold(w), state);
                }
                continue;
            }
            let class = Class::from_name(cols[0]).ok_or_else(|| Error::Knowledge {
                file: "lexicon.tsv".into(),
                line,
                message: format!("unknown word class {:?}", cols[0]),
            })?;
            for e in cols[1].split(';').map(str::trim).filter(|e| !e.is_empty()) {
                if cols[0] == "direction" {
                    let (w, label) = e.split_once(':').ok_or_else(|| Error::Knowledge {
                        file: "lexicon.tsv".into(),
                        line,
                        message: format!("direction entry {e:?} needs word:Label"),
                    })?;
                    directions.insert(w.to_string(), label.to_string());
                    *words.entry(w.to_string()).or_default() |= class.bit();
                } else {
                    *words.entry(fold(e)).or_default() |= class.bit();
                }
            }
        }
        // the clause_break class contains ';' and ':' which the splitter above eats
        for p in [";", ":"] {
            *words.entry(p.to_string()).or_default() |= Class::ClauseBreak.bit();
        }
        let compounds = words
            .keys()
            .flat_map(|e| e.split(' '))
            .filter(|w| crate::text::is_hyphenated(w))
            .map(String::from)
            .collect();
        let max_phrase_len = words
            .keys()
            .map(|e| e.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut starts: FxHashMap<String, u128> = FxHashMap::default();
        for (e, bits) in &words {
            let first = e.split(' ').next().unwrap_or(e).to_string();
            *starts.entry(first).or_default() |= bits;
        }

        // Gazetteer: every surface form with its payload.
        let mut patterns: Vec<String> = Vec::new();
        let mut payloads: Vec<(Hit, bool)> = Vec::new();
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        let mut add = |surface: &str, hit: Hit| {
            let case_sensitive = surface.chars().any(char::is_uppercase);
            let key = surface.to_lowercase();
            if let Some(&i) = seen.get(&key) {
                // first entry wins (state names before capitals before orgs),
                // but the same name in another case is one more spelling of
                // it ("NATO" and "Nato")
                if payloads[i].0 != hit || patterns[i] == surface {
                    return;
                }
            }
            seen.entry(key).or_insert(patterns.len());
            patterns.push(surface.to_string());
            payloads.push((hit, case_sensitive));
            // also the form without diacritics, and with straight apostrophes
            let plain: String = fold_keep_case(surface);
            if plain != surface && !seen.contains_key(&plain.to_lowercase()) {
                seen.insert(plain.to_lowercase(), patterns.len());
                patterns.push(plain);
                payloads.push((hit, case_sensitive));
            }
        };
        for (i, s) in states.iter().enumerate() {
            add(&s.name, Hit::StateName(i));
            for a in &s.aliases {
                add(a, Hit::StateName(i));
            }
        }
        // an acronym said as a word is also written in title case ("Nato",
        // "Ecowas", "Unifil")
        let title_case = |a: &str| -> Option<String> {
            (a.len() >= 4 && a.chars().all(|c| c.is_ascii_uppercase()))
                .then(|| a[..1].to_string() + &a[1..].to_ascii_lowercase())
        };
        for (i, o) in orgs.iter().enumerate() {
            add(&o.name, Hit::Org(i));
            for a in &o.aliases {
                add(a, Hit::Org(i));
            }
            for a in std::iter::once(&o.name).chain(&o.aliases) {
                if let Some(t) = title_case(a) {
                    add(&t, Hit::Org(i));
                }
            }
        }
        // a geographic head is written in lower case too ("the Korean
        // peninsula", "the Taiwan strait")
        let head_lower = |p: &str| -> Option<String> {
            let (rest, last) = p.rsplit_once(' ')?;
            let l = last.to_lowercase();
            (l != last
                && words
                    .get(&l)
                    .is_some_and(|b| b & Class::PlaceHead.bit() != 0))
            .then(|| format!("{rest} {l}"))
        };
        for (i, p) in places.iter().enumerate() {
            for name in std::iter::once(p).chain(&place_aliases[i]) {
                add(name, Hit::Place(i));
                if let Some(lower) = head_lower(name) {
                    add(&lower, Hit::Place(i));
                }
            }
        }
        for (i, s) in states.iter().enumerate() {
            for c in &s.capitals {
                add(c, Hit::Capital(i));
            }
            for a in &s.adjectives {
                add(a, Hit::Adjective(i));
            }
            for p in &s.plurals {
                add(p, Hit::Plural(i));
            }
        }
        for (i, r) in roles.iter().enumerate() {
            add(&r.name, Hit::Role(i));
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // a contiguous NFA: it scans as fast as a full DFA on news text
            // (same time on 10 MB) but builds in a fraction of the time and
            // memory, a fixed cost every process pays (a map step on a shard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .map_err(|e| Error::Knowledge {
                file: "gazetteer".into(),
                line: 0,
                message: e.to_string(),
            })?;
        let mut state_index = FxHashMap::default();
        for (i, st) in states.iter().enumerate() {
            state_index.entry(st.name.clone()).or_insert(i);
        }
        let mut org_index = FxHashMap::default();
        for (i, o) in orgs.iter().enumerate() {
            org_index.entry(o.name.clone()).or_insert(i);
        }
        Ok(Knowledge {
            state_index,
            org_index,
            states,
            orgs,
            roles,
            places,
            place_is_point,
            words,
            starts,
            directions,
            compounds,
            ship_prefixes,
            automaton,
            payloads,
            pattern_texts: patterns,
            max_phrase_len,
        })
    }

    /// The lexicon classes with a phrase starting with the folded word.
    /// Whether a hyphenated compound ("cease-fire") is a word of some lexicon
    /// entry, so that the tokenizer's three tokens are joined into one.
    pub fn is_compound(&self, folded: &str) -> bool {
        self.compounds.contains(folded)
    }

    pub fn starts_of(&self, folded: &str) -> Classes {
        Classes(self.starts.get(folded).copied().unwrap_or(0))
    }

    /// Whether a phrase of `class` can start with the folded word.
    pub fn starts(&self, class: Class, folded: &str) -> bool {
        self.starts
            .get(folded)
            .is_some_and(|b| b & class.bit() != 0)
    }

    /// All lexicon classes of a folded word or phrase, for testing several
    /// with one lookup ([`Classes::has`]).
    pub fn classes(&self, folded: &str) -> Classes {
        Classes(self.words.get(folded).copied().unwrap_or(0))
    }

    /// Whether the folded word or phrase belongs to a lexicon class.
    pub fn is(&self, class: Class, folded: &str) -> bool {
        self.words.get(folded).is_some_and(|b| b & class.bit() != 0)
    }

    /// Finds all gazetteer names in `text[from..]` in one pass: returns byte
    /// spans (absolute) and what they refer to, overlapping ones included
    /// (the caller keeps the longest on token boundaries). Names whose entry
    /// contains capitals must be written with those capitals ("US" never
    /// matches "us", "Northern Cyprus" not "northern Cyprus").
    pub fn scan(&self, text: &str, from: usize) -> Vec<(usize, usize, Hit)> {
        let hay = &text[from..];
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(hay) {
            let (hit, case_sensitive) = self.payloads[m.pattern().as_usize()];
            let found = &hay[m.start()..m.end()];
            if case_sensitive {
                let pat = self.pattern_text(m.pattern().as_usize());
                let ok = pat
                    .chars()
                    .zip(found.chars())
                    .all(|(p, f)| !p.is_uppercase() || f.is_uppercase());
                if !ok {
                    continue;
                }
            }
            out.push((m.start() + from, m.end() + from, hit));
        }
        out
    }

    fn pattern_text(&self, i: usize) -> &str {
        &self.pattern_texts[i]
    }

    /// Whether the place labelled `label` is a point (a town, a line).
    pub fn is_point_place(&self, label: &str) -> bool {
        (self.places.iter())
            .position(|p| p == label)
            .is_some_and(|i| self.place_is_point[i])
    }

    /// The state of an adjective, name or capital, by canonical name.
    pub fn state_by_name(&self, name: &str) -> Option<usize> {
        self.state_index.get(name).copied()
    }

    /// The organisation by canonical name.
    pub fn org_by_name(&self, name: &str) -> Option<usize> {
        self.org_index.get(name).copied()
    }
}

/// Removes diacritics and normalises apostrophes, keeping case.
fn fold_keep_case(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let k = Knowledge::load().expect("knowledge loads");
        assert!(
            k.states.len() >= 197,
            "all UN members plus others: {}",
            k.states.len()
        );
        for name in [
            "Kosovo",
            "Palestine",
            "Taiwan",
            "Western Sahara",
            "Serbia",
            "Armenia",
        ] {
            assert!(k.state_by_name(name).is_some(), "{name}");
        }
        for name in [
            "United Nations",
            "European Union",
            "NATO",
            "KFOR",
            "EULEX",
            "African Union",
            "Arab League",
        ] {
            assert!(k.org_by_name(name).is_some(), "{name}");
        }
    }

    #[test]
    fn scan_respects_case_of_acronyms() {
        let k = Knowledge::get();
        let text = "Let us see what the US and Belgrade say about Vučić’s Serbia.";
        let hits: Vec<&str> = k
            .scan(text, 0)
            .iter()
            .map(|(s, e, _)| &text[*s..*e])
            .collect();
        assert_eq!(hits, ["US", "Belgrade", "Serbia"]);
    }
}
