//! A read-only triple index for `newskg query`: every term is stored once in
//! a dictionary and numbered, and the triples are three sorted arrays of
//! numbers (subject–predicate–object, predicate–object–subject and
//! object–subject–predicate), as in HDT or a column store. Any triple
//! pattern is then one or two binary searches and a contiguous slice.
//!
//! oxigraph's SPARQL engine (spareval) evaluates queries over it through its
//! [`QueryableDataset`] trait; only the storage differs from oxigraph's own
//! store, which keeps per-quad versions for transactions and so answers each
//! lookup of a join more slowly. An export is written once and queried many
//! times, so building the index (parse, number, sort) is the only write.

use std::convert::Infallible;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use oxrdf::{Term, Triple};
use rustc_hash::FxBuildHasher;
use spareval::{InternalQuad, QueryableDataset};

/// A term of a query: one stored in the index (by number), or one the data
/// does not contain (a constant of the query, a computed value).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IndexTerm {
    /// The number of a stored term.
    Stored(u32),
    /// A term the data does not contain.
    Outside(Box<Term>),
}

/// Term numbering: each distinct term once, found again by hash.
#[derive(Debug, Default)]
struct Dictionary {
    terms: Vec<Term>,
    ids: HashTable<u32>,
}

impl Dictionary {
    fn hash(t: &Term) -> u64 {
        FxBuildHasher.hash_one(t)
    }

    fn get(&self, t: &Term) -> Option<u32> {
        self.ids
            .find(Self::hash(t), |&id| self.terms[id as usize] == *t)
            .copied()
    }

    fn intern(&mut self, t: Term) -> Result<u32, IndexFull> {
        let h = Self::hash(&t);
        let terms = &self.terms;
        if let Some(&id) = self.ids.find(h, |&id| terms[id as usize] == t) {
            return Ok(id);
        }
        let id = u32::try_from(self.terms.len()).map_err(|_| IndexFull)?;
        let terms = &self.terms;
        self.ids
            .insert_unique(h, id, |&i| Self::hash(&terms[i as usize]));
        self.terms.push(t);
        Ok(id)
    }
}

/// More than 2³² distinct terms.
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("more than 4,294,967,295 distinct RDF terms")]
pub struct IndexFull;

/// Which of (s, p, o) each column of a sorted array holds.
#[derive(Debug, Clone, Copy)]
enum Order {
    Spo,
    Pos,
    Osp,
}

impl Order {
    /// A triple (s, p, o) as this order's key.
    fn key(self, [s, p, o]: [u32; 3]) -> [u32; 3] {
        match self {
            Order::Spo => [s, p, o],
            Order::Pos => [p, o, s],
            Order::Osp => [o, s, p],
        }
    }

    /// A key of this order as the triple (s, p, o).
    fn triple(self, k: [u32; 3]) -> [u32; 3] {
        match self {
            Order::Spo => k,
            Order::Pos => [k[2], k[0], k[1]],
            Order::Osp => [k[1], k[2], k[0]],
        }
    }
}

/// The index. Add triples with [`TripleIndex::insert`], then call
/// [`TripleIndex::seal`] before querying (queries on an unsealed index see
/// the triples of the last seal).
#[derive(Debug, Default)]
pub struct TripleIndex {
    dict: Dictionary,
    spo: Vec<[u32; 3]>,
    pos: Vec<[u32; 3]>,
    osp: Vec<[u32; 3]>,
    /// For each order, where the keys starting with term `t` begin: a lookup
    /// by its first column is two reads, not a binary search of the whole array.
    starts: [Vec<u32>; 3],
    sealed: usize,
}

/// A key as one number, for comparing in one step.
fn packed(k: &[u32; 3]) -> u128 {
    (u128::from(k[0]) << 64) | (u128::from(k[1]) << 32) | u128::from(k[2])
}

/// Offsets of the first key of each term in a sorted array (`terms + 1` entries).
fn starts(a: &[[u32; 3]], terms: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(terms + 1);
    let mut i = 0;
    for t in 0..=terms {
        while i < a.len() && (a[i][0] as usize) < t {
            i += 1;
        }
        // the arrays hold fewer than 2³² triples (checked when sealing)
        out.push(i as u32);
    }
    out
}

impl TripleIndex {
    /// An empty index.
    pub fn new() -> TripleIndex {
        TripleIndex::default()
    }

    /// Adds a triple (duplicates are removed by [`TripleIndex::seal`]).
    pub fn insert(&mut self, t: Triple) -> Result<(), IndexFull> {
        if self.spo.len() >= u32::MAX as usize {
            return Err(IndexFull);
        }
        let s = self.dict.intern(t.subject.into())?;
        let p = self.dict.intern(t.predicate.into())?;
        let o = self.dict.intern(t.object)?;
        self.spo.push([s, p, o]);
        Ok(())
    }

    /// Sorts and deduplicates the triples and builds the other two orders.
    pub fn seal(&mut self) {
        use rayon::prelude::*;
        self.spo.par_sort_unstable();
        self.spo.dedup();
        self.spo.shrink_to_fit();
        let spo = &self.spo;
        let build = |order: Order| {
            let mut v: Vec<[u32; 3]> = spo.par_iter().map(|&t| order.key(t)).collect();
            v.par_sort_unstable();
            v
        };
        let (pos, osp) = rayon::join(|| build(Order::Pos), || build(Order::Osp));
        self.pos = pos;
        self.osp = osp;
        let n = self.dict.terms.len();
        self.starts = [
            starts(&self.spo, n),
            starts(&self.pos, n),
            starts(&self.osp, n),
        ];
        self.sealed = self.spo.len();
    }

    /// Number of distinct triples (as of the last seal).
    pub fn len(&self) -> usize {
        self.sealed
    }

    /// Whether the index holds no triple.
    pub fn is_empty(&self) -> bool {
        self.sealed == 0
    }

    /// Number of distinct terms.
    pub fn terms(&self) -> usize {
        self.dict.terms.len()
    }

    /// The keys of an order whose first column is `first`.
    fn keys_of(&self, order: Order, first: u32) -> &[[u32; 3]] {
        let (v, starts) = match order {
            Order::Spo => (&self.spo, &self.starts[0]),
            Order::Pos => (&self.pos, &self.starts[1]),
            Order::Osp => (&self.osp, &self.starts[2]),
        };
        let f = first as usize;
        match (starts.get(f), starts.get(f + 1)) {
            (Some(&lo), Some(&hi)) => v.get(lo as usize..hi as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The triples matching a pattern (`None` = any), as numbers (s, p, o).
    pub fn matching(
        &self,
        s: Option<u32>,
        p: Option<u32>,
        o: Option<u32>,
    ) -> impl Iterator<Item = [u32; 3]> + '_ {
        // the order whose key starts with the bound positions, and the bound
        // values after the first
        let (order, first, rest): (Order, Option<u32>, [Option<u32>; 2]) = match (s, p, o) {
            (Some(s), p, None) => (Order::Spo, Some(s), [p, None]),
            (Some(s), None, Some(o)) => (Order::Osp, Some(o), [Some(s), None]),
            (Some(s), Some(p), Some(o)) => (Order::Spo, Some(s), [Some(p), Some(o)]),
            (None, Some(p), o) => (Order::Pos, Some(p), [o, None]),
            (None, None, Some(o)) => (Order::Osp, Some(o), [None, None]),
            (None, None, None) => (Order::Spo, None, [None, None]),
        };
        let a: &[[u32; 3]] = match first {
            Some(f) => self.keys_of(order, f),
            None => &self.spo[..self.sealed.min(self.spo.len())],
        };
        // within one first column, a binary search on the packed key
        let (lo, hi) = match (first, rest) {
            (Some(f), [Some(x), y]) => {
                let lo = [f, x, y.unwrap_or(0)];
                let hi = [f, x, y.unwrap_or(u32::MAX)];
                (
                    a.partition_point(|k| packed(k) < packed(&lo)),
                    a.partition_point(|k| packed(k) <= packed(&hi)),
                )
            }
            _ => (0, a.len()),
        };
        a[lo..hi].iter().map(move |&k| order.triple(k))
    }

    fn stored(&self, t: &IndexTerm) -> Option<u32> {
        match t {
            IndexTerm::Stored(id) => Some(*id),
            IndexTerm::Outside(_) => None,
        }
    }
}

impl<'a> QueryableDataset<'a> for &'a TripleIndex {
    type InternalTerm = IndexTerm;
    type Error = Infallible;

    fn internal_quads_for_pattern(
        &self,
        subject: Option<&IndexTerm>,
        predicate: Option<&IndexTerm>,
        object: Option<&IndexTerm>,
        graph_name: Option<Option<&IndexTerm>>,
    ) -> impl Iterator<Item = Result<InternalQuad<IndexTerm>, Infallible>> + use<'a> {
        let index: &'a TripleIndex = self;
        // everything is in the default graph; a bound term the data does not
        // contain matches nothing
        let bound = |t: Option<&IndexTerm>| match t {
            None => Some(None),
            Some(t) => index.stored(t).map(Some),
        };
        let pattern = match (graph_name, bound(subject), bound(predicate), bound(object)) {
            (Some(None), Some(s), Some(p), Some(o)) => Some((s, p, o)),
            _ => None,
        };
        pattern
            .into_iter()
            .flat_map(move |(s, p, o)| index.matching(s, p, o))
            .map(|[s, p, o]| {
                Ok(InternalQuad {
                    subject: IndexTerm::Stored(s),
                    predicate: IndexTerm::Stored(p),
                    object: IndexTerm::Stored(o),
                    graph_name: None,
                })
            })
    }

    fn internalize_term(&self, term: Term) -> Result<IndexTerm, Infallible> {
        Ok(match self.dict.get(&term) {
            Some(id) => IndexTerm::Stored(id),
            None => IndexTerm::Outside(Box::new(term)),
        })
    }

    fn externalize_term(&self, term: IndexTerm) -> Result<Term, Infallible> {
        Ok(match term {
            IndexTerm::Stored(id) => self.dict.terms[id as usize].clone(),
            IndexTerm::Outside(t) => *t,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxrdf::{Literal, NamedNode};

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("http://e/{s}"))
    }

    #[test]
    fn every_pattern_finds_exactly_the_matching_triples() {
        let mut idx = TripleIndex::new();
        let names = ["a", "b", "c", "d"];
        let mut all = Vec::new();
        for (i, s) in names.iter().enumerate() {
            for (j, p) in names.iter().enumerate().take(3) {
                if (i + j) % 2 == 0 {
                    let o: Term = if j == 2 {
                        Literal::new_simple_literal(*s).into()
                    } else {
                        iri(names[(i + j + 1) % 4]).into()
                    };
                    let t = Triple::new(iri(s), iri(p), o);
                    all.push(t.clone());
                    idx.insert(t.clone()).expect("room");
                    idx.insert(t).expect("room"); // duplicates count once
                }
            }
        }
        idx.seal();
        assert_eq!(idx.len(), all.len());
        let id = |t: &Term| idx.dict.get(t);
        // every combination of bound positions, against a linear scan
        for t in &all {
            let (s, p, o): (Term, Term, Term) = (
                t.subject.clone().into(),
                t.predicate.clone().into(),
                t.object.clone(),
            );
            for mask in 0..8u8 {
                let pick = |bit: u8, x: &Term| (mask & bit != 0).then(|| id(x).expect("stored"));
                let (bs, bp, bo) = (pick(1, &s), pick(2, &p), pick(4, &o));
                let mut got: Vec<[u32; 3]> = idx.matching(bs, bp, bo).collect();
                got.sort_unstable();
                let mut want: Vec<[u32; 3]> = all
                    .iter()
                    .map(|t| {
                        let s: Term = t.subject.clone().into();
                        let p: Term = t.predicate.clone().into();
                        [id(&s), id(&p), id(&t.object)].map(|x| x.expect("stored"))
                    })
                    .filter(|k| {
                        bs.is_none_or(|x| x == k[0])
                            && bp.is_none_or(|x| x == k[1])
                            && bo.is_none_or(|x| x == k[2])
                    })
                    .collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(got, want, "mask {mask}");
                assert!(!got.is_empty());
            }
        }
    }

    #[test]
    fn terms_outside_the_data_match_nothing_and_round_trip() {
        let mut idx = TripleIndex::new();
        idx.insert(Triple::new(iri("a"), iri("p"), iri("b")))
            .expect("room");
        idx.seal();
        let d = &idx;
        let outside = d.internalize_term(iri("zzz").into()).expect("infallible");
        assert!(matches!(outside, IndexTerm::Outside(_)));
        assert_eq!(
            d.internal_quads_for_pattern(Some(&outside), None, None, Some(None))
                .count(),
            0
        );
        let a = d.internalize_term(iri("a").into()).expect("infallible");
        assert_eq!(
            d.internal_quads_for_pattern(Some(&a), None, None, Some(None))
                .count(),
            1
        );
        // nothing is in a named graph
        assert_eq!(
            d.internal_quads_for_pattern(Some(&a), None, None, None)
                .count(),
            0
        );
        assert_eq!(
            d.externalize_term(outside).expect("infallible"),
            Term::from(iri("zzz"))
        );
    }
}
