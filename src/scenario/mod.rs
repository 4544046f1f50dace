//! Scenario files: load (parse, then validate) and save the RON format of MODEL.md. No UI here.

mod builtin;
mod check;
mod check_valuation;
mod convert;
mod error;
mod file_format;
mod load;
mod names;
mod ordered_map;
pub mod recovery;
mod save;
mod write_rules;

pub use builtin::{BASELINE_RON, builtin_baseline};
pub use check::{
    BASE_YEAR_RANGE, MAX_NAME_CHARS, MIN_MARKET_SIZE_USD_BN, PLACEMENT_SUM_TOLERANCE,
    SAMPLES_RANGE, check, check_distribution, normalise_placements, placement_sum_acceptable,
};
pub use convert::residual_path_hint;
pub use error::{LoadError, SaveError, ValidationError};
pub use file_format::FORMAT_VERSION;
pub use load::{MAX_FILE_BYTES, load_bytes, load_path, load_str};
pub use save::{save_path, to_ron_string};
pub use write_rules::{write_atomically, write_output};
