//! Measures: a number with a unit that is neither money nor time ("20 miles", "9.8 C",
//! "300kg", "6ft 2in"), with the unit's name canonicalised so that "kilometres" and "km"
//! compare; and points on a scale named before them ("magnitude 6.8", "category 5").

use super::head::HeadFrom;
use super::numbers::{self, Amount, Form};
use super::quantity::{self, Core, Kind};
use super::{Found, Sentence, money, qualifiers, shares, words};

/// A unit at `k`: its canonical name, the end, and whether values may be negative
/// (temperatures).
pub(super) fn unit(s: &Sentence, k: usize) -> Option<(&'static str, usize, bool)> {
    let raw = s.raw(k);
    // Case-sensitive single letters: "9.8 C", "50F", "500g", "100 m" (a glued "m" is a
    // million and never gets here).
    match raw {
        "C" => return Some(("C", k + 1, true)),
        "F" => return Some(("F", k + 1, true)),
        "g" if s.glued(k) => return Some(("g", k + 1, false)),
        "m" if !s.glued(k) => return Some(("m", k + 1, false)),
        // "10in"; a spaced "in" is the preposition.
        // "10in"; a spaced "in" is the preposition, and so is a hyphenated one
        // ("a one-in-five chance").
        "in" | "ins" if s.glued(k) && s.is_number(k.wrapping_sub(1)) => {
            return Some(("in", k + 1, false));
        }
        "GB" | "MB" | "TB" | "KB" => return Some((storage(raw), k + 1, false)),
        "°" => {
            return Some(match s.raw(k + 1) {
                "C" if s.glued(k + 1) => ("C", k + 2, true),
                "F" if s.glued(k + 1) => ("F", k + 2, true),
                _ => ("degree", k + 1, true),
            });
        }
        _ => {}
    }
    let key = s.key(k);
    if matches!(key, "square" | "sq") {
        let at = if s.raw(k + 1) == "." && s.glued(k + 1) {
            k + 2
        } else {
            k + 1
        };
        let (length, end, _) = unit(s, at)?;
        let name = match length {
            "km" => "sq km",
            "mile" => "sq mile",
            "m" => "sq m",
            "ft" => "sq ft",
            _ => return None,
        };
        return Some((name, end, false));
    }
    let name = match key {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            if s.raw(k + 1) == "/" && s.glued(k + 1) && s.key(k + 2) == "h" {
                return Some(("kph", k + 3, false));
            }
            if s.key(k + 1) == "per" && s.key(k + 2) == "hour" {
                return Some(("kph", k + 3, false));
            }
            "km"
        }
        "mile" | "miles" => {
            if s.key(k + 1) == "per" && s.key(k + 2) == "hour" {
                return Some(("mph", k + 3, false));
            }
            "mile"
        }
        "mph" => "mph",
        "kph" | "kmh" => "kph",
        "kg" | "kgs" | "kilo" | "kilos" | "kilogram" | "kilograms" | "kilogramme"
        | "kilogrammes" => "kg",
        "gram" | "grams" | "gramme" | "grammes" => "g",
        "tonne" | "tonnes" => "tonne",
        "ton" | "tons" => "ton",
        "metre" | "metres" | "meter" | "meters" => "m",
        "ft" | "feet" | "foot" => "ft",
        "inch" | "inches" => "in",
        "yard" | "yards" | "yd" | "yds" => "yard",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "litre" | "litres" | "liter" | "liters" => "litre",
        "ml" | "millilitre" | "millilitres" => "ml",
        "gallon" | "gallons" => "gallon",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" => "hectare",
        "lb" | "lbs" => "lb",
        // "300 pounds of cannabis"; "300 pounds" alone is money.
        "pounds" | "pound" if s.key(k + 1) == "of" => "lb",
        "oz" | "ounce" | "ounces" => "oz",
        "stone" => "stone",
        "degree" | "degrees" => {
            return Some(match s.key(k + 1) {
                "celsius" | "centigrade" | "c" => ("C", k + 2, true),
                "fahrenheit" | "f" => ("F", k + 2, true),
                _ => ("degree", k + 1, true),
            });
        }
        // "a 7.8-magnitude earthquake", "a 6.8 magnitude quake".
        "magnitude" => "magnitude",
        "celsius" | "centigrade" => return Some(("C", k + 1, true)),
        "fahrenheit" => return Some(("F", k + 1, true)),
        _ => return None,
    };
    Some((name, k + 1, false))
}

fn storage(raw: &str) -> &'static str {
    match raw {
        "GB" => "GB",
        "MB" => "MB",
        "TB" => "TB",
        _ => "KB",
    }
}

/// The inches after a length in feet ("6ft [2in]", "six feet [two inches]"): their number, its
/// half-precision, and the end. A spaced "in" is a preposition ("6 ft 2 in the morning"), so
/// the abbreviation must be glued.
pub(super) fn inches_after(s: &Sentence, k: usize) -> Option<(f64, f64, usize)> {
    let b = numbers::amount(s, k, false).filter(|b| {
        matches!(b.form, Form::Digits | Form::Words) && b.scale == 1.0 && b.range.is_none()
    })?;
    let e = b.end;
    let unit =
        (s.glued(e) && matches!(s.raw(e), "in" | "ins")) || matches!(s.key(e), "inch" | "inches");
    (unit && b.n < 12.0).then_some((b.n, b.h, e + 1))
}

/// Scale labels before a number: "magnitude 6.8", "category 5", "level 3", "force 9", "tier
/// 2", "stage 4", "grade 2", "phase 3". The number is a point on a scale, not a count of anything, so
/// "A magnitude 6.8 earthquake killed at least 120 people" has one count. The unit is the
/// label, lowercased. Roman numerals ("grade II") are words and never values.
pub(super) fn label(s: &Sentence, i: usize) -> Option<Found> {
    let prefix = qualifiers::prefix(s, i);
    let l = prefix.map_or(i, |p| p.end);
    let (unit, most): (&'static str, f64) = match s.key(l) {
        "magnitude" => ("magnitude", 10.0),
        "category" => ("category", 20.0),
        "level" => ("level", 20.0),
        "force" => ("force", 20.0),
        "tier" => ("tier", 20.0),
        "stage" => ("stage", 20.0),
        "grade" => ("grade", 20.0),
        "phase" => ("phase", 20.0),
        _ => return None,
    };
    let j = l + 1;
    // "In the second stage 12 officers were deployed": after an ordinal or a determiner of
    // its own the label word is a noun, and the number counts what follows.
    let noun = matches!(
        s.prev_key(l),
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "final"
            | "last"
            | "next"
            | "same"
            | "each"
            | "every"
            | "this"
            | "that"
            | "previous"
            | "later"
            | "early"
    );
    if noun || !s.spaced(j) {
        return None;
    }
    let amt = label_number(s, j)?;
    // Only magnitudes come in decimals; "level 3.5" is more likely something else.
    let decimal_ok = unit == "magnitude";
    if amt.n > most || !(amt.integer || decimal_ok) {
        return None;
    }
    // "sea level 2 metres", "the force 20 years ago", "a force 10 times bigger": the number
    // belongs to what follows it.
    let end = amt.end;
    let next = s.key(end);
    if unit_follows(s, end) || next == "times" || (s.raw(end) == "-" && s.glued(end)) {
        return None;
    }
    let mut core = Core::new(
        end,
        Kind::Measure {
            unit,
            signed: false,
        },
        amt,
    );
    // "a magnitude 6.8 [earthquake]": what the reading is of, for a slot's `of:`.
    core.head = HeadFrom::Direct(end);
    quantity::finish(core, prefix.map(|p| p.qual))
}

/// The number after a scale label: plain digits (which the identifier rule would refuse after
/// a capitalised "Category"), or number words.
fn label_number(s: &Sentence, j: usize) -> Option<Amount> {
    if s.is_number(j) {
        let d = numbers::parse_digits(s.raw(j))?;
        // "level 3D", "stage 2:1", "tier 1a".
        if d.leading_zero || (s.glued(j + 1) && !s.is_punct(j + 1)) {
            return None;
        }
        if s.glued(j + 1) && matches!(s.raw(j + 1), ":" | "/" | "." | "-") && s.is_number(j + 2) {
            return None;
        }
        let mut a = Amount::stated(j, j + 1, d.n, d.u / 2.0);
        a.integer = d.integer;
        return Some(a);
    }
    numbers::amount(s, j, false)
        .filter(|a| a.form == Form::Words && a.scale == 1.0 && a.range.is_none() && a.integer)
}

/// A unit, currency, percent sign or unit of time after a number, which makes it a quantity of
/// that rather than a point on a scale.
fn unit_follows(s: &Sentence, k: usize) -> bool {
    unit(s, k).is_some()
        || money::suffix(s, k).is_some()
        || shares::percent(s, k).is_some()
        || shares::percentage_points(s, k).is_some()
        || words::time_unit(s.key(k)).is_some()
        || words::spaced_scale(s.key(k)).is_some()
}
