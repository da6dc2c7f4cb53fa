//! The data model shared by all stages: entities, relations, events.

use serde::Serialize;

use crate::document::Date;
use crate::text::fold;

/// The type of an actor or place, as in the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    /// A named person.
    Person,
    /// A state or its government.
    State,
    /// An organisation: IGO, party, ministry, mission, agency.
    Organisation,
    /// A police or military force.
    ArmedForce,
    /// A collective actor: ethnic group, "the West", "the international community".
    Group,
    /// A named or clearly delimited area.
    Place,
}

impl EntityType {
    /// The local name of the ontology class (`Person`, `State`, …).
    pub fn class_name(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::State => "State",
            EntityType::Organisation => "Organisation",
            EntityType::ArmedForce => "ArmedForce",
            EntityType::Group => "Group",
            EntityType::Place => "Place",
        }
    }

    /// Lower-case path segment used in entity IRIs.
    pub fn slug(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::State => "state",
            EntityType::Organisation => "organisation",
            EntityType::ArmedForce => "armedforce",
            EntityType::Group => "group",
            EntityType::Place => "place",
        }
    }

    /// Whether entities of this type can act (be an agent).
    pub fn is_actor(self) -> bool {
        self != EntityType::Place
    }
}

/// An actor or place. Its key (and IRI) depends only on its type and
/// canonical name, never on the document it was found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// `type/slug`, e.g. `state/serbia`, `person/aleksandar-vucic`.
    pub key: String,
    /// Canonical name.
    pub label: String,
    /// Type.
    pub etype: EntityType,
    /// Role of a person ("president"), if known.
    pub role: Option<String>,
    /// Key of the state or organisation a person or force belongs to.
    pub affiliation: Option<String>,
    /// Other names it was mentioned by.
    pub aliases: Vec<String>,
}

/// Makes the key of an entity from its type and label.
pub fn entity_key(etype: EntityType, label: &str) -> String {
    format!("{}/{}", etype.slug(), slug(label))
}

/// Folds a label into an IRI-safe slug: `Kosovo–Serbia border` → `kosovo-serbia-border`.
pub fn slug(label: &str) -> String {
    if label.is_ascii() {
        // the rest of `fold` on ASCII (whitespace, '`') touches only what a
        // slug drops, so lower-casing is enough: no folded copy needed
        return slug_chars(
            label.bytes().map(|b| char::from(b.to_ascii_lowercase())),
            label.len(),
        );
    }
    slug_chars(fold(label).chars(), label.len())
}

/// The slug of already folded characters.
fn slug_chars(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut dash = false;
    for c in chars {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

impl Entity {
    /// A new entity with no role, affiliation or aliases.
    pub fn new(etype: EntityType, label: impl Into<String>) -> Entity {
        let label = label.into();
        Entity {
            key: entity_key(etype, &label),
            label,
            etype,
            role: None,
            affiliation: None,
            aliases: Vec::new(),
        }
    }
}

/// The four relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Attributing wrongdoing or hostile intent (CAMEO 112).
    Accuses,
    /// Sending or positioning forces (CAMEO 15x, PLOVER MOBILIZE).
    Deploys,
    /// Brokering or overseeing talks between parties (CAMEO 045).
    Mediates,
    /// Granting or withholding recognition (CAMEO 054).
    Recognises,
}

impl Relation {
    /// All relations in order.
    pub const ALL: [Relation; 4] = [
        Relation::Accuses,
        Relation::Deploys,
        Relation::Mediates,
        Relation::Recognises,
    ];

    /// The verb form used in gold files and the CLI (`accuses`).
    pub fn name(self) -> &'static str {
        match self {
            Relation::Accuses => "accuses",
            Relation::Deploys => "deploys",
            Relation::Mediates => "mediates",
            Relation::Recognises => "recognises",
        }
    }

    /// The event class local name (`Accusation`).
    pub fn event_class(self) -> &'static str {
        match self {
            Relation::Accuses => "Accusation",
            Relation::Deploys => "Deployment",
            Relation::Mediates => "Mediation",
            Relation::Recognises => "Recognition",
        }
    }

    /// Parses a relation name (`accuses`, `accuse`, `recognizes`, `Deployment`, …).
    pub fn parse(s: &str) -> Option<Relation> {
        let s = fold(s);
        match s.as_str() {
            "accuses" | "accuse" | "accusation" | "accused" => Some(Relation::Accuses),
            "deploys" | "deploy" | "deployment" | "deployed" => Some(Relation::Deploys),
            "mediates" | "mediate" | "mediation" | "mediated" => Some(Relation::Mediates),
            "recognises" | "recognizes" | "recognise" | "recognize" | "recognition" => {
                Some(Relation::Recognises)
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Shared, immutable text: the graph keeps one copy of each entity key,
/// trigger, pattern and sentence however many events refer to it. A thin
/// pointer (8 bytes, length and count live with the text), so an event's
/// seven strings cost 56 bytes, not 112.
pub type Text = arcstr::ArcStr;

/// One relation instance, supported by one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Document id.
    pub doc: Text,
    /// Article date.
    #[serde(skip)]
    pub date: Option<Date>,
    /// Relation.
    pub relation: Relation,
    /// Agent entity key.
    pub agent: Text,
    /// Target entity keys (one per mediated party; empty when none stated).
    pub targets: Vec<Text>,
    /// The text says the relation does not hold.
    pub negated: bool,
    /// The event is considered, intended, threatened, conditional or possible.
    pub hypothetical: bool,
    /// Who made the claim (entity key), when someone is quoted or reported.
    pub attributed_to: Option<Text>,
    /// The force deployed ("special police units"), for deployments.
    pub force: Option<Text>,
    /// The word or phrase that triggered the relation.
    pub trigger: Text,
    /// The id of the pattern that matched.
    pub pattern: Text,
    /// The sentence text.
    pub sentence: Text,
    /// Character offset of the sentence start in the file.
    pub start: usize,
    /// Character offset after the sentence end in the file.
    pub end: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The ASCII path equals slugging the folded label.
        #[test]
        fn ascii_slug_is_the_folded_slug(s in "[ -~\t\n]{0,30}") {
            proptest::prop_assert_eq!(slug(&s), slug_chars(fold(&s).chars(), s.len()));
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Kosovo–Serbia border"), "kosovo-serbia-border");
        assert_eq!(slug("  Rapid Support  Forces "), "rapid-support-forces");
        assert_eq!(slug("Aleksandar Vučić"), "aleksandar-vucic");
        assert_eq!(slug("--"), "_");
    }
}
