//! Help that teaches: the observed history on the charts, sources and assumptions, the "About this
//! input" inspector, "How the model works" with live worked examples, a glossary, guided what-ifs,
//! and resetting inputs to their file values.

pub mod explain;
pub mod history_plot;
mod how;
mod input_help;
mod sources;
mod tour;
pub mod whatifs;

pub use input_help::{BESIDE_SLIDER_WIDTH, beside_slider_ui, inspector_ui, publish_saved};

use crate::history::History;
use crate::model::{Projection, Scenario};
use crate::ui::edits::Edit;
use crate::ui::menu::Command;

/// A Learn action from the menus (run after the frame, like every command).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnCommand {
    /// Show or hide the observed history on the charts.
    ToggleHistory,
    /// Open the Sources window.
    Sources,
    /// Open "How the model works".
    HowItWorks,
    /// Open the guided what-ifs.
    WhatIfs,
}

/// Which tour is running and how many of its steps have been applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TourProgress {
    pub tour: usize,
    pub applied: usize,
}

/// The windows' state (never persisted; "Show history" lives in the prefs).
#[derive(Debug)]
pub struct LearnState {
    history: Option<History>,
    pub sources_open: bool,
    pub sources_filter: String,
    pub how_open: bool,
    /// Provider (index, Others included) and calendar year of the worked examples.
    pub how_provider: usize,
    pub how_year: Option<i32>,
    pub tours_open: bool,
    pub tour: Option<TourProgress>,
    /// One entry per applied step of the running tour: did it change the scenario?
    pub(crate) step_changed: Vec<bool>,
}

impl Default for LearnState {
    fn default() -> Self {
        Self {
            history: History::synergy(),
            sources_open: false,
            sources_filter: String::new(),
            how_open: false,
            how_provider: 0,
            how_year: None,
            tours_open: false,
            tour: None,
            step_changed: Vec::new(),
        }
    }
}

impl LearnState {
    /// The shipped history, if it loaded.
    pub fn history(&self) -> Option<&History> {
        self.history.as_ref()
    }

    /// The history the charts should draw under `scenario` (None when hidden or not applicable).
    pub fn history_to_draw(&self, scenario: &Scenario, show: bool) -> Option<&History> {
        history_plot::history_to_draw(self.history.as_ref(), scenario, show)
    }

    /// Why the history is not drawn under `scenario`, if it cannot be.
    pub fn history_unavailable(&self, scenario: &Scenario) -> Option<String> {
        history_plot::unavailable_reason(self.history.as_ref(), scenario)
    }

    /// Runs a Learn command; `show_history` is the persisted preference.
    pub fn run(&mut self, command: LearnCommand, show_history: &mut bool) {
        match command {
            LearnCommand::ToggleHistory => *show_history = !*show_history,
            LearnCommand::Sources => self.sources_open = true,
            LearnCommand::HowItWorks => self.how_open = true,
            LearnCommand::WhatIfs => self.tours_open = true,
        }
    }

    /// The Learn windows. Edits go through the app's validated path; Back pushes `Command::Undo`.
    pub fn windows_ui(
        &mut self,
        ctx: &egui::Context,
        scenario: &Scenario,
        projection: &Projection,
        edits: &mut Vec<Edit>,
        commands: &mut Vec<Command>,
    ) {
        sources::sources_window(ctx, self, scenario);
        how::how_window(ctx, self, scenario, projection);
        tour::tour_window(ctx, self, scenario, edits, commands);
    }
}

/// Whether a source text marks its input as an assumption (none given, or "Assumption: …").
pub fn is_assumption(source: Option<&str>) -> bool {
    source.is_none_or(|s| {
        s.trim_start()
            .get(..10)
            .is_some_and(|head| head.eq_ignore_ascii_case("assumption"))
    })
}

/// The View and Help menu items of this module.
pub fn view_menu_items_ui(
    ui: &mut egui::Ui,
    show_history: bool,
    history_unavailable: Option<&str>,
    commands: &mut Vec<Command>,
) {
    let mut shown = show_history;
    let response = ui.checkbox(&mut shown, "Show history");
    let response = match history_unavailable {
        Some(reason) => response.on_hover_text(reason),
        None => response
            .on_hover_text("Draw Synergy Research's 2017–2025 figures before the projection."),
    };
    if response.clicked() {
        commands.push(Command::Learn(LearnCommand::ToggleHistory));
    }
    if ui
        .button("Sources")
        .on_hover_text("Every input with where its value comes from; assumptions flagged.")
        .clicked()
    {
        commands.push(Command::Learn(LearnCommand::Sources));
    }
}

/// The Help menu items of this module.
pub fn help_menu_items_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    if ui.button("How the model works…").clicked() {
        commands.push(Command::Learn(LearnCommand::HowItWorks));
    }
    if ui.button("Guided what-ifs…").clicked() {
        commands.push(Command::Learn(LearnCommand::WhatIfs));
    }
}

#[cfg(test)]
mod tests {
    use super::is_assumption;

    #[test]
    fn assumptions_are_recognised() {
        assert!(is_assumption(None));
        assert!(is_assumption(Some("Assumption: flat")));
        assert!(is_assumption(Some("  assumption, rough")));
        assert!(!is_assumption(Some("Synergy Research Group")));
        assert!(!is_assumption(Some("Assume")));
    }
}
