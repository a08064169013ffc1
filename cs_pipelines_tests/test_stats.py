"""Cluster bootstrap intervals and paired comparisons on simulated data with a known truth."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cs_pipelines.stats import (
    cluster_bootstrap_ci,
    format_interval,
    mcnemar_exact,
    paired_cluster_bootstrap,
)


def correlated_tasks(rng: np.random.Generator, n_problems: int, mean: float = 0.4):
    """Base problems with 1-3 variants that share the problem's pass probability."""
    values, clusters = [], []
    for problem in range(n_problems):
        p = rng.beta(2 * mean / (1 - mean), 2)  # mean of Beta(a, 2) is a / (a + 2) = ``mean``
        for _ in range(rng.integers(1, 4)):
            values.append(float(rng.random() < p))
            clusters.append(problem)
    return values, clusters


def test_the_interval_covers_the_truth_at_about_the_nominal_rate() -> None:
    rng = np.random.default_rng(7)
    runs, covered = 300, 0
    for run in range(runs):
        values, clusters = correlated_tasks(rng, 80, mean=0.4)
        ci = cluster_bootstrap_ci(values, clusters, resamples=1000, seed=run)
        covered += ci.low <= 0.4 <= ci.high
    assert 0.90 <= covered / runs <= 0.985, covered / runs


def test_correlated_variants_widen_the_interval_over_the_naive_one() -> None:
    rng = np.random.default_rng(3)
    per_problem = rng.random(60) < 0.3
    values = [float(v) for v in np.repeat(per_problem, 3)]  # three variants agree exactly
    clusters = list(np.repeat(np.arange(60), 3))
    clustered = cluster_bootstrap_ci(values, clusters)
    naive = cluster_bootstrap_ci(values, list(range(len(values))))
    assert clustered.estimate == pytest.approx(naive.estimate) == pytest.approx(per_problem.mean())
    assert clustered.n_clusters == 60 and naive.n_clusters == 180 and clustered.n_units == 180
    width = clustered.high - clustered.low
    naive_width = naive.high - naive.low
    assert width > 1.4 * naive_width  # about sqrt(3) times as wide
    assert clustered.low <= clustered.estimate <= clustered.high


def test_the_bootstrap_is_deterministic_per_seed_and_the_resamples_are_configurable() -> None:
    values, clusters = correlated_tasks(np.random.default_rng(1), 40)
    first = cluster_bootstrap_ci(values, clusters, resamples=500, seed=11)
    assert cluster_bootstrap_ci(values, clusters, resamples=500, seed=11) == first
    assert cluster_bootstrap_ci(values, clusters, resamples=501, seed=11) != first
    assert str(first).count("[") == 1


def test_degenerate_and_bad_inputs() -> None:
    ci = cluster_bootstrap_ci([1.0, 1.0], ["a", "a"])
    assert (ci.estimate, ci.low, ci.high) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError, match="cluster labels"):
        cluster_bootstrap_ci([1.0, 0.0], ["a"])
    with pytest.raises(ValueError, match="at least one"):
        cluster_bootstrap_ci([], [])
    with pytest.raises(ValueError, match="resamples"):
        cluster_bootstrap_ci([1.0], ["a"], resamples=0)
    with pytest.raises(ValueError, match="equally long"):
        mcnemar_exact([True], [True, False])


def test_mcnemar_matches_the_hand_computed_exact_p() -> None:
    # 8 tasks only the candidate passes, 2 only the baseline, 10 both, 5 neither.
    candidate = [True] * 8 + [False] * 2 + [True] * 10 + [False] * 5
    baseline = [False] * 8 + [True] * 2 + [True] * 10 + [False] * 5
    result = mcnemar_exact(candidate, baseline)
    hand = 2 * sum(math.comb(10, k) for k in range(3)) / 2**10  # 112 / 1024
    assert result.p_value == pytest.approx(hand) == pytest.approx(0.109375)
    assert (result.wins, result.losses, result.ties, result.n_tasks) == (8, 2, 15, 25)
    assert result.difference == pytest.approx(6 / 25)
    assert result.ci_low < 0 < result.ci_high and not result.significant
    assert "not significant" in result.summary()

    nine_to_none = mcnemar_exact([True] * 9 + [False] * 3, [False] * 9 + [False] * 3)
    assert nine_to_none.p_value == pytest.approx(2 / 2**9)
    assert nine_to_none.significant and 0 < nine_to_none.ci_low <= nine_to_none.difference
    assert "not significant" not in nine_to_none.summary()


def test_mcnemar_without_discordant_pairs_finds_no_difference() -> None:
    result = mcnemar_exact([True, False], [True, False], clusters=["a", "a"])
    assert (result.difference, result.ci_low, result.ci_high, result.p_value) == (0, 0, 0, 1)
    assert result.n_clusters == 1 and not result.significant


def test_the_paired_cluster_bootstrap_tells_a_real_gain_from_noise() -> None:
    rng = np.random.default_rng(5)
    clusters = list(np.repeat(np.arange(50), 2))
    baseline = rng.random(100)
    same = paired_cluster_bootstrap(baseline, baseline, clusters)
    assert (same.difference, same.p_value, same.ties) == (0.0, 1.0, 100)
    assert not same.significant

    better = np.clip(baseline + 0.2 + rng.normal(0, 0.05, 100), 0, 1)
    gain = paired_cluster_bootstrap(better, baseline, clusters, resamples=2000, seed=1)
    assert gain.significant and gain.p_value < 0.01 and gain.ci_low > 0
    assert gain.ci_low <= gain.difference <= gain.ci_high
    assert gain.method == "paired cluster bootstrap" and gain.n_clusters == 50

    noise = rng.random(100)
    null = paired_cluster_bootstrap(noise, baseline, clusters, seed=1)
    assert null.significant == (not null.ci_low <= 0 <= null.ci_high)
    assert null.as_dict()["significant"] == null.significant


def test_the_paired_bootstrap_rejects_at_about_alpha_under_the_null() -> None:
    rng = np.random.default_rng(9)
    clusters = list(np.repeat(np.arange(60), 2))
    rejected = 0
    runs = 200
    for run in range(runs):
        shared = rng.random(60).repeat(2)  # correlated variants
        a = (rng.random(120) < shared).astype(float)
        b = (rng.random(120) < shared).astype(float)
        rejected += paired_cluster_bootstrap(a, b, clusters, resamples=500, seed=run).significant
    assert rejected / runs <= 0.10, rejected / runs


def test_format_interval() -> None:
    assert format_interval(0.0833, 0.0231, 0.2578) == "0.083 [0.023, 0.258]"
    assert format_interval(0.5, None, None) == "0.500"
    assert format_interval(0.5, float("nan"), 0.6) == "0.500"
