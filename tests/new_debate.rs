//! File ▸ New debate…, driven through the window on a student's laptop:
//! the question, the sides, each side's articles read through Add source's
//! preview, then a map that starts as the debate.

mod common;

use argmap::app::{Action, ArgmapApp, Command};
use argmap::model::SourceId;
use common::AppHarness;
use egui::accesskit::Role;
use egui::{Key, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};

fn laptop() -> Harness<'static, ArgmapApp> {
    common::harness_sized(
        ArgmapApp::with_map(common::debate(), None, "kimmage-kramer-debate.ron"),
        vec2(1366.0, 768.0),
    )
}

fn open_window(harness: &mut Harness<'static, ArgmapApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New debate…").click();
    harness.run();
}

fn type_into(harness: &mut Harness<'static, ArgmapApp>, field: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    harness.run();
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// Adds the document at `path` to side `number` (named `name`) through its preview.
fn add_article(
    harness: &mut Harness<'static, ArgmapApp>,
    number: usize,
    name: &str,
    path: PathBuf,
) {
    harness.answer_dialogs(vec![Some(path)]);
    harness
        .get_by_label(&format!("Add an article to side {number}"))
        .click();
    harness.run();
    harness
        .get_by_label(&format!("Add to side “{name}”"))
        .click();
    harness.run();
}

#[test]
fn a_new_debate_starts_with_its_question_sides_and_articles() {
    let dir = tempfile::tempdir().expect("temp");
    let page = write(
        dir.path(),
        "phones.html",
        r#"<html><head><meta property="og:title" content="Ban Phones in Class">
<meta name="author" content="Ann Teacher"></head><body><nav>Home News</nav>
<article><h1>Ban Phones in Class</h1><p>Attention is the first casualty.</p>
<p>Grades rose where phones were locked away.</p></article><footer>Subscribe</footer></body></html>"#,
    );
    let notes = write(
        dir.path(),
        "Teach with them.md",
        "# Teach With Phones\n\nA phone is a library in a pocket,\nif students are taught to use it.\n",
    );
    let mut harness = laptop();
    open_window(&mut harness);
    // Nothing is made until the debate has a question.
    assert!(
        harness
            .get_by_label("Create debate")
            .accesskit_node()
            .is_disabled(),
        "a debate without a question"
    );
    harness.get_by_label("Write the question the debate is about");
    type_into(
        &mut harness,
        "Question",
        "Should schools ban phones in class?",
    );
    type_into(
        &mut harness,
        "Main contention of side 1",
        "Phones in class harm learning.",
    );
    // A third side comes and goes.
    harness.get_by_label("Add a side").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name of side 3");
    harness.get_by_label("Remove side “Side 3”").click();
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Name of side 3")
            .is_none()
    );
    add_article(&mut harness, 1, "For", page);
    add_article(&mut harness, 2, "Against", notes);
    harness.get_by_label("Remove “Ban Phones in Class” from side 1");
    harness.get_by_label("Remove “Teach With Phones” from side 2");
    // The window's buttons stay on a 768-pixel-high screen.
    let create = harness.get_by_label("Create debate");
    assert!(!create.accesskit_node().is_disabled());
    assert!(create.rect().max.y <= 768.0, "{:?}", create.rect());
    create.click();
    harness.run();

    let app = harness.app();
    assert!(app.windows.new_debate.is_none());
    let map = &app.doc.map;
    assert_eq!(map.title, "Should schools ban phones in class?");
    assert!(argmap::model::validate(map).is_empty());
    let ids: Vec<&str> = map.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["phones", "teach-with-them"]);
    let page = map.source(&SourceId::new("phones")).expect("page");
    assert_eq!(page.stance, "For");
    assert_eq!(page.authors, ["Ann Teacher"]);
    assert_eq!(
        page.text,
        "Attention is the first casualty.\n\nGrades rose where phones were locked away."
    );
    let notes = map
        .source(&SourceId::new("teach-with-them"))
        .expect("notes");
    assert_eq!(notes.stance, "Against");
    assert!(
        notes
            .text
            .ends_with("A phone is a library in a pocket, if students are taught to use it."),
        "{}",
        notes.text
    );
    // A card for each side's main contention, side by side.
    assert_eq!(map.claims.len(), 2);
    assert_eq!(map.claims[0].text, "Phones in class harm learning.");
    assert!(
        map.claims[1]
            .text
            .starts_with("Main contention of “Against”")
    );
    assert!(map.claims[0].pos.x < map.claims[1].pos.x);
    assert_eq!(map.claims[0].pos.y, map.claims[1].pos.y);
    // Unsaved, named after its question, the reader on its first article.
    assert!(app.doc.is_dirty());
    assert_eq!(app.doc.name(), "should-schools-ban-phones-in-class.ron");
    assert_eq!(
        app.view.reader.article.as_ref().map(SourceId::as_str),
        Some("phones")
    );
    harness.run();
    harness.get_by_label("Claim: Phones in class harm learning.");
    harness.get_by_label("Article text: Ban Phones in Class");
}

#[test]
fn unsaved_work_is_asked_about_and_escape_leaves_the_map_as_it_was() {
    let mut harness = laptop();
    // An unsaved change to the open map.
    harness.state_mut().act(Action::Command(Command::SelectAll));
    harness.state_mut().act(Action::Command(Command::Delete));
    harness.run();
    let edited = harness.app().doc.map.clone();
    assert!(harness.app().doc.is_dirty());

    harness.state_mut().act(Action::Command(Command::NewDebate));
    harness.run();
    type_into(&mut harness, "Question", "Is homework worth it?");
    harness.get_by_label("Create debate").click();
    harness.run();
    // Asked first; the question's Cancel keeps the map and the plan.
    let asked = harness
        .get_by_label_contains("before starting a new map?")
        .rect();
    let cancel = harness
        .query_all_by_label("Cancel")
        .filter(|b| b.rect().min.y > asked.max.y)
        .min_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the question's Cancel");
    cancel.click();
    harness.run();
    assert!(harness.app().prompt.is_none());
    assert_eq!(harness.app().doc.map, edited);
    let plan = harness
        .app()
        .windows
        .new_debate
        .as_ref()
        .expect("plan kept");
    assert_eq!(plan.question, "Is homework worth it?");

    // Escape closes the window; nothing changes.
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.app().windows.new_debate.is_none());
    assert_eq!(harness.app().doc.map, edited);
}

#[test]
fn an_article_that_cannot_be_read_is_named_and_not_added() {
    let dir = tempfile::tempdir().expect("temp");
    let bad = write(dir.path(), "scan.pdf", "%PDF-1.4 not really");
    let mut harness = laptop();
    harness.state_mut().act(Action::Command(Command::NewDebate));
    harness.run();
    harness.answer_dialogs(vec![Some(bad)]);
    harness.get_by_label("Add an article to side 2").click();
    harness.run();
    let app = harness.app();
    assert!(
        app.status.error.contains("scan.pdf"),
        "{}",
        app.status.error
    );
    assert!(app.windows.source_preview.is_none());
    let plan = app.windows.new_debate.as_ref().expect("window stays");
    assert!(plan.articles().next().is_none());
    assert_eq!(app.doc.map, common::debate());
}

#[test]
fn the_welcome_offers_a_debate_of_your_own() {
    let mut app = ArgmapApp::start(None);
    app.restore(None);
    let mut harness = common::harness_sized(app, vec2(1366.0, 768.0));
    harness.get_by_label("Start a debate of your own…").click();
    harness.run();
    assert!(!harness.app().windows.welcome);
    assert!(harness.app().windows.new_debate.is_some());
    harness.get_by_role_and_label(Role::TextInput, "Question");
}
