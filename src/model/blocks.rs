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
