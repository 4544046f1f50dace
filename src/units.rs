//! Numbers formatted for people: money in $B/$T, fractions as percent, signed deltas.

/// Money given in $B, e.g. `$1.23T`, `$845B`, `$12.3B`, `$0.42B`, `-$3.1B`.
pub fn usd_bn(value_usd_bn: f64) -> String {
    if !value_usd_bn.is_finite() {
        return "n/a".to_owned();
    }
    let magnitude = value_usd_bn.abs();
    // Zero reads one way, `$0.00B`, whatever its sign or rounding noise.
    let sign = if value_usd_bn < 0.0 && magnitude >= 0.005 {
        "-"
    } else {
        ""
    };
    let body = if magnitude >= 1e6 {
        // Past $1,000T only extreme scenarios go; keep the text short rather than 30 digits.
        format!("{:.2e}T", magnitude / 1000.0)
    } else if magnitude >= 1000.0 {
        format!("{:.2}T", magnitude / 1000.0)
    } else if magnitude >= 100.0 {
        format!("{magnitude:.0}B")
    } else if magnitude >= 10.0 {
        format!("{magnitude:.1}B")
    } else {
        format!("{magnitude:.2}B")
    };
    format!("{sign}${body}")
}

/// Money change given in $B with an explicit sign, e.g. `+$12.3B`, `-$845B`; no change reads
/// `$0.00B`, as zero does everywhere.
pub fn usd_bn_delta(value_usd_bn: f64) -> String {
    if value_usd_bn.is_finite() && value_usd_bn.abs() < 0.005 {
        return usd_bn(0.0);
    }
    if value_usd_bn > 0.0 {
        format!("+{}", usd_bn(value_usd_bn))
    } else {
        usd_bn(value_usd_bn)
    }
}

/// A number for people, exact and short: the shortest decimal that reads back the same
/// (`0.29`, `-3.5`, `419`), or scientific notation below 1e-6 and from 1e16 in magnitude, where
/// plain digits would be mostly zeros (`-1e-320`, not 320 zeros; `2.5e30`). `-0` reads `0`.
pub fn readable_number(value: f64) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    if (1e-6..1e16).contains(&value.abs()) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A fraction as percent, rounded up to the first decimal where the digits shown for
/// `current` would otherwise not differ: a share `current` must be raised to at least
/// `needed`. Returns (current, needed) as text, with as many decimals as that takes (up to 6).
pub fn percent_raise(current: f64, needed: f64) -> (String, String) {
    let mut pair = (percent(current), percent(needed));
    for decimals in 1..=6_i32 {
        let scale = 10_f64.powi(decimals);
        let needed_up = (needed * 100.0 * scale).ceil() / scale;
        let precision = decimals as usize;
        let shown_current = format!("{:.precision$}%", current * 100.0);
        let shown_needed = format!("{needed_up:.precision$}%");
        pair = (shown_current, shown_needed);
        if pair.0 != pair.1 {
            break;
        }
    }
    pair
}

/// A fraction as percent with one decimal, e.g. `0.312` → `31.2%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".to_owned();
    }
    // No "-0.0%": a share that rounds to zero reads as zero.
    let percent = fraction * 100.0;
    let percent = if percent.abs() < 0.05 { 0.0 } else { percent };
    format!("{percent:.1}%")
}

/// A change of a fraction in percentage points, e.g. `+1.3 pts`.
pub fn points_delta(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".to_owned();
    }
    let points = fraction * 100.0;
    if points.abs() < 0.05 {
        return "0.0 pts".to_owned();
    }
    format!("{points:+.1} pts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_naturally() {
        assert_eq!(usd_bn(1234.0), "$1.23T");
        assert_eq!(usd_bn(845.4), "$845B");
        assert_eq!(usd_bn(12.34), "$12.3B");
        assert_eq!(usd_bn(0.424), "$0.42B");
        assert_eq!(usd_bn(-3.25), "-$3.25B");
        assert_eq!(usd_bn(f64::NAN), "n/a");
        assert_eq!(usd_bn(8.08e38), "$8.08e35T");
        assert_eq!(usd_bn_delta(12.34), "+$12.3B");
        assert_eq!(usd_bn_delta(-845.0), "-$845B");
        assert_eq!(usd_bn_delta(0.001), "$0.00B");
        assert_eq!(usd_bn_delta(-0.001), "$0.00B");
        assert_eq!(usd_bn(-0.001), "$0.00B");
        assert_eq!(usd_bn(0.0), "$0.00B");
    }

    #[test]
    fn numbers_read_short_and_exact() {
        assert_eq!(readable_number(0.29), "0.29");
        assert_eq!(readable_number(-0.0), "0");
        assert_eq!(readable_number(-1e-320), "-1e-320");
        assert_eq!(readable_number(2.5e30), "2.5e30");
        assert_eq!(
            readable_number(121.509_999_999_999_99),
            "121.50999999999999"
        );
        for value in [-1e-320, 2.5e30, 0.1, 1e-7] {
            assert_eq!(
                readable_number(value).parse::<f64>().unwrap().to_bits(),
                value.to_bits()
            );
        }
    }

    #[test]
    fn a_raise_never_reads_as_the_value_it_already_has() {
        assert_eq!(
            percent_raise(0.0366, 0.03665),
            ("3.66%".into(), "3.67%".into())
        );
        assert_eq!(
            percent_raise(0.036, 0.036_04),
            ("3.6%".into(), "3.7%".into())
        );
        assert_eq!(percent_raise(0.02, 0.0361), ("2.0%".into(), "3.7%".into()));
        let (current, needed) = percent_raise(0.036_000_1, 0.036_000_2);
        assert_ne!(current, needed);
    }

    #[test]
    fn fractions_read_as_percent() {
        assert_eq!(percent(0.312), "31.2%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(points_delta(0.013), "+1.3 pts");
        assert_eq!(points_delta(-0.005), "-0.5 pts");
        assert_eq!(points_delta(-0.000_1), "0.0 pts");
        assert_eq!(percent(-0.000_1), "0.0%");
    }
}
