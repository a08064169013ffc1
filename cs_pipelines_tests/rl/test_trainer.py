"""RL through TRL's GRPOTrainer on a tiny random Llama: it trains, or it says why it did not."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from cs_pipelines.rl.config import RLConfig
from cs_pipelines.rl.pool import RLTask
from cs_pipelines.rl.rewards import Outcome, TaskRewards
from cs_pipelines.rl.trainer import NoSignal, RLError, _fill_unscorable, _flat_groups, train_rl

TASKS = [
    RLTask(f"fn/task_{i}", "function", ({"role": "user", "content": f"Write function {i}."},))
    for i in range(4)
]


class LengthGrader:
    """A stand-in grader: the second answer of each pair scores higher (so every group has
    signal), plus a little for odd-length text; ``flat`` scores every answer alike."""

    def __init__(self, flat: bool = False, unscorable_every: int = 0) -> None:
        self.tasks = {t.task_id: t for t in TASKS}
        self.flat, self.unscorable_every, self.calls = flat, unscorable_every, 0

    def grade(self, answers: Sequence[tuple[str, str]]) -> list[Outcome]:
        out = []
        for index, (_, text) in enumerate(answers):
            self.calls += 1
            if self.unscorable_every and index % self.unscorable_every == 0:
                out.append(Outcome(None, None, False, "unscorable"))
                continue
            reward = 0.5 if self.flat else 0.5 * (index % 2) + 0.25 * (len(text) % 2)
            out.append(Outcome(reward, f"answer-{index % 2}", reward >= 0.5, ""))
        return out


def small(**overrides) -> RLConfig:
    values = dict(
        preset="smoke",
        steps=2,
        group_size=2,
        tasks_per_step=2,
        max_completion_tokens=12,
        learning_rate=5e-3,
        max_tasks=-1,
        cpu_threads=1,
    )
    return RLConfig(**{**values, **overrides})


@pytest.mark.parametrize("estimator", ["grpo", "rf++baseline", "passk_loo", "majk_loo"])
def test_rl_trains_the_adapter_and_saves_it(
    tiny_model_dir: Path, tmp_path: Path, estimator: str
) -> None:
    grader = LengthGrader(unscorable_every=4 if estimator == "rf++baseline" else 0)
    result = train_rl(
        tiny_model_dir,
        None,
        TASKS,
        TaskRewards(functions=grader),
        tmp_path,
        small(estimator=estimator, k=2 if estimator != "grpo" else 0),
    )
    assert result.steps == 2 and result.trainable_parameters > 0 and result.lora_change > 0
    assert (result.adapter_dir / "adapter_config.json").is_file()
    assert grader.calls == 2 * 2 * 2  # steps x tasks x answers, each graded once
    assert result.rollout_tokens > 0 and result.generation_s > 0 and result.scoring_s > 0
    rewards = [h["reward"] for h in result.history if "reward" in h]
    assert len(rewards) == 2 and all(0 <= r <= 1 for r in rewards)
    assert all("timing/step_s" in h for h in result.history if "reward" in h)
    shares = result.shares()
    assert abs(sum(shares.values()) - 1.0) < 1e-6
    assert result.final_metrics()["final/steps"] == 2


def test_continuing_a_parent_adapter_trains_it(tiny_model_dir: Path, tmp_path: Path) -> None:
    """A parent adapter loaded frozen trains nothing (trl issues 3031, 6700): ours trains."""
    first = train_rl(
        tiny_model_dir, None, TASKS, TaskRewards(LengthGrader()), tmp_path / "a", small()
    )
    second = train_rl(
        tiny_model_dir,
        first.adapter_dir,
        TASKS,
        TaskRewards(LengthGrader()),
        tmp_path / "b",
        small(),
        parent="cs-trader-coder/1",
    )
    assert second.lora_change > 0 and second.parent == "cs-trader-coder/1"
    assert second.trainable_parameters == first.trainable_parameters


def test_no_signal_is_reported_and_nothing_is_saved(tiny_model_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(NoSignal, match="zero advantage") as raised:
        train_rl(
            tiny_model_dir, None, TASKS, TaskRewards(LengthGrader(flat=True)), tmp_path, small()
        )
    assert not (tmp_path / "adapter").exists()
    # what the run cost is still reported (the RL benchmark times runs with no signal too)
    run = raised.value.result
    assert run.steps == small().steps and run.lora_change == 0.0 and run.rollout_tokens > 0
    assert run.generation_s > 0 and [h["step"] for h in run.history] == [1.0, 2.0]


def test_the_sft_loss_mix_trains_on_the_verified_answers(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """With flat rewards RL alone has nothing to learn from (previous test); mixed with the
    SFT loss the adapter learns the tasks' verified answers, and that loss is logged."""
    references = [
        RLTask(t.task_id, t.kind, t.messages, f"```python\ndef f{i}():\n    return {i}\n```")
        for i, t in enumerate(TASKS)
    ]
    result = train_rl(
        tiny_model_dir,
        None,
        references,
        TaskRewards(LengthGrader(flat=True)),
        tmp_path,
        small(steps=6, sft_loss_weight=1.0, learning_rate=2e-2),
    )
    assert result.lora_change > 0 and (result.adapter_dir / "adapter_config.json").is_file()
    losses = [h["rl/sft_loss"] for h in result.history if "rl/sft_loss" in h]
    assert len(losses) == 6 and all(np.isfinite(losses))
    assert losses[-1] < losses[0]  # the same tasks come back: their answers' NLL falls
    assert all(h["rl/filtered_share"] == 1.0 for h in result.history if "reward" in h)


def test_an_empty_pool_is_an_error(tiny_model_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(RLError, match="task pool is empty"):
        train_rl(tiny_model_dir, None, [], TaskRewards(LengthGrader()), tmp_path, small())


def test_unscorable_answers_stand_at_their_group_mean() -> None:
    rewards = np.array([[1.0, np.nan, 0.0], [np.nan, np.nan, np.nan], [0.2, 0.2, 0.2]])
    filled = _fill_unscorable(rewards)
    assert filled.tolist() == [[1.0, 0.5, 0.0], [0.0, 0.0, 0.0], [0.2, 0.2, 0.2]]
    assert _flat_groups(rewards).tolist() == [False, True, True]


def test_bad_rl_settings_are_named() -> None:
    with pytest.raises(ValueError, match="sft_loss_weight"):
        RLConfig(sft_loss_weight=-0.5)
    with pytest.raises(ValueError, match="estimator must be one of"):
        RLConfig(estimator="ppo")
    with pytest.raises(ValueError, match="parent must be"):
        RLConfig(parent="latest-ish")
    with pytest.raises(ValueError, match="unknown task kinds"):
        RLConfig(task_kinds="function,essay")
    with pytest.raises(ValueError, match="strategy_reward must be one of gym, ladder"):
        RLConfig(strategy_reward="sharpe")
    from cs_pipelines.rl.config import resolve_rl

    with pytest.raises(ValueError, match=r"k must be in 1\.\.group_size"):
        resolve_rl(RLConfig(preset="smoke", estimator="passk_loo", k=9), cuda=False)
    with pytest.raises(ValueError, match="group_size must be >= 2"):
        resolve_rl(RLConfig(preset="smoke", group_size=1), cuda=False)


def test_the_config_names_every_estimator_there_is() -> None:
    from cs_pipelines.rl import estimators
    from cs_pipelines.rl.config import ESTIMATORS

    assert set(ESTIMATORS) == set(estimators.ESTIMATORS)
