"""The RL task pool: tasks of the SFT set's train split only, posed as CryptoEval poses them.

RL optimises whatever it is shown, so what it is shown must never be what the model is judged
on: the pool holds train-split tasks alone, so CryptoEval, the SFT validation families and the
held-out scores stay unseen. :func:`pool_problems` is the check behind the asset check.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cs_pipelines.cryptoeval.sampling import task_messages as function_messages
from cs_pipelines.sft.function_tasks import FunctionTask, is_function_task_id
from cs_pipelines.sft.model_candidates import ModelCandidateConfig
from cs_pipelines.sft.model_candidates import task_messages as strategy_messages


@dataclass(frozen=True)
class RLTask:
    """One task RL samples answers for: its id, kind and the chat it is posed as; ``reference``
    is its verified answer in the SFT train split ("" when unknown), for the SFT-loss mix."""

    task_id: str
    kind: str
    messages: tuple[dict[str, str], ...]
    reference: str = ""


class TaskPoolError(ValueError):
    """The pool cannot be built: no tasks of the wanted kinds in the train split."""


def kind_of(task_id: str) -> str:
    return "function" if is_function_task_id(task_id) else "strategy"


def build_task_pool(
    train_task_ids: Iterable[str],
    tasks_by_id: Mapping[str, Any],
    kinds: Sequence[str],
    max_tasks: int = -1,
    seed: int = 0,
    references: Mapping[str, str] | None = None,
) -> list[RLTask]:
    """The train split's tasks of ``kinds`` (a seeded sample of ``max_tasks`` of them, -1: all),
    functions first within a stable order; each posed in the chat its kind is asked in, with
    its verified answer from ``references`` where given."""
    wanted = sorted({t for t in train_task_ids if kind_of(t) in kinds})
    missing = [t for t in wanted if t not in tasks_by_id]
    if missing:
        raise TaskPoolError(
            f"{len(missing)} train task ids are not in the task tables (e.g. {missing[:3]}): "
            "rematerialize the tasks and sft_dataset together"
        )
    if not wanted:
        raise TaskPoolError(
            f"the SFT train split holds no {' or '.join(kinds)} tasks: the RL task pool is empty"
        )
    if 0 <= max_tasks < len(wanted):
        wanted = sorted(random.Random(seed).sample(wanted, max_tasks))
    known = references or {}
    return [_posed(tasks_by_id[t], known.get(t, "")) for t in wanted]


def _posed(task: Any, reference: str) -> RLTask:
    if isinstance(task, FunctionTask):
        return RLTask(task.task_id, "function", tuple(function_messages(task.task)), reference)
    messages, _ = strategy_messages(task.instruction, None, ModelCandidateConfig())
    return RLTask(task.task_id, "strategy", tuple(messages), reference)


def pool_problems(
    pool_ids: Iterable[str],
    train_ids: Iterable[str],
    held_out_ids: Iterable[str],
    cryptoeval_entry_points: Iterable[str] = (),
) -> list[str]:
    """Why the pool is not train-only ([] when it is): ids outside the train split, ids of the
    held-out split, function tasks whose entry point CryptoEval asks for."""
    pool, train, held_out = set(pool_ids), set(train_ids), set(held_out_ids)
    problems = [f"{t}: not in the SFT train split" for t in sorted(pool - train)]
    problems += [f"{t}: in the held-out (validation) split" for t in sorted(pool & held_out)]
    entry_points = set(cryptoeval_entry_points)
    problems += [
        f"{t}: CryptoEval asks for the same function"
        for t in sorted(pool)
        if is_function_task_id(t) and t.split("/", 1)[1] in entry_points
    ]
    return problems


def train_references(train: Any) -> dict[str, str]:
    """Each task's verified answer (its first row's assistant turn) in the SFT set's ``train``
    split."""
    references: dict[str, str] = {}
    for task_id, messages in zip(train["task_id"], train["messages"], strict=True):
        answer = next((m["content"] for m in messages if m["role"] == "assistant"), "")
        references.setdefault(task_id, answer)
    return references


def train_only_pool(
    dataset_dir: Any,
    tasks_by_id: Mapping[str, Any],
    kinds: Sequence[str],
    cryptoeval_entry_points: Iterable[str],
    max_tasks: int = -1,
    seed: int = 0,
) -> tuple[list[RLTask], list[str]]:
    """The pool RL trains on (:func:`build_task_pool` over the SFT set at ``dataset_dir``) and
    the held-out ids; :class:`TaskPoolError` naming the first problems when it is not train-only."""
    from datasets import load_from_disk

    splits = load_from_disk(str(dataset_dir))  # read once: ids, held-out ids and answers
    train_ids, held_out_ids = (
        list(splits["train"]["task_id"]),
        list(splits["validation"]["task_id"]),
    )
    references = train_references(splits["train"])
    pool = build_task_pool(train_ids, tasks_by_id, kinds, max_tasks, seed, references)
    problems = pool_problems(
        [t.task_id for t in pool], train_ids, held_out_ids, cryptoeval_entry_points
    )
    if problems:
        raise TaskPoolError(f"the RL task pool is not train-only: {'; '.join(problems[:5])}")
    return pool, held_out_ids
