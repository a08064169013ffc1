"""GRPO-style RL on a LoRA adapter with TRL's ``GRPOTrainer``, verifiable rewards and a choice
of advantage estimator.

What this adds to TRL, each where TRL leaves a seam:

* **Rollouts through the platform's engine** (:class:`~cs_pipelines.models.generation.
  TransformersGenerator.from_model`): the policy is sampled as it is at that step (LoRA
  unmerged), finished rows leave the batch, and answers stop at the closing code fence, as
  CryptoEval poses them. vLLM, when TRL is told to use it, stays TRL's own path.
* **Advantages**: ``grpo`` and ``dr_grpo`` are TRL's own settings; every other estimator
  (:mod:`cs_pipelines.rl.estimators`) replaces the ``advantages`` TRL computed, after TRL's
  ``_generate_and_score_completions`` (which has no hook for it), from the same batch's rewards.
* **Zero-variance groups** (all answers scored alike: no signal) are left out of the loss when
  ``filter_zero_variance`` is on, and their share is logged each step.
* **The SFT loss, mixed in** (``sft_loss_weight``; DataMind's combined objective): the
  token-mean negative log-likelihood of each task's verified answer from the SFT train split,
  once per group, added to TRL's loss with that weight, so RL does not drift from what SFT
  taught while the rewards are sparse.
* **A run that trains nothing fails**: no trainable parameters (continuing an adapter loaded
  frozen trains nothing silently, trl issues 3031 and 6700) is an error before training; LoRA
  weights unchanged after it is a :class:`NoSignal` (no answer had an advantage) or an
  error.
"""

from __future__ import annotations

import logging
import math
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
from transformers import PrinterCallback, TrainerCallback

from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, CODE_STOP
from cs_pipelines.models.device import cuda_available
from cs_pipelines.rl.config import (
    K_ESTIMATORS,
    TRAINER_ESTIMATORS,
    ResolvedRLConfig,
    RLConfig,
    resolve_rl,
)
from cs_pipelines.rl.pool import RLTask
from cs_pipelines.rl.rewards import REWARD_NAME, TaskRewards
from cs_pipelines.training.callbacks import ProgressFn
from cs_pipelines.training.config import DEFAULT_TARGET_MODULES, TrainingError
from cs_pipelines.training.sft import (
    cpu_threads,
    load_tokenizer,
    peak_memory_mb,
    quiet_peft,
    save_adapter,
)

logger = logging.getLogger(__name__)

RL_MANIFEST = "cs_rl.json"
STEP_METRICS = (
    "reward",
    "reward_std",
    "frac_reward_zero_std",
    "rl/filtered_share",
    "rl/sft_loss",
    "kl",
    "entropy",
    "completions/mean_length",
    "completions/clipped_ratio",
    "loss",
    "grad_norm",
    "learning_rate",
    "timing/generation_s",
    "timing/scoring_s",
    "timing/step_s",
)


class RLError(TrainingError):
    """RL cannot start or trained nothing; the message names the cause."""


class NoSignal(RLError):
    """Every answer's advantage was zero at every step: the policy got no gradient.

    ``result`` holds the run's timings and per-step history (no adapter was written)."""

    def __init__(self, message: str, result: RLResult) -> None:
        super().__init__(message)
        self.result = result


@dataclass
class RLResult:
    """What one :func:`train_rl` call produced (``history``: one record per logged step)."""

    adapter_dir: Path
    config: ResolvedRLConfig
    parent: str
    n_tasks: int
    steps: int
    duration_s: float
    trainable_parameters: int
    lora_change: float
    rollout_tokens: int
    generation_s: float
    scoring_s: float
    train_s: float
    peak_memory_mb: float
    history: list[dict[str, float]] = field(default_factory=list)

    kind = "rl"
    step_metrics = STEP_METRICS

    @property
    def preset(self) -> str:
        return self.config.preset

    @property
    def rollout_tokens_per_s(self) -> float:
        return self.rollout_tokens / self.generation_s if self.generation_s else 0.0

    def shares(self) -> dict[str, float]:
        """The share of training time spent generating, scoring and updating."""
        total = self.train_s or 1.0
        update = max(self.train_s - self.generation_s - self.scoring_s, 0.0)
        return {
            "generation": self.generation_s / total,
            "scoring": self.scoring_s / total,
            "update": update / total,
        }

    def mlflow_params(self) -> dict[str, Any]:
        return {**self.config.as_params(), "parent_version": self.parent, "n_tasks": self.n_tasks}

    def final_metrics(self) -> dict[str, float]:
        rewards = [h["reward"] for h in self.history if "reward" in h]
        return {
            "final/steps": self.steps,
            "final/reward_first": rewards[0] if rewards else math.nan,
            "final/reward_last": rewards[-1] if rewards else math.nan,
            "final/lora_change": self.lora_change,
            "final/trainable_parameters": self.trainable_parameters,
            "final/rollout_tokens_per_s": self.rollout_tokens_per_s,
            "final/duration_s": self.duration_s,
            "final/peak_memory_mb": self.peak_memory_mb,
            **{f"final/{k}_share": v for k, v in self.shares().items()},
        }

    def as_metadata(self) -> dict[str, Any]:
        step_s = [h["timing/step_s"] for h in self.history if "timing/step_s" in h]
        return {
            "adapter_dir": str(self.adapter_dir),
            "preset": self.config.preset,
            "estimator": self.config.estimator,
            "parent_version": self.parent,
            "tasks": self.n_tasks,
            "steps": self.steps,
            "group_size": self.config.group_size,
            "tasks_per_step": self.config.tasks_per_step,
            "trainable_parameters": self.trainable_parameters,
            "lora_change": round(self.lora_change, 6),
            "median_step_s": round(statistics.median(step_s), 1) if step_s else None,
            "rollout_tokens_per_s": round(self.rollout_tokens_per_s, 1),
            **{f"{k}_share": round(v, 3) for k, v in self.shares().items()},
            "duration_s": round(self.duration_s, 1),
            "peak_memory_mb": round(self.peak_memory_mb, 1),
        }


def train_rl(
    base_model_dir: Path,
    parent_adapter: Path | None,
    tasks: Sequence[RLTask],
    rewards: TaskRewards,
    output_dir: Path,
    config: RLConfig,
    parent: str = "base",
    progress: ProgressFn | None = None,
) -> RLResult:
    """Train the parent (the base model, or it with ``parent_adapter``) on ``tasks`` with
    ``rewards``; write the adapter to ``output_dir/adapter``. See the module docstring.

    Raises:
        RLError: an empty task pool, nothing trainable, a non-finite loss, LoRA unchanged.
        NoSignal: every answer of every step had a zero advantage (nothing to learn from).
    """
    started = time.perf_counter()
    if not tasks:
        raise RLError("the RL task pool is empty: nothing to train on")
    cuda = cuda_available()
    resolved = resolve_rl(config, cuda)
    tokenizer = load_tokenizer(parent_adapter or base_model_dir)
    model = _policy(base_model_dir, parent_adapter, resolved)
    timings = _Timings()
    trainer = _build_trainer(model, tokenizer, tasks, rewards, resolved, output_dir, timings)
    trainable = {
        name: p.detach().clone() for name, p in trainer.model.named_parameters() if p.requires_grad
    }
    n_trainable = sum(p.numel() for p in trainable.values())
    if n_trainable == 0:
        raise RLError(
            "the policy has no trainable parameters (a parent adapter loaded frozen trains "
            "nothing): refusing to run"
        )
    logger.info(
        "RL (%s, %s preset on %s): %d tasks, %d x %d answers a step, %d steps, from %s",
        resolved.estimator,
        resolved.preset,
        resolved.device,
        len(tasks),
        resolved.tasks_per_step,
        resolved.group_size,
        resolved.steps,
        parent,
    )
    trainer.add_callback(_Progress(progress or _log_rl_progress, timings))
    with cpu_threads(resolved):  # type: ignore[arg-type]
        train_started = time.perf_counter()
        trainer.train()
        train_s = time.perf_counter() - train_started
    history = _history(trainer.state.log_history)
    change = _lora_change(trainer.model, trainable)
    if not math.isfinite(change) or any(not math.isfinite(h.get("loss", 0.0)) for h in history):
        raise RLError("the RL loss or the adapter's weights became non-finite")
    adapter_dir = output_dir / "adapter"
    result = RLResult(
        adapter_dir=adapter_dir,
        config=resolved,
        parent=parent,
        n_tasks=len(tasks),
        steps=trainer.state.global_step,
        duration_s=time.perf_counter() - started,
        trainable_parameters=n_trainable,
        lora_change=change,
        rollout_tokens=timings.tokens,
        generation_s=timings.generation_s,
        scoring_s=timings.scoring_s,
        train_s=train_s,
        peak_memory_mb=peak_memory_mb(cuda),
        history=history,
    )
    if change == 0.0:
        if timings.signal_steps == 0:
            raise NoSignal(
                f"every answer of all {result.steps} steps had a zero advantage "
                "(zero reward variance in every group, or no answer off its group's baseline): "
                "the policy got no gradient, so no version is registered",
                result,
            )
        raise RLError("the LoRA weights did not change although answers had advantages")
    save_adapter(
        trainer, tokenizer, adapter_dir, {"parent": parent, **resolved.as_params()}, RL_MANIFEST
    )
    return result


def _policy(base_model_dir: Path, parent_adapter: Path | None, resolved: ResolvedRLConfig) -> Any:
    """The model RL trains: base + the parent's adapter made trainable, or base + a fresh one."""
    from peft import LoraConfig, PeftModel, get_peft_model
    from transformers import AutoModelForCausalLM

    dtype = torch.bfloat16 if resolved.bf16 else torch.float32
    model = AutoModelForCausalLM.from_pretrained(base_model_dir, dtype=dtype, local_files_only=True)
    with quiet_peft():
        if parent_adapter is not None:
            return PeftModel.from_pretrained(model, parent_adapter, is_trainable=True)
        lora = LoraConfig(
            r=resolved.lora_r,
            lora_alpha=resolved.lora_alpha,
            lora_dropout=0.0,
            target_modules=DEFAULT_TARGET_MODULES.split(","),
            bias="none",
            task_type="CAUSAL_LM",
        )
        return get_peft_model(model, lora)


@dataclass
class _Timings:
    """Per-step generation and scoring seconds, rollout tokens and signal counts."""

    generation_s: float = 0.0
    scoring_s: float = 0.0
    tokens: int = 0
    signal_steps: int = 0
    step: dict[str, float] = field(default_factory=dict)


def _dataset(tasks: Sequence[RLTask], tokenizer: Any, seed: int) -> Any:
    from datasets import Dataset

    rows = [
        {
            "prompt": tokenizer.apply_chat_template(
                list(t.messages), add_generation_prompt=True, tokenize=False
            )
            + CODE_PREFILL,
            "task_id": t.task_id,
            "reference": t.reference.removeprefix(CODE_PREFILL),
        }
        for t in tasks
    ]
    return Dataset.from_list(rows).shuffle(seed=seed)


def grpo_config(resolved: ResolvedRLConfig, output_dir: Path) -> Any:
    """TRL's ``GRPOConfig`` for the resolved values (TRL 1.16 field names)."""
    from trl import GRPOConfig

    cuda = resolved.device == "cuda"
    scale = "none" if resolved.estimator == "dr_grpo" else "group"
    return GRPOConfig(
        output_dir=str(output_dir / "checkpoints"),
        per_device_train_batch_size=resolved.tasks_per_step * resolved.group_size,
        gradient_accumulation_steps=1,
        num_generations=resolved.group_size,
        max_completion_length=resolved.max_completion_tokens,
        temperature=resolved.temperature,
        top_p=resolved.top_p,
        learning_rate=resolved.learning_rate,
        beta=resolved.beta,
        scale_rewards=scale,
        loss_type="dr_grpo" if resolved.estimator == "dr_grpo" else "dapo",
        max_steps=resolved.steps,
        lr_scheduler_type="constant",
        warmup_steps=0,
        logging_steps=1,
        save_strategy="no",
        seed=resolved.seed,
        data_seed=resolved.seed,
        bf16=resolved.bf16,
        use_cpu=not cuda,
        report_to="none",
        disable_tqdm=True,
        remove_unused_columns=False,
        dataloader_pin_memory=cuda,
    )


def _build_trainer(
    model: Any,
    tokenizer: Any,
    tasks: Sequence[RLTask],
    rewards: TaskRewards,
    resolved: ResolvedRLConfig,
    output_dir: Path,
    timings: _Timings,
) -> Any:
    from trl import GRPOTrainer

    class _Trainer(_RLTrainerMixin, GRPOTrainer):
        pass

    timed_rewards = _TimedRewards(rewards, timings)
    tokenizer.padding_side = "left"
    with quiet_peft():
        trainer = _Trainer(
            model=model,
            reward_funcs=[timed_rewards],
            args=grpo_config(resolved, output_dir),
            train_dataset=_dataset(tasks, tokenizer, resolved.seed),
            processing_class=tokenizer,
        )
    trainer.rl_settings, trainer.rl_rewards, trainer.rl_timings = resolved, rewards, timings
    trainer.remove_callback(PrinterCallback)  # our progress lines replace its printed dicts
    return trainer


class _TimedRewards:
    """The reward function, timed (scoring's share of a step)."""

    __name__ = REWARD_NAME

    def __init__(self, rewards: TaskRewards, timings: _Timings) -> None:
        self.rewards, self.timings = rewards, timings

    def __call__(self, *args: Any, **kwargs: Any) -> list[float | None]:
        started = time.perf_counter()
        try:
            return self.rewards(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - started
            self.timings.scoring_s += elapsed
            self.timings.step["scoring_s"] = self.timings.step.get("scoring_s", 0.0) + elapsed


class _RLTrainerMixin:
    """Our rollouts, advantages and zero-variance filter on top of ``GRPOTrainer``."""

    rl_settings: ResolvedRLConfig
    rl_rewards: TaskRewards
    rl_timings: _Timings

    def _generate_single_turn(  # type: ignore[override]
        self, prompt_ids: list[list[int]], images: Any, fields: Any, *args: Any, **kw: Any
    ) -> tuple[list[list[int]], Any]:
        started = time.perf_counter()
        if self.rl_settings.rollouts == "trl" or self.use_vllm or images is not None:  # type: ignore[attr-defined]
            completions, logprobs = super()._generate_single_turn(  # type: ignore[misc]
                prompt_ids, images, fields, *args, **kw
            )
        else:
            completions, logprobs = self._engine_rollouts(prompt_ids), None
        elapsed = time.perf_counter() - started
        timings = self.rl_timings
        timings.generation_s += elapsed
        timings.step["generation_s"] = timings.step.get("generation_s", 0.0) + elapsed
        timings.tokens += sum(len(c) for c in completions)
        return completions, logprobs

    def _engine_rollouts(self, prompt_ids: list[list[int]]) -> list[list[int]]:
        """The policy's answers through the platform's engine, stopped at the closing fence."""
        from cs_pipelines.models.generation import TransformersGenerator

        settings = self.rl_settings
        policy = self.accelerator.unwrap_model(self.model)  # type: ignore[attr-defined]
        engine = TransformersGenerator.from_model(
            policy,
            self.processing_class,  # type: ignore[attr-defined]
            batch_size=len(prompt_ids),
            name="RL policy",
        )
        outputs = engine.generate(
            prompt_ids,
            temperature=settings.temperature,
            top_p=settings.top_p,
            max_new_tokens=settings.max_completion_tokens,
            stop=CODE_STOP,
        )
        return [list(samples[0].token_ids) for samples in outputs]

    def _generate_and_score_completions(self, inputs: Any) -> dict[str, Any]:
        output = super()._generate_and_score_completions(inputs)  # type: ignore[misc]
        from accelerate.utils import gather_object

        outcomes = gather_object(list(self.rl_rewards.last))
        group = self.rl_settings.group_size
        rewards = np.array(
            [np.nan if o.reward is None else o.reward for o in outcomes], dtype=float
        ).reshape(-1, group)
        advantages = self._advantages(rewards, outcomes, group)
        local = slice(
            self.accelerator.process_index * len(inputs),  # type: ignore[attr-defined]
            (self.accelerator.process_index + 1) * len(inputs),  # type: ignore[attr-defined]
        )
        device = output["advantages"].device
        if advantages is not None:
            output["advantages"] = torch.tensor(advantages.ravel()[local], device=device).to(
                output["advantages"].dtype
            )
        flat = _flat_groups(rewards)
        if flat.any() and self.rl_settings.filter_zero_variance:
            keep = torch.tensor(~np.repeat(flat, group)[local], device=device)
            output["completion_mask"] = output["completion_mask"] * keep[:, None].int()
            kept = self.accelerator.gather(output["completion_mask"].sum())  # type: ignore[attr-defined]
            output["num_items_in_batch"] = kept.sum().clamp(min=1)
        live = output["advantages"].abs() * output["completion_mask"].sum(-1).clamp(max=1)
        if bool(self.accelerator.gather(live.sum()).sum() > 0):  # type: ignore[attr-defined]
            self.rl_timings.signal_steps += 1
        self._metrics["train"]["rl/filtered_share"].append(float(flat.mean()))  # type: ignore[attr-defined]
        if self.rl_settings.sft_loss_weight > 0:
            output.update(_reference_batch(self.processing_class, inputs, group, device))  # type: ignore[attr-defined]
        return output

    def compute_loss(
        self, model: Any, inputs: Any, return_outputs: bool = False, num_items_in_batch: Any = None
    ) -> Any:
        """TRL's loss, plus ``sft_loss_weight`` x the verified answers' NLL where that is on."""
        loss = super().compute_loss(model, inputs, return_outputs, num_items_in_batch)  # type: ignore[misc]
        weight = self.rl_settings.sft_loss_weight
        if weight <= 0 or "sft_targets" not in inputs or not bool(inputs["sft_targets"].any()):
            return loss
        nll = _reference_nll(
            model, inputs["sft_ids"], inputs["sft_attention"], inputs["sft_targets"]
        )
        mode = "train" if model.training else "eval"
        self._metrics[mode]["rl/sft_loss"].append(float(nll.detach()))  # type: ignore[attr-defined]
        # TRL scales its own loss for gradient accumulation (the Trainer's scaling is off).
        accumulation = self.current_gradient_accumulation_steps if mode == "train" else 1  # type: ignore[attr-defined]
        return loss + weight * nll / accumulation

    def _advantages(
        self, rewards: np.ndarray, outcomes: list[Any], group: int
    ) -> np.ndarray | None:
        """The chosen estimator's advantages, or None to keep TRL's (grpo, dr_grpo)."""
        from cs_pipelines.rl.estimators import compute_advantages

        settings = self.rl_settings
        if settings.estimator in TRAINER_ESTIMATORS:
            return None
        unscorable = np.isnan(rewards)
        inputs: dict[str, Any] = {}
        if settings.estimator in K_ESTIMATORS:
            inputs["k"] = settings.k
        if settings.estimator == "majk_loo":
            inputs["signatures"] = [
                [o.signature for o in outcomes[i : i + group]]
                for i in range(0, len(outcomes), group)
            ]
            inputs["correct"] = np.array([o.correct for o in outcomes], dtype=float).reshape(
                -1, group
            )
        advantages = compute_advantages(settings.estimator, _fill_unscorable(rewards), **inputs)
        return np.where(unscorable, 0.0, advantages)


def _reference_batch(
    tokenizer: Any, inputs: list[dict[str, Any]], group: int, device: Any
) -> dict[str, torch.Tensor]:
    """Prompt + verified answer token ids (right-padded), their attention mask, and which
    tokens are answer tokens to score: on the first row of each group only (the others repeat
    the same prompt), none for a task without a reference."""
    rows: list[tuple[list[int], int]] = []
    for i, row in enumerate(inputs):
        answer = row.get("reference", "") if i % group == 0 else ""
        if not answer:  # an empty row keeps the batch aligned; nothing of it is scored
            rows.append(([], 0))
            continue
        prompt = tokenizer(row["prompt"], add_special_tokens=False)["input_ids"]
        rows.append(
            (prompt + tokenizer(answer, add_special_tokens=False)["input_ids"], len(prompt))
        )
    width = max(1, *(len(ids) for ids, _ in rows))
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    ids = torch.full((len(rows), width), pad, dtype=torch.long)
    attention = torch.zeros((len(rows), width), dtype=torch.long)
    targets = torch.zeros((len(rows), width), dtype=torch.bool)
    for r, (row_ids, prompt_len) in enumerate(rows):
        ids[r, : len(row_ids)] = torch.tensor(row_ids, dtype=torch.long)
        attention[r, : len(row_ids)] = 1
        targets[r, prompt_len : len(row_ids)] = True
    return {
        "sft_ids": ids.to(device),
        "sft_attention": attention.to(device),
        "sft_targets": targets.to(device),
    }


def _reference_nll(
    model: Any, ids: torch.Tensor, attention: torch.Tensor, targets: torch.Tensor
) -> torch.Tensor:
    """Token-mean negative log-likelihood of the ``targets`` tokens (rows without any skipped)."""
    keep = targets.any(dim=-1)
    ids, attention, targets = ids[keep], attention[keep], targets[keep]
    logits = model(input_ids=ids, attention_mask=attention).logits[:, :-1].float()
    labels = ids[:, 1:].masked_fill(~targets[:, 1:], -100)
    return torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.size(-1)), labels.reshape(-1), ignore_index=-100
    )


def _fill_unscorable(rewards: np.ndarray) -> np.ndarray:
    """Unscorable answers (NaN) stand at their group's mean, so they pull no way (0 for a
    group with no score at all); their advantage is zeroed afterwards."""
    unscorable = np.isnan(rewards)
    if not unscorable.any():
        return rewards
    counts = (~unscorable).sum(axis=1, keepdims=True)
    means = np.where(unscorable, 0.0, rewards).sum(axis=1, keepdims=True) / np.maximum(counts, 1)
    return np.where(unscorable, means, rewards)


def _flat_groups(rewards: np.ndarray) -> np.ndarray:
    """Per group: were all its scorable rewards equal (no signal)?"""
    spread = np.nanmax(rewards, axis=1) - np.nanmin(rewards, axis=1) if rewards.size else rewards
    return ~(np.nan_to_num(spread, nan=0.0) > 0)


class _Progress(TrainerCallback):
    """A progress line per step, and the step's timings into its log record."""

    def __init__(self, progress: ProgressFn, timings: _Timings) -> None:
        self.progress, self.timings = progress, timings
        self.step_started = time.perf_counter()
        self.started = time.perf_counter()

    def on_step_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self.step_started = time.perf_counter()

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        self.timings.step["step_s"] = time.perf_counter() - self.step_started

    def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **kwargs: Any) -> None:
        logs = logs if logs is not None else {}
        timing = {f"timing/{key}": value for key, value in self.timings.step.items()}
        self.timings.step = {}
        logs.update(timing)
        if state.log_history:  # the Trainer recorded a copy of ``logs`` before calling us
            state.log_history[-1].update(timing)
        if "reward" not in logs:
            return
        elapsed = time.perf_counter() - self.started
        done = max(state.global_step, 1)
        self.progress(
            {
                "event": "rl",
                "step": state.global_step,
                "max_steps": state.max_steps,
                "reward": logs.get("reward"),
                "filtered_share": logs.get("rl/filtered_share"),
                "elapsed_s": elapsed,
                "eta_s": elapsed / done * max(state.max_steps - state.global_step, 0),
            }
        )


def format_rl_progress(event: dict[str, Any]) -> str:
    parts = [f"RL step {event['step']}/{event['max_steps']}"]
    if event.get("reward") is not None:
        parts.append(f"reward {event['reward']:.3f}")
    if event.get("filtered_share") is not None:
        parts.append(f"zero-variance groups {event['filtered_share']:.0%}")
    parts.append(f"elapsed {event['elapsed_s']:.0f} s, ETA {event['eta_s']:.0f} s")
    return ", ".join(parts)


def _history(log_history: list[dict[str, Any]]) -> list[dict[str, float]]:
    rows = []
    for entry in log_history:
        if "train_loss" in entry or "step" not in entry:
            continue
        rows.append({k: float(v) for k, v in entry.items() if isinstance(v, int | float)})
    return rows


def _lora_change(model: Any, before: dict[str, torch.Tensor]) -> float:
    """The largest absolute change of any trainable weight."""
    change = 0.0
    for name, parameter in model.named_parameters():
        if name in before:
            change = max(change, float((parameter.detach() - before[name]).abs().max()))
    return change


def _log_rl_progress(event: dict[str, Any]) -> None:
    logger.info("%s", format_rl_progress(event))
