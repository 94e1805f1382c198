//! Finding and selecting passages in a source's text: every match of some
//! words, the word around a point, a selection widened to whole words.

/// Every place `query` occurs in `text`, ignoring case, as byte ranges.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    let query: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    if query.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        if let Some(end) = match_at(text, from, &query) {
            found.push((from, end));
            from = end;
        } else {
            from += text[from..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// If `query` (already lower-cased) matches `text` at byte `start`, the byte where the match ends.
fn match_at(text: &str, start: usize, query: &[char]) -> Option<usize> {
    let mut wanted = query.iter();
    let mut end = start;
    for c in text[start..].chars() {
        for lower in c.to_lowercase() {
            if wanted.next() != Some(&lower) {
                return None;
            }
        }
        end += c.len_utf8();
        if wanted.len() == 0 {
            return Some(end);
        }
    }
    None
}

/// The word around byte `at` (letters, digits and apostrophes), as a byte range.
pub fn word_at(text: &str, at: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_alphanumeric() || c == '’' || c == '\'' || c == '-';
    let at = at.min(text.len());
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// A selection widened to whole words: an end that falls inside a word
/// moves to that word's edge, so a loose drag never quotes half a word; an
/// end just before a sentence's closing mark (a full stop, with any closing
/// quote or bracket) takes it in, so the quote keeps its sentence whole.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_alphanumeric() || c == '’' || c == '\'' || c == '-';
    let inside = |at: usize| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at..).and_then(|t| t.chars().next());
        before.is_some_and(is_word) && after.is_some_and(is_word)
    };
    let (start, end) = (start.min(text.len()), end.min(text.len()));
    if start >= end {
        return (start, end);
    }
    let start = if inside(start) {
        word_at(text, start).0
    } else {
        start
    };
    let end = if inside(end) {
        word_at(text, end).1
    } else {
        end
    };
    (start, sentence_end(text, end))
}

/// `end` moved past the sentence's closing marks that follow it directly
/// (". ", "?” ", ".)") when they end the sentence; otherwise `end`.
fn sentence_end(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..) else {
        return end;
    };
    let ends_word = text
        .get(..end)
        .and_then(|t| t.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    let mut marks = 0;
    let mut stop = false;
    for c in rest.chars() {
        match c {
            '.' | '!' | '?' | '…' => stop = true,
            '”' | '’' | '"' | '\'' | ')' | ']' if stop => {}
            _ => break,
        }
        marks += c.len_utf8();
    }
    let after = rest[marks..].chars().next();
    if ends_word && stop && after.is_none_or(char::is_whitespace) {
        end + marks
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_snaps_to_whole_words() {
        let text = "Truman’s one and only meeting with Stalin.";
        let cut = |a: &str, b: &str| {
            let start = text.find(a).expect("start");
            let end = text.find(b).expect("end") + b.len();
            let (s, e) = snap_to_words(text, start, end);
            &text[s..e]
        };
        // A drag from inside "Truman’s" to inside "meeting".
        assert_eq!(cut("uman", "meetin"), "Truman’s one and only meeting");
        // Ends already on word edges stay; so does punctuation outside words.
        assert_eq!(cut("one", "Stalin."), "one and only meeting with Stalin.");
        assert_eq!(snap_to_words(text, 5, 5), (5, 5));
        // A drag that stops just short of the full stop takes it in.
        assert_eq!(cut("one", "Stalin"), "one and only meeting with Stalin.");
        let quoted = "He said “talk won’t work.” Then he left.";
        let start = quoted.find("talk").expect("start");
        let end = quoted.find("work").expect("end") + 4;
        let (s, e) = snap_to_words(quoted, start, end);
        assert_eq!(&quoted[s..e], "talk won’t work.”");
        // A full stop inside a number or an abbreviation's middle is not an end.
        let number = "It rose 3.5 percent.";
        let end = number.find("3").expect("3") + 1;
        assert_eq!(snap_to_words(number, 0, end), (0, end));
    }

    #[test]
    fn find_ignores_case_and_returns_byte_ranges() {
        let text = "Putin’s regime. PUTIN’S friends. putin";
        let found = find_all(text, "putin’s");
        assert_eq!(found.len(), 2);
        for (s, e) in found {
            assert_eq!(text[s..e].to_lowercase(), "putin’s");
        }
        assert_eq!(find_all(text, "").len(), 0);
        assert_eq!(find_all("ÀB àb", "àb"), vec![(0, 3), (4, 7)]);
    }

    #[test]
    fn word_at_spans_curly_apostrophes() {
        let text = "the regime doesn’t abide";
        let at = text.find("sn").unwrap_or(0);
        let (s, e) = word_at(text, at);
        assert_eq!(&text[s..e], "doesn’t");
    }
}

/// Where a caret moved from byte `at` by the keyboard lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaretMove {
    /// One character on or back.
    Char(bool),
    /// To the end of this or the next word, or back to the start of this
    /// or the previous one.
    Word(bool),
    /// To the start or the end of the paragraph (block) it is in.
    BlockEdge(bool),
    /// To the start of the next or the previous paragraph (block).
    Block(bool),
}

/// The caret moved from `at` in `text`, whose paragraphs are `blocks`;
/// always on a character boundary within the text.
pub fn move_caret(text: &str, blocks: &[crate::model::Block], at: usize, how: CaretMove) -> usize {
    let is_word = |c: char| c.is_alphanumeric() || c == '’' || c == '\'' || c == '-';
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let block = blocks
        .iter()
        .position(|b| b.start <= at && at <= b.end)
        .or_else(|| blocks.iter().position(|b| b.start > at));
    match how {
        CaretMove::Char(true) => text[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
        CaretMove::Char(false) => text[..at]
            .chars()
            .next_back()
            .map_or(at, |c| at - c.len_utf8()),
        CaretMove::Word(true) => {
            let rest = &text[at..];
            let start = rest.find(is_word).unwrap_or(rest.len());
            let end = rest[start..]
                .find(|c: char| !is_word(c))
                .map_or(rest.len(), |i| start + i);
            at + end
        }
        CaretMove::Word(false) => {
            let before = &text[..at];
            let end = before.rfind(is_word).map_or(0, |i| {
                i + before[i..].chars().next().map_or(0, char::len_utf8)
            });
            before[..end]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_word(*c))
                .last()
                .map_or(end, |(i, _)| i)
        }
        CaretMove::BlockEdge(forward) => match block.and_then(|i| blocks.get(i)) {
            Some(b) if forward => b.end,
            Some(b) => b.start,
            None => at,
        },
        CaretMove::Block(true) => blocks
            .iter()
            .find(|b| b.start > at)
            .map_or_else(|| blocks.last().map_or(at, |b| b.end), |b| b.start),
        CaretMove::Block(false) => {
            // From inside a paragraph, first to its start; from its start, to the one before.
            let here = block.and_then(|i| blocks.get(i));
            match here {
                Some(b) if b.start < at => b.start,
                _ => blocks
                    .iter()
                    .rev()
                    .find(|b| b.start < at)
                    .map_or(at, |b| b.start),
            }
        }
    }
}
