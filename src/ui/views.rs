//! The frames of the other modes: presenter mode (one chart, large, no editing panels) and the
//! Compare view (the ticked scenarios overlaid), plus the paste dialog and the status line.

use crate::ui::CloudshiftApp;
use crate::ui::compare_view::{self, Compared};
use crate::ui::export::ExportCommand;
use crate::ui::menu::Command;
use crate::ui::plots::ChartData;
use crate::ui::present::{self, PresentCommand, SLIDE_CHARTS};

/// The egui memory key under which the central panel records the chart's rect (for PNG export).
pub fn chart_rect_id() -> egui::Id {
    egui::Id::unique("cloudshift-chart-rect")
}

impl CloudshiftApp {
    /// Presenter mode: the slide's scenario, its description and one chart, nothing to edit.
    pub(super) fn presenter_frame(&mut self, ui: &mut egui::Ui) {
        let Some(presenter) = self.present.presenter else {
            return;
        };
        let slides = self.document_count() * SLIDE_CHARTS.len();
        let frame = egui::Frame::central_panel(ui.style()).inner_margin(24.0);
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            let mut data = ChartData::new(
                &self.doc.scenario,
                &self.doc.projection,
                self.doc.summary_year,
            );
            data.history = self
                .learn
                .history_to_draw(&self.doc.scenario, self.prefs.show_history);
            self.present.chart_rect = present::presenter_ui(ui, &data, presenter.slide, slides);
        });
    }

    /// The Compare view in the central panel.
    pub(super) fn compare_frame(&mut self, ui: &mut egui::Ui) {
        let count = self.document_count();
        let all: Vec<(String, usize)> = self
            .documents()
            .enumerate()
            .map(|(i, d)| (d.scenario.name.clone(), i))
            .collect();
        let ticked = self.present.ticked(count);
        let mut ticks = std::mem::take(&mut self.present.compare_ticked);
        let mut year = self.present.compare_year;
        let compared: Vec<Compared<'_>> = ticked
            .iter()
            .filter_map(|i| {
                self.document(*i).map(|d| Compared {
                    index: *i,
                    scenario: &d.scenario,
                    projection: &d.projection,
                })
            })
            .collect();
        let mut rect = None;
        egui::CentralPanel::default().show(ui, |ui| {
            rect = compare_view::compare_ui(ui, &all, &mut ticks, &compared, &mut year);
        });
        self.present.compare_ticked = ticks;
        self.present.compare_year = year;
        self.present.chart_rect = rect;
    }

    /// Starts, stops or steps presenter mode.
    pub(super) fn run_present_command(&mut self, ctx: &egui::Context, command: PresentCommand) {
        match command {
            PresentCommand::Start => {
                self.present.comparing = false;
                self.present.start(ctx, self.active);
            }
            PresentCommand::Stop => self.present.stop(ctx),
            PresentCommand::Next | PresentCommand::Previous => {
                let forward = command == PresentCommand::Next;
                if let Some(index) = self.present.step(forward, self.document_count()) {
                    self.switch_to(index);
                }
            }
        }
    }

    /// The "Paste scenario" dialog: a multi-line field to paste RON text into.
    pub(super) fn paste_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(text) = &mut self.present.paste_dialog else {
            return;
        };
        let mut open = true;
        let mut commands = Vec::new();
        let mut close = false;
        egui::Window::new("Paste scenario")
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                ui.label("Paste a scenario's RON text (Ctrl+V), then open it as a new tab.");
                let label = ui.label("Scenario text");
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .code_editor()
                                .desired_rows(14)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(label.id);
                    });
                ui.horizontal(|ui| {
                    let ready = !text.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new("Open as new tab"))
                        .clicked()
                    {
                        self.present.pending_paste = Some(text.clone());
                        commands.push(Command::Export(ExportCommand::OpenPasted));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if !open || close {
            self.present.paste_dialog = None;
        }
        self.commands.extend(commands);
    }

    /// Text pasted (Ctrl+V) while no text field has focus: a scenario to open as a new tab.
    pub(super) fn capture_paste(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() || self.present.paste_dialog.is_some() {
            return;
        }
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            self.present.pending_paste = Some(text);
            self.commands
                .push(Command::Export(ExportCommand::OpenPasted));
        }
    }

    /// The status line under the tabs ("Exported …"), if there is one.
    pub(super) fn status_ui(&self, ui: &mut egui::Ui) {
        if let Some(status) = &self.present.status {
            ui.label(egui::RichText::new(status).weak());
        }
    }
}
