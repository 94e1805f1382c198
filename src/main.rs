//! The `argmap` command: opens the editor, or runs a subcommand without a window.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match argmap::cli::run(&args, &mut out, &mut err) {
        argmap::cli::Invocation::Done(status) => ExitCode::from(status),
        argmap::cli::Invocation::Gui(_path) => {
            eprintln!("argmap: the editor is not built yet");
            ExitCode::from(2)
        }
    }
}
