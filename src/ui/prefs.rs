//! The view preferences kept between runs through eframe's storage (never the scenario itself).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::ui::command::{Chart, Command, PlotLayout, ThemeChoice};

/// View preferences kept between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub layout: PlotLayout,
    pub chart: Chart,
    pub show_inputs: bool,
    pub show_summary: bool,
    /// Draw the observed history (2017–2025) before the projection.
    pub show_history: bool,
    /// Most recent first, at most 10; missing files are pruned on start.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Dark,
            layout: PlotLayout::Tabs,
            chart: Chart::Share,
            show_inputs: true,
            show_summary: true,
            show_history: true,
            recent_files: Vec::new(),
        }
    }
}

impl Prefs {
    /// Whether the chart on screen reads the Monte Carlo run (the Uncertainty tab, and the
    /// Investor tab's spread of the impact), so the run should go on.
    pub fn shows_monte_carlo(&self) -> bool {
        self.layout == PlotLayout::Tabs
            && matches!(self.chart, Chart::Uncertainty | Chart::Investor)
    }

    /// Runs a View command (theme, layout, chart, panels); `shown` is the theme on screen now.
    pub fn run(&mut self, command: &Command, shown: egui::Theme) {
        match *command {
            Command::SetTheme(theme) => self.theme = theme,
            Command::ToggleTheme => {
                self.theme = if shown == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
            Command::SetLayout(layout) => self.layout = layout,
            Command::ToggleLayout => {
                self.layout = match self.layout {
                    PlotLayout::Tabs => PlotLayout::Grid,
                    PlotLayout::Grid => PlotLayout::Tabs,
                };
            }
            Command::ShowChart(chart) => {
                self.chart = chart;
                self.layout = PlotLayout::Tabs;
            }
            Command::ToggleInputs => self.show_inputs = !self.show_inputs,
            Command::ToggleSummary => self.show_summary = !self.show_summary,
            _ => {}
        }
    }
}
