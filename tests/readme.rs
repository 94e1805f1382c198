//! The README is the user's manual: its shortcut table is the command
//! table the app is built from, row for row.

use argmap::app::commands::shortcut_table;

#[test]
fn the_readme_lists_every_keyboard_shortcut_beside_its_command() {
    let readme = include_str!("../README.md");
    let expected = shortcut_table();
    assert!(
        readme.contains(&expected),
        "the README's shortcut table differs from the command table; it should read:\n\n{expected}"
    );
}
