//! What a screen reader gets from the real program: Argmap started on the
//! debate map in a real window with the desktop's accessibility bus on, read
//! through AT-SPI (as Orca reads it). Every claim of the map must be there,
//! named by its words and described (its source, what it bears on).
//!
//! Needs Xvfb, dbus, the accessibility bus (`at-spi2-core`) and Python's
//! `pyatspi` (`python3-pyatspi`), and a Vulkan driver (Mesa's software one
//! will do). Without them the test says so and passes, unless
//! ARGMAP_REQUIRE_ACCESSIBILITY is set (CI sets it), which makes it a failure.

#![cfg(target_os = "linux")]

mod common;

use common::display::{Display, have};
use std::path::Path;
use std::process::{Child, Command, Stdio};

const REQUIRE: &str = "ARGMAP_REQUIRE_ACCESSIBILITY";
const BUS_LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
/// The system's Python, where `python3-pyatspi` installs.
const PYTHON: &str = "/usr/bin/python3";

/// Walks the accessibility tree of the application named `argmap` and
/// prints each claim's name and description as JSON lines, once claims
/// appear (or nothing after 60 s).
const READER: &str = r#"
import json, sys, time
import pyatspi
deadline = time.time() + 60
while time.time() < deadline:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    app = next((a for a in apps if a is not None and "argmap" in (a.name or "").lower()), None)
    found = []
    def walk(node, depth):
        if node is None or depth > 80:
            return
        if (node.name or "").startswith("Claim: "):
            found.append({"name": node.name, "description": node.description or ""})
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1)
    if app is not None:
        walk(app, 0)
    if found:
        for item in found:
            print(json.dumps(item, ensure_ascii=False))
        sys.exit(0)
    time.sleep(0.5)
"#;

fn python_has_pyatspi() -> bool {
    Command::new(PYTHON)
        .args(["-c", "import pyatspi"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Processes ended (not left running) when the test ends, however it ends:
/// each leads a process group of its own, and the whole group is ended (the
/// accessibility bus starts a bus and a registry of its own).
struct Running(Vec<Child>);

impl Drop for Running {
    fn drop(&mut self) {
        for child in self.0.iter_mut().rev() {
            let _ = Command::new("kill")
                .args(["-TERM", "--", &format!("-{}", child.id())])
                .stderr(Stdio::null())
                .status();
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A command that leads a process group of its own.
fn own_group(command: &mut Command) -> &mut Command {
    std::os::unix::process::CommandExt::process_group(command, 0)
}

/// A session bus of the test's own; its address.
fn session_bus(running: &mut Running) -> Option<String> {
    let mut daemon = own_group(&mut Command::new("dbus-daemon"))
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let stdout = daemon.stdout.take()?;
    running.0.push(daemon);
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line).ok()?;
    let address = line.trim().to_owned();
    (!address.is_empty()).then_some(address)
}

#[test]
fn a_screen_reader_reads_every_claim_of_the_debate_with_its_description() {
    let present = have("Xvfb")
        && have("dbus-daemon")
        && have("dbus-send")
        && Path::new(BUS_LAUNCHER).exists()
        && python_has_pyatspi();
    if !common::extras::available(
        present,
        REQUIRE,
        "needs Xvfb, dbus and the accessibility bus with pyatspi \
         (apt-get install xvfb dbus at-spi2-core python3-pyatspi)",
    ) {
        return;
    }
    let display = Display::start();
    if !common::extras::available(display.is_some(), REQUIRE, "needs Xvfb to start") {
        return;
    }
    let display = display.expect("checked above");
    let temp = tempfile::tempdir().expect("temp");
    let mut running = Running(Vec::new());
    let bus = session_bus(&mut running).expect("a session bus starts");
    let with_bus = |command: &mut Command| {
        command
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .env("DISPLAY", &display.name)
            .env("XDG_RUNTIME_DIR", temp.path())
            .env_remove("WAYLAND_DISPLAY");
    };
    let mut launcher = Command::new(BUS_LAUNCHER);
    launcher.arg("--launch-immediately");
    with_bus(&mut launcher);
    running.0.push(
        own_group(&mut launcher)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the accessibility bus starts"),
    );
    // Turn the accessibility bus on, as a screen reader does when it starts.
    let mut switched = false;
    for _ in 0..50 {
        let mut enable = Command::new("dbus-send");
        enable.args([
            "--session",
            "--print-reply",
            "--dest=org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            "string:IsEnabled",
            "variant:boolean:true",
        ]);
        with_bus(&mut enable);
        if enable
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
        {
            switched = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(switched, "the accessibility bus could not be turned on");

    let mut app = Command::new(env!("CARGO_BIN_EXE_argmap"));
    with_bus(&mut app);
    app.env("ARGMAP_DATA_DIR", temp.path().join("data"));
    running.0.push(
        own_group(&mut app)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("argmap starts"),
    );
    let mut reader = Command::new(PYTHON);
    reader.args(["-c", READER]);
    with_bus(&mut reader);
    let read = reader.output().expect("the reader runs");
    let text = String::from_utf8_lossy(&read.stdout);
    let found: Vec<(String, String)> = text
        .lines()
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).ok()?;
            Some((
                value["name"].as_str()?.to_owned(),
                value["description"].as_str()?.to_owned(),
            ))
        })
        .collect();

    let debate = common::debate();
    let ends = argmap::analysis::spoken::Ends::of(&debate);
    assert_eq!(
        found.len(),
        debate.claims.len(),
        "every claim of the debate is read out; found {found:#?}\n{}",
        String::from_utf8_lossy(&read.stderr)
    );
    for claim in &debate.claims {
        let name = format!("Claim: {}", claim.text);
        let (_, description) = found
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("{name} is not read out"));
        // Exactly what the map says about it: source, what it bears on and
        // what bears on it.
        let expected = argmap::analysis::spoken::claim(&debate, &ends, claim.id, None);
        assert!(expected.starts_with("Quoted from "), "{expected}");
        assert_eq!(description, &expected, "{name}");
    }
}
