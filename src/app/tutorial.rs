//! Help ▸ Tutorial: a first lesson on the bundled Kramer article, in ten
//! steps. Each step says what to do and where, and is done when the map (or
//! the view) shows it, not when a button is pressed. Plain data: the window
//! draws it, the handlers start it and move it on.

use super::commands::{self, Command};
use crate::model::{ClaimId, Map, Target};

/// The article the lesson maps, and the one its objection comes from.
pub const KRAMER: &str = "kramer-2017";
pub const KIMMAGE: &str = "kimmage-2018";

#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter, strum::EnumCount)]
pub enum Step {
    OpenArticle,
    MainContention,
    Reason,
    Support,
    Objection,
    Rebut,
    Standing,
    Scheme,
    Question,
    Save,
}

/// Where on the window a step is done, to be highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Reader,
    Canvas,
    Inspector,
    MenuBar,
}

/// What the steps look at.
pub struct Seen<'a> {
    pub map: &'a Map,
    /// The article open in the reader.
    pub reading: Option<&'a str>,
    pub evaluating: bool,
    /// The map has a file and nothing is unsaved.
    pub saved: bool,
}

impl Seen<'_> {
    fn quotes(&self, id: ClaimId, source: &str) -> bool {
        self.map
            .claim(id)
            .and_then(|c| c.quote.as_ref())
            .is_some_and(|q| q.source.as_str() == source)
    }

    fn claims_from(&self, source: &str) -> usize {
        self.map
            .claims
            .iter()
            .filter(|c| self.quotes(c.id, source))
            .count()
    }
}

/// A command's keys as the menus write them, for the instructions.
fn keys(command: Command) -> String {
    commands::keys_text(command).unwrap_or_else(|| command.label().to_owned())
}

impl Step {
    pub fn all() -> impl Iterator<Item = Self> {
        <Self as strum::IntoEnumIterator>::iter()
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::OpenArticle => "Open Kramer’s article",
            Self::MainContention => "Find his main contention",
            Self::Reason => "Find a reason for it",
            Self::Support => "Link the reason as support",
            Self::Objection => "Find an objection in Kimmage",
            Self::Rebut => "Link the objection as rebut",
            Self::Standing => "See which claims stand",
            Self::Scheme => "Name the argument’s scheme",
            Self::Question => "Answer a critical question",
            Self::Save => "Save your map",
        }
    }

    /// What to do, in a student's words, with the keys that do it.
    pub fn what_to_do(self) -> String {
        match self {
            Self::OpenArticle => "In the reader on the left, choose Kramer’s article, “The \
                Eternal Return”, from the Article list. You will map his case."
                .to_owned(),
            Self::MainContention => format!(
                "Read the title and first paragraphs: what does Kramer want the reader to \
                believe? His answer is in the title: dialogue won’t work. Select a sentence \
                that says it, for example “Dialogue simply won’t work with Putin’s \
                murderous, treacherous, kleptocratic regime.” (Find, {}, jumps to it), \
                and drag it onto the map, or press {}.",
                keys(Command::Find),
                keys(Command::AddSelectionAsClaim)
            ),
            Self::Reason => format!(
                "Now find why he believes it: a sentence that gives a reason, such as \
                “Putin, in other words, is a wholly untrustworthy interlocutor.” Select it \
                and drag it onto the map too (or press {}).",
                keys(Command::AddSelectionAsClaim)
            ),
            Self::Support => format!(
                "Click the reason, then Shift+click the main contention, and press {} \
                (Link as support). The arrow runs from the reason to what it supports.",
                keys(Command::LinkSupport)
            ),
            Self::Objection => format!(
                "Switch the reader to Kimmage’s article, “The Surprising Promise of the \
                Trump-Putin Summit”, and find a sentence that answers Kramer, such as \
                “The United States cannot coerce Russia into doing its will.” Put it \
                on the map as before ({}).",
                keys(Command::AddSelectionAsClaim)
            ),
            Self::Rebut => format!(
                "Click Kimmage’s claim, then Shift+click the Kramer claim it answers, and \
                press {} (Link as rebut). Rebuts are dashed and marked −.",
                keys(Command::LinkRebut)
            ),
            Self::Standing => format!(
                "Press {} (Teach > Show which claims stand). A claim that stands gets a \
                green edge and a tick, a defeated one a red edge and a cross, an undecided \
                one an amber edge and a question mark: an attack that is itself unanswered \
                wins.",
                keys(Command::ToggleEvaluation)
            ),
            Self::Scheme => "Click the + badge on the support arrow. In the inspector on \
                the right, choose under Argument scheme how the reasoning goes: a bad \
                record as a sign of what to expect is an Argument from sign."
                .to_owned(),
            Self::Question => "The inspector now lists the scheme’s critical questions, \
                the ones a sceptic would ask. Pick one: “Raise as objection” if it weakens \
                the argument, “Meet it” if you can answer it. Type your answer and press \
                Enter."
                .to_owned(),
            Self::Save => format!(
                "Press {} and choose where to keep your map. It saves as a .ron file that \
                anyone with Argmap can open, quotes and all.",
                keys(Command::Save)
            ),
        }
    }

    /// Whether the step is about the view rather than the map: once done it
    /// stays done (the reader may move on to another article), while a
    /// step whose work on the map is undone becomes the one to do again.
    fn stays_done(self) -> bool {
        matches!(self, Self::OpenArticle | Self::Standing | Self::Save)
    }

    pub fn place(self) -> Place {
        match self {
            Self::OpenArticle | Self::MainContention | Self::Reason | Self::Objection => {
                Place::Reader
            }
            Self::Support | Self::Rebut => Place::Canvas,
            Self::Scheme | Self::Question => Place::Inspector,
            Self::Standing | Self::Save => Place::MenuBar,
        }
    }

    /// Whether what the step asks for is on the map (or in the view).
    pub fn done(self, seen: &Seen) -> bool {
        let map = seen.map;
        match self {
            Self::OpenArticle => seen.reading == Some(KRAMER),
            Self::MainContention => seen.claims_from(KRAMER) >= 1,
            Self::Reason => seen.claims_from(KRAMER) >= 2,
            Self::Support => map.links.iter().any(|l| {
                l.kind.is_support()
                    && matches!(l.target, Target::Claim(t) if seen.quotes(t, KRAMER))
                    && l.premises.iter().any(|&p| seen.quotes(p, KRAMER))
            }),
            Self::Objection => seen.claims_from(KIMMAGE) >= 1,
            Self::Rebut => map
                .links
                .iter()
                .any(|l| l.kind.is_attack() && l.premises.iter().any(|&p| seen.quotes(p, KIMMAGE))),
            Self::Standing => seen.evaluating,
            Self::Scheme => map.links.iter().any(|l| !l.scheme.is_empty()),
            // Answered in words: the claim raising or meeting it has text.
            Self::Question => map.links.iter().any(|l| {
                !l.question.is_empty()
                    && l.premises
                        .iter()
                        .all(|&p| map.claim(p).is_some_and(|c| !c.text.trim().is_empty()))
            }),
            Self::Save => seen.saved,
        }
    }
}

/// A lesson under way: which step it is on, and whether its window shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tutorial {
    /// Index of the current step; the number of steps once finished.
    at: usize,
    pub shown: bool,
    /// Steps skipped, or done once that stay done.
    behind: std::collections::BTreeSet<usize>,
}

impl Default for Tutorial {
    fn default() -> Self {
        Self {
            at: 0,
            shown: true,
            behind: Default::default(),
        }
    }
}

impl Tutorial {
    pub const STEPS: usize = <Step as strum::EnumCount>::COUNT;

    /// The step to do now; `None` once the lesson is finished.
    pub fn step(&self) -> Option<Step> {
        Step::all().nth(self.at)
    }

    /// The current step's number, counting from 1.
    pub fn number(&self) -> usize {
        self.at + 1
    }

    pub fn finished(&self) -> bool {
        self.step().is_none()
    }

    /// The current step becomes the first one not done (or skipped): the
    /// lesson moves on as the map shows steps done, and back when their
    /// work is undone. Returns whether it moved. A finished lesson stays
    /// finished.
    pub fn observe(&mut self, seen: &Seen) -> bool {
        if self.finished() {
            return false;
        }
        let before = self.at;
        for (i, step) in Step::all().enumerate() {
            if step.stays_done() && step.done(seen) && i <= self.at {
                self.behind.insert(i);
            }
        }
        self.at = Step::all()
            .enumerate()
            .position(|(i, step)| !self.behind.contains(&i) && !step.done(seen))
            .unwrap_or(Self::STEPS);
        self.at != before
    }

    /// Leaves the current step undone and goes on.
    pub fn skip(&mut self) {
        self.behind.insert(self.at);
        self.at = (self.at + 1).min(Self::STEPS);
    }
}
