//! Shares: percentages ("0.1 per cent", "5%"), fraction words ("two-thirds", "a fifth"),
//! "one in five", "half", "a majority", and "2/3" in claim literals.

use crate::value::Interval;

use super::head::HeadFrom;
use super::numbers::{self, Amount, Form};
use super::quantity::{Core, Kind};
use super::{Sentence, words};

/// End of a percent sign or word after a number: "%", "per cent", "percent", "pc".
pub(super) fn percent(s: &Sentence, k: usize) -> Option<usize> {
    if s.raw(k) == "%" {
        return Some(k + 1);
    }
    match s.key(k) {
        "per" if matches!(s.key(k + 1), "cent" | "centum") => Some(k + 2),
        "percent" | "pc" => Some(k + 1),
        _ => None,
    }
}

/// End of "percentage point(s)" after a number: a difference, read as a measure.
pub(super) fn percentage_points(s: &Sentence, k: usize) -> Option<usize> {
    (s.key(k) == "percentage" && matches!(s.key(k + 1), "point" | "points")).then_some(k + 2)
}

/// What a fraction word after a numerator makes.
pub(super) enum FractionOf {
    /// "two-thirds", "a fifth": a share.
    Share(f64),
    /// "three-quarters of an hour": that part of one unit of time, in days.
    Period(f64, f64),
}

/// A fraction word at `k` (after a glued hyphen when `hyphen`) with `amt` as its numerator.
pub(super) fn fraction(
    s: &Sentence,
    amt: &Amount,
    k: usize,
    hyphen: bool,
) -> Option<(FractionOf, usize)> {
    let at = if hyphen { k + 1 } else { k };
    let (den, plural, _) = words::fraction(s.key(at))?;
    let numerator_ok = amt.integer
        && amt.range.is_none()
        && amt.scale == 1.0
        && matches!(amt.form, Form::Words | Form::Digits | Form::Article)
        && (1.0..=den).contains(&amt.n);
    // "two third" is not English; "one thirds" is a slip worth accepting.
    if !numerator_ok || (!plural && amt.n != 1.0) {
        return None;
    }
    let end = at + 1;
    // "a quarter-final", "one-third-owned": a compound, not a fraction.
    if s.raw(end) == "-" && s.glued(end) {
        return None;
    }
    // "a third officer", "a quarter century": an ordinal or a unit, not a share. As a share
    // the singular after "a" is followed by "of", a closed-class word or punctuation.
    if amt.form == Form::Article && !plural {
        let next = s.key(end);
        let share_like =
            end >= s.len() || s.is_punct(end) || next == "of" || words::is_closed(next);
        if !share_like {
            return None;
        }
    }
    let ratio = amt.n / den;
    if s.key(end) == "of"
        && matches!(s.key(end + 1), "a" | "an")
        && let Some(unit) = words::time_unit(s.key(end + 2)).filter(|u| !u.plural)
    {
        return Some((FractionOf::Period(ratio, unit.days), end + 3));
    }
    Some((FractionOf::Share(ratio), end))
}

/// "one in five", "1 in 5", "nine in ten", "one in every five", "nine out of ten": the ratio
/// and the end.
pub(super) fn in_every(s: &Sentence, amt: &Amount, k: usize) -> Option<(f64, usize)> {
    let plain = |a: &Amount| {
        a.integer
            && a.scale == 1.0
            && a.range.is_none()
            && matches!(a.form, Form::Digits | Form::Words)
    };
    if !plain(amt) {
        return None;
    }
    // "a one-in-five chance": the hyphenated modifier is the same share.
    let glued_hyphen = |at: usize| s.raw(at) == "-" && s.glued(at) && s.glued(at + 1);
    let j = match (s.key(k), s.key(k + 1)) {
        ("in", "every") | ("out", "of") => k + 2,
        ("in", _) => k + 1,
        ("-", "in") if glued_hyphen(k) && glued_hyphen(k + 2) => k + 3,
        _ => return None,
    };
    let of = numbers::amount(s, j, false)?;
    // "300 in 2011" is a count and a year.
    (plain(&of) && !of.year_like && of.n > amt.n).then(|| (amt.n / of.n, of.end))
}

/// Shares without a numerator: "half", "a majority", "the vast majority", "a minority".
pub(super) fn standalone(s: &Sentence, j: usize, qualified: bool) -> Option<Core> {
    match s.key(j) {
        "half" => half(s, j, qualified),
        "a" | "the" => {
            let mut k = j + 1;
            if matches!(
                s.key(k),
                "vast" | "overwhelming" | "large" | "clear" | "slim" | "narrow" | "small" | "tiny"
            ) {
                k += 1;
            }
            let range = match s.key(k) {
                "majority" => Interval::new(0.5, true, 1.0, false),
                "minority" => Interval::new(0.0, true, 0.5, true),
                _ => return None,
            };
            let mut core = Core::new(k + 1, Kind::Fraction, unit_amount(j, k + 1, 0.5));
            core.fixed = Some(range);
            core.head = HeadFrom::OfOnly(k + 1);
            Some(core)
        }
        _ => None,
    }
}

fn half(s: &Sentence, j: usize, qualified: bool) -> Option<Core> {
    // "the first half", "cut in half", "a half" and "one half" (read with their numerator).
    let before = s.prev_key(j);
    if matches!(
        before,
        "the"
            | "first"
            | "second"
            | "last"
            | "other"
            | "latter"
            | "former"
            | "top"
            | "bottom"
            | "a"
            | "one"
            | "and"
            | "in"
    ) {
        return None;
    }
    // "half-time", "half-brother".
    if s.raw(j + 1) == "-" && s.glued(j + 1) {
        return None;
    }
    if matches!(s.key(j + 1), "a" | "an")
        && let Some(unit) = words::time_unit(s.key(j + 2)).filter(|u| !u.plural)
    {
        return Some(Core::new(
            j + 3,
            Kind::Duration { days: unit.days },
            unit_amount(j, j + 3, 0.5),
        ));
    }
    let next = s.key(j + 1);
    // "half brother", "half term": a compound noun unless a qualifier makes it a quantity.
    if !qualified && s.is_word(j + 1) && !words::is_closed(next) {
        return None;
    }
    let mut core = Core::new(j + 1, Kind::Fraction, unit_amount(j, j + 1, 0.5));
    core.head = HeadFrom::OfOrDeterminer(j + 1);
    Some(core)
}

/// An exact amount for values that carry no number of their own.
fn unit_amount(start: usize, end: usize, n: f64) -> Amount {
    Amount {
        start,
        end,
        n,
        h: 0.0,
        range: None,
        exact: true,
        form: Form::Words,
        integer: false,
        year_like: false,
        scale: 1.0,
        both: false,
        glued_m: false,
    }
}

/// "2/3" in a claim literal: a share when both are small integers and the first is smaller.
pub(super) fn literal_fraction(s: &Sentence, j: usize) -> Option<Core> {
    let glued_number = |k: usize| s.is_number(k) && s.glued(k);
    if !(s.is_number(j) && s.raw(j + 1) == "/" && s.glued(j + 1) && glued_number(j + 2)) {
        return None;
    }
    if s.raw(j + 3) == "/" {
        return None;
    }
    let a = numbers::parse_digits(s.raw(j))?;
    let b = numbers::parse_digits(s.raw(j + 2))?;
    let small = |d: &numbers::Digits| d.integer && d.plain_len > 0 && d.n <= 1000.0;
    if !(small(&a) && small(&b) && a.n > 0.0 && a.n < b.n) {
        return None;
    }
    let mut core = Core::new(j + 3, Kind::Fraction, unit_amount(j, j + 3, a.n / b.n));
    core.head = HeadFrom::OfOnly(j + 3);
    Some(core)
}
