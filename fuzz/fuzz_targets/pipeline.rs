//! Arbitrary bytes as one more version of the bundled story, and (for inputs of odd length, to
//! keep the rate up) as a draft of it: the whole check, from reading the file to the JSON and
//! terminal reports. The invariants are in `tests/fuzz_checks/mod.rs`, shared with the
//! regression tests. Run it with `RAYON_NUM_THREADS=1` to keep it on one core.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

#[path = "../../tests/fuzz_checks/mod.rs"]
mod fuzz_checks;

static PIPELINE: OnceLock<fuzz_checks::Pipeline> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let pipeline = PIPELINE.get_or_init(|| {
        let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
        // A copy of the bundled corpus inside fuzz/target (ignored by git), reused by every run.
        fuzz_checks::Pipeline::new(&fuzz.join(".."), &fuzz.join("target/pipeline-project"))
    });
    pipeline.check_version(data);
    if data.len() % 2 == 1 {
        pipeline.check_draft(data);
    }
});
