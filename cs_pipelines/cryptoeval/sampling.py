"""Sample CryptoEval completions from a model: chat prompts in, HumanEval-style samples out.

A chat model answers with a whole function (often with its imports) in a fenced block, while the
harness appends a completion to the task's prompt. Both work: a completion that is a module
(starts with ``def``/``class``/``import``...) is appended after a blank line and simply redefines
the entry point; a bare body is indented under the prompt's signature.

Code answers are prefilled with an opening ```python fence and stopped at the closing one: the
model spends no tokens on prose or usage examples, and what it returns is code.

"explain" variants take two model calls, as in HumanEvalExplain: the model first describes the
task's code (``explain_source``), then writes the function again from its own description alone.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cs_pipelines.cryptoeval.task import Task
from cs_pipelines.models.extract import extract_code
from cs_pipelines.models.presets import CRYPTOEVAL_PRESETS, SMOKE
from cs_pipelines.models.sampling import SamplingSettings

SYSTEM_PROMPT = (
    "You are an expert Python engineer who writes correct, tested code for crypto trading: "
    "indicators, risk metrics, execution maths and backtrader strategies. Answer with the complete "
    "code in a single ```python block."
)
PRESETS = CRYPTOEVAL_PRESETS.names
SMOKE_TASKS_PER_VARIANT = 8
GENERATE_PRESET = CRYPTOEVAL_PRESETS.cpu
_TOP_LEVEL = re.compile(r"^(def |async def |class |import |from |@)")
CODE_PREFILL = "```python\n"
CODE_STOP = ["\n```"]
# Changed whenever the prompts, the answer's opening, the tasks a preset selects or how an
# answer is judged change: stored scores then no longer hold. (2 opened answers with the task's
# header and was dropped: SmolLM2-135M then wrote prose after the docstring. 4: smoke variants
# share out categories. 5: a program that exits cleanly before its checks fails.)
SAMPLING_VERSION = 5


@dataclass(frozen=True)
class SamplingConfig(SamplingSettings):
    """How many samples, and how they are drawn, when a model version is scored (by default
    greedy: pass@1 with one sample per task), and which tasks."""

    explain_max_new_tokens: int = 192
    # Comma-separated variants to score: generate, fix, explain.
    variants: str = "generate,fix,explain"
    # Which tasks: "full" (every task of the variants), "generate" (every task of the generate
    # variant alone), "smoke" (SMOKE_TASKS_PER_VARIANT of each variant, spread over the
    # categories), or "auto" (full on a GPU, generate on a CPU).
    preset: str = "auto"
    # > 0 overrides the preset: this many tasks per variant, spread over the categories.
    tasks_per_variant: int = 0

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.temperature == 0 and self.n_samples > 1:
            raise ValueError("greedy decoding (temperature 0) gives identical samples: use n=1")
        CRYPTOEVAL_PRESETS.check(self.preset)
        unknown = set(self.variant_list) - {"generate", "fix", "explain"}
        if unknown:
            raise ValueError(f"unknown variants {sorted(unknown)}; use generate, fix, explain")

    @property
    def variant_list(self) -> list[str]:
        return [v.strip() for v in self.variants.split(",") if v.strip()]

    def scored_variants(self, gpu: bool | None = None) -> list[str]:
        """The variants this config scores: ``variants``, less all but generate under the
        ``generate`` preset (``tasks_per_variant`` overrides the preset)."""
        generate_only = CRYPTOEVAL_PRESETS.concrete(self.preset, gpu) == GENERATE_PRESET
        if generate_only and self.tasks_per_variant == 0:
            return [v for v in self.variant_list if v == "generate"]
        return self.variant_list

    def per_variant_limit(self, gpu: bool | None = None) -> int:
        """Tasks per variant this config scores; 0 means all."""
        if self.tasks_per_variant > 0:
            return self.tasks_per_variant
        preset = CRYPTOEVAL_PRESETS.concrete(self.preset, gpu)
        return SMOKE_TASKS_PER_VARIANT if preset == SMOKE else 0


def select_tasks(
    tasks: Sequence[Task], config: SamplingConfig, gpu: bool | None = None
) -> list[Task]:
    """The tasks a run scores: the configured variants, each capped per the preset.

    A capped selection takes tasks round-robin over the categories (in task order within
    each), so a smoke run still covers every category instead of only the first module's. When
    the cap is below the number of categories, each variant starts the round at a different
    category, so the categories one variant leaves out the next one takes.
    """
    limit = config.per_variant_limit(gpu)
    chosen: list[Task] = []
    for index, variant in enumerate(config.scored_variants(gpu)):
        of_variant = [t for t in tasks if t.variant == variant]
        chosen.extend(_spread(of_variant, limit, index) if limit else of_variant)
    return chosen


def _spread(tasks: list[Task], limit: int, start: int = 0) -> list[Task]:
    by_category: dict[str, list[Task]] = {}
    for task in tasks:
        by_category.setdefault(task.category, []).append(task)
    queues = list(by_category.values())
    if queues:
        start %= len(queues)
        queues = queues[start:] + queues[:start]
    picked: list[Task] = []
    for rank in range(max((len(q) for q in queues), default=0)):
        picked.extend(q[rank] for q in queues if rank < len(q))
    picked = picked[:limit]
    order = {t.task_id: i for i, t in enumerate(tasks)}
    return sorted(picked, key=lambda t: order[t.task_id])


def task_messages(task: Task) -> list[dict[str, str]]:
    """The chat a generate or fix task is posed as."""
    if task.variant == "fix":
        ask = "Fix the bug described below and return the corrected, complete function."
    else:
        ask = "Complete this Python function. Keep its signature and return the whole function."
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"{ask}\n\n```python\n{task.prompt.rstrip()}\n```"},
    ]


def explain_messages(task: Task) -> list[dict[str, str]]:
    """Step 1 of an explain task: describe the code precisely, without writing code."""
    return [
        {"role": "system", "content": "You explain Python code precisely and concisely."},
        {
            "role": "user",
            "content": "Explain what this function computes: its inputs, its output, the formula "
            "and the edge cases, precisely enough to rewrite it without seeing it. Do not write "
            f"code.\n\n```python\n{task.explain_source.rstrip()}\n```",
        },
    ]


def regenerate_messages(task: Task, explanation: str) -> list[dict[str, str]]:
    """Step 2 of an explain task: write the function from the description alone."""
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {
            "role": "user",
            "content": f"Write the Python function\n\n```python\n{task.signature()}\n```\n\n"
            f"that does the following.\n\n{explanation.strip()}",
        },
    ]


def to_completion(task: Task, code: str) -> str:
    """Turn extracted code into a completion that ``prompt + completion`` runs."""
    code = code.strip("\n")
    if not code.strip():
        return "    pass\n" if task.variant != "explain" else ""
    first = next(line for line in code.splitlines() if line.strip())
    if _TOP_LEVEL.match(first):
        return "\n" + code + "\n"  # a module: redefines the entry point after the prompt
    body = code if first[:1] in (" ", "\t") else textwrap.indent(code, "    ")
    if task.variant == "explain":  # the prompt holds no signature to continue
        return task.signature().rstrip() + "\n" + body + "\n"
    return body + "\n"


def generate_samples(
    tasks: Sequence[Task], generator: Any, config: SamplingConfig
) -> list[dict[str, Any]]:
    """``config.n_samples`` samples per task, as harness samples with generation details.

    Each sample is ``{"task_id", "completion", "raw", "n_tokens", "finish_reason"}`` plus
    ``"explanation"`` for explain tasks. ``generator`` is a ``cs_pipelines.models.Generator``.
    """
    # Explanations first; then every code answer in one engine call, each direct task's n
    # samples as n rows and one row per explanation, so they all share one batch and one tail.
    pairs = _explanations([t for t in tasks if t.variant == "explain"], generator, config)
    rows = [
        (task, _code_prompt(generator, task_messages(task)), None)
        for task in tasks
        if task.variant != "explain"
        for _ in range(config.n_samples)
    ]
    rows += [
        (task, _code_prompt(generator, regenerate_messages(task, text)), text)
        for task, text in pairs
    ]
    if not rows:
        return []
    outputs = _sample(generator, [prompt for _, prompt, _ in rows], config, n=1, code=True)
    samples: dict[str, list[dict[str, Any]]] = {task.task_id: [] for task in tasks}
    for (task, _, explanation), (completion,) in zip(rows, outputs, strict=True):
        record = _record(task, completion)
        if explanation is not None:
            record["explanation"] = explanation
        samples[task.task_id].append(record)
    return [s for task in tasks for s in samples[task.task_id]]


def _explanations(
    tasks: Sequence[Task], generator: Any, config: SamplingConfig
) -> list[tuple[Task, str]]:
    """``config.n_samples`` explanations of each explain task's code, as (task, text) pairs."""
    if not tasks:
        return []
    explanations = _sample(
        generator,
        [explain_messages(t) for t in tasks],
        config,
        max_new_tokens=config.explain_max_new_tokens,
    )
    return [(t, e.text) for t, per_task in zip(tasks, explanations, strict=True) for e in per_task]


def _code_prompt(generator: Any, messages: list[dict[str, str]]) -> str:
    """The rendered chat with the assistant's answer opened as a Python code block."""
    return generator.render(messages) + CODE_PREFILL


def _sample(
    generator: Any,
    prompts: list[Any],
    config: SamplingConfig,
    n: int | None = None,
    max_new_tokens: int | None = None,
    code: bool = False,
) -> list[list[Any]]:
    return generator.generate(
        prompts,
        **config.generate_kwargs(
            n=config.n_samples if n is None else n,
            max_new_tokens=max_new_tokens or config.max_new_tokens,
            stop=CODE_STOP if code else None,
        ),
    )


def _record(task: Task, completion: Any) -> dict[str, Any]:
    return {
        "task_id": task.task_id,
        "completion": to_completion(task, extract_code(completion.text)),
        "raw": completion.text,
        "n_tokens": completion.n_tokens,
        "finish_reason": completion.finish_reason,
    }
