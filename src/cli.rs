//! The command line: flags defined once with clap, turned into settings, the run, and the exit
//! code (0 clean, 1 findings at or above `--fail-on`, 2 usage, config or input error).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::codes::Code;
use crate::finding::Severity;
use crate::render::{self, human::HumanOptions};
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
    /// Explain a diagnostic code; without a code, list them all.
    Explain {
        /// A code such as `value_conflict` or `wirecheck::value_conflict`.
        code: Option<String>,
    },
    /// Synthetic corpora for performance and accuracy runs (docs/performance.md).
    #[command(hide = true, subcommand)]
    Synth(SynthCommand),
}

#[derive(Debug, Args)]
struct InputArgs {
    /// The corpus folder: one sub-folder per story, one .txt file per version.
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    corpus: PathBuf,
    /// The claims folder: one <story>.yaml per story, lexicons beside them.
    #[arg(long, value_name = "DIR", default_value = "claims")]
    claims: PathBuf,
    /// Check only this story (repeatable).
    #[arg(long = "story", value_name = "SLUG")]
    stories: Vec<String>,
    /// Where results of unchanged stories are kept between runs.
    #[arg(long, value_name = "DIR", default_value = crate::cache::DEFAULT_DIR)]
    cache_dir: PathBuf,
    /// Check every story afresh, and leave the cache alone.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Output format.
    #[arg(long, short = 'o', visible_alias = "output-format", value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Args)]
struct GraphArgs {
    #[command(flatten)]
    inputs: InputArgs,
    /// Output format.
    #[arg(long, short = 'o', visible_alias = "output-format", value_enum, default_value_t = GraphFormat::Dot)]
    format: GraphFormat,
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
    fn inputs(&self) -> Inputs {
        Inputs {
            corpus: self.corpus.clone(),
            claims: self.claims.clone(),
            stories: self.stories.clone(),
            cache: (!self.no_cache).then(|| crate::cache::Cache::new(&self.cache_dir)),
            draft: None,
        }
    }
}

/// Whether to colour output: `--color`, then NO_COLOR, then whether stdout is a terminal.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
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
        Command::Check(args) => check(&args),
        Command::Graph(args) => graph(&args),
        Command::Explain { code } => explain(code.as_deref()),
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

fn check(args: &CheckArgs) -> (String, u8) {
    let report = Report::build(&args.inputs.inputs());
    let output = match args.format {
        CheckFormat::Human => render::human::render(
            &report,
            HumanOptions {
                color: use_color(args.color),
                width: width(),
            },
        ),
        CheckFormat::Json => stream(|out| render::json::write(&report, out)),
        CheckFormat::Sarif => stream(|out| render::sarif::write(&report, out)),
        CheckFormat::Github => render::github::render(&report),
    };
    (output, exit_code(&report, args.fail_on))
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
    let report = Report::build(&args.inputs.inputs());
    if report.has_input_errors() {
        let problems = Report::problems_only(report.files, report.problems);
        let text = render::human::render(
            &problems,
            HumanOptions {
                color: use_color(ColorChoice::Auto),
                width: width(),
            },
        );
        eprint!("{text}");
        return (String::new(), 2);
    }
    let output = match args.format {
        GraphFormat::Dot => render::dot::render(&report),
        GraphFormat::Json => render::json::render_graph(&report),
    };
    (output, 0)
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
    /// Leave out realistic text wirecheck is known to misread (see SYNTH-FINDINGS.md).
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
