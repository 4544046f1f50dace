//! The goal-seek dialog: pick an input, a provider, a measure, a year and a target; Solve finds
//! the input value that hits it (or says why none does); Apply sets it through the edit path.

use crate::edits::{self, Edit};
use crate::model::uncertainty::solve;
use crate::model::{Measure, ParamPath, Scenario};
use crate::ui::plot_kit::ChartData;
use crate::units;

/// The dialog's state.
pub struct GoalSeek {
    pub open: bool,
    path: Option<ParamPath>,
    provider: usize,
    measure: Measure,
    year: Option<i32>,
    /// In display units: percent for shares, $B otherwise.
    target: f64,
    result: Option<(ParamPath, Result<f64, String>)>,
}

impl Default for GoalSeek {
    fn default() -> Self {
        Self {
            open: false,
            path: None,
            provider: 0,
            measure: Measure::Revenue,
            year: None,
            target: 0.0,
            result: None,
        }
    }
}

fn input_text(path: ParamPath, value: f64) -> String {
    if path.is_fraction() {
        units::percent(value)
    } else {
        format!("{value:.4}")
    }
}

impl GoalSeek {
    /// The dialog window, while open.
    pub fn window_ui(&mut self, ctx: &egui::Context, data: &ChartData<'_>, edits: &mut Vec<Edit>) {
        let mut open = self.open;
        // Below the menu bar and tabs, at the right, where it covers no input.
        let top = ctx.content_rect().top() + 90.0;
        egui::Window::new("Goal seek")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_pos([ctx.content_rect().right() - 420.0, top])
            .constrain_to(ctx.content_rect().with_min_y(top - 30.0))
            .show(ctx, |ui| self.contents_ui(ui, data, edits));
        self.open = open;
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, data: &ChartData<'_>, edits: &mut Vec<Edit>) {
        let scenario = data.scenario;
        let paths = ParamPath::all_uncertain_capable(scenario);
        let path = self
            .path
            .filter(|p| paths.contains(p))
            .or_else(|| paths.first().copied());
        let Some(mut path) = path else {
            ui.label("This scenario has no input goal seek can vary.");
            return;
        };
        let last = data
            .projection
            .year(data.projection.years.saturating_sub(1));
        let mut year = self.year.unwrap_or(last);
        egui::Grid::new("goal-seek-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label("Vary");
                egui::ComboBox::from_id_salt("goal-seek-param")
                    .selected_text(path.to_text(scenario))
                    .show_ui(ui, |ui| {
                        for p in &paths {
                            ui.selectable_value(&mut path, *p, p.to_text(scenario));
                        }
                    });
                ui.end_row();
                ui.label("Provider");
                egui::ComboBox::from_id_salt("goal-seek-provider")
                    .selected_text(scenario.provider_name(self.provider))
                    .show_ui(ui, |ui| {
                        for p in 0..=scenario.providers.len() {
                            ui.selectable_value(&mut self.provider, p, scenario.provider_name(p));
                        }
                    });
                ui.end_row();
                ui.label("Measure");
                egui::ComboBox::from_id_salt("goal-seek-measure")
                    .selected_text(self.measure.label())
                    .show_ui(ui, |ui| {
                        for m in Measure::UNCERTAIN {
                            ui.selectable_value(&mut self.measure, m, m.label());
                        }
                    });
                ui.end_row();
                let label = ui.label("Year");
                ui.add(egui::DragValue::new(&mut year).range(data.projection.base_year..=last))
                    .labelled_by(label.id);
                ui.end_row();
                let unit = if self.measure.is_fraction() {
                    "%"
                } else {
                    " $B"
                };
                let label = ui.label("Target");
                ui.add(
                    egui::DragValue::new(&mut self.target)
                        .speed(0.1)
                        .suffix(unit),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        self.path = Some(path);
        self.year = Some(year);
        if self.provider > scenario.providers.len() {
            self.provider = 0;
        }
        if ui.button("Solve").clicked() {
            self.result = Some((path, self.solve(scenario, path, year)));
        }
        match &self.result {
            Some((solved, Ok(value))) => {
                ui.label(format!(
                    "{} = {} hits the target.",
                    solved.to_text(scenario),
                    input_text(*solved, *value)
                ));
                // Apply goes through the validated edit path; say now if it would be refused
                // (e.g. a triangular distribution that would no longer contain the value).
                let edit = Edit::Value(*solved, *value);
                let refusal = crate::scenario::check(&edits::apply(scenario, &edit)).err();
                let apply = ui
                    .add_enabled(refusal.is_none(), egui::Button::new("Apply"))
                    .on_hover_text("Set the input to this value (one undoable edit).");
                if let Some(error) = refusal {
                    ui.label(format!("Cannot apply: {error}"));
                } else if apply.clicked() {
                    edits.push(edit);
                }
            }
            Some((_, Err(message))) => {
                ui.label(format!("No value found: {message}"));
            }
            None => {}
        }
    }

    fn solve(&self, scenario: &Scenario, path: ParamPath, year: i32) -> Result<f64, String> {
        let target = if self.measure.is_fraction() {
            self.target / 100.0
        } else {
            self.target
        };
        solve(scenario, path, self.provider, self.measure, year, target).map_err(|e| e.to_string())
    }
}
