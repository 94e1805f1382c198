//! Finding claims by their words, for Find claim on maps too large to scan
//! by eye.

use crate::model::{ClaimId, Map};

/// The claims whose text or label holds every word of `query` (ignoring
/// case), in map order, at most `limit` of them, and how many there are in
/// all. An empty query finds nothing.
pub fn claims_with_words(map: &Map, query: &str, limit: usize) -> (Vec<ClaimId>, usize) {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return (Vec::new(), 0);
    }
    let mut found = Vec::new();
    let mut total = 0;
    for claim in &map.claims {
        let text = claim.text.to_lowercase();
        let label = claim.label.to_lowercase();
        if words.iter().all(|w| text.contains(w) || label.contains(w)) {
            total += 1;
            if found.len() < limit {
                found.push(claim.id);
            }
        }
    }
    (found, total)
}
