//! Texts that stand alone, for formats whose readers see one finding at a time, out of context
//! (a code-scanning alert, a pull-request annotation), and the paths those formats want.

use crate::finding::Finding;
use crate::problem::Problem;

/// A finding's message with who says what: "most senior officer: The Independent says …, but
/// the claim says … (3 of 4 versions that mention it say …: HuffPost UK, …)".
pub(super) fn finding(f: &Finding) -> String {
    match f.help.first() {
        Some(who_says_what) => format!("{} ({who_says_what})", f.message),
        None => f.message.clone(),
    }
}

/// A problem's message with its help ("did you mean `near`?").
pub(super) fn problem(p: &Problem) -> String {
    match &p.help {
        Some(help) => format!("{} ({help})", p.message),
        None => p.message.clone(),
    }
}

/// A displayed path as CI tools want it: forward slashes, whatever the platform.
pub(super) fn slashed(path: &str) -> String {
    path.replace('\\', "/")
}
