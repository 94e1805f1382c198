//! File ▸ New debate…: planning the question and sides in their window,
//! each side's articles read through Add source's preview, then the map
//! made from the plan in place of the open one (asking about unsaved
//! changes first).

use super::dialogs::choose;
use crate::app::ArgmapApp;
use crate::app::actions::Pending;
use crate::app::dialogs::Request;
use crate::app::document::Document;
use crate::app::state::{Pane, SourcePreview};
use crate::model::DebatePlan;

/// Opens the window, on the plan left in it if it was only hidden.
pub fn open(app: &mut ArgmapApp) {
    let windows = &mut app.state.windows;
    // The welcome speaks of the bundled debate; this one replaces it.
    windows.welcome = false;
    windows.new_debate = Some(windows.new_debate.take().unwrap_or_default());
}

pub fn plan(app: &mut ArgmapApp, plan: DebatePlan) {
    if app.state.windows.new_debate.is_some() {
        app.state.windows.new_debate = Some(plan);
    }
}

/// A side's Add article…: the document is asked for, read and previewed
/// as Add source's are, and [`take_article`] files it under the side.
pub fn add_article(app: &mut ArgmapApp, side: usize) {
    choose(app, Request::DebateArticle(side));
}

/// The preview's Add: the article joins its side of the plan.
pub(super) fn take_article(app: &mut ArgmapApp, side: usize, preview: &SourcePreview) {
    let Some(plan) = app.state.windows.new_debate.as_mut() else {
        app.state
            .set_status("The new debate was closed before the article was added");
        return;
    };
    let article = preview.corrected(&plan.to_map());
    let Some(planned) = plan.sides.get_mut(side) else {
        return;
    };
    let title = article.title.clone();
    planned.articles.push(article);
    let name = planned.name.trim().to_owned();
    app.state
        .set_status(format!("“{title}” will argue for “{name}”"));
}

/// Create debate: asks about unsaved changes, then [`create`].
pub fn request_create(app: &mut ArgmapApp) {
    let Some(plan) = &app.state.windows.new_debate else {
        return;
    };
    if let Some(missing) = plan.missing() {
        app.state.set_status(missing);
        return;
    }
    super::files::request(app, Pending::NewDebate);
}

/// The planned debate becomes the open map: new and unsaved, named after
/// its question, with the reader on its first article.
pub(super) fn create(app: &mut ArgmapApp) {
    let Some(plan) = app.state.windows.new_debate.take() else {
        return;
    };
    let map = plan.to_map();
    let name = format!("{}.ron", crate::format::slug(&plan.question));
    let articles = map.sources.len();
    let first = plan.articles().next().map(|a| a.id.clone());
    let mut doc = Document::new(map, None, name);
    doc.mark_unsaved(1);
    app.replace_document(doc);
    if let Some(first) = first {
        app.state.panes.open(Pane::Reader);
        super::view::open_article(app, first);
    }
    app.state.set_status(format!(
        "New debate with {} and {}: Save keeps it",
        crate::model::count(plan.sides.len(), "side", "sides"),
        crate::model::count(articles, "article", "articles")
    ));
}
