"""The verification ladder: every candidate climbs rungs in order and stops at the first it fails.

1. ``parses``: ``ast.parse`` succeeds and the module defines the class the task names;
2. ``imports_allowed``: an AST scan finds only allowed modules (``LadderConfig.allowed_modules``)
   and no forbidden calls (``exec``, ``eval``, ``open``, ``__import__``...) or attributes;
3. ``runs``: the backtest on the probe bars finishes without error in the sandbox;
4. ``trades``: at least one trade (open or closed), when the spec says ``must_trade``;
5. ``finite_metrics``: every metric is finite (win rate may be NaN when no trade closed);
6. ``matches_spec``: never short when ``long_only``; a stop order when ``must_use_stop``; the
   required order types; positions within ``max_position``; trades within
   ``max_holding_bars``; position changes on the probe bars matching the teacher's
   (``spec["expected"]``) within ``signal_tolerance_bars`` for ``signal_match_fraction`` of
   them; and ``self.records`` ending like the teacher's;
7. ``deterministic``: a second run gives identical metrics and behaviour.

Every backtest is verified (``cs_pipelines.backtest``): the strategy decides in the sandbox, the
host replays and measures, so the metrics and the behaviour the spec checks read (position
changes, order types, position sizes, short bars) are the host's, not the candidate's own
account; only ``self.records`` is, by definition, what the strategy reports.

Backtests run in batches through a ``SandboxPool``: all first runs (one batch per feed count,
since single-feed and two-feed tasks run on different bars), then all re-runs. Each row records
the highest rung passed (``rung``, ``rung_name``; -1 and ``""`` when even parsing failed) and,
unless verified, why it stopped (``stop_reason``, prefixed by the failed rung's name).

``ground_tasks`` runs the teacher the same way to fill each task's ``spec["expected"]``.
Candidates without a task (harvested commits) climb the same rungs with the spec checks
skipped (``free_task``).
"""

from __future__ import annotations

import ast
import logging
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import polars as pl

from cs_pipelines.backtest import BacktestConfig, BacktestResult, run_backtests
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft.candidates import Candidate
from cs_pipelines.sft.observe import feeds_for, observe
from cs_pipelines.sft.tasks import STOP_ORDER_TYPES, StrategyTask
from cs_pipelines.sft.teacher import teacher_candidate

logger = logging.getLogger(__name__)

RUNGS = (
    "parses",
    "imports_allowed",
    "runs",
    "trades",
    "finite_metrics",
    "matches_spec",
    "deterministic",
)
RUN = RUNGS.index("runs")
MATCHES_SPEC = RUNGS.index("matches_spec")


@dataclass(frozen=True)
class LadderConfig:
    """The ladder's thresholds and allow-lists (scalars; lists are comma-separated)."""

    allowed_modules: str = (
        "__future__,backtrader,math,numpy,statistics,collections,itertools,functools,datetime,"
        "operator,dataclasses,typing,enum,decimal,fractions,bisect,heapq"
    )
    forbidden_calls: str = "__import__,exec,eval,compile,open,input,breakpoint"
    forbidden_names: str = (
        "__builtins__,__globals__,__subclasses__,__code__,__closure__,__loader__,__spec__"
    )
    signal_tolerance_bars: int = 1
    signal_match_fraction: float = 0.8
    records_rel_tol: float = 1e-3
    position_slack: float = 0.1  # relative: a 50% cap accepts 55% at the fill
    timeout_s: float = 30.0  # a teacher's daily-bar backtest takes ~0.2 s, a 4h one ~3 s
    memory_mb: int = 1024

    def backtest_config(self) -> BacktestConfig:
        return BacktestConfig(timeout_s=self.timeout_s, memory_mb=self.memory_mb)

    @staticmethod
    def _names(text: str) -> frozenset[str]:
        return frozenset(name.strip() for name in text.split(",") if name.strip())

    @property
    def allowed(self) -> frozenset[str]:
        return self._names(self.allowed_modules)

    @property
    def forbidden(self) -> frozenset[str]:
        return self._names(self.forbidden_calls)

    @property
    def forbidden_attributes(self) -> frozenset[str]:
        return self._names(self.forbidden_names)


@dataclass
class VerifiedCandidate:
    """One candidate after the ladder. ``metrics`` are the first run's backtest metrics (empty
    when it did not run); ``meta`` holds what the spec checks measured and the candidate's own
    ``meta`` (under ``"candidate"``)."""

    task_id: str
    candidate_id: str
    source: str
    code: str
    instruction: str
    rung: int
    rung_name: str
    verified: bool
    stop_reason: str
    metrics: dict[str, Any]
    duration_s: float
    meta: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def climbed(
        cls,
        candidate: Candidate,
        rungs: Sequence[str],
        rung: int,
        reason: str,
        duration_s: float,
        metrics: dict[str, Any] | None = None,
        meta: dict[str, Any] | None = None,
    ) -> VerifiedCandidate:
        """The row of ``candidate`` after passing ``rungs`` up to ``rung`` (-1: none);
        verified when that is the last one."""
        return cls(
            task_id=candidate.task_id,
            candidate_id=candidate.candidate_id,
            source=candidate.source,
            code=candidate.code,
            instruction=candidate.instruction,
            rung=rung,
            rung_name=rungs[rung] if rung >= 0 else "",
            verified=rung == len(rungs) - 1,
            stop_reason=reason,
            metrics=metrics or {},
            duration_s=round(duration_s, 4),
            meta={**(meta or {}), "candidate": dict(candidate.meta)},
        )


@dataclass
class _Climb:
    """A candidate on its way up: the highest rung passed so far and why it stopped."""

    candidate: Candidate
    task: StrategyTask
    passed: int = -1
    reason: str = ""
    duration_s: float = 0.0
    result: BacktestResult | None = None
    observation: dict[str, Any] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def stopped(self) -> bool:
        return bool(self.reason)

    def climb(self, problem: str | None) -> bool:
        """Pass the next rung, or stop there with ``problem``; True when it passed."""
        if self.stopped:
            return False
        if problem:
            self.reason = f"{RUNGS[self.passed + 1]}: {problem}"
            return False
        self.passed += 1
        return True


# ------------------------------------------------------------------------------- static rungs


def check_parses(code: str, class_name: str) -> tuple[ast.Module | None, str | None]:
    """The module's AST, or why it cannot be used: a syntax error or no such class."""
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return None, f"SyntaxError: {exc.msg} (line {exc.lineno})"
    except ValueError as exc:  # e.g. null bytes
        return None, f"{type(exc).__name__}: {exc}"
    if not any(isinstance(node, ast.ClassDef) and node.name == class_name for node in tree.body):
        return None, f"defines no top-level class `{class_name}`"
    return tree, None


def check_imports(tree: ast.Module, config: LadderConfig) -> str | None:
    """The first disallowed import, forbidden call or forbidden name, if any."""
    allowed, forbidden, attributes = config.allowed, config.forbidden, config.forbidden_attributes
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.partition(".")[0] not in allowed:
                    return f"imports `{alias.name}`, which is not allowed"
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level or module.partition(".")[0] not in allowed:
                return f"imports from `{'.' * node.level}{module}`, which is not allowed"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in forbidden:
                return f"calls `{node.func.id}()` (line {node.lineno}), which is forbidden"
        elif isinstance(node, ast.Name) and node.id in attributes:
            return f"uses `{node.id}` (line {node.lineno}), which is forbidden"
        elif isinstance(node, ast.Attribute) and node.attr in attributes:
            return f"uses `.{node.attr}` (line {node.lineno}), which is forbidden"
    return None


def _static_rungs(climb: _Climb, config: LadderConfig) -> None:
    started = time.perf_counter()
    tree, problem = check_parses(climb.candidate.code, climb.task.class_name)
    if climb.climb(problem) and tree is not None:
        climb.climb(check_imports(tree, config))
    climb.duration_s += time.perf_counter() - started


# ---------------------------------------------------------------------------------- backtests


def run_observed(
    jobs: Sequence[tuple[str, str, int]],
    bars: Mapping[str, pl.DataFrame],
    pool: SandboxPool,
    config: BacktestConfig,
) -> list[tuple[BacktestResult, dict[str, Any] | None]]:
    """Backtest ``(code, class_name, n_feeds)`` jobs, one ``run_backtests`` batch per feed
    count; results and what each strategy did (``observe.observe``) in the jobs' order."""
    out: list[tuple[BacktestResult, dict[str, Any] | None] | None] = [None] * len(jobs)
    for n_feeds in sorted({job[2] for job in jobs}):
        indices = [i for i, job in enumerate(jobs) if job[2] == n_feeds]
        logger.info("backtesting %d strategies on %d probe feed(s)", len(indices), n_feeds)
        results = run_backtests(
            [jobs[i][0] for i in indices],
            feeds_for(bars, n_feeds),
            config,
            pool,
            strategy_names=[jobs[i][1] for i in indices],
        )
        for i, result in zip(indices, results, strict=True):
            out[i] = (result, observe(result))
    return [item for item in out if item is not None]


def _run_error(result: BacktestResult, class_name: str) -> str | None:
    if result.ok:
        return None
    error = result.error or result.status
    if f"defines no bt.Strategy subclass {class_name!r}" in error:
        return f"`{class_name}` is not a bt.Strategy subclass"
    return error


def _traded(result: BacktestResult, observation: dict[str, Any] | None) -> bool:
    total = result.trade_counts.get("total", 0)
    n_trades = result.metrics.n_trades if result.metrics else 0
    return bool(total or n_trades or (observation and observation["n_signals"]))


def check_trades(
    spec: dict[str, Any], result: BacktestResult, observation: dict[str, Any] | None
) -> str | None:
    if not spec.get("must_trade") or _traded(result, observation):
        return None
    return "made no trade on the probe bars"


def check_finite(result: BacktestResult) -> str | None:
    """Every metric finite; the win rate may be NaN only when no trade closed."""
    if result.metrics is None:
        return "no metrics"
    metrics = result.metrics.as_dict()
    bad = [
        f"{name}={value}"
        for name, value in metrics.items()
        if not math.isfinite(value) and not (name == "win_rate" and metrics["n_trades"] == 0)
    ]
    return f"non-finite metrics: {', '.join(bad)}" if bad else None


# ------------------------------------------------------------------------------ the spec rung


def signal_match(expected: list[list[int]], actual: list[list[int]], tolerance: int) -> float:
    """Share of position changes that pair up, feed by feed, within ``tolerance`` bars (over
    the larger of the two counts, so extra changes count against a candidate too)."""
    matched = 0
    for feed in range(max(len(expected), len(actual))):
        wanted = expected[feed] if feed < len(expected) else []
        got = actual[feed] if feed < len(actual) else []
        matched += _pairs_within(wanted, got, tolerance)
    total = max(sum(map(len, expected)), sum(map(len, actual)))
    return matched / total if total else 1.0


def _pairs_within(wanted: list[int], got: list[int], tolerance: int) -> int:
    i = j = pairs = 0
    while i < len(wanted) and j < len(got):
        if abs(wanted[i] - got[j]) <= tolerance:
            pairs, i, j = pairs + 1, i + 1, j + 1
        elif got[j] < wanted[i]:
            j += 1
        else:
            i += 1
    return pairs


def _records_problem(
    expected: dict[str, Any] | None, actual: dict[str, Any] | None, rel_tol: float
) -> str | None:
    if expected is None:
        return None
    if not actual or not actual["n"]:
        return "self.records is missing or empty"
    k = min(len(expected["tail"]), len(actual["tail"]))
    wanted, got = expected["tail"][-k:], actual["tail"][-k:]
    if not all(_close(a, b, rel_tol) for a, b in zip(wanted, got, strict=True)):
        shown = [None if v is None else round(v, 6) for v in got]
        return f"self.records ends with {shown}, expected {[round(v, 6) for v in wanted]}"
    return None


def _close(a: float | None, b: float | None, rel_tol: float) -> bool:
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-9)


def spec_problems(
    spec: dict[str, Any],
    result: BacktestResult,
    observation: dict[str, Any] | None,
    config: LadderConfig,
) -> list[str]:
    """Every way the run breaks the spec (empty when it matches)."""
    if spec.get("free"):
        return []
    expected = spec.get("expected")
    if expected is None:
        return ["the task has no expected behaviour (ground it with ground_tasks first)"]
    if observation is None:
        return ["no behaviour observation came back (the backtest did not finish)"]
    problems = behaviour_problems(spec, result, observation, config)
    signals = _signal_problem(expected, observation, config)
    records = (
        _records_problem(
            expected.get("records"), observation.get("records"), config.records_rel_tol
        )
        if spec.get("records")
        else None
    )
    return problems + [problem for problem in (signals, records) if problem]


def behaviour_problems(
    spec: dict[str, Any],
    result: BacktestResult,
    observation: dict[str, Any],
    config: LadderConfig,
) -> list[str]:
    """The spec's rules on any bars (long only, order types, position size, holding time),
    without the teacher's expected signals: what the trading gym checks."""
    return [
        problem
        for problem in (
            _long_only_problem(spec, result, observation),
            _order_type_problem(spec, observation),
            _position_problem(spec, observation, config),
            _holding_problem(spec, result, config),
        )
        if problem
    ]


def _long_only_problem(
    spec: dict[str, Any], result: BacktestResult, observation: dict[str, Any]
) -> str | None:
    if not spec.get("long_only"):
        return None
    if observation["short_bar"] is not None:
        return f"long_only: went short on bar {observation['short_bar']}"
    if any(trade["direction"] == "short" for trade in result.trades):
        return "long_only: made a short trade"
    return None


def _order_type_problem(spec: dict[str, Any], observation: dict[str, Any]) -> str | None:
    types = observation["order_types"]
    seen = ", ".join(sorted(types)) or "none"
    if spec.get("must_use_stop") and not any(t in types for t in STOP_ORDER_TYPES):
        return f"must_use_stop: no stop order was submitted (order types: {seen})"
    missing = [t for t in spec.get("order_types", []) if t not in types]
    if missing:
        return f"order types: no {', '.join(missing)} order was submitted (order types: {seen})"
    return None


def _position_problem(
    spec: dict[str, Any], observation: dict[str, Any], config: LadderConfig
) -> str | None:
    cap = spec.get("max_position")
    largest = observation["max_fraction"]
    if cap is None or largest <= cap * (1 + config.position_slack) + 0.01:
        return None
    return f"max_position: a position reached {largest:.0%} of the portfolio (limit {cap:.0%})"


def _holding_problem(
    spec: dict[str, Any], result: BacktestResult, config: LadderConfig
) -> str | None:
    limit = spec.get("max_holding_bars")
    longest = max((trade["bars"] for trade in result.trades), default=0)
    if limit is None or longest <= limit + config.signal_tolerance_bars:
        return None
    return f"max_holding_bars: a trade lasted {longest} bars (limit {limit})"


def _signal_problem(
    expected: dict[str, Any], observation: dict[str, Any], config: LadderConfig
) -> str | None:
    wanted, got = expected["signals"], observation["signals"]
    score = signal_match(wanted, got, config.signal_tolerance_bars)
    observation["signal_match"] = score
    if score >= config.signal_match_fraction:
        return None
    counts = f"{sum(map(len, got))} position changes vs {sum(map(len, wanted))} expected"
    return (
        f"signals: {score:.0%} of position changes match the expected bars within "
        f"±{config.signal_tolerance_bars} (need {config.signal_match_fraction:.0%}; {counts})"
    )


# ---------------------------------------------------------------------------- determinism


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return a == b


def rerun_differences(
    first: BacktestResult,
    first_observation: dict[str, Any] | None,
    second: BacktestResult,
    second_observation: dict[str, Any] | None,
) -> list[str]:
    """What differs between two runs of the same candidate (empty when nothing does)."""
    if not second.ok:
        return [f"the re-run failed: {second.error or second.status}"]
    a = first.metrics.as_dict() if first.metrics else {}
    b = second.metrics.as_dict() if second.metrics else {}
    differences = [
        f"{key} {a[key]!r} vs {b.get(key)!r}" for key in a if not _same(a[key], b.get(key))
    ]
    for key in ("signals", "order_types", "records"):
        before = (first_observation or {}).get(key)
        after = (second_observation or {}).get(key)
        if before != after and not (key == "records" and _same_records(before, after)):
            differences.append(f"{key} changed")
    return differences


def _same_records(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None:
        return a is b
    if a["n"] != b["n"] or len(a["tail"]) != len(b["tail"]):
        return False
    return all(_close(x, y, 0.0) for x, y in zip(a["tail"], b["tail"], strict=True))


# ------------------------------------------------------------------------------ entry points


def verify_candidates(
    candidates: Sequence[Candidate | Mapping[str, Any]],
    tasks: Mapping[str, StrategyTask],
    bars: Mapping[str, pl.DataFrame],
    pool: SandboxPool,
    config: LadderConfig | None = None,
) -> list[VerifiedCandidate]:
    """Climb every candidate up the ladder (rows in the candidates' order). ``tasks`` holds
    the candidates' tasks, grounded (``ground_tasks``); a candidate whose task is not there
    (a harvested commit) runs spec-free (``free_task``) with the class ``meta["class_name"]``
    names. ``bars`` are the probe feeds (``probe_bars``)."""
    config = config or LadderConfig()
    candidates = [as_candidate(c) for c in candidates]
    climbs = [_Climb(candidate, _task_of(candidate, tasks)) for candidate in candidates]
    for climb in climbs:
        _static_rungs(climb, config)
    _first_runs([c for c in climbs if c.passed == RUN - 1], bars, pool, config)
    _re_runs([c for c in climbs if c.passed == MATCHES_SPEC], bars, pool, config)
    rows = [_row(climb) for climb in climbs]
    logger.info("%d of %d candidates verified", sum(r.verified for r in rows), len(rows))
    return rows


def as_candidate(candidate: Candidate | Mapping[str, Any]) -> Candidate:
    """A ``Candidate``, from one or from its fields as a mapping (commit candidates)."""
    if isinstance(candidate, Candidate):
        return candidate
    fields = ("task_id", "candidate_id", "source", "code", "instruction")
    return Candidate(**{k: candidate[k] for k in fields}, meta=dict(candidate.get("meta") or {}))


def _task_of(candidate: Candidate, tasks: Mapping[str, StrategyTask]) -> StrategyTask:
    """The candidate's task; for one without a task (a harvested commit), a spec-free task
    for the class its ``meta["class_name"]`` names."""
    task = tasks.get(candidate.task_id)
    if task is not None:
        return task
    class_name = candidate.meta.get("class_name")
    if not class_name:
        raise ValueError(
            f"candidate {candidate.candidate_id}: unknown task {candidate.task_id!r} and no "
            "meta['class_name'] to run it without one"
        )
    return free_task(candidate.task_id, class_name, int(candidate.meta.get("n_feeds", 1)))


def free_task(task_id: str, class_name: str, n_feeds: int = 1) -> StrategyTask:
    """A task with no spec beyond "trades": a harvested strategy answers no generated task,
    so the ladder runs it, asks for a trade, finite metrics and determinism, and skips the spec
    checks (``matches_spec`` passes, and ``meta["spec_checks"]`` says ``"skipped"``)."""
    spec = {
        "class_name": class_name,
        "components": [],
        "n_feeds": n_feeds,
        "must_trade": True,
        "long_only": False,
        "must_use_stop": False,
        "order_types": [],
        "max_position": None,
        "max_holding_bars": None,
        "records": False,
        "expected": None,
        "free": True,
    }
    return StrategyTask(task_id, "", "", 0, "unknown", "", spec)


def _first_runs(
    climbs: list[_Climb], bars: Mapping[str, pl.DataFrame], pool: SandboxPool, config: LadderConfig
) -> None:
    jobs = [(c.candidate.code, c.task.class_name, c.task.n_feeds) for c in climbs]
    for climb, (result, observation) in zip(
        climbs, run_observed(jobs, bars, pool, config.backtest_config()), strict=True
    ):
        climb.result, climb.observation = result, observation
        climb.duration_s += result.duration_s
        _run_rungs(climb, result, observation, config)
        climb.meta.update(_measured(observation))
        if climb.task.spec.get("free"):
            climb.meta["spec_checks"] = "skipped"


def _run_rungs(
    climb: _Climb,
    result: BacktestResult,
    observation: dict[str, Any] | None,
    config: LadderConfig,
) -> None:
    """``runs`` to ``matches_spec``, each checked only once the one below passed."""
    spec = climb.task.spec
    checks = (
        lambda: _run_error(result, climb.task.class_name),
        lambda: check_trades(spec, result, observation),
        lambda: check_finite(result),
        lambda: "; ".join(spec_problems(spec, result, observation, config)),
    )
    for check in checks:
        if not climb.climb(check()):
            return


def _re_runs(
    climbs: list[_Climb], bars: Mapping[str, pl.DataFrame], pool: SandboxPool, config: LadderConfig
) -> None:
    jobs = [(c.candidate.code, c.task.class_name, c.task.n_feeds) for c in climbs]
    for climb, (result, observation) in zip(
        climbs, run_observed(jobs, bars, pool, config.backtest_config()), strict=True
    ):
        climb.duration_s += result.duration_s
        assert climb.result is not None
        differences = rerun_differences(climb.result, climb.observation, result, observation)
        climb.climb(f"re-run differs: {'; '.join(differences[:4])}" if differences else None)


def _measured(observation: dict[str, Any] | None) -> dict[str, Any]:
    if observation is None:
        return {}
    return {
        "n_signals": observation["n_signals"],
        "signal_match": observation.get("signal_match"),
        "order_types": observation["order_types"],
        "max_fraction": observation["max_fraction"],
    }


def _row(climb: _Climb) -> VerifiedCandidate:
    metrics = climb.result.metrics.as_dict() if climb.result and climb.result.metrics else {}
    return VerifiedCandidate.climbed(
        climb.candidate, RUNGS, climb.passed, climb.reason, climb.duration_s, metrics, climb.meta
    )


def ground_tasks(
    tasks: Sequence[StrategyTask],
    bars: Mapping[str, pl.DataFrame],
    pool: SandboxPool,
    config: LadderConfig | None = None,
) -> list[StrategyTask]:
    """The tasks with ``spec["expected"]`` filled from a run of the teacher on the probe bars:
    the bars of every position change per feed, the tail of ``self.records``, the trade count
    and the probe used. A task whose teacher run fails keeps ``expected`` None (and no
    candidate of it can match its spec)."""
    config = config or LadderConfig()
    jobs = [(teacher_candidate(task), task.class_name, task.n_feeds) for task in tasks]
    runs = run_observed(jobs, bars, pool, config.backtest_config())
    return [
        task.with_expected(_expected(task, result, observation, bars))
        for task, (result, observation) in zip(tasks, runs, strict=True)
    ]


def _expected(
    task: StrategyTask,
    result: BacktestResult,
    observation: dict[str, Any] | None,
    bars: Mapping[str, pl.DataFrame],
) -> dict[str, Any] | None:
    if not result.ok or observation is None or observation["truncated"]:
        return None
    feeds = feeds_for(bars, task.n_feeds)
    return {
        "signals": observation["signals"],
        "records": observation["records"],
        "n_trades": result.trade_counts.get("total", 0),
        "probe": {"feeds": list(feeds), "n_bars": min(frame.height for frame in feeds.values())},
    }
