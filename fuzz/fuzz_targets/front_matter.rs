//! Arbitrary text as an article's opening: front matter split and parsed.
//! The invariants are in `tests/fuzz_checks/mod.rs`, shared with the regression tests.

#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::front_matter(data));
