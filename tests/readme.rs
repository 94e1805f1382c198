//! The README is the user's manual: its shortcut table must match the
//! command table the app is built from.

use argmap::app::Command;

#[test]
fn the_readme_lists_every_keyboard_shortcut() {
    let readme = include_str!("../README.md");
    let table = readme
        .split("### Keyboard shortcuts")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Keyboard shortcuts section");
    for command in Command::all() {
        for shortcut in command
            .shortcut()
            .into_iter()
            .chain(command.alternatives().iter().copied())
        {
            // The README writes the minus key as the hyphen on the keycap.
            let keys = argmap::app::commands::shortcut_text(&shortcut, false).replace('−', "-");
            let written = table.lines().any(|line| {
                line.starts_with('|')
                    && line
                        .split(|c: char| c == '|' || c == '/' || c.is_whitespace())
                        .any(|token| token == keys)
            });
            assert!(
                written,
                "{} ({keys}) is missing from the README",
                command.label()
            );
        }
    }
}
