"""LoRA SFT settings: one flat launchpad config, two presets, and the resolved values.

``TrainingConfig`` holds scalars only, so that ``cs_pipelines.defs.config.launchpad_config`` can
turn it into a Dagster launchpad config. Every hyperparameter defaults to "the preset's value"
(0, or -1 where 0 is itself a meaningful value, or an empty string), so a launchpad run can pick
a preset and override a single field. :func:`resolve` makes every effective value explicit; that
resolved record is what gets logged to MLflow, so a run is reproducible from its params alone.

This module imports nothing heavy (no torch): Dagster loads it when it builds its definitions.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from typing import Any

from cs_pipelines.models.presets import TRAINING_PRESETS

PRESETS = TRAINING_PRESETS.names
OVERLONG_POLICIES = ("drop", "truncate")
DEFAULT_TARGET_MODULES = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"
"""Attention and MLP projections of Llama-family models (SmolLM2 included)."""


class TrainingError(RuntimeError):
    """Training cannot start or did not finish; the message names the cause."""


@dataclass(frozen=True)
class TrainingConfig:
    """What the launchpad sets. 0 / -1 / "" mean "the preset's value" (see each field).

    Attributes:
        preset: ``"smoke"`` (a few minutes on a 2-core CPU: 12 steps, r 8, float32),
            ``"standard"`` (a real GPU run: 3 epochs, r 16, bf16, batch 16) or ``"auto"``
            (standard on CUDA, smoke otherwise).
        learning_rate: 0 = preset.
        epochs: 0 = preset.
        max_steps: 0 = preset (smoke caps the run; standard runs whole epochs), -1 = no cap (the
            epochs decide), n > 0 = exactly n optimizer steps.
        batch_size: per-device train batch size; 0 = preset.
        grad_accum: gradient accumulation steps; 0 = preset.
        max_length: longest tokenized example (chat template applied); 0 = preset.
        lora_r / lora_alpha: 0 = preset.
        lora_dropout: negative = preset (0.0 is a valid dropout).
        target_modules: comma-separated module names; "" = attention + MLP projections.
        eval_steps / save_steps / logging_steps: 0 = preset.
        seed: negative = preset (42).
        eval_examples: validation examples evaluated; 0 = preset (smoke 8, standard all),
            -1 = all.
        min_train_examples: fewer train examples than this (after dropping overlong ones) is an
            error: such a run can only memorise.
        overlong: what to do with examples longer than ``max_length``: ``"drop"`` (default,
            with a warning) or ``"truncate"`` (keep the start; the completion loses its end).
        resume: resume from the latest checkpoint under ``output_dir/checkpoints`` when one
            exists. False deletes existing checkpoints and starts over.
        cpu_threads: torch intra-op threads while training on a CPU: 0 = automatic (one thread
            when other processes keep the cores busy, else torch's default), n =
            exactly n. On a shared 2-core machine two threads spin-wait for each other at every
            kernel; one thread trained LoRA 2-3x faster there (see benchmarks/README.md).
    """

    preset: str = "auto"
    learning_rate: float = 0.0
    epochs: float = 0.0
    max_steps: int = 0
    batch_size: int = 0
    grad_accum: int = 0
    max_length: int = 0
    lora_r: int = 0
    lora_alpha: int = 0
    lora_dropout: float = -1.0
    target_modules: str = ""
    eval_steps: int = 0
    save_steps: int = 0
    logging_steps: int = 0
    seed: int = -1
    eval_examples: int = 0
    min_train_examples: int = 8
    overlong: str = "drop"
    resume: bool = True
    cpu_threads: int = 0

    def __post_init__(self) -> None:
        TRAINING_PRESETS.check(self.preset)
        if self.overlong not in OVERLONG_POLICIES:
            raise ValueError(f"overlong must be one of {OVERLONG_POLICIES}, got {self.overlong!r}")
        if self.max_steps < -1:
            raise ValueError(f"max_steps must be -1, 0 or positive, got {self.max_steps}")
        if self.cpu_threads < 0:
            raise ValueError(f"cpu_threads must be >= 0 (0 = automatic), got {self.cpu_threads}")
        if self.min_train_examples < 1:
            raise ValueError(f"min_train_examples must be >= 1, got {self.min_train_examples}")
        if self.learning_rate < 0 or self.epochs < 0:
            raise ValueError("learning_rate and epochs must be >= 0 (0 = the preset's value)")


@dataclass(frozen=True, kw_only=True)
class ResolvedTrainingConfig(TrainingConfig):
    """Every effective value of one run (logged as MLflow params): the launchpad's fields with
    each "preset's value" filled in, and what only the preset and the device decide.

    ``max_steps`` is -1 when the epochs decide the length of the run; ``eval_examples`` is -1
    when the whole validation split is evaluated.
    """

    target_modules: tuple[str, ...] = ()
    device: str
    bf16: bool
    warmup_ratio: float
    lr_scheduler: str
    weight_decay: float

    def __post_init__(self) -> None:
        super().__post_init__()
        positive = ("batch_size", "grad_accum", "max_length", "lora_r", "lora_alpha")
        positive += ("eval_steps", "save_steps", "logging_steps")
        for name in positive:
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be positive, got {getattr(self, name)}")
        if not 0.0 <= self.lora_dropout < 1.0:
            raise ValueError(f"lora_dropout must be in [0, 1), got {self.lora_dropout}")
        if self.eval_examples < -1:
            raise ValueError(f"eval_examples must be -1, 0 or positive, got {self.eval_examples}")

    def as_params(self) -> dict[str, Any]:
        """Flat, MLflow-friendly values (target modules joined by commas)."""
        params = dataclasses.asdict(self)
        params["target_modules"] = ",".join(self.target_modules)
        return params


_PRESET_VALUES: dict[str, dict[str, Any]] = {
    # A short run on a 2-core CPU: 12 optimizer steps of 4 examples with a 135M model take a
    # few minutes on idle cores (see benchmarks/README.md). max_length 1024 keeps the default
    # SFT set's strategies (answers up to ~700 tokens; 512 dropped 49 of 66); a high learning
    # rate, because 12 steps is all a CPU run gets. r 8 on every projection. No LoRA dropout:
    # peft then skips the per-module dropout copies of each input, which cost more memory on a
    # CPU than the frozen base saves (activations dominate a 135M model's training memory).
    "smoke": {
        "learning_rate": 1e-3,
        "epochs": 1.0,
        "max_steps": 12,
        "batch_size": 4,
        "grad_accum": 1,
        "max_length": 1024,
        "lora_r": 8,
        "lora_alpha": 16,
        "lora_dropout": 0.0,
        "eval_steps": 6,
        "save_steps": 6,
        "logging_steps": 2,
        "eval_examples": 8,
        "bf16": False,
        "warmup_ratio": 0.0,
        "lr_scheduler": "linear",
        "weight_decay": 0.0,
    },
    # A real run on one GPU: whole epochs, a larger rank and batch, bf16 autocast.
    "standard": {
        "learning_rate": 2e-4,
        "epochs": 3.0,
        "max_steps": -1,
        "batch_size": 16,
        "grad_accum": 2,
        "max_length": 1024,
        "lora_r": 16,
        "lora_alpha": 32,
        "lora_dropout": 0.05,
        "eval_steps": 50,
        "save_steps": 100,
        "logging_steps": 10,
        "eval_examples": -1,
        "bf16": True,
        "warmup_ratio": 0.03,
        "lr_scheduler": "cosine",
        "weight_decay": 0.0,
    },
}
DEFAULT_SEED = 42
_UNSET_WHEN_NEGATIVE = ("lora_dropout", "seed")  # 0 is a meaningful value of these


def preset_for(config: TrainingConfig, cuda: bool) -> str:
    """The concrete preset: ``auto`` becomes standard on CUDA, smoke otherwise."""
    return TRAINING_PRESETS.concrete(config.preset, cuda)


def resolve(config: TrainingConfig, cuda: bool) -> ResolvedTrainingConfig:
    """Fill every "preset's value" field from the preset and say which device trains.

    bf16 is only ever used on CUDA: a CPU run stays in float32 even with the standard preset.
    """
    preset = preset_for(config, cuda)
    values = {**_PRESET_VALUES[preset], "seed": DEFAULT_SEED, "preset": preset}
    values["device"] = "cuda" if cuda else "cpu"
    values["bf16"] = bool(values["bf16"]) and cuda
    own = {k: v for k, v in dataclasses.asdict(config).items() if k != "preset"}
    hints = typing.get_type_hints(ResolvedTrainingConfig)
    chosen: dict[str, Any] = {}
    for name in (field.name for field in dataclasses.fields(ResolvedTrainingConfig)):
        if name not in own:  # set by the preset alone
            value = values[name]
        elif name in values:  # a launchpad field whose unset value means "the preset's"
            unset = own[name] < 0 if name in _UNSET_WHEN_NEGATIVE else own[name] == 0
            value = values[name] if unset else own[name]
        else:
            value = own[name]
        chosen[name] = hints[name](value) if hints[name] in (int, float, bool, str) else value
    modules = tuple(m.strip() for m in config.target_modules.split(",") if m.strip())
    chosen["target_modules"] = modules or tuple(DEFAULT_TARGET_MODULES.split(","))
    return ResolvedTrainingConfig(**chosen)
