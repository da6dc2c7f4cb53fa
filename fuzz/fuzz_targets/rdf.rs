#![no_main]
//! See `newskg::fuzz::rdf`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzz::rdf(data));
