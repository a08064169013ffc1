"""What one sandboxed execution produced, as plain data that crosses process boundaries as JSON."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Outcome of an execution, in the vocabulary of code-evaluation harnesses."""

    PASSED = "passed"  # ran to completion without an exception
    FAILED = "failed"  # AssertionError (a test in the code failed)
    ERROR = "error"  # any other exception, or a sandbox-side problem
    TIMEOUT = "timeout"  # wall-clock or CPU-time limit
    MEMORY = "memory"  # MemoryError, or the address-space limit hit
    KILLED = "killed"  # terminated by a signal (segfault, abort, ...)


@dataclass
class ExecutionResult:
    """Everything the caller may want from one run; ``result`` is the JSON the code emitted.

    ``network_isolated`` and ``fs_isolated`` say which OS-level containment was in force, so a
    caller (or a report) never has to guess whether the "no network" promise held.
    """

    status: Status
    exc_type: str | None = None
    exc_message: str | None = None
    stdout: str = ""
    stderr: str = ""
    stdout_truncated: bool = False
    stderr_truncated: bool = False
    duration_s: float = 0.0
    result: Any = None
    exit_code: int | None = None
    signal: int | None = None
    network_isolated: bool = False
    fs_isolated: bool = False
    uid: int | None = None
    messages: list[Any] | None = None  # a streaming run's messages (see ``Sandbox.run``)

    @property
    def ok(self) -> bool:
        return self.status is Status.PASSED

    def to_json(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["status"] = self.status.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExecutionResult:
        kwargs = {k: v for k, v in data.items() if k in _FIELDS}
        kwargs["status"] = Status(kwargs["status"])
        return cls(**kwargs)


_FIELDS = frozenset(field.name for field in dataclasses.fields(ExecutionResult))
