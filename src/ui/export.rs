//! Exports and the clipboard: the projection and the simulation summary as CSV (the same tables
//! `cloudshift project` and `simulate` write), the chart on screen as PNG (a screenshot cropped
//! to the plot), and the scenario as RON text to copy or paste. Runs after the frame only.

use std::path::Path;

use crate::scenario::{self, write_atomically};
use crate::ui::CloudshiftApp;
use crate::ui::document::Document;
use crate::ui::picker::PickPurpose;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    ProjectionCsv,
    SummaryCsv,
    ChartPng,
}

impl ExportKind {
    /// The dialog title.
    pub fn title(self) -> &'static str {
        match self {
            Self::ProjectionCsv => "Export projection as CSV",
            Self::SummaryCsv => "Export simulation summary as CSV",
            Self::ChartPng => "Export chart as PNG",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::ProjectionCsv | Self::SummaryCsv => "csv",
            Self::ChartPng => "png",
        }
    }

    pub fn filter_name(self) -> &'static str {
        match self {
            Self::ProjectionCsv | Self::SummaryCsv => "CSV",
            Self::ChartPng => "PNG image",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Self::ProjectionCsv => "projection",
            Self::SummaryCsv => "simulation",
            Self::ChartPng => "chart",
        }
    }

    pub fn default_file_name(self) -> String {
        format!("{}.{}", self.suffix(), self.extension())
    }

    /// Beside the scenario file, `<stem>-<what>.<ext>`; else a file name in the working directory.
    pub fn suggested_path(self, scenario_path: Option<&Path>) -> String {
        scenario_path
            .and_then(|p| Some((p.parent()?, p.file_stem()?)))
            .map_or_else(
                || self.default_file_name(),
                |(dir, stem)| {
                    dir.join(format!(
                        "{}-{}.{}",
                        stem.to_string_lossy(),
                        self.suffix(),
                        self.extension()
                    ))
                    .display()
                    .to_string()
                },
            )
    }
}

/// Edit and File menu commands for exports and the clipboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportCommand {
    /// Ask where, then write.
    Export(ExportKind),
    CopyRon,
    /// Open the paste dialog (a text field to paste into).
    PasteDialog,
    /// Open the pending pasted text as a new document.
    OpenPasted,
}

impl CloudshiftApp {
    /// Runs an export or clipboard command.
    pub(super) fn run_export_command(&mut self, ctx: &egui::Context, command: ExportCommand) {
        match command {
            ExportCommand::Export(kind) => self.start_pick(ctx, PickPurpose::Export(kind)),
            ExportCommand::CopyRon => match scenario::to_ron_string(&self.doc.scenario) {
                Ok(text) => {
                    ctx.copy_text(text.clone());
                    self.present.last_copied = Some(text);
                    self.present.status = Some("Scenario copied as RON text.".to_owned());
                }
                Err(error) => self.files.error = Some(format!("Could not copy.\n{error}")),
            },
            ExportCommand::PasteDialog => self.present.paste_dialog = Some(String::new()),
            ExportCommand::OpenPasted => {
                if let Some(text) = self.present.pending_paste.take() {
                    self.open_pasted(&text);
                }
            }
        }
    }

    /// Opens RON `text` as a new, unsaved document; on failure shows why and changes nothing.
    pub fn open_pasted(&mut self, text: &str) {
        match scenario::load_str(text, "<clipboard>") {
            Ok(loaded) => {
                let mut doc = Document::new(loaded, None);
                doc.mark_unsaved_new();
                self.add_document(doc);
                self.present.paste_dialog = None;
                self.present.comparing = false;
            }
            Err(error) => {
                self.files.error = Some(format!(
                    "The pasted text is not a valid scenario; nothing was changed.\n{error}"
                ));
            }
        }
    }

    /// Writes the export to `path` (a chart waits for the next screenshot).
    pub(super) fn export_to(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        let path = if path.extension().is_none() {
            path.with_extension(kind.extension())
        } else {
            path.to_path_buf()
        };
        let csv = match kind {
            ExportKind::ProjectionCsv => crate::cli::projection_report(&self.doc.scenario).to_csv(),
            ExportKind::SummaryCsv => {
                let Some(summary) = self.doc.uncertainty.summary() else {
                    self.files.error = Some(
                        "There is no simulation summary yet: open the Uncertainty tab.".into(),
                    );
                    return;
                };
                crate::cli::summary_report(&self.doc.scenario, summary).to_csv()
            }
            ExportKind::ChartPng => {
                match self.present.chart_rect {
                    Some(rect) => {
                        self.present.pending_png = Some((path, rect, 2));
                        ctx.request_repaint();
                    }
                    None => {
                        self.files.error = Some("There is no chart on screen to export.".into());
                    }
                }
                return;
            }
        };
        self.report_write(&path, write_atomically(&path, csv.as_bytes()));
    }

    fn report_write<E: std::fmt::Display>(&mut self, path: &Path, result: Result<(), E>) {
        match result {
            Ok(()) => self.present.status = Some(format!("Exported {}", path.display())),
            Err(error) => {
                self.files.error = Some(format!("Could not export.\n{error}"));
            }
        }
    }

    /// After the frame: asks for the chart screenshot once the dialogs are gone, and saves it
    /// when it arrives.
    pub(super) fn poll_chart_png(&mut self, ctx: &egui::Context) {
        if let Some((path, rect, wait)) = self.present.pending_png.take() {
            if wait > 0 {
                self.present.pending_png = Some((path, rect, wait - 1));
                ctx.request_repaint();
                return;
            }
            let slot = self.present.screenshot.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                repaint.request_repaint();
            });
            self.present.png_waiting = Some((path, rect));
        }
        let image = self
            .present
            .screenshot
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        if let (Some(image), Some((path, rect))) = (image, self.present.png_waiting.take()) {
            let result = save_png(&image, rect, ctx.pixels_per_point(), &path);
            self.report_write(&path, result);
        }
    }
}

/// Crops `image` (the whole window) to `rect` (points) and saves it as PNG.
fn save_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<(), String> {
    let png = chart_png(image, rect, pixels_per_point)?;
    write_atomically(path, &png).map_err(|e| e.to_string())
}

/// Crops `image` (the whole window) to `rect` (points) and encodes it as PNG. The part of `rect`
/// outside the image (a window resized since the chart was laid out) is left out; a `rect` with
/// nothing on screen is an error.
pub fn chart_png(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [image_width, image_height] = image.size;
    // Float to usize saturates: negative coordinates become 0.
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
