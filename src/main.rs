//! The `argmap` command: opens the editor, or runs a subcommand without a window.

// On Windows the program is a windowed one, so double-clicking it opens no
// console; run from a terminal, it attaches to that terminal's console (below).
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    attach_to_terminal();
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let invocation = {
        use std::io::IsTerminal;
        let stdout = std::io::stdout();
        let terminal = stdout.is_terminal();
        let mut out = stdout.lock();
        let mut err = std::io::stderr().lock();
        if terminal {
            // What a map's author wrote reaches a terminal escaped.
            argmap::cli::run(&args, &mut argmap::cli::Terminal(&mut out), &mut err)
        } else {
            argmap::cli::run(&args, &mut out, &mut err)
        }
    };
    match invocation {
        argmap::cli::Invocation::Done(status) => ExitCode::from(status),
        argmap::cli::Invocation::Gui(path) => match argmap::platform::desktop::run(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("argmap: could not open a window: {error}");
                ExitCode::from(1)
            }
        },
    }
}

/// Started from a terminal on Windows, prints there: a windowed program has
/// no console of its own, so it borrows its parent's. Output redirected to a
/// file or pipe needs nothing (those handles are inherited as they are).
#[cfg(windows)]
#[allow(unsafe_code)]
fn attach_to_terminal() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of
    // ours; it fails harmlessly when there is no parent console (a double
    // click) or one is already attached.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_to_terminal() {}
