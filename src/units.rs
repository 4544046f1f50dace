//! Numbers formatted for people: money in $B/$T, fractions as percent, signed deltas.

/// Money given in $B, e.g. `$1.23T`, `$845B`, `$12.3B`, `$0.42B`, `-$3.1B`.
pub fn usd_bn(value_usd_bn: f64) -> String {
    if !value_usd_bn.is_finite() {
        return "n/a".to_owned();
    }
    let sign = if value_usd_bn < 0.0 { "-" } else { "" };
    let magnitude = value_usd_bn.abs();
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

/// Money change given in $B with an explicit sign, e.g. `+$12.3B`, `-$845B`, `±$0.00B`.
pub fn usd_bn_delta(value_usd_bn: f64) -> String {
    if value_usd_bn.is_finite() && value_usd_bn.abs() < 0.005 {
        return "±$0.00B".to_owned();
    }
    if value_usd_bn > 0.0 {
        format!("+{}", usd_bn(value_usd_bn))
    } else {
        usd_bn(value_usd_bn)
    }
}

/// A fraction as percent with one decimal, e.g. `0.312` → `31.2%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".to_owned();
    }
    format!("{:.1}%", fraction * 100.0)
}

/// A change of a fraction in percentage points, e.g. `+1.3 pts`.
pub fn points_delta(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "n/a".to_owned();
    }
    format!("{:+.1} pts", fraction * 100.0)
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
        assert_eq!(usd_bn_delta(0.001), "±$0.00B");
    }

    #[test]
    fn fractions_read_as_percent() {
        assert_eq!(percent(0.312), "31.2%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(points_delta(0.013), "+1.3 pts");
        assert_eq!(points_delta(-0.005), "-0.5 pts");
    }
}
