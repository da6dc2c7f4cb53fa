#![no_main]
//! See `newskg::fuzz::sparql`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzz::sparql(data));
