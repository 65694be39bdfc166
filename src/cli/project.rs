//! The project around a run: finding and reading wirecheck.yaml, settling each setting (flag,
//! then config, then default), `wirecheck init` and `wirecheck test-claims`.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{
    CheckFormat, ColorChoice, FailOn, InitArgs, InputArgs, ProjectArgs, TestClaimsArgs, use_color,
    width,
};
use crate::config::{self, Config};
use crate::examples::{self, Outcome};
use crate::problem::{Problem, Problems};
use crate::render::{self, human::HumanOptions};
use crate::report::{Inputs, Report};
use crate::source::FileTable;

/// What a command prints and its exit code, when it stops early.
pub(super) type Failure = (String, u8);

/// The setting from the flag, else from the config, else `default` in the config's folder (the
/// working directory without a config).
pub(super) fn pick(
    flag: &Option<PathBuf>,
    config: Option<&Config>,
    key: impl Fn(&Config) -> &Option<PathBuf>,
    default: &str,
) -> PathBuf {
    if let Some(path) = flag {
        return path.clone();
    }
    match config {
        Some(config) => key(config)
            .clone()
            .unwrap_or_else(|| dir_of(config).join(default)),
        None => PathBuf::from(default),
    }
}

/// The config's folder, as seen from the working directory (empty when it is the working
/// directory, so that joined paths stay short).
fn dir_of(config: &Config) -> PathBuf {
    config
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The names a value enum is written as, for the config's validation.
fn names<T: ValueEnum>() -> Vec<String> {
    T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect()
}

/// The project config: `--config FILE`, else the nearest wirecheck.yaml from the working
/// directory up, else none (`--no-config`: none). A broken config stops the run: its problems
/// are printed to stderr and the exit code is 2.
pub(super) fn config(args: &ProjectArgs) -> Result<Option<Config>, Failure> {
    if args.no_config {
        return Ok(None);
    }
    let path = match &args.config {
        Some(path) => path.clone(),
        None => {
            let Ok(cwd) = std::env::current_dir() else {
                return Ok(None);
            };
            match config::find(&cwd) {
                Some(found) => config::from_cwd(&found, &cwd),
                None => return Ok(None),
            }
        }
    };
    let formats = names::<CheckFormat>();
    let fail_on = names::<FailOn>();
    let formats: Vec<&str> = formats.iter().map(String::as_str).collect();
    let fail_on: Vec<&str> = fail_on.iter().map(String::as_str).collect();
    let choices = config::Choices {
        formats: &formats,
        fail_on: &fail_on,
    };
    let mut files = FileTable::default();
    let mut problems = Problems::default();
    if !path.is_file() {
        problems.push(Problem::error(
            crate::codes::Code::ConfigInvalid.name(),
            &path,
            "the config file does not exist",
        ));
        return Err(failed(files, problems.0));
    }
    match config::load(&path, choices, &mut files, &mut problems) {
        Some(config) => Ok(Some(config)),
        None => Err(failed(files, problems.0)),
    }
}

/// The inputs of a corpus command, with the config that settled them.
pub(super) fn inputs(args: &InputArgs) -> Result<(Inputs, Option<Config>), Failure> {
    let config = config(&args.project)?;
    Ok((args.inputs_with(config.as_ref()), config))
}

/// Stops a command on input problems: they go to stderr as terminal diagnostics, exit 2.
pub(super) fn failed(files: FileTable, problems: Vec<Problem>) -> Failure {
    let report = Report::problems_only(files, problems);
    let text = render::human::render(
        &report,
        HumanOptions {
            color: use_color(ColorChoice::Auto),
            width: width(),
        },
    );
    eprint!("{text}");
    (String::new(), 2)
}

/// A usage error found after parsing: told on stderr, exit 2, as clap does.
pub(super) fn usage(message: impl std::fmt::Display) -> Failure {
    eprintln!("error: {message}");
    (String::new(), 2)
}

// ---- `wirecheck init`

const STORY: &str = "northbridge-council-tax";

/// The files `init` writes, relative to the project folder.
fn scaffold() -> [(String, &'static str); 4] {
    [
        (
            config::FILE_NAME.to_string(),
            include_str!("scaffold/wirecheck.yaml"),
        ),
        (
            format!("corpus/{STORY}/000-wire.txt"),
            include_str!("scaffold/000-wire.txt"),
        ),
        (
            format!("corpus/{STORY}/001-northbridge-echo.txt"),
            include_str!("scaffold/001-northbridge-echo.txt"),
        ),
        (
            format!("claims/{STORY}.yaml"),
            include_str!("scaffold/northbridge-council-tax.yaml"),
        ),
    ]
}

pub(super) fn init(args: &InitArgs) -> (String, u8) {
    let files = scaffold();
    // All or nothing: a project that has any of these files is not overwritten.
    let existing: Vec<String> = files
        .iter()
        .filter(|(path, _)| args.dir.join(path).exists())
        .map(|(path, _)| shown(&args.dir, path))
        .collect();
    if !existing.is_empty() {
        return usage(format!(
            "{} already exists; `wirecheck init` writes nothing over an existing project",
            existing.join(", ")
        ));
    }
    let mut written = Vec::new();
    for (relative, text) in &files {
        let path = args.dir.join(relative);
        let created = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| crate::atomic::create(&path, text.as_bytes()));
        match created {
            Ok(true) => written.push(shown(&args.dir, relative)),
            Ok(false) => return usage(format!("{} appeared while writing", path.display())),
            Err(e) => return usage(format!("cannot write {}: {e}", path.display())),
        }
    }
    let mut out = String::from("Created a wirecheck project:\n");
    for path in &written {
        out.push_str(&format!("  {path}\n"));
    }
    if args.dir != Path::new(".") {
        out.push_str(&format!("\ncd {}", args.dir.display()));
    }
    out.push_str(
        "\nwirecheck check         # checks the example story: no findings, exit 0\n\
         wirecheck test-claims   # runs the claim file's example sentences\n\
         \nThen put your stories in corpus/ and their claims in claims/ (docs/workflows.md).\n",
    );
    (out, 0)
}

/// A path `init` wrote, as the user would type it from where they ran it.
fn shown(dir: &Path, relative: &str) -> String {
    if dir == Path::new(".") {
        relative.to_string()
    } else {
        dir.join(relative).display().to_string()
    }
}

// ---- `wirecheck test-claims`

pub(super) fn test_claims(args: &TestClaimsArgs) -> (String, u8) {
    let config = match config(&args.project) {
        Ok(config) => config,
        Err(failure) => return failure,
    };
    let dir = pick(&args.claims, config.as_ref(), |c| &c.claims, "claims");
    let mut files = FileTable::default();
    let mut problems = Problems::default();
    let paths = match claim_files(&dir, &args.stories) {
        Ok(paths) => paths,
        Err(problem) => return failed(files, vec![problem]),
    };
    let mut sets = Vec::new();
    for path in &paths {
        if let Some(set) = crate::claims::load_file(path, &dir, &mut files, &mut problems) {
            sets.push((path.clone(), set));
        }
    }
    if problems.has_errors() {
        return failed(files, problems.0);
    }
    let mut out = String::new();
    let (mut passed, mut failed_count, mut claims) = (0, 0, 0);
    for (path, set) in &sets {
        let outcomes = examples::run(set, &mut files);
        if outcomes.is_empty() {
            continue;
        }
        out.push_str(&format!("{}\n", path.display()));
        let width = outcomes.iter().map(|o| o.claim.len()).max().unwrap_or(0);
        let mut last_claim = None;
        for outcome in &outcomes {
            if last_claim != Some(&outcome.claim) {
                claims += 1;
                last_claim = Some(&outcome.claim);
            }
            if outcome.passed() {
                passed += 1;
            } else {
                failed_count += 1;
            }
            out.push_str(&example_line(&files, outcome, width));
        }
    }
    let total = passed + failed_count;
    if total == 0 {
        out.push_str(
            "no claim has examples: add `examples: { match: [...], no_match: [...] }` to a claim (docs/claim-files.md)\n",
        );
        return (out, 0);
    }
    out.push_str(&format!(
        "\ntest-claims {}: {total} example{} of {claims} claim{}, {passed} passed, {failed_count} failed\n",
        if failed_count == 0 { "ok" } else { "FAILED" },
        if total == 1 { "" } else { "s" },
        if claims == 1 { "" } else { "s" },
    ));
    (out, u8::from(failed_count > 0))
}

/// One example as a test runner prints it; a failure says where it is and how it was read.
fn example_line(files: &FileTable, outcome: &Outcome, width: usize) -> String {
    let verdict = if outcome.passed() { "ok  " } else { "FAIL" };
    let mut line = format!(
        "  {verdict}  {:<width$}  {:<8}  {}\n",
        outcome.claim,
        outcome.expect.key(),
        outcome.example.text
    );
    if !outcome.passed() {
        let at = files.start(outcome.example.site);
        let state = serde_json::to_value(outcome.state)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let read = if outcome.read.is_empty() {
            String::new()
        } else {
            format!(": {}", outcome.read.join(", "))
        };
        line.push_str(&format!(
            "        {}:{}:{}: read as {state}{read}; a `{}` example must {}be read as agreeing with the claim\n",
            files.path(outcome.example.site.file).display(),
            at.line,
            at.column,
            outcome.expect.key(),
            if outcome.expect == examples::Expect::Match { "" } else { "not " },
        ));
    }
    line
}

/// The claim files to test: every `<story>.yaml` in the folder, or the named stories'.
fn claim_files(dir: &Path, stories: &[String]) -> Result<Vec<PathBuf>, Problem> {
    let missing =
        |message: String| Problem::error(crate::codes::Code::MissingClaimFile.name(), dir, message);
    let entries = std::fs::read_dir(dir)
        .map_err(|e| missing(format!("cannot read the claims folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .filter(|p| {
            stories.is_empty()
                || p.file_stem()
                    .is_some_and(|s| stories.iter().any(|story| s == story.as_str()))
        })
        .collect();
    paths.sort();
    for story in stories {
        let found = paths
            .iter()
            .any(|p| p.file_stem().is_some_and(|s| s == story.as_str()));
        if !found {
            return Err(missing(format!("no claim file for story `{story}`")));
        }
    }
    Ok(paths)
}
