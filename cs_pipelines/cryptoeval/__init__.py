"""CryptoEval: a HumanEval-style benchmark of crypto-trading coding tasks.

Plain Python; no Dagster. Tasks are data, a folder per task under ``tasks/`` (see
``tasks/README.md``), loaded with :func:`load_tasks` and exchanged as HumanEval JSONL
(:func:`write_jsonl`, :func:`read_jsonl`) with extra keys ``category``, ``difficulty``,
``mutants``, ``variant``, ``probe`` (the inputs maj@k clusters samples on, see ``probes``) and
``explain_source``.
Variants: ``generate``, ``fix`` (HumanEvalFix style) and ``explain`` (HumanEvalExplain style).
Crypto markets trade every day, so every annualisation in the task set uses 365 days.
"""

from cs_pipelines.cryptoeval.selfcheck import ProgramResult, run_programs
from cs_pipelines.cryptoeval.task import CATEGORIES, DIFFICULTIES, Task
from cs_pipelines.cryptoeval.taskset import load_tasks, read_jsonl, write_jsonl

__all__ = [
    "CATEGORIES",
    "DIFFICULTIES",
    "ProgramResult",
    "Task",
    "load_tasks",
    "read_jsonl",
    "run_programs",
    "write_jsonl",
]
