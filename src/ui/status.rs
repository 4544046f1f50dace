//! The status line beside the tabs: what the last save, export or copy did, for a few seconds.

/// How long the status line shows a message, seconds.
const STATUS_SECONDS: f64 = 8.0;

/// The message shown and when it was set (egui time).
#[derive(Debug, Default)]
pub struct StatusLine {
    message: Option<(String, f64)>,
}

impl StatusLine {
    /// Shows `message` from now on, for a few seconds.
    pub fn set(&mut self, ctx: &egui::Context, message: String) {
        self.message = Some((message, ctx.input(|i| i.time)));
    }

    /// The message to show this frame, if it has not expired; asks for a frame when it does.
    pub fn current(&mut self, ctx: &egui::Context) -> Option<&str> {
        let now = ctx.input(|i| i.time);
        let left = self
            .message
            .as_ref()
            .map(|(_, since)| STATUS_SECONDS - (now - since))?;
        if left <= 0.0 {
            self.message = None;
            return None;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        self.message.as_ref().map(|(text, _)| text.as_str())
    }
}
