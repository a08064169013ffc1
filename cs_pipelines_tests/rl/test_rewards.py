"""RL rewards in the real sandbox: graded, earned only by the right outputs, never by tampering."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cs_pipelines.cryptoeval.sampling import CODE_PREFILL
from cs_pipelines.rl.rewards import (
    FunctionGrader,
    Outcome,
    RewardError,
    RewardSettings,
    TaskRewards,
)
from cs_pipelines.sandbox import ExecutionResult, SandboxPool, Status
from cs_pipelines.sft.function_tasks import load_function_tasks

TASKS = {t.task_id: t for t in load_function_tasks() if t.task.probe and t.task.mutants}
CHOSEN = sorted(TASKS)[:4]


@pytest.fixture(scope="module")
def pool() -> Iterator[SandboxPool]:
    with SandboxPool(workers=2) as sandbox_pool:
        yield sandbox_pool


@pytest.fixture(scope="module")
def grader(pool: SandboxPool) -> FunctionGrader:
    return FunctionGrader(TASKS, pool, RewardSettings(timeout_s=3.0))


def reference(task_id: str) -> str:
    """The reference answer as a model writes it: the whole function."""
    task = TASKS[task_id].task
    return task.prompt + task.canonical_solution


def test_the_reference_earns_one_and_wrong_answers_earn_partial_credit(grader) -> None:
    right = grader.grade([(t, reference(t)) for t in CHOSEN])
    assert all(o.reward == 1.0 and o.correct and o.signature for o in right)
    wrong = grader.grade([(t, TASKS[t].task.mutants[0]) for t in CHOSEN])
    assert all(o.reward is not None and 0.0 <= o.reward < 1.0 for o in wrong)
    assert not any(o.correct for o in wrong)
    assert any(o.reward > 0 for o in wrong if o.reward is not None)  # graded, not all-or-nothing
    # A wrong answer's outputs differ from the reference's: another vote in maj@k.
    assert all(w.signature != r.signature for w, r in zip(wrong, right, strict=True))


HOSTILE = {
    # Exits after defining the right function, before the grader could run it.
    "exits early": lambda code: code + "\nexit()\n",
    "raises SystemExit(0)": lambda code: code + "\nraise SystemExit(0)\n",
    # Loops forever at module level: a timeout, not a hang.
    "loops forever": lambda code: code + "\nwhile True:\n    pass\n",
    # Imports what the ladder forbids (to reach the process, the result descriptor...).
    "imports os": lambda code: "import os\n" + code + "\nos._exit(0)\n",
    "calls exec": lambda code: code + "\nexec('x = 1')\n",
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_tampering_earns_nothing(grader, attack: str) -> None:
    task_id = CHOSEN[0]
    (outcome,) = grader.grade([(task_id, HOSTILE[attack](reference(task_id)))])
    assert outcome.reward == 0.0 and not outcome.correct, outcome


def test_forged_grader_helpers_change_nothing(grader) -> None:
    """An answer that defines the grader's own names gets exactly its honest reward: the
    grader's definitions come after it, and the verdict is made on the host."""
    task_id = CHOSEN[1]
    wrong = TASKS[task_id].task.mutants[0]
    forged = wrong + (
        "\n\ndef _output_signature(outputs):\n    return 'forged'\n"
        "\n\ndef probe(candidate):\n    return []\n"
        "\n\ndef __cs_rl_grade():\n    return ['forged'] * 64\n"
    )
    honest, forged_outcome = grader.grade([(task_id, wrong), (task_id, forged)])
    assert forged_outcome.reward == honest.reward < 1.0


class _BrokenSandbox:
    """A pool whose sandbox itself fails (the server died): what no real run can be made to do."""

    def run_many(self, jobs: list[dict]) -> list[ExecutionResult]:
        return [
            ExecutionResult(status=Status.ERROR, exc_type="SandboxError", exc_message="server died")
            for _ in jobs
        ]


def test_an_unscorable_answer_gets_none_not_zero(grader) -> None:
    task_id = CHOSEN[0]
    broken = FunctionGrader(TASKS, _BrokenSandbox())
    broken._references = {task_id: grader._references[task_id]}
    (outcome,) = broken.grade([(task_id, reference(task_id))])
    assert outcome.reward is None and "unscorable" in outcome.detail


def test_task_rewards_speaks_trl_and_keeps_the_batch(grader) -> None:
    rewards = TaskRewards(functions=grader)
    ids = [CHOSEN[0], CHOSEN[0], CHOSEN[2]]
    texts = [reference(CHOSEN[0]), "def nothing():\n    pass\n", reference(CHOSEN[2])]
    assert rewards(["p"] * 3, texts, task_id=ids) == [1.0, 0.0, 1.0]
    assert [o.correct for o in rewards.last] == [True, False, True]
    assert isinstance(rewards.last[0], Outcome)
    with pytest.raises(RewardError, match="no grader for tasks strategy/x"):
        rewards(["p"], ["x"], task_id=["strategy/x"])


def test_a_completion_of_a_prefilled_code_block_is_graded_as_written(grader) -> None:
    """RL prompts end with the opening fence: the completion is the body, the closing fence
    and maybe prose after it (TRL's own generation does not stop at the fence)."""
    rewards = TaskRewards(functions=grader)
    task_id = CHOSEN[0]
    prompt = "<chat template>" + CODE_PREFILL
    body = reference(task_id)
    completions = [body + "\n```", body + "\n```\n\nThis function computes it.", body]
    assert rewards([prompt] * 3, completions, task_id=[task_id] * 3) == [1.0, 1.0, 1.0]
    # A prompt that did not open the block: the completion is taken as it is.
    assert rewards(["no prefill"], ["```python\n" + body + "\n```"], task_id=[task_id]) == [1.0]


def test_a_task_without_probe_calls_cannot_be_graded(pool) -> None:
    from dataclasses import replace

    task_id = CHOSEN[0]
    bare = replace(TASKS[task_id], task=replace(TASKS[task_id].task, probe=""))
    with pytest.raises(RewardError, match="has no probe calls"):
        FunctionGrader({task_id: bare}, pool).grade([(task_id, reference(task_id))])


def test_strategy_answers_earn_the_trading_gym_s_reward(pool) -> None:
    """With a gym, strategy answers get its reward on the training windows: a working strategy
    is scored, a broken one gets the rungs it passed, a tampering one a penalty."""
    from pathlib import Path
    from types import SimpleNamespace

    from cs_pipelines.gym import GymConfig, TradingGym
    from cs_pipelines.rl.rewards import GymGrader, rewards_for
    from cs_pipelines.sft.ladder import free_task
    from cs_pipelines_tests.backtest.conftest import SMA_CROSS, make_bars

    poison = Path(__file__).parents[1] / "backtest" / "hostile" / "not_a_number.py"
    tampering = poison.read_text().replace("class Poison", "class SmaCross")
    gym = TradingGym(make_bars(500, seed=4), GymConfig(window_bars=60), pool)
    tasks = {"strategy/sma": free_task("strategy/sma", "SmaCross")}
    rl_pool = [SimpleNamespace(task_id="strategy/sma", kind="strategy")]
    rewards = rewards_for(rl_pool, tasks, {}, pool, gym=gym)
    assert isinstance(rewards.strategies, GymGrader) and rewards.functions is None
    answers = [SMA_CROSS, SMA_CROSS.replace("self.buy()", "self.buy(size=1/0)"), tampering]
    got = rewards(["p"] * 3, [f"```python\n{a}\n```" for a in answers], task_id=[*tasks] * 3)
    direct = [r.reward for r in gym.score(answers, "train", [tasks["strategy/sma"]] * 3)]
    assert got == direct
    assert got[0] >= 0.4 and got[1] == pytest.approx(0.1) and got[2] == -0.5
    assert [o.correct for o in rewards.last] == [True, False, False]
    assert "ZeroDivisionError" in rewards.last[1].detail
