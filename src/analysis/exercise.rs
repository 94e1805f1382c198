//! Starter maps for students, made from a model answer: every claim
//! without its links, or only the main contentions.

use crate::model::{ClaimId, Map};

/// What a starter map for students keeps of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exercise {
    /// Every claim, no links: students draw the arguments.
    ClaimsOnly,
    /// Only the main contentions (claims that support nothing further): students find the reasons.
    MainContentions,
}

/// A starter map made from a model answer, with the sources kept.
pub fn exercise(model: &Map, kind: Exercise) -> Map {
    let mut map = model.clone();
    map.links.clear();
    if kind == Exercise::MainContentions {
        let reasons: std::collections::HashSet<ClaimId> = model
            .links
            .iter()
            .filter(|l| l.kind.is_support())
            .flat_map(|l| l.premises.iter().copied())
            .collect();
        map.claims.retain(|c| !reasons.contains(&c.id));
    }
    // The teacher's notes and what-if pins are part of the answer.
    map.claims.iter_mut().for_each(|c| {
        c.note.clear();
        c.pin = None;
    });
    map.title = format!("Exercise: {}", model.title);
    map.description = match kind {
        Exercise::ClaimsOnly => "Every claim of the model map is here, without its links. Link them: which claims support or rebut which?".to_owned(),
        Exercise::MainContentions => "Only the main contentions are here. Read the articles, drag in the reasons each author gives, and link them.".to_owned(),
    };
    map
}
