//! Where the model reaches its limits (MODEL.md version 2): per provider, the first year its
//! rest-of-market share is cut at 0, Others is squeezed out, its margin is held at ±100%, or the
//! present value of the change exceeds its company. Each comes with the input that drives it and
//! one plain sentence, so the app can list it and focus the input and the command line can warn.

mod sentences;

use super::inputs::Scenario;
use super::params::ParamPath;
use super::projection::Projection;
use sentences::{margin_clamped, others_squeezed, rest_share_floor, value_exceeds_company};

/// The first year index (0 = base year) in which each per-year model limit was reached by one
/// provider, if it was; filled by the projection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LimitYears {
    /// Its rest-of-market share `u` was cut at 0.
    pub rest_share_floor: Option<usize>,
    /// (Others only) the named shares summed past 1 and were scaled, leaving it 0.
    pub others_squeezed: Option<usize>,
    /// Its margin reached -1 or 1 (and was held there).
    pub margin_clamped: Option<usize>,
}

/// One of the four model limits of MODEL.md version 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModelLimit {
    RestShareFloor,
    OthersSqueezed,
    MarginClamped,
    ValueExceedsCompany,
}

impl ModelLimit {
    pub const ALL: [Self; 4] = [
        Self::RestShareFloor,
        Self::OthersSqueezed,
        Self::MarginClamped,
        Self::ValueExceedsCompany,
    ];

    /// Its name in MODEL.md.
    pub fn key(self) -> &'static str {
        match self {
            Self::RestShareFloor => "rest_share_floor",
            Self::OthersSqueezed => "others_squeezed",
            Self::MarginClamped => "margin_clamped",
            Self::ValueExceedsCompany => "value_exceeds_company",
        }
    }
}

/// One limit reached by one provider: when, which input drives it, and what to tell people.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The provider (Others at `scenario.others_index()`).
    pub provider: usize,
    pub limit: ModelLimit,
    /// The first calendar year it happens; `None` for `value_exceeds_company` (a present value
    /// covers the whole projection).
    pub year: Option<i32>,
    /// The input that drives it (the one to focus). For the halo on losses this may be
    /// `ParamPath::HaloLoss` on a scenario that leaves it unset: the advice is to set it.
    pub input: ParamPath,
    /// One plain sentence or two for the app, e.g. "The halo removes all of Azure's other
    /// business by 2034: … A smaller halo on losses may fit better."
    pub sentence: String,
    /// The same for the command line, after `warning: `; names the file field.
    pub warning: String,
}

/// Every limit the projection of `scenario` reaches, by provider (file order, Others last), each
/// provider's in the order of [`ModelLimit::ALL`]. Empty when the model stays in its domain.
pub fn diagnostics(scenario: &Scenario, projection: &Projection) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for p in 0..projection.providers {
        let Some(limits) = projection.limits.get(p) else {
            continue;
        };
        if let Some(t) = limits.rest_share_floor {
            found.push(rest_share_floor(scenario, projection, p, t));
        }
        if let Some(t) = limits.others_squeezed {
            found.push(others_squeezed(scenario, projection, t));
        }
        if let Some(t) = limits.margin_clamped {
            found.push(margin_clamped(scenario, p, t));
        }
        if let Some(diagnostic) = value_exceeds_company(scenario, projection, p) {
            found.push(diagnostic);
        }
    }
    found
}
