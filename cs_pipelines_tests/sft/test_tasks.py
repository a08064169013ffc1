"""Strategy tasks: deterministic by seed, graded, composed from easier parents, grouped into
families that a split by family keeps whole, and round-tripping through records."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter

import pytest

from cs_pipelines.sft.tasks import (
    CATEGORIES,
    COMPONENTS,
    DIFFICULTY_LABELS,
    ROOT_KINDS,
    Component,
    StrategyTask,
    StrategyTaskConfig,
    generate_tasks,
    level_quotas,
    make_task,
)

SMA = Component("sma_cross", {"fast": 10, "slow": 30})


@pytest.fixture(scope="module")
def tasks() -> list[StrategyTask]:
    return generate_tasks()


def _task(*components: Component) -> StrategyTask:
    return make_task(list(components), (), random.Random(0))


def test_the_same_seed_gives_the_same_tasks(tasks: list[StrategyTask]) -> None:
    again = generate_tasks(StrategyTaskConfig(seed=0))
    assert [t.to_record() for t in again] == [t.to_record() for t in tasks]


def test_another_seed_gives_other_tasks(tasks: list[StrategyTask]) -> None:
    other = generate_tasks(StrategyTaskConfig(seed=1))
    assert len(other) == len(tasks)
    assert {t.task_id for t in other} != {t.task_id for t in tasks}


def test_the_default_set_is_graded_over_every_category(tasks: list[StrategyTask]) -> None:
    assert len(tasks) == 120
    assert len({t.task_id for t in tasks}) == 120
    assert Counter(t.difficulty for t in tasks) == {1: 40, 2: 40, 3: 40}
    assert {t.category for t in tasks} == set(CATEGORIES)
    assert {t.difficulty_label for t in tasks} == set(DIFFICULTY_LABELS)
    assert {t.components[0].kind for t in tasks if t.level == 1} == set(ROOT_KINDS)


def test_a_composed_task_is_its_parent_plus_one_component(tasks: list[StrategyTask]) -> None:
    by_id = {t.task_id: t for t in tasks}
    for task in tasks:
        assert len(task.components) == task.difficulty
        if task.difficulty == 1:
            assert task.parents == ()
            continue
        (parent_id,) = task.parents
        parent = by_id[parent_id]
        assert parent.difficulty == task.difficulty - 1
        assert task.components[:-1] == parent.components
        assert task.category == COMPONENTS[task.components[-1].kind].category


def test_modifiers_fit_their_root_and_never_share_a_slot(tasks: list[StrategyTask]) -> None:
    for task in tasks:
        root, *modifiers = (COMPONENTS[c.kind] for c in task.components)
        assert root.is_root
        assert all(root.group in m.targets and not m.is_root for m in modifiers)
        slots = [m.slot for m in modifiers]
        assert len(slots) == len(set(slots)), task.spec["components"]


def test_a_family_split_never_separates_a_task_from_its_ancestors(
    tasks: list[StrategyTask],
) -> None:
    assert all(t.family == t.components[0].kind for t in tasks)
    families = sorted({t.family for t in tasks})
    in_validation = {f for f in families if hashlib.sha1(f.encode()).digest()[0] % 3 == 0}
    assert in_validation and in_validation != set(families)
    split = {t.task_id: t.family in in_validation for t in tasks}
    by_id = {t.task_id: t for t in tasks}
    for task in tasks:
        ancestor = task
        while ancestor.parents:
            ancestor = by_id[ancestor.parents[0]]
            assert split[ancestor.task_id] == split[task.task_id]
            assert ancestor.family == task.family


def test_records_round_trip(tasks: list[StrategyTask]) -> None:
    grounded = tasks[-1].with_expected({"signals": [[3, 9]], "records": None, "n_trades": 1})
    for task in [*tasks, grounded]:
        record = task.to_record()
        assert json.loads(json.dumps(record)) == record
        assert StrategyTask.from_record(record) == task
    as_dict = {**grounded.to_record(), "spec": grounded.spec}
    assert StrategyTask.from_record(as_dict) == grounded


def test_the_id_is_the_components_in_any_modifier_order() -> None:
    stop = Component("stop_loss", {"stop_pct": 0.05})
    timed = Component("time_exit", {"max_bars": 5})
    assert _task(SMA, stop, timed).task_id == _task(SMA, timed, stop).task_id
    assert _task(SMA, stop).task_id != _task(SMA, timed).task_id


def test_the_spec_says_what_a_run_must_show() -> None:
    spec = _task(SMA).spec
    assert spec["must_trade"] and spec["long_only"] and not spec["must_use_stop"]
    assert spec["n_feeds"] == 1 and spec["max_position"] is None and spec["expected"] is None
    stop = _task(SMA, Component("stop_loss", {"stop_pct": 0.05})).spec
    assert stop["must_use_stop"] and stop["order_types"] == ["Stop"]
    trail_tp = _task(
        SMA,
        Component("trailing_stop", {"trail_pct": 0.05}),
        Component("take_profit", {"take_profit_pct": 0.1}),
    ).spec
    assert trail_tp["must_use_stop"] and trail_tp["order_types"] == ["Limit", "StopTrail"]
    assert not _task(SMA, Component("long_short")).spec["long_only"]
    sized = _task(SMA, Component("percent_equity", {"position_pct": 0.25})).spec
    assert sized["max_position"] == 0.25
    assert _task(SMA, Component("time_exit", {"max_bars": 5})).spec["max_holding_bars"] == 6
    pair = {"lookback": 20, "entry_z": 2.0, "exit_z": 0.5, "leg_pct": 0.4}
    pairs = _task(Component("pairs_zscore", pair)).spec
    assert pairs["n_feeds"] == 2 and not pairs["long_only"] and pairs["max_position"] == 0.4
    analysis = _task(Component("indicator_record", {"indicator": "rsi", "period": 14})).spec
    assert not analysis["must_trade"] and analysis["records"]


def test_instructions_name_the_class_and_vary_their_phrasing(tasks: list[StrategyTask]) -> None:
    for task in tasks:
        assert f"`{task.class_name}`" in task.instruction
        assert "{" not in task.instruction and "}" not in task.instruction
    openings = Counter(t.instruction.split("`")[0] for t in tasks)
    assert len(openings) == 3
    assert len({t.class_name for t in tasks}) > len(ROOT_KINDS)


def test_levels_split_the_tasks_evenly() -> None:
    assert level_quotas(StrategyTaskConfig(n_tasks=10, max_level=3)) == [4, 3, 3]
    small = generate_tasks(StrategyTaskConfig(n_tasks=12, max_level=1))
    assert len(small) == 12 and {t.difficulty for t in small} == {1}
    deep = generate_tasks(StrategyTaskConfig(n_tasks=20, max_level=4))
    assert {t.difficulty for t in deep} == {1, 2, 3, 4}
    assert {t.difficulty_label for t in deep if t.difficulty >= 3} == {"hard"}


def test_a_bad_config_is_refused() -> None:
    with pytest.raises(ValueError, match="n_tasks"):
        StrategyTaskConfig(n_tasks=0)
    with pytest.raises(ValueError, match="stop_pct"):
        StrategyTaskConfig(stop_pct_min=0.2, stop_pct_max=0.1)
