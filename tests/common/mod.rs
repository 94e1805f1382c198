//! Shared test fixtures: a small map that exercises every part of the format.
#![allow(dead_code)] // each test file uses a different part

pub mod display;
pub mod extras;
pub mod random_edits;

use argmap::model::{
    Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Quote, Source, SourceId, Target,
};

/// A source whose text has curly quotes, dashes and accents, so byte offsets
/// and character boundaries are exercised.
pub fn source() -> Source {
    Source {
        id: SourceId::new("kramer-2017"),
        title: "The Eternal Return: Why Talking to Putin Won’t Work".into(),
        authors: vec!["David Kramer".into()],
        publication: "The American Interest".into(),
        date: "6 July 2017".into(),
        stance: "Confront.".into(),
        text: "It’s a pity — truly.\n\nPutin’s regime simply doesn’t abide by agreements it has signed or inherited. “No” is the answer; vis-à-vis Russia.".into(),
    }
}

/// The byte span of `needle` in `haystack` (panics in tests if absent).
pub fn span(haystack: &str, needle: &str) -> (usize, usize) {
    let start = haystack.find(needle).expect("needle in haystack");
    (start, start + needle.len())
}

pub fn quote(source: &Source, passage: &str) -> Quote {
    let (start, end) = span(&source.text, passage);
    Quote {
        source: source.id.clone(),
        start,
        end,
        text: passage.into(),
    }
}

pub fn claim(id: u64, text: &str, x: f32, y: f32) -> Claim {
    Claim {
        id: ClaimId(id),
        text: text.into(),
        label: String::new(),
        pos: Point::new(x, y),
        note: String::new(),
        pin: None,
        quote: None,
    }
}

pub fn link(id: u64, kind: LinkKind, premises: &[u64], target: Target) -> Link {
    Link {
        id: LinkId(id),
        kind,
        premises: premises.iter().map(|&p| ClaimId(p)).collect(),
        target,
        note: String::new(),
        scheme: String::new(),
        question: String::new(),
    }
}

/// Four claims, a support, a linked support, a rebut and an undercut.
pub fn small_map() -> Map {
    let source = source();
    let mut quoted = claim(2, "Putin’s regime doesn’t abide by agreements.", 0.0, 200.0);
    quoted.quote = Some(quote(
        &source,
        "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.",
    ));
    quoted.note = "Kramer’s central premise.".into();
    let mut rebut = link(3, LinkKind::Rebut, &[4], Target::Claim(ClaimId(1)));
    rebut.note = "Kimmage answers directly.".into();
    Map {
        title: "Small test map".into(),
        description: "Every kind of claim and link, once.".into(),
        sources: vec![source],
        claims: vec![
            claim(1, "Talking to Putin won’t work.", 0.0, 0.0),
            quoted,
            claim(3, "Russia broke the INF treaty.", 300.0, 200.0),
            claim(
                4,
                "A nonrelationship is not in the U.S. interest.",
                300.0,
                0.0,
            ),
        ],
        links: vec![
            link(1, LinkKind::Support, &[2], Target::Claim(ClaimId(1))),
            link(2, LinkKind::Support, &[2, 3], Target::Claim(ClaimId(1))),
            rebut,
            link(4, LinkKind::Rebut, &[3], Target::Link(LinkId(3))),
        ],
        steps: Vec::new(),
    }
}

/// The Kimmage–Kramer debate map that Argmap opens at start.
pub fn debate() -> Map {
    let example = &argmap::corpus::examples()[0];
    argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron).expect("debate")
}

/// The app in a test window of 1400×900, at 60 frames a second, with file
/// dialogs that answer from a script and scrolling that jumps instead of
/// gliding (so positions read between frames hold).
pub fn harness(
    map: Map,
    path: Option<std::path::PathBuf>,
    name: &'static str,
) -> egui_kittest::Harness<'static, argmap::app::ArgmapApp> {
    harness_for(argmap::app::ArgmapApp::with_map(map, path, name))
}

/// [`harness`] around an app made some other way (started from a file,
/// keeping recovery copies in a test's folder).
pub fn harness_for(
    app: argmap::app::ArgmapApp,
) -> egui_kittest::Harness<'static, argmap::app::ArgmapApp> {
    harness_sized(app, egui::vec2(1400.0, 900.0))
}

/// [`harness_for`] in a window of `size` (a student's laptop, say).
pub fn harness_sized(
    mut app: argmap::app::ArgmapApp,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, argmap::app::ArgmapApp> {
    app.set_dialogs(Box::new(argmap::app::dialogs::ScriptedDialogs::default()));
    let mut harness = egui_kittest::Harness::builder()
        .with_size(size)
        .with_max_steps(400)
        .with_step_dt(1.0 / 60.0)
        .with_context_setup(|ctx| {
            ctx.all_styles_mut(|s| s.scroll_animation = egui::style::ScrollAnimation::none())
        })
        .build_eframe(move |_| app);
    harness.run();
    harness
}

/// Lets `seconds` pass in the app, a frame at a time (timers run on the
/// frames' clock).
pub fn advance(harness: &mut egui_kittest::Harness<'static, argmap::app::ArgmapApp>, seconds: f32) {
    for _ in 0..(seconds * 60.0).ceil() as usize {
        harness.step();
    }
    harness.run();
}

/// Presses at `from`, moves in small steps to `to`, releases there.
pub fn drag(
    harness: &mut egui_kittest::Harness<'static, argmap::app::ArgmapApp>,
    from: egui::Pos2,
    to: egui::Pos2,
) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=8 {
        harness.hover_at(from.lerp(to, step as f32 / 8.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
}

/// What a test reads of the app in its harness.
pub trait AppHarness {
    /// What the window shows: the document, selection, status, windows.
    fn app(&self) -> &argmap::app::AppState;
    /// The panels' own view state: canvas view, reader selection.
    fn panels(&self) -> &argmap::app::ui::Panels;
    /// File dialogs that give these answers in turn.
    fn answer_dialogs(&mut self, answers: Vec<Option<std::path::PathBuf>>);
}

impl AppHarness for egui_kittest::Harness<'_, argmap::app::ArgmapApp> {
    fn app(&self) -> &argmap::app::AppState {
        self.state().state()
    }

    fn panels(&self) -> &argmap::app::ui::Panels {
        self.state().panels()
    }

    fn answer_dialogs(&mut self, answers: Vec<Option<std::path::PathBuf>>) {
        self.state_mut()
            .set_dialogs(Box::new(argmap::app::dialogs::ScriptedDialogs {
                answers: answers.into(),
                unavailable: false,
            }));
    }
}

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file.
pub fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from the golden file (run with UPDATE_GOLDEN=1 if the change is intended)\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

/// Every piece of text painted this frame.
pub fn painted_texts(
    harness: &egui_kittest::Harness<'static, argmap::app::ArgmapApp>,
) -> Vec<String> {
    fn collect(shape: &egui::Shape, found: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) => found.push(text.galley.text().to_owned()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut found);
    }
    found
}

/// A program's run that must have succeeded: fails the test with `what`,
/// its status and both outputs if not; else its standard output.
pub fn succeeded(output: &std::process::Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed ({}):\nstdout: {}\nstderr: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the app put on the clipboard in the frame just stepped, if anything.
pub fn copied(harness: &egui_kittest::Harness<'static, argmap::app::ArgmapApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}
