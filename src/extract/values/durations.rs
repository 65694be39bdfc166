//! Time: durations ("nearly five years", "an 18-month investigation", "six years and eight
//! months", "2:05:37"), times relative to the event ("the night before", "a few nights before", "three
//! weeks later"), ages ("21-year-old", "aged 21", "in his 20s"), and the frequencies that look
//! like durations but are not ("every 20 minutes", "three times a week").

use crate::value::{DAYS_PER_YEAR, Interval, Value};

use super::numbers::{self, Amount, Form};
use super::quantity::{self, Core, Kind};
use super::{Found, Sentence, qualifiers, words};

/// A time unit read after an amount.
pub(super) struct Timed {
    pub kind: Kind,
    pub end: usize,
    /// "a year and a half": the amount gains a half.
    pub and_a_half: bool,
    /// "six years and eight months": the whole length counted in the smallest unit stated
    /// (80), and that unit in days; `kind` is then in that unit.
    pub compound: Option<(f64, f64)>,
}

/// The amount `amt` followed by a time unit at `k` (after a glued hyphen when `hyphen`):
/// an age, a relative time or a duration. `start` is where the expression (qualifier
/// included) begins, for the preposition before it.
pub(super) fn timed(
    s: &Sentence,
    amt: &Amount,
    k: usize,
    hyphen: bool,
    start: usize,
    qualified: bool,
) -> Option<Timed> {
    let unit = words::time_unit(s.key(k))?;
    // "a second officer" is an ordinal; "a years" is not English.
    if unit.needs_number && !matches!(amt.form, Form::Digits | Form::Words) {
        return None;
    }
    // "a years" is not English; "£20,000-a-year" is a rate.
    if amt.form == Form::Article && (unit.plural || hyphen) {
        return None;
    }
    let timed = |kind: Kind, end: usize| {
        Some(Timed {
            kind,
            end,
            and_a_half: false,
            compound: None,
        })
    };
    let end = k + 1;
    let years = unit.days / DAYS_PER_YEAR;
    // "21-year-old", "21-years-old", "six-month-old", "21 years old".
    if matches!(s.raw(end), "-" | "–")
        && s.glued(end)
        && s.glued(end + 1)
        && matches!(s.key(end + 1), "old" | "olds" | "old's" | "old’s")
    {
        return timed(Kind::Age { years }, end + 2);
    }
    if !hyphen && s.key(end) == "old" && amt.form != Form::Article {
        return timed(Kind::Age { years }, end + 1);
    }
    if hyphen {
        return timed(Kind::Duration { days: unit.days }, end);
    }
    let (end, and_a_half) = if amt.integer
        && s.key(end) == "and"
        && s.key(end + 1) == "a"
        && s.key(end + 2) == "half"
    {
        (end + 3, true)
    } else {
        (end, false)
    };
    let compound = if and_a_half {
        None
    } else {
        compound(s, amt, unit.days, end)
    };
    let (end, days) = match compound {
        Some((_, days, end)) => (end, days),
        None => (end, unit.days),
    };
    let compound = compound.map(|(total, days, _)| (total, days));
    // "six years and eight months old".
    if compound.is_some() && s.key(end) == "old" {
        return Some(Timed {
            kind: Kind::Age {
                years: days / DAYS_PER_YEAR,
            },
            end: end + 1,
            and_a_half,
            compound,
        });
    }
    let after_preposition = (start > 0 && words::is_period_preposition(s.prev_key(start)))
        || of_period(s, start, amt.start);
    if let Some((sign, prepositional)) = words::relative_marker(s.key(end)) {
        // "in a single year after passing information" and "a minimum term of 21 years before
        // he could be considered for parole" are periods; "a week after" is not.
        if !(prepositional && after_preposition) {
            return Some(Timed {
                kind: Kind::Relative { days: sign * days },
                end: end + 1,
                and_a_half,
                compound,
            });
        }
    }
    // "a year" is a number only in "for a year", "more than a year": not in "0.1 per cent a
    // year", "once a year". "a year and six months" says plainly that it is a length.
    if amt.form == Form::Article
        && compound.is_none()
        && !(after_preposition || qualified || s.literal)
    {
        return None;
    }
    // "One day, he...": an idiom, not a period.
    if s.key(amt.start) == "one"
        && unit.days == 1.0
        && !unit.plural
        && !(after_preposition || qualified || s.literal)
    {
        return None;
    }
    Some(Timed {
        kind: Kind::Duration { days },
        end,
        and_a_half,
        compound,
    })
}

/// The amount at `amount` completes "of" after a noun of length or a qualifier: "a minimum
/// term of 21 years", "a period of two weeks", "a total of six months", "a minimum of 21
/// years" (`start`, the qualifier's first token, is then before the amount).
fn of_period(s: &Sentence, start: usize, amount: usize) -> bool {
    let Some(of) = amount.checked_sub(1) else {
        return false;
    };
    if s.key(of) != "of" {
        return false;
    }
    start < amount
        || matches!(
            s.key(of.wrapping_sub(1)),
            "term"
                | "period"
                | "sentence"
                | "minimum"
                | "maximum"
                | "total"
                | "average"
                | "spell"
                | "span"
                | "stretch"
                | "stint"
                | "wait"
                | "gap"
                | "delay"
                | "tariff"
                | "tenure"
                | "space"
                | "course"
                | "duration"
                | "length"
                | "time"
        )
}

/// "six years and eight months", "1 year 6 months", "five years, four months", "two years,
/// three months and four days": the parts after the first, each in a smaller unit than the
/// one before. Returns the whole length counted in the last (smallest) unit, that unit in
/// days, and the end; `None` when no second part follows.
fn compound(s: &Sentence, amt: &Amount, days: f64, end: usize) -> Option<(f64, f64, usize)> {
    let whole =
        |a: &Amount| a.integer && a.scale == 1.0 && a.range.is_none() && a.form != Form::Vague;
    if !whole(amt) {
        return None;
    }
    let mut total = amt.n * days;
    let mut smallest = days;
    let mut end_at = end;
    let mut parts = 1;
    loop {
        let at = match (s.key(end_at), s.raw(end_at)) {
            ("and", _) | (_, ",") => end_at + 1,
            _ if s.spaced(end_at) => end_at,
            _ => break,
        };
        let Some(b) = numbers::amount(s, at, false)
            .filter(|b| whole(b) && matches!(b.form, Form::Digits | Form::Words))
        else {
            break;
        };
        let Some(unit) = words::time_unit(s.key(b.end)).filter(|u| u.days < smallest) else {
            break;
        };
        total += b.n * unit.days;
        smallest = unit.days;
        end_at = b.end + 1;
        parts += 1;
    }
    (parts > 1).then_some((total / smallest, smallest, end_at))
}

/// Clock-style durations: "won in 2:05:37", "around 1:59:40.4": hours, minutes and seconds,
/// stated to the second (or to the last decimal of the seconds). Only the three-part form is
/// read: "9:42" and "05:07" are times of day, and so is a three-part time after "at", "by",
/// "until", "from" or before a time zone or am/pm.
pub(super) fn clock(s: &Sentence, i: usize) -> Option<Found> {
    let prefix = qualifiers::prefix(s, i);
    let j = prefix.map_or(i, |p| p.end);
    if !s.is_number(j) {
        return None;
    }
    let glued_colon =
        |k: usize| s.raw(k) == ":" && s.glued(k) && s.is_number(k + 1) && s.glued(k + 1);
    if !(glued_colon(j + 1) && glued_colon(j + 3)) || s.raw(j + 5) == ":" {
        return None;
    }
    let hours = numbers::parse_digits(s.raw(j))
        .filter(|d| d.integer && (1..=2).contains(&d.plain_len) && !d.leading_zero)?;
    let minutes = numbers::parse_digits(s.raw(j + 2))
        .filter(|d| d.integer && d.plain_len == 2 && d.n < 60.0)?;
    // Seconds may carry decimals ("40.4"), which set the precision.
    let seconds = numbers::parse_digits(s.raw(j + 4))?;
    let whole_seconds = s.raw(j + 4).split('.').next().unwrap_or("");
    if whole_seconds.len() != 2 || seconds.n >= 60.0 {
        return None;
    }
    let end = j + 5;
    let time_zone = matches!(
        s.raw(end),
        "GMT" | "BST" | "UTC" | "CET" | "CEST" | "EST" | "EDT" | "PST" | "PDT"
    ) || matches!(s.key(end), "am" | "pm" | "hrs" | "local")
        || (s.is_word(end) && s.glued(end));
    let before = i.checked_sub(1).map_or("", |p| s.key(p));
    let time_word = matches!(
        before,
        "at" | "by" | "until" | "till" | "from" | "since" | "before" | "after"
    );
    if time_zone || (time_word && prefix.is_none()) {
        return None;
    }
    let total = hours.n * 3600.0 + minutes.n * 60.0 + seconds.n;
    let amt = numbers::Amount::stated(j, end, total, seconds.u / 2.0);
    let core = Core::new(
        end,
        Kind::Duration {
            days: 1.0 / 86_400.0,
        },
        amt,
    );
    quantity::finish(core, prefix.map(|p| p.qual))
}

/// Frequencies: "every 20 minutes", "every two hours", "every other week", "twice a day",
/// "three times a week", "24 hours a day", "once a year". A rate is neither a duration nor a
/// count, so the words are claimed without a value: "buses every 20 minutes" must not check a
/// 20-minute period or a count of 20.
pub(super) fn frequency(s: &Sentence, i: usize) -> Option<Found> {
    let j = qualifiers::prefix(s, i).map_or(i, |p| p.end);
    if s.key(j) == "every" {
        let k = match (s.key(j + 1), s.key(j + 2)) {
            ("other" | "few" | "several", _) => j + 2,
            ("couple", "of") => j + 3,
            _ => numbers::amount(s, j + 1, false)
                .filter(|a| matches!(a.form, Form::Digits | Form::Words))
                .map_or(j + 1, |a| a.end),
        };
        words::time_unit(s.key(k))?;
        return Some(Found::skip(k + 1));
    }
    let k = match s.key(j) {
        "once" | "twice" | "thrice" => j + 1,
        _ => {
            let a = numbers::amount(s, j, false)
                .filter(|a| matches!(a.form, Form::Digits | Form::Words | Form::Vague))?;
            let after = if a.form == Form::Vague && s.key(a.end) == "of" {
                a.end + 1
            } else {
                a.end
            };
            if s.key(after) != "times" && words::time_unit(s.key(after)).is_none() {
                return None;
            }
            after + 1
        }
    };
    let end = match s.key(k) {
        "a" | "an" | "per" | "each" | "every" => {
            words::time_unit(s.key(k + 1)).filter(|u| !u.plural)?;
            k + 2
        }
        "daily" | "nightly" | "weekly" | "monthly" | "yearly" | "annually" | "hourly" => k + 1,
        _ => return None,
    };
    // "for three years a decade ago": the second unit starts a relative time, not a rate.
    if words::relative_marker(s.key(end)).is_some() {
        return None;
    }
    Some(Found::skip(end))
}

/// Relative times without a number: "the night before", "the previous night", "the next day",
/// "the same day", and bare plurals ("hours later", "days earlier").
pub(super) fn relative_phrase(s: &Sentence, i: usize) -> Option<Found> {
    let relative = |end: usize, range: Interval, vague: bool| {
        Some(Found::value(end, Value::RelativeTime { range }, vague))
    };
    if s.key(i) == "the" {
        let k = i + 1;
        if s.key(k) == "same" {
            return one_unit(s, k + 1).and_then(|_| relative(k + 2, Interval::point(0.0), false));
        }
        let sign = match s.key(k) {
            "previous" | "preceding" | "prior" => -1.0,
            "next" | "following" => 1.0,
            _ => 0.0,
        };
        if sign != 0.0 {
            let days = one_unit(s, k + 1)?;
            return relative(k + 2, Interval::point(sign * days), false);
        }
        let days = one_unit(s, k)?;
        let (sign, _) = words::relative_marker(s.key(k + 1))?;
        return relative(k + 2, Interval::point(sign * days), false);
    }
    // A bare plural: at least two units, and fewer than two of the next larger unit, beyond
    // which the writer would have used that unit ("days later" is [2, 14] days).
    let unit = words::time_unit(s.key(i)).filter(|u| u.plural)?;
    let (sign, prepositional) = words::relative_marker(s.key(i + 1))?;
    let before = s.prev_key(i);
    if (prepositional && words::is_period_preposition(before))
        || s.is_number(i.wrapping_sub(1))
        || words::is_number_word(before)
    {
        return None;
    }
    let magnitude = Interval::closed(2.0 * unit.days, unit.bare_hi);
    relative(i + 2, magnitude.scale(sign), true)
}

/// The length in days of a singular unit or day part at `k` ("night", "week", "evening").
fn one_unit(s: &Sentence, k: usize) -> Option<f64> {
    let key = s.key(k);
    if words::is_day_part(key) {
        return Some(1.0);
    }
    words::time_unit(key)
        .filter(|u| !u.plural && !u.needs_number)
        .map(|u| u.days)
}

/// Ages introduced by words: "aged 21", "aged 21-25", "aged between 18 and 25", "aged under
/// 18", "in his 20s", "in her early thirties"; and "Smith, 45, of London".
pub(super) fn age_phrase(s: &Sentence, i: usize) -> Option<Found> {
    match s.key(i) {
        "aged" => aged(s, i),
        "in" => in_decade(s, i),
        _ => apposition(s, i),
    }
}

fn aged(s: &Sentence, i: usize) -> Option<Found> {
    let whole =
        |a: &Amount| a.integer && a.scale == 1.0 && matches!(a.form, Form::Digits | Form::Words);
    let age = |end: usize, range: Interval, vague: bool| {
        Some(Found::value(end, Value::Age { range }, vague))
    };
    let j = i + 1;
    if s.key(j) == "between" {
        let a = numbers::amount(s, j + 1, false).filter(whole)?;
        if s.key(a.end) != "and" {
            return None;
        }
        let b = numbers::amount(s, a.end + 1, false).filter(whole)?;
        if b.n <= a.n {
            return None;
        }
        return age(b.end, Interval::closed(a.n, b.n), true);
    }
    let prefix = qualifiers::prefix(s, j);
    let j = prefix.map_or(j, |p| p.end);
    let a = numbers::amount(s, j, false).filter(whole)?;
    if (matches!(s.raw(a.end), "-" | "–") || s.key(a.end) == "to")
        && let Some(b) = numbers::amount(s, a.end + 1, false).filter(whole)
        && b.n > a.n
    {
        return age(b.end, Interval::closed(a.n, b.n), true);
    }
    match prefix {
        Some(p) => age(
            a.end,
            qualifiers::apply(p.qual, a.n, a.h, true, false),
            true,
        ),
        None => age(a.end, Interval::point(a.n), false),
    }
}

/// "in his 20s", "in their late teens", "in her mid-thirties".
fn in_decade(s: &Sentence, i: usize) -> Option<Found> {
    if !matches!(s.key(i + 1), "his" | "her" | "their" | "its") {
        return None;
    }
    let mut k = i + 2;
    #[derive(Clone, Copy)]
    enum Part {
        Early,
        Mid,
        Late,
    }
    let part = match s.key(k) {
        "early" => Some(Part::Early),
        "mid" => Some(Part::Mid),
        "late" => Some(Part::Late),
        _ => None,
    };
    if part.is_some() {
        k += 1;
        if s.raw(k) == "-" && s.glued(k) {
            k += 1;
        }
    }
    let (lo, hi, end) = if s.is_number(k) {
        let d = numbers::parse_digits(s.raw(k))?;
        let tens = d.n;
        let decade = d.integer && d.plain_len == 2 && tens % 10.0 == 0.0 && tens >= 10.0;
        let end = match (s.raw(k + 1), s.raw(k + 2)) {
            ("s", _) if s.glued(k + 1) => k + 2,
            ("'" | "’", "s") if s.glued(k + 1) && s.glued(k + 2) => k + 3,
            _ => return None,
        };
        if !decade {
            return None;
        }
        (tens, tens + 9.0, end)
    } else {
        let tens = match s.key(k) {
            "teens" => 13.0,
            "twenties" => 20.0,
            "thirties" => 30.0,
            "forties" => 40.0,
            "fifties" => 50.0,
            "sixties" => 60.0,
            "seventies" => 70.0,
            "eighties" => 80.0,
            "nineties" => 90.0,
            _ => return None,
        };
        (tens, if tens == 13.0 { 19.0 } else { tens + 9.0 }, k + 1)
    };
    // Early and late are the first and last four years of the span, mid its middle years:
    // "late 20s" is [26, 29], "mid-teens" [15, 17]. They overlap so that neighbours never
    // conflict on a boundary.
    let range = match part {
        Some(Part::Early) => Interval::closed(lo, lo + 3.0),
        Some(Part::Mid) => Interval::closed(lo + 2.0, hi - 2.0),
        Some(Part::Late) => Interval::closed(hi - 3.0, hi),
        None => Interval::closed(lo, hi),
    };
    Some(Found::value(end, Value::Age { range }, true))
}

/// "John Smith, 45, of London": a small whole number between commas after a name.
fn apposition(s: &Sentence, i: usize) -> Option<Found> {
    if s.literal || !s.is_number(i) || i < 2 || s.raw(i - 1) != "," {
        return None;
    }
    let name = i - 2;
    if !(s.is_word(name) && s.capitalised(name)) || words::is_function_like(s.key(name)) {
        return None;
    }
    if !matches!(s.raw(i + 1), "," | ")") {
        return None;
    }
    let d = numbers::parse_digits(s.raw(i))?;
    (d.integer && d.plain_len > 0 && (1.0..=115.0).contains(&d.n) && !d.leading_zero).then(|| {
        Found::value(
            i + 1,
            Value::Age {
                range: Interval::point(d.n),
            },
            false,
        )
    })
}
