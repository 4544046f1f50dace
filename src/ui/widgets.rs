//! Input widgets shared by the inputs panel: a slider bound to one model input (natural units on
//! screen, fractions inside, tooltip with meaning and source), name editors and inline messages.

use egui::{Color32, RichText, SliderClamping};

use crate::model::{Distribution, OthersParam, ParamPath, ProviderParam, Scenario, WorkloadParam};
use crate::ui::edits::Edit;
use crate::ui::uncertainty;

/// How an input is shown: the unit on screen and the factor from model units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    /// A fraction shown as percent.
    Percent,
    /// A fraction per year shown as percentage points a year.
    PointsPerYear,
    /// Billions of US dollars, on a logarithmic slider.
    UsdBn,
    /// A multiple (EV/sales, halo).
    Times,
    /// A calendar year.
    Year,
    /// A number of years, in half years.
    Years,
    /// A whole number of years.
    WholeYears,
}

impl Unit {
    pub(crate) fn to_screen(self, model_value: f64) -> f64 {
        match self {
            Self::Percent | Self::PointsPerYear => model_value * 100.0,
            _ => model_value,
        }
    }

    fn to_model(self, screen_value: f64) -> f64 {
        match self {
            Self::Percent | Self::PointsPerYear => screen_value / 100.0,
            Self::Year | Self::WholeYears => screen_value.round(),
            _ => screen_value,
        }
    }

    /// Model value of a screen value, without rounding (distribution bounds and spreads).
    pub(crate) fn to_model_exact(self, screen_value: f64) -> f64 {
        match self {
            Self::Percent | Self::PointsPerYear => screen_value / 100.0,
            _ => screen_value,
        }
    }

    pub(crate) fn decimals(self) -> usize {
        match self {
            Self::Percent | Self::UsdBn | Self::Times | Self::Years => 1,
            Self::PointsPerYear => 2,
            Self::Year | Self::WholeYears => 0,
        }
    }

    pub(crate) fn suffix(self) -> &'static str {
        match self {
            Self::Percent => "%",
            Self::PointsPerYear => " pts/yr",
            Self::UsdBn => "B",
            Self::Times => "×",
            Self::Year => "",
            Self::Years | Self::WholeYears => " yr",
        }
    }
}

/// What an input means, in one sentence (shown as the slider's tooltip).
pub fn meaning(path: ParamPath) -> &'static str {
    match path {
        ParamPath::MarketSize => {
            "Worldwide cloud infrastructure revenue in the base year, in billions of US dollars."
        }
        ParamPath::MarketGrowthStart => {
            "Growth of the market outside the modelled workloads in the first projected year."
        }
        ParamPath::MarketGrowthEnd => {
            "Growth of the market outside the modelled workloads in the last projected year; growth fades linearly in between."
        }
        ParamPath::Halo => {
            "Dollars of other customers' revenue a provider wins for each dollar of workload revenue it wins (the reference-customer effect)."
        }
        ParamPath::Provider(_, param) => match param {
            ProviderParam::Share => "Reported share of the whole market in the base year.",
            ProviderParam::Drift => {
                "Change of the provider's share of the rest of the market each year, in percentage points."
            }
            ProviderParam::Margin => "Operating margin in the base year.",
            ProviderParam::MarginDrift => {
                "Change of the operating margin each year, in percentage points."
            }
            ProviderParam::EvSales => {
                "Enterprise value per dollar of sales, used to turn revenue changes into value at stake."
            }
        },
        ParamPath::Others(param) => match param {
            OthersParam::Margin => {
                "Operating margin of all other providers together in the base year."
            }
            OthersParam::MarginDrift => {
                "Change of the other providers' operating margin each year, in percentage points."
            }
            OthersParam::EvSales => "Enterprise value per dollar of sales of the other providers.",
        },
        ParamPath::Workload(_, param) => match param {
            WorkloadParam::Spend => {
                "The workload's cloud spend in the base year, in billions of US dollars."
            }
            WorkloadParam::GrowthStart => {
                "Growth of the workload's spend in the first projected year."
            }
            WorkloadParam::GrowthEnd => {
                "Growth of the workload's spend in the last projected year; growth fades linearly in between."
            }
            WorkloadParam::Margin => {
                "Operating margin providers earn on this workload, instead of their own margin."
            }
            WorkloadParam::Extent => {
                "How much of the planned shift from base to target placement actually happens."
            }
            WorkloadParam::StartYear => "Calendar year in which the shift of placement starts.",
            WorkloadParam::DurationYears => "Years the shift takes from start to completion.",
            WorkloadParam::PlacementBase => {
                "Fraction of the workload's spend on each provider in the base year."
            }
            WorkloadParam::PlacementTarget => {
                "Fraction of the workload's spend on each provider once the shift is complete."
            }
        },
    }
}

/// The tooltip of an input: its meaning, its source, and its distribution if it has one.
pub fn tooltip(scenario: &Scenario, path: ParamPath) -> String {
    let source = scenario
        .source(path)
        .unwrap_or("Assumption: no source given");
    let mut text = format!("{}\nSource: {source}", meaning(path));
    if let Some(dist) = scenario.distribution(path) {
        let range = |v: f64| {
            let f = |x: f64| {
                if path_is_fraction(path) {
                    crate::units::percent(x)
                } else {
                    format!("{x:.3}")
                }
            };
            f(v)
        };
        let d = match dist {
            Distribution::Triangular { low, high } => {
                format!("triangular from {} to {}", range(low), range(high))
            }
            Distribution::Uniform { low, high } => {
                format!("uniform from {} to {}", range(low), range(high))
            }
            Distribution::Normal { sd } => format!("normal, standard deviation {}", range(sd)),
        };
        text.push_str("\nUncertainty: ");
        text.push_str(&d);
    }
    text
}

/// The unit an input is shown in on screen (the same as its slider's).
pub(crate) fn unit_of(path: ParamPath) -> Unit {
    match path {
        ParamPath::MarketSize | ParamPath::Workload(_, WorkloadParam::Spend) => Unit::UsdBn,
        ParamPath::Halo
        | ParamPath::Provider(_, ProviderParam::EvSales)
        | ParamPath::Others(OthersParam::EvSales) => Unit::Times,
        ParamPath::Provider(_, ProviderParam::Drift | ProviderParam::MarginDrift)
        | ParamPath::Others(OthersParam::MarginDrift) => Unit::PointsPerYear,
        ParamPath::Workload(_, WorkloadParam::StartYear) => Unit::Year,
        ParamPath::Workload(_, WorkloadParam::DurationYears) => Unit::Years,
        _ => Unit::Percent,
    }
}

impl Unit {
    /// A model value as people read it: `29.0%`, `-0.50 pts/yr`, `$419.0B`, `8.0×`, `2026`.
    pub(crate) fn format(self, model_value: f64) -> String {
        let decimals = self.decimals();
        let screen = self.to_screen(model_value);
        match self {
            Self::UsdBn => format!("${screen:.decimals$}B"),
            _ => format!("{screen:.decimals$}{}", self.suffix()),
        }
    }
}

pub(crate) fn path_is_fraction(path: ParamPath) -> bool {
    !matches!(
        path,
        ParamPath::MarketSize
            | ParamPath::Halo
            | ParamPath::Provider(_, ProviderParam::EvSales)
            | ParamPath::Others(OthersParam::EvSales)
            | ParamPath::Workload(
                _,
                WorkloadParam::Spend | WorkloadParam::StartYear | WorkloadParam::DurationYears
            )
    )
}

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

/// A slider for one real-valued input; pushes an `Edit::Value` when the person changes it.
///
/// `range` is the comfortable slider range in screen units; typing a value outside it is allowed
/// (the edit is clamped to the input's valid range).
pub fn param_slider(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    path: ParamPath,
    label: &str,
    unit: Unit,
    range: std::ops::RangeInclusive<f64>,
    edits: &mut Vec<Edit>,
) {
    let Some(model_value) = path.get(scenario) else {
        return;
    };
    let hover = tooltip(scenario, path);
    let uncertain = path.can_be_uncertain();
    // Beside the slider: the assumption badge, reset to file value (learn), and the "±" toggle of
    // its distribution editor (shown below when open).
    let open = ui
        .horizontal(|ui| {
            let toggle = if uncertain { 28.0 } else { 0.0 };
            let width = ui.spacing().slider_width - toggle - crate::ui::learn::BESIDE_SLIDER_WIDTH;
            ui.spacing_mut().slider_width = width.max(40.0);
            let (new_value, response) =
                unit_slider_response(ui, model_value, label, unit, range, &hover);
            if let Some(new_value) = new_value {
                edits.push(Edit::Value(path, new_value));
            }
            crate::ui::learn::beside_slider_ui(ui, &response, scenario, path, label, edits);
            uncertain && uncertainty::distribution_toggle_ui(ui, scenario, path, label)
        })
        .inner;
    if open {
        uncertainty::distribution_editor_ui(ui, scenario, path, label, unit, edits);
    }
}

/// A slider in `unit` over a model value; returns the new model value when changed.
pub fn unit_slider(
    ui: &mut egui::Ui,
    model_value: f64,
    label: &str,
    unit: Unit,
    range: std::ops::RangeInclusive<f64>,
    hover: &str,
) -> Option<f64> {
    unit_slider_response(ui, model_value, label, unit, range, hover).0
}

/// [`unit_slider`], also returning the slider's response (focus, hover, context menu).
pub fn unit_slider_response(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_read_in_their_slider_units() {
        let drift = ParamPath::Provider(0, ProviderParam::Drift);
        assert_eq!(unit_of(drift).format(-0.005), "-0.50 pts/yr");
        assert_eq!(
            unit_of(ParamPath::Provider(0, ProviderParam::Share)).format(0.29),
            "29.0%"
        );
        assert_eq!(unit_of(ParamPath::MarketSize).format(419.0), "$419.0B");
        assert_eq!(unit_of(ParamPath::Halo).format(0.5), "0.5×");
        assert_eq!(
            unit_of(ParamPath::Workload(0, WorkloadParam::StartYear)).format(2026.0),
            "2026"
        );
        assert_eq!(
            unit_of(ParamPath::Workload(0, WorkloadParam::DurationYears)).format(3.0),
            "3.0 yr"
        );
    }
}
