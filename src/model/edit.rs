//! Every change to a map is an [`Edit`]. Applying one returns its exact inverse,
//! so undo and redo are plain stacks. Edits keep a valid map valid: one that
//! would break the map is refused and changes nothing.

use super::validate::{link_problems, quote_problem, reaches_itself, same_shape};
use super::{
    Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Problem, Source, SourceId, Step, Target,
};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddClaim(Claim),
    RemoveClaim(ClaimId),
    /// Replaces a claim's text, note and quote (its id stays; position is kept as given).
    ChangeClaim(Claim),
    /// Puts claims at new positions; a whole drag is one of these.
    MoveClaims(Vec<(ClaimId, Point)>),
    AddLink(Link),
    RemoveLink(LinkId),
    RetypeLink {
        link: LinkId,
        kind: LinkKind,
    },
    /// Swaps premise and target of a one-premise link between two claims.
    ReverseLink(LinkId),
    AddPremise {
        link: LinkId,
        claim: ClaimId,
    },
    RemovePremise {
        link: LinkId,
        claim: ClaimId,
    },
    SetLinkNote {
        link: LinkId,
        note: String,
    },
    /// Tags a link with an argument scheme (empty: untagged).
    SetScheme {
        link: LinkId,
        scheme: String,
    },
    /// Says which critical question of its target a link answers (empty: none).
    SetQuestion {
        link: LinkId,
        question: String,
    },
    SetMeta {
        title: String,
        description: String,
    },
    AddSource(Source),
    RemoveSource(SourceId),
    /// The presentation's steps in the order a teacher chose (empty: the
    /// order worked out from the map).
    SetSteps(Vec<Step>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
    /// Puts a whole other map in place, as a merge with a classmate's copy
    /// does: one step to undo. Refused unless the new map is valid.
    ReplaceMap(Box<Map>),
}

/// Why an edit was refused. The map is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    NoSuchClaim(ClaimId),
    NoSuchLink(LinkId),
    NoSuchSource(SourceId),
    ClaimIdTaken(ClaimId),
    LinkIdTaken(LinkId),
    SourceIdTaken(SourceId),
    ClaimHasLinks(ClaimId),
    LinkIsTargeted(LinkId),
    SourceIsQuoted(SourceId),
    NotReversible(LinkId),
    LastPremise(LinkId),
    NonFinitePosition(ClaimId),
    Breaks(Problem),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchClaim(id) => write!(f, "{id} does not exist"),
            Self::NoSuchLink(id) => write!(f, "{id} does not exist"),
            Self::NoSuchSource(id) => write!(f, "{id} does not exist"),
            Self::ClaimIdTaken(id) => write!(f, "{id} already exists"),
            Self::LinkIdTaken(id) => write!(f, "{id} already exists"),
            Self::SourceIdTaken(id) => write!(f, "{id} already exists"),
            Self::ClaimHasLinks(id) => write!(f, "{id} still has links"),
            Self::LinkIsTargeted(id) => write!(f, "{id} is the target of another link"),
            Self::SourceIsQuoted(id) => write!(f, "{id} is still quoted by a claim"),
            Self::NotReversible(id) => write!(
                f,
                "{id} cannot be reversed: only a link from one claim to one claim can"
            ),
            Self::LastPremise(id) => write!(f, "{id} needs at least one premise"),
            Self::NonFinitePosition(id) => {
                write!(f, "{id} would get a position that is not a number")
            }
            Self::Breaks(problem) => write!(f, "{problem}"),
        }
    }
}

impl std::error::Error for EditError {}

impl Edit {
    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, map: &mut Map) -> Result<Edit, EditError> {
        match self {
            Self::AddClaim(claim) => add_claim(map, claim),
            Self::RemoveClaim(id) => remove_claim(map, id),
            Self::ChangeClaim(claim) => change_claim(map, claim),
            Self::MoveClaims(moves) => move_claims(map, moves),
            Self::AddLink(link) => add_link(map, link),
            Self::RemoveLink(id) => remove_link(map, id),
            Self::RetypeLink { link, kind } => retype_link(map, link, kind),
            Self::ReverseLink(id) => reverse_link(map, id),
            Self::AddPremise { link, claim } => add_premise(map, link, claim),
            Self::RemovePremise { link, claim } => remove_premise(map, link, claim),
            Self::SetLinkNote { link, note } => {
                let too_long = super::validate::length_problem(
                    || format!("{link}'s note"),
                    &note,
                    super::validate::MAX_TEXT_CHARS,
                );
                if let Some(problem) = too_long {
                    return Err(EditError::Breaks(problem));
                }
                let found = map.link_mut(link).ok_or(EditError::NoSuchLink(link))?;
                let old = std::mem::replace(&mut found.note, note);
                Ok(Self::SetLinkNote { link, note: old })
            }
            Self::SetScheme { link, scheme } => {
                let found = map.link_mut(link).ok_or(EditError::NoSuchLink(link))?;
                let old = std::mem::replace(&mut found.scheme, scheme);
                Ok(Self::SetScheme { link, scheme: old })
            }
            Self::SetQuestion { link, question } => {
                let found = map.link_mut(link).ok_or(EditError::NoSuchLink(link))?;
                if !question.is_empty() && matches!(found.target, Target::Claim(_)) {
                    return Err(EditError::Breaks(Problem::QuestionOffLink(link)));
                }
                let old = std::mem::replace(&mut found.question, question);
                Ok(Self::SetQuestion {
                    link,
                    question: old,
                })
            }
            Self::SetMeta { title, description } => {
                if let Some(problem) = super::validate::meta_length_problems(&title, &description)
                    .into_iter()
                    .next()
                {
                    return Err(EditError::Breaks(problem));
                }
                Ok(Self::SetMeta {
                    title: std::mem::replace(&mut map.title, title),
                    description: std::mem::replace(&mut map.description, description),
                })
            }
            Self::SetSteps(steps) => {
                if let Some(problem) = super::validate::step_problems(map, &steps)
                    .into_iter()
                    .next()
                {
                    return Err(EditError::Breaks(problem));
                }
                Ok(Self::SetSteps(std::mem::replace(&mut map.steps, steps)))
            }
            Self::AddSource(source) => add_source(map, source),
            Self::RemoveSource(id) => remove_source(map, &id),
            Self::Batch(edits) => batch(map, edits),
            Self::ReplaceMap(new) => {
                if let Some(problem) = super::validate(&new).into_iter().next() {
                    return Err(EditError::Breaks(problem));
                }
                Ok(Self::ReplaceMap(Box::new(std::mem::replace(map, *new))))
            }
        }
    }

    /// True when applying the edit would change nothing worth an undo step.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::MoveClaims(moves) => moves.is_empty(),
            Self::Batch(edits) => edits.iter().all(Edit::is_empty),
            _ => false,
        }
    }
}

fn check_quote(map: &Map, claim: &Claim) -> Result<(), EditError> {
    if !(claim.pos.x.is_finite() && claim.pos.y.is_finite()) {
        return Err(EditError::NonFinitePosition(claim.id));
    }
    if let Some(problem) = super::validate::claim_length_problems(claim)
        .into_iter()
        .next()
    {
        return Err(EditError::Breaks(problem));
    }
    let source_text = |id: &SourceId| map.source(id).map(|s| s.text.as_str());
    match quote_problem(claim, &source_text) {
        Some(problem) => Err(EditError::Breaks(problem)),
        None => Ok(()),
    }
}

fn add_claim(map: &mut Map, claim: Claim) -> Result<Edit, EditError> {
    check_quote(map, &claim)?;
    let at = match map.claims.binary_search_by_key(&claim.id, |c| c.id) {
        Ok(_) => return Err(EditError::ClaimIdTaken(claim.id)),
        Err(at) => at,
    };
    let id = claim.id;
    map.claims.insert(at, claim);
    Ok(Edit::RemoveClaim(id))
}

fn remove_claim(map: &mut Map, id: ClaimId) -> Result<Edit, EditError> {
    let at = map
        .claims
        .binary_search_by_key(&id, |c| c.id)
        .map_err(|_| EditError::NoSuchClaim(id))?;
    if map.links_touching(id).next().is_some() {
        return Err(EditError::ClaimHasLinks(id));
    }
    let claim = map.claims.remove(at);
    // A claim leaves the saved presentation with it; undo puts it back
    // first, then the steps as they were.
    if map.steps.iter().any(|s| s.claims.contains(&id)) {
        let steps = map.pruned_steps();
        let before = std::mem::replace(&mut map.steps, steps);
        return Ok(Edit::Batch(vec![
            Edit::AddClaim(claim),
            Edit::SetSteps(before),
        ]));
    }
    Ok(Edit::AddClaim(claim))
}

fn change_claim(map: &mut Map, claim: Claim) -> Result<Edit, EditError> {
    check_quote(map, &claim)?;
    let slot = map
        .claim_mut(claim.id)
        .ok_or(EditError::NoSuchClaim(claim.id))?;
    Ok(Edit::ChangeClaim(std::mem::replace(slot, claim)))
}

fn move_claims(map: &mut Map, moves: Vec<(ClaimId, Point)>) -> Result<Edit, EditError> {
    for &(id, to) in &moves {
        map.claim(id).ok_or(EditError::NoSuchClaim(id))?;
        if !(to.x.is_finite() && to.y.is_finite()) {
            return Err(EditError::NonFinitePosition(id));
        }
    }
    let mut inverse = Vec::with_capacity(moves.len());
    for (id, to) in moves {
        if let Some(claim) = map.claim_mut(id) {
            inverse.push((id, std::mem::replace(&mut claim.pos, to)));
        }
    }
    // Undo must restore in reverse order in case a claim moved twice.
    inverse.reverse();
    Ok(Edit::MoveClaims(inverse))
}

/// Checks that `link` could stand in the map, ignoring the link with its own id
/// (so the same check serves adding and changing).
fn check_link(map: &Map, link: &Link) -> Result<(), EditError> {
    let claim_exists = |c: ClaimId| map.claim(c).is_some();
    let target_of = |l: LinkId| {
        if l == link.id {
            Some(link.target)
        } else {
            map.link(l).map(|l| l.target)
        }
    };
    let on_ring = |l: LinkId| match target_of(l) {
        Some(Target::Link(first)) => reaches_itself(l, first, &target_of),
        _ => false,
    };
    if let Some(problem) = link_problems(link, &claim_exists, &target_of, &on_ring)
        .into_iter()
        .next()
    {
        return Err(EditError::Breaks(problem));
    }
    if let Some(first) = map
        .links
        .iter()
        .find(|l| l.id != link.id && same_shape(l, link))
    {
        return Err(EditError::Breaks(Problem::SameLinkTwice {
            link: link.id,
            first: first.id,
        }));
    }
    Ok(())
}

fn add_link(map: &mut Map, mut link: Link) -> Result<Edit, EditError> {
    let at = match map.links.binary_search_by_key(&link.id, |l| l.id) {
        Ok(_) => return Err(EditError::LinkIdTaken(link.id)),
        Err(at) => at,
    };
    link.premises.sort();
    check_link(map, &link)?;
    let id = link.id;
    map.links.insert(at, link);
    Ok(Edit::RemoveLink(id))
}

fn remove_link(map: &mut Map, id: LinkId) -> Result<Edit, EditError> {
    let at = map
        .links
        .binary_search_by_key(&id, |l| l.id)
        .map_err(|_| EditError::NoSuchLink(id))?;
    if map.links_targeting_link(id).next().is_some() {
        return Err(EditError::LinkIsTargeted(id));
    }
    Ok(Edit::AddLink(map.links.remove(at)))
}

/// Applies `change` to a copy of the link, checks the result, then stores it.
fn change_link(
    map: &mut Map,
    id: LinkId,
    change: impl FnOnce(&mut Link) -> Result<(), EditError>,
) -> Result<(), EditError> {
    let mut link = map.link(id).ok_or(EditError::NoSuchLink(id))?.clone();
    change(&mut link)?;
    link.premises.sort();
    check_link(map, &link)?;
    if let Some(slot) = map.link_mut(id) {
        *slot = link;
    }
    Ok(())
}

fn retype_link(map: &mut Map, id: LinkId, kind: LinkKind) -> Result<Edit, EditError> {
    let mut old = kind;
    change_link(map, id, |link| {
        old = std::mem::replace(&mut link.kind, kind);
        Ok(())
    })?;
    Ok(Edit::RetypeLink {
        link: id,
        kind: old,
    })
}

fn reverse_link(map: &mut Map, id: LinkId) -> Result<Edit, EditError> {
    change_link(map, id, |link| {
        let (from, to) = link.simple_ends().ok_or(EditError::NotReversible(id))?;
        link.premises = vec![to];
        link.target = Target::Claim(from);
        Ok(())
    })?;
    Ok(Edit::ReverseLink(id))
}

fn add_premise(map: &mut Map, id: LinkId, claim: ClaimId) -> Result<Edit, EditError> {
    change_link(map, id, |link| {
        link.premises.push(claim);
        Ok(())
    })?;
    Ok(Edit::RemovePremise { link: id, claim })
}

fn remove_premise(map: &mut Map, id: LinkId, claim: ClaimId) -> Result<Edit, EditError> {
    change_link(map, id, |link| {
        let at = link
            .premises
            .iter()
            .position(|&p| p == claim)
            .ok_or(EditError::NoSuchClaim(claim))?;
        if link.premises.len() == 1 {
            return Err(EditError::LastPremise(id));
        }
        link.premises.remove(at);
        Ok(())
    })?;
    Ok(Edit::AddPremise { link: id, claim })
}

fn add_source(map: &mut Map, source: Source) -> Result<Edit, EditError> {
    let at = match map.sources.binary_search_by(|s| s.id.cmp(&source.id)) {
        Ok(_) => return Err(EditError::SourceIdTaken(source.id)),
        Err(at) => at,
    };
    if source.id.as_str().is_empty() {
        return Err(EditError::Breaks(Problem::EmptySourceId));
    }
    let id = source.id.clone();
    map.sources.insert(at, source);
    Ok(Edit::RemoveSource(id))
}

fn remove_source(map: &mut Map, id: &SourceId) -> Result<Edit, EditError> {
    let at = map
        .sources
        .binary_search_by(|s| s.id.cmp(id))
        .map_err(|_| EditError::NoSuchSource(id.clone()))?;
    let quoted = map
        .claims
        .iter()
        .any(|c| c.quote.as_ref().is_some_and(|q| &q.source == id));
    if quoted {
        return Err(EditError::SourceIsQuoted(id.clone()));
    }
    Ok(Edit::AddSource(map.sources.remove(at)))
}

fn batch(map: &mut Map, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(map) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                // Roll back what was applied so a refused batch changes nothing.
                for inverse in inverses.into_iter().rev() {
                    let _ = inverse.apply(map);
                }
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}
