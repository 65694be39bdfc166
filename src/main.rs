//! The `wirecheck` binary: everything lives in the library; this only hands over control.

// Extraction allocates many small vectors per sentence; mimalloc's thread-local free lists
// cut the allocator's share of a corpus check by about half (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    wirecheck::cli::main()
}
