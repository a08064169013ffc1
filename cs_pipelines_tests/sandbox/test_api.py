"""The ordinary path: results, statuses, entry points, batches."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from cs_pipelines.sandbox import ExecutionResult, Sandbox, SandboxPool, Status, run
from cs_pipelines.sandbox.pool import DEFAULT_PRELOAD, _imports_only_stdlib


def test_emit_stdout_and_preloaded_numpy(pool: SandboxPool) -> None:
    result = pool.run("import numpy as np\nprint('hello')\nemit({'sum': int(np.arange(4).sum())})")
    assert result.status is Status.PASSED, result
    assert result.result == {"sum": 6}
    assert result.stdout == "hello\n"
    assert 0 < result.duration_s < 5


def test_entry_args_and_setup_code(pool: SandboxPool) -> None:
    result = pool.run(
        "def add(a, b):\n    return a + b + OFFSET",
        setup_code="OFFSET = 10",
        entry="add",
        args=(1, 2),
    )
    assert result.status is Status.PASSED
    assert result.result == 13


def test_code_is_compiled_as_in_a_fresh_interpreter(pool: SandboxPool) -> None:
    """No ``__future__`` flag of the sandbox's own modules leaks into the code."""
    code = "def f(x: int) -> int:\n    return x\nemit(f.__annotations__['x'] is int)"
    assert pool.run(code, setup_code="import sys").result is True


def test_statuses(pool: SandboxPool) -> None:
    cases = {
        "assert 1 == 2, 'wrong'": (Status.FAILED, "AssertionError"),
        "1 / 0": (Status.ERROR, "ZeroDivisionError"),
        "raise SystemExit(3)": (Status.ERROR, "SystemExit"),
        "import sys; sys.exit(0)": (Status.PASSED, None),
        "def f(:": (Status.ERROR, "SyntaxError"),
        "emit(object())": (Status.ERROR, "TypeError"),
    }
    results = pool.run_many(list(cases))
    for (code, (status, exc_type)), result in zip(cases.items(), results, strict=True):
        assert (result.status, result.exc_type) == (status, exc_type), (code, result)
    assert "wrong" in results[0].exc_message
    assert "ZeroDivisionError" in results[1].stderr  # the traceback is in stderr


def test_a_clean_exit_is_an_error_where_the_caller_says_so(pool: SandboxPool) -> None:
    for code in ("exit()", "import sys; sys.exit(0)", "raise SystemExit"):
        assert pool.run(code).status is Status.PASSED
        refused = pool.run(code, exit_ok=False)
        assert (refused.status, refused.exc_type) == (Status.ERROR, "SystemExit"), code
        assert refused.exc_message.startswith("exited before the end")
    assert pool.run("emit(1)", exit_ok=False).result == 1  # running to the end still passes


def test_run_many_keeps_order_and_mixes_options(pool: SandboxPool) -> None:
    jobs = [f"emit({i} * 2)" for i in range(12)]
    jobs.append({"code": "def f(x):\n    return x", "entry": "f", "args": [99]})
    results = pool.run_many(jobs, timeout_s=5)
    assert [r.result for r in results] == [*(i * 2 for i in range(12)), 99]
    assert [r.status for r in pool.map(["pass", "x"])] == [Status.PASSED, Status.ERROR]


def test_programs_go_to_the_server_that_preloads_what_they_import(pool: SandboxPool) -> None:
    preloads = {tuple(info["preloaded"]) for info in pool.servers}
    assert len(preloads) == 2, preloads  # a full and a light server per worker
    light, full = sorted(preloads, key=len)
    third_party = set(full) - set(light)
    assert "numpy" in third_party
    code = "import sys\nemit(sorted(sys.modules))"
    plain, commented, mentioning, importing = pool.run_many(
        [code, "# numpy\n" + code, "'numpy'\n" + code, "import json, numpy.linalg\n" + code]
    )
    for result in (plain, commented):
        assert set(light) <= set(result.result) and not third_party & set(result.result)
    assert third_party <= set(mentioning.result)  # a mention is enough for the full server
    assert third_party <= set(importing.result)


def test_only_plain_standard_imports_count_as_light() -> None:
    assert set(DEFAULT_PRELOAD) >= {"numpy", "json"}
    light = ["x = 1", "import os, sys as s\nfrom collections import Counter", "from . import x"]
    full = ["import scipy", "x = 1; import requests", "import os,\\\n  yaml", "from yaml import x"]
    assert all(_imports_only_stdlib(source) for source in light)
    assert not any(_imports_only_stdlib(source) for source in full)


def test_threads_and_a_fresh_random_stream_in_every_child(pool: SandboxPool) -> None:
    """The fork skips CPython's after-fork hooks (see ``_osutil.fork_plain``): threads must
    still work, and ``random`` must not replay the server's stream in every child."""
    code = (
        "import random, threading\n"
        "from concurrent.futures import ThreadPoolExecutor\n"
        "with ThreadPoolExecutor(4) as ex:\n"
        "    squares = list(ex.map(lambda x: x * x, range(8)))\n"
        "t = threading.Thread(target=lambda: None)\n"
        "t.start()\n"
        "t.join()\n"
        "assert threading.current_thread() is threading.main_thread()\n"
        "emit([squares, threading.active_count(), random.random()])\n"
    )
    first, second = pool.run_many([code, code])
    assert first.status is Status.PASSED, first
    assert first.result[:2] == [[x * x for x in range(8)], 1]
    assert first.result[2] != second.result[2]


def test_result_round_trips_as_json() -> None:
    result = ExecutionResult(Status.TIMEOUT, exc_message="wall", result=[1])
    assert ExecutionResult.from_json(result.to_json()) == result


def test_module_level_run() -> None:
    assert run("emit('ok')").result == "ok"


def test_host_folders_under_tmp_stay_readable_and_untouched() -> None:
    """A checkout or data folder under /tmp (as in a CI clone) is bound into the private /tmp:
    the code may read it, cannot change it, and the wipe after each run must not remove it."""
    folder = Path(tempfile.mkdtemp(dir="/tmp", prefix="sandbox-host-"))
    try:
        folder.chmod(0o755)
        data = folder / "bars.csv"
        data.write_text("close\n1.0\n")
        data.chmod(0o644)
        code = (
            f"print(open({str(data)!r}).read(), end='')\n"
            f"try:\n    open({str(folder / 'new.txt')!r}, 'w')\n"
            "except OSError as exc:\n    emit(type(exc).__name__)\n"
        )
        with SandboxPool(workers=1, readable_paths=[folder]) as pool:
            results = pool.run_many([code, code])
        assert [r.status for r in results] == [Status.PASSED, Status.PASSED], results
        assert results[1].stdout == "close\n1.0\n"
        assert results[1].result == "PermissionError"
        assert data.read_text() == "close\n1.0\n"  # still there after two runs and their wipes
        assert sorted(p.name for p in folder.iterdir()) == ["bars.csv"]
    finally:
        shutil.rmtree(folder)


def test_the_data_folder_is_hidden_but_readable_paths_inside_it_stay() -> None:
    """The platform's data folder (the warehouse, with every market bar) is out of the code's
    sight by default, even with world-readable files; a readable path inside it stays visible.
    Without the hiding, the same code reads the warehouse (so the check can fail)."""
    folder = Path(tempfile.mkdtemp(dir="/var/tmp", prefix="sandbox-data-"))
    try:
        folder.chmod(0o755)
        (folder / "warehouse.duckdb").write_text("future bars")
        (folder / "market").mkdir(mode=0o755)
        (folder / "market" / "bars.csv").write_text("close\n1.0\n")
        for path in [folder / "warehouse.duckdb", folder / "market" / "bars.csv"]:
            path.chmod(0o644)
        code = (
            "import os\n"
            f"try:\n    emit(open({str(folder / 'warehouse.duckdb')!r}).read())\n"
            "except OSError as exc:\n    emit(type(exc).__name__)\n"
            f"print(open({str(folder / 'market' / 'bars.csv')!r}).read(), end='')\n"
            f"print(sorted(os.listdir({str(folder)!r})))\n"
        )
        data_dir = mock.patch.dict(os.environ, {"CS_DATA_DIR": str(folder)})
        with data_dir, Sandbox(readable_paths=[folder / "market"]) as sandbox:
            hidden = sandbox.run(code)
            said = [server["hidden"] for server in sandbox.servers if server]
        with Sandbox(readable_paths=[folder / "market"], hidden_paths=[]) as sandbox:
            shown = sandbox.run(code)
        assert hidden.status == Status.PASSED, hidden
        assert said and all(paths == [str(folder)] for paths in said)
        assert hidden.result == "FileNotFoundError"
        assert hidden.stdout == "close\n1.0\n['market']\n"
        assert shown.result == "future bars"
        assert (folder / "warehouse.duckdb").read_text() == "future bars"
    finally:
        shutil.rmtree(folder)
