"""A KV cache that grows in place, joins other rows and drops shared left padding: what the
engine's continuous batching (:mod:`cs_pipelines.models.continuous`) decodes on.

``transformers``' ``DynamicLayer`` appends each new token's keys and values with ``torch.cat``,
which copies the whole cache of every layer at every step. For a batch of 32 rows with 700
tokens of context that copy is a third of a decode step on this CPU (profiled: ``aten::cat``
34%, attention 35%, the matrix products 24%). :class:`GrowingLayer` keeps a buffer with room
for :attr:`GrowingLayer.chunk` more tokens, writes each step into it and hands attention a view
of the live span; it reallocates once per ``chunk`` tokens. Attention reads the same values, so
greedy tokens are unchanged (``cs_pipelines_tests/models/test_generation.py`` checks it).
"""

from __future__ import annotations

from typing import Any

import torch
from transformers import DynamicCache
from transformers.cache_utils import DynamicLayer


class GrowingLayer(DynamicLayer):
    """A ``DynamicLayer`` whose keys and values are views of ``[start, end)`` of a buffer with
    spare room after ``end``."""

    chunk = 128

    def lazy_initialization(self, key_states: torch.Tensor, value_states: torch.Tensor) -> None:
        super().lazy_initialization(key_states, value_states)
        self._buffers: tuple[torch.Tensor, torch.Tensor] | None = None
        self._start = self._end = 0

    def update(
        self, key_states: torch.Tensor, value_states: torch.Tensor, *args: Any, **kwargs: Any
    ) -> tuple[torch.Tensor, torch.Tensor]:
        if not self.is_initialized:
            self.lazy_initialization(key_states, value_states)
        end = self._end + key_states.shape[-2]
        if self._buffers is None or end > self._buffers[0].shape[-2]:
            self._regrow(key_states, value_states, end - self._start)
            end = self._end + key_states.shape[-2]
        keys, values = self._live_buffers()
        keys[..., self._end : end, :] = key_states
        values[..., self._end : end, :] = value_states
        self._end = end
        self._expose()
        return self.keys, self.values

    def _live_buffers(self) -> tuple[torch.Tensor, torch.Tensor]:
        assert self._buffers is not None
        return self._buffers

    def _regrow(self, key_like: torch.Tensor, value_like: torch.Tensor, needed: int) -> None:
        """New buffers for ``needed + chunk`` tokens holding the live span at their start."""
        rows = key_like.shape[0]
        keys = key_like.new_empty(
            (rows, key_like.shape[1], needed + self.chunk, key_like.shape[-1])
        )
        values = value_like.new_empty(
            (rows, value_like.shape[1], needed + self.chunk, value_like.shape[-1])
        )
        length = self._end - self._start
        if self._buffers is not None and length:
            keys[..., :length, :] = self._buffers[0][..., self._start : self._end, :]
            values[..., :length, :] = self._buffers[1][..., self._start : self._end, :]
        self._buffers, self._start, self._end = (keys, values), 0, length

    def _expose(self) -> None:
        keys, values = self._live_buffers()
        self.keys = keys[..., self._start : self._end, :]
        self.values = values[..., self._start : self._end, :]

    def get_seq_length(self) -> int:
        return self._end - self._start if self.is_initialized else 0

    def batch_select_indices(self, indices: torch.Tensor) -> None:
        if self.is_initialized and self._buffers is not None:
            self._buffers = (self._buffers[0][indices], self._buffers[1][indices])
            self._expose()

    def crop(self, tokens_to_remove: int) -> None:
        if tokens_to_remove > 0:
            raise ValueError("crop takes a negative count: the tokens to remove from the end")
        if self.is_initialized and tokens_to_remove < 0:
            self._end = max(self._end + tokens_to_remove, self._start)
            self._expose()

    def drop_left(self, count: int) -> None:
        """Forget the first ``count`` positions of every row (padding all rows share)."""
        self._start = min(self._start + count, self._end)
        self._expose()

    def join(self, other: GrowingLayer) -> None:
        """Append ``other``'s rows; both sets right-aligned on the longer span, the shorter
        left-padded with zeros (the caller masks them)."""
        mine, theirs = self.get_seq_length(), other.get_seq_length()
        width = max(mine, theirs)
        keys = torch.cat([_left_padded(self.keys, width), _left_padded(other.keys, width)])
        values = torch.cat([_left_padded(self.values, width), _left_padded(other.values, width)])
        self._buffers, self._start, self._end = None, 0, 0
        self._regrow(keys, values, width)
        assert self._buffers is not None
        self._buffers[0][..., :width, :] = keys
        self._buffers[1][..., :width, :] = values
        self._end = width
        self._expose()


def _left_padded(states: torch.Tensor, width: int) -> torch.Tensor:
    missing = width - states.shape[-2]
    if not missing:
        return states
    pad = states.new_zeros((*states.shape[:-2], missing, states.shape[-1]))
    return torch.cat([pad, states], dim=-2)


def growing_cache(config: Any) -> DynamicCache:
    """A ``DynamicCache`` for a model with this config whose plain full-attention layers grow in
    place; layers of other kinds (sliding windows, linear attention) stay as ``transformers``
    makes them."""
    cache = DynamicCache(config=config)
    cache.layers = [
        GrowingLayer() if type(layer) is DynamicLayer else layer for layer in cache.layers
    ]
    return cache


def joinable(cache: DynamicCache) -> bool:
    """Whether every layer can take other rows and drop padding (all :class:`GrowingLayer`)."""
    return bool(cache.layers) and all(isinstance(layer, GrowingLayer) for layer in cache.layers)


def join_caches(cache: DynamicCache, other: DynamicCache) -> None:
    """Append ``other``'s rows to ``cache``, layer by layer (see :meth:`GrowingLayer.join`)."""
    for layer, theirs in zip(cache.layers, other.layers, strict=True):
        layer.join(theirs)


def trim_cache(cache: DynamicCache, count: int) -> None:
    """Drop the first ``count`` positions of every row of every layer."""
    for layer in cache.layers:
        layer.drop_left(count)
