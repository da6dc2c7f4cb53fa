#![no_main]
//! See `newskg::fuzz::article`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| newskg::fuzz::article(data));
