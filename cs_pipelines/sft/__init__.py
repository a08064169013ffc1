"""Execution-grounded SFT data: strategy tasks, their teacher solutions, and the verification
ladder every candidate solution climbs.

Plain Python, no Dagster. ``generate_tasks`` builds a graded, seeded set of backtrader strategy
tasks from a component grammar (``tasks``); ``ground_tasks`` runs the teacher
(``teacher_candidate``) on the probe bars (``probe_bars``) to record the behaviour a solution
must reproduce; ``verify_candidates`` backtests candidates (``Candidate``, e.g. from
``teacher_candidates``) in the sandbox and records the highest rung each reached and why it
stopped.
"""

from cs_pipelines.sft.candidates import Candidate, candidate_id, teacher_candidates
from cs_pipelines.sft.ladder import (
    RUNGS,
    LadderConfig,
    VerifiedCandidate,
    ground_tasks,
    verify_candidates,
)
from cs_pipelines.sft.observe import probe_bars
from cs_pipelines.sft.tasks import (
    CATEGORIES,
    Component,
    StrategyTask,
    StrategyTaskConfig,
    generate_tasks,
)
from cs_pipelines.sft.teacher import teacher_candidate

__all__ = [
    "CATEGORIES",
    "RUNGS",
    "Candidate",
    "Component",
    "LadderConfig",
    "StrategyTask",
    "StrategyTaskConfig",
    "VerifiedCandidate",
    "candidate_id",
    "generate_tasks",
    "ground_tasks",
    "probe_bars",
    "teacher_candidate",
    "teacher_candidates",
    "verify_candidates",
]
