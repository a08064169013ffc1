"""Hostile samples: each must be contained, reported with its reason, and leave the host (this
test process, its files, its environment, the pool) untouched."""

from __future__ import annotations

import os
import signal
import socket
import uuid
from pathlib import Path

import pytest

from cs_pipelines.sandbox import SandboxPool, Status
from cs_pipelines.sandbox._osutil import pids_of_uid
from cs_pipelines_tests.sandbox.conftest import FAKE_SECRET

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def assert_no_leftovers(uid: int | None) -> None:
    if uid is not None:
        assert pids_of_uid(uid) == [], "processes of the sandbox uid survived the execution"


def test_infinite_loop_hits_the_cpu_limit(pool: SandboxPool) -> None:
    # A wall-clock limit well above the CPU limit: on a loaded machine a CPU second takes longer.
    result = pool.run("while True:\n    pass", timeout_s=10, cpu_s=1)
    assert result.status is Status.TIMEOUT, result
    assert "CPU" in result.exc_message
    assert result.duration_s < 10


def test_sleeping_forever_hits_the_wall_clock(pool: SandboxPool) -> None:
    result = pool.run(
        "import time\nprint('going to sleep', flush=True)\ntime.sleep(600)", timeout_s=1
    )
    assert result.status is Status.TIMEOUT, result
    assert "wall" in result.exc_message
    assert result.stdout == "going to sleep\n"
    assert result.duration_s < 3


def test_fork_bomb_is_capped_and_cleaned_up(pool: SandboxPool) -> None:
    code = (
        "import os, time\n"
        "while True:\n"
        "    try:\n"
        "        os.fork()\n"
        "    except OSError:\n"
        "        time.sleep(0.01)\n"
    )
    result = pool.run(code, timeout_s=1.5, nproc=16)
    assert result.status is Status.TIMEOUT, result
    assert_no_leftovers(result.uid)
    assert pool.run("import subprocess\nsubprocess.run(['true'], check=True)").ok


def test_memory_bombs(pool: SandboxPool) -> None:
    one_shot, growing, numpy_bomb = pool.run_many(
        [
            "x = bytearray(50 * 2**30)",
            "chunks = []\nwhile True:\n    chunks.append(bytearray(2**24))",
            "import numpy as np\nnp.ones((2**20, 2**12))",
        ],
        memory_mb=256,
        timeout_s=10,
    )
    for result in (one_shot, growing, numpy_bomb):
        assert result.status is Status.MEMORY, result
        assert "MemoryError" in result.exc_type


def test_huge_output_keeps_a_bounded_tail(pool: SandboxPool) -> None:
    code = "import sys\nfor i in range(200_000):\n    print('x' * 500)\nprint('THE END')"
    result = pool.run(code, timeout_s=20, max_output=4096)
    assert result.status is Status.PASSED, result
    assert result.stdout_truncated
    assert len(result.stdout) <= 4096
    assert result.stdout.endswith("THE END\n")


def test_file_size_limit(pool: SandboxPool) -> None:
    result = pool.run("open('big', 'wb').write(b'x' * 8 * 2**20)", fsize_mb=1)
    assert result.status is Status.ERROR
    assert result.exc_type == "OSError"  # EFBIG instead of a SIGXFSZ kill


def test_writes_and_deletes_outside_scratch_fail(pool: SandboxPool, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    marker = f"sandbox-escape-{uuid.uuid4().hex}"
    targets = [tmp_path / marker, PROJECT_ROOT / marker, Path("/tmp") / marker]
    code = (
        "import os\n"
        "def attempt(path, action):\n"
        "    try:\n"
        "        action(path)\n"
        "        return 'succeeded'\n"
        "    except OSError as exc:\n"
        "        return type(exc).__name__\n"
        "outcomes = [attempt(p, lambda p: open(p, 'w').write('pwned')) for p in TARGETS]\n"
        "outcomes.append(attempt(VICTIM, os.remove))\n"
        "open('inside.txt', 'w').write('fine')\n"
        "emit({'outcomes': outcomes, 'cwd': os.getcwd()})\n"
    )
    setup = f"TARGETS = {[str(t) for t in targets]!r}\nVICTIM = {str(victim)!r}"
    result = pool.run(code, setup_code=setup)
    assert result.status is Status.PASSED, result
    *writes, delete = result.result["outcomes"]
    # The test's tmp dir is private (0700) or, with a private /tmp, not even there.
    assert writes[0] in ("PermissionError", "FileNotFoundError")
    assert writes[1] == "PermissionError"
    assert delete in ("PermissionError", "FileNotFoundError")
    for target in targets:  # /tmp may be writable but is private to the sandbox: never here
        assert not target.exists(), target
    assert victim.read_text() == "keep me"
    assert not Path(result.result["cwd"]).exists()  # the scratch directory is gone


def test_environment_secrets_are_not_visible(pool: SandboxPool) -> None:
    assert os.environ.get("SECRET_TOKEN") == FAKE_SECRET  # the parent does have it
    code = (
        "import os, subprocess\n"
        "try:  # unreadable once the child has switched uid (it is no longer dumpable)\n"
        "    env_block = open('/proc/self/environ', 'rb').read().decode(errors='replace')\n"
        "except PermissionError:\n"
        "    env_block = ''\n"
        "shell = subprocess.run(['sh', '-c', 'env'], capture_output=True, text=True).stdout\n"
        "emit({'env': dict(os.environ), 'block': env_block, 'shell': shell})\n"
    )
    result = pool.run(code)
    assert result.status is Status.PASSED, result
    seen = repr(result.result)
    assert FAKE_SECRET not in seen
    assert "SECRET_TOKEN" not in seen
    assert set(result.result["env"]) <= {
        "PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "PWD", "PYTHONHASHSEED",
        "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
    }  # fmt: skip


def test_spawned_shell_is_contained_and_killed(pool: SandboxPool) -> None:
    code = (
        "import subprocess\n"
        "print(subprocess.run(['sh', '-c', 'echo from-shell'], capture_output=True, text=True)"
        ".stdout, end='')\n"
        "subprocess.Popen(['sh', '-c', 'sleep 300'], start_new_session=True)\n"  # escape attempt
        "subprocess.Popen(['sh', '-c', 'while true; do :; done'])\n"
    )
    result = pool.run(code, timeout_s=5)
    assert result.status is Status.PASSED, result
    assert result.stdout == "from-shell\n"
    assert_no_leftovers(result.uid)


def test_network_is_unreachable(pool: SandboxPool) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        code = (
            "import socket\n"
            f"socket.create_connection(('127.0.0.1', {port}), timeout=2).sendall(b'leak')\n"
        )
        result = pool.run(code, timeout_s=5)
        if not result.network_isolated:
            pytest.skip("the OS refused a network namespace here: network is NOT isolated")
        assert result.status is Status.ERROR, result
        assert result.exc_type in ("OSError", "ConnectionRefusedError", "TimeoutError")
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody connected


@pytest.mark.parametrize(
    ("code", "exit_code"), [("import os\nos._exit(0)", 0), ("import os\nos._exit(3)", 3)]
)
def test_os_exit_is_reported_as_error(pool: SandboxPool, code: str, exit_code: int) -> None:
    result = pool.run(code)
    assert result.status is Status.ERROR, result
    assert result.exit_code == exit_code
    assert "before finishing" in result.exc_message


def test_signals_to_parents_do_not_land(pool: SandboxPool) -> None:
    code = (
        "import os, signal\n"
        "outcomes = {}\n"
        "def attempt(name, call):\n"
        "    try:\n"
        "        call()\n"
        "        outcomes[name] = 'sent'\n"
        "    except OSError as exc:\n"
        "        outcomes[name] = type(exc).__name__\n"
        "attempt('server', lambda: os.kill(os.getppid(), signal.SIGKILL))\n"
        "attempt('server_group', lambda: os.killpg(os.getpgid(os.getppid()), signal.SIGKILL))\n"
        "attempt('test', lambda: os.kill(TEST_PID, signal.SIGKILL))\n"
        "attempt('test_group', lambda: os.killpg(TEST_PGID, signal.SIGKILL))\n"
        "attempt('everyone', lambda: os.kill(-1, signal.SIGKILL))\n"
        "emit(outcomes)\n"
    )
    setup = f"TEST_PID = {os.getpid()}\nTEST_PGID = {os.getpgid(0)}"
    result = pool.run(code, setup_code=setup)
    # We are still here; so are the servers.
    if result.uid is not None:  # root: the child runs under another uid
        assert result.status is Status.PASSED, result
        assert set(result.result.values()) <= {"PermissionError", "sent"}
        assert result.result["server"] == "PermissionError"
        assert result.result["test"] == "PermissionError"
    assert pool.run("emit(1)").result == 1
    assert pool.run("emit(2)").result == 2


def test_recursion_overflow(pool: SandboxPool) -> None:
    result = pool.run("def f(n):\n    return f(n + 1)\nf(0)")
    assert result.status is Status.ERROR
    assert result.exc_type == "RecursionError"


def test_segfault_is_killed_not_fatal(pool: SandboxPool) -> None:
    result = pool.run("import ctypes\nctypes.string_at(0)")
    assert result.status is Status.KILLED, result
    assert result.signal == signal.SIGSEGV
    assert result.exc_type == "SIGSEGV"


def test_dead_server_is_restarted_and_reported() -> None:
    with SandboxPool(workers=1, preload=()) as solo:
        server_pid = solo.info[0]["pid"]
        os.kill(server_pid, signal.SIGKILL)
        result = solo.run("emit(1)")
        assert result.status is Status.ERROR
        assert result.exc_type == "SandboxError"
        assert solo.run("emit(2)").result == 2


def test_pool_still_serves_after_the_hostile_suite(pool: SandboxPool) -> None:
    results = pool.run_many([f"emit(sum(range({n})))" for n in range(8)])
    assert [r.result for r in results] == [sum(range(n)) for n in range(8)]
    assert all(r.status is Status.PASSED for r in results)
