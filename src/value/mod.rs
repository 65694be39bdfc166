//! Typed values: what a mention in an article, or a literal in a claim, asserts.
//!
//! Every numeric value is an [`Interval`] in a fixed unit (days for dates and durations, a ratio
//! for shares, so "0.1 per cent" is 0.001), which makes comparing a version against a claim, or
//! two versions against each other, one question: can both be true?

pub mod date;
mod interval;

use std::fmt;
use std::sync::Arc;

pub use interval::{Interval, Number};

/// Days in a mean Gregorian year, used when a duration or date range takes part in arithmetic.
pub const DAYS_PER_YEAR: f64 = 365.2425;

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Value {
    /// A number of things: "300 breaches", "both", "hundreds of".
    Count { range: Interval },
    /// A fraction or percentage as a ratio: "two-thirds" is 0.667, "0.1 per cent" is 0.001.
    Share { range: Interval },
    /// An amount in a currency, in the currency's main unit: "£1.2m" is 1,200,000 GBP.
    Money { currency: Currency, range: Interval },
    /// A measurement with a unit that is not a count, date or duration: "9.8 C", "20 miles".
    Measure { unit: Arc<str>, range: Interval },
    /// A calendar date as the range of days it may denote: "2011" is the whole year.
    /// Days are counted from 1970-01-01.
    Date { range: Interval },
    /// "between January 2009 and October 2013": each end is itself a date range.
    DateRange { start: Interval, end: Interval },
    /// A length of time in days: "nearly five years", "15 months".
    Duration { range: Interval },
    /// A time relative to the event described, in days; negative is before: "the night before"
    /// is -1, "a few nights before" is [-5, -2].
    RelativeTime { range: Interval },
    /// A person's age in years: "21-year-old".
    Age { range: Interval },
    /// A term from a lexicon: a rank, a title, an organisation.
    Term(Term),
}

/// The kinds a slot can have, and the kind of each [`Value`].
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ValueKind {
    Count,
    /// A plain number: a count, or a reading on a scale ("magnitude 6.8", "category 5").
    Number,
    Share,
    Money,
    Measure,
    Date,
    DateRange,
    Duration,
    RelativeTime,
    Age,
    /// Terms of the lexicons of this kind ("rank", "title").
    Term(Arc<str>),
}

impl ValueKind {
    /// The built-in kinds by their claim-file name, with the names accepted as synonyms.
    pub const BUILT_IN: &'static [(&'static str, ValueKind)] = &[
        ("count", ValueKind::Count),
        ("number", ValueKind::Number),
        ("share", ValueKind::Share),
        ("fraction", ValueKind::Share),
        ("percentage", ValueKind::Share),
        ("money", ValueKind::Money),
        ("measure", ValueKind::Measure),
        ("date", ValueKind::Date),
        ("date-range", ValueKind::DateRange),
        ("duration", ValueKind::Duration),
        ("relative-time", ValueKind::RelativeTime),
        ("age", ValueKind::Age),
    ];

    pub fn built_in(name: &str) -> Option<ValueKind> {
        Self::BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| k.clone())
    }

    pub fn name(&self) -> &str {
        match self {
            ValueKind::Count => "count",
            ValueKind::Number => "number",
            ValueKind::Share => "share",
            ValueKind::Money => "money",
            ValueKind::Measure => "measure",
            ValueKind::Date => "date",
            ValueKind::DateRange => "date-range",
            ValueKind::Duration => "duration",
            ValueKind::RelativeTime => "relative-time",
            ValueKind::Age => "age",
            ValueKind::Term(kind) => kind,
        }
    }

    /// Whether a mention of `value` can fill a slot of this kind. A duration fills a date-range
    /// slot (and the reverse) because "nearly five years" speaks of the same period as
    /// "between January 2009 and October 2013".
    pub fn accepts(&self, value: &Value) -> bool {
        match (self, value) {
            (ValueKind::DateRange | ValueKind::Duration, Value::DateRange { .. })
            | (ValueKind::DateRange | ValueKind::Duration, Value::Duration { .. }) => true,
            (ValueKind::Term(kind), Value::Term(term)) => *kind == term.kind,
            (ValueKind::Number, Value::Count { .. }) => true,
            (ValueKind::Number, Value::Measure { unit, .. }) => is_scale_label(unit),
            (kind, value) => *kind == value.kind(),
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Currency(pub Arc<str>);

/// A lexicon term, compared by identity after alias folding: "Det Ch Insp" and "detective chief
/// inspector" are the same term; "detective chief constable" (the modifier "detective" on
/// "chief constable") is a different one.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Term {
    /// The lexicon kind: "rank", "title". Serialised as `term_kind`, beside the value's own
    /// `kind` tag ("term").
    #[serde(rename = "term_kind")]
    pub kind: Arc<str>,
    /// Canonical id of the base term in its lexicon.
    pub id: Arc<str>,
    /// Identity-changing modifiers that precede the term in the text, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modifiers: Vec<Arc<str>>,
}

impl Term {
    /// The name that decides identity: the modifiers followed by the base id.
    pub fn identity(&self) -> String {
        let mut out = String::new();
        for m in &self.modifiers {
            out.push_str(m);
            out.push(' ');
        }
        out.push_str(&self.id);
        out
    }
}

/// Where a mention's value lies relative to a reference value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fit {
    /// Every reading of the mention satisfies the reference: it agrees.
    Within,
    /// Some readings satisfy it, some do not: vague but consistent.
    Overlaps,
    /// No reading satisfies it: a conflict.
    Disjoint,
}

impl Value {
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Count { .. } => ValueKind::Count,
            Value::Share { .. } => ValueKind::Share,
            Value::Money { .. } => ValueKind::Money,
            Value::Measure { .. } => ValueKind::Measure,
            Value::Date { .. } => ValueKind::Date,
            Value::DateRange { .. } => ValueKind::DateRange,
            Value::Duration { .. } => ValueKind::Duration,
            Value::RelativeTime { .. } => ValueKind::RelativeTime,
            Value::Age { .. } => ValueKind::Age,
            Value::Term(t) => ValueKind::Term(t.kind.clone()),
        }
    }

    /// The number this value contributes to arithmetic between slots: counts and amounts as
    /// they are, shares as ratios, durations and date ranges in years. Dates, relative times and
    /// terms have none.
    pub fn magnitude(&self) -> Option<Interval> {
        match self {
            Value::Count { range }
            | Value::Share { range }
            | Value::Money { range, .. }
            | Value::Age { range } => Some(*range),
            // In the dimension's base unit, so "14ft 1in" and "4.3 metres" add up.
            Value::Measure { unit, range } => {
                Some(in_base_unit(unit).map_or(*range, |(_, to_base)| to_base(range)))
            }
            Value::Duration { range } => Some(range.scale(1.0 / DAYS_PER_YEAR)),
            Value::DateRange { start, end } => {
                Some(range_length(start, end).scale(1.0 / DAYS_PER_YEAR))
            }
            Value::Date { .. } | Value::RelativeTime { .. } | Value::Term(_) => None,
        }
    }

    /// How `self` (a mention) fits `reference` (a claim's value or another version's), or `None`
    /// when the two cannot be compared.
    pub fn fit(&self, reference: &Value) -> Option<Fit> {
        use Value::*;
        match (self, reference) {
            (Term(a), Term(b)) => Some(if a.identity() == b.identity() {
                Fit::Within
            } else {
                Fit::Disjoint
            }),
            (DateRange { start: s1, end: e1 }, DateRange { start: s2, end: e2 }) => {
                Some(worst(fit_interval(s1, s2), fit_interval(e1, e2)))
            }
            (Duration { range }, DateRange { start, end }) => {
                Some(fit_interval(range, &range_length(start, end)))
            }
            (DateRange { start, end }, Duration { range }) => {
                Some(fit_interval(&range_length(start, end), range))
            }
            (
                Money {
                    currency: c1,
                    range: r1,
                },
                Money {
                    currency: c2,
                    range: r2,
                },
            ) => (c1 == c2).then(|| fit_interval(r1, r2)),
            (
                Measure {
                    unit: u1,
                    range: r1,
                },
                Measure {
                    unit: u2,
                    range: r2,
                },
            ) => {
                if u1 == u2 {
                    return Some(fit_interval(r1, r2));
                }
                // "14ft 1in" against a claim in metres: compare in a shared base unit.
                let (base1, to1) = in_base_unit(u1)?;
                let (base2, to2) = in_base_unit(u2)?;
                (base1 == base2).then(|| fit_interval(&to1(r1), &to2(r2)))
            }
            // A scale reading against a plain number: "magnitude 6.8" against `magnitude = 6.8`.
            (Measure { unit, range: r1 }, Count { range: r2 })
            | (Count { range: r1 }, Measure { unit, range: r2 })
                if is_scale_label(unit) =>
            {
                Some(fit_interval(r1, r2))
            }
            (a, b) if a.kind() == b.kind() => Some(fit_interval(a.range()?, b.range()?)),
            _ => None,
        }
    }

    /// What a value must share with another for arithmetic to combine them: the currency of
    /// an amount, the dimension of a measure. Counts, shares and durations need nothing.
    pub fn unit_family(&self) -> Option<String> {
        match self {
            Value::Money { currency, .. } => Some(format!("currency {}", currency.0)),
            Value::Measure { unit, .. } => Some(
                in_base_unit(unit).map_or_else(|| format!("unit {unit}"), |(d, _)| d.to_string()),
            ),
            _ => None,
        }
    }

    /// The single interval of values that have one.
    pub fn range(&self) -> Option<&Interval> {
        match self {
            Value::Count { range }
            | Value::Share { range }
            | Value::Money { range, .. }
            | Value::Measure { range, .. }
            | Value::Date { range }
            | Value::Duration { range }
            | Value::RelativeTime { range }
            | Value::Age { range } => Some(range),
            Value::DateRange { .. } | Value::Term(_) => None,
        }
    }

    /// The same value with every interval widened by `fraction` of its magnitude: how `~` and
    /// `± N%` apply to a claim's established value.
    pub fn widen_relative(&self, fraction: f64) -> Value {
        self.map_ranges(|r| r.widen_relative(fraction))
    }

    /// The same value with every interval widened by `delta` in its own unit.
    pub fn widen_absolute(&self, delta: f64) -> Value {
        self.map_ranges(|r| r.widen_absolute(delta))
    }

    /// The same value with each of its intervals replaced by `f` of it (both ends of a date
    /// range; nothing for a term).
    pub fn map_ranges(&self, f: impl Fn(&Interval) -> Interval) -> Value {
        let mut out = self.clone();
        match &mut out {
            Value::Count { range }
            | Value::Share { range }
            | Value::Money { range, .. }
            | Value::Measure { range, .. }
            | Value::Date { range }
            | Value::Duration { range }
            | Value::RelativeTime { range }
            | Value::Age { range } => *range = f(range),
            Value::DateRange { start, end } => {
                *start = f(start);
                *end = f(end);
            }
            Value::Term(_) => {}
        }
        out
    }
}

/// The units of scale readings ("magnitude 6.8", "category 5", "force 9"): plain numbers on a
/// named scale, comparable with a plain number, never a count of anything.
pub const SCALE_LABELS: &[&str] = &[
    "magnitude",
    "category",
    "level",
    "force",
    "tier",
    "stage",
    "grade",
    "phase",
];

fn is_scale_label(unit: &str) -> bool {
    SCALE_LABELS.contains(&unit)
}

/// A measure unit's dimension and its conversion to that dimension's base unit (metres,
/// kilograms, m/s, square metres, litres, bytes, °C). Units are the recogniser's canonical names.
fn in_base_unit(unit: &str) -> Option<(&'static str, impl Fn(&Interval) -> Interval)> {
    let (dimension, factor, offset) = match unit {
        "m" => ("length", 1.0, 0.0),
        "km" => ("length", 1000.0, 0.0),
        "cm" => ("length", 0.01, 0.0),
        "mm" => ("length", 0.001, 0.0),
        "mile" => ("length", 1609.344, 0.0),
        "yard" => ("length", 0.9144, 0.0),
        "ft" => ("length", 0.3048, 0.0),
        "inch" | "in" => ("length", 0.0254, 0.0),
        "kg" => ("mass", 1.0, 0.0),
        "g" => ("mass", 0.001, 0.0),
        "tonne" => ("mass", 1000.0, 0.0),
        // A "ton" in UK copy is the long ton.
        "ton" => ("mass", 1016.047, 0.0),
        "lb" => ("mass", 0.453_592_37, 0.0),
        "oz" => ("mass", 0.028_349_523, 0.0),
        "stone" => ("mass", 6.350_293, 0.0),
        "mph" => ("speed", 0.447_04, 0.0),
        "kph" => ("speed", 1.0 / 3.6, 0.0),
        "sq m" => ("area", 1.0, 0.0),
        "sq km" => ("area", 1e6, 0.0),
        "sq ft" => ("area", 0.092_903, 0.0),
        "sq mile" => ("area", 2_589_988.11, 0.0),
        "acre" => ("area", 4_046.856, 0.0),
        "hectare" => ("area", 10_000.0, 0.0),
        "litre" => ("volume", 1.0, 0.0),
        "ml" => ("volume", 0.001, 0.0),
        "gallon" => ("volume", 4.546_09, 0.0),
        "KB" => ("data", 1e3, 0.0),
        "MB" => ("data", 1e6, 0.0),
        "GB" => ("data", 1e9, 0.0),
        "TB" => ("data", 1e12, 0.0),
        "C" => ("temperature", 1.0, 0.0),
        "F" => ("temperature", 5.0 / 9.0, -32.0 * 5.0 / 9.0),
        _ => return None,
    };
    Some((dimension, move |r: &Interval| {
        r.scale(factor).add(&Interval::point(offset))
    }))
}

/// How long a date range may last, given that each end is itself a range of days. Both ends are
/// inclusive: "January 2009 to October 2013" runs to the last day of October.
fn range_length(start: &Interval, end: &Interval) -> Interval {
    Interval::closed((end.lo - start.hi).max(0.0), end.hi - start.lo + 1.0)
}

fn fit_interval(mention: &Interval, reference: &Interval) -> Fit {
    if !mention.intersects(reference) {
        Fit::Disjoint
    } else if reference.contains(mention) {
        Fit::Within
    } else {
        Fit::Overlaps
    }
}

fn worst(a: Fit, b: Fit) -> Fit {
    match (a, b) {
        (Fit::Disjoint, _) | (_, Fit::Disjoint) => Fit::Disjoint,
        (Fit::Overlaps, _) | (_, Fit::Overlaps) => Fit::Overlaps,
        _ => Fit::Within,
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = |x: f64| Number(x).to_string();
        match self {
            Value::Count { range } => f.write_str(&describe(range, plain)),
            Value::Share { range } => f.write_str(&describe(range, |x| {
                format!("{}%", Number(round2(x * 100.0)))
            })),
            Value::Money { currency, range } => {
                f.write_str(&describe(range, |x| money(x, currency)))
            }
            // The unit once: "6.75 to 6.85 m", "magnitude 6.75 to 6.85".
            Value::Measure { unit, range } => {
                let amount = describe(range, |x| Number(round2(x)).to_string());
                if is_scale_label(unit) {
                    write!(f, "{unit} {amount}")
                } else {
                    write!(f, "{amount} {unit}")
                }
            }
            Value::Date { range } => f.write_str(&date::describe(range)),
            Value::DateRange { start, end } => {
                write!(f, "{} .. {}", date::describe(start), date::describe(end))
            }
            Value::Duration { range } => f.write_str(&describe_days(range)),
            Value::RelativeTime { range } => {
                if range.hi <= 0.0 {
                    write!(f, "{} before", describe_days(&range.scale(-1.0)))
                } else if range.lo >= 0.0 {
                    write!(f, "{} after", describe_days(range))
                } else {
                    write!(f, "{} days from the event", describe(range, plain))
                }
            }
            Value::Age { range } => write!(f, "aged {}", describe(range, plain)),
            Value::Term(term) => f.write_str(&term.identity()),
        }
    }
}

/// A range in words: "300", "24 to 199", "more than 250", "at most 5", each number written by
/// `number`.
fn describe(range: &Interval, number: impl Fn(f64) -> String) -> String {
    let lo = range.lo.is_finite();
    let hi = range.hi.is_finite();
    if range.is_point() {
        number(range.lo)
    } else if lo && hi && !(range.lo == 0.0 && range.hi_open) {
        let (from, to) = (number(range.lo), number(range.hi));
        // A figure stated to its precision ("£1,881.27") reads as itself.
        if from == to {
            from
        } else {
            format!("{from} to {to}")
        }
    } else if lo && !hi {
        let words = if range.lo_open {
            "more than"
        } else {
            "at least"
        };
        format!("{words} {}", number(range.lo))
    } else if hi {
        let words = if range.hi_open {
            "less than"
        } else {
            "at most"
        };
        format!("{words} {}", number(range.hi))
    } else {
        "any amount".to_string()
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// An amount as newsrooms print it: "£4.5m", "$3bn", "€500,000", "£300".
fn money(amount: f64, currency: &Currency) -> String {
    let symbol = match &*currency.0 {
        "GBP" => "£".to_string(),
        "USD" => "$".to_string(),
        "EUR" => "€".to_string(),
        other => format!("{other} "),
    };
    let (scaled, suffix) = if amount.abs() >= 1e9 {
        (amount / 1e9, "bn")
    } else if amount.abs() >= 1e6 {
        (amount / 1e6, "m")
    } else {
        (amount, "")
    };
    let digits = Number(round2(scaled)).to_string().replace(',', "");
    let digits = if suffix.is_empty() && scaled.fract() == 0.0 {
        group_thousands(&digits)
    } else {
        digits
    };
    format!("{symbol}{digits}{suffix}")
}

fn group_thousands(digits: &str) -> String {
    let (sign, digits) = digits.strip_prefix('-').map_or(("", digits), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A span of days in the unit a reader would use: minutes under an hour, hours under a day,
/// years from a year, days otherwise, to two decimals: "47 minutes", "6 hours", "2 to 5 days",
/// "4.5 to 5 years".
fn describe_days(range: &Interval) -> String {
    let (scale, one, many) = if range.hi < 1.0 / 24.0 {
        (24.0 * 60.0, "minute", "minutes")
    } else if range.hi < 1.0 {
        (24.0, "hour", "hours")
    } else if range.lo >= 365.0 {
        (1.0 / DAYS_PER_YEAR, "year", "years")
    } else {
        (1.0, "day", "days")
    };
    let scaled = range.scale(scale);
    let rounded = Interval {
        lo: round2(scaled.lo),
        hi: round2(scaled.hi),
        ..scaled
    };
    let unit = if rounded.is_point() && rounded.lo == 1.0 {
        one
    } else {
        many
    };
    format!("{} {unit}", describe(&rounded, |x| Number(x).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(lo: f64, hi: f64) -> Value {
        Value::Count {
            range: Interval::closed(lo, hi),
        }
    }

    #[test]
    fn fit_classifies_agree_vague_and_conflict() {
        let claim = count(300.0, 300.0);
        assert_eq!(count(300.0, 300.0).fit(&claim), Some(Fit::Within));
        assert_eq!(count(200.0, 999.0).fit(&claim), Some(Fit::Overlaps));
        assert_eq!(count(350.0, 350.0).fit(&claim), Some(Fit::Disjoint));
    }

    #[test]
    fn a_duration_fits_a_date_range_by_its_length() {
        // January 2009 .. October 2013, as day numbers.
        let period = Value::DateRange {
            start: Interval::closed(14245.0, 14275.0),
            end: Interval::closed(15979.0, 16009.0),
        };
        let nearly_five_years = Value::Duration {
            range: Interval::closed(4.0, 5.0).scale(365.2425),
        };
        assert_eq!(nearly_five_years.fit(&period), Some(Fit::Overlaps));
        let two_years = Value::Duration {
            range: Interval::point(2.0 * 365.2425),
        };
        assert_eq!(two_years.fit(&period), Some(Fit::Disjoint));
    }

    #[test]
    fn terms_compare_by_identity_including_modifiers() {
        let rank = |id: &str, modifiers: &[&str]| {
            Value::Term(Term {
                kind: "rank".into(),
                id: id.into(),
                modifiers: modifiers.iter().map(|m| Arc::from(*m)).collect(),
            })
        };
        let dci = rank("detective chief inspector", &[]);
        assert_eq!(dci.fit(&dci), Some(Fit::Within));
        let dcc = rank("chief constable", &["detective"]);
        assert_eq!(dcc.fit(&dci), Some(Fit::Disjoint));
        assert_eq!(dcc.to_string(), "detective chief constable");
    }

    #[test]
    fn durations_read_in_hours_days_or_years() {
        let hours = |h: f64| Value::Duration {
            range: Interval::closed(h / 24.0 * 0.9, h / 24.0),
        };
        assert_eq!(hours(6.0).to_string(), "5.4 to 6 hours");
        assert_eq!(
            Value::Duration {
                range: Interval::point(1.0)
            }
            .to_string(),
            "1 day"
        );
        let years = Value::Duration {
            range: Interval::closed(4.5, 5.0).scale(DAYS_PER_YEAR),
        };
        assert_eq!(years.to_string(), "4.5 to 5 years");
        assert_eq!(
            Value::RelativeTime {
                range: Interval::closed(-5.0, -2.0)
            }
            .to_string(),
            "2 to 5 days before"
        );
    }

    #[test]
    fn amounts_read_as_printed() {
        let gbp = Currency("GBP".into());
        let stated = Value::Money {
            currency: gbp.clone(),
            range: Interval::new(3.5e6, false, 4.5e6, true),
        };
        assert_eq!(stated.to_string(), "£3.5m to £4.5m");
        assert_eq!(
            Value::Money {
                currency: gbp,
                range: Interval::point(500_000.0)
            }
            .to_string(),
            "£500,000"
        );
        assert_eq!(
            Value::Share {
                range: Interval::point(2.0 / 3.0)
            }
            .to_string(),
            "66.67%"
        );
        assert_eq!(
            Value::Count {
                range: Interval::above(250.0)
            }
            .to_string(),
            "more than 250"
        );
        assert_eq!(
            Value::Count {
                range: Interval::new(0.0, false, 200.0, true)
            }
            .to_string(),
            "less than 200"
        );
    }

    #[test]
    fn measures_name_their_unit_once() {
        let m = |unit: &str, range| Value::Measure {
            unit: unit.into(),
            range,
        };
        assert_eq!(
            m("km", Interval::closed(9.5, 10.5)).to_string(),
            "9.5 to 10.5 km"
        );
        assert_eq!(m("m", Interval::at_least(4.0)).to_string(), "at least 4 m");
        assert_eq!(
            m("magnitude", Interval::new(6.75, false, 6.85, true)).to_string(),
            "magnitude 6.75 to 6.85"
        );
    }

    #[test]
    fn measures_compare_across_units_of_one_dimension() {
        let m = |unit: &str, lo: f64, hi: f64| Value::Measure {
            unit: unit.into(),
            range: Interval::new(lo, false, hi, true),
        };
        // 14ft 1in is 4.29 m: within "4.3 metres" stated to the decimetre, not "4.8 metres".
        let feet = m("ft", 14.0833, 14.0834);
        assert_eq!(feet.fit(&m("m", 4.25, 4.35)), Some(Fit::Within));
        assert_eq!(feet.fit(&m("m", 4.75, 4.85)), Some(Fit::Disjoint));
        assert_eq!(
            m("F", 50.0, 50.0 + 1e-9).fit(&m("C", 9.9, 10.1)),
            Some(Fit::Within)
        );
        assert_eq!(m("kg", 1.0, 2.0).fit(&m("m", 1.0, 2.0)), None);
    }

    #[test]
    fn a_number_slot_takes_scale_readings_and_a_count_slot_does_not() {
        let reading = Value::Measure {
            unit: "magnitude".into(),
            range: Interval::point(6.8),
        };
        assert!(ValueKind::Number.accepts(&reading));
        assert!(!ValueKind::Count.accepts(&reading));
        assert_eq!(
            reading.fit(&Value::Count {
                range: Interval::point(6.8)
            }),
            Some(Fit::Within)
        );
        assert_eq!(
            reading.fit(&Value::Count {
                range: Interval::point(6.2)
            }),
            Some(Fit::Disjoint)
        );
    }

    #[test]
    fn different_kinds_do_not_compare() {
        let share = Value::Share {
            range: Interval::point(0.2),
        };
        assert_eq!(share.fit(&count(1.0, 1.0)), None);
    }

    #[test]
    fn kinds_accept_their_values_and_periods_accept_durations() {
        assert!(ValueKind::Count.accepts(&count(1.0, 1.0)));
        assert!(!ValueKind::Share.accepts(&count(1.0, 1.0)));
        assert!(ValueKind::DateRange.accepts(&Value::Duration {
            range: Interval::point(1.0)
        }));
    }
}
