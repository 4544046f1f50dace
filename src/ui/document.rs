//! One open scenario: its committed state, the file it came from, its undo history, unsaved mark,
//! cached projection and events, and its Monte Carlo state. The app keeps several of these.

use std::path::PathBuf;

use crate::model::{Projection, Scenario, project_into};
use crate::scenario;
use crate::ui::edits::{self, Edit};
use crate::ui::events::{self, Event};
use crate::ui::inputs::Rejection;
use crate::ui::uncertainty::UncertaintyState;
use crate::ui::undo::History;

/// An open scenario and everything that belongs to it alone.
pub struct Document {
    /// The scenario the model runs on; it has passed `scenario::check`.
    pub(crate) scenario: Scenario,
    /// The scenario as opened (or last saved), for "Revert" and the unsaved-changes mark.
    pub(crate) saved: Scenario,
    /// Bumped whenever `scenario` changes.
    pub(crate) generation: u64,
    pub(crate) projection: Projection,
    projected_generation: Option<u64>,
    pub(crate) events: Vec<Event>,
    /// How many times the model has run on this document.
    pub(crate) model_runs: u64,
    /// The file it was opened from or saved to.
    pub path: Option<PathBuf>,
    /// Whether it differs from the file (or from how it was created).
    pub dirty: bool,
    /// Created in the app (duplicate, paste) and never saved: unsaved whatever its edits.
    pub(crate) unsaved_new: bool,
    pub(crate) rejection: Option<Rejection>,
    pub(crate) summary_year: i32,
    /// Undo/redo of this scenario (never persisted).
    pub(crate) history: History,
    /// Monte Carlo runs, their latest summary and the Uncertainty tab's choices.
    pub(crate) uncertainty: UncertaintyState,
}

impl Document {
    /// A document on `scenario` (valid, as `scenario::load_*` returns it), opened from `path`.
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let summary_year = last_year(&scenario);
        let history = History::new(&scenario, 0);
        let mut doc = Self {
            saved: scenario.clone(),
            scenario,
            generation: 0,
            projection: Projection::default(),
            projected_generation: None,
            events: Vec::new(),
            model_runs: 0,
            path,
            dirty: false,
            unsaved_new: false,
            rejection: None,
            summary_year,
            history,
            uncertainty: UncertaintyState::default(),
        };
        doc.refresh_projection();
        doc
    }

    /// A what-if branched from this one: same scenario, "… (copy)", no file, unsaved.
    #[must_use]
    pub fn duplicate(&self) -> Self {
        let mut scenario = self.scenario.clone();
        scenario.name = format!("{} (copy)", scenario.name);
        let mut doc = Self::new(scenario, None);
        doc.summary_year = self.summary_year;
        doc.mark_unsaved_new();
        doc
    }

    /// Marks a document made in the app (not from a file) as unsaved until it is saved.
    pub(crate) fn mark_unsaved_new(&mut self) {
        self.unsaved_new = true;
        self.dirty = true;
    }

    /// Records that the scenario is now what is on disk at `path`.
    pub(crate) fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.scenario.clone();
        self.unsaved_new = false;
        self.dirty = false;
        self.path = Some(path);
    }

    /// The committed scenario (always valid).
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The projection of the committed scenario.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The Monte Carlo state of this document.
    pub fn uncertainty(&self) -> &UncertaintyState {
        &self.uncertainty
    }

    /// The tab text: the scenario's name, with `•` while there are unsaved changes.
    pub fn tab_label(&self) -> String {
        if self.dirty {
            format!("{} •", self.scenario.name)
        } else {
            self.scenario.name.clone()
        }
    }

    /// Applies an edit to a copy, and commits the copy only if it passes `scenario::check`.
    /// Returns whether the edit was committed.
    pub fn apply_edit(&mut self, edit: &Edit) -> bool {
        let candidate = edits::apply(&self.scenario, edit);
        if candidate == self.scenario {
            return true;
        }
        match scenario::check(&candidate) {
            Ok(()) => {
                self.commit(candidate);
                true
            }
            Err(error) => {
                self.rejection = Some(Rejection {
                    group: edit.group(),
                    message: error.to_string(),
                });
                false
            }
        }
    }

    /// Makes `scenario` (valid) the committed one and reruns the model.
    pub(crate) fn commit(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.generation += 1;
        self.dirty = self.unsaved_new || self.scenario != self.saved;
        self.rejection = None;
        self.refresh_projection();
    }

    /// Runs the model if the scenario changed since the last run.
    pub(crate) fn refresh_projection(&mut self) {
        if self.projected_generation == Some(self.generation) {
            return;
        }
        project_into(&self.scenario, &mut self.projection);
        self.events = events::scan(&self.scenario, &self.projection);
        self.projected_generation = Some(self.generation);
        self.model_runs += 1;
    }
}

/// The last year of the scenario's horizon (where the summary starts).
fn last_year(scenario: &Scenario) -> i32 {
    scenario.base_year + scenario.horizon_years as i32
}
