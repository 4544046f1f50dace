//! Which characters a name may hold, and when two names are the same to the eye: names label
//! lines, bars and CSV rows, so they must be visible and tell providers apart.

use super::check::MAX_NAME_CHARS;
use super::error::ValidationError;

/// Shows nothing where it stands: whitespace and the format characters of Unicode (zero-width
/// space and joiners, word joiner, byte-order mark, soft hyphen, variation selectors, Hangul
/// fillers, tags). A name made only of these would be blank on screen.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Never allowed in a name: control characters, line and paragraph separators (they break a
/// name across lines, in CSV too), and bidirectional overrides and isolates (they reorder how
/// the text around them reads).
pub fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What a person sees of a name: invisible characters other than spaces dropped, every run of
/// whitespace (any kind) read as one space, none at either end. Two names with the same key
/// look alike ("Azure" and "Azure" followed by a zero-width space).
pub fn visible_key(name: &str) -> String {
    let visible: String = name
        .chars()
        .filter(|c| c.is_whitespace() || !is_invisible(*c))
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn check_name(name: &str, field: &str) -> Result<(), ValidationError> {
    let chars = name.chars().count();
    if chars == 0
        || chars > MAX_NAME_CHARS
        || name.chars().all(is_invisible)
        || name
            .chars()
            .any(|c| is_forbidden(c) || c == '[' || c == ']')
    {
        return Err(ValidationError::new(
            field,
            format!(
                "\"{}\" is not a valid name: 1 to {MAX_NAME_CHARS} characters, not all invisible, \
                 without '[', ']', control characters, line or paragraph separators or direction \
                 overrides",
                name.escape_default()
            ),
        ));
    }
    Ok(())
}

/// An error if `name` equals, or only looks like, one of `earlier` (`kind`: "provider").
pub fn unique_name<'a>(
    name: &str,
    earlier: impl Iterator<Item = &'a str>,
    field: &str,
    kind: &str,
) -> Result<(), ValidationError> {
    let key = visible_key(name);
    for other in earlier {
        if other == name {
            return Err(ValidationError::new(
                field,
                format!("\"{name}\" is used by another {kind}; names must be unique"),
            ));
        }
        if visible_key(other) == key {
            return Err(ValidationError::new(
                field,
                format!(
                    "\"{}\" looks the same as the {kind} \"{}\" (they differ only in invisible \
                     characters or spaces); names must be told apart by eye",
                    name.escape_default(),
                    other.escape_default()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{builtin_baseline, check};

    fn renamed(first: &str) -> Result<(), String> {
        let mut scenario = builtin_baseline();
        scenario.providers[0].name = first.to_owned();
        check(&scenario).map_err(|e| e.to_string())
    }

    #[test]
    fn names_of_invisible_characters_only_are_refused() {
        for name in [
            "\u{200B}",
            "\u{200B}\u{FEFF}",
            " \u{2060} ",
            "\u{3164}",
            "\u{00A0}",
        ] {
            let error = renamed(name).unwrap_err();
            assert!(error.contains("not all invisible"), "{name:?}: {error}");
        }
    }

    #[test]
    fn a_look_alike_of_another_provider_is_refused() {
        let mut scenario = builtin_baseline();
        let second = scenario.providers[1].name.clone();
        for look_alike in [
            format!("{second}\u{200B}"),
            format!("\u{FEFF}{second}"),
            format!("{second} "),
            format!("{second}\u{00A0}"),
        ] {
            scenario.providers[0].name.clone_from(&look_alike);
            let error = check(&scenario).unwrap_err().to_string();
            assert!(
                error.contains("looks the same as"),
                "{look_alike:?}: {error}"
            );
        }
        // Workloads too, and the residual.
        let mut scenario = builtin_baseline();
        scenario.providers[0].name = format!("{}\u{200D}", scenario.others.name);
        assert!(
            check(&scenario)
                .unwrap_err()
                .to_string()
                .contains("looks the same as")
        );
    }

    #[test]
    fn line_and_paragraph_separators_and_overrides_are_refused() {
        for name in ["AWS\u{2028}x", "AWS\u{2029}", "\u{202E}SWA", "A\u{2066}B"] {
            let error = renamed(name).unwrap_err();
            assert!(
                error.contains("line or paragraph separators"),
                "{name:?}: {error}"
            );
        }
        let mut scenario = builtin_baseline();
        scenario.name = "Plan\u{2028}B".to_owned();
        assert!(check(&scenario).is_err());
    }

    #[test]
    fn ordinary_names_stay_valid() {
        // A joiner inside a visible name is fine (Persian and Indic text need it).
        for name in ["Nimbus", "Nimbus Cloud", "می\u{200C}خواهم", "Ünïcødé 云"] {
            assert_eq!(renamed(name), Ok(()), "{name:?}");
        }
        assert_eq!(visible_key(" Azure\u{200B}  West "), "Azure West");
    }
}
