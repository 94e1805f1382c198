//! The README is the user's manual: its shortcut table must match the
//! command table the app is built from.

use argmap::app::Command;
use egui::ModifierNames;

#[test]
fn the_readme_lists_every_keyboard_shortcut() {
    let readme = include_str!("../README.md");
    let table = readme
        .split("### Keyboard shortcuts")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Keyboard shortcuts section");
    for command in Command::ALL {
        for shortcut in command
            .shortcut()
            .into_iter()
            .chain(command.alternatives().iter().copied())
        {
            let mut keys = ModifierNames::NAMES.format(&shortcut.modifiers, false);
            if !keys.is_empty() {
                keys.push('+');
            }
            // The README writes the minus key as the hyphen on the keycap.
            keys.push_str(&shortcut.logical_key.symbol_or_name().replace('−', "-"));
            let written = table.lines().any(|line| {
                line.starts_with('|')
                    && line
                        .split(['|', '/'])
                        .flat_map(|cell| cell.split(" or "))
                        .any(|cell| cell.trim() == keys)
            });
            assert!(
                written,
                "{} ({keys}) is missing from the README",
                command.label()
            );
        }
    }
}
