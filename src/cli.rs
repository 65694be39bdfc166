//! The command line: flags defined once with clap, turned into settings, the run, and the exit
//! code (0 clean, 1 findings at or above `--fail-on`, 2 usage, config or input error).

mod gate;
mod generate;
mod progress;
mod project;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::codes::Code;
use crate::config::Config;
use crate::finding::Severity;
use crate::render;
use crate::report::{Inputs, Report};

#[derive(Debug, Parser)]
#[command(
    name = "wirecheck",
    version,
    about = "Checks every published version of a wire story against hand-written claims and against each other.",
    long_about = None,
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the corpus against its claim files and report conflicts.
    Check(CheckArgs),
    /// Print each story's conflict graph.
    Graph(GraphArgs),
    /// Write a static HTML report (index.html) for an editor: graph, claims matrix, findings.
    Report(ReportArgs),
    /// Explain a diagnostic code; without a code, list them all.
    Explain {
        /// A code such as `value_conflict` or `wirecheck::value_conflict`.
        code: Option<String>,
    },
    /// Write the current findings to a baseline file, which `check --baseline` then accepts.
    Baseline(BaselineArgs),
    /// Set up a new project here: wirecheck.yaml, an example story and a claim file that passes.
    Init(InitArgs),
    /// Run the example sentences stored with each claim (`examples: {match, no_match}`).
    TestClaims(TestClaimsArgs),
    /// Print a shell completion script, generated from this command line.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from this command line.
    Man,
    /// Synthetic corpora for performance and accuracy runs (docs/performance.md).
    #[command(hide = true, subcommand)]
    Synth(SynthCommand),
}

#[derive(Debug, Args)]
struct InputArgs {
    /// The corpus folder: one sub-folder per story, one .txt file per version [default: corpus,
    /// or `corpus:` in wirecheck.yaml]
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// The claims folder: one <story>.yaml per story, lexicons beside them [default: claims, or
    /// `claims:` in wirecheck.yaml]
    #[arg(long, value_name = "DIR")]
    claims: Option<PathBuf>,
    /// Check only this story (repeatable).
    #[arg(long = "story", value_name = "SLUG")]
    stories: Vec<String>,
    /// Where results of unchanged stories are kept between runs [default: .wirecheck_cache]
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Check every story afresh, and leave the cache alone.
    #[arg(long)]
    no_cache: bool,
    #[command(flatten)]
    project: ProjectArgs,
}

/// Which project config to read.
#[derive(Debug, Args)]
struct ProjectArgs {
    /// The project config [default: the nearest wirecheck.yaml here or in a folder above]
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Read no wirecheck.yaml: flags and built-in defaults only.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Check only the stories these files or folders belong to (version files, story folders,
    /// claim files; a lexicon means every story), each against all its versions.
    #[arg(value_name = "PATH", conflicts_with_all = ["stories", "changed_since", "draft"])]
    paths: Vec<PathBuf>,
    /// Check only the stories touched by files changed since this git revision, untracked
    /// files included.
    #[arg(long, value_name = "REV", conflicts_with_all = ["stories", "draft"])]
    changed_since: Option<String>,
    /// Check an unpublished text against the claims and published versions of its --story,
    /// without adding it to the corpus; `-` reads it from standard input.
    #[arg(long, value_name = "FILE", requires = "stories")]
    draft: Option<PathBuf>,
    /// Output format [default: human, or `format:` in wirecheck.yaml]
    #[arg(long, short = 'o', visible_alias = "output-format", value_enum)]
    format: Option<CheckFormat>,
    /// Exit 1 when a finding is at least this severe [default: error, or `fail_on:` in
    /// wirecheck.yaml]
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Accept the findings this baseline file lists: only new ones are reported and fail
    /// [default: `baseline:` in wirecheck.yaml, else none]
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Ignore the baseline named in wirecheck.yaml: report every finding.
    #[arg(long, conflicts_with = "baseline")]
    no_baseline: bool,
    /// Remove the baseline's stale entries (of the stories checked) from the file.
    #[arg(long)]
    prune: bool,
    /// When to colour the output (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Args)]
struct BaselineArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// The baseline file to write, atomically [default: `baseline:` in wirecheck.yaml, else
    /// wirecheck-baseline.yaml]
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The folder to set up (created if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    dir: PathBuf,
}

#[derive(Debug, Args)]
struct TestClaimsArgs {
    /// The claims folder [default: claims, or `claims:` in wirecheck.yaml]
    #[arg(long, value_name = "DIR")]
    claims: Option<PathBuf>,
    /// Test only this story's claim file (repeatable).
    #[arg(long = "story", value_name = "SLUG")]
    stories: Vec<String>,
    #[command(flatten)]
    project: ProjectArgs,
}

#[derive(Debug, Args)]
struct GraphArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Output format.
    #[arg(long, short = 'o', visible_alias = "output-format", value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// The folder to write index.html into (created if missing; other files in it are left
    /// alone).
    #[arg(long, value_name = "DIR", default_value = "wirecheck-report")]
    out: PathBuf,
    /// Exit 1 when a finding is at least this severe; the report is written either way.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// Diagnostics for a person at a terminal.
    Human,
    /// The versioned JSON document described in docs/json.md.
    Json,
    /// A SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers (docs/ci.md).
    Sarif,
    /// GitHub Actions annotations (workflow commands), most severe first (docs/ci.md).
    Github,
    /// GitLab's code-quality report, a JSON array of issues (docs/ci.md).
    Gitlab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum GraphFormat {
    Dot,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    /// Always exit 0 unless the inputs are broken.
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl InputArgs {
    /// The inputs: each flag, else the config's key, else the default in the config's folder.
    fn inputs_with(&self, config: Option<&Config>) -> Inputs {
        let cache_dir = project::pick(
            &self.cache_dir,
            config,
            |c| &c.cache_dir,
            crate::cache::DEFAULT_DIR,
        );
        Inputs {
            corpus: project::pick(&self.corpus, config, |c| &c.corpus, "corpus"),
            claims: project::pick(&self.claims, config, |c| &c.claims, "claims"),
            stories: self.stories.clone(),
            cache: (!self.no_cache).then(|| crate::cache::Cache::new(cache_dir)),
            draft: None,
        }
    }
}

/// Whether to colour output: `--color always|never`; under `auto`, NO_COLOR (set and not empty)
/// turns colour off whatever else is set, CLICOLOR_FORCE (set and not `0`) turns it on,
/// CLICOLOR=0 off, and otherwise colour follows whether stdout is a terminal.
fn use_color(choice: ColorChoice) -> bool {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if var("NO_COLOR").is_some() => false,
        ColorChoice::Auto if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto if var("CLICOLOR").is_some_and(|v| v == "0") => false,
        ColorChoice::Auto => std::io::stdout().is_terminal(),
    }
}

fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let (output, code) = match cli.command {
        Command::Check(args) => gate::check(&args),
        Command::Graph(args) => graph(&args),
        Command::Report(args) => report(&args),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Baseline(args) => gate::write_baseline(&args),
        Command::Init(args) => project::init(&args),
        Command::TestClaims(args) => project::test_claims(&args),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man => generate::man(),
        Command::Synth(command) => synth(command),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`wirecheck check | head`) is not an error worth reporting.
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
    ExitCode::from(code)
}

fn exit_code(report: &Report, fail_on: FailOn) -> u8 {
    if report.has_input_errors() {
        return 2;
    }
    match fail_on.threshold() {
        Some(threshold) if report.findings().any(|f| f.severity >= threshold) => 1,
        _ => 0,
    }
}

/// Writes a document straight to stdout: an archive's is too large to hold as one string.
fn stream(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> String {
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    // A closed pipe (`wirecheck check -o json | head`) is not an error worth reporting.
    let _ = write(&mut out).and_then(|()| out.flush());
    String::new()
}

fn graph(args: &GraphArgs) -> (String, u8) {
    let inputs = match project::inputs(&args.inputs) {
        Ok((inputs, _)) => inputs,
        Err(failure) => return failure,
    };
    let report = Report::build(&inputs);
    if report.has_input_errors() {
        return project::failed(report.files, report.problems);
    }
    let output = match args.format {
        GraphFormat::Dot => render::dot::render(&report),
        GraphFormat::Json => render::json::render_graph(&report),
    };
    match output {
        Ok(output) => (output, 0),
        Err(e) => {
            eprintln!("error: cannot render the graph: {e}");
            (String::new(), 2)
        }
    }
}

/// `wirecheck report`: the HTML page, written whole or not at all. Broken inputs write nothing.
fn report(args: &ReportArgs) -> (String, u8) {
    let inputs = match project::inputs(&args.inputs) {
        Ok((inputs, _)) => inputs,
        Err(failure) => return failure,
    };
    let report = Report::build(&inputs);
    if report.has_input_errors() {
        eprintln!("error: no report written");
        return project::failed(report.files, report.problems);
    }
    let page = match render::html::render(&report) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("error: cannot render the report: {e}");
            return (String::new(), 2);
        }
    };
    let path = args.out.join("index.html");
    // Written whole or not at all: an interrupted run leaves the previous report as it was.
    let written = std::fs::create_dir_all(&args.out)
        .and_then(|()| crate::atomic::write(&path, page.as_bytes()));
    if let Err(e) = written {
        eprintln!("error: cannot write {}: {e}", path.display());
        return (String::new(), 2);
    }
    (
        format!(
            "wrote {} ({})\n",
            path.display(),
            render::human::summary_line(&report)
        ),
        exit_code(&report, args.fail_on),
    )
}

fn explain(code: Option<&str>) -> (String, u8) {
    let Some(name) = code else {
        let mut out = String::from("Codes (run `wirecheck explain CODE` for one):\n\n");
        for code in Code::ALL {
            out.push_str(&format!(
                "  {:<36} {:<8} {}\n",
                code.name(),
                code.default_severity(),
                code.summary()
            ));
        }
        return (out, 0);
    };
    match Code::lookup(name) {
        Some(code) => (format!("{}\n", code.doc().trim_end()), 0),
        None => {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
            let short = format!("wirecheck::{}", name.trim_start_matches("wirecheck::"));
            let hint = crate::suggest::did_you_mean(&short, names.iter().copied())
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_else(|| "; run `wirecheck explain` for the list".into());
            eprintln!("error: unknown code `{name}`{hint}");
            (String::new(), 2)
        }
    }
}

// ---- `wirecheck synth`: hidden; generates synthetic corpora and scores runs against them.

#[derive(Debug, Subcommand)]
enum SynthCommand {
    /// Write a synthetic corpus, its claim files, manifest.json and cues.txt into --out.
    Generate(SynthGenerateArgs),
    /// Score `wirecheck check --format json` output against a manifest.
    Score {
        /// The manifest.json written by `synth generate`.
        manifest: PathBuf,
        /// The JSON document `wirecheck check --format json` printed.
        findings: PathBuf,
    },
}

#[derive(Debug, Args)]
struct SynthGenerateArgs {
    /// Size preset: small (1,000 versions), day (22,000), archive (200,000).
    #[arg(long, value_enum, default_value_t = SynthSize::Small)]
    size: SynthSize,
    /// Number of stories (overrides the preset).
    #[arg(long)]
    stories: Option<usize>,
    /// Versions per story (overrides the preset).
    #[arg(long)]
    versions: Option<usize>,
    /// Seed: the same seed gives byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write into (its corpus/ and claims/ must not exist yet).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Leave out realistic text wirecheck is known to misread (see docs/synth-findings.md).
    #[arg(long)]
    dodge_known_issues: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SynthSize {
    Small,
    Day,
    Archive,
}

fn synth(command: SynthCommand) -> (String, u8) {
    use crate::synth;
    match command {
        SynthCommand::Generate(args) => {
            let options = synth::Options {
                size: match args.size {
                    SynthSize::Small => synth::Size::Small,
                    SynthSize::Day => synth::Size::Day,
                    SynthSize::Archive => synth::Size::Archive,
                },
                stories: args.stories,
                versions: args.versions,
                seed: args.seed,
                out: args.out,
                dodge_known_issues: args.dodge_known_issues,
            };
            match synth::generate(&options) {
                Ok(m) => (
                    format!(
                        "{} stories, {} versions, {} claims, {} cue aliases, {} bytes, {} planted ({} stories clean)\n",
                        m.counts.stories,
                        m.counts.versions,
                        m.counts.claims,
                        m.counts.cue_aliases,
                        m.counts.bytes,
                        m.counts.planted,
                        m.counts.clean_stories
                    ),
                    0,
                ),
                Err(e) => {
                    eprintln!("error: {e}");
                    (String::new(), 2)
                }
            }
        }
        SynthCommand::Score { manifest, findings } => {
            let read = synth::score::read_manifest(&manifest)
                .and_then(|m| synth::score::read_findings(&findings).map(|f| (m, f)));
            match read {
                Ok((m, (reported, problems))) => {
                    let score = synth::score::score(&m, &reported, problems);
                    (score.render(), if score.perfect() { 0 } else { 1 })
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    (String::new(), 2)
                }
            }
        }
    }
}
