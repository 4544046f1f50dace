//! The open documents as tabs: switching (Ctrl+1..9, Ctrl+Tab), adding, duplicating and closing
//! them. The active document lives in `CloudshiftApp::doc`; the others wait in `parked`.

use std::path::Path;

use crate::ui::CloudshiftApp;
use crate::ui::document::Document;
use crate::ui::file_state::Then;

/// Something to do with the open documents (from the tab strip, a menu or a shortcut).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocCommand {
    /// Show the document at this tab index.
    Switch(usize),
    /// Show the next tab (wrapping).
    Next,
    /// Show the previous tab (wrapping).
    Previous,
    /// Branch a what-if from the active document.
    Duplicate,
    /// Close the active tab (asks first about unsaved changes).
    Close,
}

impl CloudshiftApp {
    /// How many documents are open.
    pub fn document_count(&self) -> usize {
        self.parked.len() + 1
    }

    /// The tab index of the active document.
    pub fn active_index(&self) -> usize {
        self.active
    }

    /// The document at tab `index`.
    pub fn document(&self, index: usize) -> Option<&Document> {
        match index.cmp(&self.active) {
            std::cmp::Ordering::Less => self.parked.get(index),
            std::cmp::Ordering::Equal => Some(&self.doc),
            std::cmp::Ordering::Greater => self.parked.get(index - 1),
        }
    }

    /// The open documents in tab order.
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        (0..self.document_count()).filter_map(|i| self.document(i))
    }

    /// The compare, presenter and export state.
    pub fn present(&self) -> &crate::ui::present::PresentState {
        &self.present
    }

    /// Whether any open document has unsaved changes.
    pub fn any_dirty(&self) -> bool {
        self.documents().any(|d| d.dirty)
    }

    pub(super) fn first_dirty(&self) -> Option<usize> {
        self.documents().position(|d| d.dirty)
    }

    pub(super) fn index_of_path(&self, path: &Path) -> Option<usize> {
        let wanted = std::path::absolute(path).ok();
        self.documents().position(|d| {
            d.path
                .as_deref()
                .is_some_and(|p| p == path || std::path::absolute(p).ok() == wanted)
        })
    }

    /// Makes tab `index` the active document (nothing if out of range).
    pub fn switch_to(&mut self, index: usize) {
        if index == self.active || index >= self.document_count() {
            return;
        }
        let parked_index = if index > self.active {
            index - 1
        } else {
            index
        };
        let incoming = self.parked.remove(parked_index);
        let outgoing = std::mem::replace(&mut self.doc, incoming);
        let back_at = if self.active < index {
            self.active
        } else {
            self.active - 1
        };
        self.parked.insert(back_at, outgoing);
        self.active = index;
        // Generations are per document: the next recovery copy is of this one.
        self.files.recovery_generation = None;
    }

    /// Adds `doc` as the last tab and shows it.
    pub fn add_document(&mut self, doc: Document) {
        let outgoing = std::mem::replace(&mut self.doc, doc);
        self.parked.insert(self.active, outgoing);
        self.active = self.parked.len();
        self.files.recovery_generation = None;
    }

    /// Closes the active tab without asking; the last tab is replaced by a new baseline.
    pub(super) fn close_active(&mut self) {
        self.present.forget_document(self.active);
        if self.parked.is_empty() {
            self.doc = Document::new(crate::scenario::builtin_baseline(), None);
        } else {
            let next = self.active.min(self.parked.len() - 1);
            self.doc = self.parked.remove(next);
            self.active = next;
        }
        self.files.recovery_generation = None;
    }

    /// Runs a document command.
    pub(super) fn run_doc_command(&mut self, ctx: &egui::Context, command: DocCommand) {
        let count = self.document_count();
        match command {
            DocCommand::Switch(index) => self.switch_to(index),
            DocCommand::Next => self.switch_to((self.active + 1) % count),
            DocCommand::Previous => self.switch_to((self.active + count - 1) % count),
            DocCommand::Duplicate => {
                let copy = self.doc.duplicate();
                self.add_document(copy);
            }
            DocCommand::Close => self.unless_unsaved(ctx, Then::CloseDocument),
        }
    }

    /// The tab strip: one tab per open document (`•` when unsaved), Duplicate, close ×.
    pub(super) fn tabs_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<crate::ui::menu::Command>) {
        use crate::ui::menu::Command;
        ui.horizontal_wrapped(|ui| {
            for (index, doc) in self.documents().enumerate() {
                let selected = index == self.active && !self.present.comparing;
                let tab = ui
                    .selectable_label(selected, doc.tab_label())
                    .on_hover_text(doc.path.as_ref().map_or_else(
                        || "Not saved to a file yet".to_owned(),
                        |p| p.display().to_string(),
                    ));
                if tab.clicked() {
                    commands.push(Command::Doc(DocCommand::Switch(index)));
                    commands.push(Command::SetComparing(false));
                }
            }
            ui.separator();
            if ui
                .selectable_label(self.present.comparing, "Compare")
                .on_hover_text("Overlay several open scenarios and list what differs.")
                .clicked()
            {
                commands.push(Command::SetComparing(!self.present.comparing));
            }
            if ui
                .button("Duplicate")
                .on_hover_text("Branch a what-if from this scenario, as a new unsaved tab.")
                .clicked()
            {
                commands.push(Command::Doc(DocCommand::Duplicate));
            }
            if ui
                .button("Close tab")
                .on_hover_text("Close this scenario (asks first if it has unsaved changes).")
                .clicked()
            {
                commands.push(Command::Doc(DocCommand::Close));
            }
        });
    }
}
