"""The promotion decision reports the paired comparison with the champion and, by policy,
promotes a non-significant win on its point estimate or requires significance."""

from __future__ import annotations

import polars as pl
import pytest

from cs_pipelines.registry.promotion import decide_promotion, flatten_intervals
from cs_pipelines.stats import mcnemar_exact

CHAMPION = {"pass@1": 0.30, "category/indicators/pass@1": 0.30}
WIN = {"pass@1": 0.34, "category/indicators/pass@1": 0.34}
# 6 tasks only the candidate solves, 2 only the champion: p = 0.289, not significant.
NOISY = mcnemar_exact(
    [True] * 6 + [False] * 2 + [False] * 92, [False] * 6 + [True] * 2 + [False] * 92
)
# 12 to 0: p = 0.00049, significant.
CLEAR = mcnemar_exact([True] * 12 + [False] * 88, [False] * 100)


def test_the_comparisons_are_what_the_policies_are_tested_on():
    assert NOISY.p_value == pytest.approx(0.2890625) and not NOISY.significant
    assert CLEAR.significant and CLEAR.difference == pytest.approx(0.12)


def test_by_default_a_non_significant_win_promotes_and_says_so():
    decision = decide_promotion(WIN, CHAMPION, comparison=NOISY)
    assert decision.promote and decision.significant is False
    assert decision.comparison is NOISY
    text = "\n".join(decision.reasons)
    assert "not significant" in text and "point estimate" in text
    assert "+0.040 [" in text and "McNemar p=0.289" in text


def test_requiring_significance_holds_back_a_non_significant_win():
    decision = decide_promotion(WIN, CHAMPION, comparison=NOISY, require_significance=True)
    assert not decision.promote
    assert any("requires significance: no promotion" in r for r in decision.reasons)


def test_a_significant_win_promotes_under_either_policy():
    for required in (False, True):
        decision = decide_promotion(WIN, CHAMPION, comparison=CLEAR, require_significance=required)
        assert decision.promote and decision.significant is True
        assert not any("not significant" in r for r in decision.reasons)


def test_without_a_comparison_only_the_default_policy_promotes():
    assert decide_promotion(WIN, CHAMPION).promote
    held = decide_promotion(WIN, CHAMPION, require_significance=True)
    assert not held.promote and held.significant is None
    assert any("not available" in r for r in held.reasons)


def test_a_significant_win_still_obeys_the_category_tolerance():
    slipped = {**WIN, "category/indicators/pass@1": 0.20}
    decision = decide_promotion(slipped, CHAMPION, comparison=CLEAR, require_significance=True)
    assert not decision.promote
    assert any("drops 0.300 -> 0.200" in r for r in decision.reasons)


def test_a_loss_is_no_win_whatever_its_significance():
    decision = decide_promotion(CHAMPION, WIN, comparison=mcnemar_exact([False] * 12, [True] * 12))
    assert not decision.promote


def test_flatten_intervals_skips_rows_without_bounds():
    frame = pl.DataFrame(
        {
            "scope": ["all", "category", "all"],
            "group": ["all", "amm_dex", "all"],
            "metric": ["pass@1", "pass@1", "maj@1"],
            "value": [0.1, 0.2, 0.3],
            "ci_low": [0.05, None, 0.2],
            "ci_high": [0.2, None, 0.4],
        }
    )
    assert flatten_intervals(frame) == {"pass@1": (0.05, 0.2), "maj@1": (0.2, 0.4)}
    assert flatten_intervals(frame.drop("ci_low", "ci_high")) == {}


def test_a_significant_regression_on_a_guard_blocks_a_win():
    """The held-out SFT tasks and the trading A/B guard the promotion: a CryptoEval win with a
    significant loss there does not promote; a non-significant one is only reported."""
    worse = mcnemar_exact([False] * 100, [True] * 12 + [False] * 88)  # -0.12, significant
    blocked = decide_promotion(WIN, CHAMPION, comparison=CLEAR, guards={"trading A/B": worse})
    assert not blocked.promote
    assert any(r.startswith("trading A/B: a significant regression") for r in blocked.reasons)
    noisy_loss = mcnemar_exact(NOISY_BASELINE, NOISY_CANDIDATE)  # -0.04, p = 0.289
    kept = decide_promotion(WIN, CHAMPION, comparison=CLEAR, guards={"held-out": noisy_loss})
    assert kept.promote
    assert any(r.startswith("held-out: -0.040") for r in kept.reasons)
    gained = decide_promotion(WIN, CHAMPION, comparison=CLEAR, guards={"trading A/B": CLEAR})
    assert gained.promote


NOISY_CANDIDATE = [True] * 6 + [False] * 2 + [False] * 92
NOISY_BASELINE = [False] * 6 + [True] * 2 + [False] * 92
