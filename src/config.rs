//! The project config, `wirecheck.yaml`: where a newsroom's corpus, claims and baseline live and
//! how strict its gate is, so that `wirecheck check` needs no flags. Found by walking up from the
//! working directory; flags override it. Paths in it are relative to its own folder and may not
//! lead out of it. Like a claim file it is validated whole: every unknown key (with the nearest
//! valid one), wrong value and escaping path is reported at once, pointing into the file.

use std::path::{Component, Path, PathBuf};

use crate::codes::Code;
use crate::finding::Severity;
use crate::problem::{Problem, Problems};
use crate::report::Report;
use crate::source::{FileId, FileTable, Span};
use crate::yaml::{FileCodes, Node};

/// The file wirecheck looks for.
pub const FILE_NAME: &str = "wirecheck.yaml";

const PATHS_HELP: &str = "paths in wirecheck.yaml are relative to its folder and stay inside it; pass a path elsewhere with a flag";

const KEYS: &[&str] = &[
    "corpus",
    "claims",
    "cache_dir",
    "baseline",
    "fail_on",
    "format",
    "severities",
];

/// The values some keys may take, which the command line defines (`--format`, `--fail-on`).
#[derive(Clone, Copy, Debug)]
pub struct Choices<'a> {
    pub formats: &'a [&'a str],
    pub fail_on: &'a [&'a str],
}

/// A validated config. Paths are ready to use from the working directory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// The file itself, as a path from the working directory.
    pub path: PathBuf,
    pub corpus: Option<PathBuf>,
    pub claims: Option<PathBuf>,
    pub cache_dir: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    /// One of [`Choices::fail_on`].
    pub fail_on: Option<String>,
    /// One of [`Choices::formats`].
    pub format: Option<String>,
    /// Per code: the severity its findings get, or `None` to drop them (`off`).
    pub severities: Vec<(Code, Option<Severity>)>,
}

/// The nearest `wirecheck.yaml` in `start` or a folder above it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|path| path.is_file())
}

/// `path` as seen from `cwd`: relative (`../../wirecheck.yaml`) when `cwd` is inside its
/// folder, so that diagnostics and SARIF show project paths, not absolute ones.
pub fn from_cwd(path: &Path, cwd: &Path) -> PathBuf {
    let Some(dir) = path.parent() else {
        return path.to_path_buf();
    };
    match cwd.strip_prefix(dir) {
        Ok(below) => {
            let mut out: PathBuf = below.components().map(|_| Component::ParentDir).collect();
            out.push(path.file_name().unwrap_or_default());
            out
        }
        Err(_) => path.to_path_buf(),
    }
}

const YAML_CODES: FileCodes = FileCodes {
    syntax: Code::ConfigInvalid,
    duplicate: Code::ConfigInvalid,
};

/// Reads and validates the config at `path` (as seen from the working directory); `None` after
/// reporting every problem.
pub fn load(
    path: &Path,
    choices: Choices<'_>,
    files: &mut FileTable,
    problems: &mut Problems,
) -> Option<Config> {
    let (file, doc) = crate::yaml::read_file(path, YAML_CODES, files, problems)?;
    let root = doc.root();
    let mut reader = Reader {
        path,
        file,
        dir: path.parent().unwrap_or(Path::new("")).to_path_buf(),
        problems: Problems::default(),
    };
    let mut config = Config {
        path: path.to_path_buf(),
        ..Config::default()
    };
    // An empty file is a config with every default.
    if root.is_null() {
        return Some(config);
    }
    if !root.is_mapping() {
        reader.invalid(
            root.span(),
            format!("the config is a mapping of keys, not {}", root.describe()),
            "expected `key: value` lines",
        );
    }
    crate::yaml::reject_unknown_keys(
        &root,
        KEYS,
        "config key",
        Code::ConfigInvalid,
        path,
        file,
        &mut reader.problems,
    );
    for (key, value) in root.entries() {
        match key.as_str() {
            "corpus" => config.corpus = reader.path(&key, &value),
            "claims" => config.claims = reader.path(&key, &value),
            "cache_dir" => config.cache_dir = reader.path(&key, &value),
            "baseline" => config.baseline = reader.path(&key, &value),
            "fail_on" => config.fail_on = reader.choice(&key, &value, choices.fail_on),
            "format" => config.format = reader.choice(&key, &value, choices.formats),
            "severities" => config.severities = reader.severities(&value),
            // Reported above, with the nearest valid key.
            _ => {}
        }
    }
    let failed = reader.problems.has_errors();
    problems.extend(reader.problems);
    (!failed).then_some(config)
}

struct Reader<'a> {
    path: &'a Path,
    file: FileId,
    /// The config's folder, as seen from the working directory.
    dir: PathBuf,
    problems: Problems,
}

impl Reader<'_> {
    fn invalid(&mut self, at: std::ops::Range<usize>, message: String, label: &str) {
        self.problems.push(
            Problem::error(Code::ConfigInvalid.name(), self.path, message)
                .label(Span::new(self.file, at), label.to_string()),
        );
    }

    fn text(&mut self, key: &str, value: &Node<'_>) -> Option<String> {
        match value.as_str().map(str::trim) {
            Some(text) if !text.is_empty() => Some(text.to_string()),
            _ => {
                self.invalid(
                    value.span(),
                    format!("`{key}` must be text, not {}", value.describe()),
                    "expected text",
                );
                None
            }
        }
    }

    /// A path in the project: relative to the config's folder, never out of it.
    fn path(&mut self, key: &str, value: &Node<'_>) -> Option<PathBuf> {
        let text = self.text(key, value)?;
        if Path::new(&text).has_root() {
            self.problems.push(
                Problem::error(
                    Code::ConfigInvalid.name(),
                    self.path,
                    format!("`{key}: {text}` is an absolute path"),
                )
                .label(Span::new(self.file, value.span()), "not relative")
                .help(PATHS_HELP),
            );
            return None;
        }
        match inside(Path::new(&text)) {
            Some(relative) => match linked_outside(&self.dir, &relative) {
                None => Some(self.dir.join(relative)),
                Some(target) => {
                    self.problems.push(
                        Problem::error(
                            Code::ConfigInvalid.name(),
                            self.path,
                            format!(
                                "`{key}: {text}` leads outside the project through a symbolic link, to {}",
                                target.display()
                            ),
                        )
                        .label(
                            Span::new(self.file, value.span()),
                            "outside the folder of wirecheck.yaml",
                        )
                        .help(PATHS_HELP),
                    );
                    None
                }
            },
            None => {
                self.problems.push(
                    Problem::error(
                        Code::ConfigInvalid.name(),
                        self.path,
                        format!("`{key}: {text}` leads outside the project"),
                    )
                    .label(
                        Span::new(self.file, value.span()),
                        "outside the folder of wirecheck.yaml",
                    )
                    .help(PATHS_HELP),
                );
                None
            }
        }
    }

    fn choice(&mut self, key: &str, value: &Node<'_>, allowed: &[&str]) -> Option<String> {
        let text = self.text(key, value)?;
        if allowed.contains(&text.as_str()) {
            return Some(text);
        }
        let problem = Problem::error(
            Code::ConfigInvalid.name(),
            self.path,
            format!("unknown {} `{text}`", key.replace('_', "-")),
        )
        .label(Span::new(self.file, value.span()), "not a valid value")
        .help(crate::suggest::help_for(&text, allowed));
        self.problems.push(problem);
        None
    }

    fn severities(&mut self, node: &Node<'_>) -> Vec<(Code, Option<Severity>)> {
        if !node.is_mapping() {
            self.invalid(
                node.span(),
                format!(
                    "`severities` maps codes to a severity, not {}",
                    node.describe()
                ),
                "expected `code: error|warning|note|off`",
            );
            return Vec::new();
        }
        let codes: Vec<&str> = Code::ALL
            .iter()
            .filter(|c| c.is_about_journalism())
            .map(|c| c.name().trim_start_matches("wirecheck::"))
            .collect();
        let mut out = Vec::new();
        for (name, value) in node.entries() {
            let code = Code::lookup(&name).filter(|c| c.is_about_journalism());
            let Some(code) = code else {
                let problem = Problem::error(
                    Code::ConfigInvalid.name(),
                    self.path,
                    format!("`{name}` is not the code of a finding"),
                )
                .label(Span::new(self.file, value.key_span()), "unknown code")
                .help(crate::suggest::help_for(
                    name.trim_start_matches("wirecheck::"),
                    &codes,
                ));
                self.problems.push(problem);
                continue;
            };
            let level = value.as_str().map(str::trim).unwrap_or_default();
            match (level, Severity::parse(level)) {
                ("off", _) => out.push((code, None)),
                (_, Some(severity)) => out.push((code, Some(severity))),
                _ => self.invalid(
                    value.span(),
                    format!("unknown severity `{}`", value.scalar().unwrap_or_default()),
                    "expected error, warning, note or off",
                ),
            }
        }
        out
    }
}

/// `path` with `.` and `..` resolved, if it stays inside the folder it is relative to.
fn inside(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Where `relative` (already free of `..`) really leads, when a symbolic link on the way takes
/// it out of `dir`: a link committed to a repository could otherwise point the baseline or the
/// cache at any file the user can write. The nearest part of the path that exists is resolved
/// (a baseline or a cache folder need not exist yet); a link that leads nowhere is left to fail
/// when used, as it cannot be written through.
fn linked_outside(dir: &Path, relative: &Path) -> Option<PathBuf> {
    let here = |p: &Path| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    };
    let root = std::fs::canonicalize(here(dir)).ok()?;
    let full = dir.join(relative);
    let resolved = full
        .ancestors()
        .find_map(|p| std::fs::canonicalize(here(p)).ok())?;
    (!resolved.starts_with(&root)).then_some(resolved)
}

impl Config {
    /// Sets the severity of every finding of a configured code, or drops it (`off`).
    pub fn apply_severities(&self, report: &mut Report) {
        if self.severities.is_empty() {
            return;
        }
        for story in &mut report.stories {
            story.findings.retain_mut(|finding| {
                match self
                    .severities
                    .iter()
                    .find(|(code, _)| *code == finding.code)
                {
                    Some((_, Some(severity))) => {
                        finding.severity = *severity;
                        true
                    }
                    Some((_, None)) => false,
                    None => true,
                }
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHOICES: Choices<'static> = Choices {
        formats: &["human", "json"],
        fail_on: &["error", "warning", "note", "never"],
    };

    fn load_text(text: &str) -> (Option<Config>, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        let mut problems = Problems::default();
        let config = load(&path, CHOICES, &mut FileTable::default(), &mut problems);
        let messages = problems.0.iter().map(|p| p.message.clone()).collect();
        (
            config.map(|c| Config {
                path: PathBuf::new(),
                corpus: c
                    .corpus
                    .map(|p| p.strip_prefix(dir.path()).unwrap().to_path_buf()),
                ..c
            }),
            messages,
        )
    }

    #[test]
    fn reads_every_key() {
        let (config, problems) = load_text(
            "corpus: news/corpus\nclaims: claims\nfail_on: warning\nformat: json\nseverities:\n  quote_edited: warning\n  wirecheck::ambiguous_mention: off\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let config = config.unwrap();
        assert_eq!(config.corpus, Some(PathBuf::from("news/corpus")));
        assert_eq!(config.fail_on.as_deref(), Some("warning"));
        assert_eq!(config.format.as_deref(), Some("json"));
        assert_eq!(
            config.severities,
            vec![
                (Code::QuoteEdited, Some(Severity::Warning)),
                (Code::AmbiguousMention, None)
            ]
        );
    }

    #[test]
    fn reports_every_problem_at_once() {
        let (config, problems) = load_text(
            "corpuss: x\nfail_on: warn\nformat: xml\ncorpus: ../elsewhere\nbaseline: /etc/baseline.yaml\nseverities:\n  value_conflit: note\n  claims::yaml: note\n  quote_edited: loud\n",
        );
        assert!(config.is_none());
        for expected in [
            "unknown config key `corpuss`",
            "unknown fail-on `warn`",
            "unknown format `xml`",
            "`corpus: ../elsewhere` leads outside the project",
            "`baseline: /etc/baseline.yaml` is an absolute path",
            "`value_conflit` is not the code of a finding",
            "`claims::yaml` is not the code of a finding",
            "unknown severity `loud`",
        ] {
            assert!(
                problems.iter().any(|p| p == expected),
                "{expected}: {problems:?}"
            );
        }
    }

    #[test]
    fn an_empty_config_is_all_defaults() {
        let (config, problems) = load_text("# nothing yet\n");
        assert!(problems.is_empty());
        assert_eq!(config, Some(Config::default()));
    }

    #[test]
    fn paths_stay_inside_the_project() {
        assert_eq!(inside(Path::new("a/./b/../c")), Some(PathBuf::from("a/c")));
        assert_eq!(inside(Path::new("a/../../b")), None);
        assert_eq!(inside(Path::new("/abs")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_through_a_symbolic_link_may_not_leave_the_project() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("elsewhere")).unwrap();
        std::os::unix::fs::symlink("news", dir.path().join("inside")).unwrap();
        let target = std::fs::canonicalize(outside.path()).unwrap();
        // The part that exists is resolved: the link itself, for a path below it.
        for escaping in ["elsewhere", "elsewhere/corpus", "news/../elsewhere/x"] {
            let relative = inside(Path::new(escaping)).unwrap();
            assert_eq!(
                linked_outside(dir.path(), &relative),
                Some(target.clone()),
                "{escaping}"
            );
        }
        for staying in ["news", "inside/corpus", "not-yet/baseline.yaml", ""] {
            assert_eq!(
                linked_outside(dir.path(), Path::new(staying)),
                None,
                "{staying}"
            );
        }
    }

    #[test]
    fn the_config_is_seen_from_the_working_directory() {
        assert_eq!(
            from_cwd(
                Path::new("/news/wirecheck.yaml"),
                Path::new("/news/corpus/story")
            ),
            PathBuf::from("../../wirecheck.yaml")
        );
        assert_eq!(
            from_cwd(Path::new("/news/wirecheck.yaml"), Path::new("/news")),
            PathBuf::from("wirecheck.yaml")
        );
    }
}
