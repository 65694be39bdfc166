//! Numbers as newsrooms print them: digits with thousands commas, and in words.

use crate::extract::values::words::{SMALL_NUMBERS as ONES, TENS};

/// `34512` → "34,512".
pub fn digits(n: u64) -> String {
    let raw = n.to_string();
    let mut out = String::new();
    for (i, c) in raw.chars().enumerate() {
        if i > 0 && (raw.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `320` → "three hundred and twenty"; below a million.
pub fn words(n: u64) -> String {
    if n >= 1000 {
        let rest = n % 1000;
        let head = format!("{} thousand", words(n / 1000));
        return match rest {
            0 => head,
            r if r < 100 => format!("{head} and {}", words(r)),
            r => format!("{head}, {}", words(r)),
        };
    }
    if n >= 100 {
        let rest = n % 100;
        let head = format!("{} hundred", ONES[(n / 100) as usize]);
        return if rest == 0 {
            head
        } else {
            format!("{head} and {}", words(rest))
        };
    }
    if n < 20 {
        return ONES[n as usize].to_string();
    }
    match n % 10 {
        0 => TENS[(n / 10) as usize].to_string(),
        u => format!("{}-{}", TENS[(n / 10) as usize], ONES[u as usize]),
    }
}

/// Capitalises the first letter, for a value that opens a sentence.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_digits_and_words() {
        assert_eq!(digits(34512), "34,512");
        assert_eq!(digits(300), "300");
        assert_eq!(words(320), "three hundred and twenty");
        assert_eq!(words(47), "forty-seven");
        assert_eq!(words(2005), "two thousand and five");
        assert_eq!(capitalise("seven years"), "Seven years");
    }
}
