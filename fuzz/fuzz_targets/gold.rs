#![no_main]
//! See `newskg::fuzz::gold`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzz::gold(data));
