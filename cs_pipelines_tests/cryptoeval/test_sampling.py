"""Sampling CryptoEval completions from a model, and scoring a model version end to end.

The model here is a scripted ``Generator`` that answers each prompt with a chosen solution: it
lets the tests know the right pass@1 in advance. The real transformers backend is exercised by
cs_pipelines_tests/models and by the Dagster test of ``cryptoeval_scores``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pytest

from cs_pipelines.cryptoeval.evaluate import (
    evaluate_model,
    results_frame,
    scores_frame,
)
from cs_pipelines.cryptoeval.sampling import (
    CODE_PREFILL,
    SMOKE_TASKS_PER_VARIANT,
    SamplingConfig,
    generate_samples,
    select_tasks,
    to_completion,
)
from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.models.generation import Completion, Generator
from cs_pipelines.sandbox import SandboxPool


class ScriptedGenerator(Generator):
    """Answers every prompt with ``answer(rendered_prompt, sample_index)``; records the calls."""

    def __init__(self, answer: Callable[[str, int], str]) -> None:
        self.answer = answer
        self.calls: list[dict] = []

    def render(self, prompt) -> str:
        if isinstance(prompt, str):
            return prompt
        return "".join(f"<{m['role']}>{m['content']}</{m['role']}>" for m in prompt) + "<a>"

    def generate(self, prompts: Sequence, n: int = 1, **kwargs) -> list[list[Completion]]:
        self.calls.append({"prompts": [self.render(p) for p in prompts], "n": n, **kwargs})
        return [
            [Completion(self.answer(self.render(p), j), 10, "stop") for j in range(n)]
            for p in prompts
        ]


@pytest.fixture(scope="module")
def tasks() -> list[Task]:
    return load_tasks()


@pytest.fixture(scope="module")
def pool():
    with SandboxPool(workers=2) as pool:
        yield pool


def posed_task(prompt: str, tasks: Sequence[Task]) -> Task:
    """The task a rendered code prompt poses: its variant from the wording, then its name."""
    variant = (
        "fix" if "Fix the bug" in prompt
        else "explain" if "Write the Python function" in prompt
        else "generate"
    )  # fmt: skip
    return next(t for t in tasks if t.variant == variant and f"def {t.entry_point}(" in prompt)


def answer_with(task: Task, body: str) -> str:
    """A chat model's usual answer: the whole function (explain mutants are stored whole)."""
    return body if body.startswith("def ") else task.signature() + body


def test_module_answers_redefine_the_entry_point_and_bodies_continue_the_prompt(tasks):
    task = next(t for t in tasks if t.variant == "generate")
    module = to_completion(task, "import math\n\n" + task.signature() + task.canonical_solution)
    assert module.startswith("\nimport math")
    body = to_completion(task, task.canonical_solution)
    assert body == task.canonical_solution.rstrip("\n") + "\n"
    dedented = to_completion(task, "return 1")
    assert dedented == "    return 1\n"
    assert to_completion(task, "   \n") == "    pass\n"


def test_an_explain_body_gets_the_signature_because_its_prompt_has_none(tasks):
    task = next(t for t in tasks if t.variant == "explain")
    source = next(t for t in tasks if t.task_id == task.source_task_id)
    completion = to_completion(task, source.canonical_solution)
    assert completion.startswith(task.signature().rstrip())
    assert completion.endswith(source.canonical_solution.rstrip("\n") + "\n")
    assert f"def {task.entry_point}(" not in task.prompt


def test_select_tasks_keeps_variants_in_order_and_spreads_a_cap_over_categories(tasks):
    config = SamplingConfig(variants="fix,generate", tasks_per_variant=9)
    chosen = select_tasks(tasks, config)
    assert [t.variant for t in chosen] == ["fix"] * 9 + ["generate"] * 9
    generate = [t for t in chosen if t.variant == "generate"]
    assert len({t.category for t in generate}) == 9  # one of each category, not 9 indicators
    assert len(select_tasks(tasks, SamplingConfig(variants="explain", preset="full"))) == sum(
        t.variant == "explain" for t in tasks
    )


def test_auto_preset_scores_everything_on_a_gpu_and_every_generate_task_on_a_cpu(tasks):
    config = SamplingConfig()
    assert len(select_tasks(tasks, config, gpu=True)) == len(tasks)
    on_cpu = select_tasks(tasks, config, gpu=False)
    assert on_cpu == [t for t in tasks if t.variant == "generate"]
    assert len(on_cpu) == 163
    assert select_tasks(tasks, SamplingConfig(preset="generate"), gpu=True) == on_cpu
    assert select_tasks(tasks, SamplingConfig(variants="fix", preset="generate")) == []
    capped = SamplingConfig(tasks_per_variant=2)  # a cap overrides the preset's variants
    assert [t.variant for t in select_tasks(tasks, capped, gpu=False)] == [
        v for v in ("generate", "fix", "explain") for _ in range(2)
    ]


def test_the_smoke_preset_spreads_a_few_tasks_of_each_variant(tasks):
    smoke = select_tasks(tasks, SamplingConfig(preset="smoke"), gpu=False)
    assert len(smoke) == 3 * SMOKE_TASKS_PER_VARIANT
    # Fewer smoke tasks per variant than categories: the variants share out the categories.
    categories = {t.category for t in tasks}
    assert len(categories) > SMOKE_TASKS_PER_VARIANT
    assert {t.category for t in smoke} == categories
    assert select_tasks(tasks, SamplingConfig(preset="smoke"), gpu=True) == smoke


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"n_samples": 0}, "n_samples"),
        ({"n_samples": 4, "temperature": 0.0}, "greedy"),
        ({"variants": "generate,translate"}, "translate"),
        ({"preset": "huge"}, "preset"),
    ],
)
def test_bad_sampling_settings_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        SamplingConfig(**kwargs)


def test_code_prompts_open_a_python_block_and_stop_at_its_end(tasks):
    chosen = select_tasks(tasks, SamplingConfig(variants="generate", tasks_per_variant=2))
    generator = ScriptedGenerator(lambda prompt, j: "    return 0")
    config = SamplingConfig(variants="generate", n_samples=3, temperature=0.7, seed=5)
    samples = generate_samples(chosen, generator, config)
    (call,) = generator.calls
    assert all(p.endswith(CODE_PREFILL) for p in call["prompts"])
    # Each task's 3 samples are 3 rows of one call (rows of every task share the batch).
    assert call["stop"] == ["\n```"] and call["n"] == 1 and call["seed"] == 5
    assert len(call["prompts"]) == 6 and len(set(call["prompts"])) == 2
    assert [s["task_id"] for s in samples] == [t.task_id for t in chosen for _ in range(3)]


def test_every_code_answer_is_one_engine_call_after_the_explanations(tasks):
    chosen = select_tasks(tasks, SamplingConfig(tasks_per_variant=2))
    generator = ScriptedGenerator(lambda prompt, j: "    return 0")
    samples = generate_samples(chosen, generator, SamplingConfig(tasks_per_variant=2))
    explain, code = generator.calls
    assert explain["stop"] is None and len(explain["prompts"]) == 2
    assert code["stop"] == ["\n```"] and len(code["prompts"]) == 6  # generate, fix, explain
    assert [s["task_id"] for s in samples] == [t.task_id for t in chosen]
    assert [("explanation" in s) for s in samples] == [t.variant == "explain" for t in chosen]


def test_explain_tasks_describe_first_then_regenerate_from_the_description(tasks):
    task = next(t for t in tasks if t.variant == "explain")

    def answer(prompt: str, j: int) -> str:
        if "Do not write code" in prompt:
            assert task.explain_source.strip() in prompt
            return "DESCRIPTION-42"
        assert "DESCRIPTION-42" in prompt and task.canonical_solution not in prompt
        return answer_with(task, task.canonical_solution)

    generator = ScriptedGenerator(answer)
    samples = generate_samples([task], generator, SamplingConfig(variants="explain"))
    assert len(generator.calls) == 2
    assert generator.calls[0]["stop"] is None  # the description is prose
    assert samples[0]["explanation"] == "DESCRIPTION-42"


def test_a_model_right_on_half_the_tasks_scores_half(tasks, pool):
    """Canonical answers for even task numbers, the first mutant for odd ones: pass@1 = 0.5,
    per-sample rows and per-scope scores land in the frames the warehouse keeps."""
    chosen = select_tasks(tasks, SamplingConfig(tasks_per_variant=4))
    right = {t.task_id for i, t in enumerate(chosen) if i % 2 == 0}

    def answer(prompt: str, j: int) -> str:
        if "Do not write code" in prompt:
            return "It computes what its name says."
        task = posed_task(prompt, chosen)
        return answer_with(
            task, task.canonical_solution if task.task_id in right else task.mutants[0]
        )

    evaluation = evaluate_model(
        "scripted", chosen, ScriptedGenerator(answer), pool, SamplingConfig(tasks_per_variant=4)
    )
    assert evaluation.headline == pytest.approx(0.5)
    results = results_frame(evaluation)
    assert results.height == len(chosen)
    assert set(results.filter(results["passed"])["task_id"]) == right
    scores = scores_frame(evaluation)
    assert scores.columns == [
        "model_version", "scope", "group", "metric", "value", "ci_low", "ci_high", "n_tasks",
        "fingerprint",
    ]  # fmt: skip
    assert all(lo <= v <= hi for v, lo, hi in scores.select("value", "ci_low", "ci_high").rows())
    variant_rows = scores.filter((scores["scope"] == "variant") & (scores["metric"] == "pass@1"))
    assert sorted(variant_rows["group"]) == ["explain", "fix", "generate"]
    assert all(math.isclose(v, 0.5) for v in variant_rows["value"])
    assert set(scores["scope"]) == {"all", "variant", "category", "difficulty"}
    assert "maj@1" in set(scores.filter(scores["scope"] == "all")["metric"])


def test_stored_scores_hold_only_while_model_tasks_settings_and_prompts_are_unchanged(
    tmp_path, monkeypatch
):
    from cs_pipelines.cryptoeval import evaluate

    model = tmp_path / "model"
    model.mkdir()
    (model / "weights.bin").write_bytes(b"\x00" * 8)
    tasks_file = tmp_path / "tasks.jsonl"
    tasks_file.write_text('{"task_id": "t"}\n')
    config = evaluate.ScoringConfig(preset="smoke")
    first = evaluate.scoring_fingerprint(model, tasks_file, config)
    assert evaluate.scoring_fingerprint(model, tasks_file, config) == first
    same = evaluate.ScoringConfig(preset="smoke", workers=7, batch_size=2, force=True)
    assert evaluate.scoring_fingerprint(model, tasks_file, same) == first
    changed = [evaluate.scoring_fingerprint(model, tasks_file, evaluate.ScoringConfig())]
    monkeypatch.setattr(evaluate, "SAMPLING_VERSION", evaluate.SAMPLING_VERSION + 1)
    changed.append(evaluate.scoring_fingerprint(model, tasks_file, config))
    monkeypatch.undo()
    (model / "weights.bin").write_bytes(b"\x01" * 8)
    changed.append(evaluate.scoring_fingerprint(model, tasks_file, config))
    assert first not in changed and len(set(changed)) == 3
