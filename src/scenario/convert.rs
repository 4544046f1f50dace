//! Between the file's named form (`ScenarioFile`) and the model's dense form (`Scenario`).

use super::error::ValidationError;
use super::file_format::{
    CompanyFile, CorrelationFile, DistributionFile, FORMAT_VERSION, MarketFile, MigrationFile,
    MonteCarloFile, OthersFile, OutcomeFile, ProviderFile, ScenarioFile, ValuationFile,
    WorkloadFile,
};
use super::ordered_map::OrderedMap;
use crate::model::{
    Company, Correlation, Distribution, MAX_PROVIDERS, MAX_WORKLOADS, Market, Migration,
    MonteCarlo, Others, Outcome, ParamPath, Provider, Rgb, Scenario, Valuation, Workload,
};

/// For a path that names the residual provider as if it were a named one
/// (`providers[Others].margin`), the path to write instead (`others.margin`).
pub fn residual_path_hint(path: &str, residual_name: &str) -> Option<String> {
    let field = path
        .strip_prefix("providers[")?
        .strip_prefix(residual_name)?
        .strip_prefix("].")?;
    Some(format!("others.{field}"))
}

/// Resolves names and colors into a dense scenario; values are checked later by `check`.
#[allow(clippy::too_many_lines)] // one field of the file after another, in the file's order
pub fn from_file(file: ScenarioFile) -> Result<Scenario, ValidationError> {
    if file.version < 2 {
        refuse_version_2_fields(&file)?;
    }
    if file.providers.len() > MAX_PROVIDERS {
        return Err(ValidationError::new(
            "providers",
            format!(
                "{} named providers; at most {MAX_PROVIDERS} are allowed",
                file.providers.len()
            ),
        ));
    }
    if file.workloads.len() > MAX_WORKLOADS {
        return Err(ValidationError::new(
            "workloads",
            format!(
                "{} workloads; at most {MAX_WORKLOADS} are allowed",
                file.workloads.len()
            ),
        ));
    }
    let mut provider_names: Vec<&str> = file.providers.iter().map(|p| p.name.as_str()).collect();
    provider_names.push(file.others.name.as_str());

    let providers = file
        .providers
        .iter()
        .map(|p| {
            Ok(Provider {
                name: p.name.clone(),
                color: parse_color(&p.color, &format!("providers[{}].color", p.name))?,
                share: p.share,
                drift_per_year: p.drift,
                margin: p.margin,
                margin_drift_per_year: p.margin_drift,
                ev_sales: p.ev_sales,
                company: p.company.as_ref().map(|c| Company {
                    name: c.name.clone(),
                    market_cap_usd_bn: c.market_cap,
                    price_move: c.price_move,
                }),
            })
        })
        .collect::<Result<Vec<_>, ValidationError>>()?;
    let others = Others {
        name: file.others.name.clone(),
        color: parse_color(&file.others.color, "others.color")?,
        margin: file.others.margin,
        margin_drift_per_year: file.others.margin_drift,
        ev_sales: file.others.ev_sales,
    };
    let workloads = file
        .workloads
        .iter()
        .map(|w| {
            Ok(Workload {
                name: w.name.clone(),
                spend_usd_bn: w.spend,
                growth_start: w.growth_start,
                growth_end: w.growth_end,
                margin: w.margin,
                placement_base: dense_placement(
                    &w.placement_base,
                    &provider_names,
                    &format!("workloads[{}].placement_base", w.name),
                )?,
                placement_target: dense_placement(
                    &w.placement_target,
                    &provider_names,
                    &format!("workloads[{}].placement_target", w.name),
                )?,
                extent: w.extent,
                migration: Migration {
                    start_year: w.migration.start_year,
                    duration_years: w.migration.duration_years,
                    curve: w.migration.curve,
                },
            })
        })
        .collect::<Result<Vec<_>, ValidationError>>()?;

    let named_providers = &provider_names[..provider_names.len() - 1];
    let workload_names: Vec<&str> = file.workloads.iter().map(|w| w.name.as_str()).collect();
    let residual = file.others.name.as_str();
    let resolve = |map_name: &str, key: &str| {
        ParamPath::parse(key, named_providers, &workload_names).map_err(|e| {
            let message = match residual_path_hint(key, residual) {
                Some(hint) => format!("{e}: {residual} is the residual provider; write `{hint}`"),
                None => e.to_string(),
            };
            ValidationError::new(format!("{map_name}[\"{key}\"]"), message)
        })
    };
    let uncertainty = file
        .uncertainty
        .0
        .iter()
        .map(|(key, dist)| {
            let field = format!("uncertainty[\"{key}\"]");
            let dist = dense_distribution(dist, &provider_names, &field)?;
            Ok((resolve("uncertainty", key)?, dist))
        })
        .collect::<Result<Vec<_>, ValidationError>>()?;
    let correlations = file
        .correlations
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = |end: &str| format!("correlations[{i}].{end}");
            let path = |key: &str, end: &str| {
                ParamPath::parse(key, named_providers, &workload_names)
                    .map_err(|e| ValidationError::new(at(end), e.to_string()))
            };
            Ok(Correlation {
                a: path(&c.a, "a")?,
                b: path(&c.b, "b")?,
                rho: c.rho,
            })
        })
        .collect::<Result<Vec<_>, ValidationError>>()?;
    let sources = file
        .sources
        .0
        .iter()
        .map(|(key, text)| Ok((resolve("sources", key)?, text.clone())))
        .collect::<Result<Vec<_>, ValidationError>>()?;

    Ok(Scenario {
        name: file.name,
        description: file.description,
        base_year: file.base_year,
        horizon_years: file.horizon_years,
        market: Market {
            size_usd_bn: file.market.size,
            growth_start: file.market.growth_start,
            growth_end: file.market.growth_end,
        },
        halo: file.halo,
        halo_loss: file.halo_loss,
        valuation: file.valuation.map(|v| Valuation {
            discount_rate: v.discount_rate,
            tax_rate: v.tax_rate,
            reinvestment_rate: v.reinvestment_rate,
            terminal_growth: v.terminal_growth,
        }),
        providers,
        others,
        workloads,
        uncertainty,
        correlations,
        monte_carlo: file.monte_carlo.map(|mc| MonteCarlo {
            samples: mc.samples,
            seed: mc.seed,
        }),
        sources,
    })
}

/// The file form of a scenario; placements list only providers with a non-zero fraction.
#[allow(clippy::too_many_lines)] // one field of the file after another, in the file's order
pub fn to_file(scenario: &Scenario) -> ScenarioFile {
    let named_placement = |dense: &[f64]| {
        OrderedMap(
            dense
                .iter()
                .enumerate()
                .filter(|(_, fraction)| **fraction != 0.0)
                .map(|(p, fraction)| (scenario.provider_name(p).to_owned(), *fraction))
                .collect(),
        )
    };
    let keyed = |path: &ParamPath| path.to_text(scenario);
    ScenarioFile {
        version: FORMAT_VERSION,
        name: scenario.name.clone(),
        description: scenario.description.clone(),
        base_year: scenario.base_year,
        horizon_years: scenario.horizon_years,
        market: MarketFile {
            size: scenario.market.size_usd_bn,
            growth_start: scenario.market.growth_start,
            growth_end: scenario.market.growth_end,
        },
        halo: scenario.halo,
        halo_loss: scenario.halo_loss,
        valuation: scenario.valuation.map(|v| ValuationFile {
            discount_rate: v.discount_rate,
            tax_rate: v.tax_rate,
            reinvestment_rate: v.reinvestment_rate,
            terminal_growth: v.terminal_growth,
        }),
        providers: scenario
            .providers
            .iter()
            .map(|p| ProviderFile {
                name: p.name.clone(),
                color: p.color.to_hex(),
                share: p.share,
                drift: p.drift_per_year,
                margin: p.margin,
                margin_drift: p.margin_drift_per_year,
                ev_sales: p.ev_sales,
                company: p.company.as_ref().map(|c| CompanyFile {
                    name: c.name.clone(),
                    market_cap: c.market_cap_usd_bn,
                    price_move: c.price_move,
                }),
            })
            .collect(),
        others: OthersFile {
            name: scenario.others.name.clone(),
            color: scenario.others.color.to_hex(),
            margin: scenario.others.margin,
            margin_drift: scenario.others.margin_drift_per_year,
            ev_sales: scenario.others.ev_sales,
        },
        workloads: scenario
            .workloads
            .iter()
            .map(|w| WorkloadFile {
                name: w.name.clone(),
                spend: w.spend_usd_bn,
                growth_start: w.growth_start,
                growth_end: w.growth_end,
                margin: w.margin,
                placement_base: named_placement(&w.placement_base),
                placement_target: named_placement(&w.placement_target),
                extent: w.extent,
                migration: MigrationFile {
                    start_year: w.migration.start_year,
                    duration_years: w.migration.duration_years,
                    curve: w.migration.curve,
                },
            })
            .collect(),
        uncertainty: OrderedMap(
            scenario
                .uncertainty
                .iter()
                .map(|(path, dist)| (keyed(path), named_distribution(dist, &named_placement)))
                .collect(),
        ),
        correlations: scenario
            .correlations
            .iter()
            .map(|c| CorrelationFile {
                a: keyed(&c.a),
                b: keyed(&c.b),
                rho: c.rho,
            })
            .collect(),
        monte_carlo: scenario.monte_carlo.map(|mc| MonteCarloFile {
            samples: mc.samples,
            seed: mc.seed,
        }),
        sources: OrderedMap(
            scenario
                .sources
                .iter()
                .map(|(path, text)| (keyed(path), text.clone()))
                .collect(),
        ),
    }
}

/// A version 1 file may not use what version 2 added: an older cloudshift would reject it.
fn refuse_version_2_fields(file: &ScenarioFile) -> Result<(), ValidationError> {
    let added = |field: String| {
        Err(ValidationError::new(
            field,
            format!(
                "was added in format version 2, but the file says version: {}; write version: 2",
                file.version
            ),
        ))
    };
    if file.halo_loss.is_some() {
        return added("halo_loss".to_owned());
    }
    if file.valuation.is_some() {
        return added("valuation".to_owned());
    }
    if let Some(p) = file.providers.iter().find(|p| p.company.is_some()) {
        return added(format!("providers[{}].company", p.name));
    }
    if !file.correlations.is_empty() {
        return added("correlations".to_owned());
    }
    if let Some((key, dist)) = file.uncertainty.0.iter().find(|(_, d)| {
        matches!(
            d,
            DistributionFile::Discrete { .. } | DistributionFile::Outcomes(_)
        )
    }) {
        let name = match dist {
            DistributionFile::Outcomes(_) => "Outcomes",
            _ => "Discrete",
        };
        return added(format!("uncertainty[\"{key}\"] ({name})"));
    }
    Ok(())
}

/// The model's form of a file distribution: `Outcomes` targets as one fraction per provider.
fn dense_distribution(
    dist: &DistributionFile,
    provider_names: &[&str],
    field: &str,
) -> Result<Distribution, ValidationError> {
    Ok(match dist {
        DistributionFile::Triangular { low, high } => Distribution::Triangular {
            low: *low,
            high: *high,
        },
        DistributionFile::Uniform { low, high } => Distribution::Uniform {
            low: *low,
            high: *high,
        },
        DistributionFile::Normal { sd } => Distribution::Normal { sd: *sd },
        DistributionFile::Discrete {
            values,
            probabilities,
        } => Distribution::Discrete {
            values: values.clone(),
            probabilities: probabilities.clone(),
        },
        DistributionFile::Outcomes(outcomes) => Distribution::Outcomes(
            outcomes
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    Ok(Outcome {
                        probability: o.probability,
                        target: dense_placement(
                            &o.target,
                            provider_names,
                            &format!("{field} outcome {}", i + 1),
                        )?,
                    })
                })
                .collect::<Result<Vec<_>, ValidationError>>()?,
        ),
    })
}

/// The file's form of a distribution; `named` writes a dense placement by provider name.
fn named_distribution(
    dist: &Distribution,
    named: &impl Fn(&[f64]) -> OrderedMap<f64>,
) -> DistributionFile {
    match dist {
        Distribution::Triangular { low, high } => DistributionFile::Triangular {
            low: *low,
            high: *high,
        },
        Distribution::Uniform { low, high } => DistributionFile::Uniform {
            low: *low,
            high: *high,
        },
        Distribution::Normal { sd } => DistributionFile::Normal { sd: *sd },
        Distribution::Discrete {
            values,
            probabilities,
        } => DistributionFile::Discrete {
            values: values.clone(),
            probabilities: probabilities.clone(),
        },
        Distribution::Outcomes(outcomes) => DistributionFile::Outcomes(
            outcomes
                .iter()
                .map(|o| OutcomeFile {
                    probability: o.probability,
                    target: named(&o.target),
                })
                .collect(),
        ),
    }
}

fn parse_color(text: &str, field: &str) -> Result<Rgb, ValidationError> {
    Rgb::from_hex(text).ok_or_else(|| {
        ValidationError::new(
            field,
            format!("\"{text}\" is not a color; write it as \"#RRGGBB\""),
        )
    })
}

/// A named placement as one fraction per provider (Others last); unnamed providers get 0.
/// `field` names the placement in an error (`workloads[OpenAI].placement_target`).
fn dense_placement(
    named: &OrderedMap<f64>,
    provider_names: &[&str],
    field: &str,
) -> Result<Vec<f64>, ValidationError> {
    let mut dense = vec![0.0; provider_names.len()];
    for (name, fraction) in &named.0 {
        let index = provider_names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| {
                ValidationError::new(
                    field.to_owned(),
                    format!(
                        "names provider \"{name}\", which the scenario does not have (it has: {})",
                        provider_names.join(", ")
                    ),
                )
            })?;
        dense[index] = *fraction;
    }
    Ok(dense)
}
