//! Cut, copy, paste and duplicate: what goes to and comes from the system
//! clipboard. What a copy holds and what a paste adds is `edit_builders::clipboard`.

use super::map_changes::apply_edit;
use crate::app::edit_builders::{clipboard, source_for};
use crate::app::{ArgmapApp, Effect};
use crate::model::{Point, count};

/// Copies the passage selected in the reader if that was picked last,
/// otherwise the selected claims.
pub fn copy(app: &mut ArgmapApp) {
    let map = &app.state.doc.map;
    let passage = app.state.view.reader.selected_passage().and_then(|p| {
        let source = source_for(map, &p.source)?;
        source.text.get(p.start..p.end).map(str::to_owned)
    });
    let claims = app.state.selection.claims.clone();
    let use_passage = passage.is_some() && (app.state.copy_passage || claims.is_empty());
    if use_passage && let Some(passage) = passage {
        app.effects.push(Effect::CopyText(passage));
        app.state.set_status("Copied passage");
        return;
    }
    match clipboard::copy_text(map, &claims) {
        Some(Ok(text)) => {
            app.effects.push(Effect::CopyText(text));
            app.state
                .set_status(format!("Copied {}", count(claims.len(), "claim", "claims")));
        }
        Some(Err(error)) => app.state.set_error(format!("Not copied: {error}")),
        None => {}
    }
}

pub fn cut(app: &mut ArgmapApp) {
    let state = &app.state;
    let text = match clipboard::copy_text(&state.doc.map, &state.selection.claims) {
        Some(Ok(text)) => text,
        Some(Err(error)) => return app.state.set_error(format!("Not cut: {error}")),
        None => return,
    };
    if let Some(edit) =
        crate::app::edit_builders::delete_selection(&state.doc.map, &state.selection)
        && apply_edit(app, "Cut", edit)
    {
        app.effects.push(Effect::CopyText(text));
        app.state.selection.clear();
    }
}

/// The window system answers with the clipboard's text as a paste event.
pub fn request_paste(app: &mut ArgmapApp) {
    app.effects
        .push(Effect::Viewport(egui::ViewportCommand::RequestPaste));
}

/// Edit ▸ Paste as new source: the clipboard's text, when it arrives,
/// becomes a source.
pub fn request_paste_as_source(app: &mut ArgmapApp) {
    app.state.paste_as_source = true;
    request_paste(app);
}

pub fn paste(app: &mut ArgmapApp, text: &str) {
    if std::mem::take(&mut app.state.paste_as_source) {
        return paste_as_source(app, text);
    }
    let canvas = &app.panels.canvas;
    let at = canvas.centre();
    let visible = |p: Point| canvas.shows(p);
    let result = clipboard::paste_text(
        &app.state.doc.map,
        text,
        at,
        visible,
        app.state.view.reader.article.as_ref(),
    );
    match result {
        Ok(pasted) => {
            if apply_edit(app, pasted.label, pasted.edit) {
                let n = pasted.claims.len();
                let state = &mut app.state;
                state.set_status(format!("Pasted {}", count(n, "claim", "claims")));
                state.selection.claims = pasted.claims;
                state.selection.links.clear();
            }
        }
        Err(why) => app.state.set_error(format!("Could not paste: {why}")),
    }
}

pub fn duplicate(app: &mut ArgmapApp) {
    if let Some(pasted) = clipboard::duplicate(&app.state.doc.map, &app.state.selection.claims)
        && apply_edit(app, pasted.label, pasted.edit)
    {
        app.state.selection.claims = pasted.claims;
        app.state.selection.links.clear();
    }
}

/// Pasted text as a new source: wrapped lines joined, the first heading
/// (if any) its title; one undoable step.
fn paste_as_source(app: &mut ArgmapApp, text: &str) {
    let reading = match crate::documents::read_pasted(text) {
        Ok(reading) => reading,
        Err(error) => {
            return app
                .state
                .set_error(format!("Could not paste as a source: {error}"));
        }
    };
    super::files::preview(app, "the clipboard".to_owned(), "pasted", reading, None);
}
