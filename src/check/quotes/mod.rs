//! Quote checks: every quote of every version, aligned with its counterparts in the other
//! versions and diffed word by word against its established wording.
//!
//! - `wirecheck::quote_altered` (warning): words added, dropped or changed without marking;
//! - `wirecheck::quote_edited` (note): censored, misspelt, cut with "…", or expanded in
//!   brackets — edits a reader is shown, never a failure;
//! - `wirecheck::quote_misattributed` (warning): the same words given to another named person.
//!
//! Typography (quote-mark style, dashes, "..." against "…") and excerpting (quoting less at
//! either end) are not findings. A quote only one version carries has nothing to differ from.

mod align;
mod describe;
mod units;
mod wording;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::{Outcome, State, Status, StoryCheck, claim_ref};
use crate::claims::{ClaimBody, QuoteClaim};
use crate::codes::Code;
use crate::diff::{self, Change, Class, Op};
use crate::extract::quotes::{SpeakerKey, surname_key};
use crate::finding::{
    Expected, Finding, Label, QuoteDiff, QuoteOp, Related, Severity, fingerprint,
};
use crate::source::Span;
use units::{Source, Unit};
use wording::{Run, Wording, reportable};

/// How long one word diff may refine before settling for a coarser answer.
const DIFF_TIME: Duration = Duration::from_millis(50);

/// One version's quote on the losing side of a disagreement, for the conflict graph.
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteConflict {
    pub claim: Option<usize>,
    pub speaker: Option<String>,
    pub outlier: usize,
    pub span: Span,
    /// Versions that print the established wording, with where.
    pub others: Vec<(usize, Span)>,
}

pub fn check(ctx: &StoryCheck<'_>, outcome: &mut Outcome) {
    let texts: Vec<std::sync::Arc<str>> = (ctx.story.versions.iter())
        .map(|v| ctx.files.get(v.file).text())
        .collect();
    let units = units::units(ctx.claims, ctx.extractions, &texts);
    let clusters = align::align(&units);
    // Asked for every run of every cluster: worked out once.
    let outlets: Vec<String> = (0..ctx.story.versions.len())
        .map(|v| ctx.story.outlet_key(v))
        .collect();
    // (claim, version) → (altered?, spans quoting it)
    let mut states: BTreeMap<(usize, usize), (bool, Vec<Span>)> = BTreeMap::new();
    let mut matched = vec![false; ctx.claims.claims.len()];
    // A speaker-only claim is about every quote of that speaker, aligned or not.
    for (c, claim) in ctx.claims.claims.iter().enumerate() {
        let ClaimBody::Quote(QuoteClaim {
            speaker: Some((name, _)),
            text: None,
        }) = &claim.body
        else {
            continue;
        };
        let key = SpeakerKey::Person(surname_key(name));
        for (v, extraction) in ctx.extractions.iter().enumerate() {
            for quote in &extraction.quotes {
                if quote.speaker.as_ref().is_some_and(|s| s.key == key) {
                    matched[c] = true;
                    states.entry((c, v)).or_default().1.extend(&quote.parts);
                }
            }
        }
    }
    // One misattribution per quote, however many of its sentences are aligned.
    let mut misattributed_quotes: Vec<(usize, usize)> = Vec::new();
    for cluster in &clusters {
        let runs = wording::runs(&units, cluster);
        let consensus = wording::consensus(ctx.story, &outlets, &runs);
        let claim_run = runs.iter().find_map(|r| match r.source {
            Source::Claim(c) => Some((c, r)),
            Source::Version(_) => None,
        });
        let wording = match claim_run {
            Some((c, run)) => wording::claimed(c, run, consensus.as_ref()),
            None => match consensus {
                Some(w) => w,
                None => continue,
            },
        };
        let speaker = established_speaker(ctx, &outlets, &units, &runs, wording.claim);
        let claim = wording
            .claim
            .or_else(|| speaker_claim(ctx, speaker.as_ref()));
        let quote = Quoted {
            ctx,
            units: &units,
            runs: &runs,
            wording: &wording,
            speaker: speaker.as_ref(),
            claim,
        };
        let diffs = quote.diffs();
        if let Some(c) = claim {
            if runs.iter().any(|r| r.version().is_some()) {
                matched[c] = true;
            }
        }
        for (r, changes) in diffs.iter().enumerate() {
            let Some(v) = runs[r].version() else { continue };
            let altered = changes
                .iter()
                .any(|c| c.class.is_some_and(Class::is_alteration));
            let misattributed = quote.misattributed(r);
            if let Some(c) = claim {
                let entry = states.entry((c, v)).or_default();
                entry.0 |= altered || misattributed;
                // A speaker-only claim already holds the whole quotes.
                if wording.claim.is_some() {
                    entry.1.extend(quote.spans(r));
                }
            }
            if changes.iter().any(|c| reportable(c.class)) {
                let finding = quote.finding(r, changes, &diffs);
                if altered {
                    outcome.quote_conflicts.push(QuoteConflict {
                        claim,
                        speaker: speaker.as_ref().map(|s| s.name.clone()),
                        outlier: v,
                        span: finding.primary.span,
                        // The versions that print the words this one altered.
                        others: finding
                            .related
                            .iter()
                            .filter_map(|rel| {
                                let o = ctx
                                    .story
                                    .versions
                                    .iter()
                                    .position(|x| x.id == rel.version)?;
                                Some((o, rel.label.span))
                            })
                            .collect(),
                    });
                }
                outcome.findings.push(finding);
            }
            let place = (v, units[runs[r].units[0]].quote);
            if misattributed && !misattributed_quotes.contains(&place) {
                misattributed_quotes.push(place);
                outcome.findings.push(quote.misattribution(r));
            }
        }
    }
    for (c, claim) in ctx.claims.claims.iter().enumerate() {
        let ClaimBody::Quote(quote) = &claim.body else {
            continue;
        };
        for v in 0..ctx.story.versions.len() {
            let (state, mut quotes) = match states.remove(&(c, v)) {
                Some((true, spans)) => (State::Conflicts, spans),
                Some((false, spans)) => (State::Agrees, spans),
                None => (State::Silent, Vec::new()),
            };
            quotes.sort_by_key(|s| (s.start, s.end));
            quotes.dedup();
            outcome.statuses.push(Status {
                claim: c,
                version: v,
                state,
                mentions: Vec::new(),
                quotes,
            });
        }
        if !matched[c] && !ctx.extractions.is_empty() {
            outcome.findings.push(unmatched(ctx, c, quote));
        }
    }
}

/// Who the versions (or the claim) say spoke the words.
#[derive(Clone, Debug)]
struct Established {
    name: String,
    key: SpeakerKey,
    /// Outlets naming this person, and outlets naming anyone; 0 for a claim's speaker.
    outlets: usize,
    of: usize,
}

fn established_speaker(
    ctx: &StoryCheck<'_>,
    outlets: &[String],
    units: &[Unit<'_>],
    runs: &[Run<'_>],
    claim: Option<usize>,
) -> Option<Established> {
    let claimed = claim
        .map(|c| &ctx.claims.claims[c].body)
        .and_then(|body| match body {
            ClaimBody::Quote(QuoteClaim {
                speaker: Some((name, _)),
                ..
            }) => Some(name.clone()),
            _ => None,
        });
    if let Some(name) = claimed {
        let key = SpeakerKey::Person(surname_key(&name));
        return Some(Established {
            name,
            key,
            outlets: 0,
            of: 0,
        });
    }
    // Named speakers vote by outlet; a body (a spokesman, the force) is used only if no version
    // names a person.
    let mut votes: BTreeMap<SpeakerKey, (Vec<String>, String)> = BTreeMap::new();
    for run in runs {
        let (Some(v), Some(speaker)) = (run.version(), units[run.units[0]].speaker) else {
            continue;
        };
        if ctx.story.versions[v].meta.draft {
            continue;
        }
        let entry = votes
            .entry(speaker.key.clone())
            .or_insert_with(|| (Vec::new(), speaker.name.clone()));
        let outlet = &outlets[v];
        if !entry.0.contains(outlet) {
            entry.0.push(outlet.clone());
        }
        if speaker.name.len() > entry.1.len() && speaker.is_person() {
            entry.1 = speaker.name.clone();
        }
    }
    let people: Vec<(&SpeakerKey, &(Vec<String>, String))> = votes
        .iter()
        .filter(|(k, _)| matches!(k, SpeakerKey::Person(_)))
        .collect();
    let of = people.iter().map(|(_, (o, _))| o.len()).sum();
    let pool = if people.is_empty() {
        votes.iter().collect()
    } else {
        people
    };
    let best = pool.iter().map(|(_, (o, _))| o.len()).max()?;
    let mut top = pool.iter().filter(|(_, (o, _))| o.len() == best);
    let (key, (outlets, name)) = top.next()?;
    // A tie between two people settles nothing.
    if top.next().is_some() && matches!(key, SpeakerKey::Person(_)) {
        return None;
    }
    Some(Established {
        name: name.clone(),
        key: (*key).clone(),
        outlets: outlets.len(),
        of,
    })
}

/// A speaker-only quote claim (`quote: { speaker: Emma Carr }`) naming this speaker.
fn speaker_claim(ctx: &StoryCheck<'_>, speaker: Option<&Established>) -> Option<usize> {
    let key = &speaker?.key;
    ctx.claims.claims.iter().position(|c| match &c.body {
        ClaimBody::Quote(QuoteClaim {
            speaker: Some((name, _)),
            text: None,
        }) => SpeakerKey::Person(surname_key(name)) == *key,
        _ => false,
    })
}

/// One aligned quote, for building its findings.
struct Quoted<'a> {
    ctx: &'a StoryCheck<'a>,
    units: &'a [Unit<'a>],
    runs: &'a [Run<'a>],
    wording: &'a Wording,
    speaker: Option<&'a Established>,
    claim: Option<usize>,
}

impl Quoted<'_> {
    /// Each run's changes against the wording.
    fn diffs(&self) -> Vec<Vec<Change>> {
        self.runs
            .iter()
            .map(|run| {
                let mut changes = diff::diff(
                    &self.wording.words,
                    &run.words,
                    run.edges,
                    Some(Instant::now() + DIFF_TIME),
                );
                // Words beyond the wording's own ends: the version quotes more than its source
                // did, which is no alteration.
                let n = changes.len();
                for (i, change) in changes.iter_mut().enumerate() {
                    let beyond = (i == 0 && self.wording.edges.start)
                        || (i + 1 == n && self.wording.edges.end);
                    if change.op == Op::Insert && beyond {
                        change.class = Some(Class::Excerpt);
                    }
                }
                changes
            })
            .collect()
    }

    fn file(&self, r: usize) -> crate::source::FileId {
        match self.runs[r].source {
            Source::Version(v) => self.ctx.story.versions[v].file,
            Source::Claim(c) => self.ctx.claims.claims[c].site.file,
        }
    }

    /// The run's stretches of its article.
    fn spans(&self, r: usize) -> Vec<Span> {
        let file = self.file(r);
        self.runs[r]
            .spans
            .iter()
            .map(|s| Span::new(file, s.clone()))
            .collect()
    }

    /// Where a change sits in the run's article: its words, or for a cut, the point of the cut.
    fn change_span(&self, r: usize, change: &Change) -> Span {
        let run = &self.runs[r];
        let words = &run.words[change.found.clone()];
        let range = match (words.first(), words.last()) {
            (Some(a), Some(b)) => a.range.start..b.range.end,
            _ => match run.words.get(change.found.start) {
                Some(next) => next.range.start..next.range.start,
                None => run.words.last().map_or(0..0, |w| w.range.end..w.range.end),
            },
        };
        Span::new(self.file(r), range)
    }

    fn misattributed(&self, r: usize) -> bool {
        let Some(established) = self.speaker else {
            return false;
        };
        let speaker = self.units[self.runs[r].units[0]].speaker;
        matches!(established.key, SpeakerKey::Person(_))
            && speaker.is_some_and(|s| s.is_person() && !s.resolved && s.key != established.key)
    }

    fn finding(&self, r: usize, changes: &[Change], diffs: &[Vec<Change>]) -> Finding {
        let ctx = self.ctx;
        let run = &self.runs[r];
        let v = run.version().unwrap_or_default();
        let version = &ctx.story.versions[v];
        let shown: Vec<&Change> = changes.iter().filter(|c| reportable(c.class)).collect();
        let altered = shown
            .iter()
            .any(|c| c.class.is_some_and(Class::is_alteration));
        let code = if altered {
            Code::QuoteAltered
        } else {
            Code::QuoteEdited
        };
        let severity = match (altered, self.claim) {
            (true, Some(c)) => ctx.claims.claims[c].severity,
            (true, None) => code.default_severity(),
            // Edits a reader is shown never fail a build.
            (false, _) => Severity::Note,
        };
        let describe = describe::Describe {
            wording: self.wording,
            run,
        };
        let labels: Vec<Label> = shown
            .iter()
            .map(|c| Label {
                span: self.change_span(r, c),
                message: describe.label(c),
            })
            .collect();
        let whose = describe::possessive(self.speaker.map(|s| s.name.as_str()));
        let message = describe.message(version.outlet(), &shown, &whose);
        let first = shown.first().copied();
        let related = first.map(|c| self.related(r, c, diffs)).unwrap_or_default();
        let mut help = vec![describe.established(ctx, self.claim, self.speaker.map(|s| &s.name))];
        help.push(format!(
            "{} prints: {}",
            version.outlet(),
            diff::inline(
                &self.wording.words,
                &self.wording.text,
                &run.words,
                run.text,
                changes,
                6,
                Class::Censorship,
            )
        ));
        if !altered {
            help.push(format!(
                "{} are marked or cosmetic edits, reported for the record only",
                describe::classes(&shown)
            ));
        }
        let ops = changes
            .iter()
            .map(|c| QuoteOp {
                op: c.op,
                class: c.class,
                expected: describe.expected_words(c),
                found: describe.found_words(c),
                span: Some(self.change_span(r, c)),
            })
            .collect();
        let mut labels = labels.into_iter();
        let primary = labels.next().unwrap_or_else(|| Label {
            span: self.spans(r)[0],
            message: "quoted here".into(),
        });
        let claim = self.claim.map(|c| &ctx.claims.claims[c]);
        let signature: Vec<String> = shown
            .iter()
            .map(|c| {
                format!(
                    "{}:{}>{}",
                    c.class.map_or("", Class::name),
                    describe.expected_words(c),
                    describe.found_words(c)
                )
            })
            .collect();
        Finding {
            code,
            severity,
            story: ctx.story.slug.clone(),
            version: Some(version.id.clone()),
            claim: claim.map(claim_ref),
            message,
            primary,
            secondary: labels.collect(),
            related,
            help,
            source: claim.and_then(|c| c.source.clone()),
            found: None,
            expected: Some(Expected::Wording {
                text: self.wording.text.clone(),
                claim: claim.map(|c| c.id.clone()),
                versions: self.wording.outlets,
                of: self.wording.of,
            }),
            quote: Some(QuoteDiff {
                speaker: self.speaker.map(|s| s.name.clone()),
                found: describe.found_text(),
                ops,
                inline: diff::inline(
                    &self.wording.words,
                    &self.wording.text,
                    &run.words,
                    run.text,
                    changes,
                    usize::MAX,
                    Class::Censorship,
                ),
            }),
            fingerprint: fingerprint(&[
                code.name(),
                &ctx.story.slug,
                &version.id,
                &self
                    .speaker
                    .map(|s| format!("{:?}", s.key))
                    .unwrap_or_default(),
                &self
                    .wording
                    .words
                    .iter()
                    .map(|w| w.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                &signature.join("|"),
            ]),
        }
    }

    /// The established words around a change, in each version that keeps them.
    fn related(&self, r: usize, change: &Change, diffs: &[Vec<Change>]) -> Vec<Related> {
        let ctx = self.ctx;
        // One word either side, so a cut word shows with its neighbours.
        let want = change.expected.start.saturating_sub(1)..change.expected.end + 1;
        (0..self.runs.len())
            .filter(|&o| o != r && !diffs[o].iter().any(|c| reportable(c.class)))
            .filter_map(|o| {
                let v = self.runs[o].version()?;
                let found: Vec<usize> = diffs[o]
                    .iter()
                    .filter(|c| c.op == Op::Equal)
                    .flat_map(|c| c.expected.clone().zip(c.found.clone()))
                    .filter(|(e, _)| want.contains(e))
                    .map(|(_, f)| f)
                    .collect();
                let words = &self.runs[o].words;
                let (a, b) = (words.get(*found.first()?)?, words.get(*found.last()?)?);
                let span = Span::new(self.file(o), a.range.start..b.range.end);
                let said =
                    crate::extract::quotes::squash(&self.runs[o].text[a.range.start..b.range.end]);
                Some(Related {
                    version: ctx.story.versions[v].id.clone(),
                    label: Label {
                        span,
                        message: format!("{} prints “{said}”", ctx.story.versions[v].outlet()),
                    },
                })
            })
            .collect()
    }

    fn misattribution(&self, r: usize) -> Finding {
        let ctx = self.ctx;
        let run = &self.runs[r];
        let v = run.version().unwrap_or_default();
        let version = &ctx.story.versions[v];
        let speaker = self.units[run.units[0]].speaker;
        let said_by = speaker.map_or_else(String::new, |s| s.name.clone());
        let established = self.speaker.map_or_else(String::new, |s| s.name.clone());
        let claim = self.claim.map(|c| &ctx.claims.claims[c]);
        let related: Vec<Related> = self
            .runs
            .iter()
            .filter_map(|o| {
                let ov = o.version()?;
                let s = self.units[o.units[0]].speaker?;
                (Some(&s.key) == self.speaker.map(|e| &e.key) && !s.resolved).then(|| Related {
                    version: ctx.story.versions[ov].id.clone(),
                    label: Label {
                        span: s.written,
                        message: format!(
                            "{} attributes them to {}",
                            ctx.story.versions[ov].outlet(),
                            s.name
                        ),
                    },
                })
            })
            .collect();
        let basis = match (claim, self.speaker) {
            (Some(c), _) => format!("the claim `{}` attributes them to {established}", c.id),
            (None, Some(s)) => format!(
                "{} of {} outlets that name a speaker attribute them to {established}",
                s.outlets, s.of
            ),
            (None, None) => String::new(),
        };
        let severity = claim.map_or(Code::QuoteMisattributed.default_severity(), |c| c.severity);
        Finding {
            code: Code::QuoteMisattributed,
            severity,
            story: ctx.story.slug.clone(),
            version: Some(version.id.clone()),
            claim: claim.map(claim_ref),
            message: format!(
                "{} gives {}'s words to {said_by}",
                version.outlet(),
                established
            ),
            primary: Label {
                span: speaker.map_or_else(|| self.spans(r)[0], |s| s.written),
                message: format!("attributed to {said_by}"),
            },
            secondary: Vec::new(),
            related,
            help: vec![basis, format!("the words: “{}”", self.wording.text)],
            source: claim.and_then(|c| c.source.clone()),
            found: None,
            expected: Some(Expected::Wording {
                text: self.wording.text.clone(),
                claim: claim.map(|c| c.id.clone()),
                versions: self.wording.outlets,
                of: self.wording.of,
            }),
            quote: None,
            fingerprint: fingerprint(&[
                Code::QuoteMisattributed.name(),
                &ctx.story.slug,
                &version.id,
                &said_by,
                &established,
                &self
                    .wording
                    .words
                    .iter()
                    .map(|w| w.key.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ]),
        }
    }
}

/// A quote claim no version quotes.
fn unmatched(ctx: &StoryCheck<'_>, c: usize, quote: &QuoteClaim) -> Finding {
    let claim = &ctx.claims.claims[c];
    let (message, help) = match (&quote.speaker, &quote.text) {
        (Some((name, _)), None) => (
            format!("no version quotes {name}"),
            format!("no quote in any version is attributed to {name}; check the spelling of the surname, or remove the claim"),
        ),
        _ => (
            "no version quotes these words".to_string(),
            "no version's quotes share most of the claim's words in order; copy the wording from the version the claim is based on".to_string(),
        ),
    };
    Finding {
        code: Code::UnmatchedClaim,
        severity: Code::UnmatchedClaim.default_severity(),
        story: ctx.story.slug.clone(),
        version: None,
        claim: Some(claim_ref(claim)),
        message,
        primary: Label {
            span: claim.site,
            message: "matched nothing in the corpus".into(),
        },
        secondary: Vec::new(),
        related: Vec::new(),
        help: vec![help],
        source: claim.source.clone(),
        found: None,
        expected: None,
        quote: None,
        fingerprint: fingerprint(&[Code::UnmatchedClaim.name(), &ctx.story.slug, &claim.id]),
    }
}
