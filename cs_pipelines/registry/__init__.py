"""MLflow tracking and the model registry: training runs, CryptoEval scores, promotion.

Plain Python, no Dagster. Agents load the promoted model in one line::

    from cs_pipelines.registry import load_champion
    champion = load_champion()          # base model + champion adapter + tokenizer
    champion.generate([{"role": "user", "content": "Write an RSI function."}])

The settings and the promotion rule load without mlflow or torch; everything else imports them
on first use.
"""

from typing import Any

from cs_pipelines.registry.promotion import (
    DEFAULT_TOLERANCE,
    PromotionDecision,
    decide_promotion,
    flatten_intervals,
    flatten_scores,
)
from cs_pipelines.registry.settings import (
    CHALLENGER,
    CHAMPION,
    EXPERIMENT_NAME,
    PREVIOUS_CHAMPION,
    REGISTERED_MODEL_NAME,
    MlflowSettings,
    RegistryError,
)

_TRACKING_NAMES = {
    "LINEAGE_KEYS",
    "RegisteredVersion",
    "alias_version",
    "apply_promotion",
    "champion_scores",
    "check_reachable",
    "git_sha",
    "log_scores",
    "log_training_run",
    "newest_registered_version",
    "version_run_id",
    "version_scores",
}
_CHAMPION_NAMES = {"LoadedModel", "load_champion", "load_version", "starting_version"}

__all__ = [
    "CHALLENGER",
    "CHAMPION",
    "DEFAULT_TOLERANCE",
    "EXPERIMENT_NAME",
    "LINEAGE_KEYS",
    "PREVIOUS_CHAMPION",
    "REGISTERED_MODEL_NAME",
    "LoadedModel",
    "MlflowSettings",
    "PromotionDecision",
    "RegisteredVersion",
    "RegistryError",
    "alias_version",
    "apply_promotion",
    "champion_scores",
    "check_reachable",
    "decide_promotion",
    "flatten_intervals",
    "flatten_scores",
    "git_sha",
    "load_champion",
    "load_version",
    "log_scores",
    "log_training_run",
    "newest_registered_version",
    "starting_version",
    "version_run_id",
    "version_scores",
]


def __getattr__(name: str) -> Any:
    if name in _TRACKING_NAMES:
        from cs_pipelines.registry import tracking

        return getattr(tracking, name)
    if name in _CHAMPION_NAMES:
        from cs_pipelines.registry import champion

        return getattr(champion, name)
    raise AttributeError(f"module 'cs_pipelines.registry' has no attribute {name!r}")
