//! Money: currency signs and codes before an amount ("£1.2m", "US$3 billion", "GBP 300") and
//! currency words after one ("300 pounds", "50p"), in the currency's main unit.

use super::Sentence;

/// A currency before a number: its code and the index of the number.
pub(super) fn prefix(s: &Sentence, j: usize) -> Option<(&'static str, usize)> {
    let sign = match s.raw(j) {
        "£" => Some("GBP"),
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        _ => None,
    };
    if let Some(code) = sign {
        return s.is_number(j + 1).then_some((code, j + 1));
    }
    if !s.is_word(j) {
        return None;
    }
    // "US$3 billion", "A$50": a country prefix glued to a dollar sign.
    if s.raw(j + 1) == "$" && s.glued(j + 1) && s.is_number(j + 2) {
        let code = match s.raw(j) {
            "US" => "USD",
            "A" | "AU" => "AUD",
            "C" | "CA" => "CAD",
            "NZ" => "NZD",
            "HK" => "HKD",
            "S" => "SGD",
            _ => return None,
        };
        return Some((code, j + 2));
    }
    let code = code(s.raw(j))?;
    (s.is_number(j + 1) && s.spaced(j + 1)).then_some((code, j + 1))
}

/// A currency after an amount: its code, the factor to the main unit, and the end.
pub(super) fn suffix(s: &Sentence, k: usize) -> Option<(&'static str, f64, usize)> {
    let one = |code: &'static str| Some((code, 1.0, k + 1));
    match s.key(k) {
        // "300 pounds of cannabis" is a weight.
        "pounds" | "pound" | "quid" if s.key(k + 1) == "of" => None,
        "pounds" | "pound" if s.key(k + 1) == "sterling" => Some(("GBP", 1.0, k + 2)),
        "pounds" | "pound" | "quid" | "sterling" => one("GBP"),
        "dollars" | "dollar" => one("USD"),
        "euros" | "euro" => one("EUR"),
        "pence" | "penny" => Some(("GBP", 0.01, k + 1)),
        "cents" => Some(("USD", 0.01, k + 1)),
        "yen" => one("JPY"),
        "rupees" => one("INR"),
        "p" if s.glued(k) && s.raw(k) == "p" => Some(("GBP", 0.01, k + 1)),
        _ => code(s.raw(k)).filter(|_| s.spaced(k)).and_then(one),
    }
}

/// ISO codes, written in capitals.
fn code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "GBP" => "GBP",
        "USD" => "USD",
        "EUR" => "EUR",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "JPY" => "JPY",
        "CHF" => "CHF",
        "CNY" => "CNY",
        "INR" => "INR",
        _ => return None,
    })
}
