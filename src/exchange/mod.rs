//! Maps in other tools' formats: AIF JSON (OVA, AIFdb) in and out, Argdown
//! out (with a reader for what Argmap writes), Graphviz DOT out, and SVG and
//! PNG images.

pub mod aif;
pub mod argdown;
pub mod dot;
pub mod files;
pub mod image;

/// A wrapped, one-line version of `text` for labels: words joined into lines
/// of at most `width` characters.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
