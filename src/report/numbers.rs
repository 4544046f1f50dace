//! The report's tables as HTML: the command line's own reports (`cloudshift project`, `compare`)
//! with each cell shown as the table format shows it and carrying its CSV text in `data-v`, so
//! the page's numbers are the command line's, digit for digit; and the inputs with their units,
//! sources and assumption marks.

use std::fmt::Write as _;

use crate::insight::sources::is_assumption;
use crate::model::compare::distribution_text;
use crate::model::{Measure, ParamPath, Scenario, Unit, WorkloadParam};
use crate::tables::{Cell, ColumnKind, Report, human, plain_decimal};

/// Escapes text for HTML element content and attribute values: file texts are hostile.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A column title for people: a measure's label where the column is a measure.
fn heading(name: &str) -> String {
    match name {
        "year" => "Year".to_owned(),
        "provider" => "Provider".to_owned(),
        "measure" => "Measure".to_owned(),
        "input" => "Input".to_owned(),
        _ => Measure::from_key(name).map_or_else(|| name.to_owned(), |m| m.label().to_owned()),
    }
}

/// The CSV text of a cell, as `--format csv` writes it (before CSV quoting).
fn csv_value(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Integer(i) => i.to_string(),
        Cell::Number(x) | Cell::Quantity(x, _) => plain_decimal(*x),
        Cell::Empty => String::new(),
    }
}

/// `shown` as an HTML table with `id`, each cell as people read it; its `data-v` is the CSV
/// text of the same cell of `raw` (the same report made for CSV, where its cells differ) or of
/// `shown`.
pub fn report_table(shown: &Report, raw: Option<&Report>, id: &str) -> String {
    let mut html = format!(
        "<table id=\"{}\" class=\"numbers\">\n<thead><tr>",
        escape(id)
    );
    for (name, kind) in &shown.columns {
        let class = if *kind == ColumnKind::Text {
            ""
        } else {
            " class=\"num\""
        };
        let _ = write!(html, "<th{class}>{}</th>", escape(&heading(name)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in shown.rows.iter().enumerate() {
        html.push_str("<tr>");
        for (c, (cell, (name, kind))) in row.iter().zip(&shown.columns).enumerate() {
            let class = if *kind == ColumnKind::Text {
                ""
            } else {
                " class=\"num\""
            };
            let value = raw.and_then(|raw| raw.rows.get(r)?.get(c)).unwrap_or(cell);
            let _ = write!(
                html,
                "<td{class} data-v=\"{}\">{}</td>",
                escape(&csv_value(value)),
                escape(&shown_text(name, cell, *kind))
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

/// A cell as people read it; a measure's key reads as its label (`Revenue delta`).
fn shown_text(column: &str, cell: &Cell, kind: ColumnKind) -> String {
    match cell {
        Cell::Text(key) if column == "measure" => {
            Measure::from_key(key).map_or_else(|| key.clone(), |m| m.label().to_owned())
        }
        _ => human(cell, kind),
    }
}

/// `report` keeping only some columns (by name, in the given order).
pub fn select_columns(report: &Report, names: &[&str]) -> Report {
    let picks: Vec<usize> = names
        .iter()
        .filter_map(|n| report.columns.iter().position(|(c, _)| c == n))
        .collect();
    Report {
        columns: picks.iter().map(|i| report.columns[*i].clone()).collect(),
        rows: report
            .rows
            .iter()
            .map(|row| picks.iter().filter_map(|i| row.get(*i).cloned()).collect())
            .collect(),
    }
}

/// A placement as people read it: `Azure 80.0%, Others 20.0%` (zero entries left out).
fn placement_text(scenario: &Scenario, fractions: &[f64]) -> String {
    let parts: Vec<String> = fractions
        .iter()
        .enumerate()
        .filter(|(_, f)| **f > 0.0)
        .map(|(p, f)| format!("{} {}", scenario.provider_name(p), Unit::Percent.format(*f)))
        .collect();
    parts.join(", ")
}

/// An input's value in its unit, placements included.
fn input_value(scenario: &Scenario, path: ParamPath) -> String {
    if let Some(value) = path.get(scenario) {
        return path.unit().format(value);
    }
    match path {
        ParamPath::Workload(w, WorkloadParam::PlacementBase) => {
            scenario.workloads.get(w).map_or_else(String::new, |wl| {
                placement_text(scenario, &wl.placement_base)
            })
        }
        ParamPath::Workload(w, WorkloadParam::PlacementTarget) => {
            scenario.workloads.get(w).map_or_else(String::new, |wl| {
                placement_text(scenario, &wl.placement_target)
            })
        }
        _ => "not set".to_owned(),
    }
}

/// Every input that can carry a source: label, path, value in its unit, distribution, source,
/// and whether it is an assumption (marked, and counted in the caption).
pub fn inputs_table(scenario: &Scenario, id: &str) -> String {
    let paths = ParamPath::all_sourced(scenario);
    let assumptions = paths
        .iter()
        .filter(|p| is_assumption(scenario.source(**p)))
        .count();
    let mut html = format!(
        "<table id=\"{}\" class=\"inputs\">\n<caption>{} inputs, {assumptions} of them \
         assumptions (marked <span class=\"assumption\">assumption</span>)</caption>\n\
         <thead><tr><th>Input</th><th>Value</th><th>Uncertainty</th><th>Source</th></tr></thead>\n<tbody>\n",
        escape(id),
        paths.len()
    );
    for path in paths {
        let source = scenario.source(path);
        let mark = if is_assumption(source) {
            " <span class=\"assumption\">assumption</span>"
        } else {
            ""
        };
        let uncertainty = scenario
            .distribution(path)
            .map(|d| distribution_text(d, scenario))
            .unwrap_or_default();
        let _ = writeln!(
            html,
            "<tr><td>{}<br/><code>{}</code></td><td class=\"num\">{}</td><td>{}</td><td>{}{mark}</td></tr>",
            escape(&path.label(scenario)),
            escape(&path.to_text(scenario)),
            escape(&input_value(scenario, path)),
            escape(&uncertainty),
            escape(source.unwrap_or("no source given")),
        );
    }
    html.push_str("</tbody>\n</table>\n");
    if !scenario.correlations.is_empty() {
        let _ = writeln!(
            html,
            "<table id=\"{}-correlations\" class=\"inputs\">\n<caption>Correlated inputs \
             (rank correlation by a Gaussian copula)</caption>\n<thead><tr><th>Input</th>\
             <th>Input</th><th class=\"num\">\u{3c1}</th></tr></thead>\n<tbody>",
            escape(id)
        );
        for c in &scenario.correlations {
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{:.2}</td></tr>",
                escape(&c.a.label(scenario)),
                escape(&c.b.label(scenario)),
                c.rho
            );
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }

    #[test]
    fn inputs_show_units_sources_and_assumptions() {
        let html = inputs_table(&builtin_baseline(), "inputs");
        assert!(html.contains("<code>market.size</code>"));
        assert!(html.contains("Synergy"));
        assert!(html.contains("class=\"assumption\""));
        assert!(html.contains('%'));
    }
}
