//! The distribution editor beside a slider: a "±" toggle, and below the slider the kind (none,
//! triangular, uniform, normal, discrete) and its bounds, or its values with their
//! probabilities, in the slider's display units.

use egui::{Id, RichText};

use crate::edits::{Edit, set_share_keeping_sum};
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
    let has = scenario.distribution(path).is_some();
    toggle_button_ui(ui, id, has, label)
}

/// The "±" toggle of editor `id`; `has`: the input already has a distribution.
pub fn toggle_button_ui(ui: &mut egui::Ui, id: Id, has: bool, label: &str) -> bool {
    let mut open = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
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
    Discrete,
}

impl Kind {
    const ALL: [Self; 5] = [
        Self::None,
        Self::Triangular,
        Self::Uniform,
        Self::Normal,
        Self::Discrete,
    ];

    fn of(dist: Option<&Distribution>) -> Self {
        match dist {
            None | Some(Distribution::Outcomes(_)) => Self::None,
            Some(Distribution::Triangular { .. }) => Self::Triangular,
            Some(Distribution::Uniform { .. }) => Self::Uniform,
            Some(Distribution::Normal { .. }) => Self::Normal,
            Some(Distribution::Discrete { .. }) => Self::Discrete,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::None => "None",
            Self::Triangular => "Triangular",
            Self::Uniform => "Uniform",
            Self::Normal => "Normal",
            Self::Discrete => "Discrete",
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
        // Low, the value and high, the value twice as likely as each end.
        Kind::Discrete => Some(Distribution::Discrete {
            values: vec![low, value, high],
            probabilities: vec![0.25, 0.5, 0.25],
        }),
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
#[allow(clippy::too_many_lines)] // one arm per kind of distribution
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
    let current = scenario.distribution(path).cloned();
    let current = current.as_ref();
    ui.indent(("distribution-editor", path), |ui| {
        ui.horizontal_wrapped(|ui| {
            let mut kind = Kind::of(current);
            egui::ComboBox::from_id_salt(("distribution-kind", path))
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    for k in Kind::ALL {
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
            match current.cloned() {
                None | Some(Distribution::Outcomes(_)) => {
                    ui.label(RichText::new("Certain: pick a distribution to vary it").weak());
                }
                Some(Distribution::Discrete {
                    values,
                    probabilities,
                }) => {
                    ui.end_row();
                    let range = path.valid_range(scenario);
                    let changed = discrete_ui(
                        ui,
                        label,
                        (&values, &probabilities),
                        unit,
                        (range.min, range.max),
                    );
                    if let Some((values, probabilities)) = changed {
                        edits.push(Edit::Distribution(
                            path,
                            Some(Distribution::Discrete {
                                values,
                                probabilities,
                            }),
                        ));
                    }
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
        if let Some(&Distribution::Uniform { low, high }) = current
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

/// Most values the editor offers to add (MODEL.md allows 32).
const MAX_VALUES: usize = 32;

/// The values of a Discrete distribution with their probabilities: one row each (value in the
/// slider's units, probability in percent; the others give way so they keep summing to 100%),
/// with Add and Remove. Returns the new lists when something changed.
fn discrete_ui(
    ui: &mut egui::Ui,
    label: &str,
    (values, probabilities): (&[f64], &[f64]),
    unit: Unit,
    allowed: (f64, f64),
) -> Option<(Vec<f64>, Vec<f64>)> {
    let mut values = values.to_vec();
    let mut probabilities = probabilities.to_vec();
    let mut changed = false;
    let mut remove = None;
    ui.vertical(|ui| {
        for i in 0..values.len() {
            ui.horizontal(|ui| {
                let number = i + 1;
                if let Some(v) = bound_ui(ui, &format!("value {number}"), values[i], unit, allowed)
                {
                    values[i] = v;
                    changed = true;
                }
                if let Some(p) =
                    probability_ui(ui, &format!("probability {number}"), probabilities[i])
                {
                    set_share_keeping_sum(&mut probabilities, i, p);
                    changed = true;
                }
                if values.len() > 1
                    && crate::ui::widgets::remove_button(
                        ui,
                        &format!("Remove value {number} of {label}"),
                    )
                {
                    remove = Some(i);
                }
            });
        }
        if values.len() < MAX_VALUES && ui.small_button(format!("Add a value to {label}")).clicked()
        {
            let last = values.last().copied().unwrap_or(allowed.0);
            values.push(last);
            let n = probabilities.len() as f64;
            for p in &mut probabilities {
                *p *= n / (n + 1.0);
            }
            probabilities.push(1.0 / (n + 1.0));
            changed = true;
        }
        ui.label(
            RichText::new(
                "Each draw takes one of these values with its probability (they always sum to \
                 100%).",
            )
            .small()
            .weak(),
        );
    });
    if let Some(i) = remove {
        values.remove(i);
        probabilities.remove(i);
        let sum: f64 = probabilities.iter().sum();
        if sum > 0.0 {
            for p in &mut probabilities {
                *p /= sum;
            }
        }
        changed = true;
    }
    changed.then_some((values, probabilities))
}

/// A probability in percent (0.1% steps, 0.1..=100%); returns the new fraction when changed.
pub fn probability_ui(ui: &mut egui::Ui, text: &str, probability: f64) -> Option<f64> {
    bound_ui(ui, text, probability, Unit::Percent, (0.001, 1.0))
}
