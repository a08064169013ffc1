"""Launchpad configuration derived from the stages' own config dataclasses.

Each stage keeps one frozen dataclass of settings with working defaults (for example
``HarvestConfig``). ``launchpad_config`` turns it into a ``dg.Config`` with the same scalar
fields and defaults, so every threshold is overridable from the Dagster launchpad without a
second copy of the field list to keep in sync. Non-scalar fields (word lists and the like) keep
their code defaults.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar

import dagster as dg
import pydantic

StageConfig = TypeVar("StageConfig")

_SCALARS = (int, float, bool, str)


def launchpad_config(
    stage_config: type[Any], name: str, doc: str, base: type[Any] = dg.Config
) -> type[Any]:
    """A ``dg.Config`` subclass (or of ``base``: a ``dg.ConfigurableResource`` for settings
    several assets share) with the scalar fields of the dataclass ``stage_config``."""
    hints = typing.get_type_hints(stage_config)
    fields: dict[str, Any] = {
        field.name: (hints[field.name], field.default)
        for field in dataclasses.fields(stage_config)
        if _is_scalar(hints[field.name]) and field.default is not dataclasses.MISSING
    }
    return pydantic.create_model(name, __base__=base, __doc__=doc, **fields)


def to_stage_config(config: pydantic.BaseModel, stage_config: type[StageConfig]) -> StageConfig:
    """Build the stage's dataclass from the launchpad values (extra launchpad fields ignored)."""
    names = {field.name for field in dataclasses.fields(stage_config)}
    return stage_config(**{k: v for k, v in config.model_dump().items() if k in names})


def _is_scalar(hint: Any) -> bool:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):  # X | None
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return len(args) == 1 and args[0] in _SCALARS
    return hint in _SCALARS
