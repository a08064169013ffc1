"""RL settings: one flat launchpad config, three presets, and the resolved values.

As with LoRA SFT (:mod:`cs_pipelines.training.config`), every hyperparameter defaults to "the
preset's value" (0, -1 where 0 is meaningful, or ""), so a launchpad run picks a preset and
overrides single fields; :func:`resolve_rl` makes every value explicit, and that record is
what MLflow logs. Nothing heavy is imported here: Dagster reads it when it builds definitions.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from typing import Any

from cs_pipelines.models.presets import RL_PRESETS

ESTIMATORS = (
    "grpo",
    "dr_grpo",
    "rloo",
    "rf++baseline",
    "mc_grpo",
    "passk_loo",
    "passk_analytic",
    "majk_loo",
)
"""Advantage estimators (:mod:`cs_pipelines.rl.estimators`). ``grpo`` and ``dr_grpo`` are TRL's
own (``scale_rewards``, ``loss_type``); the others replace TRL's advantages."""
TRAINER_ESTIMATORS = ("grpo", "dr_grpo")
K_ESTIMATORS = ("passk_loo", "passk_analytic", "majk_loo")
TASK_KINDS = ("function", "strategy")
ROLLOUTS = ("engine", "trl")
STRATEGY_REWARDS = ("gym", "ladder")
PARENTS_HELP = (
    "champion (the base model before there is one), newest (the newest registered version), "
    "base, or a version number"
)


@dataclass(frozen=True)
class RLConfig:
    """What the launchpad sets; 0 / -1 / "" mean "the preset's value".

    Attributes:
        preset: ``smoke`` (the main job on a CPU: minutes), ``evidence`` (the README's CPU
            runs), ``gpu``, or ``auto`` (gpu on CUDA, smoke otherwise).
        parent: the version RL starts from: ``champion`` (the base model while there is
            none), ``newest`` (the newest registered version: the main job's SFT version),
            ``base``, or a registered version number. A parent adapter trains on; from the base
            model a fresh LoRA adapter does.
        estimator: one of :data:`ESTIMATORS`.
        k: the k of the pass@k / maj@k estimators; 0 = the group size.
        steps: optimizer steps; 0 = preset.
        group_size: completions per task (GRPO's ``num_generations``); 0 = preset.
        tasks_per_step: tasks (groups) per optimizer step; 0 = preset.
        max_completion_tokens: 0 = preset. Long enough to hold a whole answer, or every group
            scores zero.
        temperature / top_p / learning_rate: 0 = preset.
        beta: KL coefficient; negative = preset (0: no reference model). TRL's reference for
            a LoRA policy is the model with the adapter disabled: the base model.
        lora_r / lora_alpha: the fresh adapter's shape when starting from the base; 0 = preset.
        task_kinds: comma-separated ``function``, ``strategy``; "" = preset.
        max_tasks: the task pool's size cap; 0 = preset, -1 = every train task.
        filter_zero_variance: groups whose rewards are all equal carry no signal: leave them out
            of the loss (DAPO's dynamic sampling, as a filter), logging their share per step.
        sft_loss_weight: DataMind's combined objective: TRL's loss plus this weight x the
            negative log-likelihood of each task's verified answer from the SFT train split;
            0 = RL alone.
        rollouts: ``engine`` (the platform's generation engine on the policy as it is, answers
            stopped at the closing code fence) or ``trl`` (TRL's own ``generate``, which runs
            every answer to ``max_completion_tokens``); vLLM, when TRL is set to use it, is
            TRL's path either way.
        reward_timeout_s: per-answer limit in the sandbox (function answers).
        strategy_reward: how strategy answers are rewarded: ``gym`` (the trading gym on its
            training windows: the gate's rungs as partial credit, then the out-of-sample score
            against buy-and-hold; ``GymResource`` holds its settings) or ``ladder`` (the SFT
            ladder's rungs climbed, as a fraction).
        seed: negative = preset (42).
        cpu_threads: torch threads on a CPU; 0 = automatic (as LoRA SFT).
    """

    preset: str = "auto"
    parent: str = "champion"
    estimator: str = "rf++baseline"
    k: int = 0
    steps: int = 0
    group_size: int = 0
    tasks_per_step: int = 0
    max_completion_tokens: int = 0
    temperature: float = 0.0
    top_p: float = 0.0
    learning_rate: float = 0.0
    beta: float = -1.0
    lora_r: int = 0
    lora_alpha: int = 0
    task_kinds: str = ""
    max_tasks: int = 0
    filter_zero_variance: bool = True
    sft_loss_weight: float = 0.0
    rollouts: str = "engine"
    reward_timeout_s: float = 5.0
    strategy_reward: str = "gym"
    seed: int = -1
    cpu_threads: int = 0

    def __post_init__(self) -> None:
        RL_PRESETS.check(self.preset)
        if self.estimator not in ESTIMATORS:
            raise ValueError(f"estimator must be one of {', '.join(ESTIMATORS)}")
        if self.parent not in ("champion", "newest", "base") and not self.parent.isdigit():
            raise ValueError(f"parent must be {PARENTS_HELP}, got {self.parent!r}")
        kinds = set(_kinds(self.task_kinds)) - set(TASK_KINDS)
        if kinds:
            raise ValueError(f"unknown task kinds {sorted(kinds)}; use {', '.join(TASK_KINDS)}")
        for name in ("k", "steps", "group_size", "tasks_per_step", "max_completion_tokens"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0 (0 = the preset's value)")
        if self.rollouts not in ROLLOUTS:
            raise ValueError(f"rollouts must be one of {', '.join(ROLLOUTS)}")
        if self.strategy_reward not in STRATEGY_REWARDS:
            raise ValueError(f"strategy_reward must be one of {', '.join(STRATEGY_REWARDS)}")
        if self.max_tasks < -1 or self.reward_timeout_s <= 0 or self.cpu_threads < 0:
            raise ValueError("max_tasks >= -1, reward_timeout_s > 0 and cpu_threads >= 0")
        if not self.sft_loss_weight >= 0:  # NaN too
            raise ValueError(f"sft_loss_weight must be >= 0, got {self.sft_loss_weight}")


@dataclass(frozen=True, kw_only=True)
class ResolvedRLConfig(RLConfig):
    """Every effective value of one run (MLflow params)."""

    device: str
    bf16: bool

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.group_size < 2:
            raise ValueError("group_size must be >= 2: a group of one has no baseline")
        if self.estimator in K_ESTIMATORS and not 1 <= self.k <= self.group_size:
            raise ValueError(f"k must be in 1..group_size ({self.group_size}), got {self.k}")
        if not 0 < self.top_p <= 1 or self.temperature <= 0 or self.learning_rate <= 0:
            raise ValueError("top_p in (0, 1], temperature > 0 and learning_rate > 0")

    @property
    def kinds(self) -> tuple[str, ...]:
        return _kinds(self.task_kinds)

    def as_params(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _kinds(text: str) -> tuple[str, ...]:
    return tuple(kind.strip() for kind in text.split(",") if kind.strip())


_PRESET_VALUES: dict[str, dict[str, Any]] = {
    # The main job on a 2-core CPU: a few minutes. Function tasks only (short answers); 4 tasks
    # x 4 answers a step, answers up to 256 tokens (the function answers' median is ~150).
    "smoke": {
        "steps": 6,
        "group_size": 4,
        "tasks_per_step": 2,
        "max_completion_tokens": 256,
        "temperature": 0.8,
        "top_p": 0.95,
        "learning_rate": 2e-4,
        "beta": 0.0,
        "lora_r": 8,
        "lora_alpha": 16,
        "task_kinds": "function",
        "max_tasks": 32,
        "bf16": False,
    },
    # The README's CPU evidence (benchmarks/rl_evidence.py): ~80 s a step on 2 cores, so 8 steps
    # of 2 tasks x 4 answers per estimator keep four estimators and six models' pass@5 within
    # about two hours.
    "evidence": {
        "steps": 8,
        "group_size": 4,
        "tasks_per_step": 2,
        "max_completion_tokens": 256,
        "temperature": 0.8,
        "top_p": 0.95,
        "learning_rate": 1e-4,
        "beta": 0.0,
        "lora_r": 8,
        "lora_alpha": 16,
        "task_kinds": "function",
        "max_tasks": -1,
        "bf16": False,
    },
    # One GPU: strategies too, long answers, bigger groups.
    "gpu": {
        "steps": 200,
        "group_size": 16,
        "tasks_per_step": 8,
        "max_completion_tokens": 768,
        "temperature": 1.0,
        "top_p": 1.0,
        "learning_rate": 5e-5,
        "beta": 0.0,
        "lora_r": 16,
        "lora_alpha": 32,
        "task_kinds": "function,strategy",
        "max_tasks": -1,
        "bf16": True,
    },
}
DEFAULT_SEED = 42
_UNSET_WHEN_NEGATIVE = ("beta", "seed")


def resolve_rl(config: RLConfig, cuda: bool) -> ResolvedRLConfig:
    """Fill every "preset's value" field; bf16 only ever on CUDA."""
    preset = RL_PRESETS.concrete(config.preset, cuda)
    values = {**_PRESET_VALUES[preset], "seed": DEFAULT_SEED}
    own = dataclasses.asdict(config)
    chosen: dict[str, Any] = {"preset": preset, "device": "cuda" if cuda else "cpu"}
    chosen["bf16"] = bool(values["bf16"]) and cuda
    hints = typing.get_type_hints(RLConfig)
    for name, value in own.items():
        if name == "preset":
            continue
        if name in values:
            unset = value < 0 if name in _UNSET_WHEN_NEGATIVE else value in (0, "")
            value = values[name] if unset else value
        chosen[name] = hints[name](value)
    if chosen["k"] == 0:
        chosen["k"] = chosen["group_size"]
    return ResolvedRLConfig(**chosen)
