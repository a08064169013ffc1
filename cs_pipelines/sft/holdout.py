"""Held-out SFT tasks: how well a model version writes strategies and functions for task
families it never trained on.

The SFT dataset splits by task family, so the validation split's tasks are unseen by every
adapter trained on the train split. A model version is judged on them two ways:

* **verified@1**: one greedy, zero-shot answer per task, climbed up the same verification ladder
  the training data passed: for a strategy, parses, imports, runs, trades, matches the task's
  spec, reruns the same; for a function (posed as CryptoEval poses one), parses, imports,
  passes the task's tests, reruns the same. The share that reaches the top is the
  execution-grounded score, also reported per kind; the mean number of strategy rungs passed
  shows progress below it.
* **completion loss**: the mean per-token cross-entropy of the held-out reference answers given
  their prompts, tokens counted as in training (the assistant turn after the chat template's
  generation prompt), so base and fine-tuned versions are measured on the same footing.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from cs_pipelines.cryptoeval.sampling import SamplingConfig, generate_samples
from cs_pipelines.models.sampling import EngineSettings, SamplingSettings
from cs_pipelines.sft.candidates import MODEL, Candidate, candidate_id
from cs_pipelines.sft.function_tasks import (
    FUNCTION_RUNGS,
    FunctionTask,
    is_function_task_id,
    verify_function_candidates,
)
from cs_pipelines.sft.ladder import RUNGS, LadderConfig, VerifiedCandidate, verify_candidates
from cs_pipelines.sft.model_candidates import ModelCandidateConfig, model_candidates
from cs_pipelines.sft.tasks import StrategyTask

HeldOutTask = StrategyTask | FunctionTask
STOPPED_AT = ("none", *RUNGS, *(r for r in FUNCTION_RUNGS if r not in RUNGS))

Message = dict[str, str]


@dataclass(frozen=True)
class HoldoutConfig(SamplingSettings, EngineSettings):
    """How a model version answers the held-out tasks (one greedy, zero-shot answer per task by
    default, so two versions differ only in their weights)."""

    max_new_tokens: int = 512
    max_tasks: int = 6  # 0: every held-out task (each costs ~20 s of decoding on 2 CPU cores)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.n_samples != 1:
            raise ValueError(
                f"a held-out task gets one answer: n_samples must be 1, not {self.n_samples}"
            )

    def sampling(self) -> ModelCandidateConfig:
        return ModelCandidateConfig(**self.sampling_fields(), few_shot_k=0)

    def function_sampling(self) -> SamplingConfig:
        return SamplingConfig(**self.sampling_fields())


@dataclass
class HoldoutEvaluation:
    """One model version on the held-out tasks."""

    version: str
    rows: list[VerifiedCandidate]
    completion_loss: float
    loss_tokens: int
    generation_s: float = 0.0
    families: list[str] = field(default_factory=list)

    @property
    def verified_rate(self) -> float:
        return _verified_share(self.rows)

    @property
    def strategy_rows(self) -> list[VerifiedCandidate]:
        return [r for r in self.rows if not is_function_task_id(r.task_id)]

    @property
    def function_rows(self) -> list[VerifiedCandidate]:
        return [r for r in self.rows if is_function_task_id(r.task_id)]

    @property
    def mean_rungs_passed(self) -> float:
        """Strategy rungs passed per strategy answer, 0 (does not parse) to len(RUNGS)."""
        rows = self.strategy_rows
        return sum(r.rung + 1 for r in rows) / len(rows) if rows else math.nan

    def rung_counts(self) -> dict[str, int]:
        """How many answers got no further than each rung ("none": not even parsed)."""
        counts = Counter(r.rung_name or "none" for r in self.rows)
        return {name: counts.get(name, 0) for name in STOPPED_AT}

    def scores(self) -> dict[str, float]:
        return {
            "verified@1": self.verified_rate,
            "strategy/verified@1": _verified_share(self.strategy_rows),
            "function/verified@1": _verified_share(self.function_rows),
            "mean_rungs_passed": self.mean_rungs_passed,
            "completion_loss": self.completion_loss,
        }


def _verified_share(rows: Sequence[VerifiedCandidate]) -> float:
    return sum(r.verified for r in rows) / len(rows) if rows else math.nan


def holdout_tasks(
    validation_task_ids: Sequence[str], tasks: Mapping[str, HeldOutTask], max_tasks: int = 0
) -> list[HeldOutTask]:
    """The tasks of the validation split in a stable order, strategies and functions taking
    turns so that a ``max_tasks`` cap keeps both kinds; an error names the ids that the task
    tables lack (the data set and the tasks are out of step)."""
    wanted = sorted(set(validation_task_ids))
    missing = [task_id for task_id in wanted if task_id not in tasks]
    if missing:
        raise ValueError(
            f"{len(missing)} held-out task ids are not in strategy_tasks or function_tasks "
            f"(e.g. {missing[:3]}): rematerialize the tasks and sft_dataset together"
        )
    strategies = [tasks[t] for t in wanted if not is_function_task_id(t)]
    functions = [tasks[t] for t in wanted if is_function_task_id(t)]
    turns = [task for pair in zip(strategies, functions, strict=False) for task in pair]
    shorter = min(len(strategies), len(functions))
    chosen = turns + strategies[shorter:] + functions[shorter:]
    return chosen[:max_tasks] if max_tasks else chosen


def completion_loss(
    model: Any, tokenizer: Any, chats: Sequence[Sequence[Message]]
) -> tuple[float, int]:
    """Mean cross-entropy per answer token of each chat's final assistant turn, and the number
    of tokens it averages over."""
    import torch

    total, count = 0.0, 0
    device = next(model.parameters()).device
    with torch.no_grad():
        for chat in chats:
            prompt = tokenizer.apply_chat_template(
                list(chat[:-1]), add_generation_prompt=True, tokenize=False
            )
            full = tokenizer.apply_chat_template(list(chat), tokenize=False)
            if not full.startswith(prompt):
                raise ValueError("the chat template renders the prompt differently in the chat")
            prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
            answer_ids = tokenizer(full[len(prompt) :], add_special_tokens=False)["input_ids"]
            if not answer_ids:
                continue
            ids = torch.tensor([prompt_ids + answer_ids], device=device)
            labels = ids.clone()
            labels[0, : len(prompt_ids)] = -100
            loss = model(input_ids=ids, labels=labels).loss
            total += float(loss) * len(answer_ids)
            count += len(answer_ids)
    return (total / count if count else math.nan), count


def evaluate_holdout(
    version: str,
    tasks: Sequence[HeldOutTask],
    chats: Sequence[Sequence[Message]],
    generator: Any,
    bars: Mapping[str, pl.DataFrame],
    pool: Any,
    config: HoldoutConfig | None = None,
    ladder: LadderConfig | None = None,
) -> HoldoutEvaluation:
    """Answer every held-out task once, verify the answers on the ladder, and measure the
    reference answers' completion loss (``chats``: the validation split's messages).
    ``generator`` is a :class:`~cs_pipelines.models.generation.TransformersGenerator`."""
    config = config or HoldoutConfig()
    if not tasks:
        raise ValueError("no held-out tasks: the SFT dataset's validation split is empty")
    strategies = [t for t in tasks if isinstance(t, StrategyTask)]
    functions = [t for t in tasks if isinstance(t, FunctionTask)]
    started = time.monotonic()
    strategy_answers = model_candidates(strategies, generator, config.sampling())
    function_answers = function_candidates(functions, generator, config.function_sampling())
    generation_s = time.monotonic() - started
    rows = verify_candidates(
        strategy_answers, {t.task_id: t for t in strategies}, bars, pool, ladder
    ) + verify_function_candidates(
        function_answers, {t.task_id: t for t in functions}, pool, ladder
    )
    order = {t.task_id: i for i, t in enumerate(tasks)}
    rows.sort(key=lambda row: order[row.task_id])
    loss, tokens = completion_loss(generator.model, generator.tokenizer, chats)
    return HoldoutEvaluation(
        version=version,
        rows=rows,
        completion_loss=loss,
        loss_tokens=tokens,
        generation_s=generation_s,
        families=sorted({t.family for t in tasks}),
    )


def function_candidates(
    tasks: Sequence[FunctionTask], generator: Any, config: SamplingConfig
) -> list[Candidate]:
    """The model's answers to function tasks, sampled exactly as CryptoEval samples them; each
    candidate's code is the task's prompt with the completion, a module defining the function."""
    if not tasks:
        return []
    by_id = {t.task_id: t for t in tasks}
    candidates = []
    for sample in generate_samples([t.task for t in tasks], generator, config):
        task = by_id[sample["task_id"]]
        code = task.task.prompt + sample["completion"]
        candidates.append(
            Candidate(
                task_id=task.task_id,
                candidate_id=candidate_id(task.task_id, MODEL, code),
                source=MODEL,
                code=code,
                instruction=task.instruction,
                meta={"n_tokens": sample["n_tokens"], "finish_reason": sample["finish_reason"]},
            )
        )
    return candidates


def scores_frame(evaluation: HoldoutEvaluation) -> pl.DataFrame:
    """One row per score for the warehouse table ``sft_holdout_scores``."""
    scores = evaluation.scores()
    return pl.DataFrame(
        {
            "model_version": evaluation.version,
            "metric": list(scores),
            "value": list(scores.values()),
            "n_tasks": len(evaluation.rows),
        },
        schema_overrides={"value": pl.Float64, "n_tasks": pl.Int64},
    )


def results_frame(evaluation: HoldoutEvaluation, tasks: Sequence[HeldOutTask]) -> pl.DataFrame:
    """One row per held-out task for the warehouse table ``sft_holdout_results``."""
    by_id = {t.task_id: t for t in tasks}
    return pl.DataFrame(
        [
            {
                "model_version": evaluation.version,
                "task_id": row.task_id,
                "kind": "function" if is_function_task_id(row.task_id) else "strategy",
                "family": by_id[row.task_id].family,
                "difficulty": by_id[row.task_id].difficulty,
                "rung": row.rung,
                "rung_name": row.rung_name,
                "verified": row.verified,
                "stop_reason": row.stop_reason,
                "n_tokens": int(row.meta.get("candidate", {}).get("n_tokens") or 0),
                "code": row.code,
            }
            for row in evaluation.rows
        ],
        schema_overrides={"difficulty": pl.Int64, "rung": pl.Int64, "n_tokens": pl.Int64},
    )
