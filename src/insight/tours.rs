//! Guided what-ifs: short tours that set inputs step by step (each step a list of validated
//! `Edit`s) and say what to notice. Pure data built from the scenario's names; no egui.

use crate::edits::{Edit, Placement};
use crate::model::{ParamPath, ProviderParam, Scenario, WorkloadParam};

/// One step of a tour: what it does, the edits, and what to look at afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub does: String,
    pub edits: Vec<Edit>,
    pub notice: String,
}

/// A guided what-if.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    pub title: String,
    pub intro: String,
    pub steps: Vec<Step>,
}

/// The tours that fit this scenario (each needs the providers and workloads it names).
pub fn what_ifs(scenario: &Scenario) -> Vec<WhatIf> {
    let mut out = Vec::new();
    let workload = scenario.workloads.first().map(|w| w.name.clone());
    let aws = scenario.providers.iter().position(|p| p.name == "AWS");
    if let (Some(name), Some(aws)) = (workload.as_ref(), aws) {
        let first = scenario.base_year + 1;
        out.push(WhatIf {
            title: format!("What if {name} moves half its work to AWS by {}?", first + 2),
            intro: format!(
                "Three steps: set where {name} ends up, when the move happens, and that it really happens."
            ),
            steps: vec![
                Step {
                    does: format!("Set {name}'s target placement on AWS to 50%."),
                    edits: vec![Edit::PlacementShare {
                        workload: 0,
                        which: Placement::Target,
                        provider: aws,
                        fraction: 0.5,
                    }],
                    notice: "The other providers give way in proportion so the target still sums to 100%. Watch the Workload placement chart.".to_owned(),
                },
                Step {
                    does: format!("Start the move in {first} and let it take 2 years."),
                    edits: vec![
                        Edit::Value(ParamPath::Workload(0, WorkloadParam::StartYear), f64::from(first)),
                        Edit::Value(ParamPath::Workload(0, WorkloadParam::DurationYears), 2.0),
                    ],
                    notice: format!("The move is complete in {}; after that the placement stays put.", first + 2),
                },
                Step {
                    does: "Make sure all of the planned move happens (extent 100%).".to_owned(),
                    edits: vec![Edit::Value(ParamPath::Workload(0, WorkloadParam::Extent), 1.0)],
                    notice: "On the Revenue chart AWS's solid line rises above its dashed no-migration line, and the loser's falls below it; the halo adds other customers on top. The Delta chart shows the gap in dollars.".to_owned(),
                },
            ],
        });
    }
    out.push(WhatIf {
        title: "What if winning a flagship tenant brings no other business?".to_owned(),
        intro: "The halo is the most debated assumption. Turn it off and see how much of the effect was halo.".to_owned(),
        steps: vec![Step {
            does: "Set the halo to 0.".to_owned(),
            edits: vec![Edit::Value(ParamPath::Halo, 0.0)],
            notice: "The revenue deltas shrink to the workload spend alone: the remaining gap is purely the moved dollars.".to_owned(),
        }],
    });
    out.push(WhatIf {
        title: "What if the market grows more slowly?".to_owned(),
        intro: "Growth compounds: a few points a year make a large difference in ten years.".to_owned(),
        steps: vec![
            Step {
                does: "Set the first-year growth of the rest of market to 18% (from 22%).".to_owned(),
                edits: vec![Edit::Value(ParamPath::MarketGrowthStart, 0.18)],
                notice: "Every revenue line bends down, yet shares barely move: growth scales everyone alike.".to_owned(),
            },
            Step {
                does: "Set the last-year growth to 8% (from 12%).".to_owned(),
                edits: vec![Edit::Value(ParamPath::MarketGrowthEnd, 0.08)],
                notice: "With a smaller rest of market, the workloads weigh more: the same migration moves shares further.".to_owned(),
            },
        ],
    });
    if let Some(google) = scenario
        .providers
        .iter()
        .position(|p| p.name == "Google Cloud")
    {
        out.push(WhatIf {
            title: "What if Google Cloud keeps gaining a point a year?".to_owned(),
            intro: "Drift is each provider's trend outside the big tenants. History (2018–2025) shows Google gaining steadily.".to_owned(),
            steps: vec![Step {
                does: "Set Google Cloud's drift to +1.0 points a year.".to_owned(),
                edits: vec![Edit::Value(ParamPath::Provider(google, ProviderParam::Drift), 0.01)],
                notice: "On the Market share chart, Google's band widens year after year; turn on View > Show history to compare with its past.".to_owned(),
            }],
        });
    }
    if let Some(name) = workload {
        out.push(WhatIf {
            title: format!("What if {name}'s move only half happens?"),
            intro: "Plans slip. The extent scales the planned move without changing its timing.".to_owned(),
            steps: vec![Step {
                does: format!("Set {name}'s extent to 50%."),
                edits: vec![Edit::Value(ParamPath::Workload(0, WorkloadParam::Extent), 0.5)],
                notice: "Every revenue delta halves (nearly: the halo is proportional too), and the placement stops halfway to its target.".to_owned(),
            }],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::apply;
    use crate::scenario::{builtin_baseline, check};

    #[test]
    fn every_tour_of_the_baseline_stays_valid_step_by_step() {
        let baseline = builtin_baseline();
        let tours = what_ifs(&baseline);
        assert!((3..=5).contains(&tours.len()), "{}", tours.len());
        for tour in tours {
            let mut s = baseline.clone();
            for step in &tour.steps {
                for edit in &step.edits {
                    s = apply(&s, edit);
                }
                check(&s).unwrap();
            }
            assert_ne!(s, baseline, "{} changes something", tour.title);
        }
    }
}
