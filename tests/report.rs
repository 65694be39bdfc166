//! `wirecheck report` as a reader meets it. The page is written for the bundled corpus and for
//! tests/fixtures/hostile-report (a story whose every free-text field tries to run a script),
//! opened in headless Chromium, and what the browser built — its DOM after any script would
//! have run — is checked: one graph node per version, one matrix row per claim, The
//! Independent's rank marked as a conflict, and no script from the text having run. A
//! screenshot of the bundled report is kept in the target folder (docs/report-screenshot.png is
//! a copy).
//!
//! Chromium is required: `.ci/run` installs it. Locally, WIRECHECK_CHROMIUM names another
//! binary, and WIRECHECK_SKIP_BROWSER=1 skips the browser checks (never in CI).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use scraper::{ElementRef, Html, Selector};
use wirecheck::report::{Inputs, Report};

/// How long one browser run may take before the test gives up on it.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);

struct Browser {
    program: PathBuf,
}

/// Headless Chromium, or `None` when the browser checks are skipped on purpose.
fn browser() -> Option<Browser> {
    if std::env::var_os("WIRECHECK_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("WIRECHECK_SKIP_BROWSER=1: the report is not opened in a browser");
        return None;
    }
    let program = std::env::var_os("WIRECHECK_CHROMIUM")
        .map_or_else(|| PathBuf::from("chromium"), PathBuf::from);
    let found = Command::new(&program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "these tests open the report in headless Chromium, and `{}` does not run. Install the \
         Debian package `chromium` (.ci/run does), set WIRECHECK_CHROMIUM to a Chromium binary, \
         or set WIRECHECK_SKIP_BROWSER=1 to skip the browser checks on this machine.",
        program.display()
    );
    Some(Browser { program })
}

impl Browser {
    /// Opens `page` and returns the DOM as it stands once the page has loaded and any script
    /// has had time to run.
    fn dom(&self, page: &Path) -> Html {
        let out = self.run(page, &["--virtual-time-budget=3000", "--dump-dom"]);
        Html::parse_document(&String::from_utf8(out).unwrap())
    }

    fn screenshot(&self, page: &Path, png: &Path) {
        let target = format!("--screenshot={}", png.display());
        self.run(
            page,
            &["--hide-scrollbars", "--window-size=1280,2000", &target],
        );
        let bytes = fs::read(png).expect("Chromium wrote no screenshot");
        assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000);
    }

    fn run(&self, page: &Path, args: &[&str]) -> Vec<u8> {
        let profile = tempfile::tempdir().unwrap();
        let url = format!("file://{}", page.canonicalize().unwrap().display());
        assert!(!url.contains(' '), "a file URL needs no escaping: {url}");
        let mut child = Command::new(&self.program)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .arg(&url)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut out = Vec::new();
            stdout.read_to_end(&mut out).map(|_| out)
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > BROWSER_TIMEOUT {
                let _ = child.kill();
                panic!("Chromium did not finish within {BROWSER_TIMEOUT:?} on {url}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "Chromium failed on {url}: {status}");
        reader.join().unwrap().unwrap()
    }
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"));
    doc.select(&selector).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect()
}

/// `wirecheck report` in `dir` into `dir/out`; returns the page's path.
fn write_report(dir: &Path, args: &[&str]) -> PathBuf {
    let output = wirecheck(dir)
        .args(["report", "--out", "out"])
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.starts_with("wrote out/index.html"), "{stdout}");
    dir.join("out/index.html")
}

/// The page ran no script: none is in it, and nothing a payload would do was done.
fn assert_no_script_ran(doc: &Html) {
    assert!(select(doc, "script").is_empty(), "a <script> element");
    let title = select(doc, "head > title");
    assert!(!text(&title[0]).starts_with("PWNED"));
    assert!(select(doc, "[data-pwned]").is_empty(), "a payload ran");
    for element in select(doc, "*") {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "an event handler became an attribute: {name}={value}"
            );
            if name == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "a link to something other than the page or the web: {value}"
                );
            }
        }
    }
}

#[test]
fn the_bundled_report_shows_the_independent_as_the_outlier() {
    let Some(browser) = browser() else { return };
    let project = bundled_copy();
    let page = write_report(project.path(), &[]);
    let report = Report::build(&Inputs {
        corpus: project.path().join("corpus"),
        claims: project.path().join("claims"),
        stories: Vec::new(),
        cache: None,
        draft: None,
    });
    let story = &report.stories[0];
    let doc = browser.dom(&page);

    // One node per version, each named by its id.
    let nodes: Vec<&str> = select(&doc, "svg.conflict-graph g.node[data-version]")
        .iter()
        .map(|n| n.value().attr("data-version").unwrap())
        .collect();
    let versions: Vec<&str> = story.story.versions.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(nodes, versions);
    assert_eq!(nodes.len(), 5);
    let independent = select(&doc, "g.node[data-version='003-independent']");
    assert!(independent[0].value().classes().any(|c| c == "outlier"));
    assert_eq!(
        text(&select(&doc, "g.node[data-version='003-independent'] .count")[0]),
        "5"
    );

    // One matrix row per claim of claims/met-police-data-breaches.yaml, in the file's order.
    let rows: Vec<&str> = select(&doc, "table.matrix tbody tr[data-claim]")
        .iter()
        .map(|r| r.value().attr("data-claim").unwrap())
        .collect();
    let claims: Vec<&str> = story.claims.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(rows, claims);
    assert_eq!(rows.len(), 20);

    // The Independent's most senior officer: a conflict, by class and by a visible mark, linked
    // to the finding that shows the words.
    let row = "table.matrix tr[data-claim='most-senior-officer']";
    let cell = &select(&doc, &format!("{row} td[data-version='003-independent']"))[0];
    assert!(cell.value().classes().any(|c| c == "conflicts"));
    assert_eq!(cell.value().attr("data-state"), Some("conflicts"));
    let shown = text(cell);
    assert!(
        shown.contains('✗') && shown.contains("detective chief constable"),
        "{shown}"
    );
    for other in ["000-huffpost-uk", "001-london-aggregator"] {
        let agreeing = &select(&doc, &format!("{row} td[data-version='{other}']"))[0];
        assert_eq!(agreeing.value().attr("data-state"), Some("agrees"));
        assert!(text(agreeing).contains('✓'));
    }
    let link = select(&doc, &format!("{row} td[data-version='003-independent'] a"))[0]
        .value()
        .attr("href")
        .unwrap()
        .trim_start_matches('#')
        .to_string();
    let finding = &select(&doc, &format!("[id='{link}']"))[0];
    assert_eq!(
        finding.value().attr("data-claim"),
        Some("most-senior-officer")
    );
    assert_eq!(
        finding.value().attr("data-version"),
        Some("003-independent")
    );
    let marked = select(&doc, &format!("[id='{link}'] figure.excerpt mark.primary"));
    assert_eq!(text(&marked[0]), "detective chief constable");
    let at = text(&select(&doc, &format!("[id='{link}'] figure.excerpt figcaption"))[0]);
    assert_eq!(
        at,
        "corpus/met-police-data-breaches/003-independent.txt:35:136"
    );

    // The summary leads with the error, in plain words.
    let lead = text(&select(&doc, ".glance .who")[0]);
    assert!(lead.contains("The Independent (003-independent) disagrees on 3 claims"));
    assert!(lead.contains("“detective chief constable”"), "{lead}");
    assert!(lead.contains("“detective chief inspector”"), "{lead}");

    // The Independent's cut of David Davis's quote, word by word.
    let dropped: Vec<String> = select(&doc, "article.finding[data-version='003-independent'] del")
        .iter()
        .map(text)
        .collect();
    assert!(dropped.iter().any(|d| d == "members of"), "{dropped:?}");

    assert_no_script_ran(&doc);
    let png = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    browser.screenshot(&page, &png);
}

#[test]
fn article_and_claim_text_that_tries_to_run_a_script_stays_text() {
    let Some(browser) = browser() else { return };
    let scratch = tempfile::tempdir().unwrap();

    // The detector works: the same payloads, unescaped, do mark a page in this browser.
    let control = scratch.path().join("control.html");
    fs::write(
        &control,
        "<!DOCTYPE html><title>control</title><body>\
         <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\
         <script>document.title='PWNED'</script></body>",
    )
    .unwrap();
    let doc = browser.dom(&control);
    assert_eq!(select(&doc, "body[data-pwned]").len(), 1);
    assert_eq!(text(&select(&doc, "title")[0]), "PWNED");

    copy_dir(
        &repo().join("tests/fixtures/hostile-report"),
        scratch.path(),
    );
    let page = write_report(scratch.path(), &[]);
    let doc = browser.dom(&page);
    assert_no_script_ran(&doc);
    assert!(select(&doc, "img").is_empty(), "an <img> from the text");

    // Every payload is on the page as the text it is.
    let all = text(&select(&doc, "body")[0]);
    for payload in [
        "£4 <script>document.body.setAttribute('data-pwned','1')</script> from April",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">",
        "<a href=\"javascript:document.body.setAttribute('data-pwned','1')\">",
    ] {
        assert!(all.contains(payload), "not shown as text: {payload}");
    }
    let heading = text(&select(&doc, ".story-head h1")[0]);
    assert_eq!(
        heading,
        "Toll rise <script>document.title='PWNED'</script> on the Kestermouth bridge"
    );
    let outlets: Vec<String> = select(&doc, ".versions-table .outlet")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        outlets[0],
        "Wire <script>document.title='PWNED'</script> Service"
    );

    // A `javascript:` url, and one that would break out of its attribute, are text, not links.
    let not_links: Vec<String> = select(&doc, ".versions-table .not-link")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        not_links,
        [
            "javascript:document.body.setAttribute('data-pwned','1')",
            "http://example.com/\" onmouseover=\"document.body.setAttribute('data-pwned','1')",
        ]
    );
    let links = select(&doc, ".versions-table .url a");
    assert_eq!(links.len(), 1);
    assert_eq!(
        links[0].value().attr("href"),
        Some("https://example.org/toll?a=1&b=<script>document.title='PWNED'</script>")
    );

    // The conflict is still reported: the Courier's toll, marked in its excerpt.
    let cell = &select(&doc, "tr[data-claim='toll'] td[data-version='002-courier']")[0];
    assert_eq!(cell.value().attr("data-state"), Some("conflicts"));
    let marked = select(
        &doc,
        "article.finding[data-claim='toll'] figure.excerpt mark.primary",
    );
    assert_eq!(text(&marked[0]), "£4");
}

#[test]
fn broken_inputs_write_nothing_and_leave_the_previous_report() {
    let project = bundled_copy();
    write(project.path(), "out/index.html", "the previous report");
    write(
        project.path(),
        "claims/met-police-data-breaches.yaml",
        "story: met-police-data-breaches\nslots: [\n",
    );
    let output = wirecheck(project.path())
        .args(["report", "--out", "out"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("claims::yaml"), "{stderr}");
    assert!(stderr.contains("no report written"), "{stderr}");
    assert!(output.stdout.is_empty());
    let left: Vec<_> = fs::read_dir(project.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["index.html"]);
    assert_eq!(
        fs::read_to_string(project.path().join("out/index.html")).unwrap(),
        "the previous report"
    );
}

#[test]
fn report_exits_0_unless_fail_on_is_given_and_writes_either_way() {
    let project = bundled_copy();
    let output = wirecheck(project.path()).arg("report").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = project.path().join("wirecheck-report/index.html");
    let first = fs::read_to_string(&page).unwrap();
    assert!(first.starts_with("<!DOCTYPE html>"));

    // The bundled corpus has an error: --fail-on error fails, and the page is still written,
    // the same bytes again (no timestamps).
    fs::remove_file(&page).unwrap();
    let output = wirecheck(project.path())
        .args(["report", "--fail-on", "error"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&page).unwrap(), first);
}

#[test]
fn the_page_needs_nothing_from_anywhere() {
    let project = bundled_copy();
    let page = write_report(project.path(), &[]);
    let html = fs::read_to_string(page).unwrap();
    for outside in ["<script", "<link", "@import", "url(", "src=", "<iframe"] {
        assert!(
            !html.contains(outside),
            "the page loads something: {outside}"
        );
    }
    assert!(html.contains("Content-Security-Policy"));
}

/// The report draws the graph `wirecheck graph` prints: the same conflicted pairs of versions,
/// the same conflict counts and the same outliers (read from the page's source, no browser).
#[test]
fn the_report_graph_is_the_graph_json() {
    use std::collections::BTreeSet;
    let dir = bundled_copy();
    let page = write_report(dir.path(), &[]);
    let doc = Html::parse_document(&fs::read_to_string(page).unwrap());
    let output = wirecheck(dir.path())
        .args(["graph", "--format", "json"])
        .output()
        .unwrap();
    let graph: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let story = &graph["stories"][0];
    let pair = |a: &str, b: &str| {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        format!("{a} {b}")
    };
    let from_json: BTreeSet<String> = story["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] != "agreement")
        .map(|e| pair(e["outlier"].as_str().unwrap(), e["other"].as_str().unwrap()))
        .collect();
    let from_page: BTreeSet<String> = select(&doc, "svg g.edge")
        .iter()
        .map(|e| {
            let versions: Vec<&str> = e
                .value()
                .attr("data-versions")
                .unwrap()
                .split(' ')
                .collect();
            pair(versions[0], versions[1])
        })
        .collect();
    assert!(!from_json.is_empty());
    assert_eq!(from_page, from_json);
    for node in story["nodes"].as_array().unwrap() {
        let version = node["version"].as_str().unwrap();
        let drawn = select(&doc, &format!("svg g.node[data-version=\"{version}\"]"));
        assert_eq!(drawn.len(), 1, "{version}");
        assert_eq!(
            drawn[0].value().attr("data-conflicts").unwrap(),
            node["conflicts"].to_string(),
            "{version}"
        );
        let outlier = story["outliers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == version);
        assert_eq!(
            drawn[0].value().classes().any(|c| c == "outlier"),
            outlier,
            "{version}"
        );
    }
}
