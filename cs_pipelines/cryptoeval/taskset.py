"""Load the CryptoEval task set and read/write it as HumanEval JSONL.

Task ids follow the order of :data:`MODULES` and of the specs inside each module, so new tasks are
appended at the end of the last module (or in a new module appended to :data:`MODULES`) to keep
existing ids stable. Fix variants (HumanEvalPack's HumanEvalFix style) get ``CryptoEvalFix/<n>``
where ``<n>`` is the number of the task they were derived from.
"""

from __future__ import annotations

import importlib
import json
import textwrap
from pathlib import Path

from cs_pipelines.cryptoeval.task import CATEGORIES, Spec, Task

MODULES = (
    ("indicators", "cs_pipelines.cryptoeval.tasks.indicators"),
    ("returns_risk", "cs_pipelines.cryptoeval.tasks.returns_risk"),
    ("position_sizing", "cs_pipelines.cryptoeval.tasks.position_sizing"),
    ("execution", "cs_pipelines.cryptoeval.tasks.execution"),
    ("amm_dex", "cs_pipelines.cryptoeval.tasks.amm_dex"),
    ("order_book", "cs_pipelines.cryptoeval.tasks.order_book"),
    ("rebalancing", "cs_pipelines.cryptoeval.tasks.rebalancing"),
    ("data_handling", "cs_pipelines.cryptoeval.tasks.data_handling"),
)
assert {c for c, _ in MODULES} <= set(CATEGORIES)


def _specs() -> list[tuple[str, Spec]]:
    out = []
    for category, module_name in MODULES:
        module = importlib.import_module(module_name)
        out.extend((category, s) for s in module.SPECS)
    return out


def _fix_prompt(task: Task, symptom: str) -> str:
    """Buggy function, its failure symptom, then the signature and docstring to complete again."""
    buggy = task.prompt + task.mutants[0]
    marker = f"def {task.entry_point}("
    signature_and_doc = task.prompt[task.prompt.index(marker) :]
    symptom_lines = textwrap.wrap(
        f"Symptom: {symptom}", width=94, initial_indent="# ", subsequent_indent="#   "
    )
    return (
        f"{buggy}\n\n"
        f"# The implementation of {task.entry_point} above has a bug.\n"
        + "\n".join(symptom_lines)
        + "\n# Write the corrected function below (same signature and specification).\n\n\n"
        + signature_and_doc
    )


def load_tasks(include_fix: bool = True) -> list[Task]:
    """All tasks: generation tasks ``CryptoEval/<n>``, then fix variants ``CryptoEvalFix/<n>``."""
    tasks: list[Task] = []
    fixes: list[Task] = []
    for n, (category, s) in enumerate(_specs()):
        task = Task(
            task_id=f"CryptoEval/{n}",
            prompt=s.prompt,
            entry_point=s.entry_point,
            canonical_solution=s.solution,
            test=s.test,
            category=category,
            difficulty=s.difficulty,
            mutants=s.mutants,
        )
        tasks.append(task)
        if s.fix_symptom:
            fixes.append(
                Task(
                    task_id=f"CryptoEvalFix/{n}",
                    prompt=_fix_prompt(task, s.fix_symptom),
                    entry_point=s.entry_point,
                    canonical_solution=s.solution,
                    test=s.test,
                    category=category,
                    difficulty=s.difficulty,
                    # Repeating the shown bug (the most likely wrong answer) must fail, too.
                    mutants=s.mutants,
                    variant="fix",
                    bug_symptom=s.fix_symptom,
                    source_task_id=task.task_id,
                )
            )
    return tasks + fixes if include_fix else tasks


def write_jsonl(path: str | Path, tasks: list[Task] | None = None) -> Path:
    """Write tasks (default: all of them) as HumanEval JSONL, one record per line."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tasks = load_tasks() if tasks is None else tasks
    with path.open("w", encoding="utf-8") as fh:
        for task in tasks:
            fh.write(json.dumps(task.to_record(), ensure_ascii=False) + "\n")
    return path


def read_jsonl(path: str | Path) -> list[Task]:
    """Read HumanEval JSONL (extra keys optional) back into :class:`Task` records."""
    with Path(path).open(encoding="utf-8") as fh:
        return [Task.from_record(json.loads(line)) for line in fh if line.strip()]
