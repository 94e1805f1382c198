//! The Windows build, run under Wine: the cross-built `argmap.exe` must
//! answer every command as the Linux build does, byte for byte, with
//! Windows paths (drive letters, backslashes, a non-ASCII folder), and open
//! its window on the debate map.
//!
//! Needs `ARGMAP_WINDOWS_EXE` (the path of a cross-built argmap.exe, with
//! what Wine needs beside it) and `wine`; `.ci/run` builds both and sets
//! ARGMAP_REQUIRE_WINDOWS, which makes their absence a failure. Elsewhere
//! the test says what it needs and passes.

#![cfg(target_os = "linux")]

mod common;

use common::display::{Display, have};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const LINUX: &str = env!("CARGO_BIN_EXE_argmap");
const MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/maps");

fn windows_exe() -> Option<PathBuf> {
    let exe = std::env::var_os("ARGMAP_WINDOWS_EXE")
        .map(PathBuf::from)
        .filter(|exe| exe.is_file() && have("wine"));
    common::extras::available(
        exe.is_some(),
        "ARGMAP_REQUIRE_WINDOWS",
        "needs ARGMAP_WINDOWS_EXE (a cross-built argmap.exe) and wine; .ci/run sets both",
    )
    .then_some(exe)
    .flatten()
}

/// `Z:` is Wine's drive for the Linux root: the Windows spelling of `path`.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

/// `wine EXE` with what every run here needs: quiet, and the test
/// harness's stand-in for a DLL Wine lacks (see .ci/windows).
fn wine_command(exe: &Path) -> Command {
    let mut command = Command::new("wine");
    command
        .arg(exe)
        .env("WINEDEBUG", "-all")
        .env("WINEDLLOVERRIDES", "bcryptprimitives=n,b")
        .stdin(Stdio::null());
    command
}

fn wine(exe: &Path, args: &[&str], dir: &Path) -> Output {
    wine_command(exe)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("wine runs")
}

fn linux(args: &[&str], dir: &Path) -> Output {
    Command::new(LINUX)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the Linux build runs")
}

fn ok(output: &Output, what: &str) {
    common::succeeded(output, what);
}

/// Runs one command under both builds, each in a folder of its own holding
/// the same files, and checks that both write the same bytes to the file
/// named after `-o` and print the same thing.
fn same_bytes(exe: &Path, work: &Path, args: &[&str]) {
    let out = args
        .iter()
        .skip_while(|a| **a != "-o")
        .nth(1)
        .expect("the command names its output with -o");
    let (win_dir, lin_dir) = (work.join("windows"), work.join("linux"));
    let win = wine(exe, args, &win_dir);
    let lin = linux(args, &lin_dir);
    ok(&win, &format!("argmap.exe {}", args.join(" ")));
    ok(&lin, &format!("argmap {}", args.join(" ")));
    let written = std::fs::read(win_dir.join(out)).expect("the Windows build wrote its file");
    let expected = std::fs::read(lin_dir.join(out)).expect("the Linux build wrote its file");
    assert!(
        written == expected,
        "argmap.exe {} wrote {} bytes that differ from the Linux build's {}",
        args.join(" "),
        written.len(),
        expected.len()
    );
    assert_eq!(
        String::from_utf8_lossy(&win.stdout).replace("\r\n", "\n"),
        String::from_utf8_lossy(&lin.stdout),
        "argmap.exe {} printed something else",
        args.join(" ")
    );
}

#[test]
fn the_windows_build_answers_every_command_as_the_linux_build_does() {
    let Some(exe) = windows_exe() else { return };
    let work = tempfile::tempdir().expect("temp dir");
    for side in ["windows", "linux"] {
        let dir = work.path().join(side);
        std::fs::create_dir_all(dir.join("class")).expect("folders");
        for name in [
            "kimmage-kramer-debate.ron",
            "kimmage-alone.ron",
            "kramer-alone.ron",
        ] {
            std::fs::copy(Path::new(MAPS).join(name), dir.join(name)).expect("copy");
        }
        for name in ["kimmage-alone.ron", "kramer-alone.ron"] {
            std::fs::copy(Path::new(MAPS).join(name), dir.join("class").join(name)).expect("copy");
        }
    }

    let version = wine(&exe, &["--version"], work.path());
    ok(&version, "argmap.exe --version");
    let expected = linux(&["--version"], work.path());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        String::from_utf8_lossy(&expected.stdout).trim()
    );

    // Every shipped map, named the Windows way: drive letter and backslashes.
    let mut maps: Vec<PathBuf> = std::fs::read_dir(MAPS)
        .expect("maps")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    maps.sort();
    assert!(maps.len() >= 5, "the shipped maps are there");
    let named: Vec<String> = maps.iter().map(|p| windows_path(p)).collect();
    let mut args = vec!["check"];
    args.extend(named.iter().map(String::as_str));
    let checked = wine(&exe, &args, work.path());
    ok(&checked, "argmap.exe check on every shipped map");
    let printed = String::from_utf8_lossy(&checked.stdout);
    for map in &maps {
        let name = map.file_name().expect("name").to_string_lossy();
        assert!(printed.contains(&*name), "check names {name}:\n{printed}");
    }

    let commands: [&[&str]; 6] = [
        &[
            "convert",
            "kimmage-kramer-debate.ron",
            "--to",
            "json",
            "-o",
            "debate.json",
        ],
        &["convert", "debate.json", "--to", "ron", "-o", "again.ron"],
        &[
            "export",
            "kimmage-kramer-debate.ron",
            "--to",
            "svg",
            "-o",
            "debate.svg",
        ],
        &[
            "export",
            "kimmage-kramer-debate.ron",
            "--to",
            "aif",
            "-o",
            "debate.json",
        ],
        &[
            "compare",
            "kimmage-alone.ron",
            "kimmage-kramer-debate.ron",
            "-o",
            "report.md",
        ],
        &[
            "grade",
            "kimmage-kramer-debate.ron",
            "class",
            "-o",
            "grades.csv",
        ],
    ];
    for args in commands {
        same_bytes(&exe, work.path(), args);
    }

    // A user's folder with letters beyond ASCII, given as a full Windows path.
    let home = work.path().join("Zoë Ødegård").join("Übungen");
    std::fs::create_dir_all(&home).expect("folder");
    let map = home.join("débat.ron");
    std::fs::copy(Path::new(MAPS).join("kimmage-kramer-debate.ron"), &map).expect("copy");
    let out = home.join("débat.svg");
    let exported = wine(
        &exe,
        &[
            "export",
            &windows_path(&map),
            "--to",
            "svg",
            "-o",
            &windows_path(&out),
        ],
        work.path(),
    );
    ok(&exported, "export into a folder with a non-ASCII name");
    assert_eq!(
        std::fs::read(&out).expect("the SVG is there"),
        std::fs::read(work.path().join("linux").join("debate.svg")).expect("Linux SVG"),
        "the same picture, whatever the folder is called"
    );
    let bad = home.join("kaputt.ron");
    std::fs::write(&bad, "(version: 1, claims: [").expect("write");
    let refused = wine(&exe, &["check", &windows_path(&bad)], work.path());
    assert!(!refused.status.success(), "a broken map is refused");
    let said = String::from_utf8_lossy(&refused.stderr).to_string()
        + &String::from_utf8_lossy(&refused.stdout);
    assert!(
        said.contains("kaputt.ron"),
        "the refusal names the file: {said}"
    );
}

/// The bytes of a Windows program's resource section (`.rsrc`), if it has one.
fn resource_section(program: &[u8]) -> Option<&[u8]> {
    let u16_at = |at: usize| {
        Some(u16::from_le_bytes(
            program.get(at..at + 2)?.try_into().ok()?,
        ))
    };
    let u32_at = |at: usize| {
        Some(u32::from_le_bytes(
            program.get(at..at + 4)?.try_into().ok()?,
        ))
    };
    let pe = u32_at(0x3c)? as usize;
    if program.get(pe..pe + 4)? != b"PE\0\0" {
        return None;
    }
    let sections = u16_at(pe + 6)? as usize;
    let table = pe + 24 + u16_at(pe + 20)? as usize;
    (0..sections).find_map(|i| {
        let header = table + i * 40;
        if program.get(header..header + 8)? != b".rsrc\0\0\0" {
            return None;
        }
        let size = u32_at(header + 16)? as usize;
        let start = u32_at(header + 20)? as usize;
        program.get(start..start + size)
    })
}

#[test]
fn the_windows_program_carries_argmaps_icon() {
    let Some(exe) = windows_exe() else { return };
    let program = std::fs::read(&exe).expect("the exe");
    // The icon file holds the PNG as it is, and so does the icon resource
    // (the window's own icon is elsewhere in the program, outside .rsrc).
    let icon = include_bytes!("../assets/icon.png");
    let resources = resource_section(&program).expect("argmap.exe has a resource section");
    assert!(
        resources.windows(icon.len()).any(|w| w == icon),
        "argmap.exe's resources hold no icon"
    );
}

#[test]
fn the_windows_build_opens_its_window_on_the_debate_map() {
    let Some(exe) = windows_exe() else { return };
    if !common::extras::available(
        have("Xvfb") && have("xdotool") && have("import"),
        "ARGMAP_REQUIRE_WINDOWS",
        "needs Xvfb, xdotool and ImageMagick's import",
    ) {
        return;
    }
    let display = Display::start().expect("Xvfb starts");
    let data = tempfile::tempdir().expect("temp dir");
    let log = data.path().join("argmap.log");
    // A Wine prefix of its own: Wine shows windows on the display its first
    // program found, and the other test's programs run with none.
    let prefix = data.path().join("wine");
    let mut child = wine_command(&exe)
        .env("DISPLAY", &display.name)
        .env("WINEPREFIX", &prefix)
        .env("ARGMAP_DATA_DIR", data.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log"))
        .spawn()
        .expect("wine starts");
    // Wine, the window and the first frames take a while on a software renderer.
    let start = Instant::now();
    let mut window = None;
    while start.elapsed() < Duration::from_secs(120) && window.is_none() {
        std::thread::sleep(Duration::from_secs(1));
        window = display
            .xdotool(&["search", "--name", "kimmage-kramer-debate"])
            .and_then(|ids| ids.lines().next().map(str::to_owned));
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "argmap.exe ended ({status}) before its window showed:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
    }
    let window = window.unwrap_or_else(|| {
        let _ = child.kill();
        let _ = Command::new("wineserver")
            .arg("-k")
            .env("WINEPREFIX", &prefix)
            .status();
        panic!(
            "no window named after the debate map within two minutes:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        )
    });
    // Let the first frames draw.
    std::thread::sleep(Duration::from_secs(8));
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("windows-window.png");
    assert!(display.screenshot(&shot), "a screenshot is taken");
    let _ = display.xdotool(&["windowclose", &window]);
    let _ = child.kill();
    let _ = child.wait();
    let _ = Command::new("wineserver")
        .arg("-k")
        .env("WINEPREFIX", &prefix)
        .status();
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    eprintln!("argmap.exe said:\n{said}\nscreenshot: {}", shot.display());
    assert!(
        said.contains("drawing with"),
        "the log names the renderer:\n{said}"
    );
    let colours = common::display::distinct_colours(&shot);
    assert!(
        colours > 50,
        "the screenshot has only {colours} colours: the window drew nothing"
    );
}
