"""The RL task pool: train-split tasks only, posed as CryptoEval poses them."""

from __future__ import annotations

import pytest

from cs_pipelines.cryptoeval.sampling import SYSTEM_PROMPT
from cs_pipelines.rl.pool import (
    TaskPoolError,
    build_task_pool,
    pool_problems,
    train_only_pool,
)
from cs_pipelines.sft.function_tasks import load_function_tasks

FUNCTIONS = {t.task_id: t for t in load_function_tasks()}
IDS = sorted(FUNCTIONS)


def test_the_pool_holds_the_wanted_kinds_of_the_train_split_posed_like_cryptoeval() -> None:
    train = [*IDS[:10], "strategy/ema_cross"]
    pool = build_task_pool(train, FUNCTIONS, ("function",))
    assert [t.task_id for t in pool] == IDS[:10]
    assert all(t.kind == "function" for t in pool)
    system, user = pool[0].messages
    assert system["content"] == SYSTEM_PROMPT
    assert FUNCTIONS[IDS[0]].task.prompt.strip() in user["content"]


def test_a_capped_pool_is_a_seeded_sample() -> None:
    first = build_task_pool(IDS, FUNCTIONS, ("function",), max_tasks=5, seed=1)
    again = build_task_pool(IDS, FUNCTIONS, ("function",), max_tasks=5, seed=1)
    other = build_task_pool(IDS, FUNCTIONS, ("function",), max_tasks=5, seed=2)
    assert [t.task_id for t in first] == [t.task_id for t in again] != [t.task_id for t in other]
    assert len(first) == 5


def test_an_empty_pool_and_unknown_tasks_are_named() -> None:
    with pytest.raises(TaskPoolError, match="holds no function tasks"):
        build_task_pool(["strategy/x"], FUNCTIONS, ("function",))
    with pytest.raises(TaskPoolError, match="not in the task tables"):
        build_task_pool(["fn/no_such_function"], FUNCTIONS, ("function",))


def test_pool_problems_name_every_leak() -> None:
    train, held_out = IDS[:5], IDS[5:8]
    assert pool_problems(IDS[:5], train, held_out) == []
    leaks = pool_problems([IDS[0], IDS[6], "fn/other"], [*train, "fn/other"], held_out, ["other"])
    assert leaks == [
        f"{IDS[6]}: not in the SFT train split",
        f"{IDS[6]}: in the held-out (validation) split",
        "fn/other: CryptoEval asks for the same function",
    ]


def test_the_pool_carries_each_train_task_s_verified_answer(tmp_path) -> None:
    """The SFT-loss mix trains on the answer the SFT set verified (its first train row), and
    never on a validation row's."""
    from datasets import Dataset, DatasetDict

    def row(task_id: str, answer: str) -> dict:
        chat = [{"role": "user", "content": "task"}, {"role": "assistant", "content": answer}]
        return {"task_id": task_id, "messages": chat}

    train = [row(IDS[0], "first"), row(IDS[0], "second"), row(IDS[1], "other")]
    DatasetDict(
        train=Dataset.from_list(train), validation=Dataset.from_list([row(IDS[2], "held out")])
    ).save_to_disk(str(tmp_path))
    pool, held_out = train_only_pool(tmp_path, FUNCTIONS, ("function",), [])
    assert {t.task_id: t.reference for t in pool} == {IDS[0]: "first", IDS[1]: "other"}
    assert held_out == [IDS[2]]
    assert all(t.reference == "" for t in build_task_pool(IDS[:2], FUNCTIONS, ("function",)))
