"""Candidate solutions of strategy tasks, whatever wrote them (teacher, model, harvested commit).

A ``Candidate`` is what the verification ladder takes: the task it answers, where it came from
(``source``: ``"teacher"``, ``"model"``, ``"commit"``...), the code and the instruction it
answers. ``candidate_id`` is stable: a hash of the task, the source and the code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cs_pipelines.sft.tasks import StrategyTask
from cs_pipelines.sft.teacher import teacher_candidate

TEACHER = "teacher"
MODEL = "model"


@dataclass
class Candidate:
    """One candidate solution of one task; ``meta`` carries whatever its producer wants kept
    (model version, sample index, commit sha...)."""

    task_id: str
    candidate_id: str
    source: str
    code: str
    instruction: str
    meta: dict[str, Any] = field(default_factory=dict)


def candidate_id(task_id: str, source: str, code: str) -> str:
    digest = hashlib.sha1(f"{task_id}\0{source}\0{code}".encode()).hexdigest()
    return f"cand-{digest[:16]}"


def teacher_candidates(tasks: Iterable[StrategyTask]) -> list[Candidate]:
    """The teacher's solution of every task."""
    candidates = []
    for task in tasks:
        code = teacher_candidate(task)
        candidates.append(
            Candidate(
                task_id=task.task_id,
                candidate_id=candidate_id(task.task_id, TEACHER, code),
                source=TEACHER,
                code=code,
                instruction=task.instruction,
            )
        )
    return candidates
