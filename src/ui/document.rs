//! One open scenario: its committed state, the file it came from, its undo history, unsaved mark,
//! cached projection and events, and its Monte Carlo state. Its fields change only through its
//! methods, so the unsaved mark, undo and the cached projection cannot drift apart.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edits::{self, Edit, Rejection};
use crate::insight::events::{self, Event};
use crate::model::{Projection, Scenario, project_into};
use crate::scenario;
use crate::ui::uncertainty::UncertaintyState;
use crate::ui::undo::History;

/// A document split for drawing: what the panels read, and the parts they may change.
pub struct DocView<'a> {
    pub scenario: &'a Scenario,
    pub saved: &'a Scenario,
    pub projection: &'a Projection,
    pub events: &'a [Event],
    pub rejection: Option<&'a Rejection>,
    pub generation: u64,
    pub summary_year: &'a mut i32,
    pub uncertainty: &'a mut UncertaintyState,
}

/// Source of document ids (unique for the life of the process).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// An open scenario and everything that belongs to it alone.
pub struct Document {
    /// Identifies the document while it is open (recovery copies follow it across tabs).
    id: u64,
    /// The scenario the model runs on; it has passed `scenario::check`.
    scenario: Scenario,
    /// The scenario as opened (or last saved), for "Revert" and the unsaved-changes mark.
    saved: Scenario,
    /// Bumped whenever `scenario` changes.
    generation: u64,
    projection: Projection,
    events: Vec<Event>,
    /// How many times the model has run on this document.
    model_runs: u64,
    /// The file it was opened from or saved to.
    path: Option<PathBuf>,
    /// Whether it differs from the file (or from how it was created).
    dirty: bool,
    /// Created in the app (duplicate, paste) and never saved: unsaved whatever its edits.
    unsaved_new: bool,
    rejection: Option<Rejection>,
    summary_year: i32,
    /// Undo/redo of this scenario (never persisted).
    history: History,
    /// Monte Carlo runs, their latest summary and the Uncertainty tab's choices.
    uncertainty: UncertaintyState,
}

impl Document {
    /// A document on `scenario` (valid, as `scenario::load_*` returns it), opened from `path`.
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let summary_year = last_year(&scenario);
        let history = History::new(&scenario, 0);
        let mut projection = Projection::default();
        project_into(&scenario, &mut projection);
        let events = events::scan(&scenario, &projection);
        Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            saved: scenario.clone(),
            scenario,
            generation: 0,
            projection,
            events,
            model_runs: 1,
            path,
            dirty: false,
            unsaved_new: false,
            rejection: None,
            summary_year,
            history,
            uncertainty: UncertaintyState::default(),
        }
    }

    /// A document made in the app (pasted), unsaved until it is saved.
    pub fn new_unsaved(scenario: Scenario) -> Self {
        let mut doc = Self::new(scenario, None);
        doc.unsaved_new = true;
        doc.dirty = true;
        doc
    }

    /// A what-if branched from this one: same scenario, "… (copy)", no file, unsaved.
    #[must_use]
    pub fn duplicate(&self) -> Self {
        let mut scenario = self.scenario.clone();
        scenario.name = format!("{} (copy)", scenario.name);
        let mut doc = Self::new_unsaved(scenario);
        doc.summary_year = self.summary_year;
        doc
    }

    pub fn id(&self) -> u64 {
        self.id
    }

    /// The committed scenario (always valid).
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario as opened or last saved.
    pub fn saved(&self) -> &Scenario {
        &self.saved
    }

    /// Bumped whenever the scenario changes.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The projection of the committed scenario.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The events found in the projection.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// How many times the model has run on this document.
    pub fn model_runs(&self) -> u64 {
        self.model_runs
    }

    /// The file it was opened from or saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether it has changes that are not in its file.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The last refused edit and why, while it is shown.
    pub fn rejection(&self) -> Option<&Rejection> {
        self.rejection.as_ref()
    }

    /// The year the summary describes.
    pub fn summary_year(&self) -> i32 {
        self.summary_year
    }

    /// The summary year, for the summary panel's year picker.
    pub fn summary_year_mut(&mut self) -> &mut i32 {
        &mut self.summary_year
    }

    /// The Monte Carlo state of this document.
    pub fn uncertainty(&self) -> &UncertaintyState {
        &self.uncertainty
    }

    /// The Monte Carlo state, to run or draw it.
    pub fn uncertainty_mut(&mut self) -> &mut UncertaintyState {
        &mut self.uncertainty
    }

    /// The document split for drawing its panels.
    pub fn view(&mut self) -> DocView<'_> {
        DocView {
            scenario: &self.scenario,
            saved: &self.saved,
            projection: &self.projection,
            events: &self.events,
            rejection: self.rejection.as_ref(),
            generation: self.generation,
            summary_year: &mut self.summary_year,
            uncertainty: &mut self.uncertainty,
        }
    }

    /// Collects finished Monte Carlo runs and starts the one the scenario needs.
    pub fn update_uncertainty(&mut self, ctx: &egui::Context, visible: bool) {
        self.uncertainty.update(ctx, &self.scenario, visible);
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
                let in_units = match edit {
                    Edit::Distribution(path, Some(dist)) => {
                        edits::distribution_problem(&candidate, *path, dist)
                    }
                    _ => None,
                };
                self.rejection = Some(Rejection {
                    group: edit.group(),
                    path: edit.path(),
                    message: in_units.unwrap_or_else(|| error.to_string()),
                });
                false
            }
        }
    }

    /// Back to the scenario as opened or last saved.
    pub fn revert(&mut self) {
        self.commit(self.saved.clone());
    }

    /// Records that the scenario is now what is on disk at `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = self.scenario.clone();
        self.unsaved_new = false;
        self.dirty = false;
        self.path = Some(path);
    }

    /// The person chose to discard the changes (the document is about to close or be replaced).
    pub fn discard_changes(&mut self) {
        self.dirty = false;
    }

    /// Takes over a recovered scenario: `original` is its file as on disk (if it still loads).
    pub fn restore(
        &mut self,
        scenario: Scenario,
        original: Option<Scenario>,
        path: Option<PathBuf>,
    ) {
        if let Some(original) = original {
            self.saved = original;
        }
        self.summary_year = last_year(&scenario);
        self.commit(scenario);
        self.path = path;
        self.history = History::new(&self.scenario, self.generation);
    }

    /// Whether there is a step to undo (counting a gesture still in progress).
    pub fn can_undo(&self) -> bool {
        self.history.can_undo(&self.scenario)
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// How many steps can be undone.
    pub fn undo_steps(&self) -> usize {
        self.history.undo_len()
    }

    pub fn undo(&mut self) {
        if let Some(previous) = self.history.undo(&self.scenario, self.generation) {
            self.commit(previous);
            self.history.moved_to(&self.scenario, self.generation);
        }
    }

    pub fn redo(&mut self) {
        if let Some(next) = self.history.redo(&self.scenario, self.generation) {
            self.commit(next);
            self.history.moved_to(&self.scenario, self.generation);
        }
    }

    /// Once per frame, after the edits: records an undo step when a gesture ended.
    pub fn observe_gesture(&mut self, pointer_down: bool) {
        self.history
            .observe(&self.scenario, self.generation, pointer_down);
    }

    /// Makes `scenario` (valid) the committed one and reruns the model.
    fn commit(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.generation += 1;
        self.dirty = self.unsaved_new || self.scenario != self.saved;
        self.rejection = None;
        project_into(&self.scenario, &mut self.projection);
        self.events = events::scan(&self.scenario, &self.projection);
        self.model_runs += 1;
    }
}

/// The last year of the scenario's horizon (where the summary starts).
fn last_year(scenario: &Scenario) -> i32 {
    scenario.base_year + scenario.horizon_years as i32
}
