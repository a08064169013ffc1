"""Models: the base model as configuration (materialized to a local Hugging Face folder), sampling
completions from it, and extracting code from those completions.

Plain Python, no Dagster. ``generation`` imports torch, so its names are loaded on first use.
"""

from typing import Any

from cs_pipelines.models.base import (
    PACKAGED_MODEL,
    BaseModelConfig,
    BaseModelError,
    BaseModelInfo,
    materialize_base_model,
    packaged_gguf_path,
)
from cs_pipelines.models.extract import extract_code

_GENERATION_NAMES = {
    "Completion",
    "Generator",
    "TransformersGenerator",
    "VLLMGenerator",
    "make_generator",
}

__all__ = [
    "PACKAGED_MODEL",
    "BaseModelConfig",
    "BaseModelError",
    "BaseModelInfo",
    "Completion",
    "Generator",
    "TransformersGenerator",
    "VLLMGenerator",
    "extract_code",
    "make_generator",
    "materialize_base_model",
    "packaged_gguf_path",
]


def __getattr__(name: str) -> Any:
    if name in _GENERATION_NAMES:
        from cs_pipelines.models import generation

        return getattr(generation, name)
    raise AttributeError(f"module 'cs_pipelines.models' has no attribute {name!r}")
