"""`cs-pipelines eval-samples`: bad input files, and time limits derived from the references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cs_pipelines.cli import main
from cs_pipelines.cryptoeval.harness import derive_time_limits, eval_samples_main
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.sandbox import SandboxPool

ADD = {
    "task_id": "Toy/0",
    "prompt": "def add(a, b):\n",
    "entry_point": "add",
    "canonical_solution": "    return a + b\n",
    "test": "def check(candidate):\n    assert candidate(2, 3) == 5\n",
}
SLOW = {  # a reference that takes ~0.6 s: its limit is ceil(4 x 0.6) = 3 s
    "task_id": "Toy/1",
    "prompt": "import time\n\ndef slow(x):\n",
    "entry_point": "slow",
    "canonical_solution": "    time.sleep(0.6)\n    return x\n",
    "test": "def check(candidate):\n    assert candidate(1) == 1\n",
}


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def tasks_file(tmp_path: Path) -> Path:
    return write_lines(tmp_path / "tasks.jsonl", [json.dumps(ADD), json.dumps(SLOW)])


def run_cli(tasks: Path, samples: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["eval-samples", "--tasks", str(tasks), "--samples", str(samples)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def test_a_sample_naming_an_unknown_task_is_an_error_with_its_line(
    tmp_path: Path, tasks_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    samples = write_lines(
        tmp_path / "samples.jsonl",
        [
            json.dumps({"task_id": "Toy/0", "completion": "    return a + b\n"}),
            json.dumps({"task_id": "Toy/9", "completion": "    return 0\n"}),
            json.dumps({"task_id": "Toy/8", "completion": "    return 0\n"}),
        ],
    )
    code, err = run_cli(tasks_file, samples, capsys)
    assert code == 2
    assert f"{samples}:2: task_id 'Toy/9' is not a task of {tasks_file}" in err
    assert "1 more line" in err


def test_a_truncated_line_in_either_file_is_an_error_with_its_line(
    tmp_path: Path, tasks_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = json.dumps({"task_id": "Toy/0", "completion": "    return a + b\n"})
    samples = tmp_path / "samples.jsonl"
    samples.write_text(good + "\n" + good + "\n" + good[:30], encoding="utf-8")  # cut short
    code, err = run_cli(tasks_file, samples, capsys)
    assert code == 2
    assert f"{samples}:3: not valid JSON (the last line, cut short?)" in err

    tasks = tmp_path / "cut_tasks.jsonl"
    tasks.write_text(json.dumps(ADD) + "\n" + json.dumps(SLOW)[:50] + "\n", encoding="utf-8")
    samples = write_lines(tmp_path / "ok.jsonl", [good])
    code, err = run_cli(tasks, samples, capsys)
    assert code == 2
    assert f"{tasks}:2: not valid JSON" in err
    assert "cut short" not in err  # a complete line that is broken inside


def test_empty_files_and_records_without_keys_are_errors_naming_the_file(
    tmp_path: Path, tasks_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    code, err = run_cli(tasks_file, empty, capsys)
    assert code == 2
    assert f"{empty}: no samples in the file (it is empty)" in err

    samples = write_lines(tmp_path / "s.jsonl", [json.dumps({"task_id": "Toy/0"})])
    code, err = run_cli(empty, samples, capsys)
    assert code == 2
    assert f"{empty}: no tasks in the file (it is empty)" in err

    code, err = run_cli(tasks_file, samples, capsys)
    assert code == 2
    assert f"{samples}:1: a sample needs task_id and completion" in err

    broken = write_lines(tmp_path / "t.jsonl", [json.dumps({"task_id": "T/0", "prompt": ""})])
    code, err = run_cli(broken, samples, capsys)
    assert code == 2
    assert f"{broken}:1: a task needs entry_point, canonical_solution, test" in err

    listed = write_lines(tmp_path / "list.jsonl", ["[1, 2]"])
    code, err = run_cli(tasks_file, listed, capsys)
    assert code == 2
    assert f"{listed}:1: expected a JSON object" in err


def test_limits_come_from_the_reference_runtime_with_a_floor_and_a_cap() -> None:
    tasks = [Task.from_record(ADD), Task.from_record(SLOW)]
    with SandboxPool(workers=1, preload=()) as pool:
        limits = derive_time_limits(tasks, pool, cap_s=10.0)
        assert limits["Toy/0"] == 1.0  # milliseconds: the 1 s floor
        assert 3.0 <= limits["Toy/1"] <= 5.0  # ~0.6 s x 4, in whole seconds
        assert derive_time_limits(tasks, pool, cap_s=2.0)["Toy/1"] == 2.0
        assert derive_time_limits(tasks, pool, factor=0, floor_s=3.0) == {
            "Toy/0": 3.0,
            "Toy/1": 3.0,
        }


def test_hanging_samples_fail_within_the_derived_limit_and_results_are_written(
    tmp_path: Path, tasks_file: Path
) -> None:
    completions = [
        ("Toy/0", "    return a + b\n", True),
        ("Toy/0", "    while True:\n        pass\n", False),  # CPU: killed at 1 s of CPU
        ("Toy/0", "    import time\n    time.sleep(3600)\n", False),  # wall clock
        ("Toy/0", "    return (\n", False),
        ("Toy/1", "    time.sleep(1.5)\n    return x\n", True),  # within its 3 s limit
        ("Toy/1", "    return -x\n", False),
    ]
    samples = write_lines(
        tmp_path / "samples.jsonl",
        [json.dumps({"task_id": t, "completion": c}) for t, c, _ in completions],
    )
    results = tmp_path / "results.jsonl"
    scores = eval_samples_main(tasks_file, samples, ks=[1], workers=1, results_path=results)
    rows = [json.loads(line) for line in results.read_text().splitlines()]
    assert [row["passed"] for row in rows] == [ok for _, _, ok in completions]
    assert [row["result"] for row in rows[1:3]] == ["timeout", "timeout"]
    # The loop is stopped by its CPU limit (the 1 s floor), the sleeper by the wall clock at 4 x
    # that (4 programs in flight a core, so a sleeper does not hold one).
    assert rows[1]["time_limit_s"] == 1.0 and rows[1]["exc_type"] == "SIGXCPU"
    assert rows[2]["exc_type"] == "SIGKILL" and 4.5 <= rows[2]["duration_s"] < 7.0
    assert [row["completion_id"] for row in rows] == [0, 1, 2, 3, 0, 1]
    assert scores == {"pass@1": pytest.approx((1 / 4 + 1 / 2) / 2)}


def test_hostile_samples_fail_without_stopping_the_run(tmp_path: Path, tasks_file: Path) -> None:
    hostile = [
        "    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)\n",  # the fork server
        "    import os\n    while True:\n        os.fork()\n",  # a fork bomb (RLIMIT_NPROC)
        "    print('x' * 10**8)\n    return a + b + 1\n",  # an output flood, then wrong
        "    import socket\n    socket.create_connection(('1.1.1.1', 80), timeout=1)\n",
    ]
    completions = ["    return a + b\n", *hostile, "    return a + b\n"]
    samples = write_lines(
        tmp_path / "samples.jsonl",
        [json.dumps({"task_id": "Toy/0", "completion": c}) for c in completions],
    )
    results = tmp_path / "results.jsonl"
    eval_samples_main(tasks_file, samples, ks=[1], workers=1, results_path=results)
    rows = [json.loads(line) for line in results.read_text().splitlines()]
    assert [row["passed"] for row in rows] == [True, False, False, False, False, True]
