//! Dates: days, months, years and decades ("6 May 2014", "Sept. 2013", "2011", "the 1990s"),
//! numeric dates ("06/05/2014", "2014-05-06"), date ranges ("between January 2009 and October
//! 2013", "2009–13") and dates relative to the publication day ("yesterday", "last year").

use crate::value::date;
use crate::value::{Interval, Value};

use super::numbers::{self, Digits};
use super::{Found, Sentence, words};

/// The fields a date expression states; missing ones come from the other end of a range or
/// from the publication day.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Parts {
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    /// The year starts a decade: "the 1990s".
    decade: bool,
    part: Option<Part>,
    /// The year is relative ("March next year") and the publication day is unknown: the date
    /// is claimed but has no value.
    unresolved: bool,
}

/// "early 2011", "mid-May", "late 1990s", "summer 2012".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Early,
    Mid,
    Late,
    Spring,
    Summer,
    Autumn,
}

#[derive(Clone, Copy, Debug)]
struct Parsed {
    parts: Parts,
    end: usize,
}

pub(super) fn date_expr(s: &Sentence, i: usize) -> Option<Found> {
    if let Some(found) = relative_date(s, i) {
        return Some(found);
    }
    if let Some(found) = around(s, i) {
        return Some(found);
    }
    let intro = matches!(s.key(i), "between" | "from");
    let j = if intro { i + 1 } else { i };
    if let Some(found) = range(s, j, intro) {
        return Some(found);
    }
    if intro {
        return None;
    }
    let parsed = single(s, i, false, false)?;
    Some(match resolve(s, parsed.parts) {
        Some(range) => Found::value(
            parsed.end,
            Value::Date { range },
            parsed.parts.part.is_some(),
        ),
        // "on 6 May" with no publication day: claimed, so that "6" is not a count.
        None => Found::skip(parsed.end),
    })
}

/// "around 2011", "circa 1900", "c. 1900", "about May 2014": the date with the day, month,
/// year or decade on either side of it.
fn around(s: &Sentence, i: usize) -> Option<Found> {
    let j = match s.key(i) {
        "around" | "about" | "circa" | "approximately" | "roughly" => i + 1,
        "c" if s.raw(i + 1) == "." && s.glued(i + 1) => i + 2,
        _ => return None,
    };
    let parsed = single(s, j, false, false)?;
    let p = parsed.parts;
    if p.part.is_some() {
        return None;
    }
    let (before, after) = (neighbour(s, p, -1)?, neighbour(s, p, 1)?);
    let range = Interval::closed(before.lo, after.hi);
    Some(Found::value(parsed.end, Value::Date { range }, true))
}

/// The day, month, year or decade `by` steps away from the one `p` states.
fn neighbour(s: &Sentence, p: Parts, by: i32) -> Option<Interval> {
    if p.unresolved {
        return None;
    }
    let year = match p.year {
        Some(year) => year,
        None => nearest_year(s, p)?,
    };
    let y = i16::try_from(year).ok()?;
    match (p.month, p.day) {
        (Some(m), Some(d)) => {
            let day = date::day_number(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)?;
            Some(Interval::point(day + f64::from(by)))
        }
        (Some(m), None) => {
            let total = year * 12 + i32::from(m) - 1 + by;
            let y = i16::try_from(total.div_euclid(12)).ok()?;
            date::month(y, i8::try_from(total.rem_euclid(12) + 1).ok()?)
        }
        (None, _) => {
            let step = if p.decade { 10 } else { 1 };
            let start = i16::try_from(year + by * step).ok()?;
            let end = start.checked_add(i16::try_from(step - 1).ok()?)?;
            Some(Interval::closed(date::year(start)?.lo, date::year(end)?.hi))
        }
    }
}

/// Two dates joined by "and" (after "between"), "to", "until", a dash, or ".." in claim
/// literals. The first may leave out what the second states: "January to March 2014",
/// "6-9 May 2014".
fn range(s: &Sentence, j: usize, intro: bool) -> Option<Found> {
    let first = single(s, j, true, intro)?;
    let k = first.end;
    let (after, dotdot) = if intro && s.prev_key(j) == "between" {
        (s.key(k) == "and").then_some((k + 1, false))?
    } else if matches!(s.raw(k), "-" | "–" | "—")
        || matches!(s.key(k), "to" | "until" | "till" | "through" | "thru")
    {
        (k + 1, false)
    } else if s.literal && s.raw(k) == "." && s.raw(k + 1) == "." && s.glued(k + 1) {
        (k + 2, true)
    } else {
        return None;
    };
    let second = single(s, after, false, true).or_else(|| short_year(s, after, &first))?;
    let (a, b) = complete(first.parts, second.parts)?;
    let (a, b) = if a.year.is_none() && b.year.is_none() {
        anchor(s, a, b).unwrap_or((a, b))
    } else {
        (a, b)
    };
    let (Some(start), Some(end)) = (resolve(s, a), resolve(s, b)) else {
        return Some(Found::skip(second.end));
    };
    if start.lo > end.hi {
        return None;
    }
    Some(Found::value(
        second.end,
        Value::DateRange { start, end },
        !dotdot,
    ))
}

/// "2009–13": the second year of a range in two digits.
fn short_year(s: &Sentence, k: usize, first: &Parsed) -> Option<Parsed> {
    let p = first.parts;
    let year = p
        .year
        .filter(|_| p.month.is_none() && p.day.is_none() && !p.decade)?;
    let d = digits(s, k).filter(|d| d.plain_len == 2)?;
    let second = year - year.rem_euclid(100) + d.n as i32;
    (second > year).then_some(Parsed {
        parts: Parts {
            year: Some(second),
            ..Parts::default()
        },
        end: k + 1,
    })
}

/// A yearless range ("from November to February") placed where the whole of it is nearest
/// the publication day, the end following the start ("November to February" crosses a year).
fn anchor(s: &Sentence, a: Parts, b: Parts) -> Option<(Parts, Parts)> {
    let p = s.ctx.published?;
    let y = i32::from(published(s)?.year());
    let mut best: Option<(f64, (Parts, Parts))> = None;
    for year in [y, y - 1, y + 1] {
        let Some((a, b)) = complete(
            Parts {
                year: Some(year),
                ..a
            },
            b,
        ) else {
            continue;
        };
        let (Some(start), Some(end)) = (resolve_in(a, year), b.year.and_then(|y| resolve_in(b, y)))
        else {
            continue;
        };
        let d = distance(&Interval::closed(start.lo, end.hi), p);
        if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, (a, b)));
        }
    }
    best.map(|(_, parts)| parts)
}

/// Days from `p` to the nearest day of `range`, 0 inside it.
fn distance(range: &Interval, p: f64) -> f64 {
    if range.lo <= p && p <= range.hi {
        0.0
    } else {
        (range.lo - p).abs().min((range.hi - p).abs())
    }
}

/// Fills what one end of a range leaves out from the other.
fn complete(mut a: Parts, mut b: Parts) -> Option<(Parts, Parts)> {
    if a.day.is_some() && a.month.is_none() {
        b.day?;
        a.month = b.month;
    }
    if a.year.is_none() {
        let earlier = matches!((a.month, b.month), (Some(x), Some(y)) if x > y);
        a.year = b.year.map(|y| if earlier { y - 1 } else { y });
    }
    if b.year.is_none() {
        let later = matches!((a.month, b.month), (Some(x), Some(y)) if y < x);
        b.year = a.year.map(|y| if later { y + 1 } else { y });
    }
    Some((a, b))
}

/// One date at `i`. `partial` admits the first end of a range (a day or a month on its own);
/// `after_word` says a range word precedes, which makes a bare four-digit number a year.
fn single(s: &Sentence, i: usize, partial: bool, after_word: bool) -> Option<Parsed> {
    let mut j = i;
    let weekday = words::is_weekday(s.key(j)) && (s.literal || s.capitalised(j));
    if weekday {
        j += 1;
        if s.raw(j) == "," {
            j += 1;
        }
    }
    let part = if weekday { None } else { part_prefix(s, j) };
    if let Some((_, k)) = part {
        j = k;
    }
    let part = part.map(|(p, _)| p);
    let season = matches!(part, Some(Part::Spring | Part::Summer | Part::Autumn));
    let parsed = |parts: Parts, end: usize| {
        Some(Parsed {
            parts: Parts { part, ..parts },
            end,
        })
    };

    if !weekday
        && part.is_none()
        && let Some(p) = numeric(s, j)
    {
        return Some(p);
    }
    if !season {
        if let Some((day, k)) = day_number(s, j, j == i) {
            let at = if s.key(k) == "of" { k + 1 } else { k };
            if let (Some((month, _, k)), None) = (month_name(s, at), part) {
                let (year, end) = year_after(s, k);
                let parts = Parts {
                    year,
                    month: Some(month),
                    day: Some(day),
                    ..Parts::default()
                };
                let (parts, end) = relative_year(s, parts, end);
                return parsed(parts, end);
            }
        }
        if let Some((month, full, k)) = month_name(s, j) {
            if part.is_none()
                && let Some((day, k)) = day_number(s, k, false)
            {
                let (year, end) = year_after(s, k);
                let parts = Parts {
                    year,
                    month: Some(month),
                    day: Some(day),
                    ..Parts::default()
                };
                let (parts, end) = relative_year(s, parts, end);
                return parsed(parts, end);
            }
            let at = if s.raw(k) == "," { k + 1 } else { k };
            if let Some(year) = year_token(s, at, false) {
                return parsed(
                    Parts {
                        year: Some(year),
                        month: Some(month),
                        ..Parts::default()
                    },
                    at + 1,
                );
            }
            let alone = Parts {
                month: Some(month),
                ..Parts::default()
            };
            let trap = !s.literal && words::is_trap_month(month);
            // "by March next year": the year after it makes even a trap month a month, unless
            // a name precedes ("Theresa May next year").
            let (with_year, end) = relative_year(s, alone, k);
            let named = trap
                && j > 0
                && s.is_word(j - 1)
                && s.capitalised(j - 1)
                && !words::is_function_like(s.prev_key(j));
            if full && !weekday && end > k && !named {
                return parsed(with_year, end);
            }
            let context = part.is_some()
                || partial
                || s.literal
                || words::is_month_context(s.prev_key(i), trap);
            if !(full && !weekday && context) {
                return None;
            }
            return parsed(alone, k);
        }
    }
    if weekday {
        return None;
    }
    if !season && let Some((year, end)) = decade(s, j) {
        return parsed(
            Parts {
                year: Some(year),
                decade: true,
                ..Parts::default()
            },
            end,
        );
    }
    if let Some(year) = year_token(s, j, true) {
        let named = s.literal || !numbers::identifier_before(s, j);
        let year_ok = part.is_some() || after_word || s.literal || year_here(s, j);
        if named && year_ok {
            return parsed(
                Parts {
                    year: Some(year),
                    ..Parts::default()
                },
                j + 1,
            );
        }
    }
    if partial
        && part.is_none()
        && let Some((day, k)) = day_number(s, j, true)
    {
        return Some(Parsed {
            parts: Parts {
                day: Some(day),
                ..Parts::default()
            },
            end: k,
        });
    }
    None
}

/// "early", "mid"/"mid-", "late", and seasons before a date.
fn part_prefix(s: &Sentence, j: usize) -> Option<(Part, usize)> {
    let part = match s.key(j) {
        "early" => Part::Early,
        "mid" => Part::Mid,
        "late" => Part::Late,
        "spring" => Part::Spring,
        "summer" => Part::Summer,
        "autumn" | "fall" => Part::Autumn,
        _ => return None,
    };
    let next = j + 1;
    let end = match s.raw(next) {
        "-" if s.glued(next) => next + 1,
        _ if s.key(next) == "of" && matches!(part, Part::Spring | Part::Summer | Part::Autumn) => {
            next + 1
        }
        _ => next,
    };
    Some((part, end))
}

/// "06/05/2014" (day first unless the context says month first; the other order when only it
/// is a real date), "2014-05-06", "06.05.2014".
fn numeric(s: &Sentence, j: usize) -> Option<Parsed> {
    let glued_at =
        |k: usize, sep: &str| s.raw(k) == sep && s.glued(k) && s.is_number(k + 1) && s.glued(k + 1);
    let small = |k: usize| {
        digits(s, k)
            .filter(|d| d.integer && d.plain_len <= 2)
            .map(|d| d.n as u8)
    };
    let full = |year: i32, month: u8, day: u8, end: usize| {
        let y = i16::try_from(year).ok()?;
        date::day_number(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?)?;
        Some(Parsed {
            parts: Parts {
                year: Some(year),
                month: Some(month),
                day: Some(day),
                ..Parts::default()
            },
            end,
        })
    };
    if glued_at(j + 1, "/") && glued_at(j + 3, "/") {
        let (a, b) = (small(j)?, small(j + 2)?);
        let y = digits(s, j + 4).filter(|d| d.integer)?;
        let year = match y.plain_len {
            4 => y.n as i32,
            2 if y.n < 50.0 => 2000 + y.n as i32,
            2 => 1900 + y.n as i32,
            _ => return None,
        };
        let (day, month) = if s.ctx.month_first { (b, a) } else { (a, b) };
        return full(year, month, day, j + 5).or_else(|| full(year, day, month, j + 5));
    }
    if glued_at(j + 1, "-") && glued_at(j + 3, "-") {
        let y = digits(s, j).filter(|d| d.plain_len == 4)?;
        return full(y.n as i32, small(j + 2)?, small(j + 4)?, j + 5);
    }
    // "06.05.2014" reaches us as the decimal "06.05" then ".2014".
    if glued_at(j + 1, ".") {
        let (day, month) = s.raw(j).split_once('.')?;
        let (day, month) = (day.parse::<u8>().ok()?, month.parse::<u8>().ok()?);
        let y = digits(s, j + 2).filter(|d| d.plain_len == 4)?;
        let (day, month) = if s.ctx.month_first {
            (month, day)
        } else {
            (day, month)
        };
        return full(y.n as i32, month, day, j + 3);
    }
    None
}

fn digits(s: &Sentence, k: usize) -> Option<Digits> {
    if !s.is_number(k) {
        return None;
    }
    numbers::parse_digits(s.raw(k))
}

/// A day of the month: 1-31, maybe with an ordinal suffix ("6th"). `first` applies the
/// identifier rule ("Section 5 May" is not a date).
fn day_number(s: &Sentence, k: usize, first: bool) -> Option<(u8, usize)> {
    let d = digits(s, k).filter(|d| d.integer && (1..=2).contains(&d.plain_len))?;
    if !(1.0..=31.0).contains(&d.n) {
        return None;
    }
    if first && !s.literal && numbers::identifier_before(s, k) {
        return None;
    }
    let next = k + 1;
    if s.glued(next) {
        return match s.key(next) {
            "st" | "nd" | "rd" | "th" => Some((d.n as u8, next + 1)),
            _ if s.is_word(next) => None,
            ":" | "/" | "." if s.is_number(next + 1) && s.glued(next + 1) => None,
            _ => Some((d.n as u8, next)),
        };
    }
    Some((d.n as u8, next))
}

/// A month name (capitalised, outside claim literals), its number, whether it is the full
/// name, and the end (past the dot of "Sept.").
fn month_name(s: &Sentence, k: usize) -> Option<(u8, bool, usize)> {
    if !s.is_word(k) || !(s.literal || s.capitalised(k)) {
        return None;
    }
    let (month, full) = words::month(s.key(k))?;
    let end = if !full && s.raw(k + 1) == "." && s.glued(k + 1) {
        k + 2
    } else {
        k + 1
    };
    Some((month, full, end))
}

/// An optional year after a day and month: "6 May 2014", "May 6, 2014".
fn year_after(s: &Sentence, k: usize) -> (Option<i32>, usize) {
    if s.raw(k) == ","
        && let Some(year) = year_token(s, k + 1, false)
    {
        return (Some(year), k + 2);
    }
    match year_token(s, k, false) {
        Some(year) => (Some(year), k + 1),
        None => (None, k),
    }
}

/// Four plain digits that can be a year: 1800-2100 standing alone, 1000-2999 next to a month.
fn year_token(s: &Sentence, k: usize, alone: bool) -> Option<i32> {
    let d = digits(s, k).filter(|d| d.plain_len == 4)?;
    let (lo, hi) = if alone {
        (1800.0, 2100.0)
    } else {
        (1000.0, 2999.0)
    };
    if !(lo..=hi).contains(&d.n) {
        return None;
    }
    let next = k + 1;
    let chained =
        matches!(s.raw(next), ":" | "/" | ".") && s.is_number(next + 1) && s.glued(next + 1);
    if s.glued(next) && (s.is_word(next) || chained) {
        return None;
    }
    Some(d.n as i32)
}

/// "1990s", "1990's": the decade's first year and the end.
fn decade(s: &Sentence, k: usize) -> Option<(i32, usize)> {
    let d = digits(s, k).filter(|d| d.plain_len == 4 && d.n % 10.0 == 0.0)?;
    if !(1800.0..=2090.0).contains(&d.n) {
        return None;
    }
    let end = match (s.raw(k + 1), s.raw(k + 2)) {
        ("s", _) if s.glued(k + 1) => k + 2,
        ("'" | "’", "s") if s.glued(k + 1) && s.glued(k + 2) => k + 3,
        _ => return None,
    };
    Some((d.n as i32, end))
}

/// Whether the plain four-digit number at `j` (1800-2100) is a year rather than a count:
/// after a strong date word ("in", "since", a month), or when no plural noun follows ("2011
/// was", "of 2011", but "2000 officers", "of 2000 officers").
pub(super) fn year_here(s: &Sentence, j: usize) -> bool {
    if j > 0 && words::year_word(s.prev_key(j)) == Some(true) {
        return true;
    }
    let next = j + 1;
    let plural_follows = s.is_word(next)
        && s.spaced(next)
        && !s.capitalised(next)
        && words::looks_plural(s.key(next));
    !plural_follows
}

/// "last year", "this year", "next year" after a yearless day or month ("March next year",
/// "6 May last year"): the year counted from the publication day, or `unresolved` without one.
fn relative_year(s: &Sentence, mut parts: Parts, k: usize) -> (Parts, usize) {
    if parts.year.is_some() || !matches!(s.key(k + 1), "year" | "year's" | "year’s") {
        return (parts, k);
    }
    let offset = match s.key(k) {
        "last" => -1,
        "this" => 0,
        "next" => 1,
        _ => return (parts, k),
    };
    match published(s) {
        Some(d) => parts.year = Some(i32::from(d.year()) + offset),
        None => parts.unresolved = true,
    }
    (parts, k + 2)
}

/// The days a date's parts denote. A missing year is the one that puts the date nearest the
/// publication day ("from 4 January" published in November is next January; "in July"
/// published in October is this July); without a publication day there is no value.
fn resolve(s: &Sentence, parts: Parts) -> Option<Interval> {
    if parts.unresolved {
        return None;
    }
    let year = match parts.year {
        Some(year) => year,
        None => nearest_year(s, parts)?,
    };
    resolve_in(parts, year)
}

/// The year, of the publication year and the two around it, that puts a yearless date nearest
/// the publication day; ties go to the publication year, then to the past.
fn nearest_year(s: &Sentence, parts: Parts) -> Option<i32> {
    let p = s.ctx.published?;
    let y = i32::from(published(s)?.year());
    let mut best: Option<(f64, i32)> = None;
    for year in [y, y - 1, y + 1] {
        let Some(range) = resolve_in(parts, year) else {
            continue;
        };
        let d = distance(&range, p);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, year));
        }
    }
    best.map(|(_, year)| year)
}

/// The days a date's parts denote in `year`.
fn resolve_in(parts: Parts, year: i32) -> Option<Interval> {
    let y = i16::try_from(year).ok()?;
    let base = match (parts.month, parts.day) {
        (Some(m), Some(d)) => Interval::point(date::day_number(
            y,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )?),
        (Some(m), None) => date::month(y, i8::try_from(m).ok()?)?,
        (None, Some(_)) => return None,
        (None, None) if parts.decade => {
            Interval::closed(date::year(y)?.lo, date::year(y.checked_add(9)?)?.hi)
        }
        (None, None) => date::year(y)?,
    };
    let season = |first: i8, last: i8| {
        Some(Interval::closed(
            date::month(y, first)?.lo,
            date::month(y, last)?.hi,
        ))
    };
    match parts.part {
        None => Some(base),
        Some(Part::Spring) => season(3, 5),
        Some(Part::Summer) => season(6, 8),
        Some(Part::Autumn) => season(9, 11),
        Some(part) => Some(portion(base, part)),
    }
}

/// The early, middle or late part of a span, overlapping so that "mid" never conflicts with
/// its neighbours on a boundary.
fn portion(base: Interval, part: Part) -> Interval {
    let len = base.hi - base.lo + 1.0;
    let at = |f: f64| base.lo + (len * f).round();
    match part {
        Part::Early => Interval::closed(base.lo, at(0.4)),
        Part::Mid => Interval::closed(at(0.3), at(0.7)),
        _ => Interval::closed(at(0.6), base.hi),
    }
}

fn published(s: &Sentence) -> Option<jiff::civil::Date> {
    date::from_day_number(s.ctx.published?)
}

/// "yesterday", "today", "last night", "last year", "this month", "next week", "last May",
/// "earlier this year": dates counted from the publication day. Without one they are
/// claimed but give no value.
fn relative_date(s: &Sentence, i: usize) -> Option<Found> {
    enum Rel {
        Day(f64),
        Period(Unit, i32),
        Month(u8, i32),
        Partial(Unit, bool),
    }
    #[derive(Clone, Copy)]
    enum Unit {
        Year,
        Month,
        Week,
    }
    let unit = |key: &str| match key {
        "year" | "year's" | "year’s" => Some(Unit::Year),
        "month" | "month's" | "month’s" => Some(Unit::Month),
        "week" | "week's" | "week’s" => Some(Unit::Week),
        _ => None,
    };
    let offset = |key: &str| match key {
        "last" => Some(-1),
        "this" => Some(0),
        "next" => Some(1),
        _ => None,
    };
    let (rel, end) = match s.key(i) {
        "yesterday" => (Rel::Day(-1.0), i + 1),
        "today" | "tonight" => (Rel::Day(0.0), i + 1),
        "tomorrow" => (Rel::Day(1.0), i + 1),
        "last" if s.key(i + 1) == "night" => (Rel::Day(-1.0), i + 2),
        "earlier" | "later" if s.key(i + 1) == "this" => (
            Rel::Partial(unit(s.key(i + 2))?, s.key(i) == "earlier"),
            i + 3,
        ),
        key => {
            let off = offset(key)?;
            if let Some(u) = unit(s.key(i + 1)) {
                (Rel::Period(u, off), i + 2)
            } else {
                let (month, full, end) = month_name(s, i + 1)?;
                if !full {
                    return None;
                }
                (Rel::Month(month, off), end)
            }
        }
    };
    let Some(p) = s.ctx.published else {
        return Some(Found::skip(end));
    };
    let Some(d) = date::from_day_number(p) else {
        return Some(Found::skip(end));
    };
    let (year, month) = (i32::from(d.year()), i32::from(d.month()));
    let month_of = |total: i32| {
        let y = i16::try_from(total.div_euclid(12)).ok()?;
        let m = i8::try_from(total.rem_euclid(12) + 1).ok()?;
        date::month(y, m)
    };
    let period = |u: Unit, off: i32| match u {
        Unit::Year => date::year(i16::try_from(year + off).ok()?),
        Unit::Month => month_of(year * 12 + month - 1 + off),
        Unit::Week => {
            let monday = p - f64::from(d.weekday().to_monday_zero_offset()) + 7.0 * f64::from(off);
            Some(Interval::closed(monday, monday + 6.0))
        }
    };
    let (range, vague) = match rel {
        Rel::Day(off) => (Some(Interval::point(p + off)), false),
        Rel::Period(u, off) => (period(u, off), false),
        Rel::Month(m, off) => {
            let m = i32::from(m);
            let y = match off {
                -1 if m < month => year,
                -1 => year - 1,
                1 if m > month => year,
                1 => year + 1,
                _ => year,
            };
            (month_of(y * 12 + m - 1), false)
        }
        Rel::Partial(u, earlier) => {
            let whole = period(u, 0);
            let part = whole.map(|w| {
                if earlier {
                    Interval::closed(w.lo, p)
                } else {
                    Interval::closed(p, w.hi)
                }
            });
            (part, true)
        }
    };
    Some(match range {
        Some(range) => Found::value(end, Value::Date { range }, vague),
        None => Found::skip(end),
    })
}
