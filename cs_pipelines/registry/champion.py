"""Loading a registered adapter (the champion by default) onto its base model, ready to generate.

A loaded version generates through the platform's one generation engine
(:class:`~cs_pipelines.models.generation.TransformersGenerator`, wrapping the model in memory),
so it answers exactly as it was scored.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cs_pipelines import paths
from cs_pipelines.registry.settings import (
    BASE_MODEL_TAG,
    CHAMPION,
    MlflowSettings,
    RegistryError,
    local_store_dir,
)
from cs_pipelines.registry.versions import (
    BASE_MODEL_VERSION,
    registered_version,
    registered_version_key,
)

if TYPE_CHECKING:
    from cs_pipelines.models.generation import TransformersGenerator

logger = logging.getLogger(__name__)

NEWEST = "newest"
Prompt = str | list[dict[str, str]]


@dataclass
class LoadedModel:
    """A registered version loaded for generation: base model with the adapter applied."""

    name: str
    version: str
    alias: str | None
    run_id: str
    model: Any
    tokenizer: Any
    base_model_dir: Path
    adapter_dir: Path

    @functools.cached_property
    def engine(self) -> TransformersGenerator:
        """The platform's generation engine on this model: ``engine.generate(prompts, n=...)``
        samples many prompts in batches."""
        from cs_pipelines.models.generation import TransformersGenerator

        return TransformersGenerator.from_model(
            self.model, self.tokenizer, name=f"{self.name} version {self.version}"
        )

    def generate(
        self,
        prompt_or_messages: Prompt,
        max_new_tokens: int = 256,
        temperature: float = 0.0,
        top_p: float = 1.0,
        seed: int | None = None,
    ) -> str:
        """One completion of a chat (rendered with the chat template) or a raw string; greedy
        by default. Many prompts at once go faster through :attr:`engine`."""
        (completion,) = self.engine.generate(
            [prompt_or_messages],
            temperature=temperature,
            top_p=top_p,
            max_new_tokens=max_new_tokens,
            seed=seed,
        )[0]
        return completion.text


def load_champion(
    settings: MlflowSettings | None = None,
    *,
    alias: str = CHAMPION,
    base_model_dir: Path | None = None,
    device: str | None = None,
    dtype: str = "auto",
) -> LoadedModel:
    """The version behind ``alias`` (default ``champion``), loaded and ready to generate.

    The adapter is downloaded once per version into ``<CS_DATA_DIR>/mlflow/downloads``. The
    base model is ``base_model_dir`` when given, else the folder recorded when the version was
    registered if it still exists, else ``cs_pipelines.paths.base_model_dir()``.
    """
    from mlflow import MlflowClient
    from mlflow.exceptions import MlflowException

    from cs_pipelines.registry.tracking import check_reachable, client_for

    settings = settings or MlflowSettings()
    check_reachable(settings)
    client: MlflowClient = client_for(settings)
    name = settings.registered_model_name
    try:
        version = client.get_model_version_by_alias(name, alias)
    except MlflowException as exc:
        raise RegistryError(f"no version of {name!r} has the alias {alias!r}: {exc}") from exc
    return load_version(
        settings,
        version.version,
        alias=alias,
        base_model_dir=base_model_dir,
        device=device,
        dtype=dtype,
    )


def load_version(
    settings: MlflowSettings,
    version: str,
    *,
    alias: str | None = None,
    base_model_dir: Path | None = None,
    device: str | None = None,
    dtype: str = "auto",
) -> LoadedModel:
    """Like :func:`load_champion`, for a version number. The adapter is merged into the base
    weights, loaded in ``dtype`` (``auto``: the engine's choice for the device)."""
    from cs_pipelines.registry.tracking import client_for
    from cs_pipelines.training.sft import load_adapter_model

    client = client_for(settings)
    name = settings.registered_model_name
    model_version = client.get_model_version(name, str(version))
    adapter_dir = download_adapter(settings, str(version))
    base = _base_model_dir(base_model_dir, model_version.tags.get(BASE_MODEL_TAG))
    logger.info("Loading %s version %s: adapter %s on base %s", name, version, adapter_dir, base)
    model, tokenizer = load_adapter_model(base, adapter_dir, device=device, dtype=dtype, merge=True)
    return LoadedModel(
        name=name,
        version=str(version),
        alias=alias,
        run_id=model_version.run_id or "",
        model=model,
        tokenizer=tokenizer,
        base_model_dir=base,
        adapter_dir=adapter_dir,
    )


def _base_model_dir(explicit: Path | None, recorded: str | None) -> Path:
    if explicit is not None:
        return Path(explicit)
    if recorded and Path(recorded).is_dir():
        return Path(recorded)
    fallback = paths.base_model_dir()
    if recorded:
        logger.warning("Recorded base model %s is missing here; using %s", recorded, fallback)
    return fallback


def download_adapter(settings: MlflowSettings, version: str) -> Path:
    """The version's adapter folder, downloaded once (to a temporary sibling, then renamed)."""
    import mlflow.artifacts

    from cs_pipelines.registry.tracking import using

    name = settings.registered_model_name
    store = hashlib.sha1(settings.resolved_tracking_uri().encode()).hexdigest()[:8]
    target = local_store_dir() / "downloads" / f"{name}-v{version}-{store}"
    if (target / "MLmodel").is_file():
        return _adapter_in(target, name, version)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        with using(settings):
            mlflow.artifacts.download_artifacts(
                artifact_uri=f"models:/{name}/{version}", dst_path=str(tmp)
            )
        _adapter_in(tmp, name, version)
        if target.exists():  # another process won the race; its copy is identical
            shutil.rmtree(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return _adapter_in(target, name, version)


def model_for(key: str, settings: MlflowSettings, base_model_dir: Path) -> tuple[Path, Path | None]:
    """The base model folder and, for a registered version (``cs-trader-coder/<n>``), its
    adapter folder (downloaded once)."""
    if key == BASE_MODEL_VERSION:
        return base_model_dir, None
    number = registered_version(key)
    if number is None:
        raise ValueError(f"unknown model version {key!r}: 'base' or 'cs-trader-coder/<n>'")
    return base_model_dir, download_adapter(settings, number)


def version_key(spec: str, settings: MlflowSettings) -> str:
    """The model-version name a user means: ``base``, ``champion`` (the version behind the
    alias), a version number ``N`` or its full name ``cs-trader-coder/N``."""
    from cs_pipelines.registry.tracking import alias_version

    spec = spec.strip()
    if spec == BASE_MODEL_VERSION:
        return spec
    if spec == CHAMPION:
        number = alias_version(settings, CHAMPION)
        if number is None:
            raise RegistryError(
                f"no version of {settings.registered_model_name!r} is the champion yet"
            )
        return registered_version_key(number)
    number = registered_version(spec) or spec
    if not number.isdigit():
        raise ValueError(f"unknown model version {spec!r}: use base, champion or a number")
    return registered_version_key(number)


def starting_version(spec: str, settings: MlflowSettings) -> str:
    """The version a training run continues from: like :func:`version_key`, except that
    ``champion`` is ``base`` while there is none, and ``newest`` is the newest registered
    version (``base`` when none is)."""
    from cs_pipelines.registry.tracking import alias_version, newest_registered_version

    spec = spec.strip()
    if spec == CHAMPION:
        number = alias_version(settings, CHAMPION)
        return registered_version_key(number) if number else BASE_MODEL_VERSION
    if spec == NEWEST:
        try:
            return registered_version_key(newest_registered_version(settings))
        except ValueError:
            return BASE_MODEL_VERSION
    return version_key(spec, settings)


def _adapter_in(model_dir: Path, name: str, version: str) -> Path:
    """The adapter folder inside a downloaded pyfunc model (named after the logged folder)."""
    from mlflow.models import Model

    try:
        flavor = Model.load(str(model_dir / "MLmodel")).flavors["python_function"]
        adapter = model_dir / flavor["artifacts"]["adapter"]["path"]
    except (OSError, KeyError, TypeError) as exc:
        raise RegistryError(f"{name} version {version} is not an adapter model: {exc}") from exc
    if not adapter.is_dir():
        raise RegistryError(f"{name} version {version} holds no adapter folder at {adapter}")
    return adapter
