//! The progress bar of a long run: drawn on stderr only when stderr is a terminal, and only
//! once a run has taken long enough to be worth watching, so that quick runs, pipes, CI logs and
//! tests see nothing.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::report::Progress;

/// How long a run goes before its bar appears.
const SHOW_AFTER: Duration = Duration::from_millis(400);

#[derive(Debug)]
pub(super) struct Bar {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
    shown: AtomicBool,
}

impl Bar {
    pub(super) fn new() -> Bar {
        let bar = ProgressBar::hidden();
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} checking stories {pos}/{len} {wide_bar} {eta}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar {
            bar,
            started: Instant::now(),
            terminal: std::io::stderr().is_terminal(),
            shown: AtomicBool::new(false),
        }
    }

    /// Clears the bar before the run's output is printed.
    pub(super) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar {
    fn start(&self, stories: usize) {
        self.bar.set_length(stories as u64);
    }

    fn story_done(&self) {
        self.bar.inc(1);
        if self.terminal
            && self.started.elapsed() >= SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}
