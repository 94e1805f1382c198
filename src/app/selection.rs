//! What is selected on the canvas. View state: never saved in the map.

use crate::model::{ClaimId, LinkId, Map};

/// Selected claims in the order they were picked (the last one is the target
/// when linking), and selected links.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    pub claims: Vec<ClaimId>,
    pub links: Vec<LinkId>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty() && self.links.is_empty()
    }

    pub fn has_claim(&self, id: ClaimId) -> bool {
        self.claims.contains(&id)
    }

    pub fn has_link(&self, id: LinkId) -> bool {
        self.links.contains(&id)
    }

    pub fn only_claim(&mut self, id: ClaimId) {
        self.claims = vec![id];
        self.links.clear();
    }

    pub fn only_link(&mut self, id: LinkId) {
        self.claims.clear();
        self.links = vec![id];
    }

    pub fn toggle_claim(&mut self, id: ClaimId) {
        if let Some(at) = self.claims.iter().position(|&c| c == id) {
            self.claims.remove(at);
        } else {
            self.claims.push(id);
        }
    }

    pub fn toggle_link(&mut self, id: LinkId) {
        if let Some(at) = self.links.iter().position(|&l| l == id) {
            self.links.remove(at);
        } else {
            self.links.push(id);
        }
    }

    pub fn add_claim(&mut self, id: ClaimId) {
        if !self.has_claim(id) {
            self.claims.push(id);
        }
    }

    pub fn clear(&mut self) {
        self.claims.clear();
        self.links.clear();
    }

    /// The one selected claim, when exactly one claim and no link is selected.
    pub fn single_claim(&self) -> Option<ClaimId> {
        match (self.claims.as_slice(), self.links.is_empty()) {
            ([one], true) => Some(*one),
            _ => None,
        }
    }

    pub fn single_link(&self) -> Option<LinkId> {
        match (self.links.as_slice(), self.claims.is_empty()) {
            ([one], true) => Some(*one),
            _ => None,
        }
    }

    /// Drops ids that no longer exist (after undo, delete or opening a map).
    pub fn prune(&mut self, map: &Map) {
        self.claims.retain(|&id| map.claim(id).is_some());
        self.links.retain(|&id| map.link(id).is_some());
    }
}
