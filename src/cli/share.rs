//! `cloudshift plot` and `cloudshift report`: a chart as SVG or PNG, and the HTML report, written
//! by the same stdout and `--output` rules as every data command.

use std::path::{Path, PathBuf};

use super::args::ImageFormat;
use super::{
    CliError, load_scenario, projection_report, refuse_non_finite, write_bytes, write_text,
};
use crate::report::{ChartKind, ChartSize, ReportInput, Theme, chart_png, chart_svg, report_html};

/// Everything `plot` draws from, but the file and the output.
#[derive(Debug)]
pub struct PlotRequest {
    pub chart: ChartKind,
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    pub provider: Option<String>,
    pub format: Option<ImageFormat>,
}

/// The image format: `--format`, else the output's extension, else SVG (standard output).
fn image_format(
    format: Option<ImageFormat>,
    output: Option<&Path>,
) -> Result<ImageFormat, CliError> {
    if let Some(format) = format {
        return Ok(format);
    }
    let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
        return Ok(ImageFormat::Svg);
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("svg") => Ok(ImageFormat::Svg),
        Some("png") => Ok(ImageFormat::Png),
        _ => Err(CliError(format!(
            "--output: {} ends in neither .svg nor .png; name one, or give --format svg|png",
            path.display()
        ))),
    }
}

/// Draws one chart of `file` to `output` (or standard output).
pub fn plot(file: &Path, request: &PlotRequest, output: Option<&Path>) -> Result<(), CliError> {
    let format = image_format(request.format, output)?;
    let scenario = load_scenario(file)?;
    refuse_non_finite(&projection_report(&scenario))?;
    let size = ChartSize::checked(request.width, request.height)?;
    let provider = request.provider.as_deref();
    let bytes = match format {
        ImageFormat::Svg => {
            chart_svg(&scenario, request.chart, provider, size, request.theme)?.into_bytes()
        }
        ImageFormat::Png => chart_png(&scenario, request.chart, provider, size, request.theme)?,
    };
    write_bytes(&bytes, output, &[file])
}

/// Writes the HTML report of `files` (the first the reference of a comparison).
pub fn report(files: &[PathBuf], output: Option<&Path>) -> Result<(), CliError> {
    let scenarios = files
        .iter()
        .map(|f| load_scenario(f))
        .collect::<Result<Vec<_>, _>>()?;
    for scenario in &scenarios {
        refuse_non_finite(&projection_report(scenario))?;
    }
    let inputs: Vec<ReportInput<'_>> = files
        .iter()
        .zip(&scenarios)
        .map(|(file, scenario)| ReportInput {
            label: if file.as_os_str() == "-" {
                "built-in baseline".to_owned()
            } else {
                file.display().to_string()
            },
            scenario,
        })
        .collect();
    let html = report_html(&inputs)?;
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    write_text(&html, output, &paths)
}
