//! Colours and sizes shared by the canvas, the reader and image snapshots.
//! Support and rebut differ in line style, arrow end and mark as well as in
//! colour, so the map reads without colour vision.

use crate::model::{LinkKind, SourceId};
use crate::render::palette;
use egui::Color32;

fn rgb(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

pub fn source_colour(id: &SourceId) -> Color32 {
    rgb(palette::source(id))
}

pub fn link_colour(kind: LinkKind, dark: bool) -> Color32 {
    rgb(palette::link(kind, dark))
}

/// The sign drawn on a link's badge.
pub fn link_mark(kind: LinkKind) -> &'static str {
    palette::mark(kind)
}

pub fn selection_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4d, 0xa3, 0xff)
    } else {
        Color32::from_rgb(0x1a, 0x73, 0xe8)
    }
}

/// Card background and text colours.
pub fn card_fill(dark: bool) -> Color32 {
    rgb(palette::card_fill(dark))
}

pub fn canvas_fill(dark: bool) -> Color32 {
    rgb(palette::canvas_fill(dark))
}

pub fn text_colour(dark: bool) -> Color32 {
    rgb(palette::text(dark))
}

/// The canvas behind the cards; black or white in high contrast.
pub fn canvas_fill_for(dark: bool, contrast: bool) -> Color32 {
    match (contrast, dark) {
        (false, _) => canvas_fill(dark),
        (true, true) => Color32::BLACK,
        (true, false) => Color32::WHITE,
    }
}

/// A card's text; pure white or black in high contrast.
pub fn text_colour_for(dark: bool, contrast: bool) -> Color32 {
    match (contrast, dark) {
        (false, _) => text_colour(dark),
        (true, true) => Color32::WHITE,
        (true, false) => Color32::BLACK,
    }
}

pub fn muted_text(dark: bool) -> Color32 {
    rgb(palette::muted(dark))
}

/// A translucent wash of `colour` for highlighting text.
pub fn wash(colour: Color32, dark: bool) -> Color32 {
    let alpha = if dark { 90 } else { 55 };
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

/// Whether the interface is drawn in high contrast. Argmap sets a text
/// colour for every widget only in its high-contrast visuals, so the
/// visuals themselves say which look is on, per window and per test.
pub fn is_high_contrast(visuals: &egui::Visuals) -> bool {
    visuals.override_text_color.is_some()
}

/// Puts every style of the window (light and dark) into high contrast, or
/// back to egui's own.
pub fn set_high_contrast(ctx: &egui::Context, on: bool) {
    ctx.all_styles_mut(|style| {
        let dark = style.visuals.dark_mode;
        style.visuals = if on {
            high_contrast(dark)
        } else if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
    });
}

/// Black on white or white on black, every edge drawn, weak text still
/// above 7:1, and hover and focus in a colour of their own: for students
/// with low vision and for washed-out classroom projectors.
pub fn high_contrast(dark: bool) -> egui::Visuals {
    use egui::Stroke;
    let mut v = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    let (fg, bg, weak, raised, accent) = if dark {
        (
            Color32::WHITE,
            Color32::BLACK,
            Color32::from_gray(0xd0),
            Color32::from_gray(0x26),
            Color32::from_rgb(0xff, 0xd7, 0x00),
        )
    } else {
        (
            Color32::BLACK,
            Color32::WHITE,
            Color32::from_gray(0x30),
            Color32::from_gray(0xe4),
            Color32::from_rgb(0x00, 0x3c, 0xb4),
        )
    };
    v.override_text_color = Some(fg);
    v.weak_text_color = Some(weak);
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = raised;
    v.code_bg_color = raised;
    v.window_stroke = Stroke::new(2.0, fg);
    v.hyperlink_color = accent;
    v.disabled_alpha = 0.65;
    let widgets = &mut v.widgets;
    widgets.noninteractive.fg_stroke = Stroke::new(1.0, fg);
    widgets.noninteractive.bg_stroke = Stroke::new(1.0, weak);
    for (state, width, edge) in [
        (&mut widgets.inactive, 1.0, fg),
        (&mut widgets.hovered, 2.0, accent),
        (&mut widgets.active, 2.5, accent),
        (&mut widgets.open, 2.0, accent),
    ] {
        state.fg_stroke = Stroke::new(width, fg);
        state.bg_stroke = Stroke::new(width, edge);
        state.bg_fill = raised;
        state.weak_bg_fill = raised;
    }
    v.selection.bg_fill = if dark {
        Color32::from_rgb(0x00, 0x4a, 0xad)
    } else {
        Color32::from_rgb(0x9c, 0xc8, 0xff)
    };
    v.selection.stroke = Stroke::new(2.0, accent);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio of two opaque colours.
    fn ratio(a: Color32, b: Color32) -> f32 {
        let luminance = |c: Color32| {
            let lin = |v: u8| palette::linear(v) as f32;
            0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn high_contrast_text_and_edges_pass_wcag_aaa() {
        for dark in [false, true] {
            let v = high_contrast(dark);
            let bg = v.panel_fill;
            assert!(ratio(v.text_color(), bg) >= 20.0);
            assert!(ratio(v.weak_text_color(), bg) >= 7.0, "weak text");
            assert!(ratio(v.hyperlink_color, bg) >= 7.0, "links and focus");
            assert!(
                ratio(v.widgets.inactive.bg_stroke.color, bg) >= 7.0,
                "edges"
            );
            // Buttons' text on their own fill.
            let fill = v.widgets.inactive.weak_bg_fill;
            assert!(ratio(v.text_color(), fill) >= 7.0, "button text");
            // A card's text on the canvas.
            assert!(ratio(text_colour_for(dark, true), canvas_fill_for(dark, true)) >= 20.0);
        }
        // egui's own dark look falls short of this for weak text.
        let plain = egui::Visuals::dark();
        assert!(ratio(plain.weak_text_color(), plain.panel_fill) < 7.0);
    }
}
