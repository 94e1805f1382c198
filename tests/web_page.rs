//! The browser build in a real browser: the page, served from 127.0.0.1,
//! opens on the debate map; Ctrl+O opens the page's file picker and the
//! picked map; a dropped map opens; an edit is kept in the browser's
//! storage; Ctrl+S saves as a download; leaving with unsaved work asks
//! first, and the next visit offers it back; `?map=URL` opens a linked map; and the console shows no error.
//! The steps are in tests/browser/page.cjs (headless Chromium through
//! playwright-core); this test serves the page and checks the results.
//!
//! Needs `ARGMAP_WEB_DIR` (the folder `web/build` writes), Node with
//! playwright-core on `NODE_PATH`, and Chromium; `.ci/run` provides them and
//! sets ARGMAP_REQUIRE_WEB, which makes their absence a failure. Elsewhere
//! the test says what it needs and passes.

#![cfg(target_os = "linux")]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;

const MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/maps");

/// Serves the files under `root` over HTTP on 127.0.0.1, on a free port,
/// for as long as the test runs.
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || answer(stream, &root));
        }
    });
    format!("http://{address}/")
}

fn answer(mut stream: TcpStream, root: &Path) {
    let mut request = String::new();
    let mut reader = BufReader::new(&stream);
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The rest of the request's head says nothing a static file needs.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let target = target.split(['?', '#']).next().unwrap_or("/");
    let relative = if target == "/" {
        "index.html"
    } else {
        target.trim_start_matches('/')
    };
    let file = root.join(relative);
    let inside = !relative.split('/').any(|part| part == "..");
    let (status, kind, body) = match std::fs::read(&file) {
        Ok(body) if inside => ("200 OK", content_type(&file), body),
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("png") => "image/png",
        _ => "text/plain; charset=utf-8",
    }
}

fn have_node_with_playwright() -> bool {
    Command::new("node")
        .args(["-e", "require('playwright-core')"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn the_page_opens_edits_saves_and_shares_maps_in_a_real_browser() {
    let dist = std::env::var_os("ARGMAP_WEB_DIR").map(PathBuf::from);
    let ready = dist
        .as_ref()
        .is_some_and(|d| d.join("index.html").is_file() && d.join("argmap_bg.wasm").is_file());
    let chromium =
        std::env::var_os("CHROMIUM").map_or_else(|| "/usr/bin/chromium".into(), PathBuf::from);
    if !common::extras::available(
        ready && chromium.is_file() && have_node_with_playwright(),
        "ARGMAP_REQUIRE_WEB",
        "needs ARGMAP_WEB_DIR (from web/build), Chromium and Node with playwright-core; .ci/run provides them",
    ) {
        return;
    }
    let dist = dist.expect("checked above");

    // The page and, beside it, the maps a link can name.
    let root = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(&dist).expect("the web build") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, root.path().join(path.file_name().expect("name"))).expect("copy");
    }
    std::fs::create_dir(root.path().join("maps")).expect("folder");
    let linked = "kimmage-kramer-wider.ron";
    std::fs::copy(
        Path::new(MAPS).join(linked),
        root.path().join("maps").join(linked),
    )
    .expect("copy");
    let url = serve(root.path().to_path_buf());

    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("web-page");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).expect("folder");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/browser/page.cjs");
    let run = Command::new("node")
        .arg(script)
        .arg(&url)
        .arg(&out)
        .arg(Path::new(MAPS).join("kimmage-alone.ron"))
        .arg(Path::new(MAPS).join("kramer-alone.ron"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let said =
        String::from_utf8_lossy(&run.stdout).into_owned() + &String::from_utf8_lossy(&run.stderr);
    eprintln!("{said}\nscreenshots in {}", out.display());
    assert!(
        run.status.success(),
        "the page failed in the browser:\n{said}"
    );

    for shot in [
        "web-debate.png",
        "web-picked.png",
        "web-recovery.png",
        "web-linked.png",
    ] {
        let colours = common::display::distinct_colours(&out.join(shot));
        assert!(
            colours > 50,
            "{shot} has only {colours} colours: the page drew nothing"
        );
    }

    // The download is the map as Argmap saves it: it reads back, and it
    // holds the edit (every claim moved right) made before Ctrl+S.
    let saved = argmap::format::load(&out.join("kramer-alone.ron")).expect("the download is a map");
    let original = argmap::format::load(&Path::new(MAPS).join("kramer-alone.ron")).expect("map");
    assert_eq!(saved.claims.len(), original.claims.len());
    assert!(
        saved
            .claims
            .iter()
            .zip(&original.claims)
            .all(|(s, o)| s.text == o.text && s.pos.x > o.pos.x),
        "every claim moved right, and nothing else changed in their text"
    );
}

/// The module a visitor downloads stays at most 3 MB gzipped, and the
/// compressed copies `web/build` writes beside each file are the same bytes.
#[test]
fn the_module_is_at_most_three_megabytes_gzipped() {
    let dist = std::env::var_os("ARGMAP_WEB_DIR").map(PathBuf::from);
    let ready = dist
        .as_ref()
        .is_some_and(|d| d.join("argmap_bg.wasm.gz").is_file());
    if !common::extras::available(
        ready,
        "ARGMAP_REQUIRE_WEB",
        "needs ARGMAP_WEB_DIR (from web/build); .ci/run provides it",
    ) {
        return;
    }
    let dist = dist.expect("checked above");
    let gzipped = std::fs::metadata(dist.join("argmap_bg.wasm.gz"))
        .expect("the gzipped module")
        .len();
    eprintln!("the module is {gzipped} bytes gzipped");
    assert!(
        gzipped <= 3_000_000,
        "the module is {gzipped} bytes gzipped, over 3 MB"
    );
    for file in ["index.html", "argmap.js", "argmap_bg.wasm"] {
        let plain = std::fs::read(dist.join(file)).expect("the file");
        let unzipped = Command::new("gzip")
            .arg("-dc")
            .arg(dist.join(format!("{file}.gz")))
            .output()
            .expect("gzip runs");
        assert!(unzipped.status.success(), "{file}.gz is not gzip");
        assert!(unzipped.stdout == plain, "{file}.gz holds other bytes");
    }
}
