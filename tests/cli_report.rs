//! `cloudshift report` and `cloudshift plot` on the real binary (issue 15): every shipped
//! scenario's report parses, references nothing outside itself, and shows the command line's
//! numbers; a compare report carries `cloudshift compare`'s tables; plots decode as SVG and PNG.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use std::path::Path;

use cli_support::{assert_one_line_error, run, scenario, stderr, stdout, temp_dir, write_scenario};

const SHIPPED: [&str; 5] = [
    "baseline.ron",
    "canalys-openai-moves-to-aws.ron",
    "openai-diversifies.ron",
    "openai-moves-to-aws.ron",
    "two-tenants-openai-anthropic.ron",
];

fn report_of(files: &[&Path]) -> String {
    let mut args = vec!["report"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// The page parsed as XML (the report is written as well-formed XHTML-compatible HTML).
fn parse(html: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .unwrap()
}

/// The `data-v` texts of each body row of the table with `id`.
fn table_rows(doc: &roxmltree::Document<'_>, id: &str) -> Vec<Vec<String>> {
    let table = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no table {id}"));
    table
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|body| body.children().filter(|n| n.has_tag_name("tr")))
        .map(|tr| {
            tr.children()
                .filter(|n| n.has_tag_name("td"))
                .map(|td| td.attribute("data-v").unwrap().to_owned())
                .collect()
        })
        .collect()
}

/// CSV text as rows of fields (header included).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn assert_self_contained(html: &str, what: &str) {
    let lower = html.to_lowercase();
    for needle in [
        "http", "src=", "url(", "@import", "<link", "<script", "<img", "<iframe",
    ] {
        assert!(!lower.contains(needle), "{what} references {needle}");
    }
}

#[test]
fn each_shipped_report_parses_is_self_contained_and_shows_the_projection() {
    for name in SHIPPED {
        let path = scenario(name);
        let html = report_of(&[&path]);
        assert_self_contained(&html, name);
        let doc = parse(&html);
        let svgs = doc.descendants().filter(|n| n.has_tag_name("svg")).count();
        assert!(svgs >= 4, "{name}: {svgs} charts");
        let project = run(&["project", path.to_str().unwrap(), "--format", "csv"]);
        let csv = csv_rows(&stdout(&project));
        assert_eq!(table_rows(&doc, "projection-1"), csv[1..], "{name}");
        // The key numbers are the last year's rows of the same table.
        let header = &csv[0];
        let last_year = csv.last().unwrap()[0].clone();
        let wanted = [
            "provider",
            "share",
            "revenue",
            "counterfactual_revenue",
            "revenue_delta",
            "value_at_stake",
        ];
        let columns: Vec<usize> = wanted
            .iter()
            .map(|w| header.iter().position(|h| h == w).unwrap())
            .collect();
        let expected: Vec<Vec<String>> = csv[1..]
            .iter()
            .filter(|row| row[0] == last_year)
            .map(|row| columns.iter().map(|c| row[*c].clone()).collect())
            .collect();
        assert_eq!(table_rows(&doc, "key-1"), expected, "{name}");
        assert!(
            html.contains(&format!("Key numbers in {last_year}")),
            "{name}"
        );
        // The Investor view's table is `cloudshift value`'s, cell for cell.
        let value = run(&["value", path.to_str().unwrap(), "--format", "csv"]);
        assert!(value.status.success(), "{}", stderr(&value));
        let value_csv = csv_rows(&stdout(&value));
        if doc
            .descendants()
            .any(|n| n.attribute("id") == Some("value-1"))
        {
            assert_eq!(table_rows(&doc, "value-1"), value_csv[1..], "{name}");
        } else {
            assert!(
                html.contains("No provider in this file names its company"),
                "{name}: no value table and no reason"
            );
        }
    }
}

#[test]
fn the_baseline_report_is_small_and_names_its_inputs_and_sources() {
    let html = report_of(&[&scenario("baseline.ron")]);
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    assert!(html.contains("<code>market.size</code>"));
    assert!(html.contains("Synergy Research Group"));
    assert!(html.contains("class=\"assumption\""));
    assert!(html.contains("@media print"));
    assert!(html.contains("Monte Carlo: 10000 draws, seed 42"));
    // Version 2: the Investor view and the model limits are computed, no longer "not available".
    assert!(!html.contains("Not available in this version"));
    assert!(html.contains("<h3>Investor view</h3>") && html.contains("<h3>Model limits</h3>"));
    assert!(html.contains("Market-cap impact of the migration per company"));
    assert!(html.contains("None: at the file's values the model stays within its domain"));
    assert!(
        html.contains("20.0% fall") && html.contains("out of reach"),
        "priced in, in words"
    );
}

#[test]
fn a_compare_report_carries_the_compare_tables_and_a_difference_chart() {
    let a = scenario("baseline.ron");
    let b = scenario("openai-moves-to-aws.ron");
    let html = report_of(&[&a, &b]);
    assert_self_contained(&html, "compare");
    let doc = parse(&html);
    let compare = run(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert!(compare.status.success(), "{}", stderr(&compare));
    let text = stdout(&compare);
    let (inputs, kpis) = text.split_once("\n\n").unwrap();
    assert_eq!(table_rows(&doc, "compare-inputs"), csv_rows(inputs)[1..]);
    assert_eq!(table_rows(&doc, "compare-kpis"), csv_rows(kpis)[1..]);
    assert!(html.contains("Difference chart"));
    assert!(
        doc.descendants()
            .any(|n| n.attribute("id") == Some("scenario-2"))
    );
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
}

#[test]
fn hostile_texts_from_files_are_escaped() {
    let dir = temp_dir("report-hostile");
    let path = write_scenario(
        &dir,
        "hostile.ron",
        &[(
            "name: \"Small\"",
            "name: \"<script>alert(1)</script>\", description: \"</style><img src=x onerror=alert(1)> & more\", sources: {\"market.size\": \"\\\"><iframe src=http://x>\"}",
        )],
    );
    let html = report_of(&[&path]);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The texts stay text: no element or attribute of theirs made it into the page.
    let doc = parse(&html);
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let tag = node.tag_name().name();
        assert!(
            !["script", "img", "iframe"].contains(&tag),
            "<{tag}> in the page"
        );
        assert!(
            node.attributes()
                .all(|a| !["src", "onerror", "href"].contains(&a.name()))
        );
    }
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("style"))
            .count(),
        1
    );
}

#[test]
fn report_output_follows_the_write_rules() {
    let dir = temp_dir("report-output");
    let input = scenario("baseline.ron");
    let target = dir.join("report.html");
    let out = run(&[
        "report",
        input.to_str().unwrap(),
        "--output",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let copy = dir.join("copy.ron");
    std::fs::copy(&input, &copy).unwrap();
    let out = run(&[
        "report",
        copy.to_str().unwrap(),
        "--output",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::read_to_string(&copy).unwrap().contains("version"));
}

#[test]
fn plot_writes_svg_and_png_that_decode() {
    let dir = temp_dir("plot");
    let input = scenario("baseline.ron");
    for chart in ["share", "revenue", "placement", "delta", "fan"] {
        let svg = dir.join(format!("{chart}.svg"));
        let out = run(&[
            "plot",
            input.to_str().unwrap(),
            "--chart",
            chart,
            "--output",
            svg.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{chart}: {}", stderr(&out));
        let text = std::fs::read_to_string(&svg).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert!(doc.root_element().has_tag_name("svg"), "{chart}");
        assert_eq!(doc.root_element().attribute("width"), Some("1200"));

        let png = dir.join(format!("{chart}.png"));
        let out = run(&[
            "plot",
            input.to_str().unwrap(),
            "--chart",
            chart,
            "--output",
            png.to_str().unwrap(),
            "--width",
            "640",
            "--height",
            "360",
            "--theme",
            "dark",
        ]);
        assert!(out.status.success(), "{chart}: {}", stderr(&out));
        let image = image::open(&png).unwrap().to_rgb8();
        assert_eq!(image.dimensions(), (640, 360), "{chart}");
        let first = *image.get_pixel(0, 0);
        assert!(image.pixels().any(|p| *p != first), "{chart}: blank PNG");
    }
}

#[test]
fn plot_to_stdout_is_svg_and_bad_requests_are_one_line_errors() {
    let input = scenario("baseline.ron");
    let out = run(&["plot", input.to_str().unwrap(), "--chart", "share"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("<svg"));

    let impact = run(&["plot", input.to_str().unwrap(), "--chart", "impact"]);
    assert!(impact.status.success(), "{}", stderr(&impact));
    assert!(stdout(&impact).starts_with("<svg") && stdout(&impact).contains("Microsoft"));
    let bad = run(&[
        "plot",
        input.to_str().unwrap(),
        "--chart",
        "share",
        "--output",
        "/tmp/x.gif",
    ]);
    assert_one_line_error(&bad, "neither .svg nor .png", "extension");
    let wide = run(&[
        "plot",
        input.to_str().unwrap(),
        "--chart",
        "share",
        "--width",
        "99999",
    ]);
    assert_one_line_error(&wide, "99999", "width");
    let who = run(&[
        "plot",
        input.to_str().unwrap(),
        "--chart",
        "fan",
        "--provider",
        "Nobody",
    ]);
    assert_one_line_error(&who, "Nobody", "provider");
    let dir = temp_dir("plot-certain");
    let certain = write_scenario(&dir, "certain.ron", &[]);
    let fan = run(&["plot", certain.to_str().unwrap(), "--chart", "fan"]);
    assert_one_line_error(&fan, "uncertain inputs", "fan");
}

#[test]
fn edge_scenarios_report_and_plot_without_failing() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data");
    let dir = temp_dir("report-edge");
    for name in ["edge-minimal.ron", "edge-extreme.ron"] {
        let path = data.join(name);
        let html = report_of(&[&path]);
        parse(&html);
        for chart in ["share", "revenue", "placement", "delta"] {
            let png = dir.join(format!("{name}-{chart}.png"));
            let out = run(&[
                "plot",
                path.to_str().unwrap(),
                "--chart",
                chart,
                "--output",
                png.to_str().unwrap(),
                "--width",
                "300",
                "--height",
                "200",
            ]);
            assert!(out.status.success(), "{name} {chart}: {}", stderr(&out));
            image::open(&png).unwrap();
        }
    }
}
