//! Why goal seek found no value, for people: the output's numbers in its unit (`$274.5B`, not
//! `274.5481639852684`) and the input's in the input's. The command line and the app's goal-seek
//! dialog both say it this way.

use super::report::in_unit;
use crate::model::ParamPath;
use crate::model::uncertainty::{Quantity, SolveError};

/// `error` as one sentence, `quantity` being the output sought and `path` the input varied.
pub fn solve_error_text(error: &SolveError, quantity: Quantity, path: ParamPath) -> String {
    let out = |x: f64| in_unit(x, quantity.unit());
    match *error {
        SolveError::OutOfReach {
            target,
            min_output,
            max_output,
        } => format!(
            "target {} is out of reach: over the valid range the output goes from {} to {}",
            out(target),
            out(min_output),
            out(max_output)
        ),
        SolveError::Jump {
            target,
            param_value,
            output_below,
            output_above,
        } => format!(
            "the output jumps over target {} at {} (from {} to {}); no value hits it exactly",
            out(target),
            in_unit(param_value, path.unit()),
            out(output_below),
            out(output_above)
        ),
        ref other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    #[test]
    fn out_of_reach_reads_in_the_outputs_unit() {
        let error = SolveError::OutOfReach {
            target: 0.0,
            min_output: 339.058_533_215_734_5,
            max_output: 2_584.525_875_092_019_8,
        };
        let text = solve_error_text(
            &error,
            Quantity::InYear(Measure::Revenue, 2035),
            ParamPath::MarketGrowthStart,
        );
        assert_eq!(
            text,
            "target $0.00B is out of reach: over the valid range the output goes from $339B to $2.58T"
        );
    }
}
