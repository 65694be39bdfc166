//! Arbitrary text as the bundled story's claim file, loaded beside the bundled lexicons.
//! The invariants are in `tests/fuzz_checks/mod.rs`, shared with the regression tests.

#![no_main]

use std::path::Path;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    fuzz_checks::claim_file(data, &root);
});
