//! The charts of the central area and how they are laid out, with the keys that show them.

use egui::Key;
use serde::{Deserialize, Serialize};

/// The charts, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chart {
    #[default]
    Share,
    Revenue,
    Placement,
    Delta,
    /// Monte Carlo fan chart and tornado.
    Uncertainty,
    /// What the migration is worth to each company, and what the market has priced in.
    Investor,
}

impl Chart {
    pub const ALL: [Self; 6] = [
        Self::Share,
        Self::Revenue,
        Self::Placement,
        Self::Delta,
        Self::Uncertainty,
        Self::Investor,
    ];
    /// The charts of the 2×2 grid.
    pub const GRID: [Self; 4] = [Self::Share, Self::Revenue, Self::Placement, Self::Delta];

    /// Tab and title text.
    pub fn title(self) -> &'static str {
        match self {
            Self::Share => "Market share",
            Self::Revenue => "Revenue",
            Self::Placement => "Workload placement",
            Self::Delta => "Delta & value at stake",
            Self::Uncertainty => "Uncertainty",
            Self::Investor => "Investor",
        }
    }

    /// One sentence on what the chart shows.
    pub fn description(self) -> &'static str {
        match self {
            Self::Share => "Each provider's share of the whole market, stacked to 100%.",
            Self::Revenue => "Revenue by provider; dashed: the same market without any migration.",
            Self::Placement => "Where each workload's spend goes, year by year.",
            Self::Delta => {
                "Revenue won or lost against the no-migration counterfactual, and that change times EV/sales."
            }
            Self::Uncertainty => {
                "Monte Carlo bands (P5–P95, P25–P75, median; dashed: the single deterministic run) and the tornado of the inputs that drive them."
            }
            Self::Investor => {
                "What the migration is worth to each company today (a present value), against its market cap and its observed share-price move."
            }
        }
    }

    /// The same chart drawn by the report module, for "Export chart as SVG…" (the Uncertainty
    /// tab's fan is drawn from the run on screen instead).
    pub fn report_kind(self) -> crate::report::ChartKind {
        use crate::report::ChartKind;
        match self {
            Self::Share => ChartKind::Share,
            Self::Revenue => ChartKind::Revenue,
            Self::Placement => ChartKind::Placement,
            Self::Delta => ChartKind::Delta,
            Self::Uncertainty => ChartKind::Fan,
            Self::Investor => ChartKind::Impact,
        }
    }

    /// The key that shows the chart with Alt (Alt+1 … Alt+5).
    pub fn key(self) -> Key {
        match self {
            Self::Share => Key::Num1,
            Self::Revenue => Key::Num2,
            Self::Placement => Key::Num3,
            Self::Delta => Key::Num4,
            Self::Uncertainty => Key::Num5,
            Self::Investor => Key::Num6,
        }
    }
}

/// How the central area shows the charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlotLayout {
    /// One chart at a time, chosen by tab.
    #[default]
    Tabs,
    /// All four charts in a 2×2 grid.
    Grid,
}

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
    System,
}

impl ThemeChoice {
    pub const ALL: [Self; 3] = [Self::Dark, Self::Light, Self::System];

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
            Self::System => egui::ThemePreference::System,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Dark => "Dark theme",
            Self::Light => "Light theme",
            Self::System => "Follow system theme",
        }
    }
}
