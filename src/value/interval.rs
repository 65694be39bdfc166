//! Intervals of real numbers: what every numeric value in wirecheck denotes.
//!
//! "around 31,000", "nearly five years" and "hundreds of" are ranges, not points. Two statements
//! conflict only when their ranges cannot both be true, i.e. when the intervals are disjoint.

use std::fmt;

/// Relative slack used when comparing bounds, so that float noise (208 / 300 computed two ways)
/// never decides a conflict.
const EPSILON: f64 = 1e-9;

#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    /// The bound itself is excluded: "more than 300" is (300, ∞).
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    pub fn point(x: f64) -> Interval {
        Interval {
            lo: x,
            hi: x,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, hi]`, with the bounds swapped if given in the wrong order.
    pub fn closed(lo: f64, hi: f64) -> Interval {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    pub fn new(lo: f64, lo_open: bool, hi: f64, hi_open: bool) -> Interval {
        Interval {
            lo,
            hi,
            lo_open,
            hi_open,
        }
    }

    /// `(x, ∞)`
    pub fn above(x: f64) -> Interval {
        Interval::new(x, true, f64::INFINITY, true)
    }

    /// `[x, ∞)`
    pub fn at_least(x: f64) -> Interval {
        Interval::new(x, false, f64::INFINITY, true)
    }

    /// `(-∞, x)`; callers that know the quantity is non-negative clamp `lo` to 0.
    pub fn below(x: f64) -> Interval {
        Interval::new(f64::NEG_INFINITY, true, x, true)
    }

    /// `(-∞, x]`
    pub fn at_most(x: f64) -> Interval {
        Interval::new(f64::NEG_INFINITY, true, x, false)
    }

    pub fn is_point(&self) -> bool {
        self.lo == self.hi && !self.lo_open && !self.hi_open
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    pub fn mid(&self) -> f64 {
        if self.is_bounded() {
            (self.lo + self.hi) / 2.0
        } else if self.lo.is_finite() {
            self.lo
        } else {
            self.hi
        }
    }

    /// The interval with its lower bound raised to `floor` (counts and durations are never
    /// negative).
    pub fn clamp_lo(self, floor: f64) -> Interval {
        if self.lo < floor {
            Interval {
                lo: floor,
                lo_open: false,
                ..self
            }
        } else {
            self
        }
    }

    /// True when some number lies in both.
    pub fn intersects(&self, other: &Interval) -> bool {
        below_or_touching(self.lo, self.lo_open, other.hi, other.hi_open)
            && below_or_touching(other.lo, other.lo_open, self.hi, self.hi_open)
    }

    /// True when every number of `inner` lies in `self`.
    pub fn contains(&self, inner: &Interval) -> bool {
        let lo_ok = if approx_eq(self.lo, inner.lo) {
            !self.lo_open || inner.lo_open
        } else {
            self.lo < inner.lo
        };
        let hi_ok = if approx_eq(self.hi, inner.hi) {
            !self.hi_open || inner.hi_open
        } else {
            inner.hi < self.hi
        };
        lo_ok && hi_ok
    }

    /// The smallest interval containing both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let (lo, lo_open) = if self.lo < other.lo || (self.lo == other.lo && !self.lo_open) {
            (self.lo, self.lo_open)
        } else {
            (other.lo, other.lo_open)
        };
        let (hi, hi_open) = if self.hi > other.hi || (self.hi == other.hi && !self.hi_open) {
            (self.hi, self.hi_open)
        } else {
            (other.hi, other.hi_open)
        };
        Interval {
            lo,
            hi,
            lo_open,
            hi_open,
        }
    }

    /// Widens both bounds by `fraction` of the larger magnitude: the `~` tolerance.
    pub fn widen_relative(&self, fraction: f64) -> Interval {
        let magnitude = finite_or_zero(self.lo)
            .abs()
            .max(finite_or_zero(self.hi).abs());
        self.widen_absolute(magnitude * fraction)
    }

    pub fn widen_absolute(&self, delta: f64) -> Interval {
        Interval {
            lo: self.lo - delta,
            hi: self.hi + delta,
            ..*self
        }
    }

    pub fn scale(&self, factor: f64) -> Interval {
        if factor >= 0.0 {
            Interval {
                lo: self.lo * factor,
                hi: self.hi * factor,
                ..*self
            }
        } else {
            Interval {
                lo: self.hi * factor,
                hi: self.lo * factor,
                lo_open: self.hi_open,
                hi_open: self.lo_open,
            }
        }
    }

    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
            lo_open: self.lo_open || other.lo_open,
            hi_open: self.hi_open || other.hi_open,
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.scale(-1.0))
    }

    /// Product; open bounds are dropped (treated as closed), which only ever widens the result.
    pub fn mul(&self, other: &Interval) -> Interval {
        let products = [
            self.lo * other.lo,
            self.lo * other.hi,
            self.hi * other.lo,
            self.hi * other.hi,
        ];
        let products = products.map(|p| if p.is_nan() { 0.0 } else { p });
        let lo = products.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = products.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Interval::closed(lo, hi)
    }

    /// Quotient; a divisor that may be zero gives the whole line.
    pub fn div(&self, other: &Interval) -> Interval {
        if other.lo <= 0.0 && other.hi >= 0.0 {
            return Interval::new(f64::NEG_INFINITY, true, f64::INFINITY, true);
        }
        self.mul(&Interval::closed(1.0 / other.hi, 1.0 / other.lo))
    }
}

fn finite_or_zero(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

fn approx_eq(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    (a - b).abs() <= EPSILON * a.abs().max(b.abs()).max(1.0)
}

/// `lo` (possibly open) does not exceed `hi` (possibly open): the two bounds leave room for a
/// common number.
fn below_or_touching(lo: f64, lo_open: bool, hi: f64, hi_open: bool) -> bool {
    if approx_eq(lo, hi) {
        !(lo_open || hi_open)
    } else {
        lo < hi
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_point() {
            return write!(f, "{}", Number(self.lo));
        }
        let open = if self.lo_open { '(' } else { '[' };
        let close = if self.hi_open { ')' } else { ']' };
        write!(f, "{open}{}, {}{close}", Number(self.lo), Number(self.hi))
    }
}

/// Displays a number without float noise: integers plainly, others to at most six significant
/// decimals, infinities as ∞.
#[derive(Clone, Copy, Debug)]
pub struct Number(pub f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if x == f64::INFINITY {
            f.write_str("∞")
        } else if x == f64::NEG_INFINITY {
            f.write_str("-∞")
        } else if x.fract() == 0.0 && x.abs() < 1e15 {
            let digits = (x as i64).unsigned_abs().to_string();
            if digits.len() < 5 {
                return write!(f, "{}", x as i64);
            }
            // Large whole numbers read as newsrooms print them: 48,120.
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            write!(f, "{}{grouped}", if x < 0.0 { "-" } else { "" })
        } else {
            let s = format!("{x:.6}");
            f.write_str(s.trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disjoint_ranges_do_not_intersect() {
        let few = Interval::closed(2.0, 5.0);
        let one = Interval::point(1.0);
        assert!(!few.intersects(&one));
        assert!(few.intersects(&Interval::point(2.0)));
    }

    #[test]
    fn open_bounds_exclude_the_endpoint() {
        let more_than_300 = Interval::above(300.0);
        assert!(!more_than_300.intersects(&Interval::point(300.0)));
        assert!(more_than_300.intersects(&Interval::point(301.0)));
        assert!(Interval::at_least(300.0).intersects(&Interval::point(300.0)));
    }

    #[test]
    fn containment_respects_openness() {
        let hundreds = Interval::closed(200.0, 999.0);
        assert!(hundreds.contains(&Interval::point(300.0)));
        assert!(!Interval::point(300.0).contains(&hundreds));
        assert!(Interval::at_least(1.0).contains(&Interval::above(1.0)));
        assert!(!Interval::above(1.0).contains(&Interval::at_least(1.0)));
    }

    #[test]
    fn float_noise_does_not_separate_equal_values() {
        let a = Interval::point(0.1 + 0.2);
        let b = Interval::point(0.3);
        assert!(a.intersects(&b));
        assert!(b.contains(&a));
    }

    #[test]
    fn arithmetic_propagates_ranges() {
        let sum = Interval::point(208.0).add(&Interval::point(92.0));
        assert_eq!(sum, Interval::point(300.0));
        let ratio = Interval::point(208.0).div(&Interval::point(300.0));
        assert!((ratio.lo - 0.693_333).abs() < 1e-5);
        let rate = Interval::point(300.0).div(&Interval::closed(4.0, 5.0));
        assert_eq!(rate, Interval::closed(60.0, 75.0));
        assert!(
            !Interval::point(1.0)
                .div(&Interval::closed(-1.0, 1.0))
                .is_bounded()
        );
    }

    #[test]
    fn relative_widening_uses_the_larger_magnitude() {
        let w = Interval::point(200.0).widen_relative(0.05);
        assert_eq!(w, Interval::closed(190.0, 210.0));
    }

    #[test]
    fn display_is_free_of_float_noise() {
        assert_eq!(Interval::point(300.0).to_string(), "300");
        assert_eq!(Interval::point(0.001).to_string(), "0.001");
        assert_eq!(Interval::above(300.0).to_string(), "(300, ∞)");
        assert_eq!(Interval::closed(2.0, 5.0).to_string(), "[2, 5]");
        assert_eq!(Interval::point(48_120.0).to_string(), "48,120");
        assert_eq!(Interval::point(-1_500_000.0).to_string(), "-1,500,000");
    }
}
