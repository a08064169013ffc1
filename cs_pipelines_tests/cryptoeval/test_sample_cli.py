"""`cs-pipelines sample`: a version's completions for a HumanEval-format file, and its errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cs_pipelines import paths
from cs_pipelines.cli import main
from cs_pipelines.cryptoeval.taskset import load_tasks, read_jsonl

HUMANEVAL_KEYS = ("task_id", "prompt", "entry_point", "canonical_solution", "test")


def _task_file(path: Path, count: int = 3) -> Path:
    tasks = [t for t in load_tasks() if t.variant == "generate"][:count]
    lines = [json.dumps({key: getattr(t, key) for key in HUMANEVAL_KEYS}) for t in tasks]
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def base_model(tiny_model_dir: Path) -> Path:
    target = paths.base_model_dir()
    shutil.copytree(tiny_model_dir, target)
    return target


def test_samples_every_task_n_times_in_the_humaneval_format(
    base_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    tasks = _task_file(tmp_path / "tasks.jsonl")
    out = tmp_path / "out" / "samples.jsonl"
    argv = ["sample", "--tasks", str(tasks), "--version", "base", "-n", "2"]
    argv += ["--temperature", "0.8", "--max-new-tokens", "8", "--out", str(out)]
    assert main(argv) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [t.task_id for t in read_jsonl(tasks)]
    assert [r["task_id"] for r in rows] == [i for i in ids for _ in range(2)]
    assert all(set(r) == {"task_id", "completion"} and r["completion"] for r in rows)
    assert not list(out.parent.glob(".*partial"))
    streams = capsys.readouterr()
    assert "wrote 6 samples of base" in streams.out
    assert "3/3 tasks, 6 samples" in streams.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"task_id": "T/0", "prompt": "def f(', "tasks.jsonl:1: not valid JSON"),
        ('{"task_id": "T/0"}\n', ":1: a task needs prompt, entry_point, canonical_solution, test"),
        ("\n\n", "no tasks in the file (it is empty)"),
    ],
)
def test_a_bad_task_file_is_named_with_its_line(
    base_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture, content: str, message: str
) -> None:
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_text(content)
    out = tmp_path / "samples.jsonl"
    argv = ["sample", "--tasks", str(tasks), "--version", "base", "--out", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_unknown_versions_and_a_missing_champion_are_clear(
    base_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    tasks = _task_file(tmp_path / "tasks.jsonl", 1)
    out = tmp_path / "samples.jsonl"
    cases = (("latest", "unknown model version 'latest'"), ("champion", "is the champion yet"))
    for version, message in cases:
        argv = ["sample", "--tasks", str(tasks), "--version", version, "--out", str(out)]
        assert main(argv) == 2
        assert message in capsys.readouterr().err
    missing = ["sample", "--tasks", str(tmp_path / "nope.jsonl"), "--out", str(out)]
    assert main(missing) == 2
    assert "no such file" in capsys.readouterr().err
