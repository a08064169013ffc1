"""Model versions by name: ``base`` for the base model, ``cs-trader-coder/<n>`` for registered ones.

Every model version (the base model, and each version of the registered model) is scored under
one name, the model-version partition key. This module parses those names, picks the newest
registered version and says what a candidate is compared with (``champion.model_for`` loads the
model a name means). No mlflow import.
"""

from __future__ import annotations

from collections.abc import Iterable

from cs_pipelines.registry.settings import REGISTERED_MODEL_NAME

BASE_MODEL_VERSION = "base"
REGISTERED_MODEL_PREFIX = f"{REGISTERED_MODEL_NAME}/"


def registered_version_key(version: str) -> str:
    """The name of a registered model version: ``cs-trader-coder/<n>``."""
    return f"{REGISTERED_MODEL_PREFIX}{version}"


def registered_version(key: str) -> str | None:
    """The registry version number a name stands for; None for ``base``."""
    if key.startswith(REGISTERED_MODEL_PREFIX):
        return key[len(REGISTERED_MODEL_PREFIX) :]
    return None


def newest_version(numbers: Iterable[str | int | None]) -> str | None:
    """The highest registry version number among ``numbers`` (None entries skipped); None when
    there is none. Pass ``map(registered_version, keys)`` to pick among version names."""
    found = [int(number) for number in numbers if number is not None]
    return str(max(found)) if found else None


def baseline_key(champion: str | None) -> str:
    """What a candidate is compared with: the champion's name, or ``base`` before there is one."""
    return registered_version_key(champion) if champion else BASE_MODEL_VERSION
