"""The dynamic prompt builder: a task description in, the most relevant real commits out.

Agents and the data builder call one API::

    builder = PromptBuilder.open()                      # the index under CS_DATA_DIR
    examples = builder.retrieve("add a trailing stop to the breakout strategy", k=5)
    messages = builder.messages("add a trailing stop ...", k=3, token_budget=1500)

``retrieve`` over-fetches from the index, applies the filters (language, repository, excluded
shas), optionally re-ranks for diversity with maximal marginal relevance, and keeps examples
while they fit the token budget. ``messages`` renders them as few-shot chat turns (the commit's
instruction as the user turn, its change as the assistant turn) ahead of the task.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from cs_pipelines import paths
from cs_pipelines.retrieval.embedder import Embedder
from cs_pipelines.retrieval.errors import DimensionMismatchError, EmptyQueryError
from cs_pipelines.retrieval.index import CommitIndex

DEFAULT_SYSTEM_PROMPT = (
    "You are an expert crypto-trading engineer. You write correct, tested Python for "
    "indicators, backtrader strategies, risk and execution logic. Answer with the code change."
)


def approx_tokens(text: str) -> int:
    """A model-free token estimate (UTF-8 bytes / 4), the same rule the curation's window uses."""
    return max(1, len(text.encode("utf-8")) // 4)


@dataclass(frozen=True)
class Example:
    """One retrieved commit: what was asked, and the change that answered it."""

    vector_id: int
    repo: str
    sha: str
    instruction: str
    language: str | None
    path: str | None
    diff: str
    score: float

    def user_turn(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.instruction}{where}"

    def assistant_turn(self) -> str:
        return f"```diff\n{self.diff.rstrip()}\n```"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class PromptBuilder:
    """Retrieve few-shot examples for a task from the commit index and render them."""

    def __init__(
        self,
        index: CommitIndex,
        embedder: Embedder,
        count_tokens: Callable[[str], int] = approx_tokens,
        system_prompt: str = DEFAULT_SYSTEM_PROMPT,
    ) -> None:
        if embedder.dimension != index.manifest.dimension:
            raise DimensionMismatchError(
                f"the embedder {embedder.name!r} makes {embedder.dimension}-d vectors but the "
                f"index at {index.root} holds {index.manifest.dimension}-d vectors of "
                f"{index.manifest.model!r}: use that model, or rebuild the index with this one "
                "(materialize commit_index with model set in the launchpad)"
            )
        self.index = index
        self.embedder = embedder
        self.count_tokens = count_tokens
        self.system_prompt = system_prompt
        self._row_of_id = {
            int(vector_id): row for row, vector_id in enumerate(index.payload["vector_id"])
        }

    @classmethod
    def open(cls, root: Path | None = None, embedder: Embedder | None = None) -> PromptBuilder:
        """The builder over the current index (default: under CS_DATA_DIR), with its model."""
        index = CommitIndex.load(root or paths.commit_index_dir())
        return cls(index, embedder or Embedder(index.manifest.model))

    def retrieve(
        self,
        task: str,
        k: int = 5,
        token_budget: int | None = 2000,
        mmr: bool = False,
        mmr_lambda: float = 0.5,
        languages: Collection[str] | None = None,
        repos: Collection[str] | None = None,
        exclude_shas: Collection[str] = (),
    ) -> list[Example]:
        """The ``k`` most relevant examples for ``task`` that pass the filters and fit the budget.

        ``token_budget`` bounds the system prompt plus the rendered examples (``count_tokens``).
        ``exclude_shas`` takes full shas or prefixes of at least 7 characters; with ``mmr``,
        ``mmr_lambda`` trades relevance (1.0) against diversity (0.0).
        """
        if not task or not task.strip():
            raise EmptyQueryError(
                "empty query: describe the task, e.g. 'add a trailing stop to the breakout "
                "strategy'"
            )
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        short = [prefix for prefix in exclude_shas if len(prefix) < 7]
        if short:
            raise ValueError(f"exclude_shas: {short} too short; give at least 7 characters")
        query = self.embedder.encode([task])
        wanted = _Filter(languages, repos, exclude_shas)
        candidates = self._candidates(query, k, wanted)
        if mmr:
            candidates = self._mmr(query[0], candidates, k * 4, mmr_lambda)
        return self._within_budget(candidates, k, token_budget)

    def messages(self, task: str, **retrieve_options: object) -> list[dict[str, str]]:
        """Few-shot chat messages: system, then (user, assistant) per example, then the task."""
        examples = self.retrieve(task, **retrieve_options)  # type: ignore[arg-type]
        messages = [{"role": "system", "content": self.system_prompt}]
        for example in examples:
            messages.append({"role": "user", "content": example.user_turn()})
            messages.append({"role": "assistant", "content": example.assistant_turn()})
        messages.append({"role": "user", "content": task.strip()})
        return messages

    # --- internals -------------------------------------------------------------------------

    def _candidates(self, query: np.ndarray, k: int, wanted: _Filter) -> list[Example]:
        """Search, widening the net until enough examples pass the filters (or all are seen)."""
        total = self.index.manifest.n_vectors
        fetch = min(total, max(8 * k, 50))
        while True:
            scores, ids = self.index.search(query, fetch)
            found = [
                example
                for score, vector_id in zip(scores[0], ids[0], strict=True)
                if vector_id >= 0
                and wanted.accepts(example := self._example(int(vector_id), float(score)))
            ]
            if len(found) >= 4 * k or fetch >= total:
                return found
            fetch = min(total, fetch * 4)

    def _example(self, vector_id: int, score: float) -> Example:
        row = self.index.payload.row(self._row_of_id[vector_id], named=True)
        return Example(
            vector_id=vector_id,
            repo=row["repo"],
            sha=row["sha"],
            instruction=row["instruction"],
            language=row["language"],
            path=row["new_path"] or row["old_path"],
            diff=row["diff"] or "",
            score=score,
        )

    def _mmr(
        self, query: np.ndarray, candidates: list[Example], limit: int, trade_off: float
    ) -> list[Example]:
        """Maximal marginal relevance: each pick is relevant and unlike the ones before it."""
        if len(candidates) <= 1:
            return candidates
        ids = np.array([c.vector_id for c in candidates], dtype=np.int64)
        vectors = self.index.vectors(ids)
        relevance = vectors @ query
        similarity = vectors @ vectors.T
        chosen: list[int] = []
        remaining = list(range(len(candidates)))
        while remaining and len(chosen) < limit:
            redundancy = similarity[np.ix_(remaining, chosen)].max(axis=1) if chosen else 0.0
            scores = trade_off * relevance[remaining] - (1 - trade_off) * redundancy
            chosen.append(remaining.pop(int(np.argmax(scores))))
        return [candidates[i] for i in chosen]

    def _within_budget(
        self, candidates: list[Example], k: int, token_budget: int | None
    ) -> list[Example]:
        """Keep examples in rank order while they fit; one that doesn't fit is skipped."""
        kept: list[Example] = []
        used = self.count_tokens(self.system_prompt)
        for example in candidates:
            cost = self.count_tokens(example.user_turn()) + self.count_tokens(
                example.assistant_turn()
            )
            if token_budget is not None and used + cost > token_budget:
                continue
            kept.append(example)
            used += cost
            if len(kept) == k:
                break
        return kept


@dataclass(frozen=True)
class _Filter:
    languages: Collection[str] | None
    repos: Collection[str] | None
    exclude_shas: Collection[str]

    def accepts(self, example: Example) -> bool:
        if self.languages and example.language not in self.languages:
            return False
        if self.repos and example.repo not in self.repos:
            return False
        return not any(example.sha.startswith(prefix) for prefix in self.exclude_shas)
