//! The `passerelle` binary: see `cli.rs` for its subcommands.

mod cli;

/// mimalloc rather than glibc's allocator: it gives freed memory back to the system shortly
/// after a burst (password hashing takes 19 MiB per check; glibc's per-thread arenas kept what a
/// burst of logins took, measured in `scripts/bench logins`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
