//! Help that teaches: the observed history on the charts, the Sources window, "How the model
//! works" with live worked examples and a glossary, and guided what-ifs.

mod how;
mod sources;
mod tour;

use crate::history::History;
use crate::model::{Projection, Scenario};
use crate::ui::charts::history as history_plot;
use crate::ui::command::{CommandQueue, LearnCommand};

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
    /// One entry per applied step of the running tour: how to take it back.
    step_records: Vec<tour::StepRecord>,
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
            step_records: Vec::new(),
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

    /// Why the history is not drawn although `show` asks for it, if so.
    pub fn history_hidden(&self, scenario: &Scenario, show: bool) -> Option<String> {
        show.then(|| self.history_unavailable(scenario)).flatten()
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

    /// The Learn windows. Their edits and Back go to the queue as commands.
    pub fn windows_ui(
        &mut self,
        ctx: &egui::Context,
        scenario: &Scenario,
        projection: &Projection,
        queue: &mut CommandQueue,
    ) {
        sources::sources_window(ctx, self, scenario);
        how::how_window(ctx, self, scenario, projection);
        tour::tour_window(ctx, self, scenario, queue);
    }
}
