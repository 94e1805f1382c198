//! The packages `packaging/build` writes, as a teacher or a school's IT
//! department meets them: the `.deb` installs, puts `argmap` on PATH with
//! its desktop entry, map type and icons, and leaves nothing behind when
//! removed; the Windows installer installs for one user without
//! administrator rights, silently with `/S`, and its uninstaller removes
//! what it installed and nothing else.
//!
//! Needs `ARGMAP_DIST_DIR` (the folder `packaging/build` writes) and, for
//! each package, its tools: `dpkg-deb` and `desktop-file-validate`;
//! installing the `.deb` also needs root and `apt-get`; the installer needs
//! `wine` and `ARGMAP_WINDOWS_EXE` (its folder holds the stand-in DLL the
//! Windows tests run with). `.ci/run` provides them and sets
//! ARGMAP_REQUIRE_PACKAGES, which makes their absence a failure. Elsewhere
//! each test says what it needs and passes.

#![cfg(target_os = "linux")]

mod common;

use common::display::have;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const VERSION: &str = env!("CARGO_PKG_VERSION");
const MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/maps");
const REQUIRE: &str = "ARGMAP_REQUIRE_PACKAGES";

fn dist() -> Option<PathBuf> {
    std::env::var_os("ARGMAP_DIST_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_dir())
}

fn shipped_maps() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(MAPS)
        .expect("maps")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    names.sort();
    names
}

fn run(program: &str, args: &[&str]) -> Output {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"))
}

use common::succeeded as ok;

fn deb() -> Option<PathBuf> {
    let deb = dist()
        .map(|d| d.join(format!("argmap_{VERSION}_amd64.deb")))
        .filter(|d| d.is_file());
    let ready = deb.is_some() && have("dpkg-deb") && have("desktop-file-validate");
    common::extras::available(
        ready,
        REQUIRE,
        "needs ARGMAP_DIST_DIR holding the .deb from packaging/build, dpkg-deb and desktop-file-validate",
    )
    .then_some(deb)
    .flatten()
}

/// The first line of every map Argmap writes, which the desktop's map type
/// looks for: a map saved today is recognised, not only the shipped ones.
fn first_line_argmap_writes() -> String {
    let text = argmap::format::encode(&common::small_map(), argmap::format::Syntax::Ron)
        .expect("a map writes");
    text.lines().next().expect("a first line").to_owned()
}

#[test]
fn the_deb_holds_the_program_its_desktop_entry_map_type_icons_and_maps() {
    let Some(deb) = deb() else { return };
    let deb = deb.to_string_lossy().into_owned();
    let fields = ok(&run("dpkg-deb", &["-f", &deb]), "dpkg-deb -f");
    assert!(fields.contains("Package: argmap\n"), "{fields}");
    assert!(
        fields.contains(&format!("Version: {VERSION}\n")),
        "{fields}"
    );
    assert!(fields.contains("Depends: libc6 (>= "), "{fields}");

    let root = tempfile::tempdir().expect("temp dir");
    let at = root.path().to_string_lossy().into_owned();
    ok(&run("dpkg-deb", &["-x", &deb, &at]), "dpkg-deb -x");
    let file = |p: &str| root.path().join(p.trim_start_matches('/'));

    let version = ok(
        &run(&file("/usr/bin/argmap").to_string_lossy(), &["--version"]),
        "argmap --version",
    );
    assert_eq!(version.trim(), format!("argmap {VERSION}"));

    let entry = file("/usr/share/applications/argmap.desktop");
    let said = run("desktop-file-validate", &[&entry.to_string_lossy()]);
    ok(&said, "desktop-file-validate");
    assert!(
        said.stdout.is_empty() && said.stderr.is_empty(),
        "desktop-file-validate found something to say: {}{}",
        String::from_utf8_lossy(&said.stdout),
        String::from_utf8_lossy(&said.stderr)
    );
    let entry = std::fs::read_to_string(entry).expect("desktop entry");
    assert!(entry.lines().any(|l| l == "Exec=argmap %f"), "{entry}");
    assert!(
        entry.lines().any(|l| l == "MimeType=application/x-argmap;"),
        "{entry}"
    );

    // The map type: named as the entry names it, found by the first line
    // every map starts with, and by the name .ron.
    let mime = std::fs::read_to_string(file("/usr/share/mime/packages/argmap.xml")).expect("mime");
    let doc = roxmltree::Document::parse(&mime).expect("the map type is XML");
    let kind = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .expect("a mime-type");
    assert_eq!(kind.attribute("type"), Some("application/x-argmap"));
    let magic = kind
        .descendants()
        .find(|n| n.has_tag_name("match"))
        .and_then(|n| n.attribute("value"))
        .expect("a magic string");
    assert!(first_line_argmap_writes().starts_with(magic));
    let glob = kind
        .descendants()
        .find(|n| n.has_tag_name("glob"))
        .and_then(|n| n.attribute("pattern"));
    assert_eq!(glob, Some("*.ron"));

    for size in [16, 24, 32, 48, 64, 128, 256] {
        let icon = file(&format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/argmap.png"
        ));
        let bytes = std::fs::read(&icon).unwrap_or_else(|_| panic!("{} is there", icon.display()));
        // PNG's header gives the width and height at bytes 16..24.
        let width = u32::from_be_bytes(bytes[16..20].try_into().expect("width"));
        let height = u32::from_be_bytes(bytes[20..24].try_into().expect("height"));
        assert_eq!((width, height), (size, size), "{}", icon.display());
    }
    for name in shipped_maps() {
        let map = file(&format!("/usr/share/argmap/maps/{name}"));
        let text = std::fs::read_to_string(&map).expect("a packaged map");
        assert!(text.starts_with(magic), "{name} is recognised as a map");
        argmap::format::load(&map).expect("a packaged map opens");
    }
    assert!(file("/usr/share/doc/argmap/copyright").is_file());
}

fn am_root() -> bool {
    run("id", &["-u"]).stdout.trim_ascii() == b"0"
}

#[test]
fn the_deb_installs_runs_from_path_and_removes_without_a_trace() {
    let Some(deb) = deb() else { return };
    // Installing changes the machine: only where CI asks for it.
    let asked = std::env::var_os(REQUIRE).is_some();
    if !common::extras::available(
        asked && am_root() && have("apt-get"),
        REQUIRE,
        "installs the .deb system-wide, so runs only as root with apt-get and ARGMAP_REQUIRE_PACKAGES set",
    ) {
        return;
    }
    let deb = deb.to_string_lossy().into_owned();
    let apt = Command::new("apt-get")
        .args(["install", "-y", "-qq", &deb])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null())
        .output()
        .expect("apt-get runs");
    ok(&apt, "apt-get install the .deb");
    let installed: Vec<PathBuf> = ok(&run("dpkg", &["-L", "argmap"]), "dpkg -L")
        .lines()
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .collect();
    assert!(installed.contains(&PathBuf::from("/usr/bin/argmap")));

    // From PATH, in a folder that is not the checkout.
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let on_path = |args: &[&str]| {
        Command::new("argmap")
            .args(args)
            .current_dir(elsewhere.path())
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .stdin(Stdio::null())
            .output()
            .expect("argmap runs from PATH")
    };
    let version = ok(&on_path(&["--version"]), "argmap --version");
    assert_eq!(version.trim(), format!("argmap {VERSION}"));
    let checked = ok(
        &on_path(&["check", "/usr/share/argmap/maps/kimmage-kramer-debate.ron"]),
        "argmap check of a packaged map",
    );
    assert!(checked.contains("ok: 36 claims"), "{checked}");
    ok(
        &run(
            "desktop-file-validate",
            &["/usr/share/applications/argmap.desktop"],
        ),
        "desktop-file-validate",
    );
    // The desktop's own databases took the map type in: a double click on a
    // map opens Argmap.
    assert!(Path::new("/usr/share/mime/application/x-argmap.xml").is_file());
    let handlers = std::fs::read_to_string("/usr/share/applications/mimeinfo.cache")
        .expect("the desktop's handler cache");
    assert!(
        handlers.contains("application/x-argmap=argmap.desktop;"),
        "{handlers}"
    );

    ok(&run("dpkg", &["--purge", "argmap"]), "dpkg --purge argmap");
    let left: Vec<&PathBuf> = installed.iter().filter(|p| p.exists()).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(!Path::new("/usr/share/argmap").exists());
    assert!(!Path::new("/usr/share/mime/application/x-argmap.xml").exists());
    let handlers =
        std::fs::read_to_string("/usr/share/applications/mimeinfo.cache").unwrap_or_default();
    assert!(!handlers.contains("argmap"), "{handlers}");
}

/// A Windows user of its own: a fresh Wine prefix, quiet.
struct WineUser {
    prefix: tempfile::TempDir,
    stand_in: PathBuf,
}

impl WineUser {
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("WINEPREFIX", self.prefix.path())
            .env("WINEDEBUG", "-all")
            // Debian's Wine lacks a DLL every Rust program asks for; the
            // Windows tests' stand-in is found on the Windows PATH, so the
            // installed folder holds only what the installer put there.
            .env(
                "WINEPATH",
                format!("Z:{}", self.stand_in.display()).replace('/', "\\"),
            )
            .env("WINEDLLOVERRIDES", "bcryptprimitives=n,b")
            .stdin(Stdio::null());
        command
    }

    fn wine(&self, args: &[&str]) -> Output {
        let output = self.command("wine").args(args).output().expect("wine runs");
        // An uninstaller hands over to a copy of itself and returns at once.
        let _ = self.command("wineserver").arg("-w").status();
        output
    }

    fn drive_c(&self) -> PathBuf {
        self.prefix.path().join("drive_c")
    }

    /// The user's folder under `drive_c/users` (named for the Unix user).
    fn home(&self) -> PathBuf {
        std::fs::read_dir(self.drive_c().join("users"))
            .expect("users")
            .map(|e| e.expect("entry").path())
            .find(|p| p.file_name().is_some_and(|n| n != "Public"))
            .expect("a user's folder")
    }

    fn registry_has(&self, key: &str) -> bool {
        self.wine(&["reg", "query", key]).status.success()
    }

    fn registry_value(&self, key: &str) -> String {
        String::from_utf8_lossy(&self.wine(&["reg", "query", key]).stdout).into_owned()
    }
}

#[test]
fn the_windows_installer_installs_for_one_user_silently_and_uninstalls_cleanly() {
    let installer = dist()
        .map(|d| d.join(format!("argmap-{VERSION}-setup.exe")))
        .filter(|d| d.is_file());
    let stand_in = std::env::var_os("ARGMAP_WINDOWS_EXE")
        .map(PathBuf::from)
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    if !common::extras::available(
        installer.is_some() && stand_in.is_some() && have("wine"),
        REQUIRE,
        "needs ARGMAP_DIST_DIR holding the installer from packaging/build, ARGMAP_WINDOWS_EXE and wine",
    ) {
        return;
    }
    let installer = installer.expect("checked above");
    let user = WineUser {
        prefix: tempfile::tempdir().expect("temp dir"),
        stand_in: stand_in.expect("checked above"),
    };
    let _ = user.command("wineboot").arg("-i").output();
    let _ = user.command("wineserver").arg("-w").status();

    ok(
        &user.wine(&[&installer.to_string_lossy(), "/S"]),
        "the installer with /S",
    );
    let home = user.home();
    let folder = home.join("AppData/Local/Programs/Argmap");
    let exe = folder.join("argmap.exe");
    assert!(exe.is_file(), "argmap.exe is in {}", folder.display());
    for name in shipped_maps() {
        assert!(
            folder.join("maps").join(&name).is_file(),
            "{name} installed"
        );
    }
    let shortcut = home.join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Argmap.lnk");
    assert!(shortcut.is_file(), "the Start-menu shortcut");

    let version = user.wine(&[&exe.to_string_lossy(), "--version"]);
    assert_eq!(
        ok(&version, "argmap.exe --version").trim(),
        format!("argmap {VERSION}")
    );

    // Maps open with Argmap, registered for this user only.
    let command = user.registry_value(r"HKCU\Software\Classes\Argmap.Map\shell\open\command");
    assert!(command.contains(r#"argmap.exe" "%1""#), "{command}");
    let ron = user.registry_value(r"HKCU\Software\Classes\.ron\OpenWithProgids");
    assert!(ron.contains("Argmap.Map"), "{ron}");
    let uninstall = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Argmap";
    assert!(
        user.registry_value(uninstall)
            .contains("QuietUninstallString")
    );
    assert!(!user.registry_has(r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Argmap"));

    // A map a student saved into the maps folder is theirs: it stays.
    let own = folder.join("maps").join("my-own-map.ron");
    std::fs::write(&own, "a student's map").expect("write");
    ok(
        &user.wine(&[&folder.join("Uninstall Argmap.exe").to_string_lossy(), "/S"]),
        "the uninstaller with /S",
    );
    assert!(!exe.exists(), "argmap.exe removed");
    assert!(!folder.join("Uninstall Argmap.exe").exists());
    for name in shipped_maps() {
        assert!(!folder.join("maps").join(&name).exists(), "{name} removed");
    }
    assert!(own.is_file(), "the student's own map stays");
    assert!(!shortcut.exists(), "the shortcut removed");
    for key in [
        r"HKCU\Software\Classes\Argmap.Map",
        r"HKCU\Software\Classes\.ron",
        r"HKCU\Software\Classes\Applications\argmap.exe",
        uninstall,
    ] {
        assert!(!user.registry_has(key), "{key} removed");
    }
}

/// The Mac bundle is made on a Mac, but what it declares is checked here:
/// the document type for maps and the version the bundle script fills in.
#[test]
fn the_mac_bundle_declares_argmap_maps() {
    let root = env!("CARGO_MANIFEST_DIR");
    let plist = std::fs::read_to_string(format!("{root}/packaging/macos/Info.plist"))
        .expect("the bundle's Info.plist");
    let doc = roxmltree::Document::parse_with_options(
        &plist,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("Info.plist is XML");
    let strings: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("string"))
        .filter_map(|n| n.text())
        .collect();
    for wanted in ["org.argmap.map", "ron", "@VERSION@", "argmap", "Editor"] {
        assert!(strings.contains(&wanted), "{wanted} in Info.plist");
    }
    let script = std::fs::read_to_string(format!("{root}/packaging/macos/bundle")).expect("script");
    assert!(script.contains("s/@VERSION@/$version/g"));
}
