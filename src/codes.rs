//! The registry of stable codes: every finding and every input problem carries one, and
//! `wirecheck explain CODE` prints its page from docs/codes/. Codes are never reused or renamed.

use std::fmt;

use serde::Serialize;

use crate::finding::Severity;

macro_rules! codes {
    ($($variant:ident = $name:literal, $doc:literal, $severity:ident, $summary:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The full stable name, as printed: `wirecheck::value_conflict`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => concat!("wirecheck::", $name),)* }
            }

            /// One line on what the code flags.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }

            /// The severity a finding or problem gets unless a claim says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// The long explanation: what it flags, why it matters, an example, how to resolve.
            pub fn doc(self) -> &'static str {
                match self { $(Code::$variant => include_str!(concat!("../docs/codes/", $doc, ".md")),)* }
            }

            /// Where [`Code::doc`] lives in the repository, for links to it.
            pub fn doc_path(self) -> &'static str {
                match self { $(Code::$variant => concat!("docs/codes/", $doc, ".md"),)* }
            }
        }
    };
}

codes! {
    ValueConflict = "value_conflict", "value_conflict", Error,
        "a version states a value that contradicts the claim's established value";
    ConsensusConflict = "consensus_conflict", "consensus_conflict", Warning,
        "a version disagrees with what most versions say, for a claim with no established value";
    NoConsensus = "no_consensus", "no_consensus", Warning,
        "versions disagree on a claim with no established value, and no value has a majority";
    ArithmeticMismatch = "arithmetic_mismatch", "arithmetic_mismatch", Error,
        "the values one version states do not satisfy an arithmetic claim";
    AmbiguousMention = "ambiguous_mention", "ambiguous_mention", Note,
        "a sentence gives several candidate values for a slot and wirecheck cannot tell which is meant";
    UnmatchedClaim = "unmatched_claim", "unmatched_claim", Warning,
        "no version of the story mentions what the claim is about";
    QuoteAltered = "quote_altered", "quote_altered", Warning,
        "a version's quote adds, drops or changes words against the established wording";
    QuoteEdited = "quote_edited", "quote_edited", Note,
        "a version's quote is censored, misspelt, cut with a marked ellipsis or expanded in brackets";
    QuoteMisattributed = "quote_misattributed", "quote_misattributed", Warning,
        "a version gives a quote to a different named person than the other versions or the claim";
    UncheckedValue = "unchecked_value", "unchecked_value", Note,
        "a version gives a value that cannot be compared with the claim (another currency or unit)";
    MissingFrontMatter = "corpus::missing_front_matter", "corpus-missing_front_matter", Note,
        "an article version has no front-matter block; its outlet is taken from the file name";
    FrontMatter = "corpus::front_matter", "corpus-front_matter", Error,
        "an article version's front matter is malformed";
    UnreadableArticle = "corpus::unreadable", "corpus-unreadable", Error,
        "an article version cannot be read as UTF-8 text";
    CorpusLayout = "corpus::layout", "corpus-layout", Error,
        "the corpus folder is missing or laid out wrongly";
    ClaimFileSyntax = "claims::yaml", "claims-yaml", Error,
        "a claim or lexicon file is not valid YAML";
    ClaimFileSchema = "claims::schema", "claims-schema", Error,
        "a claim or lexicon file has an unknown key, a missing key or a value of the wrong type";
    DuplicateDefinition = "claims::duplicate", "claims-duplicate", Error,
        "a claim id, slot or lexicon term is defined twice";
    UnknownSlot = "claims::unknown_slot", "claims-unknown_slot", Error,
        "a claim refers to a slot, value or term that the claim file does not define";
    ExpressionSyntax = "claims::expression", "claims-expression", Error,
        "a claim's expression does not parse";
    ClaimTypeMismatch = "claims::type_mismatch", "claims-type_mismatch", Error,
        "a claim compares values of different kinds";
    MissingClaimFile = "claims::missing", "claims-missing", Error,
        "a story in the corpus has no claim file, or a claim file names no story in the corpus";
    ConfigInvalid = "config::invalid", "config-invalid", Error,
        "the project config (wirecheck.yaml) is not valid: bad YAML, an unknown key or a wrong value";
    BaselineInvalid = "baseline::invalid", "baseline-invalid", Error,
        "a baseline file cannot be read: missing, not YAML, or not in the baseline's shape";
    StaleBaselineEntry = "baseline::stale", "baseline-stale", Note,
        "a baseline entry matches no finding any more: the conflict it accepted is gone or changed";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let name = String::deserialize(d)?;
        Code::lookup(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown code `{name}`")))
    }
}

impl Code {
    /// Whether the code is a finding about the journalism, not a problem with wirecheck's
    /// inputs. The registry's convention says which: input problems are named in a namespace
    /// (`wirecheck::claims::yaml`), findings are not (`wirecheck::value_conflict`).
    pub fn is_about_journalism(self) -> bool {
        let short = self.name().trim_start_matches("wirecheck::");
        !short.contains("::")
    }

    /// Finds a code by its full name or by the part after `wirecheck::`.
    pub fn lookup(name: &str) -> Option<Code> {
        let short = name.strip_prefix("wirecheck::").unwrap_or(name);
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.name().strip_prefix("wirecheck::") == Some(short))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_look_up_both_ways() {
        let mut names: Vec<_> = Code::ALL.iter().map(|c| c.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
        assert_eq!(Code::lookup("value_conflict"), Some(Code::ValueConflict));
        assert_eq!(
            Code::lookup("wirecheck::claims::yaml"),
            Some(Code::ClaimFileSyntax)
        );
        assert_eq!(Code::lookup("nope"), None);
    }

    #[test]
    fn every_page_has_the_four_headings() {
        for code in Code::ALL {
            let doc = code.doc();
            for heading in [
                "## What it flags",
                "## Why it matters",
                "## Example",
                "## How to resolve",
            ] {
                assert!(doc.contains(heading), "{} lacks {heading}", code.name());
            }
            assert!(
                !doc.contains("UNWRITTEN"),
                "{} has no page yet",
                code.name()
            );
        }
    }
}
