//! The `passerelle` binary: see `cli.rs` for its subcommands.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
