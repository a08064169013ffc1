"""The teacher's code: parses, defines the named class, imports only backtrader (and math), is
the same every time, and wires protective orders the way the ladder expects. That it runs and
does what its task says is the ladder's test (``test_ladder.py``)."""

from __future__ import annotations

import ast
import random

import pytest

from cs_pipelines.sft.candidates import TEACHER, teacher_candidates
from cs_pipelines.sft.tasks import Component, StrategyTask, generate_tasks, make_task
from cs_pipelines.sft.teacher import teacher_candidate

SMA = Component("sma_cross", {"fast": 10, "slow": 30})


@pytest.fixture(scope="module")
def tasks() -> list[StrategyTask]:
    return generate_tasks()


def _code(*components: Component) -> str:
    return teacher_candidate(make_task(list(components), (), random.Random(0)))


def _imports(tree: ast.Module) -> set[str]:
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    return names | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_every_teacher_candidate_is_a_tidy_module_defining_its_class(
    tasks: list[StrategyTask],
) -> None:
    for task in tasks:
        code = teacher_candidate(task)
        tree = ast.parse(code)
        classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
        assert classes == [task.class_name]
        assert _imports(tree) <= {"backtrader", "math"}
        assert max(len(line) for line in code.splitlines()) <= 100
        assert code == teacher_candidate(task)


def test_teacher_candidates_carry_the_task(tasks: list[StrategyTask]) -> None:
    candidates = teacher_candidates(tasks)
    assert [c.task_id for c in candidates] == [t.task_id for t in tasks]
    assert {c.source for c in candidates} == {TEACHER}
    assert len({c.candidate_id for c in candidates}) == len(tasks)
    assert [c.instruction for c in candidates] == [t.instruction for t in tasks]
    assert teacher_candidates(tasks[:3]) == candidates[:3]


def test_a_level_one_strategy_is_plain() -> None:
    code = _code(SMA)
    assert code.startswith("import backtrader as bt\n\n\nclass ")
    assert "self.buy()" in code and "self.close()" in code
    assert "notify_order" not in code and "import math" not in code


def test_stops_and_targets_share_one_oco_group_with_the_signal_exit() -> None:
    code = _code(
        SMA,
        Component("stop_loss", {"stop_pct": 0.05}),
        Component("take_profit", {"take_profit_pct": 0.1}),
    )
    assert "exectype=bt.Order.Stop" in code and "exectype=bt.Order.Limit" in code
    assert "oco=stop" in code and "self.close(oco=oco)" in code
    assert "order.ref != self.order.ref" in code  # notifications are copies


def test_long_short_mirrors_the_protective_orders() -> None:
    code = _code(SMA, Component("long_short"), Component("trailing_stop", {"trail_pct": 0.05}))
    assert "exit_order = self.sell if size > 0 else self.buy" in code
    assert "trailpercent=self.p.trail_pct" in code and "self.protect()" in code


def test_math_is_imported_only_for_volatility_targeting() -> None:
    sizing = {"target_vol_pct": 0.3, "vol_period": 20, "max_pct": 0.9}
    assert "import math" in _code(SMA, Component("vol_scaled", sizing))


def test_multi_asset_strategies_trade_fractional_units() -> None:
    params = {"lookback": 20, "rebalance_bars": 5, "weight_pct": 0.9}
    rotation = _code(Component("momentum_rotation", params))
    assert "order_target_percent(" not in rotation
    assert "self.order_target_size(data=data, target=units)" in rotation
