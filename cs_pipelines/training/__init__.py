"""LoRA supervised fine-tuning of the base model on the SFT dataset (peft + TRL).

Plain Python, no Dagster. The config names load without torch (Dagster builds its launchpad
config from :class:`TrainingConfig` at definition time); the training names import torch,
transformers, peft and TRL on first use.
"""

from typing import Any

from cs_pipelines.training.config import (
    PRESETS,
    ResolvedTrainingConfig,
    TrainingConfig,
    TrainingError,
    resolve,
)

_SFT_NAMES = {"TrainingResult", "latest_checkpoint", "load_adapter_model", "train_lora"}
_CALLBACK_NAMES = {"format_progress", "log_progress"}

__all__ = [
    "PRESETS",
    "ResolvedTrainingConfig",
    "TrainingConfig",
    "TrainingError",
    "TrainingResult",
    "format_progress",
    "latest_checkpoint",
    "load_adapter_model",
    "log_progress",
    "resolve",
    "train_lora",
]


def __getattr__(name: str) -> Any:
    if name in _SFT_NAMES:
        from cs_pipelines.training import sft

        return getattr(sft, name)
    if name in _CALLBACK_NAMES:
        from cs_pipelines.training import callbacks

        return getattr(callbacks, name)
    raise AttributeError(f"module 'cs_pipelines.training' has no attribute {name!r}")
