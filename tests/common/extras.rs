//! Tests that need something beyond Rust (a GPU adapter, an X server,
//! other tools' readers, Wine, Chromium) run where it is there and skip
//! elsewhere, saying so where a developer sees it, in `cargo test`'s own
//! output, even though the test then passes. CI sets the test's
//! `ARGMAP_REQUIRE_…` variable, which turns a skip into a failure.

use std::io::Write;

/// Whether the extra is `present`. When it is not, the test is to skip:
/// a failure if `require` is set in the environment, else one line on
/// standard error (written past the test harness's capture, so it shows).
pub fn available(present: bool, require: &str, needs: &str) -> bool {
    if present {
        return true;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{require} is set, but this test {needs}"
    );
    let test = std::thread::current().name().unwrap_or("a test").to_owned();
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED {test}: it {needs} (set {require} to make this a failure)"
    );
    false
}
