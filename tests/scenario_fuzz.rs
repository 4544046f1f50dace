//! Mutated copies of the shipped scenarios never make the loader (or the model) panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::model::{Measure, project};
use cloudshift::scenario::load_bytes;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Mutation {
    FlipByte { at: usize, bits: u8 },
    CutLine(usize),
    RepeatLine(usize),
    ReplaceNumber { nth: usize, with: &'static str },
    Truncate(usize),
}

const REPLACEMENTS: [&str; 12] = [
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "-inf",
    "-1",
    "0",
    "99999999999999999999999",
    "-0.0",
    "1e-320",
    "4294967296",
    "1.7976931348623157e308",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255_u8).prop_map(|(at, bits)| Mutation::FlipByte { at, bits }),
        any::<usize>().prop_map(Mutation::CutLine),
        any::<usize>().prop_map(Mutation::RepeatLine),
        (any::<usize>(), 0..REPLACEMENTS.len()).prop_map(|(nth, i)| Mutation::ReplaceNumber {
            nth,
            with: REPLACEMENTS[i]
        }),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        match m {
            Mutation::FlipByte { at, bits } => {
                if !bytes.is_empty() {
                    let i = at % bytes.len();
                    bytes[i] ^= bits;
                }
            }
            Mutation::CutLine(n) | Mutation::RepeatLine(n) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                let i = n % lines.len();
                if matches!(m, Mutation::CutLine(_)) {
                    lines.remove(i);
                } else {
                    let line = lines[i].clone();
                    lines.insert(i, line);
                }
                bytes = lines.join(&b'\n');
            }
            Mutation::ReplaceNumber { nth, with } => {
                let s = String::from_utf8_lossy(&bytes).into_owned();
                let starts: Vec<usize> = s
                    .char_indices()
                    .filter(|(i, c)| {
                        c.is_ascii_digit()
                            && (*i == 0
                                || !s.as_bytes()[i - 1].is_ascii_alphanumeric()
                                    && s.as_bytes()[i - 1] != b'.')
                    })
                    .map(|(i, _)| i)
                    .collect();
                if !starts.is_empty() {
                    let start = starts[nth % starts.len()];
                    let end = s[start..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-'))
                        .map_or(s.len(), |e| start + e);
                    bytes = format!("{}{}{}", &s[..start], with, &s[end..]).into_bytes();
                }
            }
            Mutation::Truncate(n) => {
                let keep = n % (bytes.len() + 1);
                bytes.truncate(keep);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_shipped_scenarios_never_panic(file in 0..5_usize, mutations in prop::collection::vec(mutation(), 1..4)) {
        let shipped = common::shipped();
        let (_, text) = &shipped[file % shipped.len()];
        let bytes = apply(text, &mutations);
        if let Ok(scenario) = load_bytes(&bytes, "mutated.ron") {
            // Anything that loads is valid, so the model must give finite numbers.
            let p = project(&scenario);
            for m in Measure::ALL {
                prop_assert!(p.series(m).iter().all(|v| v.is_finite()), "{m:?} not finite");
            }
        }
    }
}
