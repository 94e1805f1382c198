//! Text inside XML (the SVG export): one escaping function for element text
//! and attribute values alike, so whatever a claim says comes back exactly
//! from any XML reader. XML 1.0 cannot carry most control characters even
//! as references; those become U+FFFD, the replacement character.

/// Whether XML 1.0 allows the character at all.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// What a reader gets back from [`escape`]d text: the text, with characters
/// XML cannot hold replaced.
pub fn representable(text: &str) -> String {
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect()
}

/// `text` ready to stand between tags or inside a quoted attribute. Tab,
/// newline and carriage return are written as references, because readers
/// normalise them otherwise (a newline in an attribute reads back as a space).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}
