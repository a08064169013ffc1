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
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

HEADLINE = "pass@1"
CATEGORY_PREFIX = "category/"
DEFAULT_TOLERANCE = 0.05


@dataclass(frozen=True)
class PromotionDecision:
    """The verdict and every reason that led to it (logged as a registry tag)."""

    promote: bool
    reasons: list[str] = field(default_factory=list)


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
) -> PromotionDecision:
    """Apply the module's rule; raises ValueError when the candidate has no finite pass@1."""
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
    regressions = _category_regressions(candidate_scores, champion_scores, tolerance, reasons)
    return PromotionDecision(better and not regressions, reasons)


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
