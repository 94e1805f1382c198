//! What is shown and how: the selection, focus and collapses, panes and
//! windows, zoom, the reader's article, its find and its selection, the
//! claim edited in place, the theme and the status line. Everything here
//! changes `AppState` (its `view` above all); what a widget must do once
//! goes to it as a [`ViewRequest`].

use crate::analysis::neighbourhood::neighbourhood;
use crate::app::actions::{ExportChoice, Select, Window};
use crate::app::state::Pane;
use crate::app::view::{Focus, ViewRequest};
use crate::app::{ArgmapApp, Effect};
use crate::model::{ClaimId, SourceId};

pub fn select(app: &mut ArgmapApp, change: Select) {
    let selection = &mut app.state.selection;
    match change {
        Select::OnlyClaim(id) => selection.only_claim(id),
        Select::ToggleClaim(id) => selection.toggle_claim(id),
        Select::AddClaims(ids) => {
            for id in ids {
                selection.add_claim(id);
            }
        }
        Select::OnlyLink(id) => selection.only_link(id),
        Select::ToggleLink(id) => selection.toggle_link(id),
        Select::Nothing => selection.clear(),
    }
    selection.prune(&app.state.doc.map);
    if !app.state.selection.claims.is_empty() {
        // Claims picked after a passage: Copy takes the claims.
        app.state.copy_passage = false;
    }
}

pub fn select_all(app: &mut ArgmapApp) {
    let state = &mut app.state;
    state.selection.claims = state.doc.map.claims.iter().map(|c| c.id).collect();
    state.selection.links.clear();
}

/// Escape: out of a focused view first (the selection stays, so the claim
/// can be found in the whole map); else nothing selected on the canvas or
/// in the reader.
pub fn select_none(app: &mut ArgmapApp) {
    let state = &mut app.state;
    if state.view.focus.take().is_some() {
        return;
    }
    state.selection.clear();
    state.view.reader.selection = None;
}

/// F: the selected claim's neighbourhood alone, or back to the whole map.
pub fn toggle_focus(app: &mut ArgmapApp) {
    let state = &mut app.state;
    let selected = state.selection.single_claim();
    state.view.focus = match (state.view.focus, selected) {
        (Some(focus), Some(claim)) if claim != focus.claim => Some(Focus { claim, ..focus }),
        (Some(_), _) => None,
        (None, Some(claim)) => Some(Focus { claim, steps: 1 }),
        (None, None) => None,
    };
}

/// C: the selected claims' arguments hidden behind their cards, or shown
/// again; all collapsed when any selected claim was open.
pub fn toggle_collapse(app: &mut ArgmapApp) {
    let view = &mut app.state.view;
    let claims = &app.state.selection.claims;
    let collapse = claims.iter().any(|&c| !view.is_collapsed(c));
    for &claim in claims {
        view.set_collapsed(claim, collapse);
    }
}

pub fn collapse(app: &mut ArgmapApp, claim: ClaimId, collapsed: bool) {
    app.state.view.set_collapsed(claim, collapsed);
}

pub fn expand_all(app: &mut ArgmapApp) {
    app.state.view.expand_all();
}

pub fn toggle_minimap(app: &mut ArgmapApp) {
    let view = &mut app.state.view;
    view.minimap = !view.minimap;
}

/// The right pane shows the outline instead of the inspector, or back;
/// the pane opens if it was folded.
pub fn toggle_outline(app: &mut ArgmapApp) {
    let view = &mut app.state.view;
    view.outline = !view.outline;
    if view.outline && !app.state.panes.shown(Pane::Inspector) {
        app.state.panes.open(Pane::Inspector);
    }
}

pub fn show_ghost(app: &mut ArgmapApp, model_claim: ClaimId) {
    app.state
        .view
        .request(ViewRequest::RevealGhost(model_claim));
}

pub fn focus_steps(app: &mut ArgmapApp, steps: usize) {
    if let Some(focus) = &mut app.state.view.focus {
        focus.steps = steps;
    }
}

/// Selects a claim and brings it into view. A claim outside the focused
/// neighbourhood moves the focus to it, so what was asked for is seen.
pub fn go_to_claim(app: &mut ArgmapApp, id: ClaimId) {
    let state = &mut app.state;
    if state.doc.map.claim(id).is_none() {
        return;
    }
    if let Some(focus) = state.view.focus
        && !neighbourhood(&state.doc.map, focus.claim, focus.steps).contains(&id)
    {
        state.view.focus = Some(Focus { claim: id, ..focus });
    }
    select(app, Select::OnlyClaim(id));
    reveal(app, id);
    // A passage just placed on the map need not stay selected.
    let state = &mut app.state;
    let placed = state
        .doc
        .map
        .claim(id)
        .and_then(|c| c.quote.as_ref())
        .map(|q| (q.start, q.end));
    if placed.is_some() && placed == state.view.reader.selected_span() {
        state.view.reader.selection = None;
    }
}

/// Brings a claim into view on the canvas.
pub fn reveal(app: &mut ArgmapApp, id: ClaimId) {
    app.state.view.request(ViewRequest::Reveal(id));
}

/// Opens the claim's source in the reader and shows the quoted passage.
pub fn show_in_article(app: &mut ArgmapApp, id: ClaimId) {
    let Some(quote) = app.state.doc.map.claim(id).and_then(|c| c.quote.clone()) else {
        return;
    };
    app.state.panes.open(Pane::Reader);
    open_article(app, quote.source);
    app.state.view.request(ViewRequest::ShowPassage {
        start: quote.start,
        end: quote.end,
    });
}

pub fn show_selected_in_article(app: &mut ArgmapApp) {
    if let Some(id) = app.state.selection.single_claim() {
        show_in_article(app, id);
    }
}

/// Opens an article in the reader, with nothing selected in it.
pub fn open_article(app: &mut ArgmapApp, id: SourceId) {
    let reader = &mut app.state.view.reader;
    if reader.article.as_ref() != Some(&id) {
        reader.article = Some(id);
        reader.selection = None;
    }
}

/// The passage selected in the reader changed; one picked after the
/// claims on the map is what Copy takes.
pub fn select_passage(app: &mut ArgmapApp, selection: Option<(usize, usize)>) {
    let reader = &mut app.state.view.reader;
    let before = reader.selected_span();
    reader.selection = selection;
    let now = reader.selected_span();
    if now.is_some() && now != before {
        app.state.copy_passage = true;
    }
}

/// Ctrl+F: the find bar, its field given the keyboard.
pub fn find(app: &mut ArgmapApp) {
    app.state.panes.open(Pane::Reader);
    app.state.view.reader.find.open = true;
    app.state.view.request(ViewRequest::FocusFind);
}

pub fn find_text(app: &mut ArgmapApp, query: String) {
    let find = &mut app.state.view.reader.find;
    if find.query != query {
        find.query = query;
        find.step = 0;
    }
}

pub fn find_step(app: &mut ArgmapApp, forward: bool) {
    app.state.view.reader.find.step += if forward { 1 } else { -1 };
}

pub fn close_find(app: &mut ArgmapApp) {
    app.state.view.reader.find = Default::default();
    app.state.view.request(ViewRequest::ReleaseKeyboard);
}

/// F2 or Enter: the selected claim's text edited on its card.
pub fn edit_claim_text(app: &mut ArgmapApp) {
    if let Some(id) = app.state.selection.single_claim() {
        start_editing(app, id);
    }
}

/// Edits a claim's text on its card, brought into view.
pub fn start_editing(app: &mut ArgmapApp, id: ClaimId) {
    app.state.view.editing = Some(id);
    reveal(app, id);
}

pub fn stop_editing(app: &mut ArgmapApp) {
    app.state.view.editing = None;
}

pub fn zoom(app: &mut ArgmapApp, factor: f32) {
    app.state.view.request(ViewRequest::ZoomBy(factor));
}

pub fn fit(app: &mut ArgmapApp) {
    app.state.view.request(ViewRequest::Fit);
}

pub fn toggle_reader(app: &mut ArgmapApp) {
    app.state.panes.toggle(Pane::Reader);
}

pub fn toggle_inspector(app: &mut ArgmapApp) {
    app.state.panes.toggle(Pane::Inspector);
}

pub fn toggle_shortcuts(app: &mut ArgmapApp) {
    app.state.windows.shortcuts = !app.state.windows.shortcuts;
}

/// File ▸ Export…: the window with every format and its options.
pub fn open_export_window(app: &mut ArgmapApp) {
    let windows = &mut app.state.windows;
    windows.export = Some(windows.export.clone().unwrap_or_default());
}

/// Picture formats open the Export window with their options first.
pub fn export_options(app: &mut ArgmapApp, choice: ExportChoice) {
    app.state.windows.export = Some(choice);
}

pub fn close_window(app: &mut ArgmapApp, window: Window) {
    let windows = &mut app.state.windows;
    match window {
        Window::Shortcuts => windows.shortcuts = false,
        Window::Export => windows.export = None,
        Window::ImportSummary => windows.import_summary = None,
        Window::PathEntry => windows.path_entry = None,
        Window::FindClaim => windows.find_claim = None,
        Window::Welcome => windows.welcome = false,
        Window::About => windows.about = false,
        Window::Steps => windows.steps = false,
        Window::SourcePreview => windows.source_preview = None,
        Window::NewDebate => windows.new_debate = None,
        Window::Merge => windows.merge = None,
        Window::Changes => windows.changes = None,
    }
}

/// Opens Find claim (keeping the words of the last search while it stays open).
pub fn open_find_claim(app: &mut ArgmapApp) {
    let windows = &mut app.state.windows;
    windows.find_claim = Some(windows.find_claim.take().unwrap_or_default());
}

pub fn find_claim_text(app: &mut ArgmapApp, text: String) {
    if let Some(words) = &mut app.state.windows.find_claim {
        *words = text;
    }
}

pub fn dismiss_status(app: &mut ArgmapApp) {
    app.state.status.error.clear();
}

pub fn set_theme(app: &mut ArgmapApp, theme: egui::ThemePreference) {
    app.effects.push(Effect::Theme(theme));
}

/// File ▸ Quit: the window closes as its close button would, asking first
/// about unsaved changes.
pub fn quit(app: &mut ArgmapApp) {
    app.effects
        .push(Effect::Viewport(egui::ViewportCommand::Close));
}

/// Where a keyboard step along the argument goes from the selected claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Along {
    /// To the claim it supports or rebuts.
    Target,
    /// To the first claim supporting or rebutting it.
    Reasons,
    /// To the next (or previous) claim bearing on the same claim; among
    /// main contentions, the next one.
    Beside { forward: bool },
}

/// Moves the selection one step along the argument and says where it went,
/// so a keyboard user (and a screen reader) can follow the map.
pub fn go_along(app: &mut ArgmapApp, along: Along) {
    let map = &app.state.doc.map;
    let Some(from) = app.state.selection.single_claim() else {
        return;
    };
    let ends = crate::analysis::spoken::Ends::of(map);
    // What a claim bears on: the first link it is a premise of, and that
    // link's claim (for an undercut, the claim of the link it attacks).
    let target_of = |claim: ClaimId| {
        let link = map.link(*ends.premise_of(claim).first()?)?;
        let mut target = link.target;
        for _ in 0..=map.links.len() {
            match target {
                crate::model::Target::Claim(c) => return Some((link.kind, c)),
                crate::model::Target::Link(l) => target = map.link(l)?.target,
            }
        }
        None
    };
    let step = match along {
        Along::Target => target_of(from).map(|(kind, to)| {
            let verb = if kind.is_attack() {
                "rebuts"
            } else {
                "supports"
            };
            (to, format!("It {verb}: "))
        }),
        Along::Reasons => ends
            .aimed_at(from)
            .iter()
            .filter_map(|&l| map.link(l))
            .find_map(|l| Some((*l.premises.first()?, l.kind)))
            .map(|(to, kind)| {
                let what = if kind.is_attack() {
                    "An objection"
                } else {
                    "A reason"
                };
                (to, format!("{what}: "))
            }),
        Along::Beside { forward } => {
            let row: Vec<ClaimId> = match target_of(from) {
                Some((_, target)) => {
                    let mut row = Vec::new();
                    for &l in ends.aimed_at(target) {
                        for &p in map.link(l).map_or(&[][..], |l| &l.premises) {
                            if !row.contains(&p) {
                                row.push(p);
                            }
                        }
                    }
                    row
                }
                // Main contentions, left to right as the map shows them.
                None => {
                    let mut mains: Vec<&crate::model::Claim> = map
                        .claims
                        .iter()
                        .filter(|c| ends.premise_of(c.id).is_empty())
                        .collect();
                    mains.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x));
                    mains.iter().map(|c| c.id).collect()
                }
            };
            let at = row.iter().position(|&c| c == from);
            let n = row.len();
            match at {
                Some(at) if n > 1 => {
                    let next = if forward {
                        (at + 1) % n
                    } else {
                        (at + n - 1) % n
                    };
                    Some((row[next], format!("{} of {n} beside it: ", next + 1)))
                }
                _ => None,
            }
        }
    };
    match step {
        Some((to, said)) => {
            let words = map
                .claim(to)
                .map_or_else(String::new, |c| crate::model::excerpt(&c.text, 80));
            go_to_claim(app, to);
            app.state.set_status(format!("{said}“{words}”"));
        }
        None => app.state.set_status(match along {
            Along::Target => "This claim bears on no other: it is a main contention",
            Along::Reasons => "Nothing supports or rebuts this claim yet",
            Along::Beside { .. } => "No other claim stands beside this one",
        }),
    }
}

/// View ▸ Larger / Smaller interface (`Some(true)` / `Some(false)`) or back
/// to normal size (`None`): the next size of [`INTERFACE_SCALES`], kept
/// between runs. The window applies it at the end of the frame.
pub fn interface_scale(app: &mut ArgmapApp, larger: Option<bool>) {
    use crate::app::state::INTERFACE_SCALES;
    let now = app.state.settings.interface_scale;
    let next = match larger {
        None => 1.0,
        Some(true) => INTERFACE_SCALES
            .iter()
            .copied()
            .find(|&s| s > now + 0.01)
            .unwrap_or(now),
        Some(false) => INTERFACE_SCALES
            .iter()
            .rev()
            .copied()
            .find(|&s| s < now - 0.01)
            .unwrap_or(now),
    };
    app.state.settings.interface_scale = next;
    app.state
        .set_status(format!("Interface at {:.0} %", next * 100.0));
}
