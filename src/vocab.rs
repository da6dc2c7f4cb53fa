//! The vocabulary as typed constants, mirroring `ontology/newskg.ttl`.
//! No IRI is spelled anywhere else in the code.

use oxrdf::NamedNodeRef;

/// The newskg namespace.
pub const NKG: &str = "https://w3id.org/newskg/ns#";
/// Base of entity, article and event IRIs.
pub const ID: &str = "https://w3id.org/newskg/id/";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// SKOS.
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// schema.org.
pub const SCHEMA: &str = "https://schema.org/";

/// Prefixes declared in every export and predeclared in queries.
pub const PREFIXES: &[(&str, &str)] = &[
    ("nkg", NKG),
    ("prov", PROV),
    ("dcterms", DCTERMS),
    ("rdfs", RDFS),
    ("rdf", RDF),
    ("xsd", XSD),
    ("skos", SKOS),
    ("owl", OWL),
    ("schema", SCHEMA),
];

/// Prefixes for the IRIs of data (entities by type, articles, events): `state:serbia`.
pub const ID_PREFIXES: &[(&str, &str)] = &[
    ("article", "https://w3id.org/newskg/id/article/"),
    ("event", "https://w3id.org/newskg/id/event/"),
    ("person", "https://w3id.org/newskg/id/person/"),
    ("state", "https://w3id.org/newskg/id/state/"),
    ("organisation", "https://w3id.org/newskg/id/organisation/"),
    ("armedforce", "https://w3id.org/newskg/id/armedforce/"),
    ("group", "https://w3id.org/newskg/id/group/"),
    ("place", "https://w3id.org/newskg/id/place/"),
];

macro_rules! terms {
    ($ns:literal; $($(#[$doc:meta])* $name:ident = $local:literal;)*) => {
        $( $(#[$doc])* pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local)); )*
    };
}

/// Terms of the newskg ontology.
pub mod nkg {
    use super::NamedNodeRef;
    terms! { "https://w3id.org/newskg/ns#";
        /// Class of all relation instances.
        EVENT = "Event";
        /// An accusation event.
        ACCUSATION = "Accusation";
        /// A deployment event.
        DEPLOYMENT = "Deployment";
        /// A mediation event.
        MEDIATION = "Mediation";
        /// A recognition event.
        RECOGNITION = "Recognition";
        /// A news article.
        ARTICLE = "Article";
        /// Class of actors.
        ACTOR = "Actor";
        /// A person.
        PERSON = "Person";
        /// A state or its government.
        STATE = "State";
        /// An organisation.
        ORGANISATION = "Organisation";
        /// A police or military force.
        ARMED_FORCE = "ArmedForce";
        /// A collective actor.
        GROUP = "Group";
        /// A place.
        PLACE = "Place";
        /// The subject of an event.
        AGENT = "agent";
        /// The object of an event.
        TARGET = "target";
        /// Whether the text says the relation does not hold.
        NEGATED = "negated";
        /// Whether the event is only considered, intended, threatened, conditional or possible.
        HYPOTHETICAL = "hypothetical";
        /// Direct edge: accuses.
        ACCUSES = "accuses";
        /// Direct edge: deploys (forces to).
        DEPLOYS = "deploys";
        /// Direct edge: mediates (between).
        MEDIATES = "mediates";
        /// Direct edge: recognises.
        RECOGNISES = "recognises";
        /// The supporting sentence.
        SENTENCE = "sentence";
        /// Character offset of the sentence start in the article file.
        START_OFFSET = "startOffset";
        /// Character offset after the sentence end.
        END_OFFSET = "endOffset";
        /// The trigger word or phrase.
        TRIGGER = "trigger";
        /// The extraction pattern.
        PATTERN = "pattern";
        /// The force deployed.
        FORCE = "force";
        /// A person's role.
        ROLE = "role";
        /// The state or organisation an actor belongs to.
        AFFILIATION = "affiliation";
    }
}

/// Terms of other vocabularies.
pub mod ext {
    use super::NamedNodeRef;
    terms! { "http://www.w3.org/ns/prov#";
        /// prov:wasDerivedFrom.
        WAS_DERIVED_FROM = "wasDerivedFrom";
        /// prov:wasAttributedTo.
        WAS_ATTRIBUTED_TO = "wasAttributedTo";
    }
    terms! { "http://purl.org/dc/terms/";
        /// dcterms:identifier.
        IDENTIFIER = "identifier";
        /// dcterms:date.
        DATE = "date";
    }
    terms! { "http://www.w3.org/2000/01/rdf-schema#";
        /// rdfs:label.
        LABEL = "label";
    }
    terms! { "http://www.w3.org/2004/02/skos/core#";
        /// skos:altLabel.
        ALT_LABEL = "altLabel";
    }
    terms! { "http://www.w3.org/2001/XMLSchema#";
        /// xsd:boolean.
        BOOLEAN = "boolean";
        /// xsd:integer.
        INTEGER = "integer";
        /// xsd:date.
        XSD_DATE = "date";
    }
}

/// The class of an entity type.
pub fn entity_class(t: crate::model::EntityType) -> NamedNodeRef<'static> {
    use crate::model::EntityType::*;
    match t {
        Person => nkg::PERSON,
        State => nkg::STATE,
        Organisation => nkg::ORGANISATION,
        ArmedForce => nkg::ARMED_FORCE,
        Group => nkg::GROUP,
        Place => nkg::PLACE,
    }
}

/// The event class of a relation.
pub fn event_class(r: crate::model::Relation) -> NamedNodeRef<'static> {
    use crate::model::Relation::*;
    match r {
        Accuses => nkg::ACCUSATION,
        Deploys => nkg::DEPLOYMENT,
        Mediates => nkg::MEDIATION,
        Recognises => nkg::RECOGNITION,
    }
}

/// The direct-edge property of a relation.
pub fn direct_property(r: crate::model::Relation) -> NamedNodeRef<'static> {
    use crate::model::Relation::*;
    match r {
        Accuses => nkg::ACCUSES,
        Deploys => nkg::DEPLOYS,
        Mediates => nkg::MEDIATES,
        Recognises => nkg::RECOGNISES,
    }
}
