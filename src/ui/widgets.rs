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

/// How much finer a drag moves a slider while Shift is held.
const FINE_DRAG_FACTOR: f64 = 0.1;

/// A slider in `unit` over a model value: the new model value when changed, and the slider's
/// response (focus, hover, context menu). Shift+drag moves it ten times finer; the secondary
/// button opens the context menu and never moves it.
pub fn unit_slider(
    ui: &mut egui::Ui,
    model_value: f64,
    label: &str,
    unit: Unit,
    range: std::ops::RangeInclusive<f64>,
    hover: &str,
) -> (Option<f64>, egui::Response) {
    let before = unit.to_screen(model_value);
    let mut screen = before;
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
    let response = ui
        .add(slider)
        .on_hover_text(format!("{hover}\nShift+drag for fine steps."));
    let secondary = ui.input(|i| i.pointer.secondary_down() || i.pointer.secondary_released());
    if secondary {
        return (None, response);
    }
    let screen = fine_drag(ui, &response, unit, before, screen);
    let new_value = (response.changed() && screen.is_finite()).then(|| unit.to_model(screen));
    (new_value, response)
}

/// A drag that starts (or reaches a frame) with Shift held moves the slider a tenth of the
/// pointer's way from where it began, until the button is released; in log space for money.
fn fine_drag(
    ui: &egui::Ui,
    response: &egui::Response,
    unit: Unit,
    before: f64,
    pointer: f64,
) -> f64 {
    let id = response.id.with("fine-drag-anchor");
    let pressed = response.dragged() || response.is_pointer_button_down_on();
    let active = pressed || response.drag_stopped();
    let anchor = ui.data(|d| d.get_temp::<(f64, f64)>(id));
    if !active {
        if anchor.is_some() {
            ui.data_mut(|d| d.remove::<(f64, f64)>(id));
        }
        return pointer;
    }
    let Some((anchor_value, anchor_pointer)) = anchor else {
        if pressed && ui.input(|i| i.modifiers.shift) {
            ui.data_mut(|d| d.insert_temp(id, (before, pointer)));
            return before;
        }
        return pointer;
    };
    if response.drag_stopped() {
        ui.data_mut(|d| d.remove::<(f64, f64)>(id));
    }
    let logarithmic = unit == Unit::UsdBn;
    let to_space = |v: f64| {
        if logarithmic {
            v.max(f64::MIN_POSITIVE).ln()
        } else {
            v
        }
    };
    let from_space = |v: f64| if logarithmic { v.exp() } else { v };
    let moved = (to_space(pointer) - to_space(anchor_pointer)) * FINE_DRAG_FACTOR;
    from_space(to_space(anchor_value) + moved)
}

/// A single-line editor for a name that keeps the person's draft while they type.
///
/// Returns the draft once, when the person presses Enter or leaves the field (one edit, one undo
/// step); a draft that was refused falls back to `name` afterwards.
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
        // One edit (and one undo step) per name: taken on Enter or when the field loses focus.
        if response.lost_focus() && draft != name {
            changed = Some(draft.clone());
        }
        if !response.has_focus() && !response.lost_focus() && draft != name {
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

/// A small "✖" button whose accessible name is `name` (shown as its tooltip); returns whether it
/// was clicked.
pub fn remove_button(ui: &mut egui::Ui, name: &str) -> bool {
    let response = ui.small_button("✖").on_hover_text(name);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    response.clicked()
}
