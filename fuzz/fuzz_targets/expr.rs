//! Arbitrary text as a claim expression (`wirecheck::lang::parse_claim`), printed and parsed again.
//! The invariants are in `tests/fuzz_checks/mod.rs`, shared with the regression tests.

#![no_main]

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::expr(data));
