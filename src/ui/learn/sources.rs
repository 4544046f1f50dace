//! The Sources window: every input's path and where its value comes from, assumptions flagged,
//! filterable by text.

use egui::RichText;

use crate::model::{ParamPath, ProviderParam, Scenario, WorkloadParam};
use crate::ui::learn::{LearnState, is_assumption};

/// Every input that can carry a source: the base-year figures, the placements and every
/// uncertain-capable parameter, in file order.
pub fn all_inputs(scenario: &Scenario) -> Vec<ParamPath> {
    let mut paths = vec![ParamPath::MarketSize];
    for i in 0..scenario.providers.len() {
        paths.push(ParamPath::Provider(i, ProviderParam::Share));
    }
    for w in 0..scenario.workloads.len() {
        paths.push(ParamPath::Workload(w, WorkloadParam::Spend));
        paths.push(ParamPath::Workload(w, WorkloadParam::PlacementBase));
        paths.push(ParamPath::Workload(w, WorkloadParam::PlacementTarget));
    }
    paths.extend(ParamPath::all_uncertain_capable(scenario));
    paths
}

/// Rows of (path text, source text, is an assumption) matching `filter` (case-insensitive).
pub fn source_rows(scenario: &Scenario, filter: &str) -> Vec<(String, String, bool)> {
    let needle = filter.trim().to_lowercase();
    all_inputs(scenario)
        .into_iter()
        .map(|path| {
            let source = scenario.source(path);
            (
                path.to_text(scenario),
                source.unwrap_or("Assumption: no source given").to_owned(),
                is_assumption(source),
            )
        })
        .filter(|(path, source, _)| {
            needle.is_empty()
                || path.to_lowercase().contains(&needle)
                || source.to_lowercase().contains(&needle)
        })
        .collect()
}

pub(super) fn sources_window(ctx: &egui::Context, state: &mut LearnState, scenario: &Scenario) {
    let mut open = state.sources_open;
    egui::Window::new("Sources")
        .open(&mut open)
        .default_size([640.0, 480.0])
        .default_pos([720.0, 70.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Filter");
                ui.add(
                    egui::TextEdit::singleline(&mut state.sources_filter)
                        .hint_text("path or source text, e.g. Synergy or AWS")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
            let rows = source_rows(scenario, &state.sources_filter);
            let assumed = rows.iter().filter(|r| r.2).count();
            ui.label(
                RichText::new(format!(
                    "{} inputs shown, {assumed} of them assumptions (in italics, marked A).",
                    rows.len()
                ))
                .weak(),
            );
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("sources-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("sources-grid")
                        .num_columns(3)
                        .striped(true)
                        .spacing([8.0, 4.0])
                        .show(ui, |ui| {
                            for (path, source, assumption) in rows {
                                ui.label(if assumption { "A" } else { "" }).on_hover_text(
                                    if assumption { "Assumption" } else { "Sourced" },
                                );
                                ui.monospace(path);
                                let text = RichText::new(source);
                                ui.add(
                                    egui::Label::new(if assumption {
                                        text.italics()
                                    } else {
                                        text
                                    })
                                    .wrap(),
                                );
                                ui.end_row();
                            }
                        });
                });
        });
    state.sources_open = open;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    #[test]
    fn every_input_is_listed_and_the_filter_narrows() {
        let s = builtin_baseline();
        let all = source_rows(&s, "");
        assert!(
            all.iter()
                .any(|(p, src, a)| p == "market.size" && src.contains("Synergy") && !a)
        );
        assert!(all.iter().any(|(p, _, a)| p == "halo" && *a));
        let aws = source_rows(&s, "providers[aws]");
        assert!(!aws.is_empty() && aws.iter().all(|(p, _, _)| p.starts_with("providers[AWS]")));
    }
}
