#!/usr/bin/env python3
"""The cloudshift model (MODEL.md, version 1 equations) vectorised over Monte Carlo draws with
NumPy, for a side-by-side speed comparison with `cloudshift simulate` (benches/whole_process.sh).

It hard-codes `scenarios/baseline.ron` (the built-in baseline, `-` on the command line): five
named providers plus Others, one workload (OpenAI), ten years, seven uncertain inputs. Draws come
from NumPy's generator, not cloudshift's, so results agree within Monte Carlo error, not bit for
bit. Like `cloudshift simulate --format csv` it prints mean and P5..P95 of share, revenue,
operating income, revenue delta and value at stake for every year and provider.

Usage: numpy_model.py SAMPLES [SEED]  (CSV on standard output)
"""
import sys

import numpy as np

BASE_YEAR, H = 2025, 10
M0, MARKET_G0, MARKET_G1, HALO = 419.0, 0.22, 0.12, 0.5
NAMES = ["AWS", "Azure", "Google Cloud", "Oracle", "CoreWeave", "Others"]
SHARE = np.array([0.29, 0.21, 0.13, 0.025, 0.012])
DRIFT = np.array([-0.005, 0.002, 0.007, 0.003, 0.002])
MARGIN = np.array([0.35, 0.42, 0.24, 0.2, 0.15, 0.1])
MARGIN_DRIFT = np.array([0.0, -0.003, 0.01, 0.0, 0.0, 0.0])
EV_SALES = np.array([8.0, 13.0, 10.0, 8.0, 10.0, 3.0])
# OpenAI
SPEND0, W_G0, W_G1, W_MARGIN, EXTENT = 15.0, 0.95, 0.05, 0.2, 1.0
BASE = np.array([0.0, 0.85, 0.02, 0.03, 0.10, 0.0])
TARGET = np.array([0.0, 0.75, 0.05, 0.10, 0.10, 0.0])
START, DURATION = 2026.0, 3.0
PERCENTILES = [5, 10, 25, 50, 75, 90, 95]


def faded(a, z, t):
    return a if H == 1 else a + (z - a) * (t - 1) / (H - 1)


def draws(n, rng):
    """The seven uncertain inputs of baseline.ron, clamped to their valid ranges."""
    d = {
        "growth_start": rng.triangular(0.17, MARKET_G0, 0.27, n),
        "growth_end": rng.triangular(0.06, MARKET_G1, 0.16, n),
        "halo": rng.uniform(0.0, 1.0, n),
        "aws_drift": np.clip(rng.normal(DRIFT[0], 0.003, n), -0.2, 0.2),
        "azure_margin_drift": np.clip(rng.normal(MARGIN_DRIFT[1], 0.003, n), -0.2, 0.2),
        "w_growth_start": rng.triangular(0.6, W_G0, 1.2, n),
        "extent": rng.uniform(0.5, 1.0, n),
    }
    return d


def project(n, d):
    """Share, revenue, operating income, revenue delta, value at stake: arrays (years, n, 6)."""
    p = len(NAMES)
    drift = np.tile(DRIFT, (n, 1))
    drift[:, 0] = d["aws_drift"]
    margin_drift = np.tile(MARGIN_DRIFT, (n, 1))
    margin_drift[:, 1] = d["azure_margin_drift"]
    rest0 = M0 - SPEND0
    q = (SHARE * M0 - SPEND0 * BASE[:5]) / rest0
    q = np.append(q, 1.0 - q.sum())
    out = np.empty((5, H + 1, n, p))
    rest = np.full(n, rest0)
    spend = np.full(n, SPEND0)
    for t in range(H + 1):
        year = BASE_YEAR + t
        if t > 0:
            rest = rest * (1.0 + faded(d["growth_start"], d["growth_end"], t))
            spend = spend * (1.0 + faded(d["w_growth_start"], W_G1, t))
        if t == 0:
            ramp = 0.0
        else:
            x = min(max((year - START) / DURATION, 0.0), 1.0)
            ramp = x * x * (3.0 - 2.0 * x)
        progress = (d["extent"] * ramp)[:, None]
        placed = BASE + progress * (TARGET - BASE)  # (n, p)
        workload = spend[:, None] * placed
        workload_cf = spend[:, None] * BASE
        market = rest + spend
        if t == 0:
            rho = np.tile(q, (n, 1))
            rho_cf = rho
        else:
            won = spend[:, None] * (placed[:, :5] - BASE[:5])
            u = np.maximum(0.0, q[:5] + drift * t + d["halo"][:, None] * won / rest[:, None])
            u_cf = np.maximum(0.0, q[:5] + drift * t)
            rho = normalise(u)
            rho_cf = normalise(u_cf)
        revenue = rho * rest[:, None] + workload
        revenue_cf = rho_cf * rest[:, None] + workload_cf
        margin = np.clip(MARGIN + margin_drift * t, -1.0, 1.0)
        income = margin * rho * rest[:, None] + W_MARGIN * workload
        delta = revenue - revenue_cf
        out[0, t] = revenue / market[:, None]
        out[1, t] = revenue
        out[2, t] = income
        out[3, t] = delta
        out[4, t] = EV_SALES * delta
    return out


def normalise(u):
    total = u.sum(axis=1)
    over = total > 1.0
    named = np.where(over[:, None], u / total[:, None], u)
    others = np.where(over, 0.0, 1.0 - total)
    return np.column_stack([named, others])


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    rng = np.random.default_rng(seed)
    out = project(n, draws(n, rng))
    means = out.mean(axis=2)
    pct = np.percentile(out, PERCENTILES, axis=2)  # (7, 5, years, p)
    measures = ["share", "revenue", "operating_income", "revenue_delta", "value_at_stake"]
    lines = ["year,provider,measure,mean,p5,p10,p25,p50,p75,p90,p95"]
    for t in range(H + 1):
        for p, name in enumerate(NAMES):
            for m, key in enumerate(measures):
                values = [means[m, t, p]] + list(pct[:, m, t, p])
                lines.append(f"{BASE_YEAR + t},{name},{key}," + ",".join(f"{v:.9g}" for v in values))
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
