//! Undo history for one scenario: one step per gesture. A change made while a pointer button is
//! held (a slider drag) joins the open gesture; the step is recorded once the pointer is released.

use crate::model::Scenario;

/// Most steps kept; the oldest are dropped first.
const MAX_STEPS: usize = 200;

/// Undo and redo stacks of whole scenarios (they are small). Never persisted.
#[derive(Debug)]
pub struct History {
    undo: Vec<Scenario>,
    redo: Vec<Scenario>,
    /// The scenario as of the last recorded step: what undo goes back to.
    settled: Scenario,
    /// The app's scenario generation `settled` corresponds to.
    settled_generation: u64,
}

impl History {
    /// A fresh history starting at `scenario` (on start, New and Open).
    pub fn new(scenario: &Scenario, generation: u64) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            settled: scenario.clone(),
            settled_generation: generation,
        }
    }

    /// Called once per frame after edits: records a step when the scenario has changed and no
    /// gesture is in progress (`pointer_down` false).
    pub fn observe(&mut self, current: &Scenario, generation: u64, pointer_down: bool) {
        if pointer_down || generation == self.settled_generation {
            return;
        }
        self.settle(current, generation);
    }

    /// Closes an open gesture now (before undo, redo or save).
    fn settle(&mut self, current: &Scenario, generation: u64) {
        self.settled_generation = generation;
        if *current == self.settled {
            return;
        }
        let previous = std::mem::replace(&mut self.settled, current.clone());
        self.undo.push(previous);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Whether there is a step to undo (counting a gesture still in progress).
    pub fn can_undo(&self, current: &Scenario) -> bool {
        !self.undo.is_empty() || *current != self.settled
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone (tests).
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// The scenario to go back to, if any. `current` is the scenario shown now; it goes on the
    /// redo stack. The caller commits the returned scenario and then calls [`History::moved_to`].
    pub fn undo(&mut self, current: &Scenario, generation: u64) -> Option<Scenario> {
        self.settle(current, generation);
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    /// The scenario to go forward to, if any (see [`History::undo`]).
    pub fn redo(&mut self, current: &Scenario, generation: u64) -> Option<Scenario> {
        self.settle(current, generation);
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    /// After undo or redo committed `scenario` as `generation`: that is the new settled state.
    pub fn moved_to(&mut self, scenario: &Scenario, generation: u64) {
        self.settled = scenario.clone();
        self.settled_generation = generation;
    }
}
