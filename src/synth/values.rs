//! Fact values: drawing them, printing them the ways outlets do, writing them as claim
//! literals, and the planted wrong value.

use super::rng::Rng;
use super::templates::{FactKind, POLICE_RANKS};
use super::words::{digits, words};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Count(u64),
    /// Tenths of a million pounds.
    MoneyMillions(u64),
    /// Thousands of pounds.
    MoneyThousands(u64),
    /// Hundredths of a percentage point.
    Percent(u64),
    Years(u64),
    Millimetres(u64),
    /// Index into [`POLICE_RANKS`].
    Rank(usize),
}

/// How a version prints a value. None of them changes what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// The wire's form: digits (words below ten), `£12.4m`, `4.99%`, the full rank.
    Exact,
    /// Words for digits, "million" for "m", "per cent" for "%", an abbreviated rank.
    Alternate,
    /// A qualified figure whose range holds the value: "around 34,500", "nearly 5%".
    Loose,
}

impl Value {
    pub fn draw(kind: FactKind, rng: &mut Rng) -> Value {
        match kind {
            FactKind::Count { lo, hi } => Value::Count(rng.between(lo, hi)),
            FactKind::MoneyMillions { lo, hi } => Value::MoneyMillions(rng.between(lo, hi)),
            FactKind::MoneyThousands { lo, hi } => Value::MoneyThousands(rng.between(lo, hi)),
            // Percentages end in .x0 or .99 or are whole, as published figures do.
            FactKind::Percent { lo, hi } => {
                let p = rng.between(lo, hi);
                Value::Percent(match rng.below(3) {
                    0 => p / 100 * 100,
                    1 => p / 10 * 10,
                    _ => p / 100 * 100 + 99,
                })
            }
            FactKind::Years { lo, hi } => Value::Years(rng.between(lo, hi)),
            FactKind::Millimetres { lo, hi } => Value::Millimetres(rng.between(lo, hi)),
            FactKind::Rank => Value::Rank(rng.below(POLICE_RANKS.len())),
        }
    }

    /// A value no reading of the original can be: at least a quarter more (or another rank).
    pub fn planted(self, rng: &mut Rng) -> Value {
        let more = |n: u64, rng: &mut Rng| n * rng.between(13, 16) / 10;
        match self {
            Value::Count(n) if n < 20 => Value::Count(n + rng.between(2, 4)),
            Value::Count(n) => Value::Count(more(n, rng)),
            Value::MoneyMillions(t) => Value::MoneyMillions(more(t, rng).max(t + 3)),
            Value::MoneyThousands(k) => Value::MoneyThousands(more(k, rng)),
            Value::Percent(h) => Value::Percent(h + rng.between(3, 6) * 100),
            Value::Years(y) => Value::Years(y + rng.between(2, 3)),
            Value::Millimetres(m) => Value::Millimetres(more(m, rng)),
            Value::Rank(i) => {
                Value::Rank((i + 1 + rng.below(POLICE_RANKS.len() - 1)) % POLICE_RANKS.len())
            }
        }
    }

    /// The value as the claim file writes it.
    pub fn literal(self) -> String {
        match self {
            Value::Count(n) => digits(n),
            Value::Rank(i) => POLICE_RANKS[i].0.to_string(),
            other => other.render(Style::Exact),
        }
    }

    /// Which styles make sense for this value (Exact always first).
    pub fn styles(self) -> &'static [Style] {
        match self {
            Value::Count(n) if n < 50 => &[Style::Exact, Style::Alternate],
            Value::Years(_) => &[Style::Exact],
            Value::MoneyThousands(_) => &[Style::Exact, Style::Loose],
            _ => &[Style::Exact, Style::Alternate, Style::Loose],
        }
    }

    pub fn render(self, style: Style) -> String {
        match (self, style) {
            (Value::Count(n), Style::Exact) if n < 10 => words(n),
            (Value::Count(n), Style::Exact) => digits(n),
            (Value::Count(n), Style::Alternate) if n < 10 => n.to_string(),
            (Value::Count(n), Style::Alternate) if n < 100 || (n < 1000 && n % 10 == 0) => words(n),
            (Value::Count(n), Style::Alternate) => digits(n),
            (Value::Count(n), Style::Loose) => loose_count(n),
            (Value::MoneyMillions(t), Style::Exact) => format!("£{}m", tenths(t)),
            (Value::MoneyMillions(t), Style::Alternate) => format!("£{} million", tenths(t)),
            (Value::MoneyMillions(t), Style::Loose) if t % 10 != 0 => {
                format!("more than £{}m", t / 10)
            }
            (Value::MoneyMillions(t), Style::Loose) => format!("around £{}m", t / 10),
            (Value::MoneyThousands(k), Style::Loose) if k % 10 != 0 => {
                format!("more than £{}", digits(k / 10 * 10_000))
            }
            (Value::MoneyThousands(k), Style::Loose) => format!("around £{}", digits(k * 1000)),
            (Value::MoneyThousands(k), _) => format!("£{}", digits(k * 1000)),
            (Value::Percent(h), Style::Exact) => format!("{}%", hundredths(h)),
            (Value::Percent(h), Style::Alternate) => format!("{} per cent", hundredths(h)),
            (Value::Percent(h), Style::Loose) => loose_percent(h),
            (Value::Years(y), Style::Loose) if y > 2 => format!("nearly {} years", words(y + 1)),
            (Value::Years(y), _) => format!("{} years", words(y)),
            (Value::Millimetres(m), Style::Exact) => format!("{m}mm"),
            (Value::Millimetres(m), Style::Alternate) => format!("{m} millimetres"),
            (Value::Millimetres(m), Style::Loose) if m % 10 != 0 => {
                format!("more than {}mm", m / 10 * 10)
            }
            (Value::Millimetres(m), Style::Loose) => format!("around {m}mm"),
            (Value::Rank(i), Style::Alternate) => POLICE_RANKS[i].2.to_string(),
            (Value::Rank(i), _) => POLICE_RANKS[i].1.to_string(),
        }
    }
}

fn tenths(t: u64) -> String {
    if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

fn hundredths(h: u64) -> String {
    match h % 100 {
        0 => (h / 100).to_string(),
        r if r % 10 == 0 => format!("{}.{}", h / 100, r / 10),
        r => format!("{}.{r:02}", h / 100),
    }
}

/// Two significant figures, rounded down (`floor`) or up.
fn round2(n: u64, up: bool) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    if up {
        n.div_ceil(unit) * unit
    } else {
        n / unit * unit
    }
}

/// "more than 34,000" for 34,512; "nearly 35,000" when that is within a fifth (it is);
/// "around 300" for a round 300.
fn loose_count(n: u64) -> String {
    let floor = round2(n, false);
    if floor < n {
        if n % 2 == 0 {
            format!("more than {}", digits(floor))
        } else {
            format!("nearly {}", digits(round2(n, true)))
        }
    } else {
        format!("around {}", digits(n))
    }
}

fn loose_percent(h: u64) -> String {
    let up = h.div_ceil(100) * 100;
    if h % 100 == 0 {
        format!("around {}%", h / 100)
    } else if (up - h) * 5 <= up {
        format!("nearly {}%", up / 100)
    } else {
        format!("more than {}%", h / 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_forms_hold_the_value() {
        assert_eq!(Value::Count(34512).render(Style::Loose), "more than 34,000");
        assert_eq!(Value::Count(34513).render(Style::Loose), "nearly 35,000");
        assert_eq!(Value::Count(300).render(Style::Loose), "around 300");
        assert_eq!(Value::Percent(499).render(Style::Loose), "nearly 5%");
        assert_eq!(Value::Percent(201).render(Style::Loose), "more than 2%");
        assert_eq!(Value::Percent(350).render(Style::Alternate), "3.5 per cent");
        assert_eq!(Value::MoneyMillions(124).render(Style::Exact), "£12.4m");
        assert_eq!(
            Value::MoneyThousands(184).render(Style::Loose),
            "more than £180,000"
        );
        assert_eq!(Value::Years(7).literal(), "seven years");
        assert_eq!(Value::Rank(1).literal(), "detective inspector");
    }
}
