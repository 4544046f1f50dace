//! The one queue of commands: pushed while drawing, drained by the app once per frame. Commands
//! for the next frame and those sent from other threads (a screenshot's callback) join it when
//! the next frame begins.

use std::sync::{Arc, Mutex, PoisonError};

use super::Command;

/// Commands waiting to run.
#[derive(Debug, Default)]
pub struct CommandQueue {
    now: Vec<Command>,
    next_frame: Vec<Command>,
    mailbox: Arc<Mutex<Vec<Command>>>,
}

/// Sends commands to a [`CommandQueue`] from another thread or a callback.
#[derive(Clone, Debug)]
pub struct CommandSender(Arc<Mutex<Vec<Command>>>);

impl CommandSender {
    /// Queues `command` for the next frame.
    pub fn send(&self, command: Command) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(command);
    }
}

impl CommandQueue {
    /// Runs `command` after this frame is drawn.
    pub fn push(&mut self, command: Command) {
        self.now.push(command);
    }

    /// Runs `command` after the next frame is drawn.
    pub fn defer(&mut self, command: Command) {
        self.next_frame.push(command);
    }

    /// A handle that queues commands from elsewhere.
    pub fn sender(&self) -> CommandSender {
        CommandSender(Arc::clone(&self.mailbox))
    }

    /// Starts a frame: what was deferred or sent joins the queue.
    pub fn begin_frame(&mut self) {
        self.now.append(&mut self.next_frame);
        let mut mailbox = self.mailbox.lock().unwrap_or_else(PoisonError::into_inner);
        self.now.append(&mut mailbox);
    }

    /// The commands to run now, oldest first.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.now)
    }

    /// Whether commands wait for a later frame (the app keeps repainting until they ran).
    pub fn has_later(&self) -> bool {
        !self.next_frame.is_empty()
            || !self
                .mailbox
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .is_empty()
    }
}

impl Extend<Command> for CommandQueue {
    fn extend<I: IntoIterator<Item = Command>>(&mut self, iter: I) {
        self.now.extend(iter);
    }
}
