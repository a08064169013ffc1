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

__all__ = [
    "PRESETS",
    "ResolvedTrainingConfig",
    "TrainingConfig",
    "TrainingError",
    "TrainingResult",
    "latest_checkpoint",
    "load_adapter_model",
    "resolve",
    "train_lora",
]


def __getattr__(name: str) -> Any:
    if name in _SFT_NAMES:
        from cs_pipelines.training import sft

        return getattr(sft, name)
    raise AttributeError(f"module 'cs_pipelines.training' has no attribute {name!r}")
