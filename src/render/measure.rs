//! Card sizes, measured with the same fonts and wrapping as the canvas, so
//! the canvas, Tidy and exported pictures agree. [`Headless`] gives those
//! fonts where no window is open (imports, the command line, pictures).

use crate::analysis::layout::{self, Size};
use crate::model::{Claim, ClaimId, Map};
use egui::epaint::text::FontsView;
use egui::{Color32, FontId, Vec2, vec2};
use std::collections::BTreeMap;

pub const CARD_WIDTH: f32 = 200.0;
pub const PADDING: f32 = 10.0;
pub const FONT_SIZE: f32 = 14.0;
pub const BADGE_FONT: f32 = 11.0;
pub const BADGE_ROW: f32 = 20.0;
/// Tall enough for two lines of label when zoomed out to fit a whole map.
pub const MIN_HEIGHT: f32 = 72.0;

/// What a card shows: an empty claim still shows something to click.
pub fn display_text(claim: &Claim) -> String {
    if claim.text.trim().is_empty() {
        "(empty claim)".to_owned()
    } else {
        claim.text.clone()
    }
}

/// A card's size at 100 % zoom.
pub fn card_size(fonts: &mut FontsView<'_>, claim: &Claim) -> Vec2 {
    let galley = fonts.layout(
        display_text(claim),
        FontId::proportional(FONT_SIZE),
        Color32::PLACEHOLDER,
        CARD_WIDTH - 2.0 * PADDING,
    );
    let badge = if claim.quote.is_some() {
        BADGE_ROW
    } else {
        0.0
    };
    vec2(
        CARD_WIDTH,
        (galley.size().y + 2.0 * PADDING + badge).max(MIN_HEIGHT),
    )
}

/// A size as Tidy takes it.
pub fn layout_size(size: Vec2) -> Size {
    Size {
        w: size.x,
        h: size.y,
    }
}

/// The canvas's fonts without a window.
pub struct Headless {
    ctx: egui::Context,
}

impl Default for Headless {
    fn default() -> Self {
        let ctx = egui::Context::default();
        // Fonts are only ready once a pass has run.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer will upload the font texture; say so rather than leave it pending.
        output.textures_delta.clear();
        Self { ctx }
    }
}

/// How much text is laid out before the laid-out text is let go: egui
/// keeps every galley of a pass, some two hundred bytes a character, so a
/// map's worth at once would take gigabytes.
pub const TEXT_PER_PASS: usize = 1 << 20;

impl Headless {
    pub fn fonts<R>(&self, f: impl FnOnce(&mut FontsView<'_>) -> R) -> R {
        self.ctx.fonts_mut(f)
    }

    /// Lets go of the text laid out so far (two passes: a galley goes once
    /// a pass has not used it).
    pub fn flush(&self) {
        for _ in 0..2 {
            let mut output = self.ctx.run_ui(egui::RawInput::default(), |_| {});
            output.textures_delta.clear();
        }
    }

    /// `f` for each claim with the fonts, letting go of the laid-out text
    /// every [`TEXT_PER_PASS`] bytes, so memory stays bounded whatever the map.
    pub fn each_claim<'m, R>(
        &self,
        claims: impl IntoIterator<Item = &'m Claim>,
        mut f: impl FnMut(&mut FontsView<'_>, &'m Claim) -> R,
    ) -> Vec<R> {
        let mut out = Vec::new();
        let mut claims = claims.into_iter().peekable();
        while claims.peek().is_some() {
            let mut laid = 0;
            self.fonts(|fonts| {
                while laid < TEXT_PER_PASS
                    && let Some(claim) = claims.next()
                {
                    laid += claim.text.len();
                    out.push(f(fonts, claim));
                }
            });
            if claims.peek().is_some() {
                self.flush();
            }
        }
        out
    }

    /// Every card's size, as Tidy takes them. A large map is measured on
    /// every core, each with fonts of its own (the same fonts, so the same
    /// sizes).
    pub fn sizes(&self, map: &Map) -> BTreeMap<ClaimId, Size> {
        let measure = |headless: &Headless, claims: &[Claim]| {
            headless.each_claim(claims, |fonts, c| (c.id, layout_size(card_size(fonts, c))))
        };
        let threads = Self::threads_for(map.claims.len());
        if threads < 2 {
            return measure(self, &map.claims).into_iter().collect();
        }
        let chunk = map.claims.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let mut chunks = map.claims.chunks(chunk);
            let mine = chunks.next().unwrap_or_default();
            let others: Vec<_> = chunks
                .map(|claims| scope.spawn(move || measure(&Headless::default(), claims)))
                .collect();
            let mut sizes: BTreeMap<ClaimId, Size> = measure(self, mine).into_iter().collect();
            for other in others {
                sizes.extend(other.join().unwrap_or_default());
            }
            // A thread that failed leaves its claims to be measured here.
            let missed: Vec<Claim> = map
                .claims
                .iter()
                .filter(|c| !sizes.contains_key(&c.id))
                .cloned()
                .collect();
            sizes.extend(measure(self, &missed));
            sizes
        })
    }

    /// How many threads measure `claims` cards: one below a few thousand
    /// (new fonts cost more than they save), else one a core, up to four.
    fn threads_for(claims: usize) -> usize {
        if cfg!(target_arch = "wasm32") || claims < 4_000 {
            return 1;
        }
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    }
}

/// Lays `map` out with Tidy, cards measured as the canvas would.
pub fn tidy(map: &mut Map) {
    let sizes = Headless::default().sizes(map);
    for (id, pos) in layout::tidy(map, &sizes) {
        if let Some(claim) = map.claim_mut(id) {
            claim.pos = pos;
        }
    }
}

/// Lays `map` out as a debate (see `layout::debate`), cards measured as the
/// canvas would; `false` (and the map unchanged) when it has no two sides.
pub fn debate(map: &mut Map, effort: usize) -> bool {
    let sizes = Headless::default().sizes(map);
    let Some(positions) = layout::debate_with(map, &sizes, effort) else {
        return false;
    };
    for (id, pos) in positions {
        if let Some(claim) = map.claim_mut(id) {
            claim.pos = pos;
        }
    }
    true
}
