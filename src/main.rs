//! The `wirecheck` binary: everything lives in the library; this only hands over control.

fn main() -> std::process::ExitCode {
    wirecheck::cli::main()
}
