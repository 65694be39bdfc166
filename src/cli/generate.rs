//! Shell completions and the man page, generated from the one command-line definition, so they
//! never drift from `--help`.

use clap::CommandFactory;

use super::Cli;

pub(super) fn completions(shell: clap_complete::Shell) -> (String, u8) {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "wirecheck", &mut out);
    (String::from_utf8_lossy(&out).into_owned(), 0)
}

pub(super) fn man() -> (String, u8) {
    let mut out = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut out) {
        Ok(()) => (String::from_utf8_lossy(&out).into_owned(), 0),
        Err(e) => super::project::usage(format!("cannot render the man page: {e}")),
    }
}
