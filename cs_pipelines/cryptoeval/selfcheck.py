"""Run trusted task programs (canonical solutions, mutants) to validate the task set.

This is for the benchmark's own code only. Model completions are untrusted and go through
``cs_pipelines.sandbox`` (the scoring harness); this runner has no resource limits beyond a
per-program alarm and a wall-clock timeout on the single child process that runs a batch.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

_RUNNER = r"""
import contextlib, io, json, signal, sys, types

class _Timeout(BaseException):
    pass

def _alarm(signum, frame):
    raise _Timeout()

signal.signal(signal.SIGALRM, _alarm)
payload = json.load(sys.stdin)
results = []
for program in payload["programs"]:
    out = io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, payload["per_program_timeout"])
    try:
        with contextlib.redirect_stdout(out):
            # A registered module: backtrader's metaclasses look classes' modules up.
            module = sys.modules["__cryptoeval__"] = types.ModuleType("__cryptoeval__")
            exec(compile(program, "<task>", "exec"), module.__dict__)
        result = {"passed": True, "error": ""}
    except _Timeout:
        result = {"passed": False, "error": "timeout"}
    except BaseException as exc:
        result = {"passed": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    results.append({**result, "stdout": out.getvalue()[-2000:]})
print(json.dumps(results))
"""


@dataclass(frozen=True)
class ProgramResult:
    passed: bool
    error: str
    stdout: str = ""  # the last 2,000 characters (a scoring program's signature line)


def run_programs(
    programs: list[str], per_program_timeout: float = 5.0, total_timeout: float = 120.0
) -> list[ProgramResult]:
    """Exec each program in a fresh namespace inside one child interpreter; report pass/fail."""
    if not programs:
        return []
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input=json.dumps({"programs": programs, "per_program_timeout": per_program_timeout}),
        capture_output=True,
        text=True,
        timeout=total_timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"runner failed ({proc.returncode}): {proc.stderr[-2000:]}")
    lines = proc.stdout.strip().splitlines()
    return [ProgramResult(**r) for r in json.loads(lines[-1])]
