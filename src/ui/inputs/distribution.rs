//! The distribution editor beside a slider: a "±" toggle, and below the slider the kind (none,
//! triangular, uniform, normal) and its bounds in the slider's display units.

use egui::{Id, RichText};

use crate::edits::Edit;
use crate::model::Unit;
use crate::model::{Distribution, ParamPath, Scenario};

fn open_id(path: ParamPath) -> Id {
    Id::unique(("distribution-editor-open", path))
}

/// The "±" toggle (accessible name "`label` distribution"); returns whether the editor is open.
pub fn distribution_toggle_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    path: ParamPath,
    label: &str,
) -> bool {
    let id = open_id(path);
    let mut open = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    let has = scenario.distribution(path).is_some();
    let text = if has {
        RichText::new("±")
            .strong()
            .color(ui.visuals().hyperlink_color)
    } else {
        RichText::new("±")
    };
    let name = format!("{label} distribution");
    let response = ui.selectable_label(open, text).on_hover_text(if has {
        "Edit this input's uncertainty"
    } else {
        "Make this input uncertain (Monte Carlo, tornado)"
    });
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, open, name.clone()));
    if response.clicked() {
        open = !open;
        ui.data_mut(|d| d.insert_temp(id, open));
    }
    open
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    None,
    Triangular,
    Uniform,
    Normal,
}

impl Kind {
    fn of(dist: Option<Distribution>) -> Self {
        match dist {
            None => Self::None,
            Some(Distribution::Triangular { .. }) => Self::Triangular,
            Some(Distribution::Uniform { .. }) => Self::Uniform,
            Some(Distribution::Normal { .. }) => Self::Normal,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Triangular => "Triangular",
            Self::Uniform => "Uniform",
            Self::Normal => "Normal",
        }
    }
}

/// A starting distribution of `kind` around `value` (model units), inside the valid range.
fn default_distribution(
    kind: Kind,
    scenario: &Scenario,
    path: ParamPath,
    value: f64,
    unit: Unit,
) -> Option<Distribution> {
    let screen = unit.to_screen(value);
    let spread = unit.round_model(unit.to_model_exact((screen.abs() * 0.2).max(1.0)), 1);
    let range = path.valid_range(scenario);
    let low = range.clamp(unit.round_model(value - spread, 1)).min(value);
    let high = range.clamp(unit.round_model(value + spread, 1)).max(value);
    let (low, high) = if low < high {
        (low, high)
    } else {
        (value - spread, value + spread)
    };
    match kind {
        Kind::None => None,
        Kind::Triangular => Some(Distribution::Triangular { low, high }),
        Kind::Uniform => Some(Distribution::Uniform { low, high }),
        Kind::Normal => Some(Distribution::Normal { sd: spread / 2.0 }),
    }
}

/// One bound in screen units, kept within `allowed` (model units); returns the new model value
/// (in the editor's precision) when changed.
fn bound_ui(
    ui: &mut egui::Ui,
    text: &str,
    model: f64,
    unit: Unit,
    allowed: (f64, f64),
) -> Option<f64> {
    let mut screen = unit.to_screen(model);
    let label = ui.label(text);
    let (low, high) = (unit.to_screen(allowed.0), unit.to_screen(allowed.1));
    let changed = ui
        .add(
            egui::DragValue::new(&mut screen)
                .speed(0.1)
                .range(low.min(high)..=high.max(low))
                .fixed_decimals(unit.decimals() + 1)
                .suffix(unit.suffix()),
        )
        .labelled_by(label.id)
        .changed();
    (changed && screen.is_finite()).then(|| unit.round_model(unit.to_model_exact(screen), 1))
}

/// The editor under the slider of `path`; pushes `Edit::Distribution` on a change.
pub fn distribution_editor_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    path: ParamPath,
    label: &str,
    unit: Unit,
    edits: &mut Vec<Edit>,
) {
    let Some(value) = path.get(scenario) else {
        return;
    };
    let current = scenario.distribution(path);
    ui.indent(("distribution-editor", path), |ui| {
        ui.horizontal_wrapped(|ui| {
            let mut kind = Kind::of(current);
            egui::ComboBox::from_id_salt(("distribution-kind", path))
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in [Kind::None, Kind::Triangular, Kind::Uniform, Kind::Normal] {
                        ui.selectable_value(&mut kind, k, k.label());
                    }
                })
                .response
                .widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        format!("{label} distribution kind"),
                    )
                });
            if kind != Kind::of(current) {
                edits.push(Edit::Distribution(
                    path,
                    default_distribution(kind, scenario, path, value, unit),
                ));
                return;
            }
            match current {
                None => {
                    ui.label(RichText::new("Certain: pick a distribution to vary it").weak());
                }
                Some(
                    dist @ (Distribution::Triangular { low, high }
                    | Distribution::Uniform { low, high }),
                ) => {
                    // A bound that breaks the rules is refused with a message under the slider.
                    let range = path.valid_range(scenario);
                    let allowed = (range.min, range.max);
                    let low_new = bound_ui(ui, "low", low, unit, allowed);
                    let high_new = bound_ui(ui, "high", high, unit, allowed);
                    if low_new.is_some() || high_new.is_some() {
                        let (low, high) = (low_new.unwrap_or(low), high_new.unwrap_or(high));
                        let changed = match dist {
                            Distribution::Triangular { .. } => {
                                Distribution::Triangular { low, high }
                            }
                            _ => Distribution::Uniform { low, high },
                        };
                        edits.push(Edit::Distribution(path, Some(changed)));
                    }
                }
                Some(Distribution::Normal { sd }) => {
                    let most = path.valid_range(scenario);
                    let allowed = (unit.to_model_exact(0.01).abs(), most.max - most.min);
                    if let Some(sd) = bound_ui(ui, "sd", sd, unit, allowed) {
                        edits.push(Edit::Distribution(path, Some(Distribution::Normal { sd })));
                    }
                }
            }
        });
        if let Some(Distribution::Uniform { low, high }) = current
            && !(low..=high).contains(&value)
        {
            ui.label(
                RichText::new(format!(
                    "The slider's {} is outside this range: the single (dashed) run uses it, \
                     while the Monte Carlo draws from {} to {}.",
                    unit.format(value),
                    unit.format(low),
                    unit.format(high)
                ))
                .small()
                .weak(),
            );
        }
    });
}
