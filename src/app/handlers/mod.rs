//! The one place the app changes, and its one router. [`handle`] takes
//! each [`Action`] the frame produced and calls its handler; a command goes
//! straight from its table entry to the function that does it. A handler
//! that finishes with more to do (a file was chosen, the unsaved-changes
//! question is settled) queues it with [`follow`]; it is routed here like
//! any other action, so no handler calls into another's work. Handlers are
//! grouped by what they touch: files, asking for files (dialogs), the map
//! (map_changes), the clipboard, teaching views, recovery, the tutorial and
//! the view itself.

mod clipboard;
mod debate;
pub(super) mod dialogs;
pub(super) mod files;
mod map_changes;
mod merging;
mod presenting;
pub mod recovery;
mod teaching;
mod tutorial;
mod view;

use super::actions::{Action, Pending};
use super::dialogs::Request;
use super::{ArgmapApp, Command};
use std::path::PathBuf;

pub use files::{open_path, start_new_at};

/// Applies one action, then whatever it left to follow.
pub fn handle(app: &mut ArgmapApp, action: Action) {
    route(app, action);
    while !app.follow_ups.is_empty() {
        let next = app.follow_ups.remove(0);
        route(app, next);
    }
}

/// Queues work that follows from an action, for the router.
pub(super) fn follow(app: &mut ArgmapApp, action: Action) {
    app.follow_ups.push(action);
}

/// What waited for the unsaved-changes question, now free to go on.
fn proceed(app: &mut ArgmapApp, pending: Pending) {
    match pending {
        Pending::Recover(index) => recovery::restore(app, index),
        Pending::Tutorial => tutorial::begin(app),
        Pending::NewDebate => debate::create(app),
        other => files::proceed(app, other),
    }
}

/// A file chosen for `request`: the second half of every file command.
fn chosen(app: &mut ArgmapApp, request: Request, path: PathBuf) {
    let path = request.final_path(&path);
    match request {
        Request::OpenMap => {
            files::open_path(app, &path);
        }
        Request::SaveMap { then, .. } => files::save_chosen(app, &path, then),
        Request::AddSource => files::add_source_from(app, &path, None),
        Request::DebateArticle(side) => files::add_source_from(app, &path, Some(side)),
        Request::Import => files::request_import(app, path),
        Request::Export { choice, .. } => files::export_to(app, &choice, path),
        Request::Model => teaching::compare_with(app, &path),
        Request::Report { .. } => teaching::report_to(app, &path),
        Request::Exercise { kind, .. } => teaching::exercise_to(app, kind, &path),
        Request::Theirs => merging::theirs_chosen(app, path),
        Request::Base { theirs } => merging::base_chosen(app, &theirs, &path),
        Request::Older => merging::older_chosen(app, &path),
    }
}

fn route(app: &mut ArgmapApp, action: Action) {
    match action {
        Action::Command(command) => run(app, command),
        Action::Edit(label, edit) => map_changes::apply(app, &label, edit),
        Action::Select(change) => view::select(app, change),
        Action::GoToClaim(id) => view::go_to_claim(app, id),
        Action::Present(how) => presenting::go(app, how),
        Action::ShowInArticle(id) => view::show_in_article(app, id),
        Action::Pin(id, pin) => teaching::pin(app, id, pin),
        Action::AnswerQuestion {
            link,
            question,
            kind,
        } => map_changes::answer_question(app, link, question, kind),
        Action::Export(choice) => files::export(app, &choice),
        Action::ExportOptions(choice) => view::export_options(app, choice),
        Action::Open(pending) => files::request(app, pending),
        Action::Proceed(pending) => proceed(app, pending),
        Action::Chosen(request, path) => chosen(app, request, path),
        Action::ClearRecent => files::clear_recent(app),
        Action::AnswerPrompt(answer) => files::answer_prompt(app, answer),
        Action::CloseRequested => files::close_requested(app),
        Action::Paste(text) => clipboard::paste(app, &text),
        Action::SelectPassage(selection) => view::select_passage(app, selection),
        Action::OpenArticle(id) => view::open_article(app, id),
        Action::FindText(query) => view::find_text(app, query),
        Action::CloseFind => view::close_find(app),
        Action::StopEditing => view::stop_editing(app),
        Action::DismissStatus => view::dismiss_status(app),
        Action::SetTheme(theme) => view::set_theme(app, theme),
        Action::SetHighContrast(on) => app.state.settings.high_contrast = on,
        Action::CloseWindow(window) => view::close_window(app, window),
        Action::FocusSteps(steps) => view::focus_steps(app, steps),
        Action::Collapse(claim, collapsed) => view::collapse(app, claim, collapsed),
        Action::ShowGhost(id) => view::show_ghost(app, id),
        Action::CompareWithExample(index) => teaching::compare_with_example(app, index),
        Action::ShowMissing(missing) => teaching::show_missing(app, missing),
        Action::PathText(text) => dialogs::path_text(app, text),
        Action::Arrived(arrived) => dialogs::arrived(app, arrived),
        Action::FindClaimText(text) => view::find_claim_text(app, text),
        Action::PreviewSource(preview) => app.state.windows.source_preview = Some(preview),
        Action::AddPreviewedSource => files::add_previewed_source(app),
        Action::PlanDebate(plan) => debate::plan(app, plan),
        Action::AddDebateArticle(side) => debate::add_article(app, side),
        Action::CreateDebate => debate::request_create(app),
        Action::PathConfirmed => dialogs::path_confirmed(app),
        Action::Resolve(resolution) => files::resolve(app, resolution),
        Action::Recover(index, choice) => recovery::recover(app, index, choice),
        Action::ReloadFromDisk(reload) => files::reload_from_disk(app, reload),
        Action::TakeInterrupted(take) => files::take_interrupted(app, take),
        Action::Tick { now, focused } => {
            if recovery::tick(app, now, focused) {
                files::watch(app);
            }
        }
        Action::Tutorial(step) => tutorial::step(app, step),
        Action::Welcome(choice) => tutorial::welcome(app, choice),
        Action::WelcomeAtStart(show) => app.state.settings.welcome_at_start = show,
        Action::MergeShow(at) => merging::show(app, at),
        Action::MergeChoose { conflict, theirs } => merging::choose_version(app, conflict, theirs),
        Action::MergeApply => merging::apply(app),
    }
}

/// Runs a command from the table, if it is available now.
fn run(app: &mut ArgmapApp, command: Command) {
    if !is_enabled(app, command) {
        if let Some(needs) = command.needs() {
            app.state.set_status(needs);
        }
        return;
    }
    // A paste the clipboard never answered (it was empty) must not turn
    // a later one into a source.
    app.state.paste_as_source = command == Command::PasteAsSource;
    match command {
        Command::New => files::request(app, Pending::New),
        Command::NewDebate => debate::open(app),
        Command::Open => files::request(app, Pending::OpenDialog),
        Command::Save => files::save(app),
        Command::SaveAs => files::save_as(app),
        Command::AddSource => files::add_source(app),
        Command::Import => files::choose_import(app),
        Command::Merge => merging::start(app),
        Command::ShowChanges => merging::ask_older(app),
        Command::LargerInterface => view::interface_scale(app, Some(true)),
        Command::SmallerInterface => view::interface_scale(app, Some(false)),
        Command::NormalInterface => view::interface_scale(app, None),
        Command::GoToTarget => view::go_along(app, view::Along::Target),
        Command::GoToReasons => view::go_along(app, view::Along::Reasons),
        Command::NextBeside => view::go_along(app, view::Along::Beside { forward: true }),
        Command::PreviousBeside => view::go_along(app, view::Along::Beside { forward: false }),
        Command::Export => view::open_export_window(app),
        Command::Quit => view::quit(app),
        Command::Undo => map_changes::undo(app),
        Command::Redo => map_changes::redo(app),
        Command::Cut => clipboard::cut(app),
        Command::Copy => clipboard::copy(app),
        Command::Paste => clipboard::request_paste(app),
        Command::PasteAsSource => clipboard::request_paste_as_source(app),
        Command::Duplicate => clipboard::duplicate(app),
        Command::Delete => map_changes::delete_selection(app),
        Command::SelectAll => view::select_all(app),
        Command::SelectNone => view::select_none(app),
        Command::MoveLeft => map_changes::nudge(app, -map_changes::NUDGE, 0.0),
        Command::MoveRight => map_changes::nudge(app, map_changes::NUDGE, 0.0),
        Command::MoveUp => map_changes::nudge(app, 0.0, -map_changes::NUDGE),
        Command::MoveDown => map_changes::nudge(app, 0.0, map_changes::NUDGE),
        Command::AddSelectionAsClaim => map_changes::add_selection_as_claim(app),
        Command::NewClaim => map_changes::new_claim(app),
        Command::EditClaim => view::edit_claim_text(app),
        Command::LinkSupport => map_changes::link_selection(app, crate::model::LinkKind::Support),
        Command::LinkRebut => map_changes::link_selection(app, crate::model::LinkKind::Rebut),
        Command::ToggleLinkKind => map_changes::toggle_link_kind(app),
        Command::ReverseLink => map_changes::reverse_link(app),
        Command::ShowInArticle => view::show_selected_in_article(app),
        Command::Find => view::find(app),
        Command::FindNext => view::find_step(app, true),
        Command::FindPrevious => view::find_step(app, false),
        Command::ZoomIn => view::zoom(app, 1.25),
        Command::ZoomOut => view::zoom(app, 0.8),
        Command::FitView => view::fit(app),
        Command::Focus => view::toggle_focus(app),
        Command::Collapse => view::toggle_collapse(app),
        Command::ExpandAll => view::expand_all(app),
        Command::ToggleMinimap => view::toggle_minimap(app),
        Command::ToggleOutline => view::toggle_outline(app),
        Command::FindClaim => view::open_find_claim(app),
        Command::Tidy => map_changes::tidy(app),
        Command::DebateLayout => map_changes::debate_layout(app),
        Command::ToggleReader => view::toggle_reader(app),
        Command::ToggleInspector => view::toggle_inspector(app),
        Command::Shortcuts => view::toggle_shortcuts(app),
        Command::Tutorial => tutorial::start_or_resume(app),
        Command::Welcome => app.state.windows.welcome = true,
        Command::About => app.state.windows.about = true,
        Command::Present => presenting::start(app),
        Command::PresentSteps => app.state.windows.steps = true,
        Command::ToggleEvaluation => teaching::toggle_evaluation(app),
        Command::TogglePreferred => teaching::toggle_preferred(app),
        Command::NextPosition => teaching::next_position(app),
        Command::ClearPins => teaching::clear_pins(app),
        Command::KeepPins => teaching::keep_pins(app),
        Command::Compare => teaching::compare_with_model(app),
        Command::StopComparing => teaching::stop_comparing(app),
        Command::ExportReport => teaching::export_report(app),
        Command::ExerciseClaims => {
            teaching::make_exercise(app, crate::analysis::compare::Exercise::ClaimsOnly);
        }
        Command::ExerciseContentions => {
            teaching::make_exercise(app, crate::analysis::compare::Exercise::MainContentions);
        }
        Command::NextOpenQuestion => teaching::next_open_question(app),
        Command::RaiseOpenQuestions => teaching::toggle_raise_open(app),
    }
}

/// Whether a command can run now (menus grey out the others).
pub fn is_enabled(app: &ArgmapApp, command: Command) -> bool {
    let state = &app.state;
    let map = &state.doc.map;
    let selection = &state.selection;
    let view = &state.view;
    let reader = &view.reader;
    let one_claim = selection.single_claim();
    match command {
        Command::Undo => state.doc.history.can_undo(),
        Command::Redo => state.doc.history.can_redo(),
        Command::Delete => !selection.is_empty(),
        Command::Cut | Command::Duplicate => !selection.claims.is_empty(),
        Command::Copy => !selection.claims.is_empty() || reader.selected_passage().is_some(),
        Command::SelectAll => !map.claims.is_empty(),
        Command::SelectNone => {
            !selection.is_empty() || reader.selected_span().is_some() || view.focus.is_some()
        }
        Command::Focus => one_claim.is_some() || view.focus.is_some(),
        Command::Collapse => {
            let chosen: std::collections::HashSet<_> = selection.claims.iter().collect();
            chosen.iter().any(|&&c| view.is_collapsed(c))
                || !chosen.is_empty()
                    && map.links.iter().any(|l| match l.target {
                        crate::model::Target::Claim(c) => chosen.contains(&c),
                        crate::model::Target::Link(_) => false,
                    })
        }
        Command::ExpandAll => !view.collapsed.is_empty(),
        Command::Present | Command::PresentSteps => !map.claims.is_empty(),
        Command::MoveLeft | Command::MoveRight | Command::MoveUp | Command::MoveDown => {
            !selection.claims.is_empty()
        }
        Command::AddSelectionAsClaim => reader.selected_passage().is_some(),
        Command::EditClaim
        | Command::GoToTarget
        | Command::GoToReasons
        | Command::NextBeside
        | Command::PreviousBeside => one_claim.is_some(),
        Command::LinkSupport | Command::LinkRebut => selection.claims.len() >= 2,
        Command::ToggleLinkKind => !selection.links.is_empty(),
        Command::ReverseLink => selection
            .single_link()
            .and_then(|id| map.link(id))
            .is_some_and(|l| l.simple_ends().is_some()),
        Command::ShowInArticle => one_claim
            .and_then(|id| map.claim(id))
            .is_some_and(|c| c.quote.is_some()),
        Command::FindNext | Command::FindPrevious => {
            reader.find.open && !reader.find.query.is_empty()
        }
        Command::Tidy | Command::FitView | Command::FindClaim => !map.claims.is_empty(),
        Command::DebateLayout => state.two_sides.is_some_and(|(_, two)| two),
        Command::TogglePreferred => state.teach.evaluate,
        Command::NextPosition => state.teach.evaluate && state.teach.preferred,
        Command::ClearPins => !state.teach.pins.is_empty(),
        Command::KeepPins => map
            .claims
            .iter()
            .any(|c| c.pin != state.teach.pins.get(&c.id).copied()),
        Command::StopComparing | Command::ExportReport => state.teach.comparison.is_some(),
        Command::ExerciseClaims | Command::ExerciseContentions => !map.claims.is_empty(),
        Command::NextOpenQuestion => !state.teach.open_questions().is_empty(),
        Command::RaiseOpenQuestions => {
            state.teach.raise_open || !state.teach.open_questions().is_empty()
        }
        Command::New
        | Command::NewDebate
        | Command::Open
        | Command::Save
        | Command::SaveAs
        | Command::AddSource
        | Command::Import
        | Command::Merge
        | Command::ShowChanges
        | Command::LargerInterface
        | Command::SmallerInterface
        | Command::NormalInterface
        | Command::Export
        | Command::Quit
        | Command::Paste
        | Command::PasteAsSource
        | Command::NewClaim
        | Command::Find
        | Command::ZoomIn
        | Command::ZoomOut
        | Command::ToggleReader
        | Command::ToggleInspector
        | Command::ToggleMinimap
        | Command::ToggleOutline
        | Command::ToggleEvaluation
        | Command::Compare
        | Command::Tutorial
        | Command::Welcome
        | Command::About
        | Command::Shortcuts => true,
    }
}

/// Keeps what is derived from the map up to date after the frame's actions.
pub fn refresh(app: &mut ArgmapApp) {
    let state = &mut app.state;
    let version = state.doc.version();
    state.teach.refresh(&state.doc.map, version);
    announce_changed(state);
    if state.two_sides.is_none_or(|(v, _)| v != version) {
        let two = crate::analysis::layout::has_two_sides(&state.doc.map);
        state.two_sides = Some((version, two));
    }
    tutorial::watch(app);
}

/// Says which claims an edit (or a pin) turned accepted, defeated or
/// undecided: the colours change for those who see them; a screen reader
/// reads the status line. Added to what the action itself said this frame.
fn announce_changed(state: &mut super::AppState) {
    let changed = state.teach.take_changed();
    if changed.is_empty() || !state.teach.evaluate || state.teach.preferred {
        return;
    }
    let said = match changed.as_slice() {
        [(id, status)] => {
            let words = state
                .doc
                .map
                .claim(*id)
                .map_or_else(String::new, |c| crate::model::excerpt(&c.text, 60));
            format!("now {}: “{words}”", status.label())
        }
        many => {
            let n = |s: crate::analysis::evaluate::Status| {
                many.iter().filter(|(_, now)| *now == s).count()
            };
            use crate::analysis::evaluate::Status;
            let parts: Vec<String> = [Status::Accepted, Status::Defeated, Status::Undecided]
                .into_iter()
                .filter(|&s| n(s) > 0)
                .map(|s| format!("{} now {}", n(s), s.label()))
                .collect();
            format!(
                "{} changed: {}",
                crate::model::count(many.len(), "claim", "claims"),
                parts.join(", ")
            )
        }
    };
    // A note set this frame (not yet shown) keeps its words, with this after.
    let text = if state.status.note_at.is_none() && !state.status.note.is_empty() {
        format!("{}; {said}", state.status.note)
    } else {
        let mut said = said;
        if let Some(first) = said.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        said
    };
    state.set_status(text);
}
