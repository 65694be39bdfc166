//! Changes: whether a value is the earlier level in a change ("fell from 64.5% to 38.2%", "up
//! from 300", "compared with 300", "against 300 a year earlier") rather than the current one,
//! so that the binder does not check a claim about today against last year's figure.

use crate::value::Value;

use super::{Sentence, words};

/// How far back from "from" a verb of change may be and still govern it: "has grown by 12% in
/// a year, from 184,300" puts seven tokens between them.
const CHANGE_WINDOW: usize = 12;

/// Whether the value read at `start..end` is an earlier level: after "from" governed by a verb
/// of change, after "compared with/to", or after "against" with a time before the event
/// following the value. Dates and relative times are when, not how much, and are never prior.
pub(super) fn prior(s: &Sentence, start: usize, end: usize, value: &Value) -> bool {
    if matches!(
        value,
        Value::Date { .. } | Value::DateRange { .. } | Value::RelativeTime { .. } | Value::Term(_)
    ) {
        return false;
    }
    let Some(mut p) = start.checked_sub(1) else {
        return false;
    };
    // "compared with the 300 recorded a year earlier".
    if s.key(p) == "the" {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        p = q;
    }
    match s.key(p) {
        "from" => governed_by_change(s, p),
        "with" | "to" => matches!(
            s.prev_key(p),
            "compared" | "compares" | "comparing" | "comparison"
        ),
        "against" => earlier_time(s, end),
        _ => false,
    }
}

/// Whether a verb of change precedes the "from" at `from` in the same clause: "fell from",
/// "up from", "has grown by 12% in a year, from". Also used to keep "rose from 200 to 300" from
/// being read as one range.
pub(super) fn governed_by_change(s: &Sentence, from: usize) -> bool {
    let lowest = from.saturating_sub(CHANGE_WINDOW);
    let mut k = from;
    while k > lowest {
        k -= 1;
        // A new clause or an aside starts: its verbs do not reach the "from".
        if matches!(s.raw(k), ";" | ":" | "(" | ")" | "." | "?" | "!" | "—") {
            return false;
        }
        let key = s.key(k);
        if words::is_change_verb(key) {
            // "up"/"down" are particles of other verbs in "stepped down from two roles".
            let particle = matches!(key, "up" | "down") && words::is_participle(s.prev_key(k));
            if !particle {
                return true;
            }
        }
    }
    false
}

/// A time before the event right after the value (skipping the counted noun), which makes
/// "against 300" a comparison with an earlier level: "a year earlier", "the previous year",
/// "the year before", "last year", "in 2019", "in the same period last year".
fn earlier_time(s: &Sentence, end: usize) -> bool {
    let mut q = end;
    // "against 184,300 [people] a year earlier": up to three words of the head.
    for _ in 0..3 {
        if earlier_time_at(s, q) {
            return true;
        }
        let key = s.key(q);
        if !s.is_word(q) || words::is_closed(key) || words::is_number_word(key) {
            return false;
        }
        q += 1;
    }
    earlier_time_at(s, q)
}

fn earlier_time_at(s: &Sentence, q: usize) -> bool {
    let unit = |k: usize| words::time_unit(s.key(k)).is_some() || s.key(k) == "quarter";
    let earlier = |k: usize| matches!(s.key(k), "earlier" | "before" | "ago" | "previously");
    let amount = |k: usize| {
        s.is_number(k) || matches!(s.key(k), "a" | "an") || words::is_number_word(s.key(k))
    };
    let year = |k: usize| s.is_number(k) && s.raw(k).len() == 4;
    match s.key(q) {
        "the" => match s.key(q + 1) {
            "previous" | "preceding" | "prior" => s.is_word(q + 2),
            "same" => true,
            _ => unit(q + 1) && earlier(q + 2),
        },
        "last" => unit(q + 1) || words::month(s.key(q + 1)).is_some_and(|(_, full)| full),
        "in" | "during" | "for" | "over" => {
            year(q + 1) || s.key(q + 1) == "the" && s.key(q + 2) == "same"
        }
        _ => amount(q) && unit(q + 1) && earlier(q + 2),
    }
}
