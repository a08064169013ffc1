"""Continuous batching for the transformers engine: a row that finishes leaves the batch at
once, and a waiting row takes its place.

``model.generate`` decodes a batch until its longest row stops, so a batch costs its longest
answer times its width, and the finished rows are padding. Dropping them (compaction) keeps a
step's cost to the rows still writing, but the batch then thins out: a step for 4 rows costs
almost what one for 32 does on this CPU (see ``benchmarks/README.md``), so the tail of every
batch runs at a fraction of the machine. Here, whenever fewer than ``refill_below`` of the slots
are busy, the next waiting rows are prefilled in one forward pass and joined to the batch, their
KV cache right-aligned with the running rows' (:meth:`~cs_pipelines.models.kv_cache.
GrowingLayer.join`); the left padding all rows share is cut off as rows leave, so attention
never spans more than the longest live row needs.

Every row keeps its own positions and its own stop checks, so greedy text is that of decoding
each prompt alone (up to floating-point summation order). Sampling draws one uniform number per
row and step for all rows at once, so a seed reproduces a call with the same prompts, n and
batch size.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from cs_pipelines.models.cpu import free_threads
from cs_pipelines.models.kv_cache import growing_cache, join_caches, joinable, trim_cache

# Rows prefilled in one forward pass: on this CPU 8 rows of 1,000 tokens prefill at ~710
# tokens/s, 32 at once at ~500 (attention's working set outgrows the caches).
PREFILL_ROWS = 8
REFILL_BELOW = 0.75  # waiting rows join when fewer than this share of the slots are busy
THREAD_CHECK_S = 20.0  # how often a CPU run asks again whether other work keeps the cores busy
LOOP_MAX_PERIOD = 32
LOOP_MIN_REPEATS = 4
LOOP_MIN_SPAN = 64


def loop_spans(
    max_period: int = LOOP_MAX_PERIOD,
    min_repeats: int = LOOP_MIN_REPEATS,
    min_span: int = LOOP_MIN_SPAN,
) -> list[tuple[int, int]]:
    """``(period, span)`` pairs: a loop of ``period`` tokens must cover ``span`` tokens."""
    return [(p, max(min_span, min_repeats * p)) for p in range(1, max_period + 1)]


def ends_in_loop(tokens: Sequence[int], spans: Sequence[tuple[int, int]]) -> bool:
    """Do ``tokens`` end in the same run of ``period`` tokens repeated over ``span`` tokens?"""
    for period, span in spans:
        if len(tokens) < span:
            return False
        tail = list(tokens[-span:])
        if tail[period:] == tail[:-period]:
            return True
    return False


def stops_in_tails(tokenizer: Any, stop: Sequence[str], tails: list[list[int]]) -> list[bool]:
    """Whether each token tail's text holds a stop sequence (special tokens skipped)."""
    texts = tokenizer.batch_decode(tails, skip_special_tokens=True)
    return [any(s in text for s in stop) for text in texts]


def stop_window(stop: Sequence[str]) -> int:
    """Tokens to decode to see a stop sequence: every token is >= 1 character, and a few spare
    ones cover byte-level pieces that decode to nothing on their own."""
    return max((len(s) for s in stop), default=0) + 8


@dataclass
class Row:
    """One prompt x sample being decoded: its generated tokens and why it ended."""

    slot: int
    prompt: list[int]
    tokens: list[int] = field(default_factory=list)
    reason: str | None = None  # "eos", "stop", "loop" or "length" once done


class RowStops:
    """What ends a row, checked after every token: EOS, a stop sequence, a loop, the limit."""

    def __init__(
        self,
        tokenizer: Any,
        stop: Sequence[str],
        eos_token_ids: set[int],
        max_new_tokens: int,
        stop_loops: bool = True,
    ) -> None:
        self.tokenizer, self.eos, self.max_new_tokens = tokenizer, eos_token_ids, max_new_tokens
        self.stop = [s for s in stop if s]
        self.window = stop_window(self.stop)
        self.spans = loop_spans() if stop_loops else []

    def settle(self, rows: Sequence[Row]) -> None:
        """Set ``reason`` on the rows the token just added ended (EOS before a stop sequence
        before a loop before the limit)."""
        hits = (
            stops_in_tails(self.tokenizer, self.stop, [r.tokens[-self.window :] for r in rows])
            if self.stop
            else [False] * len(rows)
        )
        for row, hit in zip(rows, hits, strict=True):
            if row.tokens[-1] in self.eos:
                row.reason = "eos"
            elif hit:
                row.reason = "stop"
            elif self.spans and ends_in_loop(row.tokens, self.spans):
                row.reason = "loop"
            elif len(row.tokens) >= self.max_new_tokens:
                row.reason = "length"


class ContinuousDecoder:
    """Decodes many rows with at most ``batch_size`` at a time (see the module docstring)."""

    def __init__(
        self, model: Any, pad_token_id: int, batch_size: int, refill_below: float | None = None
    ) -> None:
        self.model, self.pad_token_id, self.batch_size = model, pad_token_id, batch_size
        share = REFILL_BELOW if refill_below is None else refill_below
        self.refill_at = max(1, int(batch_size * share))  # 1: only once every row is done
        if not joinable(growing_cache(model.config)):  # rows cannot join: a batch at a time
            self.refill_at = 1
        self.device = next(model.parameters()).device

    @torch.inference_mode()
    def run(
        self, prompts: Sequence[list[int]], stops: RowStops, temperature: float, top_p: float
    ) -> list[Row]:
        """Every prompt decoded; rows come back in the prompts' order."""
        rows = [Row(slot, list(prompt)) for slot, prompt in enumerate(prompts)]
        waiting = deque(rows)
        warpers = _warpers(temperature, top_p)
        live: list[Row] = []
        state: _Batch | None = None
        with _Threads(self.device) as threads:
            while waiting or live:
                if waiting and len(live) < self.refill_at:
                    threads.check()
                    free = min(self.batch_size - len(live), len(waiting))
                    joining = [waiting.popleft() for _ in range(free)]
                    state = self._join(state, joining)
                    live += joining
                assert state is not None
                chosen = self._choose(state.logits, live, len(rows), warpers, temperature)
                for row, token in zip(live, chosen.tolist(), strict=True):
                    row.tokens.append(token)
                stops.settle(live)
                going = [i for i, row in enumerate(live) if row.reason is None]
                if not going:
                    live, state = [], None
                    continue
                if len(going) < len(live):
                    state.keep(going)
                    chosen = chosen[going]
                    live = [live[i] for i in going]
                state.step(self.model, chosen)
        return rows

    def _join(self, state: _Batch | None, rows: list[Row]) -> _Batch:
        """Prefill ``rows`` (``PREFILL_ROWS`` at a time) and join them to the running batch."""
        for start in range(0, len(rows), PREFILL_ROWS):
            prefilled = self._prefill(rows[start : start + PREFILL_ROWS])
            state = prefilled if state is None else state.join(prefilled)
        assert state is not None
        return state

    def _prefill(self, rows: list[Row]) -> _Batch:
        width = max(len(r.prompt) for r in rows)
        ids = torch.full((len(rows), width), self.pad_token_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, width - len(row.prompt) :] = torch.tensor(row.prompt, dtype=torch.long)
            mask[i, width - len(row.prompt) :] = 1
        ids, mask = ids.to(self.device), mask.to(self.device)
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        cache = growing_cache(self.model.config)
        output = self.model(
            input_ids=ids,
            attention_mask=None if bool(mask.all()) else mask,  # unpadded: the faster kernel
            position_ids=positions,
            cache=cache,
            use_cache=True,
            logits_to_keep=1,
        )
        return _Batch(cache, mask, positions[:, -1:], output.logits[:, -1, :])

    @staticmethod
    def _choose(
        logits: torch.Tensor, live: list[Row], n_rows: int, warpers: Any, temperature: float
    ) -> torch.Tensor:
        """Greedy: the raw logits' arg-max, as ``generate`` picks. Sampling: ``transformers``'
        temperature and top-p warpers, then one uniform number per row by inverse CDF."""
        logits = logits.float()
        if temperature == 0:
            return logits.argmax(dim=-1)
        scores = warpers(None, logits)
        uniform = torch.rand(n_rows, device=logits.device)[[row.slot for row in live]]
        cdf = torch.softmax(scores, dim=-1).cumsum(dim=-1)
        chosen = torch.searchsorted(cdf, uniform[:, None], right=True).squeeze(1)
        return chosen.clamp(max=scores.shape[-1] - 1)


@dataclass
class _Batch:
    """The running rows' KV cache, attention mask, last positions and next-token logits."""

    cache: Any
    mask: torch.Tensor
    position: torch.Tensor
    logits: torch.Tensor

    def keep(self, indices: list[int]) -> None:
        """Only the rows at ``indices`` go on; left padding they all share is cut."""
        index = torch.tensor(indices, device=self.mask.device)
        self.cache.batch_select_indices(index)
        self.mask, self.position = self.mask[index], self.position[index]
        self.logits = self.logits[index]
        shared_padding = int((self.mask.cumsum(-1) == 0).sum(-1).min())
        if shared_padding and joinable(self.cache):
            trim_cache(self.cache, shared_padding)
            self.mask = self.mask[:, shared_padding:]

    def step(self, model: Any, chosen: torch.Tensor) -> None:
        """Feed each row its chosen token: the logits of the next."""
        self.mask = torch.cat([self.mask, self.mask.new_ones((self.mask.shape[0], 1))], dim=1)
        self.position = self.position + 1
        output = model(
            input_ids=chosen[:, None],
            attention_mask=self.mask,
            position_ids=self.position,
            cache=self.cache,
            use_cache=True,
        )
        self.logits = output.logits[:, -1, :]

    def join(self, other: _Batch) -> _Batch:
        """This batch's rows, then ``other``'s, right-aligned on the longer context."""
        width = max(self.mask.shape[1], other.mask.shape[1])
        join_caches(self.cache, other.cache)
        return _Batch(
            self.cache,
            torch.cat([_left_pad(self.mask, width), _left_pad(other.mask, width)]),
            torch.cat([self.position, other.position]),
            torch.cat([self.logits, other.logits]),
        )


def _left_pad(mask: torch.Tensor, width: int) -> torch.Tensor:
    missing = width - mask.shape[1]
    return torch.cat([mask.new_zeros((mask.shape[0], missing)), mask], dim=1) if missing else mask


def _warpers(temperature: float, top_p: float) -> Any:
    from transformers.generation.logits_process import (
        LogitsProcessorList,
        TemperatureLogitsWarper,
        TopPLogitsWarper,
    )

    if temperature == 0:
        return LogitsProcessorList([])
    return LogitsProcessorList([TemperatureLogitsWarper(temperature), TopPLogitsWarper(top_p)])


class _Threads:
    """On a CPU, decode on one thread while other work keeps the cores busy (two threads then
    spin waiting for each other), asked again every ``THREAD_CHECK_S`` seconds at a refill;
    torch's setting is restored on exit."""

    def __init__(self, device: torch.device) -> None:
        self.cpu = device.type == "cpu"
        self.default = torch.get_num_threads()
        self.checked = -THREAD_CHECK_S

    def __enter__(self) -> _Threads:
        return self

    def __exit__(self, *exc: object) -> None:
        torch.set_num_threads(self.default)

    def check(self) -> None:
        if self.cpu and time.monotonic() - self.checked >= THREAD_CHECK_S:
            torch.set_num_threads(free_threads(self.default))
            self.checked = time.monotonic()
