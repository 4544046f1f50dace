//! Exports and the clipboard: the projection and the simulation summary as CSV (the same tables
//! `cloudshift project` and `simulate` write), the chart on screen as PNG (a screenshot cropped
//! to the chart), and the scenario as RON text to copy or paste. Its handlers run from the queue.

use std::path::{Path, PathBuf};

use crate::scenario::{self, write_output};
use crate::ui::command::{
    Chart, Command, CommandQueue, ExportCommand, ExportKind, FileCommand, PickPurpose, Screenshot,
};
use crate::ui::document::Document;
use crate::ui::documents::Documents;

/// Frames drawn between choosing the path and the screenshot, so the dialog is gone from it.
const FRAMES_BEFORE_SCREENSHOT: u8 = 2;

/// What an export command did, for the status line or the error dialog.
#[derive(Debug, PartialEq, Eq)]
pub enum ExportOutcome {
    /// Nothing to report (yet).
    Quiet,
    Done(String),
    Failed(String),
    /// A pasted scenario opened as a new tab.
    Opened,
}

/// The state of exports: where the chart was drawn, the paste dialog's text.
#[derive(Debug, Default)]
pub struct Exporter {
    /// Where the chart (plot and axes) was drawn last frame, for "Export chart as PNG…".
    chart_rect: Option<egui::Rect>,
    /// Which chart is on screen and in which theme, for "Export chart as SVG…".
    chart_on_screen: Option<(Chart, bool)>,
    /// The paste dialog's text while it is open.
    paste_text: Option<String>,
    /// The text last copied as RON (tests read it; the clipboard is the system's).
    last_copied: Option<String>,
    /// The documents (tab indices) the Compare view shows, while it is on screen with two or
    /// more: "Export report…" then writes their compare report.
    compared: Option<Vec<usize>>,
}

impl Exporter {
    /// Records what is on screen this frame: where the chart is drawn (`None`: no chart),
    /// which chart it is, whether the theme is dark, and the documents the Compare view
    /// compares (`None`: not comparing).
    pub fn set_screen(
        &mut self,
        rect: Option<egui::Rect>,
        chart: Option<Chart>,
        dark: bool,
        compared: Option<Vec<usize>>,
    ) {
        self.chart_rect = rect;
        self.chart_on_screen = chart.map(|c| (c, dark));
        self.compared = compared.filter(|c| c.len() >= 2);
    }

    /// The text last copied as RON.
    pub fn last_copied(&self) -> Option<&str> {
        self.last_copied.as_deref()
    }

    /// Runs one export command on the active document.
    pub fn run(
        &mut self,
        command: ExportCommand,
        ctx: &egui::Context,
        docs: &mut Documents,
        queue: &mut CommandQueue,
    ) -> ExportOutcome {
        match command {
            ExportCommand::Start(kind) => {
                queue.push(Command::File(FileCommand::Pick(PickPurpose::Export(kind))));
                ExportOutcome::Quiet
            }
            ExportCommand::To(ExportKind::ReportHtml, path) if self.compared.is_some() => {
                let compared = self.compared.clone().unwrap_or_default();
                compare_report_to(&path, docs, &compared)
            }
            ExportCommand::To(kind, path) => {
                export_to(kind, &path, docs.active(), self.chart_on_screen, queue)
            }
            ExportCommand::CaptureChart { path, frames_left } => {
                self.capture_chart(ctx, path, frames_left, queue)
            }
            ExportCommand::WritePng { path, shot, rect } => {
                let scenario_file = docs.active().path();
                let result = chart_png(&shot.0, rect, ctx.pixels_per_point()).and_then(|png| {
                    write_output(&path, &png, &scenario_file.into_iter().collect::<Vec<_>>())
                        .map_err(|e| e.to_string())
                });
                written(&path, result)
            }
            ExportCommand::CopyRon => match scenario::to_ron_string(docs.active().scenario()) {
                Ok(text) => {
                    ctx.copy_text(text.clone());
                    self.last_copied = Some(text);
                    ExportOutcome::Done("Scenario copied as RON text.".to_owned())
                }
                Err(error) => ExportOutcome::Failed(format!("Could not copy.\n{error}")),
            },
            ExportCommand::PasteDialog => {
                self.paste_text = Some(String::new());
                ExportOutcome::Quiet
            }
            ExportCommand::OpenPasted(text) => match scenario::load_str(&text, "<clipboard>") {
                Ok(loaded) => {
                    docs.add(Document::new_unsaved(loaded));
                    self.paste_text = None;
                    ExportOutcome::Opened
                }
                Err(error) => ExportOutcome::Failed(format!(
                    "The pasted text is not a valid scenario; nothing was changed.\n{error}"
                )),
            },
        }
    }

    /// Waits `frames_left` frames, then asks for a screenshot whose arrival queues the write.
    fn capture_chart(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        frames_left: u8,
        queue: &mut CommandQueue,
    ) -> ExportOutcome {
        if frames_left > 0 {
            queue.defer(Command::Export(ExportCommand::CaptureChart {
                path,
                frames_left: frames_left - 1,
            }));
            ctx.request_repaint();
            return ExportOutcome::Quiet;
        }
        let Some(rect) = self.chart_rect else {
            return ExportOutcome::Failed("There is no chart on screen to export.".to_owned());
        };
        let sender = queue.sender();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            sender.send(Command::Export(ExportCommand::WritePng {
                path,
                shot: Screenshot(image),
                rect,
            }));
            repaint.request_repaint();
        });
        ExportOutcome::Quiet
    }

    /// The paste dialog, while it is open: "Open as new tab" queues the text.
    pub fn paste_dialog_ui(&mut self, ctx: &egui::Context, queue: &mut CommandQueue) {
        let Some(text) = &mut self.paste_text else {
            return;
        };
        let mut open = true;
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
                        queue.push(Command::Export(ExportCommand::OpenPasted(text.clone())));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
        if !open || close {
            self.paste_text = None;
        }
    }

    /// A paste outside any text field opens the pasted scenario as a new tab.
    pub fn capture_paste(&self, ctx: &egui::Context, queue: &mut CommandQueue) {
        if ctx.egui_wants_keyboard_input() || self.paste_text.is_some() {
            return;
        }
        let pasted = ctx.input(|i| {
            i.events.iter().find_map(|e| match e {
                egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                _ => None,
            })
        });
        if let Some(text) = pasted {
            queue.push(Command::Export(ExportCommand::OpenPasted(text)));
        }
    }
}

/// Writes the compare report of the documents at `compared` (the first is the reference) to
/// `path`, as `cloudshift report A.ron B.ron` writes it.
fn compare_report_to(path: &Path, docs: &Documents, compared: &[usize]) -> ExportOutcome {
    let path = match checked_extension(path, ExportKind::ReportHtml) {
        Ok(path) => path,
        Err(message) => return ExportOutcome::Failed(message),
    };
    let inputs: Vec<crate::report::ReportInput<'_>> = compared
        .iter()
        .filter_map(|&i| docs.get(i))
        .map(|doc| crate::report::ReportInput {
            label: doc.path().map_or_else(
                || format!("{} (unsaved)", doc.scenario().name),
                |p| p.display().to_string(),
            ),
            scenario: doc.scenario(),
        })
        .collect();
    let html = match crate::report::report_html(&inputs) {
        Ok(html) => html,
        Err(error) => return ExportOutcome::Failed(format!("Could not export.\n{error}")),
    };
    let scenario_files: Vec<&Path> = compared
        .iter()
        .filter_map(|&i| docs.get(i).and_then(Document::path))
        .collect();
    match write_output(&path, html.as_bytes(), &scenario_files) {
        Ok(()) => ExportOutcome::Done(format!(
            "Exported the compare report of {} scenarios to {}",
            inputs.len(),
            path.display()
        )),
        Err(error) => ExportOutcome::Failed(format!("Could not export.\n{error}")),
    }
}

/// `path` with `kind`'s extension added if it has none; an error if it has another one.
fn checked_extension(path: &Path, kind: ExportKind) -> Result<PathBuf, String> {
    match path.extension().map(|e| e.to_string_lossy().to_lowercase()) {
        None => Ok(path.with_extension(kind.extension())),
        Some(extension) if extension == kind.extension() => Ok(path.to_path_buf()),
        Some(extension) => Err(format!(
            "Not exported: {} ends in .{extension}, but {} writes a .{} file. Name it .{} \
             (or leave the extension out).",
            path.display(),
            kind.title(),
            kind.extension(),
            kind.extension()
        )),
    }
}

/// Writes `kind` of `doc` to `path` (adding the extension if it has none).
fn export_to(
    kind: ExportKind,
    path: &Path,
    doc: &Document,
    chart: Option<(Chart, bool)>,
    queue: &mut CommandQueue,
) -> ExportOutcome {
    let path = match checked_extension(path, kind) {
        Ok(path) => path,
        Err(message) => return ExportOutcome::Failed(message),
    };
    let text = match kind {
        ExportKind::ProjectionCsv => crate::tables::projection_report(doc.scenario()).to_csv(),
        ExportKind::SummaryCsv => {
            let Some(summary) = doc.uncertainty().summary() else {
                return ExportOutcome::Failed(
                    "There is no simulation summary yet: open the Uncertainty tab.".to_owned(),
                );
            };
            crate::tables::summary_report(doc.scenario(), summary).to_csv()
        }
        ExportKind::ChartPng => {
            queue.push(Command::Export(ExportCommand::CaptureChart {
                path,
                frames_left: FRAMES_BEFORE_SCREENSHOT,
            }));
            return ExportOutcome::Quiet;
        }
        ExportKind::ChartSvg => match chart_svg(doc, chart) {
            Ok(svg) => svg,
            Err(error) => return ExportOutcome::Failed(format!("Could not export.\n{error}")),
        },
        ExportKind::ReportHtml => {
            let label = doc.path().map_or_else(
                || "unsaved scenario".to_owned(),
                |p| p.display().to_string(),
            );
            match crate::report::scenario_report_html(doc.scenario(), &label) {
                Ok(html) => html,
                Err(error) => {
                    return ExportOutcome::Failed(format!("Could not export.\n{error}"));
                }
            }
        }
    };
    let scenario_file: Vec<&Path> = doc.path().into_iter().collect();
    written(&path, write_output(&path, text.as_bytes(), &scenario_file))
}

/// The chart on screen as SVG, drawn by the report module (the Uncertainty tab's fan from the
/// run already on screen, so no draws run again).
fn chart_svg(doc: &Document, chart: Option<(Chart, bool)>) -> Result<String, String> {
    use crate::report::{ChartKind, ChartSize, Theme};
    let Some((chart, dark)) = chart else {
        return Err("There is no chart on screen to export.".to_owned());
    };
    let theme = Theme::for_dark_mode(dark);
    let size = ChartSize::default();
    let kind = match chart.report_kind() {
        ChartKind::Fan => {
            let uncertainty = doc.uncertainty();
            let summary = uncertainty
                .summary()
                .ok_or("There is no simulation on screen yet: wait for the bands.")?;
            return crate::report::fan_chart_svg(
                doc.scenario(),
                summary,
                uncertainty.measure,
                uncertainty.provider,
                size,
                theme,
            )
            .map_err(|e| e.to_string());
        }
        kind => kind,
    };
    crate::report::chart_svg(doc.scenario(), kind, None, size, theme).map_err(|e| e.to_string())
}

fn written<E: std::fmt::Display>(path: &Path, result: Result<(), E>) -> ExportOutcome {
    match result {
        Ok(()) => ExportOutcome::Done(format!("Exported {}", path.display())),
        Err(error) => ExportOutcome::Failed(format!("Could not export.\n{error}")),
    }
}

/// The part of a screenshot (in pixels) under `rect` (in points), as PNG bytes.
pub fn chart_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [image_width, image_height] = image.size;
    let to_pixels = |points: f32, limit: usize| ((points * pixels_per_point) as usize).min(limit);
    let (left, right) = (
        to_pixels(rect.min.x, image_width),
        to_pixels(rect.max.x, image_width),
    );
    let (top, bottom) = (
        to_pixels(rect.min.y, image_height),
        to_pixels(rect.max.y, image_height),
    );
    if right <= left || bottom <= top {
        return Err("the chart is not on screen".to_owned());
    }
    let (width, height) = (right - left, bottom - top);
    let region = image.region_by_pixels([left, top], [width, height]);
    let bytes: Vec<u8> = region
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let buffer = image::RgbaImage::from_raw(
        u32::try_from(width).map_err(|e| e.to_string())?,
        u32::try_from(height).map_err(|e| e.to_string())?,
        bytes,
    )
    .ok_or_else(|| "the screenshot had an unexpected size".to_owned())?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(png)
}
