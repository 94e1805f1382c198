//! A source's text as the reader shows it and coverage counts it: blocks
//! separated by a blank line, each a paragraph, a heading (`# `) or a list
//! item (`- `), as byte ranges of the text.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    Item,
}

/// One block. `start..end` is the shown text, after any `# ` or `- ` marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// The blocks of a source's text, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split("\n\n") {
        let piece_start = offset;
        offset += piece.len() + 2;
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if body.is_empty() {
            continue;
        }
        let start = piece_start + lead;
        let (kind, marker) = if body.starts_with("# ") {
            (BlockKind::Heading, 2)
        } else if body.starts_with("- ") {
            (BlockKind::Item, 2)
        } else {
            (BlockKind::Paragraph, 0)
        };
        out.push(Block {
            kind,
            start: start + marker,
            end: start + body.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_byte_offsets_into_the_text() {
        let text = "# Heading\n\nIt’s a “quote” — here.\n\n- one item\n\nLast.";
        let found = blocks(text);
        let shown: Vec<&str> = found.iter().map(|b| &text[b.start..b.end]).collect();
        assert_eq!(
            shown,
            ["Heading", "It’s a “quote” — here.", "one item", "Last."]
        );
        let kinds: Vec<BlockKind> = found.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Item,
                BlockKind::Paragraph
            ]
        );
    }
}
