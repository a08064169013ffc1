"""Whether a candidate model version should replace the champion: a pure decision on scores.

Scores are flat ``{key: value}`` dicts of CryptoEval results, values in [0, 1]:

* ``"pass@1"``: pass@1 over the whole task set (the headline; required);
* ``"category/<name>/pass@1"``: pass@1 over the tasks of one category (e.g.
  ``"category/indicators/pass@1"``);
* anything else (``"pass@5"``, ``"maj@5"``, ``"difficulty/hard/pass@1"``,
  ``"variant/fix/pass@1"``) is kept and logged but does not decide.

:func:`flatten_scores` builds that dict from the long-format ``cryptoeval_scores`` frame (scope
"all" gives the bare metric, every other scope ``<scope>/<group>/<metric>``).

The rule: promote when there is no champion; otherwise only when the candidate's overall pass@1
is strictly higher AND no category the champion was scored on lost more than ``tolerance``
(absolute, in pass@1 units: 0.05 = five points) or went missing. A better average that hides a
regression in one kind of trading code is not a better model for the agents that need that kind.

Significance: the decision also carries the paired per-task comparison with the champion (a
:class:`cs_pipelines.stats.PairedComparison`, given by the caller) and says in its reasons
whether the difference is significant. With ``require_significance`` a win must also be
significant (p < alpha); by default a point-estimate win still promotes (on a small model and
a small task set few wins would be significant, and the loop must move on), labelled "not
significant".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cs_pipelines.stats import PairedComparison

HEADLINE = "pass@1"
CATEGORY_PREFIX = "category/"
DEFAULT_TOLERANCE = 0.05
CI_SUFFIXES = ("_ci_low", "_ci_high")  # a score key's interval bounds, as metric names


@dataclass(frozen=True)
class PromotionDecision:
    """The verdict and every reason that led to it (logged as a registry tag)."""

    promote: bool
    reasons: list[str] = field(default_factory=list)
    # candidate minus champion, task by task (None: no champion, or not given)
    comparison: PairedComparison | None = None

    @property
    def significant(self) -> bool | None:
        """Whether the paired difference is significant; None without a comparison."""
        return None if self.comparison is None else self.comparison.significant


def category_key(name: str, metric: str = HEADLINE) -> str:
    """The flat key of one category's metric: ``category/<name>/<metric>``."""
    return f"{CATEGORY_PREFIX}{name}/{metric}"


def _categories(scores: Mapping[str, float]) -> dict[str, float]:
    suffix = f"/{HEADLINE}"
    return {
        key[len(CATEGORY_PREFIX) : -len(suffix)]: float(value)
        for key, value in scores.items()
        if key.startswith(CATEGORY_PREFIX) and key.endswith(suffix)
    }


def decide_promotion(
    candidate_scores: Mapping[str, float],
    champion_scores: Mapping[str, float] | None,
    tolerance: float = DEFAULT_TOLERANCE,
    comparison: PairedComparison | None = None,
    require_significance: bool = False,
    guards: Mapping[str, PairedComparison] | None = None,
) -> PromotionDecision:
    """Apply the module's rule; raises ValueError when the candidate has no finite pass@1.

    ``comparison`` (candidate minus champion on the tasks both were scored on) is reported in
    the reasons; with ``require_significance`` a headline win promotes only when the
    comparison is significant (and in the candidate's favour); without a comparison such a
    win cannot be shown significant and does not promote. ``guards`` are the other paired
    comparisons with the champion (``name -> candidate minus champion``: the held-out SFT
    tasks, the trading A/B): a significant regression on any of them blocks the promotion.
    """
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance}")
    candidate = float(candidate_scores.get(HEADLINE, math.nan))
    if not math.isfinite(candidate):
        raise ValueError(
            f"candidate scores need a finite {HEADLINE!r} (keys: {sorted(candidate_scores)})"
        )
    if champion_scores is None:
        return PromotionDecision(True, [f"no champion yet: candidate {HEADLINE} {candidate:.3f}"])
    reasons: list[str] = []
    better = _headline_better(candidate, champion_scores, reasons)
    shown = _significance(better, comparison, require_significance, reasons)
    regressions = _category_regressions(candidate_scores, champion_scores, tolerance, reasons)
    regressions += _guard_regressions(guards or {}, reasons)
    return PromotionDecision(better and shown and not regressions, reasons, comparison)


def _guard_regressions(guards: Mapping[str, PairedComparison], out: list[str]) -> list[str]:
    """The guards the candidate lost significantly (each reported either way)."""
    lost = []
    for name, paired in guards.items():
        if paired.significant and paired.difference < 0:
            out.append(f"{name}: a significant regression, {paired.summary()}: no promotion")
            lost.append(name)
        else:
            out.append(f"{name}: {paired.summary()}")
    return lost


def _significance(
    better: bool, comparison: PairedComparison | None, required: bool, out: list[str]
) -> bool:
    """Report the paired comparison; False only when the policy needs a significant win and
    the win is not one."""
    if comparison is None:
        out.append("paired comparison: not available (no per-task results for both versions)")
        if required and better:
            out.append("the policy requires a significant win: not shown, so no promotion")
        return not required
    out.append(f"paired {HEADLINE} difference, candidate - champion: {comparison.summary()}")
    shown = comparison.significant and comparison.difference > 0
    if better and not shown:
        if required:
            out.append(
                f"the win is not significant (p={comparison.p_value:.3f}, alpha "
                f"{comparison.alpha:g}) and the policy requires significance: no promotion"
            )
            return False
        out.append(
            f"the win is not significant (p={comparison.p_value:.3f}): the point estimate "
            "counts (require_significance is off)"
        )
    return True


def _headline_better(
    candidate: float, champion_scores: Mapping[str, float], out: list[str]
) -> bool:
    champion = float(champion_scores.get(HEADLINE, math.nan))
    if not math.isfinite(champion):
        out.append(f"champion has no {HEADLINE}: candidate {candidate:.3f} wins by default")
        return True
    better = candidate > champion
    verb = "beats" if better else "does not beat"
    out.append(f"{HEADLINE}: candidate {candidate:.3f} {verb} champion {champion:.3f}")
    return better


def _category_regressions(
    candidate_scores: Mapping[str, float],
    champion_scores: Mapping[str, float],
    tolerance: float,
    out: list[str],
) -> list[str]:
    candidate, champion = _categories(candidate_scores), _categories(champion_scores)
    regressions = []
    for name, old in sorted(champion.items()):
        new = candidate.get(name)
        if new is None or not math.isfinite(new):
            regressions.append(name)
            out.append(f"category {name}: not scored for the candidate (champion {old:.3f})")
        elif old - new > tolerance:
            regressions.append(name)
            out.append(
                f"category {name}: {HEADLINE} drops {old:.3f} -> {new:.3f}, "
                f"more than the tolerance {tolerance:.3f}"
            )
    if champion and not regressions:
        out.append(f"no category drops by more than {tolerance:.3f} ({len(champion)} compared)")
    return regressions


def flatten_scores(frame: Any) -> dict[str, float]:
    """Flat score keys from a long-format scores frame (columns scope, group, metric, value).

    Accepts a polars or pandas frame, or any iterable of such row dicts.
    """
    return {_flat_key(row): float(row["value"]) for row in _rows(frame)}


def flatten_intervals(frame: Any) -> dict[str, tuple[float, float]]:
    """``{flat key: (ci_low, ci_high)}`` from a long-format scores frame, for the rows that
    have an interval (rows stored before scores had intervals have none)."""
    out = {}
    for row in _rows(frame):
        low, high = row.get("ci_low"), row.get("ci_high")
        if low is not None and high is not None and math.isfinite(low) and math.isfinite(high):
            out[_flat_key(row)] = (float(low), float(high))
    return out


def scored_tasks(frame: Any) -> dict[str, int]:
    """Tasks scored per variant, from a long-format scores frame: a candidate and what it is
    compared with must match here (the same tasks scored), or no decision is taken."""
    return {
        str(row["group"]): int(row["n_tasks"])
        for row in _rows(frame)
        if row["scope"] == "variant" and row["metric"] == HEADLINE
    }


def _rows(frame: Any) -> Iterable[Mapping[str, Any]]:
    if hasattr(frame, "iter_rows"):  # polars
        return frame.iter_rows(named=True)
    if hasattr(frame, "to_dict"):  # pandas
        return frame.to_dict("records")
    return frame


def _flat_key(row: Mapping[str, Any]) -> str:
    if row["scope"] == "all":
        return str(row["metric"])
    return f"{row['scope']}/{row['group']}/{row['metric']}"
