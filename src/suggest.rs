//! Words for messages: "did you mean" (the nearest known name to a misspelt key, slot or
//! term), and articles.

/// The candidate most similar to `input`, if it is similar enough to be a likely typo.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// `help` text for an unknown name: the suggestion if there is one, else the valid names.
pub fn help_for(input: &str, candidates: &[&str]) -> String {
    match did_you_mean(input, candidates.iter().copied()) {
        Some(name) => format!("did you mean `{name}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

/// "a count", "an age": the noun with its indefinite article.
pub fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let keys = [
            "outlet",
            "url",
            "published",
            "retrieved",
            "byline",
            "derived_from",
        ];
        assert_eq!(did_you_mean("publshed", keys), Some("published"));
        assert_eq!(did_you_mean("Outlet", keys), Some("outlet"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
