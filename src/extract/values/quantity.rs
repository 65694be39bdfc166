//! Quantities: an amount with what follows it (a unit, a percent sign, a fraction word, a
//! currency, a time unit, or nothing for a count), ranges of two amounts ("between 200 and
//! 300", "5-10 years"), and the qualifiers around them, turned into one typed interval.

use crate::value::{Currency, Interval, Value};

use super::head::HeadFrom;
use super::numbers::{self, Amount, Form};
use super::qualifiers::{self, Qual};
use super::shares::FractionOf;
use super::{Found, Sentence, change, dates, durations, measures, money, shares, words};

/// What kind of value an amount makes, with the factor from its stated unit to the value's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Kind {
    Count,
    /// "per cent": stated in hundredths.
    Percent,
    /// A ratio from a fraction word or "one in five", at most 1.
    Fraction,
    Money {
        code: &'static str,
        factor: f64,
    },
    Measure {
        unit: &'static str,
        signed: bool,
    },
    /// Days per stated unit.
    Duration {
        days: f64,
    },
    /// Signed days per stated unit: negative before the event.
    Relative {
        days: f64,
    },
    /// Years per stated unit.
    Age {
        years: f64,
    },
}

/// A quantity before qualifiers are applied.
#[derive(Clone, Debug)]
pub(super) struct Core {
    pub end: usize,
    pub kind: Kind,
    pub amt: Amount,
    /// The upper amount of a range ("200 to [300]").
    pub upper: Option<Amount>,
    pub head: HeadFrom,
    /// A qualifier after the value ("or so", "+").
    pub post: Option<Qual>,
    /// An interval fixed by the words themselves ("a majority" is (0.5, 1]).
    pub fixed: Option<Interval>,
    /// A claim literal's "200 .. 300": an exact interval, not a vague one.
    pub stated_range: bool,
    /// A sign was written ("+0.24", "−0.42", "minus 0.42"): the value may be below zero.
    pub signed: bool,
}

impl Core {
    pub(super) fn new(end: usize, kind: Kind, amt: Amount) -> Core {
        Core {
            end,
            kind,
            amt,
            upper: None,
            head: HeadFrom::None,
            post: None,
            fixed: None,
            stated_range: false,
            signed: false,
        }
    }
}

pub(super) fn quantity(s: &Sentence, i: usize) -> Option<Found> {
    if let Some(found) = between(s, i) {
        return Some(found);
    }
    let prefix = qualifiers::prefix(s, i);
    let j = prefix.map_or(i, |p| p.end);
    let qual = prefix.map(|p| p.qual);
    if in_compound_noun(s, j) {
        return None;
    }
    // "concerns about one pensioner's withdrawals": nobody approximates one thing, so "about"
    // and "around" are prepositions there, and the count starts after them.
    if matches!(s.key(i), "about" | "around") && j == i + 1 && one_thing(s, j) {
        return None;
    }
    // "-5C", "minus 3 degrees", "a score of +0.24", "−0.42": temperatures, differences, counts
    // and percentages take a sign.
    let sign = numbers::sign(s, j);
    let j = sign.map_or(j, |g| g.at);
    let mut core = core(s, i, j, qual)?;
    if let Some(g) = sign {
        let plain = core.upper.is_none() && core.fixed.is_none() && core.amt.range.is_none();
        match core.kind {
            Kind::Measure { signed: true, .. } if g.measure => {}
            Kind::Count | Kind::Percent
                if g.count && plain && matches!(core.amt.form, Form::Digits | Form::Words) =>
            {
                core.signed = true;
            }
            // A bullet dash ("-5 officers" at the start of a line) or a word that is not a
            // sign here ("300 minus 20"): the number is read on its own.
            _ if !g.count => return None,
            // A sign on something that cannot be negative ("-5 years") or on a range: claim
            // the words rather than read the number without its sign.
            _ => return Some(Found::skip(core.end)),
        }
        if g.negative {
            core.amt.n = -core.amt.n;
        }
    }
    if prefix.is_some_and(|p| p.numeric_only)
        && !matches!(core.amt.form, Form::Digits | Form::Words)
    {
        return None;
    }
    finish(core, qual)
}

/// A number that is part of a compound noun rather than a quantity: glued by a hyphen to the
/// word before it ("a father-of-two", "mother-of-three", "Channel Twenty-Five" after the name
/// was refused), or a parent's number of children ("a mother of two", but not "the father of
/// two of the victims", a partitive count).
fn in_compound_noun(s: &Sentence, j: usize) -> bool {
    if !(s.is_word(j) || s.is_number(j)) {
        return false;
    }
    if let Some(p) = j.checked_sub(1)
        && s.raw(p) == "-"
        && s.glued(p)
        && s.glued(j)
        && s.is_word(p.wrapping_sub(1))
        && s.is_word(j)
    {
        return true;
    }
    let parent = matches!(
        s.key(j.wrapping_sub(2)),
        "father"
            | "mother"
            | "parent"
            | "dad"
            | "mum"
            | "mom"
            | "grandfather"
            | "grandmother"
            | "grandparent"
            | "grandad"
            | "granddad"
            | "grandma"
            | "grandpa"
    );
    if parent && s.prev_key(j) == "of" {
        // "mother of two of the victims" counts the victims.
        let end = numbers::amount(s, j, false).map_or(j + 1, |a| a.end);
        return s.key(end) != "of";
    }
    false
}

/// "one pensioner", "a bank", "one of the victims": one of something that is not a unit, a
/// scale or the start of a share ("about one in five", "around a third", "about a year",
/// "about one million", "about one point two million" are approximations).
fn one_thing(s: &Sentence, j: usize) -> bool {
    if !matches!(s.key(j), "one" | "a" | "an") || !s.spaced(j + 1) {
        return false;
    }
    let next = s.key(j + 1);
    if next == "of" {
        return true;
    }
    // "about one point two million": a decimal said in words.
    let decimal = next == "point" && words::is_number_word(s.key(j + 2));
    !decimal
        && s.is_word(j + 1)
        && !words::is_closed(next)
        && !words::is_number_word(next)
        && words::time_unit(next).is_none()
        && words::fraction(next).is_none()
        && !matches!(
            next,
            "half" | "couple" | "few" | "handful" | "single" | "dozen"
        )
        && measures::unit(s, j + 1).is_none()
        && money::suffix(s, j + 1).is_none()
        && shares::percent(s, j + 1).is_none()
}

/// "between 200 and 300 officers", "from 5 to 10 per cent", "between £1m and £2m".
fn between(s: &Sentence, i: usize) -> Option<Found> {
    let intro = s.key(i);
    if !matches!(intro, "between" | "from") {
        return None;
    }
    // "rose from 200 to 300" is a change between two values, not a range; so is "has grown by
    // 12% in a year, from 184,300 to 206,400".
    if intro == "from" && change::governed_by_change(s, i) {
        return None;
    }
    let code = money::prefix(s, i + 1);
    let a = numbers::amount(s, code.map_or(i + 1, |c| c.1), code.is_some())?;
    if !matches!(a.form, Form::Digits | Form::Words) {
        return None;
    }
    // "between 21% and 41%": the percent sign may be repeated on the lower end.
    let percent = code.is_none().then(|| shares::percent(s, a.end)).flatten();
    let k = percent.unwrap_or(a.end);
    let after = match (intro, s.key(k)) {
        ("between", "and") | ("from", "to" | "until" | "till") => k + 1,
        ("from", _) if matches!(s.raw(k), "-" | "–") => k + 1,
        _ => return None,
    };
    let (b, _) = upper(s, &a, after, code.map(|c| c.0))?;
    if percent.is_some() && shares::percent(s, b.end).is_none() {
        return None;
    }
    let core = classify(s, i, a, Some(b), b.end, code.map(|c| c.0), None)?;
    finish(core, None)
}

fn core(s: &Sentence, start: usize, j: usize, qual: Option<Qual>) -> Option<Core> {
    if s.literal
        && let Some(core) = shares::literal_fraction(s, j)
    {
        return Some(core);
    }
    let code = money::prefix(s, j);
    let Some(amt) = numbers::amount(s, code.map_or(j, |c| c.1), code.is_some()) else {
        return if code.is_none() {
            shares::standalone(s, j, qual.is_some())
        } else {
            None
        };
    };
    if code.is_some() && amt.form != Form::Digits {
        return None;
    }
    let (upper, k) = match range_tail(s, &amt, code.map(|c| c.0)) {
        Some((b, end)) => (Some(b), end),
        None => (None, amt.end),
    };
    let stated_range = upper.is_some() && s.raw(amt.end) == ".";
    let classified = classify(s, start, amt, upper, k, code.map(|c| c.0), qual);
    classified
        .map(|core| Core {
            stated_range,
            ..core
        })
        .or_else(|| {
            if code.is_none() {
                shares::standalone(s, j, qual.is_some())
            } else {
                None
            }
        })
}

/// The second amount of "200 to 300", "5-10", "two or three", "£1m-£2m" (and "200 .. 300" in
/// claim literals), with the end of the range.
fn range_tail(s: &Sentence, a: &Amount, code: Option<&'static str>) -> Option<(Amount, usize)> {
    if !matches!(a.form, Form::Digits | Form::Words) {
        return None;
    }
    // After "from" the range belongs to `between`, which refused it ("rose from 200 to 300").
    if s.prev_key(a.start) == "from" || (code.is_some() && s.key(a.start.wrapping_sub(2)) == "from")
    {
        return None;
    }
    // "21% to 41%": the percent sign may be repeated on the lower end, and then must be.
    let percent = if code.is_none() {
        shares::percent(s, a.end)
    } else {
        None
    };
    let k = percent.unwrap_or(a.end);
    let after = match s.raw(k) {
        "-" | "–" | "—" => k + 1,
        "." if s.literal && s.raw(k + 1) == "." && s.glued(k + 1) => k + 2,
        _ => match s.key(k) {
            "to" | "or" => k + 1,
            _ => return None,
        },
    };
    let (b, end) = upper(s, a, after, code)?;
    if percent.is_some() && shares::percent(s, end).is_none() {
        return None;
    }
    // "300 to 2011": a count up to a year, not a range of counts.
    if s.key(k) == "to" && b.year_like && !a.year_like {
        return None;
    }
    // "rose by 3% to 41%", "profits rose £2m to £30m", "rose by 200 to 3,000": after a verb of
    // change, "to" gives the new level, and the first amount is the change. A unit written on
    // both ends, or "by" before the first, says so; "fell 5 to 10 per cent" stays a range.
    let by = s.prev_key(a.start) == "by" || s.key(a.start.wrapping_sub(2)) == "by";
    if s.key(k) == "to"
        && (percent.is_some() || code.is_some() || by)
        && change::governed_by_change(s, a.start)
    {
        return None;
    }
    Some((b, end))
}

/// The upper amount of a range at `j`, which must exceed the lower ("3-0" is a score) and may
/// repeat the currency; a scale on it carries over to a bare lower bound ("2 to 3 million").
fn upper(
    s: &Sentence,
    a: &Amount,
    j: usize,
    code: Option<&'static str>,
) -> Option<(Amount, usize)> {
    let j = match money::prefix(s, j) {
        Some((c, next)) if Some(c) == code => next,
        Some(_) => return None,
        None => j,
    };
    let b = numbers::amount(s, j, code.is_some())?;
    if !matches!(b.form, Form::Digits | Form::Words) {
        return None;
    }
    let lower = if a.scale == 1.0 && b.scale > 1.0 && a.n * b.scale <= b.n {
        a.n * b.scale
    } else {
        a.n
    };
    (b.n > lower).then_some((b, b.end))
}

/// Decides what the amount (and optional upper bound) ending at `k` is.
fn classify(
    s: &Sentence,
    start: usize,
    mut amt: Amount,
    upper: Option<Amount>,
    k: usize,
    code: Option<&'static str>,
    qual: Option<Qual>,
) -> Option<Core> {
    if let Some(b) = &upper
        && amt.scale == 1.0
        && b.scale > 1.0
        && amt.n * b.scale <= b.n
    {
        amt.n *= b.scale;
        amt.h *= b.scale;
    }
    let build = |end: usize, kind: Kind, amt: Amount| {
        let mut core = Core::new(end, kind, amt);
        core.upper = upper;
        core
    };
    let (post, k) = match (qual, upper) {
        (None, None) => match qualifiers::postfix(s, k) {
            Some((q, end)) => (Some(q), end),
            None => (None, k),
        },
        _ => (None, k),
    };
    let with_post = |mut core: Core| {
        core.post = post;
        if core.post.is_none()
            && qual.is_none()
            && core.upper.is_none()
            && let Some((q, end)) = qualifiers::postfix(s, core.end)
        {
            core.post = Some(q);
            core.end = end;
        }
        Some(core)
    };
    if let Some(code) = code {
        return with_post(build(k, Kind::Money { code, factor: 1.0 }, amt));
    }
    // "18-month", "two-thirds", "21-year-old"; anything else hyphenated ("one-off",
    // "300-strong") is a modifier, not a value.
    let hyphen = matches!(s.raw(k), "-" | "–") && s.glued(k) && s.glued(k + 1) && s.is_word(k + 1);
    // "hundreds of pounds", "a couple of days": a vague quantity reaches its unit via "of".
    let of = !hyphen && amt.form == Form::Vague && s.key(k) == "of";
    let unit_at = if hyphen || of { k + 1 } else { k };
    let qualified = qual.is_some() || post.is_some();
    // "the 182 Year 11 pupils": "Year 11" names the pupils counted; it is not a unit.
    let school_year = !hyphen && numbers::school_year(s, unit_at);

    if !school_year
        && let Some(timed) = durations::timed(s, &amt, unit_at, hyphen, start, qualified)
    {
        if timed.and_a_half && upper.is_none() {
            amt.n += 0.5;
            amt.h = 0.25;
            amt.integer = false;
            amt.exact = false;
        }
        // "six years and eight months" is 80 months, each part stated exactly: rounding only
        // reaches half of the smallest unit.
        if let Some((total, _)) = timed.compound {
            if upper.is_some() {
                return None;
            }
            // Years are exactly twelve months: keep 80 months an integer despite float noise.
            let rounded = total.round();
            amt.n = if (total - rounded).abs() < 1e-9 {
                rounded
            } else {
                total
            };
            amt.h = 0.5;
            amt.exact = false;
            amt.integer = amt.n.fract() == 0.0;
        }
        return with_post(build(timed.end, timed.kind, amt));
    }
    // A time unit the duration reader refused ("One day he left", "once a year") makes no
    // count either.
    if !school_year && words::time_unit(s.key(unit_at)).is_some() {
        return None;
    }
    if !hyphen && amt.form != Form::Article {
        if let Some(end) = shares::percent(s, k) {
            let mut core = build(end, Kind::Percent, amt);
            core.head = HeadFrom::OfOnly(end);
            return with_post(core);
        }
        if let Some(end) = shares::percentage_points(s, k) {
            return with_post(build(
                end,
                Kind::Measure {
                    unit: "percentage point",
                    signed: true,
                },
                amt,
            ));
        }
    }
    if upper.is_none()
        && let Some((fraction, end)) = shares::fraction(s, &amt, k, hyphen)
    {
        let (kind, ratio) = match fraction {
            FractionOf::Share(ratio) => (Kind::Fraction, ratio),
            FractionOf::Period(ratio, days) => (Kind::Duration { days }, ratio),
        };
        let exact = Amount {
            n: ratio,
            h: 0.0,
            exact: true,
            integer: false,
            ..amt
        };
        let mut core = build(end, kind, exact);
        if kind == Kind::Fraction {
            core.head = HeadFrom::OfOnly(end);
        }
        return with_post(core);
    }
    if amt.form == Form::Article {
        return None;
    }
    if !hyphen && let Some((code, factor, end)) = money::suffix(s, unit_at) {
        return with_post(build(end, Kind::Money { code, factor }, amt));
    }
    if let Some((unit, mut end, signed)) = measures::unit(s, unit_at) {
        // "14ft 1in" is one length, 14.083 ft, stated to the half inch.
        if unit == "ft"
            && !hyphen
            && upper.is_none()
            && amt.integer
            && amt.scale == 1.0
            && let Some((inches, h, after)) = measures::inches_after(s, end)
        {
            amt.n += inches / 12.0;
            amt.h = h / 12.0;
            amt.exact = false;
            amt.integer = false;
            end = after;
        }
        let mut core = build(end, Kind::Measure { unit, signed }, amt);
        // "a 7.8-magnitude [earthquake]": a scale reading names what it is of.
        if crate::value::SCALE_LABELS.contains(&unit) {
            core.head = HeadFrom::Direct(end);
        }
        return with_post(core);
    }
    // "Around one in five", "fewer than three in five", "a one-in-five chance": the
    // qualifier applies to the share.
    if upper.is_none()
        && let Some((ratio, end)) = shares::in_every(s, &amt, k)
    {
        let exact = Amount {
            n: ratio,
            h: 0.0,
            exact: true,
            integer: false,
            ..amt
        };
        let mut core = build(end, Kind::Fraction, exact);
        core.head = HeadFrom::Direct(end);
        return with_post(core);
    }
    if hyphen {
        return None;
    }
    // A lone four-digit number in 1800-2100 is a year unless a plural noun follows.
    if amt.year_like && upper.is_none() && dates::year_here(s, amt.start) {
        return None;
    }
    let mut core = build(k, Kind::Count, amt);
    core.post = post;
    core.head = HeadFrom::Partitive {
        at: k,
        vague: amt.form == Form::Vague,
    };
    if amt.both {
        // "both officers and staff" coordinates; it does not count.
        let head = super::head::find(s, core.head).range;
        if head.is_some_and(|h| s.key(h.end) == "and") {
            return None;
        }
    }
    Some(core)
}

/// Applies qualifiers and precision, and converts to the value's unit.
pub(super) fn finish(core: Core, qual: Option<Qual>) -> Option<Found> {
    let nonneg = !matches!(core.kind, Kind::Measure { signed: true, .. }) && !core.signed;
    let period = matches!(core.kind, Kind::Duration { .. });
    let qual = qual.or(core.post);
    let amt = &core.amt;
    let mut vague = qual.is_some();
    let magnitude = if let Some(fixed) = core.fixed {
        if qual.is_some() {
            return None;
        }
        vague = true;
        fixed
    } else if let Some(up) = &core.upper {
        vague = !core.stated_range || qual.is_some();
        let lo = amt.range.map_or(amt.n, |r| r.0);
        let hi = up.range.map_or(up.n, |r| r.1);
        qualifiers::apply_range(qual, lo, hi, nonneg)
    } else if let Some((lo, hi)) = amt.range {
        vague = true;
        qualifiers::apply_range(qual, lo, hi, nonneg)
    } else if let Some(q) = qual {
        // "nearly a decade" is [9, 10] years: the half-unit precision of a bare "a decade"
        // would let it reach down to five, so a qualified one unit of time ("a", "one" or
        // "1") is taken to 10%.
        let h = if one_unit_of_time(&core) {
            0.1 * amt.n
        } else {
            amt.h
        };
        qualifiers::apply(q, amt.n, h, nonneg, period)
    } else if is_exact(&core) {
        Interval::point(amt.n)
    } else {
        // Rounding: "£5m" is anything from £4.5m up to (not including) £5.5m, so it never
        // overlaps "£4m" ([£3.5m, £4.5m)) at the shared boundary.
        Interval::new(amt.n - amt.h, false, amt.n + amt.h, true)
    };
    let magnitude = if nonneg {
        magnitude.clamp_lo(0.0)
    } else {
        magnitude
    };
    let value = match core.kind {
        Kind::Count => Value::Count { range: magnitude },
        Kind::Percent => Value::Share {
            range: magnitude.scale(0.01),
        },
        Kind::Fraction => Value::Share {
            range: at_most_one(magnitude),
        },
        Kind::Money { code, factor } => Value::Money {
            currency: Currency(code.into()),
            range: magnitude.scale(factor),
        },
        Kind::Measure { unit, .. } => Value::Measure {
            unit: unit.into(),
            range: magnitude,
        },
        Kind::Duration { days } => Value::Duration {
            range: magnitude.scale(days),
        },
        Kind::Relative { days } => Value::RelativeTime {
            range: magnitude.scale(days),
        },
        Kind::Age { years } => Value::Age {
            range: magnitude.scale(years),
        },
    };
    // "4.3m": 4.3 million, or 4.3 metres. The million is the value (it is by far the more
    // common reading in news copy); the binder may try the metres.
    let glued_m = amt.glued_m || core.upper.is_some_and(|u| u.glued_m);
    let alternatives = if glued_m && core.kind == Kind::Count {
        vec![Value::Measure {
            unit: "m".into(),
            range: magnitude.scale(1e-6),
        }]
    } else {
        Vec::new()
    };
    Some(Found {
        end: core.end,
        value: Some(value),
        vague,
        head: core.head,
        alternatives,
    })
}

/// "a year", "an hour", "one decade", "a single year": one unit of time in words, whose
/// precision (half the unit) is a reading of the bare words only.
fn one_unit_of_time(core: &Core) -> bool {
    matches!(core.kind, Kind::Duration { .. } | Kind::Relative { .. })
        && core.amt.n == 1.0
        && core.amt.scale == 1.0
        && core.amt.integer
        && matches!(core.amt.form, Form::Article | Form::Words | Form::Digits)
}

/// Whether the bare value is a point rather than its precision interval: counts in integers
/// or words, fraction words, relative times and ages in whole units.
fn is_exact(core: &Core) -> bool {
    match core.kind {
        Kind::Count => core.amt.exact,
        Kind::Fraction => true,
        Kind::Relative { .. } | Kind::Age { .. } => core.amt.integer && core.amt.scale == 1.0,
        _ => false,
    }
}

/// A part of a whole cannot exceed it: "more than half" is (0.5, 1].
fn at_most_one(range: Interval) -> Interval {
    if range.hi > 1.0 {
        Interval {
            hi: 1.0,
            hi_open: false,
            ..range
        }
    } else {
        range
    }
}
