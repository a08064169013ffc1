"""Run untrusted Python (model output, harvested code) in a contained child process.

Each execution is a fork of a pre-started server that already imported numpy & co., locked down
with rlimits (CPU, address space, file size, processes), its own session (killed as a group),
a throw-away scratch directory, a scrubbed environment, another uid when run as root, and no
network (a fresh network namespace) where the OS allows it. See ``pool.py`` for the API.
"""

from cs_pipelines.sandbox.pool import Sandbox, SandboxPool, run
from cs_pipelines.sandbox.result import ExecutionResult, Status

__all__ = ["ExecutionResult", "Sandbox", "SandboxPool", "Status", "run"]
