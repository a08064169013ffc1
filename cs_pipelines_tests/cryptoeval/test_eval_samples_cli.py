"""`cs-pipelines eval-samples` on files in the standard HumanEval format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cs_pipelines.cli import main
from cs_pipelines.cryptoeval.taskset import load_tasks, write_jsonl


def test_scores_a_samples_file_and_prints_pass_and_maj_at_k(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    tasks = load_tasks(include_fix=False)[:3]
    tasks_file = write_jsonl(tmp_path / "tasks.jsonl", tasks)
    samples_file = tmp_path / "samples.jsonl"
    lines = []
    for task in tasks:  # two samples per task: the canonical body passes, a mutant fails
        lines.append({"task_id": task.task_id, "completion": task.canonical_solution})
        lines.append({"task_id": task.task_id, "completion": task.mutants[0]})
    samples_file.write_text("".join(json.dumps(line) + "\n" for line in lines))
    args = ["eval-samples", "--tasks", str(tasks_file), "--samples", str(samples_file)]
    assert main([*args, "-k", "1", "-k", "2", "--workers", "1"]) == 0
    scores = json.loads(capsys.readouterr().out)
    # Every task: one right and one wrong answer, so the vote is a tie (maj@2 = 0.5).
    assert scores == {
        "pass@1": pytest.approx(0.5),
        "pass@2": pytest.approx(1.0),
        "maj@1": pytest.approx(0.5),
        "maj@2": pytest.approx(0.5),
    }


def test_missing_files_and_unknown_tasks_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    tasks_file = write_jsonl(tmp_path / "tasks.jsonl", load_tasks(include_fix=False)[:1])
    args = ["eval-samples", "--tasks", str(tasks_file), "--samples", str(tmp_path / "no.jsonl")]
    assert main(args) == 2
    assert "no such file" in capsys.readouterr().err
    samples = tmp_path / "samples.jsonl"
    samples.write_text(json.dumps({"task_id": "Nope/1", "completion": "pass"}) + "\n")
    args = ["eval-samples", "--tasks", str(tasks_file), "--samples", str(samples), "--workers", "1"]
    assert main(args) == 2
    assert "Nope/1" in capsys.readouterr().err
