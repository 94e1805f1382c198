//! Changes to the map: every one an undoable edit, built by `app::edit_builders`
//! and applied through the document's history.

use crate::analysis::layout::Size;
use crate::app::ArgmapApp;
use crate::app::edit_builders;
use crate::model::ClaimId;
use crate::model::{Edit, LinkId, LinkKind, Point, Target};
use crate::render::fitting;
use crate::render::measure::layout_size;
use std::collections::BTreeMap;

/// How far one arrow-key press moves the selected claims, in canvas units.
pub const NUDGE: f32 = 10.0;

/// Applies an edit as one undo step, reporting a refusal in the status bar.
pub fn apply_edit(app: &mut ArgmapApp, label: &str, edit: Edit) -> bool {
    let state = &mut app.state;
    match state.doc.apply(label, edit) {
        Ok(()) => {
            state.selection.prune(&state.doc.map);
            true
        }
        Err(error) => {
            state.set_error(format!("Could not {}: {error}", label.to_lowercase()));
            false
        }
    }
}

/// An edit a panel asked for.
pub fn apply(app: &mut ArgmapApp, label: &str, edit: Edit) {
    apply_edit(app, label, edit);
}

pub fn undo(app: &mut ArgmapApp) {
    app.state.view.editing = None;
    let state = &mut app.state;
    match state.doc.undo() {
        Some(label) => state.set_status(format!("Undid: {label}")),
        None => state.set_status("Nothing to undo"),
    }
    state.selection.prune(&state.doc.map);
}

pub fn redo(app: &mut ArgmapApp) {
    app.state.view.editing = None;
    let state = &mut app.state;
    if let Some(label) = state.doc.redo() {
        state.set_status(format!("Redid: {label}"));
    }
    state.selection.prune(&state.doc.map);
}

pub fn delete_selection(app: &mut ArgmapApp) {
    if let Some(edit) = edit_builders::delete_selection(&app.state.doc.map, &app.state.selection)
        && apply_edit(app, "Delete", edit)
    {
        app.state.selection.clear();
    }
}

/// Moves the selected claims by an arrow-key step; presses in a row on
/// the same claims are one undo step.
pub fn nudge(app: &mut ArgmapApp, dx: f32, dy: f32) {
    let state = &mut app.state;
    let moves: Vec<_> = state
        .selection
        .claims
        .iter()
        .filter_map(|&id| state.doc.map.claim(id))
        .map(|c| (c.id, Point::new(c.pos.x + dx, c.pos.y + dy)))
        .collect();
    let key = format!("nudge {:?}", state.selection.claims);
    if let Err(error) =
        state
            .doc
            .apply_merging("Move with arrow keys", Edit::MoveClaims(moves), key)
    {
        state.set_error(format!("Could not move: {error}"));
    }
}

/// Where a claim added by command goes: the free place nearest the middle
/// of the view where a card clears every other card.
fn free_spot(app: &ArgmapApp) -> Point {
    free_spot_near(app, app.panels.canvas.centre())
}

/// The free place nearest `near` where a new card clears every other card.
fn free_spot_near(app: &ArgmapApp, near: Point) -> Point {
    let canvas = &app.panels.canvas;
    let taken: Vec<(Point, crate::analysis::layout::Size)> = app
        .state
        .doc
        .map
        .claims
        .iter()
        .map(|c| (c.pos, layout_size(canvas.card_size(c.id))))
        .collect();
    let card = crate::analysis::layout::Size {
        w: crate::render::measure::CARD_WIDTH,
        h: 80.0,
    };
    crate::analysis::layout::nearest_free(near, card, 40.0, &taken)
}

/// A claim in the user's words that raises or meets a critical question of
/// `link`, placed beside the argument and edited in place at once.
pub fn answer_question(app: &mut ArgmapApp, link: LinkId, question: String, kind: LinkKind) {
    let map = &app.state.doc.map;
    let Some(argument) = map.link(link) else {
        return;
    };
    // Beside the argument: between its premises and what it bears on.
    let mut points: Vec<Point> = argument
        .premises
        .iter()
        .filter_map(|&p| map.claim(p).map(|c| c.pos))
        .collect();
    if let Target::Claim(c) = argument.target
        && let Some(claim) = map.claim(c)
    {
        points.push(claim.pos);
    }
    let n = points.len().max(1) as f32;
    let middle = points.iter().fold(Point::new(0.0, 0.0), |a, p| {
        Point::new(a.x + p.x / n, a.y + p.y / n)
    });
    let at = free_spot_near(app, Point::new(middle.x + 260.0, middle.y));
    let map = &app.state.doc.map;
    let (add, id) = edit_builders::add_own_claim(map, at, "");
    let answer = Edit::AddLink(crate::model::Link {
        id: map.next_link_id(),
        kind,
        premises: vec![id],
        target: Target::Link(link),
        note: String::new(),
        scheme: String::new(),
        question,
    });
    let label = match kind {
        LinkKind::Rebut => "Raise a critical question",
        LinkKind::Support => "Meet a critical question",
    };
    if apply_edit(app, label, Edit::Batch(vec![add, answer])) {
        app.state.selection.only_claim(id);
        super::view::start_editing(app, id);
    }
}

/// Ctrl+E: the passage selected in the reader becomes a quoted claim.
pub fn add_selection_as_claim(app: &mut ArgmapApp) {
    let at = free_spot(app);
    let passage = app.state.view.reader.selected_passage();
    if let Some((edit, id)) =
        passage.and_then(|p| edit_builders::add_quoted_claim(&app.state.doc.map, &p, at))
        && apply_edit(app, "Add quoted claim", edit)
    {
        app.state.selection.only_claim(id);
        app.state.view.reader.selection = None;
        super::view::reveal(app, id);
    }
}

/// A claim in the user's own words, edited in place at once.
pub fn new_claim(app: &mut ArgmapApp) {
    let at = free_spot(app);
    let (edit, id) = edit_builders::add_own_claim(&app.state.doc.map, at, "");
    if apply_edit(app, "New claim", edit) {
        app.state.selection.only_claim(id);
        super::view::start_editing(app, id);
    }
}

/// S and R: the claims picked first support (or rebut) the one picked last.
pub fn link_selection(app: &mut ArgmapApp, kind: LinkKind) {
    let state = &app.state;
    if let Some(edit) = edit_builders::link_selection(&state.doc.map, &state.selection, kind)
        && apply_edit(app, &format!("Add {} link", kind.label()), edit)
    {
        let selection = &mut app.state.selection;
        let target = selection.claims.last().copied();
        selection.clear();
        selection.claims.extend(target);
    }
}

pub fn toggle_link_kind(app: &mut ArgmapApp) {
    let state = &app.state;
    let edits: Vec<Edit> = state
        .selection
        .links
        .iter()
        .filter_map(|&id| state.doc.map.link(id))
        .map(|l| Edit::RetypeLink {
            link: l.id,
            kind: l.kind.other(),
        })
        .collect();
    apply_edit(app, "Switch support/rebut", Edit::Batch(edits));
}

pub fn reverse_link(app: &mut ArgmapApp) {
    if let Some(id) = app.state.selection.single_link() {
        apply_edit(app, "Reverse link", Edit::ReverseLink(id));
    }
}

/// Map ▸ Tidy layout, as one undo step, then fits the map in view. Laid
/// out for the canvas as it is: where Tidy's layout would show fewer labels
/// whole at Fit than the map shows now, the map keeps its layout.
pub fn tidy(app: &mut ArgmapApp) {
    let (sizes, canvas) = sizes_and_canvas(app);
    let fonts = crate::render::measure::Headless::default();
    let map = &app.state.doc.map;
    let now = fitting::as_it_stands(&fonts, map, &sizes, canvas);
    let tidied = fitting::tidy(&fonts, map, &sizes, canvas);
    if tidied.whole < now.whole {
        app.state.set_status(format!(
            "Tidy kept the layout: at this window size its own would show {} of {} labels whole, against {} now",
            tidied.whole,
            map.claims.len(),
            now.whole
        ));
        return;
    }
    move_to(app, "Tidy layout", tidied.positions);
}

/// Map ▸ Lay out as a debate, as one undo step, fitted to the canvas.
pub fn debate_layout(app: &mut ArgmapApp) {
    let (sizes, canvas) = sizes_and_canvas(app);
    let fonts = crate::render::measure::Headless::default();
    if let Some(laid) = fitting::debate(&fonts, &app.state.doc.map, &sizes, canvas, 1) {
        move_to(app, "Lay out as a debate", laid.positions);
    }
}

/// Every card's size as the canvas measured it, and the canvas's size.
fn sizes_and_canvas(app: &ArgmapApp) -> (BTreeMap<ClaimId, Size>, egui::Vec2) {
    let canvas = &app.panels.canvas;
    let sizes = app
        .state
        .doc
        .map
        .claims
        .iter()
        .map(|c| (c.id, layout_size(canvas.card_size(c.id))))
        .collect();
    let size = canvas.rect.size();
    // Before the first frame there is no canvas yet: a laptop's.
    let size = if size.x > 50.0 && size.y > 50.0 {
        size
    } else {
        egui::vec2(778.0, 718.0)
    };
    (sizes, size)
}

/// Moves the claims to `positions` as one undo step, then fits the map.
fn move_to(app: &mut ArgmapApp, label: &str, positions: BTreeMap<ClaimId, Point>) {
    let map = &app.state.doc.map;
    let moves = positions
        .into_iter()
        .filter(|(id, p)| map.claim(*id).is_some_and(|c| c.pos != *p))
        .collect();
    if apply_edit(app, label, Edit::MoveClaims(moves)) {
        super::view::fit(app);
    }
}
