//! CSV cells from shared files cannot become spreadsheet formulas; numbers stay numbers and
//! JSON keeps exact names (issue 12, class 4).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use cli_support::{run, stderr, stdout, temp_dir, write_scenario};

const FORMULA: &str = r#"=HYPERLINK("http://evil.example","x")"#;

#[test]
fn names_that_look_like_formulas_are_neutralised_in_csv_only() {
    let dir = temp_dir("csv-injection");
    let provider = format!("\"{}\"", FORMULA.replace('"', "\\\""));
    let file = write_scenario(
        &dir,
        "evil.ron",
        &[
            ("\"A\"", &provider),
            ("\"Others\"", "\"@Others\""),
            ("name: \"Small\"", "name: \"-2+3\""),
        ],
    );
    let file = file.to_str().unwrap();
    let out = run(&["project", file, "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut providers = std::collections::BTreeSet::new();
    let mut negative_numbers = 0;
    for record in reader.records() {
        let record = record.unwrap();
        providers.insert(record[1].to_owned());
        for cell in record.iter().skip(2) {
            let value: f64 = cell
                .parse()
                .unwrap_or_else(|_| panic!("not a number: {cell}"));
            if value < 0.0 {
                assert!(cell.starts_with('-'), "{cell}");
                negative_numbers += 1;
            }
        }
    }
    assert!(
        negative_numbers > 0,
        "the case needs negative numbers: {text}"
    );
    let expected: std::collections::BTreeSet<String> =
        [format!("'{FORMULA}"), "'@Others".to_owned()].into();
    assert_eq!(providers, expected);
    for line in text.lines() {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '@', '+']),
                "live formula in: {line}"
            );
        }
    }

    // The same names in JSON, exactly as in the file.
    let out = run(&["project", file, "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(rows[0]["provider"], FORMULA);
    assert_eq!(rows[1]["provider"], "@Others");

    // Scenario names become compare's column headers: neutralised too.
    let out = run(&["compare", file, "-", "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let header = stdout(&out).lines().next().unwrap().to_owned();
    assert!(header.starts_with("input,'-2+3,"), "{header}");
}
