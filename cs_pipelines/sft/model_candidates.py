"""Candidates sampled from the current model: few-shot prompts from the commit index, n samples
per task (rejection sampling: the verification ladder keeps the ones that work).

Few-shot examples come from :class:`cs_pipelines.retrieval.PromptBuilder` when a commit index
exists; without one (a fresh machine offline has no harvested strategies to index) the model is
prompted zero-shot, and the candidates say so in their ``meta``.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, CODE_STOP
from cs_pipelines.models.extract import extract_code
from cs_pipelines.models.sampling import SamplingSettings
from cs_pipelines.sft.candidates import MODEL, Candidate

logger = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "You are an expert crypto-trading engineer. You write correct backtrader strategies in "
    "Python. Answer with the complete code in a single ```python block."
)


@dataclass(frozen=True)
class ModelCandidateConfig(SamplingSettings):
    """How the current model is sampled for strategy candidates: two samples per task at
    temperature 0.8, few-shot from the commit index."""

    n_samples: int = 2
    temperature: float = 0.8
    few_shot_k: int = 2
    few_shot_token_budget: int = 1200


def open_prompt_builder() -> Any | None:
    """The prompt builder over the current commit index, or None when there is none yet."""
    from cs_pipelines.retrieval.errors import RetrievalError
    from cs_pipelines.retrieval.prompts import PromptBuilder

    try:
        builder = PromptBuilder.open()
        builder.retrieve("a backtrader strategy", k=1)  # an empty index only fails here
    except RetrievalError as exc:
        logger.warning("no few-shot examples, prompting zero-shot: %s", exc)
        return None
    return builder


def task_messages(
    instruction: str, builder: Any | None, config: ModelCandidateConfig
) -> tuple[list[dict[str, str]], int]:
    """The chat for one task and how many few-shot examples it holds."""
    if builder is None or config.few_shot_k < 1:
        return [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": instruction},
        ], 0
    messages = builder.messages(
        instruction, k=config.few_shot_k, token_budget=config.few_shot_token_budget
    )
    messages[0] = {"role": "system", "content": SYSTEM_PROMPT}
    return messages, (len(messages) - 2) // 2


def model_candidates(
    tasks: Sequence[Any],
    generator: Any,
    config: ModelCandidateConfig,
    builder: Any | None = None,
) -> list[Candidate]:
    """``config.n_samples`` candidates per task (objects with ``task_id`` and ``instruction``)."""
    if not tasks:
        return []
    chats = [task_messages(task.instruction, builder, config) for task in tasks]
    prompts = [generator.render(messages) + CODE_PREFILL for messages, _ in chats]
    outputs = generator.generate(prompts, **config.generate_kwargs(stop=CODE_STOP))
    candidates = []
    for task, (_, shots), completions in zip(tasks, chats, outputs, strict=True):
        for index, completion in enumerate(completions):
            code = extract_code(completion.text)
            digest = hashlib.sha256(f"{task.task_id}\0{index}\0{code}".encode()).hexdigest()
            candidates.append(
                Candidate(
                    task_id=task.task_id,
                    candidate_id=f"model-{digest[:16]}",
                    source=MODEL,
                    code=code,
                    instruction=task.instruction,
                    meta={
                        "few_shot": shots,
                        "n_tokens": completion.n_tokens,
                        "finish_reason": completion.finish_reason,
                    },
                )
            )
    return candidates
