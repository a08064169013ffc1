"""Validation of the backtrader CryptoEval tasks: canonical passes, mutants fail, probes vote.

The specs are read directly (the ``backtrader`` category folder). Every program is trusted
(written here) and runs through ``selfcheck.run_programs``; a session fixture runs them all
once, in a few parallel batches: canonical, every mutant, the bare prompt (an empty
completion), the canonical written as a chat model would (the whole def at column 0, redefining
the prompt's), the docstring examples, and every spec's probe on the canonical (twice) and on
every mutant.
"""

from __future__ import annotations

import ast
import json
import os
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cs_pipelines.cryptoeval import probes
from cs_pipelines.cryptoeval.selfcheck import ProgramResult, run_programs
from cs_pipelines.cryptoeval.task import DIFFICULTIES, Spec
from cs_pipelines.cryptoeval.taskset import load_specs

SPECS = [s for category, s in load_specs() if category == "backtrader"]
IDS = [s.entry_point for s in SPECS]

_DOCTEST = """

import doctest as _doctest

_runner = _doctest.DocTestRunner(optionflags=_doctest.NORMALIZE_WHITESPACE)
for _t in _doctest.DocTestFinder().find({entry}, "{entry}", globs=dict(globals())):
    _runner.run(_t, out=lambda _s: None)
assert _runner.tries > 0, "no docstring example ran"
assert _runner.failures == 0, "docstring example failed"
"""

# As ``cryptoeval.probes.run_probe`` runs a probe: its source in a fresh namespace (no module).
_PROBE_DRIVER = """

import json as _bt_json

_bt_ns = {{"__name__": "__cryptoeval_probe__"}}
exec({source!r}, _bt_ns)
_bt_out = _bt_ns["probe"]({entry})
assert _bt_json.loads(_bt_json.dumps(_bt_out)) == _bt_out, "probe output is not plain JSON"
with open({path!r}, "w", encoding="utf-8") as _bt_fh:
    _bt_json.dump(_bt_out, _bt_fh)
"""


def program(s: Spec, body: str) -> str:
    """The HumanEval program, as ``Task.program`` builds it."""
    return s.prompt + body + "\n\n" + s.test + f"\n\ncheck({s.entry_point})\n"


def whole_definition(s: Spec) -> str:
    """The canonical as a chat completion: header, docstring and body of the entry point."""
    return s.prompt[s.prompt.index(f"def {s.entry_point}(") :] + s.solution


def probe_program(s: Spec, body: str, path: Path) -> str:
    driver = _PROBE_DRIVER.format(source=s.probe, entry=s.entry_point, path=str(path))
    return s.prompt + body + "\n" + driver


def run_batches(programs: list[str], total_timeout: float = 300.0) -> list[ProgramResult]:
    """``run_programs`` on contiguous chunks in parallel child interpreters, results in order."""
    workers = max(1, min(4, os.cpu_count() or 1))
    size = -(-len(programs) // workers)
    chunks = [programs[i : i + size] for i in range(0, len(programs), size)]
    with ThreadPoolExecutor(len(chunks)) as pool:
        parts = pool.map(
            lambda chunk: run_programs(chunk, per_program_timeout=5.0, total_timeout=total_timeout),
            chunks,
        )
        return [result for part in parts for result in part]


def read_probe(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.fixture(scope="session")
def outcomes(tmp_path_factory) -> dict[tuple[str, str], ProgramResult | object]:
    """(entry point, kind) -> ProgramResult, plus (entry point, "probe:<kind>") -> output."""
    folder = tmp_path_factory.mktemp("bt_probes")
    keys, programs, probe_files = [], [], {}
    for s in SPECS:
        runs = {
            "canonical": program(s, s.solution),
            "empty": program(s, ""),
            "whole": program(s, "\n" + whole_definition(s)),
            "doctest": s.prompt + s.solution + _DOCTEST.format(entry=s.entry_point),
        }
        runs |= {f"mutant{i}": program(s, m) for i, m in enumerate(s.mutants)}
        bodies = {"canonical": s.solution, "canonical_again": s.solution}
        bodies |= {f"mutant{i}": m for i, m in enumerate(s.mutants)}
        for kind, body in bodies.items():
            path = folder / f"{s.entry_point}.{kind}.json"
            probe_files[(s.entry_point, f"probe:{kind}")] = path
            runs[f"probe_run:{kind}"] = probe_program(s, body, path)
        for kind, text in runs.items():
            keys.append((s.entry_point, kind))
            programs.append(text)
    started = time.perf_counter()
    results = run_batches(programs)
    print(f"\n{len(programs)} backtrader task programs: {time.perf_counter() - started:.2f} s")
    out: dict[tuple[str, str], ProgramResult | object] = dict(zip(keys, results, strict=True))
    out |= {key: read_probe(path) for key, path in probe_files.items()}
    return out


def test_task_count_and_difficulty_mix() -> None:
    assert len(SPECS) >= 10
    per_difficulty = Counter(s.difficulty for s in SPECS)
    assert set(per_difficulty) == set(DIFFICULTIES), per_difficulty
    assert all(n >= 3 for n in per_difficulty.values()), per_difficulty


def test_entry_points_are_new() -> None:
    """``test_taskset`` needs entry points unique across the whole task set."""
    assert len(set(IDS)) == len(IDS)
    others = {s.entry_point for category, s in load_specs() if category != "backtrader"}
    assert not others & set(IDS)


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_spec_format(s: Spec) -> None:
    assert s.mutants and len(set(s.mutants)) == len(s.mutants)
    assert s.solution not in s.mutants and s.solution.startswith("    ")
    assert s.prompt.rstrip().endswith('"""'), "prompt ends with the docstring"
    assert ">>>" in s.prompt, "the docstring has an example"
    assert "import backtrader as bt" in s.prompt
    ast.parse(s.prompt)  # an empty completion still leaves a syntactically complete program
    tree = ast.parse(s.prompt + s.solution)
    # A function (fix and explain variants and signatures are built around ``def name(``).
    assert s.entry_point in {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert f"\ndef {s.entry_point}(" in s.prompt
    for mutant in s.mutants:
        ast.parse(s.prompt + mutant)
    assert s.probe.startswith("def probe(candidate):\n")
    assert "252" not in s.solution


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_floats_compared_with_tolerance(s: Spec) -> None:
    """No ``==``/``!=`` against a float literal in ``check`` (``_close`` is for floats)."""
    check = next(
        n for n in ast.parse(s.test).body if isinstance(n, ast.FunctionDef) and n.name == "check"
    )
    for node in ast.walk(check):
        if isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops
        ):
            for side in (node.left, *node.comparators):
                floats = [
                    c
                    for c in ast.walk(side)
                    if isinstance(c, ast.Constant) and type(c.value) is float
                ]
                assert not floats, ast.unparse(node)


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_canonical_passes(s: Spec, outcomes) -> None:
    for kind in ("canonical", "whole", "doctest"):
        result = outcomes[(s.entry_point, kind)]
        assert result.passed, f"{kind}: {result.error}"


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_empty_completion_fails(s: Spec, outcomes) -> None:
    assert not outcomes[(s.entry_point, "empty")].passed


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_every_mutant_fails_an_assertion(s: Spec, outcomes) -> None:
    for i in range(len(s.mutants)):
        result = outcomes[(s.entry_point, f"mutant{i}")]
        assert not result.passed, f"mutant {i} survives"
        # Rejected by what it does, not by a crash: every mutant is a runnable strategy.
        assert result.error.startswith("AssertionError"), f"mutant {i}: {result.error}"


@pytest.mark.parametrize("s", SPECS, ids=IDS)
def test_probe_is_deterministic_and_separates_mutants(s: Spec, outcomes) -> None:
    ep = s.entry_point
    result = outcomes[(ep, "probe_run:canonical")]
    assert result.passed, result.error
    first = outcomes[(ep, "probe:canonical")]
    assert isinstance(first, list) and first
    assert outcomes[(ep, "probe:canonical_again")] == first
    mutant_outputs = [outcomes[(ep, f"probe:mutant{i}")] for i in range(len(s.mutants))]
    assert any(out != first for out in mutant_outputs), "no mutant changes the probe's output"


def test_probes_agree_across_interpreters(outcomes, tmp_path) -> None:
    """A fresh interpreter (another hash seed) reproduces every canonical probe output."""
    paths = [tmp_path / f"{s.entry_point}.json" for s in SPECS]
    programs = [probe_program(s, s.solution, p) for s, p in zip(SPECS, paths, strict=True)]
    results = run_batches(programs)
    for s, path, result in zip(SPECS, paths, results, strict=True):
        assert result.passed, result.error
        assert read_probe(path) == outcomes[(s.entry_point, "probe:canonical")], s.entry_point


def test_probes_run_in_process_on_a_candidate_from_any_namespace(outcomes) -> None:
    """``probes.run_probe`` on a candidate exec'd in a plain dict (a namespace that is no module,
    which backtrader cannot instantiate classes from unless the probe registers it)."""
    for s in SPECS:
        name = f"__bt_in_process_{s.entry_point}__"
        namespace = {"__name__": name}
        exec(compile(s.prompt + s.solution, f"<{s.entry_point}>", "exec"), namespace)
        try:
            out = probes.run_probe(s.probe, namespace[s.entry_point])
        finally:
            sys.modules.pop(name, None)
            sys.modules.pop("__cryptoeval_probe__", None)
        expected = outcomes[(s.entry_point, "probe:canonical")]
        assert out == expected, s.entry_point
        assert probes.output_signature(out) == probes.output_signature(expected)


def test_report_canonical_timings(tmp_path) -> None:
    """Per-task run time of the canonical programs after backtrader is imported (not asserted)."""
    timed = []
    for s in SPECS:
        path = tmp_path / f"{s.entry_point}.seconds"
        timed.append(
            "import time as _bt_time\n_bt_t0 = _bt_time.perf_counter()\n"
            + program(s, s.solution)
            + f"\nopen({str(path)!r}, 'w').write(repr(_bt_time.perf_counter() - _bt_t0))\n"
        )
    warm_up = (
        "import time as _bt_time\n_bt_t0 = _bt_time.perf_counter()\nimport backtrader\n"
        f"open({str(tmp_path / 'import.seconds')!r}, 'w')"
        ".write(repr(_bt_time.perf_counter() - _bt_t0))\n"
    )
    started = time.perf_counter()
    results = run_programs([warm_up, *timed], per_program_timeout=5.0, total_timeout=120.0)
    wall = time.perf_counter() - started
    assert all(r.passed for r in results), [r.error for r in results if not r.passed]
    seconds = {
        s.entry_point: float((tmp_path / f"{s.entry_point}.seconds").read_text()) for s in SPECS
    }
    lines = [f"  {name:<28} {t * 1000:7.1f} ms" for name, t in seconds.items()]
    print(
        f"\nimport backtrader: {float((tmp_path / 'import.seconds').read_text()):.2f} s; "
        f"canonical programs: {sum(seconds.values()):.2f} s in all, "
        f"max {max(seconds.values()) * 1000:.0f} ms; batch wall time {wall:.2f} s\n"
        + "\n".join(lines)
    )
