//! Qualifiers: the words around a number that turn it into a range ("around", "nearly",
//! "just over", "more than", "or so") and the interval each one means.

use crate::value::Interval;

use super::Sentence;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Qual {
    /// [N−w, N+w]
    Around,
    /// [N−w, N]
    Nearly,
    /// [N−w, N)
    JustUnder,
    /// (N, N+w]
    JustOver,
    /// (N, ∞)
    MoreThan,
    /// [N, ∞)
    AtLeast,
    /// [0, N)
    LessThan,
    /// [0, N]
    AtMost,
    /// "over": more than N, except before a period, where "over five years" usually means
    /// "across five years": [N−h, ∞) covers both readings.
    Over,
    /// "within five years": [0, N].
    Within,
}

/// A qualifier before a value.
#[derive(Clone, Copy, Debug)]
pub(super) struct Prefix {
    pub qual: Qual,
    /// First token after the qualifier.
    pub end: usize,
    /// "some" is a qualifier only before a number ("some 300 officers"), never before "a few".
    pub numeric_only: bool,
}

/// The qualifier phrase starting at `i`, longest first.
pub(super) fn prefix(s: &Sentence, i: usize) -> Option<Prefix> {
    use Qual::*;
    let options: &[(&[&str], Qual)] = match s.key(i) {
        "around" | "about" | "approximately" | "roughly" | "circa" | "estimated" => {
            &[(&["_"], Around)]
        }
        "some" => &[(&["some"], Around)],
        "approx" => &[(&["approx", "."], Around), (&["approx"], Around)],
        "c" => &[(&["c", "."], Around)],
        "an" => &[(&["an", "estimated"], Around)],
        "in" => &[
            (&["in", "the", "region", "of"], Around),
            (&["in", "excess", "of"], MoreThan),
        ],
        "of" | "on" => &[(&["_", "the", "order", "of"], Around)],
        "nearly" | "almost" | "approaching" => &[(&["_"], Nearly)],
        "close" => &[(&["close", "to"], Nearly)],
        "getting" => &[(&["getting", "on", "for"], Nearly)],
        "just" => &[
            (&["just", "short", "of"], Nearly),
            (&["just", "more", "than"], JustOver),
            (&["just", "less", "than"], JustUnder),
            (&["just", "fewer", "than"], JustUnder),
            (&["just", "under"], JustUnder),
            (&["just", "below"], JustUnder),
            (&["just", "over"], JustOver),
            (&["just", "above"], JustOver),
        ],
        "slightly" => &[
            (&["slightly", "less", "than"], JustUnder),
            (&["slightly", "fewer", "than"], JustUnder),
            (&["slightly", "more", "than"], JustOver),
            (&["slightly", "over"], JustOver),
            (&["slightly", "under"], JustUnder),
        ],
        "a" => &[
            (&["a", "little", "less", "than"], JustUnder),
            (&["a", "little", "more", "than"], JustOver),
            (&["a", "little", "under"], JustUnder),
            (&["a", "little", "over"], JustOver),
            (&["a", "minimum", "of"], AtLeast),
            (&["a", "maximum", "of"], AtMost),
        ],
        "more" => &[(&["more", "than"], MoreThan)],
        "over" => &[(&["over"], Over)],
        "above" | "exceeding" | "beyond" => &[(&["_"], MoreThan)],
        "upwards" => &[(&["upwards", "of"], MoreThan)],
        "at" => &[(&["at", "least"], AtLeast), (&["at", "most"], AtMost)],
        "no" => &[
            (&["no", "fewer", "than"], AtLeast),
            (&["no", "less", "than"], AtLeast),
            (&["no", "more", "than"], AtMost),
        ],
        "not" => &[(&["not", "more", "than"], AtMost)],
        "fewer" | "less" => &[(&["_", "than"], LessThan)],
        "under" | "below" => &[(&["_"], LessThan)],
        "up" => &[(&["up", "to"], AtMost)],
        "as" => &[
            (&["as", "many", "as"], AtMost),
            (&["as", "much", "as"], AtMost),
        ],
        "within" => &[(&["within"], Within)],
        _ => return None,
    };
    options.iter().find_map(|&(words, qual)| {
        let matches = words
            .iter()
            .enumerate()
            .all(|(offset, w)| *w == "_" || s.key(i + offset) == *w);
        matches.then_some(Prefix {
            qual,
            end: i + words.len(),
            numeric_only: s.key(i) == "some",
        })
    })
}

/// A qualifier after a value ("300 or so", "50 or more", "300+", "300-plus") and its end.
pub(super) fn postfix(s: &Sentence, k: usize) -> Option<(Qual, usize)> {
    if s.key(k) == "or" {
        let qual = match s.key(k + 1) {
            "so" | "thereabouts" => Qual::Around,
            "more" | "over" | "above" => Qual::AtLeast,
            "fewer" | "less" | "under" => Qual::AtMost,
            _ => return None,
        };
        return Some((qual, k + 2));
    }
    if s.raw(k) == "+" && s.glued(k) {
        return Some((Qual::AtLeast, k + 1));
    }
    if s.raw(k) == "-" && s.glued(k) && s.glued(k + 1) && s.key(k + 1) == "plus" {
        return Some((Qual::AtLeast, k + 2));
    }
    None
}

/// The interval a qualifier makes of N stated to half-precision `h`. `w = max(h, 10% of |N|)`.
/// `nonneg` quantities have 0 as the floor of "under"; `period` selects the reading of "over".
pub(super) fn apply(qual: Qual, n: f64, h: f64, nonneg: bool, period: bool) -> Interval {
    let w = h.max(0.1 * n.abs());
    let floor = if nonneg { 0.0 } else { f64::NEG_INFINITY };
    match qual {
        Qual::Around => Interval::closed(n - w, n + w),
        // "Nearly a decade" is said of eight years, "nearly 300" of 250: writers round up
        // further than they round either way, so "nearly" reaches twice as far down.
        Qual::Nearly => Interval::closed(n - h.max(0.2 * n.abs()), n),
        Qual::JustUnder => Interval::new(n - w, false, n, true),
        Qual::JustOver => Interval::new(n, true, n + w, false),
        Qual::MoreThan => Interval::above(n),
        Qual::Over if period => Interval::at_least(n - h),
        Qual::Over => Interval::above(n),
        Qual::AtLeast => Interval::at_least(n),
        Qual::LessThan => Interval::new(floor, !nonneg, n, true),
        Qual::AtMost | Qual::Within => Interval::new(floor, !nonneg, n, false),
    }
}

/// A qualifier on something that is already a range ("more than a few", "up to 200-300"):
/// bounds move to the open side, approximations leave the range as it is.
pub(super) fn apply_range(qual: Option<Qual>, lo: f64, hi: f64, nonneg: bool) -> Interval {
    let floor = if nonneg { 0.0 } else { f64::NEG_INFINITY };
    match qual {
        Some(Qual::MoreThan) => Interval::above(lo),
        Some(Qual::AtLeast | Qual::Over) => Interval::at_least(lo),
        Some(Qual::LessThan) => Interval::new(floor, !nonneg, hi, true),
        Some(Qual::AtMost | Qual::Within) => Interval::new(floor, !nonneg, hi, false),
        Some(Qual::Around | Qual::Nearly | Qual::JustUnder | Qual::JustOver) | None => {
            Interval::closed(lo, hi)
        }
    }
}
