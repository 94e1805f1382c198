//! The `argmap` command: opens the editor, or runs a subcommand without a window.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let invocation = {
        let mut out = std::io::stdout().lock();
        let mut err = std::io::stderr().lock();
        argmap::cli::run(&args, &mut out, &mut err)
    };
    match invocation {
        argmap::cli::Invocation::Done(status) => ExitCode::from(status),
        argmap::cli::Invocation::Gui(path) => match argmap::app::run(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("argmap: could not open a window: {error}");
                ExitCode::from(1)
            }
        },
    }
}
