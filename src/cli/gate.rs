//! The gate: `wirecheck check` with its baseline, draft and changed-only modes, and `wirecheck
//! baseline`, which writes the file the gate accepts findings from.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::progress::Bar;
use super::project::{self, Failure, failed, usage};
use super::{BaselineArgs, CheckArgs, CheckFormat, FailOn, exit_code, stream, use_color, width};
use crate::baseline::{self, Baseline};
use crate::changes::{self, Touched};
use crate::config::Config;
use crate::problem::Problems;
use crate::render::{self, human::HumanOptions};
use crate::report::{Draft, DraftText, Inputs, Report};
use crate::source::FileTable;

pub(super) fn check(args: &CheckArgs) -> (String, u8) {
    match run_check(args) {
        Ok(done) | Err(done) => done,
    }
}

fn run_check(args: &CheckArgs) -> Result<(String, u8), Failure> {
    let (mut inputs, config) = project::inputs(&args.inputs)?;
    let config = config.as_ref();
    let format = args
        .format
        .or_else(|| config.and_then(|c| parse(&c.format)))
        .unwrap_or(CheckFormat::Human);
    let fail_on = args
        .fail_on
        .or_else(|| config.and_then(|c| parse(&c.fail_on)))
        .unwrap_or(FailOn::Error);
    let baseline_path = match (&args.baseline, args.no_baseline) {
        (Some(path), _) => Some(path.clone()),
        (None, false) => config.and_then(|c| c.baseline.clone()),
        (None, true) => None,
    };
    if args.prune && baseline_path.is_none() {
        return Err(usage(
            "--prune removes stale entries from a baseline: give --baseline FILE, or `baseline:` in wirecheck.yaml",
        ));
    }
    if let Some(draft) = &args.draft {
        if args.prune {
            return Err(usage(
                "--prune cannot be used with --draft: a draft check says nothing about the baseline's entries",
            ));
        }
        inputs.draft = Some(draft_of(draft, &inputs.stories)?);
        // A draft changes between runs; its story's cached results must not change with it.
        inputs.cache = None;
    }
    let mut report = match select_changed(args, &mut inputs)? {
        Selection::Nothing => {
            eprintln!("wirecheck: the changes touch no story; nothing to check");
            Report::problems_only(FileTable::default(), Vec::new())
        }
        Selection::Stories => {
            let mut files = FileTable::default();
            let mut problems = Problems::default();
            let baseline = baseline_path
                .as_deref()
                .and_then(|path| baseline::read(path, &mut files, &mut problems));
            if problems.has_errors() {
                // Nothing is checked against a baseline that cannot be read.
                let report = Report::problems_only(files, problems.0);
                return Ok((render_check(&report, format, args), 2));
            }
            let mut report = build(&inputs, files);
            if let Some(baseline) = &baseline {
                gate(baseline, &mut report, args)?;
            }
            report
        }
    };
    if let Some(config) = config {
        config.apply_severities(&mut report);
    }
    let output = render_check(&report, format, args);
    Ok((output, exit_code(&report, fail_on)))
}

/// A value from the config, which has already checked that it is one of the enum's names.
fn parse<T: ValueEnum>(name: &Option<String>) -> Option<T> {
    T::from_str(name.as_deref()?, false).ok()
}

/// Builds the report with a progress bar on a terminal.
fn build(inputs: &Inputs, files: FileTable) -> Report {
    let bar = Bar::new();
    let report = Report::build_with(inputs, files, &bar);
    bar.finish();
    report
}

fn render_check(report: &Report, format: CheckFormat, args: &CheckArgs) -> String {
    match format {
        CheckFormat::Human => render::human::render(
            report,
            HumanOptions {
                color: use_color(args.color),
                width: width(),
            },
        ),
        CheckFormat::Json => stream(|out| render::json::write(report, out)),
        CheckFormat::Sarif => stream(|out| render::sarif::write(report, out)),
        CheckFormat::Github => render::github::render(report),
        CheckFormat::Gitlab => render::gitlab::render(report),
    }
}

/// The draft to check, read from standard input for `-`.
fn draft_of(path: &Path, stories: &[String]) -> Result<Draft, Failure> {
    let [story] = stories else {
        return Err(usage(
            "--draft checks one story: give exactly one --story, the story the draft belongs to",
        ));
    };
    let text = if path == Path::new("-") {
        let name = PathBuf::from("<stdin>");
        // Never more than an article's worth in memory, whatever is piped in.
        let bytes = crate::corpus::read_stream(std::io::stdin().lock(), &name, "the draft")
            .map_err(|problem| failed(FileTable::default(), vec![problem]))?;
        DraftText::Given { name, bytes }
    } else {
        DraftText::File(path.to_path_buf())
    };
    Ok(Draft {
        story: story.clone(),
        text,
    })
}

enum Selection {
    /// Check the stories the inputs name (all when none are named).
    Stories,
    /// The changes touch no story.
    Nothing,
}

/// Narrows the inputs to the stories the changed paths touch (`check PATHS…`,
/// `--changed-since REV`). Stories whose folder is gone (a deleted story) are left out.
fn select_changed(args: &CheckArgs, inputs: &mut Inputs) -> Result<Selection, Failure> {
    let cwd = std::env::current_dir().map_err(|e| usage(format!("no working directory: {e}")))?;
    let paths = match &args.changed_since {
        Some(rev) => changes::changed_since(rev, &cwd).map_err(usage)?,
        None if !args.paths.is_empty() => args.paths.clone(),
        None => return Ok(Selection::Stories),
    };
    match changes::touched(&paths, &inputs.corpus, &inputs.claims, &cwd) {
        Touched::All => Ok(Selection::Stories),
        Touched::Stories(stories) => {
            inputs.stories = stories
                .into_iter()
                .filter(|s| inputs.corpus.join(s).is_dir())
                .collect();
            Ok(if inputs.stories.is_empty() {
                Selection::Nothing
            } else {
                Selection::Stories
            })
        }
    }
}

/// Takes the accepted findings out of the report; stale entries become notes, or with
/// `--prune` are removed from the file. A run with input errors checked some stories only in
/// part, so none of its entries is called stale.
fn gate(baseline: &Baseline, report: &mut Report, args: &CheckArgs) -> Result<(), Failure> {
    let applied = baseline::apply(baseline, report);
    report.accepted = Some(applied.accepted);
    if report.has_input_errors() || args.draft.is_some() || applied.stale.is_empty() {
        return Ok(());
    }
    if args.prune {
        let kept = baseline::without(baseline, &applied.stale);
        baseline::write(&baseline.path, &kept)
            .map_err(|e| usage(format!("cannot write {}: {e}", baseline.path.display())))?;
        eprintln!(
            "wirecheck: pruned {} stale entr{} from {}",
            applied.stale.len(),
            if applied.stale.len() == 1 { "y" } else { "ies" },
            baseline.path.display()
        );
    } else {
        for &i in &applied.stale {
            report.problems.push(baseline::stale_problem(baseline, i));
        }
    }
    Ok(())
}

pub(super) fn write_baseline(args: &BaselineArgs) -> (String, u8) {
    match run_baseline(args) {
        Ok(done) | Err(done) => done,
    }
}

fn run_baseline(args: &BaselineArgs) -> Result<(String, u8), Failure> {
    let (inputs, config) = project::inputs(&args.inputs)?;
    let path = baseline_file(args, config.as_ref());
    let mut files = FileTable::default();
    // A run limited to some stories keeps the other stories' entries, so it reads them first.
    let previous = if !inputs.stories.is_empty() && path.is_file() {
        let mut problems = Problems::default();
        let previous = baseline::read(&path, &mut files, &mut problems);
        if problems.has_errors() {
            return Err(failed(files, problems.0));
        }
        previous
    } else {
        None
    };
    let mut report = build(&inputs, files);
    if report.has_input_errors() {
        eprintln!("wirecheck: no baseline written: the inputs have errors");
        return Err(failed(report.files, report.problems));
    }
    if let Some(config) = &config {
        config.apply_severities(&mut report);
    }
    let entries = baseline::updated(previous.as_ref(), &report);
    let written = match path.parent() {
        // A baseline may be the first file in its folder (`.ci/`).
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::create_dir_all(dir),
        _ => Ok(()),
    }
    .and_then(|()| baseline::write(&path, &entries));
    if let Err(e) = written {
        return Err(usage(format!("cannot write {}: {e}", path.display())));
    }
    Ok((
        format!(
            "wrote {} with {} entr{}; this run: {}\n",
            path.display(),
            entries.len(),
            if entries.len() == 1 { "y" } else { "ies" },
            render::human::summary_line(&report)
        ),
        0,
    ))
}

/// Where `wirecheck baseline` writes: the flag, the config's `baseline:`, or the default file
/// beside the config.
fn baseline_file(args: &BaselineArgs, config: Option<&Config>) -> PathBuf {
    project::pick(
        &args.baseline,
        config,
        |c| &c.baseline,
        baseline::DEFAULT_PATH,
    )
}
