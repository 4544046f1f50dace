//! The goal-seek dialog: pick an input, a provider, a measure, a year, what of it (the
//! projection's value, or a Monte Carlo statistic such as the P50) and a target; Solve finds the
//! input value that hits it (or says why none does); Apply sets it through the edit path.
//!
//! A statistic runs the Monte Carlo at the file's draws and seed inside the search (as `cloudshift
//! solve --statistic`), which takes seconds: it runs on a worker thread and the dialog polls it.
//! The search is cancelled when the dialog closes, on Cancel, or when the inputs change under
//! it; a result found for other inputs than the current ones is shown as stale, without Apply.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::model_inputs;
use crate::edits::{self, Edit};
use crate::model::uncertainty::{Quantity, RunControl, Statistic, solve, solve_statistic_of};
use crate::model::{Measure, ParamPath, Scenario};
use crate::tables::solve_error_text;
use crate::ui::plot_kit::ChartData;

/// The dialog's state.
pub struct GoalSeek {
    pub open: bool,
    path: Option<ParamPath>,
    provider: usize,
    measure: Measure,
    year: Option<i32>,
    /// In display units: percent for shares, $B otherwise.
    target: f64,
    /// `None`: the projection's own value; else this statistic of the Monte Carlo.
    statistic: Option<Statistic>,
    result: Option<Solved>,
    /// A statistic's search under way on a worker thread.
    pending: Option<Search>,
}

/// What the dialog asks: input, provider, measure, year, statistic and target (as typed).
type Request = (ParamPath, usize, Measure, i32, Option<Statistic>, u64);

/// A finished search: the input varied, what was found, and the request and model inputs it
/// was found for (a result for another request is not shown).
struct Solved {
    path: ParamPath,
    found: Result<f64, String>,
    inputs: Scenario,
    request: Request,
}

/// A statistic's search on a worker thread.
struct Search {
    path: ParamPath,
    receiver: Receiver<Result<f64, String>>,
    control: RunControl,
    /// The model inputs it searches on (an edit since makes its answer stale: it is cancelled).
    inputs: Scenario,
    request: Request,
    samples: u32,
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
            statistic: None,
            result: None,
            pending: None,
        }
    }
}

/// What the target is of: the projection, or a statistic of the Monte Carlo.
fn statistic_label(statistic: Option<Statistic>) -> &'static str {
    match statistic {
        None => "Projection (no uncertainty)",
        Some(Statistic::Mean) => "Mean of the Monte Carlo",
        Some(Statistic::P5) => "P5 of the Monte Carlo",
        Some(Statistic::P10) => "P10 of the Monte Carlo",
        Some(Statistic::P25) => "P25 of the Monte Carlo",
        Some(Statistic::P50) => "P50 (median) of the Monte Carlo",
        Some(Statistic::P75) => "P75 of the Monte Carlo",
        Some(Statistic::P90) => "P90 of the Monte Carlo",
        Some(Statistic::P95) => "P95 of the Monte Carlo",
    }
}

fn input_text(path: ParamPath, value: f64) -> String {
    crate::tables::in_unit(value, path.unit())
}

impl GoalSeek {
    fn request(&self, path: ParamPath, year: i32) -> Request {
        let (provider, measure, statistic) = (self.provider, self.measure, self.statistic);
        (
            path,
            provider,
            measure,
            year,
            statistic,
            self.target.to_bits(),
        )
    }

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
        if !open {
            self.cancel();
        }
    }

    /// Stops a search under way (its thread ends at its next check of the control).
    fn cancel(&mut self) {
        if let Some(search) = self.pending.take() {
            search.control.cancel();
        }
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
                self.statistic_row_ui(ui, scenario);
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
        let inputs = model_inputs(scenario);
        self.poll(ui.ctx(), &inputs);
        if self.searching_ui(ui) {
            return;
        }
        if ui.button("Solve").clicked() {
            self.start(ui.ctx(), scenario, path, year);
        }
        let request = self.request(path, year);
        self.result_ui(ui, scenario, &inputs, request, edits);
    }

    /// The "Of" row: the projection, or a statistic of the Monte Carlo (only when uncertain).
    fn statistic_row_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) {
        let of = ui.label("Of");
        let uncertain = !scenario.uncertainty.is_empty();
        if !uncertain {
            self.statistic = None;
        }
        ui.add_enabled_ui(uncertain, |ui| {
            egui::ComboBox::from_id_salt("goal-seek-statistic")
                .selected_text(statistic_label(self.statistic))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.statistic, None, statistic_label(None));
                    for s in Statistic::ALL {
                        ui.selectable_value(&mut self.statistic, Some(s), statistic_label(Some(s)));
                    }
                })
                .response
                .labelled_by(of.id)
                .on_hover_text("A statistic runs the Monte Carlo (the file's draws and seed) at every step of the search.")
                .on_disabled_hover_text("The scenario has no uncertain input: only the projection's value.");
        });
        ui.end_row();
    }

    /// While a search runs: its progress line with Cancel; returns whether one runs.
    fn searching_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(search) = &self.pending else {
            return false;
        };
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!(
                "Running {} Monte Carlo draws at each step of the search…",
                search.samples
            ));
            cancel = ui.button("Cancel search").clicked();
        });
        if cancel {
            self.cancel();
        }
        true
    }

    /// The last result: the value found with Apply (or why Apply is refused), or why none was.
    fn result_ui(
        &self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        inputs: &Scenario,
        request: Request,
        edits: &mut Vec<Edit>,
    ) {
        let Some(result) = self.result.as_ref().filter(|r| r.request == request) else {
            return;
        };
        if result.inputs != *inputs {
            // Right after Apply the inputs differ by exactly the value found: say so.
            let applied = result.found.as_ref().is_ok_and(|value| {
                edits::apply(&result.inputs, &Edit::Value(result.path, *value)) == *inputs
            });
            if applied {
                ui.label("Applied: the input is at the value found.");
            } else {
                ui.label("The inputs have changed since the last search: Solve again.");
            }
            return;
        }
        let solved = &result.path;
        match &result.found {
            Ok(value) => {
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
            Err(message) => {
                ui.label(format!("No value found: {message}"));
            }
        }
    }

    /// Solves now (the projection) or starts the search on a worker thread (a statistic).
    fn start(&mut self, ctx: &egui::Context, scenario: &Scenario, path: ParamPath, year: i32) {
        let target = if self.measure.is_fraction() {
            self.target / 100.0
        } else {
            self.target
        };
        let (provider, measure) = (self.provider, self.measure);
        let inputs = model_inputs(scenario);
        let request = self.request(path, year);
        let Some(statistic) = self.statistic else {
            let found = solve(scenario, path, provider, measure, year, target);
            let quantity = Quantity::InYear(measure, year);
            self.result = Some(Solved {
                path,
                found: found.map_err(|e| solve_error_text(&e, quantity, path)),
                inputs,
                request,
            });
            return;
        };
        let settings = scenario.monte_carlo.unwrap_or_default();
        let scenario = scenario.clone();
        let (sender, receiver) = channel();
        let control = RunControl::new();
        let watched = control.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let found = solve_statistic_of(
                &scenario,
                path,
                provider,
                Quantity::InYear(measure, year),
                target,
                statistic,
                settings.samples,
                settings.seed,
                &watched,
            )
            .map_err(|e| {
                format!(
                    "{} (at {} draws, seed {})",
                    solve_error_text(&e, Quantity::InYear(measure, year), path),
                    settings.samples,
                    settings.seed
                )
            });
            // The dialog may have closed meanwhile: then nobody is waiting.
            let _ = sender.send(found);
            ctx.request_repaint();
        });
        self.pending = Some(Search {
            path,
            receiver,
            control,
            inputs,
            request,
            samples: settings.samples,
        });
        self.result = None;
    }

    /// Takes the worker's answer, if it has come; cancels the search if `inputs` (the current
    /// model inputs) are no longer those it searches on.
    fn poll(&mut self, ctx: &egui::Context, inputs: &Scenario) {
        let Some(search) = &self.pending else {
            return;
        };
        if search.inputs != *inputs {
            self.cancel();
            return;
        }
        let found = match search.receiver.try_recv() {
            Ok(found) => found,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => Err("the search stopped unexpectedly".to_owned()),
        };
        if let Some(search) = self.pending.take() {
            self.result = Some(Solved {
                path: search.path,
                found,
                inputs: search.inputs,
                request: search.request,
            });
        }
    }
}
