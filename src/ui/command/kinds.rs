//! The payloads of commands: what a file, tab, presenter, export or learning command is about.

use std::path::{Path, PathBuf};

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    New,
    Open,
    OpenPath(PathBuf),
    /// Close the window (asks about each unsaved document in turn).
    Close,
    /// Close the active document's tab.
    CloseDocument,
}

/// The answer to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The projection, as `cloudshift project --format csv` writes it.
    ProjectionCsv,
    /// The Monte Carlo summary, as `cloudshift simulate --format csv` writes it.
    SummaryCsv,
    /// The chart on screen, as a picture.
    ChartPng,
    /// The chart on screen, as a scalable drawing for slides.
    ChartSvg,
    /// The whole scenario as one HTML page anyone can open.
    ReportHtml,
}

impl ExportKind {
    /// Dialog title and menu text without the ellipsis.
    pub fn title(self) -> &'static str {
        match self {
            Self::ProjectionCsv => "Export projection as CSV",
            Self::SummaryCsv => "Export simulation summary as CSV",
            Self::ChartPng => "Export chart as PNG",
            Self::ChartSvg => "Export chart as SVG",
            Self::ReportHtml => "Export report",
        }
    }

    /// File extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::ProjectionCsv | Self::SummaryCsv => "csv",
            Self::ChartPng => "png",
            Self::ChartSvg => "svg",
            Self::ReportHtml => "html",
        }
    }

    /// Name of the file type in a dialog's filter.
    pub fn filter_name(self) -> &'static str {
        match self {
            Self::ProjectionCsv | Self::SummaryCsv => "CSV",
            Self::ChartPng => "PNG image",
            Self::ChartSvg => "SVG drawing",
            Self::ReportHtml => "HTML page",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Self::ProjectionCsv => "projection",
            Self::SummaryCsv => "simulation",
            Self::ChartPng | Self::ChartSvg => "chart",
            Self::ReportHtml => "report",
        }
    }

    /// `projection.csv`, `simulation.csv`, `chart.png`.
    pub fn default_file_name(self) -> String {
        format!("{}.{}", self.suffix(), self.extension())
    }

    /// Beside the scenario file (`baseline-projection.csv`), or the default file name.
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

/// What the person is picking a file for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickPurpose {
    Open,
    /// Save the active scenario, then do `then` (when saving answered "Save changes?").
    SaveAs {
        then: Option<Then>,
    },
    /// Where to write an export.
    Export(ExportKind),
}

/// File menu items, and the steps of opening and saving that dialogs and the frame ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    New,
    Open,
    Save,
    SaveAs,
    /// Open by typing a path (when no native dialog appears).
    TypePath,
    /// Open `prefs.recent_files[i]`.
    OpenRecent(usize),
    ClearRecent,
    /// Ask for a path (a dialog, or a typed path where none can open).
    Pick(PickPurpose),
    /// A file dialog answered.
    Picked(PickPurpose, PathBuf),
    /// A file dialog could not run: ask for a typed path instead.
    PickFailed(PickPurpose),
    /// Do `then` now that unsaved changes are saved, discarded or absent.
    Proceed(Then),
    /// Save the active scenario to its file (Save As if it has none), then do `then`.
    SaveThen(Option<Then>),
    /// A file dropped on the window (asks first if there are unsaved changes).
    Dropped(PathBuf),
    /// A dropped file with no path (web): its name and bytes.
    DroppedBytes(String, Vec<u8>),
    /// The window's close button: ask about unsaved tabs first.
    CloseRequested,
    /// The answer to "Save changes?".
    Answer(UnsavedChoice),
    /// The typed path was confirmed or cancelled.
    PathEntered,
    PathCancelled,
    DismissError,
    RestoreRecovery,
    DiscardRecovery,
    WriteRecovery,
    RemoveRecovery,
}

/// Switch, cycle, duplicate or close open documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocCommand {
    /// Show the document at this tab index.
    Switch(usize),
    Next,
    Previous,
    /// Branch a what-if from the active document (a new unsaved tab).
    Duplicate,
    /// Close the active tab (asks first if it has unsaved changes).
    Close,
}

/// Presenter mode: start, stop, step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentCommand {
    Start,
    Stop,
    Next,
    Previous,
}

/// History, sources, "How the model works", guided what-ifs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LearnCommand {
    /// Show or hide the observed history on the charts.
    ToggleHistory,
    Sources,
    HowItWorks,
    WhatIfs,
}

/// The screenshot a chart export waited for (compared by identity).
#[derive(Clone)]
pub struct Screenshot(pub std::sync::Arc<egui::ColorImage>);

impl std::fmt::Debug for Screenshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Screenshot({:?})", self.0.size)
    }
}

impl PartialEq for Screenshot {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Exports and the clipboard.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportCommand {
    /// Ask where to write an export.
    Start(ExportKind),
    /// Write an export to this path.
    To(ExportKind, PathBuf),
    /// Take a screenshot of the chart once `frames_left` more frames have been drawn (so that the
    /// dialog that asked for the path is gone from the picture).
    CaptureChart {
        path: PathBuf,
        frames_left: u8,
    },
    /// The screenshot arrived: crop it to the chart and write it.
    WritePng {
        path: PathBuf,
        shot: Screenshot,
        /// Where the chart was on screen, in points.
        rect: egui::Rect,
    },
    CopyRon,
    PasteDialog,
    /// Open this scenario text (pasted) as a new tab.
    OpenPasted(String),
}
