//! The open documents, one tab each: which one is active, switching, adding and closing them.

use std::path::Path;

use crate::ui::command::DocCommand;
use crate::ui::document::Document;

/// Every open document; there is always at least one.
pub struct Documents {
    /// The document shown and edited (the active tab).
    active: Document,
    /// The other open documents, in tab order without the active one.
    parked: Vec<Document>,
    /// The tab index of `active` among all open documents.
    active_index: usize,
}

impl Documents {
    /// One tab, on `doc`.
    pub fn new(doc: Document) -> Self {
        Self {
            active: doc,
            parked: Vec::new(),
            active_index: 0,
        }
    }

    pub fn count(&self) -> usize {
        self.parked.len() + 1
    }

    /// The tab index of the active document.
    pub fn active_index(&self) -> usize {
        self.active_index
    }

    /// The active document.
    pub fn active(&self) -> &Document {
        &self.active
    }

    pub fn active_mut(&mut self) -> &mut Document {
        &mut self.active
    }

    /// The document at tab `index`.
    pub fn get(&self, index: usize) -> Option<&Document> {
        match index.cmp(&self.active_index) {
            std::cmp::Ordering::Less => self.parked.get(index),
            std::cmp::Ordering::Equal => Some(&self.active),
            std::cmp::Ordering::Greater => self.parked.get(index - 1),
        }
    }

    /// Every document in tab order.
    pub fn iter(&self) -> impl Iterator<Item = &Document> {
        (0..self.count()).filter_map(|i| self.get(i))
    }

    pub fn any_dirty(&self) -> bool {
        self.iter().any(Document::is_dirty)
    }

    /// The tab index of the first document with unsaved changes.
    pub fn first_dirty(&self) -> Option<usize> {
        self.iter().position(Document::is_dirty)
    }

    /// The tab index of the document opened from `path`, if it is open.
    pub fn index_of_path(&self, path: &Path) -> Option<usize> {
        let wanted = std::path::absolute(path).ok();
        self.iter().position(|d| {
            d.path()
                .is_some_and(|p| p == path || std::path::absolute(p).ok() == wanted)
        })
    }

    /// Shows tab `index` (nothing if there is no such tab).
    pub fn switch_to(&mut self, index: usize) {
        if index == self.active_index || index >= self.count() {
            return;
        }
        let parked_index = if index > self.active_index {
            index - 1
        } else {
            index
        };
        let incoming = self.parked.remove(parked_index);
        let outgoing = std::mem::replace(&mut self.active, incoming);
        let back_at = if self.active_index < index {
            self.active_index
        } else {
            self.active_index - 1
        };
        self.parked.insert(back_at, outgoing);
        self.active_index = index;
    }

    /// Adds `doc` as the last tab and shows it.
    pub fn add(&mut self, doc: Document) {
        let outgoing = std::mem::replace(&mut self.active, doc);
        self.parked.insert(self.active_index, outgoing);
        self.active_index = self.parked.len();
    }

    /// Closes the active tab; the last one closed leaves the built-in baseline.
    pub fn close_active(&mut self) {
        if self.parked.is_empty() {
            self.active = Document::new(crate::scenario::builtin_baseline(), None);
        } else {
            let next = self.active_index.min(self.parked.len() - 1);
            self.active = self.parked.remove(next);
            self.active_index = next;
        }
    }

    /// Switches, cycles or duplicates (closing asks about unsaved changes first: see the files).
    pub fn run(&mut self, command: DocCommand) {
        let count = self.count();
        match command {
            DocCommand::Switch(index) => self.switch_to(index),
            DocCommand::Next => self.switch_to((self.active_index + 1) % count),
            DocCommand::Previous => self.switch_to((self.active_index + count - 1) % count),
            DocCommand::Duplicate => {
                let copy = self.active.duplicate();
                self.add(copy);
            }
            DocCommand::Close => self.close_active(),
        }
    }
}
