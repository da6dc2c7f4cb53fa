//! Deterministic generator of realistic articles (shared by the criterion
//! benches and `examples/gen_corpus.rs`): states, capitals and organisations
//! from the gazetteer in varied sentence templates covering all four
//! relations, negation, hypotheticals, quotations — and, for most sentences,
//! distractors that state none of them, so the work per byte resembles news.

#![allow(dead_code)]

use newskg::knowledge::Knowledge;

/// xorshift: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next_u64() % v.len() as u64) as usize]
    }
}

const RELATION_TEMPLATES: &[&str] = &[
    "{A} accused {B} of violating the ceasefire near the border.",
    "The {adjA} government accuses neighbouring {B} of provocations.",
    "“{B} is occupying our territory,” said the {adjA} foreign minister.",
    "{A} has deployed additional troops to the border with {B}, officials said.",
    "{adjA} fighter jets were seen flying over the border region on Sunday.",
    "{A} could send more forces to the frontier if the talks fail, a senior official warned.",
    "{C} has mediated between {A} and {B} since 2019.",
    "The {C}-brokered talks between {adjA} and {adjB} leaders collapsed on Friday.",
    "{A} does not recognise {B}'s independence, but most Western countries do.",
    "{A}, along with {B}, has refused to recognise the new authorities.",
    "{capA} will consider the return of up to 1,000 soldiers to the region.",
    "According to {capA}, the increase in attacks is due to the {capB} government.",
];

const DISTRACTORS: &[&str] = &[
    "The {adjA} president met his {adjB} counterpart in {capC} on Tuesday.",
    "Trade between {A} and {B} grew by 4 percent last year, according to official figures.",
    "Protesters gathered outside the parliament in {capA} to demand early elections.",
    "The central bank of {A} kept interest rates unchanged.",
    "{A} and {B} signed an agreement on energy cooperation.",
    "The minister said the economy would recover by the end of the year.",
    "Thousands of people attended the funeral of the former prime minister.",
    "Officials in {capB} declined to comment on the report.",
    "The United Nations called on all parties to protect civilians.",
    "Heavy rain caused flooding in several provinces, local media reported.",
    "{A} imposed new tariffs on steel imports from {B}.",
    "The opposition in {A} criticised the budget as unrealistic.",
];

fn fill(t: &str, k: &Knowledge, rng: &mut Rng) -> String {
    let states: Vec<usize> = (0..k.states.len())
        .filter(|&i| !k.states[i].capitals.is_empty() && !k.states[i].adjectives.is_empty())
        .collect();
    let a = *rng.pick(&states);
    let mut b = *rng.pick(&states);
    if b == a {
        b = states[(states.iter().position(|&x| x == a).unwrap_or(0) + 1) % states.len()];
    }
    let c = *rng.pick(&states);
    let orgs = ["EU", "UN", "AU", "OSCE", "Qatari", "Turkish"];
    let org: &&str = rng.pick(&orgs[..]);
    t.replace("{A}", &k.states[a].name)
        .replace("{B}", &k.states[b].name)
        .replace("{adjA}", &k.states[a].adjectives[0])
        .replace("{adjB}", &k.states[b].adjectives[0])
        .replace("{capA}", &k.states[a].capitals[0])
        .replace("{capB}", &k.states[b].capitals[0])
        .replace("{capC}", &k.states[c].capitals[0])
        .replace("{C}", org)
}

/// One article of 8 to 27 sentences.
pub fn article(k: &Knowledge, rng: &mut Rng) -> String {
    let mut s = String::new();
    let n = 8 + rng.next_u64() % 20;
    for i in 0..n {
        // about one sentence in four states a relation, the rest are distractors
        let t = if rng.next_u64().is_multiple_of(4) {
            rng.pick(RELATION_TEMPLATES)
        } else {
            rng.pick(DISTRACTORS)
        };
        s.push_str(&fill(t, k, rng));
        s.push_str(if i % 3 == 2 { "\n\n" } else { " " });
    }
    s
}

/// Articles totalling at least `bytes` bytes of text.
pub fn corpus(bytes: usize) -> Vec<String> {
    let k = Knowledge::get();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::new();
    let mut n = 0;
    while n < bytes {
        let a = article(k, &mut rng);
        n += a.len();
        out.push(a);
    }
    out
}
