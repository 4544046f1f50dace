//! A table of results rendered three ways: aligned text for people, CSV and JSON for programs.

use std::fmt::Write as _;

use crate::model::Unit;
use crate::units::{percent, usd_bn};

/// How a numeric column reads in the people-facing table (CSV and JSON always get raw numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Integer,
    /// A fraction shown as percent.
    Fraction,
    /// Money in $B.
    Money,
    /// A plain number (an input value, a multiple).
    Number,
    /// Text already formatted for people, aligned right like numbers.
    Formatted,
}

/// One cell of a report.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(i64),
    Number(f64),
    /// A number in a unit that varies by row (a tornado's inputs, a simulation's measures):
    /// people read it in `Unit`; CSV and JSON get the plain number, like [`Cell::Number`].
    Quantity(f64, Unit),
    /// No value: an empty CSV field, `null` in JSON, blank in the table.
    Empty,
}

/// A header and rows, each row as long as the header.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub columns: Vec<(String, ColumnKind)>,
    pub rows: Vec<Vec<Cell>>,
}

/// Column names and kinds, owned.
pub fn owned(columns: &[(&str, ColumnKind)]) -> Vec<(String, ColumnKind)> {
    columns
        .iter()
        .map(|(name, kind)| ((*name).to_owned(), *kind))
        .collect()
}

/// Output formats of the data commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// Comma-separated values, header first.
    Csv,
    /// An array of objects, one per row.
    Json,
}

/// Fewest significant digits a CSV number carries (MODEL.md's contract).
pub const CSV_SIGNIFICANT_DIGITS: usize = 9;

/// Significant digits a machine-readable number keeps (CSV and JSON): the 16th and 17th digits
/// of a sum are float rounding (`0.025000000000000005`), not information.
pub const MACHINE_SIGNIFICANT_DIGITS: usize = 15;

/// `value` rounded to `MACHINE_SIGNIFICANT_DIGITS` significant digits (within one part in
/// 10^15 of it), so that `0.025000000000000005` is written as `0.025`.
pub fn machine_value(value: f64) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    format!("{:.*e}", MACHINE_SIGNIFICANT_DIGITS - 1, value)
        .parse()
        .unwrap_or(value)
}

/// A number for CSV: a plain decimal (never scientific notation, no thousands separators) of
/// `machine_value(value)`, padded with trailing zeros to at least `CSV_SIGNIFICANT_DIGITS`
/// significant digits (`0.29` → `0.290000000`).
pub fn plain_decimal(value: f64) -> String {
    if !value.is_finite() {
        return "NaN".to_owned();
    }
    let mut text = shortest_decimal(machine_value(value));
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').len().max(1);
    if significant < CSV_SIGNIFICANT_DIGITS {
        if !text.contains('.') {
            text.push('.');
        }
        text.extend(std::iter::repeat_n(
            '0',
            CSV_SIGNIFICANT_DIGITS - significant,
        ));
    }
    text
}

/// A text cell for CSV, safe to open in a spreadsheet (OWASP's advice on CSV injection): text
/// beginning with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula, so
/// it gets a leading `'`. Text that is a plain number (`-1.5`, `+2`, `-3e-7`) stays as it is:
/// a spreadsheet reads it as that number, not as a formula.
pub fn csv_text(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Whether `text` is a decimal number: an optional sign, digits with an optional point, and an
/// optional exponent (no `inf`, `NaN` or hex: those are not numbers to a spreadsheet).
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['+', '-']).unwrap_or(e))),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) || whole.is_empty())
                && (digits(fraction) || fraction.is_empty())
                && !(whole.is_empty() && fraction.is_empty())
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(digits)
}

/// The shortest plain decimal that reads back to the same value (`0.29`, `419`); `-0` is `0`.
pub fn shortest_decimal(value: f64) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    format!("{value}")
}

impl Report {
    /// An empty report with these columns.
    pub fn with_columns(columns: &[(&str, ColumnKind)]) -> Self {
        Self {
            columns: owned(columns),
            rows: Vec::new(),
        }
    }

    /// The first number that is not finite, as "column in row N (first cells)", if any: no
    /// command prints NaN or infinity, it refuses with this instead.
    pub fn first_non_finite(&self) -> Option<String> {
        self.rows.iter().enumerate().find_map(|(r, row)| {
            let c = row
                .iter()
                .position(|cell| cell.number().is_some_and(|x| !x.is_finite()))?;
            let label: Vec<String> = row
                .iter()
                .take_while(|cell| cell.number().is_none())
                .map(|cell| match cell {
                    Cell::Text(text) => text.clone(),
                    Cell::Integer(i) => i.to_string(),
                    Cell::Number(_) | Cell::Quantity(..) | Cell::Empty => String::new(),
                })
                .collect();
            let column = self.columns.get(c).map_or("?", |(name, _)| name.as_str());
            Some(format!("{column} in row {} ({})", r + 1, label.join(", ")))
        })
    }

    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Table => self.to_table(),
            Format::Csv => self.to_csv(),
            Format::Json => self.to_json(),
        }
    }

    /// CSV with the exact header names; numbers as plain decimals; text cells (names come from
    /// shared files) neutralised against spreadsheet formulas by [`csv_text`].
    pub fn to_csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
        let header: Vec<String> = self
            .columns
            .iter()
            .map(|(name, _)| csv_text(name))
            .collect();
        // Writing into a Vec cannot fail for I/O reasons; an error here would be a bug in csv.
        let _ = writer.write_record(&header);
        for row in &self.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(text) => csv_text(text),
                    Cell::Integer(i) => i.to_string(),
                    Cell::Number(x) | Cell::Quantity(x, _) => plain_decimal(*x),
                    Cell::Empty => String::new(),
                })
                .collect();
            let _ = writer.write_record(&cells);
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// A JSON array of objects keyed by the column names.
    pub fn to_json(&self) -> String {
        let rows: Vec<serde_json::Value> = self
            .rows
            .iter()
            .map(|row| {
                let object: serde_json::Map<String, serde_json::Value> = self
                    .columns
                    .iter()
                    .zip(row)
                    .map(|((name, _), cell)| {
                        let value = match cell {
                            Cell::Text(text) => serde_json::Value::from(text.clone()),
                            Cell::Integer(i) => serde_json::Value::from(*i),
                            Cell::Empty => serde_json::Value::Null,
                            Cell::Number(x) | Cell::Quantity(x, _) => {
                                serde_json::Number::from_f64(machine_value(*x))
                                    .map_or(serde_json::Value::Null, serde_json::Value::Number)
                            }
                        };
                        (name.clone(), value)
                    })
                    .collect();
                serde_json::Value::Object(object)
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned());
        text.push('\n');
        text
    }

    /// Aligned columns: text left, numbers right, money and percent formatted for people.
    pub fn to_table(&self) -> String {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.columns)
                    .map(|(cell, (_, kind))| human(cell, *kind))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(c, (name, _))| {
                cells
                    .iter()
                    .map(|row| row[c].chars().count())
                    .chain(std::iter::once(name.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let line = |out: &mut String, texts: &[String]| {
            let mut parts = Vec::with_capacity(texts.len());
            for (c, text) in texts.iter().enumerate() {
                let width = widths[c];
                if self.columns[c].1 == ColumnKind::Text {
                    parts.push(format!("{text:<width$}"));
                } else {
                    parts.push(format!("{text:>width$}"));
                }
            }
            let _ = writeln!(out, "{}", parts.join("  ").trim_end());
        };
        let header: Vec<String> = self.columns.iter().map(|(name, _)| name.clone()).collect();
        line(&mut out, &header);
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        line(&mut out, &rule);
        for row in &cells {
            line(&mut out, row);
        }
        out
    }
}

/// A cell as people read it, in its column's unit.
pub fn human(cell: &Cell, kind: ColumnKind) -> String {
    match (cell, kind) {
        (Cell::Text(text), _) => text.clone(),
        (Cell::Integer(i), _) => i.to_string(),
        (Cell::Empty, _) => String::new(),
        (Cell::Number(x), ColumnKind::Fraction) => percent(*x),
        (Cell::Number(x), ColumnKind::Money) => usd_bn(*x),
        (Cell::Number(x), _) => readable(*x),
        (Cell::Quantity(x, unit), _) => in_unit(*x, *unit),
    }
}

/// A plain number for people: at most four decimals, trailing zeros dropped (`2026.2`, `0.5`,
/// `1234`), never noise such as `274.5481639852684`.
pub fn readable(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_owned();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A model value in its unit for people: money as `$122B`, fractions as `29.0%`, a year that
/// falls between whole years as `2026.2`, the rest as its slider shows it.
pub fn in_unit(value: f64, unit: Unit) -> String {
    match unit {
        _ if !value.is_finite() => "n/a".to_owned(),
        Unit::UsdBn => usd_bn(value),
        Unit::Percent => percent(value),
        Unit::Year | Unit::Years | Unit::WholeYears if (value - value.round()).abs() > 1e-9 => {
            format!(
                "{}{}",
                readable((value * 10.0).round() / 10.0),
                unit.suffix()
            )
        }
        _ => unit.format(value),
    }
}

impl Cell {
    /// The number in the cell, if it holds one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Self::Number(x) | Self::Quantity(x, _) => Some(*x),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        Report {
            columns: owned(&[
                ("name", ColumnKind::Text),
                ("share", ColumnKind::Fraction),
                ("revenue", ColumnKind::Money),
            ]),
            rows: vec![
                vec![
                    Cell::Text("AWS, Inc".into()),
                    Cell::Number(0.291_234_567_8),
                    Cell::Number(1234.5),
                ],
                vec![
                    Cell::Text("Others".into()),
                    Cell::Number(1e-10),
                    Cell::Number(-0.0),
                ],
            ],
        }
    }

    #[test]
    fn csv_quotes_text_and_keeps_full_precision() {
        let csv = sample().to_csv();
        assert_eq!(
            csv,
            "name,share,revenue\n\"AWS, Inc\",0.2912345678,1234.50000\n\
             Others,0.000000000100000000,0.00000000\n"
        );
    }

    #[test]
    fn csv_numbers_have_at_least_nine_significant_digits_and_read_back_within_1e15() {
        for value in [
            0.29,
            419.0,
            121.509_999_999_999_99,
            1e-10,
            -3.5,
            0.0,
            2.5e15,
            123_456_789.0,
        ] {
            let text = plain_decimal(value);
            assert!(!text.contains('e'), "{text}");
            let read: f64 = text.parse().unwrap();
            assert!(
                (read - value).abs() <= 1e-15 * value.abs(),
                "{text} for {value}"
            );
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            assert!(
                digits.trim_start_matches('0').len() >= 9 || value == 0.0,
                "{text}"
            );
        }
        assert_eq!(plain_decimal(0.29), "0.290000000");
        assert_eq!(plain_decimal(-0.0), "0.00000000");
        // Float noise past the 15th digit is not written; real digits are.
        assert_eq!(plain_decimal(0.025_000_000_000_000_005), "0.0250000000");
        assert_eq!(plain_decimal(121.509_999_999_999_99), "121.510000");
        assert_eq!(plain_decimal(0.123_456_789_012_345), "0.123456789012345");
    }

    #[test]
    fn table_aligns_and_formats_for_people() {
        let table = sample().to_table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines[0], "name      share  revenue");
        assert_eq!(lines[2], "AWS, Inc  29.1%   $1.23T");
        assert_eq!(lines[3], "Others     0.0%   $0.00B");
    }

    #[test]
    fn csv_text_neutralises_formulas_but_not_numbers() {
        for (text, expected) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+2", "'+1+2"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("-", "'-"),
            ("-inf", "'-inf"),
            ("-1.5", "-1.5"),
            ("+2", "+2"),
            ("-3e-7", "-3e-7"),
            ("-.5", "-.5"),
            ("AWS", "AWS"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_text(text), expected, "{text:?}");
        }
    }

    #[test]
    fn json_is_an_array_of_objects() {
        let value: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(value[0]["name"], "AWS, Inc");
        assert_eq!(value[0]["revenue"], 1234.5);
    }
}
