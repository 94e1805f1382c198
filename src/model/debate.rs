//! A new debate as File ▸ New debate… plans it: the question, its sides
//! and each side's articles, and the map it starts as.

use super::{Claim, ClaimId, MAX_LABEL_CHARS, Map, Point, Source};

/// How far apart the sides' columns start, in canvas units: a card's
/// width and room for the rebuttals between.
pub const COLUMN_GAP: f32 = 360.0;

/// The question and its sides, before the map is made.
#[derive(Clone, Debug, PartialEq)]
pub struct DebatePlan {
    pub question: String,
    pub sides: Vec<SidePlan>,
}

/// One side of a debate: its name, its main contention if the teacher
/// already knows it, and the articles that argue it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SidePlan {
    pub name: String,
    pub contention: String,
    pub articles: Vec<Source>,
}

impl Default for DebatePlan {
    /// Two sides, named as most classroom motions are argued.
    fn default() -> Self {
        Self {
            question: String::new(),
            sides: vec![SidePlan::named("For"), SidePlan::named("Against")],
        }
    }
}

impl SidePlan {
    pub fn named(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            ..Self::default()
        }
    }

    /// The side's main contention as its card says it: what the teacher
    /// wrote, or a place-holder saying what belongs there.
    fn contention_text(&self) -> String {
        match self.contention.trim() {
            "" => format!(
                "Main contention of “{}”: write it here, or drag it from one of the side's articles",
                self.name.trim()
            ),
            written => written.to_owned(),
        }
    }
}

impl DebatePlan {
    /// What still stops the debate from being made, in a sentence; `None`
    /// when it is ready.
    pub fn missing(&self) -> Option<String> {
        if self.question.trim().is_empty() {
            return Some("Write the question the debate is about".to_owned());
        }
        if self.sides.len() < 2 {
            return Some("A debate needs two sides or more".to_owned());
        }
        if let Some(n) = self.sides.iter().position(|s| s.name.trim().is_empty()) {
            return Some(format!("Name side {}", n + 1));
        }
        let mut names: Vec<String> = self
            .sides
            .iter()
            .map(|s| s.name.trim().to_lowercase())
            .collect();
        names.sort();
        if names.windows(2).any(|w| w[0] == w[1]) {
            return Some("Give each side a different name".to_owned());
        }
        None
    }

    /// Every article of every side.
    pub fn articles(&self) -> impl Iterator<Item = &Source> {
        self.sides.iter().flat_map(|s| s.articles.iter())
    }

    /// The map the debate starts as: titled with the question, every side's
    /// articles as its sources (each marked with its side), and one card
    /// per side for its main contention, side by side in the order the
    /// sides were given, so each side's claims gather under its own.
    pub fn to_map(&self) -> Map {
        let question = self.question.trim();
        let mut sources: Vec<Source> = Vec::new();
        for side in &self.sides {
            for article in &side.articles {
                let mut article = article.clone();
                if article.stance.trim().is_empty() {
                    article.stance = side.name.trim().to_owned();
                }
                sources.push(article);
            }
        }
        sources.sort_by(|a, b| a.id.cmp(&b.id));
        sources.dedup_by(|a, b| a.id == b.id);
        let left = -COLUMN_GAP * (self.sides.len().saturating_sub(1)) as f32 / 2.0;
        let claims = self
            .sides
            .iter()
            .enumerate()
            .map(|(i, side)| Claim {
                id: ClaimId(i as u64 + 1),
                text: side.contention_text(),
                label: side.name.trim().chars().take(MAX_LABEL_CHARS).collect(),
                pos: Point::new(left + COLUMN_GAP * i as f32, 0.0),
                note: String::new(),
                quote: None,
                pin: None,
            })
            .collect();
        let sides: Vec<&str> = self.sides.iter().map(|s| s.name.trim()).collect();
        Map {
            title: question.to_owned(),
            description: format!("A debate between {}.", join_names(&sides)),
            sources,
            claims,
            links: Vec::new(),
            steps: Vec::new(),
        }
    }
}

/// "A, B and C".
fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{SourceId, validate};

    fn article(id: &str) -> Source {
        Source {
            id: SourceId::new(id),
            title: format!("Article {id}"),
            authors: vec!["A. Writer".to_owned()],
            publication: String::new(),
            date: String::new(),
            stance: String::new(),
            text: "One paragraph.\n\nAnother.".to_owned(),
        }
    }

    #[test]
    fn a_plan_names_what_it_still_needs() {
        let mut plan = DebatePlan::default();
        assert_eq!(
            plan.missing().as_deref(),
            Some("Write the question the debate is about")
        );
        plan.question = "Should schools ban phones?".to_owned();
        assert_eq!(plan.missing(), None);
        plan.sides[1].name = " for ".to_owned();
        assert_eq!(
            plan.missing().as_deref(),
            Some("Give each side a different name")
        );
        plan.sides[1].name = "  ".to_owned();
        assert_eq!(plan.missing().as_deref(), Some("Name side 2"));
        plan.sides.truncate(1);
        assert_eq!(
            plan.missing().as_deref(),
            Some("A debate needs two sides or more")
        );
    }

    #[test]
    fn the_map_has_a_card_per_side_and_every_article() {
        let mut plan = DebatePlan {
            question: " Should schools ban phones? ".to_owned(),
            sides: vec![
                SidePlan::named("Ban them"),
                SidePlan::named("Teach with them"),
                SidePlan::named("Leave it to parents"),
            ],
        };
        plan.sides[0].contention = "Phones harm attention.".to_owned();
        plan.sides[0].articles.push(article("zeta"));
        plan.sides[2].articles.push(article("alpha"));
        let map = plan.to_map();
        assert!(validate(&map).is_empty(), "{:?}", validate(&map));
        assert_eq!(map.title, "Should schools ban phones?");
        assert_eq!(
            map.description,
            "A debate between Ban them, Teach with them and Leave it to parents."
        );
        let ids: Vec<&str> = map.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["alpha", "zeta"], "sources are kept sorted by id");
        assert_eq!(map.sources[0].stance, "Leave it to parents");
        assert_eq!(map.sources[1].stance, "Ban them");
        assert_eq!(map.claims.len(), 3);
        assert_eq!(map.claims[0].text, "Phones harm attention.");
        assert!(map.claims[1].text.contains("“Teach with them”"));
        assert_eq!(map.claims[2].label, "Leave it to parents");
        // Side by side, left to right, centred on the origin.
        let xs: Vec<f32> = map.claims.iter().map(|c| c.pos.x).collect();
        assert_eq!(xs, [-COLUMN_GAP, 0.0, COLUMN_GAP]);
        assert!(map.claims.iter().all(|c| c.pos.y == 0.0));
    }

    #[test]
    fn an_article_keeps_the_stance_it_came_with() {
        let mut plan = DebatePlan {
            question: "Q?".to_owned(),
            ..DebatePlan::default()
        };
        let mut own = article("own");
        own.stance = "Argues for a middle way".to_owned();
        plan.sides[0].articles.push(own);
        assert_eq!(plan.to_map().sources[0].stance, "Argues for a middle way");
    }
}
