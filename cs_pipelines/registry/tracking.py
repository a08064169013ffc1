"""MLflow tracking and registry: training runs, CryptoEval scores, alias-based promotion.

Every function takes :class:`MlflowSettings` and talks to that store only (an explicit
``MlflowClient``; the fluent API is pointed at the store just for the calls that need an
active run and put back afterwards). A training run is registered as a model version only after
the whole run (params, metrics, the adapter artifact) was logged: a failure on the way leaves a
FAILED run and no version.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
import math
import os
import re
import subprocess
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import mlflow
from mlflow import MlflowClient
from mlflow.entities import Metric
from mlflow.exceptions import MlflowException

from cs_pipelines import paths
from cs_pipelines.registry.promotion import CI_SUFFIXES, PromotionDecision
from cs_pipelines.registry.settings import (
    BASE_MODEL_TAG,
    CHALLENGER,
    CHAMPION,
    PREVIOUS_CHAMPION,
    MlflowSettings,
    RegistryError,
    sqlite_path,
)
from cs_pipelines.registry.versions import newest_version

logger = logging.getLogger(__name__)

LINEAGE_KEYS = ("dagster_run_id", "sft_dataset_data_version", "base_model_data_version")
"""The lineage a training run should carry (any other keys given are logged too)."""
GIT_SHA_TAG = "git_sha"
SCORES_PREFIX = "cryptoeval/"
_BATCH = 900  # MLflow accepts at most 1000 metrics per log_batch call
_PYFUNC_MODEL_FILE = Path(__file__).with_name("pyfunc_model.py")
_REQUIREMENTS = ("torch", "transformers", "peft", "mlflow", "accelerate")


class TrackedRun(Protocol):
    """A finished training run that MLflow logs and the registry registers: LoRA SFT's
    ``TrainingResult`` or RL's ``RLResult``."""

    kind: str  # "sft", "rl": the run name's prefix
    adapter_dir: Path
    history: list[dict[str, float]]
    steps: int
    step_metrics: tuple[str, ...]  # the history's keys logged per step

    @property
    def preset(self) -> str: ...

    def mlflow_params(self) -> dict[str, Any]: ...

    def final_metrics(self) -> dict[str, float]: ...


@dataclass(frozen=True)
class RegisteredVersion:
    """A training run and the model version it was registered as."""

    name: str
    version: str
    run_id: str
    experiment_id: str
    model_uri: str
    tracking_uri: str

    @property
    def run_url(self) -> str | None:
        """The run's page in the MLflow UI when the store is a tracking server."""
        if not self.tracking_uri.startswith(("http://", "https://")):
            return None
        root = self.tracking_uri.rstrip("/")
        return f"{root}/#/experiments/{self.experiment_id}/runs/{self.run_id}"

    def as_metadata(self) -> dict[str, Any]:
        return {
            "registered_model": self.name,
            "model_version": self.version,
            "mlflow_run_id": self.run_id,
            "model_uri": self.model_uri,
            "tracking_uri": self.tracking_uri,
            "run_url": self.run_url,
        }


# ---- the store ---------------------------------------------------------------------------------


def client_for(settings: MlflowSettings) -> MlflowClient:
    """A client for the settings' store (tracking and registry on the same URI)."""
    uri = settings.resolved_tracking_uri()
    database = sqlite_path(uri)
    if database is not None:
        database.parent.mkdir(parents=True, exist_ok=True)
    return MlflowClient(tracking_uri=uri, registry_uri=uri)


URI_VARIABLES = ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI")


@contextlib.contextmanager
def using(settings: MlflowSettings) -> Iterator[None]:
    """Point MLflow's fluent API at the settings' store for the duration of the block.

    Afterwards everything is as before, unset included: MLflow's setters also export the URIs
    as environment variables (for subprocesses), and its default when none is set is a
    ``mlflow.db`` in the working directory; restoring that default as if it had been set
    would leave every later process writing there."""
    was_set = mlflow.is_tracking_uri_set()
    previous = (mlflow.get_tracking_uri(), mlflow.get_registry_uri()) if was_set else (None, None)
    uri = settings.resolved_tracking_uri()
    with _env_kept(URI_VARIABLES):
        mlflow.set_tracking_uri(uri)
        mlflow.set_registry_uri(uri)
        try:
            yield
        finally:
            mlflow.set_tracking_uri(previous[0])
            mlflow.set_registry_uri(previous[1])


@contextlib.contextmanager
def _env(values: Mapping[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        _restore(saved)


@contextlib.contextmanager
def _env_kept(names: Iterable[str]) -> Iterator[None]:
    """The variables ``names`` as they were before the block, whatever it set."""
    saved = {key: os.environ.get(key) for key in names}
    try:
        yield
    finally:
        _restore(saved)


def _restore(saved: Mapping[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def check_reachable(settings: MlflowSettings) -> None:
    """Fail fast, with the URI in the message, when the tracking store cannot be reached.

    An HTTP server gets ``check_timeout_s`` and no retries (MLflow's default is minutes of
    retries with back-off); a SQLite store is created if missing.
    """
    uri = settings.resolved_tracking_uri()
    timeouts = {
        "MLFLOW_HTTP_REQUEST_TIMEOUT": str(settings.check_timeout_s),
        "MLFLOW_HTTP_REQUEST_MAX_RETRIES": "0",
    }
    try:
        with _env(timeouts):
            client_for(settings).search_experiments(max_results=1)
    except Exception as exc:  # connection refused, timeouts, bad URIs, broken databases
        raise RegistryError(f"MLflow tracking store {uri} is unreachable: {exc}") from exc


def _experiment_id(client: MlflowClient, settings: MlflowSettings) -> str:
    """The experiment's id, creating it (with the settings' artifact location) when missing."""
    name = settings.experiment_name
    experiment = client.get_experiment_by_name(name)
    if experiment is None:
        try:
            return client.create_experiment(
                name, artifact_location=settings.resolved_artifact_location()
            )
        except MlflowException:  # created meanwhile by another process
            experiment = client.get_experiment_by_name(name)
            if experiment is None:
                raise
    if experiment.lifecycle_stage == "deleted":
        client.restore_experiment(experiment.experiment_id)
    return experiment.experiment_id


def git_sha(root: Path = paths.PROJECT_ROOT) -> str:
    """``git rev-parse HEAD`` of the project, or "unknown" outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


# ---- training runs -----------------------------------------------------------------------------


def log_training_run(
    settings: MlflowSettings,
    result: TrackedRun,
    lineage: Mapping[str, str],
    base_model_dir: Path,
    metrics_history: Sequence[Mapping[str, float]] | None = None,
) -> RegisteredVersion:
    """Log one training run and register its adapter as a new version of the model.

    Params are the resolved training config; step metrics come from ``metrics_history``
    (default: ``result.history``); tags are the lineage (see :data:`LINEAGE_KEYS`), the
    project's git sha and the base model folder. The adapter is logged as a pyfunc model (see
    ``pyfunc_model.py``) and registered only once the run has finished without error.

    Raises:
        RegistryError: the store is unreachable, or logging failed (then the run is marked
            FAILED and no version is registered).
    """
    check_reachable(settings)
    client = client_for(settings)
    experiment_id = _experiment_id(client, settings)
    base_model_dir = Path(base_model_dir).resolve()
    tags = {**{k: str(v) for k, v in lineage.items()}, GIT_SHA_TAG: git_sha()}
    tags[BASE_MODEL_TAG] = str(base_model_dir)
    history = result.history if metrics_history is None else metrics_history
    try:
        run_id, model_uri = _log_run(
            settings, client, experiment_id, result, tags, base_model_dir, history
        )
    except Exception as exc:
        raise RegistryError(
            f"logging the training run to {settings.resolved_tracking_uri()} failed, so no "
            f"version of {settings.registered_model_name!r} was registered: {exc}"
        ) from exc
    try:
        with using(settings):
            version = mlflow.register_model(model_uri, settings.registered_model_name, tags=tags)
    except Exception as exc:
        raise RegistryError(
            f"run {run_id} was logged, but registering {model_uri} as a version of "
            f"{settings.registered_model_name!r} failed: {exc}"
        ) from exc
    logger.info("Registered %s version %s", settings.registered_model_name, version.version)
    return RegisteredVersion(
        name=settings.registered_model_name,
        version=str(version.version),
        run_id=run_id,
        experiment_id=experiment_id,
        model_uri=model_uri,
        tracking_uri=settings.resolved_tracking_uri(),
    )


def _log_run(
    settings: MlflowSettings,
    client: MlflowClient,
    experiment_id: str,
    result: TrackedRun,
    tags: dict[str, str],
    base_model_dir: Path,
    history: Sequence[Mapping[str, float]],
) -> tuple[str, str]:
    """Params, metrics, tags and the adapter model in one run; returns (run id, model URI)."""
    run_name = f"{result.kind}-{result.preset}-{time.strftime('%Y%m%d-%H%M%S')}"
    with (
        using(settings),
        mlflow.start_run(experiment_id=experiment_id, run_name=run_name, tags=tags) as run,
    ):
        run_id = run.info.run_id
        mlflow.log_params(_params(result, base_model_dir))
        step_metrics = _step_metrics(history, result.step_metrics)
        _log_metrics(client, run_id, step_metrics + _summary_metrics(result))
        info = mlflow.pyfunc.log_model(
            name="adapter",
            python_model=str(_PYFUNC_MODEL_FILE),  # "models from code": nothing pickled
            artifacts={"adapter": str(result.adapter_dir)},
            model_config={"base_model_dir": str(base_model_dir)},
            pip_requirements=_requirements(),
        )
    return run_id, info.model_uri


def _params(result: TrackedRun, base_model_dir: Path) -> dict[str, Any]:
    return {**result.mlflow_params(), "base_model_dir": str(base_model_dir)}


def _step_metrics(history: Sequence[Mapping[str, float]], keys: Sequence[str]) -> list[Metric]:
    now = int(time.time() * 1000)
    metrics = []
    for entry in history:
        step = int(entry.get("step", 0))
        for key in keys:
            value = entry.get(key)
            if value is not None and math.isfinite(value):
                metrics.append(Metric(metric_key(key, prefix=""), float(value), now, step))
    return metrics


def _summary_metrics(result: TrackedRun) -> list[Metric]:
    now = int(time.time() * 1000)
    return [
        Metric(key, float(value), now, result.steps)
        for key, value in result.final_metrics().items()
        if math.isfinite(float(value))
    ]


def _log_metrics(client: MlflowClient, run_id: str, metrics: list[Metric]) -> None:
    for start in range(0, len(metrics), _BATCH):
        client.log_batch(run_id, metrics=metrics[start : start + _BATCH])


def _requirements() -> list[str]:
    """Pinned requirements of the loader (local version labels such as ``+cpu`` dropped)."""
    pins = []
    for package in _REQUIREMENTS:
        try:
            pins.append(f"{package}=={importlib.metadata.version(package).split('+')[0]}")
        except importlib.metadata.PackageNotFoundError:
            pins.append(package)
    return pins


# ---- CryptoEval scores -------------------------------------------------------------------------


def metric_key(score_key: str, prefix: str = SCORES_PREFIX) -> str:
    """The MLflow metric name of a score key: ``pass@1`` -> ``cryptoeval/pass_at_1``. MLflow
    names may not contain ``@``, so every path segment has it spelled ``_at_`` (reversed by
    :func:`score_key`) and any other character MLflow rejects replaced by ``_``."""
    segments = (
        re.sub(r"[^\w.\- ]", "_", part.replace("@", "_at_")) for part in score_key.split("/")
    )
    return prefix + "/".join(segments)


def score_key(metric: str) -> str:
    """Inverse of :func:`metric_key`."""
    rest = metric[len(SCORES_PREFIX) :] if metric.startswith(SCORES_PREFIX) else metric
    return "/".join(part.replace("_at_", "@") for part in rest.split("/"))


def log_scores(
    settings: MlflowSettings,
    run_id: str,
    scores: Mapping[str, float],
    table: Any = None,
    chart_png: Path | None = None,
    prefix: str = SCORES_PREFIX,
    intervals: Mapping[str, tuple[float, float]] | None = None,
) -> None:
    """Add scores to a training run: metrics, the table and the chart as artifacts.

    ``intervals`` (``{score key: (low, high)}``, e.g. from :func:`flatten_intervals`) adds each
    score's 95% interval as two more metrics: ``pass@1`` gets ``pass@1_ci_low`` and
    ``pass@1_ci_high`` (``cryptoeval/pass_at_1_ci_low``...).

    ``table`` is Markdown text (logged as ``cryptoeval/scores.md``) or a polars/pandas frame
    (``cryptoeval/scores.json``, which the MLflow UI shows as a table). The headline pass@1 is
    also set as a tag on the run's model versions, so the registry page shows it. ``prefix``
    names the benchmark: metrics and artifacts go under it (CryptoEval's by default).
    """
    check_reachable(settings)
    client = client_for(settings)
    now = int(time.time() * 1000)
    bounds = {
        f"{key}{suffix}": bound
        for key, pair in (intervals or {}).items()
        for suffix, bound in zip(CI_SUFFIXES, pair, strict=True)
    }
    metrics = [
        Metric(metric_key(k, prefix), float(v), now, 0)
        for k, v in {**scores, **bounds}.items()
        if math.isfinite(v)
    ]
    _log_metrics(client, run_id, metrics)
    if isinstance(table, str):
        client.log_text(run_id, table, f"{prefix}scores.md")
    elif table is not None:
        frame = table.to_pandas() if hasattr(table, "to_pandas") else table
        client.log_table(run_id, data=frame, artifact_file=f"{prefix}scores.json")
    if chart_png is not None:
        client.log_artifact(run_id, str(chart_png), artifact_path=prefix.rstrip("/"))
    headline = scores.get("pass@1")
    if headline is not None:
        for version in _versions_of_run(client, settings, run_id):
            client.set_model_version_tag(
                settings.registered_model_name, version, "cryptoeval_pass_at_1", f"{headline:.4f}"
            )


def _versions_of_run(client: MlflowClient, settings: MlflowSettings, run_id: str) -> list[str]:
    found = client.search_model_versions(
        f"name='{settings.registered_model_name}' and run_id='{run_id}'"
    )
    return [str(v.version) for v in found]


def newest_registered_version(settings: MlflowSettings) -> str:
    """The highest version number of the registered model; ValueError when none is registered."""
    found = client_for(settings).search_model_versions(f"name='{settings.registered_model_name}'")
    newest = newest_version(v.version for v in found)
    if newest is None:
        raise ValueError(f"no version of {settings.registered_model_name!r} is registered yet")
    return newest


def version_origins(settings: MlflowSettings) -> list[tuple[str, str]]:
    """Every registered version, oldest first, with where it came from: ``SFT`` or ``RL
    (<estimator>) from <parent>`` (the lineage tags :func:`log_training_run` set)."""
    found = client_for(settings).search_model_versions(f"name='{settings.registered_model_name}'")
    origins = []
    for version in sorted(found, key=lambda v: int(v.version)):
        tags = version.tags or {}
        estimator = tags.get("rl_estimator")
        origin = f"RL ({estimator}) from {tags.get('parent_version', '?')}" if estimator else "SFT"
        origins.append((str(version.version), origin))
    return origins


def version_parent(settings: MlflowSettings, version: str) -> str | None:
    """The version an RL version continued (``base`` or a number, its lineage tag); None for
    an SFT version."""
    model_version = client_for(settings).get_model_version(
        settings.registered_model_name, str(version)
    )
    return (model_version.tags or {}).get("parent_version") or None


def version_run_id(settings: MlflowSettings, version: str) -> str | None:
    """The id of the training run that registered ``version``; None when it has none."""
    model_version = client_for(settings).get_model_version(
        settings.registered_model_name, str(version)
    )
    return model_version.run_id or None


def version_scores(settings: MlflowSettings, version: str) -> dict[str, float]:
    """The CryptoEval scores logged for a version's run, in score-key form (``pass@1``, ...)."""
    run_id = version_run_id(settings, version)
    if run_id is None:
        return {}
    metrics = client_for(settings).get_run(run_id).data.metrics
    return {score_key(k): v for k, v in metrics.items() if k.startswith(SCORES_PREFIX)}


def alias_version(settings: MlflowSettings, alias: str) -> str | None:
    """The version number behind an alias, None when the alias (or the model) does not exist."""
    try:
        found = client_for(settings).get_model_version_by_alias(
            settings.registered_model_name, alias
        )
    except MlflowException:
        return None
    return str(found.version)


def champion_scores(settings: MlflowSettings) -> dict[str, float] | None:
    """The current champion's scores (None when there is no champion): the input to
    ``decide_promotion``'s ``champion_scores``."""
    version = alias_version(settings, CHAMPION)
    return None if version is None else version_scores(settings, version)


# ---- promotion ---------------------------------------------------------------------------------


def apply_promotion(settings: MlflowSettings, version: str, decision: PromotionDecision) -> None:
    """Move the registry aliases as the decision says, and tag the version with the reasons.

    Promote: the version becomes ``champion``, the champion it replaces ``previous-champion``
    (and a ``challenger`` alias on the version itself is removed). Otherwise the version
    becomes ``challenger``. Aliases only; MLflow 3 has no stages.
    """
    check_reachable(settings)
    client = client_for(settings)
    name, version = settings.registered_model_name, str(version)
    try:
        client.get_model_version(name, version)
    except MlflowException as exc:
        raise RegistryError(f"{name!r} has no version {version}: {exc}") from exc
    if decision.promote:
        _make_champion(client, settings, version)
    else:
        client.set_registered_model_alias(name, CHALLENGER, version)
    verdict = CHAMPION if decision.promote else CHALLENGER
    client.set_model_version_tag(name, version, "promotion_decision", verdict)
    client.set_model_version_tag(name, version, "promotion_reasons", "; ".join(decision.reasons))
    logger.info("%s version %s is now %s", name, version, verdict)


def _make_champion(client: MlflowClient, settings: MlflowSettings, version: str) -> None:
    name = settings.registered_model_name
    current = alias_version(settings, CHAMPION)
    if current == version:
        return
    if current is not None:
        client.set_registered_model_alias(name, PREVIOUS_CHAMPION, current)
    client.set_registered_model_alias(name, CHAMPION, version)
    if alias_version(settings, CHALLENGER) == version:
        client.delete_registered_model_alias(name, CHALLENGER)


__all__ = [
    "LINEAGE_KEYS",
    "RegisteredVersion",
    "alias_version",
    "apply_promotion",
    "champion_scores",
    "check_reachable",
    "client_for",
    "git_sha",
    "log_scores",
    "log_training_run",
    "metric_key",
    "score_key",
    "using",
    "version_run_id",
    "version_scores",
]
