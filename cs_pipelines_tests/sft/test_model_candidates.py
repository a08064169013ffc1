"""Model-sampled candidates: prompts, ids and the zero-shot fallback without a commit index."""

from __future__ import annotations

from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, CODE_STOP
from cs_pipelines.sft import StrategyTaskConfig, generate_tasks
from cs_pipelines.sft.model_candidates import (
    ModelCandidateConfig,
    model_candidates,
    open_prompt_builder,
)
from cs_pipelines_tests.cryptoeval.test_sampling import ScriptedGenerator


def test_without_a_commit_index_the_model_is_prompted_zero_shot():
    assert open_prompt_builder() is None  # this test's CS_DATA_DIR holds no index


def test_each_task_gets_n_candidates_with_the_code_block_opened_and_stopped():
    tasks = generate_tasks(StrategyTaskConfig(n_tasks=3))
    answer = "import backtrader as bt\n\nclass Strategy(bt.Strategy):\n    pass\n"
    generator = ScriptedGenerator(lambda prompt, j: answer if j == 0 else answer + f"# {j}\n")
    candidates = model_candidates(tasks, generator, ModelCandidateConfig(n_samples=2))
    (call,) = generator.calls
    assert all(p.endswith(CODE_PREFILL) for p in call["prompts"]) and call["stop"] == CODE_STOP
    assert [c.task_id for c in candidates] == [t.task_id for t in tasks for _ in range(2)]
    assert all(c.source == "model" and c.meta["few_shot"] == 0 for c in candidates)
    assert len({c.candidate_id for c in candidates}) == 6
    assert candidates[0].code == answer.strip()
    assert tasks[0].instruction in call["prompts"][0]
