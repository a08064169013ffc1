"""How completions are drawn from a model: one settings record for every sampler.

CryptoEval scoring, the model's SFT candidates, held-out scoring and the champion's generation
all sample with these fields; each stage's config derives from :class:`SamplingSettings`,
changing only the defaults that differ (the SFT candidates sample at temperature 0.8, for
example), and hands ``generate_kwargs()`` to a ``cs_pipelines.models.Generator``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SamplingSettings:
    """How many completions per prompt, and how they are drawn.

    Attributes:
        n_samples: completions per prompt.
        temperature: 0 is greedy decoding (every sample then identical).
        top_p: nucleus sampling's probability mass, in (0, 1].
        max_new_tokens: the longest completion, in tokens.
        seed: makes sampling reproducible for the same prompts, batch size and device.
    """

    n_samples: int = 1
    temperature: float = 0.0
    top_p: float = 0.95
    max_new_tokens: int = 384
    seed: int = 0

    def __post_init__(self) -> None:
        if self.n_samples < 1:
            raise ValueError(f"n_samples must be >= 1, got {self.n_samples}")
        if self.temperature < 0:
            raise ValueError(f"temperature must be >= 0, got {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise ValueError(f"top_p must be in (0, 1], got {self.top_p}")
        if self.max_new_tokens < 1:
            raise ValueError(f"max_new_tokens must be >= 1, got {self.max_new_tokens}")

    def sampling_fields(self) -> dict[str, Any]:
        """The sampling fields alone (for building another stage's config from these)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(SamplingSettings)}

    def generate_kwargs(self, **overrides: Any) -> dict[str, Any]:
        """Keyword arguments of ``Generator.generate`` (``n``, ``temperature``, ``top_p``,
        ``max_new_tokens``, ``seed``), with ``overrides`` on top."""
        return {
            "n": self.n_samples,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "max_new_tokens": self.max_new_tokens,
            "seed": self.seed,
            **overrides,
        }


ENGINE_BACKENDS = ("auto", "transformers", "vllm")
ENGINE_DTYPES = ("auto", "float32", "bfloat16", "float16")


@dataclass(frozen=True)
class EngineSettings:
    """How the generation engine runs a model (not what it samples): the same completions come
    out whatever these are, up to the numerics of ``dtype``.

    Attributes:
        backend: ``auto`` (vLLM where it and a CUDA GPU are present, else transformers),
            ``transformers`` or ``vllm``.
        dtype: weights and activations; ``auto`` is bfloat16 on a GPU and on a CPU with native
            bfloat16 (``avx512_bf16``/``amx_bf16``), float32 elsewhere.
        batch_size: rows (prompt x sample) decoded together; 0 picks the engine's best for the
            device and dtype (measured in ``benchmarks/bench_generation.py``).
    """

    backend: str = "auto"
    dtype: str = "auto"
    batch_size: int = 0

    def __post_init__(self) -> None:
        if self.backend not in ENGINE_BACKENDS:
            raise ValueError(f"backend must be one of {ENGINE_BACKENDS}, got {self.backend!r}")
        if self.dtype not in ENGINE_DTYPES:
            raise ValueError(f"dtype must be one of {ENGINE_DTYPES}, got {self.dtype!r}")
        if self.batch_size < 0:
            raise ValueError(f"batch_size must be >= 0 (0 = automatic), got {self.batch_size}")
