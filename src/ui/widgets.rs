//! Small widgets that know no feature: a slider over a model value in its unit (fractions inside,
//! percent on screen), a name editor that keeps its draft, an inline message, a color swatch.

use egui::{Color32, RichText, SliderClamping};

use crate::model::Unit;

/// Sizes the sliders of a group so the longest label and its value box fit beside them.
pub fn fit_sliders(ui: &mut egui::Ui, longest_label: &str) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let label_width = ui.fonts_mut(|f| {
        f.layout_no_wrap(longest_label.to_owned(), font, Color32::WHITE)
            .size()
            .x
    });
    let value_width = 96.0;
    let gaps = 3.0 * ui.spacing().item_spacing.x + 4.0;
    ui.spacing_mut().slider_width =
        (ui.available_width() - label_width - value_width - gaps).clamp(60.0, 300.0);
}

/// A slider in `unit` over a model value: the new model value when changed, and the slider's
/// response (focus, hover, context menu).
pub fn unit_slider(
    ui: &mut egui::Ui,
    model_value: f64,
    label: &str,
    unit: Unit,
    range: std::ops::RangeInclusive<f64>,
    hover: &str,
) -> (Option<f64>, egui::Response) {
    let mut screen = unit.to_screen(model_value);
    let mut slider = egui::Slider::new(&mut screen, range)
        .text(label)
        .clamping(SliderClamping::Never)
        .fixed_decimals(unit.decimals())
        .suffix(unit.suffix());
    slider = match unit {
        Unit::UsdBn => slider.prefix("$").logarithmic(true).smallest_positive(0.1),
        Unit::Year | Unit::WholeYears => slider.integer(),
        Unit::Years => slider.step_by(0.5),
        _ => slider,
    };
    let response = ui.add(slider).on_hover_text(hover);
    let new_value = (response.changed() && screen.is_finite()).then(|| unit.to_model(screen));
    (new_value, response)
}

/// A single-line editor for a name that keeps the person's draft while it is invalid.
///
/// Returns the draft when the person changed it; the draft falls back to `name` once the editor
/// loses focus.
pub fn name_editor(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    label: &str,
    name: &str,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let mut draft: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| name.to_owned());
    let mut changed = None;
    ui.horizontal(|ui| {
        let label = ui.label(label);
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft)
                    .desired_width(ui.available_width().clamp(120.0, 320.0))
                    .char_limit(200),
            )
            .labelled_by(label.id);
        if response.changed() {
            changed = Some(draft.clone());
        }
        if !response.has_focus() && draft != name {
            name.clone_into(&mut draft);
        }
    });
    ui.data_mut(|d| d.insert_temp(id, draft));
    changed
}

/// The red line that explains why the last edit in this group was not applied.
pub fn rejection_ui(ui: &mut egui::Ui, message: &str) {
    let color = if ui.visuals().dark_mode {
        Color32::from_rgb(0xFF, 0x6B, 0x6B)
    } else {
        Color32::from_rgb(0xC0, 0x1C, 0x1C)
    };
    ui.add(egui::Label::new(RichText::new(format!("Not applied: {message}")).color(color)).wrap());
}

/// A small colored square, used next to provider names.
pub fn swatch(ui: &mut egui::Ui, color: Color32) {
    let size = egui::vec2(10.0, 10.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// The egui color of a model color.
pub fn color32(rgb: crate::model::Rgb) -> Color32 {
    let [r, g, b] = rgb.0;
    Color32::from_rgb(r, g, b)
}
