//! Lines into paragraphs: the one step every reader shares. Plain text and
//! Markdown arrive hard-wrapped or a paragraph a line; a PDF's text arrives
//! a printed line at a time, with words split by a hyphen at line ends.

// The hyphen judge serves the PDF reader, which the browser build leaves out.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

use super::{About, Kind, Reading};
use std::collections::HashSet;

/// A line longer than this was not wrapped by hand or by an editor: text
/// pasted from a browser puts a whole paragraph on one line.
const WRAPPED_LINE: usize = 120;

/// Plain text or Markdown: blank lines part paragraphs; the lines of one
/// paragraph are joined with a space; Markdown headings (`#`, `##`…) and
/// list items (`-`, `*`, `+`) start paragraphs of their own. Text with no
/// blank line at all is a paragraph a line unless its lines are wrapped.
pub fn read_text(text: &str) -> Reading {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let has_blank = lines.iter().any(|l| l.trim().is_empty());
    let mut paragraphs = Vec::new();
    for block in lines.split(|l| l.trim().is_empty()) {
        let block: Vec<&str> = block.iter().map(|l| l.trim_start()).collect();
        if block.is_empty() {
            continue;
        }
        let one_a_line = block[..block.len() - 1]
            .iter()
            .any(|l| l.chars().count() > WRAPPED_LINE)
            || (!has_blank && !looks_wrapped(&block));
        let mut current: Vec<&str> = Vec::new();
        // Whether the last paragraph is a list item a wrapped line continues.
        let mut in_item = false;
        for line in block {
            if let Some(paragraph) = markdown_block(line) {
                flush(&mut current, &mut paragraphs);
                in_item = paragraph.starts_with("- ");
                paragraphs.push(paragraph);
            } else if one_a_line {
                flush(&mut current, &mut paragraphs);
                paragraphs.push(line.trim().to_owned());
                in_item = false;
            } else if in_item && let Some(item) = paragraphs.last_mut() {
                item.push(' ');
                item.push_str(line.trim());
            } else {
                current.push(line);
            }
        }
        flush(&mut current, &mut paragraphs);
    }
    Reading {
        kind: Kind::Text,
        about: About {
            title: paragraphs
                .iter()
                .find_map(|p: &String| p.strip_prefix("# "))
                .unwrap_or("")
                .to_owned(),
            ..About::default()
        },
        paragraphs,
        dropped: Vec::new(),
    }
}

/// A heading or list item in Argmap's own spelling (`# `, `- `), or None
/// for an ordinary line.
fn markdown_block(line: &str) -> Option<String> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = &line[hashes..];
        if rest.starts_with(' ') {
            return Some(format!("# {}", rest.trim()));
        }
    }
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some(format!("- {}", rest.trim()));
        }
    }
    None
}

fn flush(current: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    if !current.is_empty() {
        paragraphs.push(join_with_spaces(current));
        current.clear();
    }
}

fn join_with_spaces(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lines of about one width, most of them long: an editor's wrapping.
fn looks_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let full = widths.iter().filter(|&&w| w * 10 >= widest * 8).count();
    widest <= WRAPPED_LINE && full * 2 >= lines.len()
}

/// The words a document uses, to tell a word split at a line end
/// ("diplo-" "macy") from a compound that was written with its hyphen
/// ("open-" "minded").
#[derive(Default)]
pub struct Vocabulary {
    words: HashSet<String>,
}

/// Heads of compounds English writers usually hyphenate; a line-end hyphen
/// after one is kept unless the document spells the word joined elsewhere.
const COMPOUND_HEADS: &[&str] = &[
    "self", "well", "ex", "all", "half", "ill", "quasi", "so", "over", "non", "cross",
];

/// Tails of compounds English writers hyphenate ("rules-based",
/// "Western-led"); a line-end hyphen before one is kept, as above.
const COMPOUND_TAILS: &[&str] = &[
    "based",
    "led",
    "driven",
    "oriented",
    "related",
    "backed",
    "sponsored",
    "owned",
    "centric",
    "minded",
    "level",
    "scale",
    "term",
];

/// Prefixes that close up with the word after them ("understanding").
const CLOSED_PREFIXES: &[&str] = &[
    "under", "inter", "counter", "super", "after", "outer", "upper",
];

impl Vocabulary {
    pub fn of<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let mut words = HashSet::new();
        for line in lines {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            // A line's last token may be half a word; it is not evidence.
            let whole = tokens.len().saturating_sub(1);
            for token in &tokens[..whole] {
                let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Self { words }
    }

    /// Joins a printed paragraph's lines into one: a space between lines,
    /// none after a dash that ends a line, and a line-end hyphen taken out
    /// where it only split a word.
    pub fn join(&self, lines: &[String]) -> String {
        let mut out = String::new();
        for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            if out.is_empty() {
                out.push_str(line);
                continue;
            }
            if out.ends_with('-') && self.split_word(&out, line) {
                out.pop();
            } else if !ends_in_a_break(&out) {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }

    /// Whether `before`'s last word, ending in a hyphen, and `after`'s
    /// first are one word split at the line's end.
    fn split_word(&self, before: &str, after: &str) -> bool {
        let head = before[..before.len() - 1]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let tail: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        if head.is_empty() || tail.is_empty() {
            return false;
        }
        // Addresses are broken at their own hyphens, never hyphenated.
        let token = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if token.contains('/') || token.contains("www.") || token.contains('@') {
            return false;
        }
        let hyphenated = format!("{head}-{tail}").to_lowercase();
        let joined = format!("{head}{tail}").to_lowercase();
        if self.words.contains(&hyphenated) {
            return false;
        }
        if self.words.contains(&joined) {
            return true;
        }
        // After a prefix writers hyphenate ("self-", "over-") a whole-looking
        // rest is taken as a compound: the break fell on its own hyphen.
        if COMPOUND_HEADS.contains(&head.to_lowercase().as_str()) && tail.chars().count() >= 4 {
            return false;
        }
        if head.chars().count() >= 3 && COMPOUND_TAILS.contains(&tail.to_lowercase().as_str()) {
            return false;
        }
        // A noun before a whole "-ing" word ("burden-" "sharing",
        // "decision-" "making"); prefixes that close up are left out.
        let lower_head = head.to_lowercase();
        let is_vowel = |c: Option<char>| c.is_some_and(|c| "aeiouy".contains(c));
        if head.chars().count() >= 5
            && tail.chars().count() >= 6
            && tail.ends_with("ing")
            && !is_vowel(lower_head.chars().last())
            && !CLOSED_PREFIXES.contains(&lower_head.as_str())
        {
            return false;
        }
        // Two words the document uses on their own ("long" "standing"):
        // a break at a compound's hyphen, where a split word's halves are
        // rarely words. Common closed compounds were caught above, spelled
        // whole elsewhere in the document.
        if head.chars().count() >= 3
            && tail.chars().count() >= 3
            && self.words.contains(&head.to_lowercase())
            && self.words.contains(&tail.to_lowercase())
        {
            return false;
        }
        // A capital after the break ("Trump-" "Putin") is a compound's.
        tail.chars().next().is_some_and(char::is_lowercase)
    }
}

/// A line that ends in a dash straight after a word ("nothing—") runs on
/// into the next without a space; a hyphen is decided by the caller.
fn ends_in_a_break(text: &str) -> bool {
    let mut chars = text.chars().rev();
    matches!(chars.next(), Some('—' | '–' | '-' | '/'))
        && chars.next().is_some_and(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        read_text(text).paragraphs
    }

    #[test]
    fn hard_wrapped_markdown_is_rejoined() {
        let text = "# Talks\n\nDialogue with Moscow\nhas never been easy.\n\n- one item\n- two\nitems\n\nLast.";
        assert_eq!(
            paragraphs(text),
            [
                "# Talks",
                "Dialogue with Moscow has never been easy.",
                "- one item",
                "- two items",
                "Last."
            ]
        );
        assert_eq!(read_text(text).about.title, "Talks");
    }

    #[test]
    fn pasted_text_keeps_a_paragraph_a_line() {
        let long = "word ".repeat(40);
        let text = format!("{long}\n{long}\nShort closing line.");
        assert_eq!(paragraphs(&text).len(), 3);
    }

    #[test]
    fn wrapped_text_without_blank_lines_breaks_at_short_lines() {
        let text = "This paragraph was wrapped by an editor at\n\
                    about forty-five characters a line, as\n\
                    plain text mail used to be.";
        assert_eq!(paragraphs(text).len(), 1);
    }

    /// Two lines joined as a document whose words are `words` joins them.
    fn joiner(words: &str) -> impl Fn(&str, &str) -> String {
        let vocabulary = Vocabulary::of([words, "x"]);
        move |a, b| vocabulary.join(&[a.to_owned(), b.to_owned()])
    }

    #[test]
    fn line_end_hyphens_are_judged_by_the_document_s_own_words() {
        let join = joiner("an open-minded reader of diplomacy today");
        assert_eq!(
            join("patient diplo-", "macy works"),
            "patient diplomacy works"
        );
        assert_eq!(join("an open-", "minded view"), "an open-minded view");
        assert_eq!(join("the Trump-", "Putin summit"), "the Trump-Putin summit");
        assert_eq!(join("nothing—", "neither"), "nothing—neither");
        assert_eq!(join("a plain", "join"), "a plain join");
        assert_eq!(join("a dash —", "spaced"), "a dash — spaced");
        assert_eq!(
            join("appearing over-", "eager now"),
            "appearing over-eager now"
        );
        assert_eq!(join("a self-", "made case"), "a self-made case");
        assert_eq!(join("a rules-", "based order"), "a rules-based order");
        assert_eq!(join("the misbe-", "haviour"), "the misbehaviour");
        let join = joiner("a long time standing here");
        assert_eq!(join("a long-", "standing rift"), "a long-standing rift");
        assert_eq!(join("a lengthy stan-", "ding"), "a lengthy standing");
        assert_eq!(join("more burden-", "sharing"), "more burden-sharing");
        assert_eq!(join("mis", "understanding"), "mis understanding");
        assert_eq!(join("an under-", "standing"), "an understanding");
        assert_eq!(join("destabi-", "lizing"), "destabilizing");
        assert_eq!(
            join("https://example.org/maryland-long-", "island.html"),
            "https://example.org/maryland-long-island.html"
        );
    }
}
