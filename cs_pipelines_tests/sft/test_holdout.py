"""Held-out SFT tasks: answers verified on the real ladder in the sandbox, and the completion
loss counted over the answer tokens only (the tiny model on the real SmolLM2 tokenizer).

The "model" that answers is scripted, so the right verified@1 is known in advance: the
teacher's own solution must climb the whole ladder, prose must not even parse.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import polars as pl
import pytest
from transformers import AutoModelForCausalLM, AutoTokenizer

from cs_pipelines.cryptoeval.sampling import SYSTEM_PROMPT as CRYPTOEVAL_SYSTEM_PROMPT
from cs_pipelines.registry.tracking import metric_key
from cs_pipelines.sandbox import SandboxPool
from cs_pipelines.sft import StrategyTaskConfig, generate_tasks
from cs_pipelines.sft.dataset import chat_messages
from cs_pipelines.sft.function_tasks import is_function_task_id, load_function_tasks
from cs_pipelines.sft.holdout import (
    HoldoutConfig,
    completion_loss,
    evaluate_holdout,
    holdout_tasks,
    results_frame,
    scores_frame,
)
from cs_pipelines.sft.ladder import RUNGS, ground_tasks
from cs_pipelines.sft.model_candidates import SYSTEM_PROMPT
from cs_pipelines.sft.tasks import StrategyTask
from cs_pipelines.sft.teacher import teacher_candidate
from cs_pipelines_tests.cryptoeval.test_sampling import ScriptedGenerator


@pytest.fixture(scope="module")
def tasks(pool: SandboxPool, bars: dict[str, pl.DataFrame]) -> list[StrategyTask]:
    return ground_tasks(generate_tasks(StrategyTaskConfig(n_tasks=3)), bars, pool)


@pytest.fixture(scope="module")
def tiny(tiny_model_dir: Path) -> tuple:
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    return AutoModelForCausalLM.from_pretrained(tiny_model_dir), tokenizer


class AnsweringModel(ScriptedGenerator):
    """A scripted generator that also carries real weights, for the completion loss."""

    def __init__(self, answer, tiny: tuple) -> None:
        super().__init__(answer)
        self.model, self.tokenizer = tiny


def teacher_answers(tasks: list[StrategyTask]):
    solutions = {task.instruction: teacher_candidate(task) for task in tasks}
    return lambda prompt, _: next(code for text, code in solutions.items() if text in prompt)


def reference_chats(tasks: list[StrategyTask]) -> list[list[dict[str, str]]]:
    return [chat_messages(SYSTEM_PROMPT, t.instruction, teacher_candidate(t)) for t in tasks]


def test_the_teachers_answers_are_all_verified(tasks, bars, pool, tiny):
    model = AnsweringModel(teacher_answers(tasks), tiny)
    evaluation = evaluate_holdout("base", tasks, reference_chats(tasks), model, bars, pool)
    (call,) = model.calls
    assert call["temperature"] == 0.0 and call["n"] == 1  # greedy, one answer per task
    assert all(SYSTEM_PROMPT in prompt for prompt in call["prompts"])  # zero-shot, as trained
    assert evaluation.verified_rate == 1.0
    assert evaluation.mean_rungs_passed == len(RUNGS)
    assert evaluation.rung_counts()[RUNGS[-1]] == len(tasks)
    assert math.isfinite(evaluation.completion_loss) and evaluation.loss_tokens > 0
    assert evaluation.families == sorted({t.family for t in tasks})


def test_prose_answers_stop_before_the_first_rung(tasks, bars, pool, tiny):
    model = AnsweringModel(lambda prompt, _: "I would buy when the price goes up.", tiny)
    evaluation = evaluate_holdout(
        "cs-trader-coder/1", tasks, reference_chats(tasks), model, bars, pool, HoldoutConfig()
    )
    assert evaluation.verified_rate == 0.0 and evaluation.mean_rungs_passed == 0.0
    assert evaluation.rung_counts()["none"] == len(tasks)
    rows = results_frame(evaluation, tasks)
    assert rows["model_version"].unique().to_list() == ["cs-trader-coder/1"]
    assert rows["stop_reason"].str.starts_with("parses").all()
    scores = dict(scores_frame(evaluation).select("metric", "value").rows())
    assert scores["verified@1"] == 0.0 and scores["mean_rungs_passed"] == 0.0


def test_only_the_answer_tokens_count_towards_the_loss(tiny):
    model, tokenizer = tiny
    answer = "import backtrader as bt"
    short = chat_messages("sys", "Write it.", answer)
    long = chat_messages("a much longer system prompt " * 5, "Write it, please, now.", answer)
    loss_short, tokens_short = completion_loss(model, tokenizer, [short])
    loss_long, tokens_long = completion_loss(model, tokenizer, [long])
    answer_turn = short[-1]["content"] + "<|im_end|>\n"  # SmolLM2's template closes the turn
    assert tokens_short == tokens_long == len(tokenizer(answer_turn)["input_ids"])
    assert loss_short != loss_long  # same answer tokens, different context
    both, tokens = completion_loss(model, tokenizer, [short, long])
    assert tokens == 2 * tokens_short
    assert both == pytest.approx((loss_short + loss_long) / 2, rel=1e-5)


def test_held_out_ids_must_be_known_tasks(tasks):
    by_id = {task.task_id: task for task in tasks}
    ids = [tasks[2].task_id, tasks[0].task_id, tasks[2].task_id]  # a task's examples repeat
    chosen = holdout_tasks(ids, by_id)
    assert [t.task_id for t in chosen] == sorted({tasks[0].task_id, tasks[2].task_id})
    assert len(holdout_tasks(ids, by_id, max_tasks=1)) == 1
    with pytest.raises(ValueError, match=r"not in strategy_tasks.*unknown-task"):
        holdout_tasks([*ids, "unknown-task"], by_id)


def test_no_held_out_tasks_is_a_clear_error(bars, pool, tiny):
    model = AnsweringModel(lambda prompt, _: "", tiny)
    with pytest.raises(ValueError, match="validation split is empty"):
        evaluate_holdout("base", [], [], model, bars, pool)


def test_function_tasks_are_posed_as_cryptoeval_and_checked_by_their_tests(tasks, bars, pool, tiny):
    functions = load_function_tasks()[:2]
    held_out = holdout_tasks(
        [t.task_id for t in [*tasks, *functions]], {t.task_id: t for t in [*tasks, *functions]}
    )
    kinds = [is_function_task_id(t.task_id) for t in held_out]
    assert kinds[:4] == [False, True, False, True], "strategies and functions take turns"
    bodies = {f.task.prompt.strip(): f.task.canonical_solution for f in functions}
    strategy_answer = teacher_answers(tasks)

    def answer(prompt: str, index: int) -> str:
        body = next((b for header, b in bodies.items() if header in prompt), None)
        return body if body is not None else strategy_answer(prompt, index)

    model = AnsweringModel(answer, tiny)
    evaluation = evaluate_holdout("base", held_out, reference_chats(tasks), model, bars, pool)
    assert [row.task_id for row in evaluation.rows] == [t.task_id for t in held_out]
    scores = evaluation.scores()
    assert scores["verified@1"] == scores["function/verified@1"] == 1.0
    mlflow_names = [metric_key(key, prefix="sft_holdout/") for key in scores]
    assert all(re.fullmatch(r"[\w\-. :/]+", name) for name in mlflow_names), mlflow_names
    assert evaluation.mean_rungs_passed == len(RUNGS)  # strategy answers only
    function_call = next(c for c in model.calls if CRYPTOEVAL_SYSTEM_PROMPT in c["prompts"][0])
    assert function_call["temperature"] == 0.0 and len(function_call["prompts"]) == 2
    assert set(results_frame(evaluation, held_out)["kind"]) == {"strategy", "function"}
