//! What each command of the table does, and when it is available.

use super::{ArgmapApp, Command, ExportChoice, Pending, edits};
use crate::analysis::layout;
use crate::model::{ClaimId, Edit, LinkKind};

/// How far one arrow-key press moves the selected claims, in canvas units.
const NUDGE: f32 = 10.0;

impl ArgmapApp {
    pub fn is_enabled(&self, command: Command) -> bool {
        let map = &self.doc.map;
        let one_claim = self.selection.single_claim();
        match command {
            Command::Undo => self.doc.history.can_undo(),
            Command::Redo => self.doc.history.can_redo(),
            Command::Delete => !self.selection.is_empty(),
            Command::Cut | Command::Duplicate => !self.selection.claims.is_empty(),
            Command::Copy => {
                !self.selection.claims.is_empty() || self.reader.selected_passage().is_some()
            }
            Command::SelectAll => !map.claims.is_empty(),
            Command::SelectNone => {
                !self.selection.is_empty() || self.reader.selected_span().is_some()
            }
            Command::MoveLeft | Command::MoveRight | Command::MoveUp | Command::MoveDown => {
                !self.selection.claims.is_empty()
            }
            Command::AddSelectionAsClaim => self.reader.selected_passage().is_some(),
            Command::EditClaim => one_claim.is_some(),
            Command::LinkSupport | Command::LinkRebut => self.selection.claims.len() >= 2,
            Command::ToggleLinkKind => !self.selection.links.is_empty(),
            Command::ReverseLink => self
                .selection
                .single_link()
                .and_then(|id| map.link(id))
                .is_some_and(|l| l.simple_ends().is_some()),
            Command::ShowInArticle => one_claim
                .and_then(|id| map.claim(id))
                .is_some_and(|c| c.quote.is_some()),
            Command::FindNext | Command::FindPrevious => self.reader.find.open,
            Command::Tidy | Command::FitView => !map.claims.is_empty(),
            Command::TogglePreferred => self.teach.evaluate,
            Command::NextPosition => self.teach.evaluate && self.teach.preferred,
            Command::ClearPins => !self.teach.pins.is_empty(),
            Command::KeepPins => edits::keep_pins(map, &self.teach.pins).is_some(),
            Command::StopComparing | Command::ExportReport => self.teach.comparison.is_some(),
            Command::ExerciseClaims | Command::ExerciseContentions => !map.claims.is_empty(),
            _ => true,
        }
    }

    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        if !self.is_enabled(command) {
            return;
        }
        match command {
            Command::New => self.request(Pending::New),
            Command::Open => self.request(Pending::OpenDialog),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::AddSource => self.add_source(),
            Command::Import => {
                if let Some(path) = self.dialogs.open_import() {
                    self.request(Pending::Import(path));
                }
            }
            Command::Export => self.export = Some(ExportChoice::default()),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                self.canvas.editing = None;
                match self.doc.undo() {
                    Some(label) => self.set_status(format!("Undid: {label}")),
                    None => self.set_status("Nothing to undo"),
                }
                self.selection.prune(&self.doc.map);
            }
            Command::Redo => {
                self.canvas.editing = None;
                if let Some(label) = self.doc.redo() {
                    self.set_status(format!("Redid: {label}"));
                }
                self.selection.prune(&self.doc.map);
            }
            Command::Copy => {
                self.copy(ctx);
            }
            Command::Cut => self.cut(ctx),
            // The window system answers with the clipboard's text as a paste event.
            Command::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::Duplicate => self.duplicate(),
            Command::Delete => {
                if let Some(edit) = edits::delete_selection(&self.doc.map, &self.selection)
                    && self.apply("Delete", edit)
                {
                    self.selection.clear();
                }
            }
            Command::SelectAll => {
                self.selection.claims = self.doc.map.claims.iter().map(|c| c.id).collect();
                self.selection.links.clear();
            }
            Command::SelectNone => {
                self.selection.clear();
                self.reader.selection = None;
            }
            Command::MoveLeft => self.nudge(-NUDGE, 0.0),
            Command::MoveRight => self.nudge(NUDGE, 0.0),
            Command::MoveUp => self.nudge(0.0, -NUDGE),
            Command::MoveDown => self.nudge(0.0, NUDGE),
            Command::AddSelectionAsClaim => {
                let at = self.free_spot();
                let passage = self.reader.selected_passage();
                if let Some((edit, id)) =
                    passage.and_then(|p| edits::add_quoted_claim(&self.doc.map, &p, at))
                    && self.apply("Add quoted claim", edit)
                {
                    self.selection.only_claim(id);
                    self.reader.selection = None;
                }
            }
            Command::NewClaim => {
                let at = self.free_spot();
                let (edit, id) = edits::add_own_claim(&self.doc.map, at, "");
                if self.apply("New claim", edit) {
                    self.selection.only_claim(id);
                    self.canvas.start_editing(&self.doc.map, id);
                }
            }
            Command::EditClaim => {
                if let Some(id) = self.selection.single_claim() {
                    self.canvas.start_editing(&self.doc.map, id);
                }
            }
            Command::LinkSupport | Command::LinkRebut => {
                let kind = if command == Command::LinkSupport {
                    LinkKind::Support
                } else {
                    LinkKind::Rebut
                };
                if let Some(edit) = edits::link_selection(&self.doc.map, &self.selection, kind)
                    && self.apply(&format!("Add {} link", kind.label()), edit)
                {
                    let target = self.selection.claims.last().copied();
                    self.selection.clear();
                    self.selection.claims.extend(target);
                }
            }
            Command::ToggleLinkKind => {
                let edits: Vec<Edit> = self
                    .selection
                    .links
                    .iter()
                    .filter_map(|&id| self.doc.map.link(id))
                    .map(|l| Edit::RetypeLink {
                        link: l.id,
                        kind: l.kind.other(),
                    })
                    .collect();
                self.apply("Switch support/rebut", Edit::Batch(edits));
            }
            Command::ReverseLink => {
                if let Some(id) = self.selection.single_link() {
                    self.apply("Reverse link", Edit::ReverseLink(id));
                }
            }
            Command::ShowInArticle => {
                if let Some(id) = self.selection.single_claim() {
                    self.show_in_article(ctx, id);
                }
            }
            Command::Find => {
                self.show_reader = true;
                self.reader.open_find();
            }
            Command::FindNext => self.reader.find_step(true),
            Command::FindPrevious => self.reader.find_step(false),
            Command::ZoomIn => self.canvas.zoom_by(1.25),
            Command::ZoomOut => self.canvas.zoom_by(0.8),
            Command::FitView => self.canvas.request_fit(),
            Command::Tidy => self.tidy(),
            Command::ToggleReader => self.show_reader = !self.show_reader,
            Command::ToggleInspector => self.show_inspector = !self.show_inspector,
            Command::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            Command::ToggleEvaluation => {
                self.teach.evaluate = !self.teach.evaluate;
                if !self.teach.evaluate {
                    self.teach.preferred = false;
                }
            }
            Command::TogglePreferred => {
                self.teach.preferred = !self.teach.preferred;
                self.teach.position = 0;
            }
            Command::NextPosition => self.teach.position += 1,
            Command::ClearPins => self.teach.clear_pins(),
            Command::KeepPins => {
                if let Some(edit) = edits::keep_pins(&self.doc.map, &self.teach.pins)
                    && self.apply("Keep pins in the map", edit)
                {
                    let n = self.doc.map.saved_pins().len();
                    self.set_status(if n == 0 {
                        "The map keeps no pins now".to_owned()
                    } else {
                        format!(
                            "The map keeps {}; they are saved with it",
                            crate::model::count(n, "pin", "pins")
                        )
                    });
                }
            }
            Command::Compare => self.compare_with_model(),
            Command::StopComparing => self.teach.comparison = None,
            Command::ExportReport => self.export_report(),
            Command::ExerciseClaims => {
                self.make_exercise(crate::analysis::compare::Exercise::ClaimsOnly)
            }
            Command::ExerciseContentions => {
                self.make_exercise(crate::analysis::compare::Exercise::MainContentions)
            }
        }
    }

    /// Moves the selected claims by an arrow-key step; presses in a row on
    /// the same claims are one undo step.
    pub(super) fn nudge(&mut self, dx: f32, dy: f32) {
        let moves: Vec<_> = self
            .selection
            .claims
            .iter()
            .filter_map(|&id| self.doc.map.claim(id))
            .map(|c| (c.id, crate::model::Point::new(c.pos.x + dx, c.pos.y + dy)))
            .collect();
        let key = format!("nudge {:?}", self.selection.claims);
        if let Err(error) =
            self.doc
                .apply_merging("Move with arrow keys", Edit::MoveClaims(moves), key)
        {
            self.set_error(format!("Could not move: {error}"));
        }
    }

    /// Where a claim added by command goes: the middle of the view, moved
    /// down until it does not sit exactly on another claim.
    pub(super) fn free_spot(&self) -> crate::model::Point {
        let mut at = self.canvas.centre();
        while self
            .doc
            .map
            .claims
            .iter()
            .any(|c| (c.pos.x - at.x).abs() < 20.0 && (c.pos.y - at.y).abs() < 20.0)
        {
            at.y += 40.0;
        }
        at
    }

    pub(super) fn show_in_article(&mut self, ctx: &egui::Context, id: ClaimId) {
        let Some(quote) = self.doc.map.claim(id).and_then(|c| c.quote.clone()) else {
            return;
        };
        self.show_reader = true;
        self.reader
            .show_passage(quote.source, quote.start, quote.end, ctx.input(|i| i.time));
    }

    pub(super) fn tidy(&mut self) {
        let sizes = self
            .doc
            .map
            .claims
            .iter()
            .map(|c| {
                let size = self.canvas.card_size(c.id);
                (
                    c.id,
                    layout::Size {
                        w: size.x,
                        h: size.y,
                    },
                )
            })
            .collect();
        let positions = layout::tidy(&self.doc.map, &sizes);
        let moves = positions
            .into_iter()
            .filter(|(id, p)| self.doc.map.claim(*id).is_some_and(|c| c.pos != *p))
            .collect();
        if self.apply("Tidy layout", Edit::MoveClaims(moves)) {
            self.canvas.request_fit();
        }
    }
}
