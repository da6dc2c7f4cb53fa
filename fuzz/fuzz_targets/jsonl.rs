#![no_main]
//! See `newskg::fuzz::jsonl`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzz::jsonl(data));
