"""Sampling completions from a causal LM: one interface, a transformers and a vLLM backend.

Evaluation (pass@k, majority voting) and RL need many samples per prompt, so the interface is
"n samples for each of these prompts". :class:`TransformersGenerator` works everywhere (CPU or
GPU): it expands every prompt into n rows, sorts rows by prompt length so that rows decoded
together waste little on padding, and decodes them with continuous batching: a row that hits
EOS, a stop sequence, a loop or its token limit leaves at once and a waiting row takes its place
(:mod:`cs_pipelines.models.continuous`). :class:`VLLMGenerator` is a thin wrapper used when
vLLM and a CUDA GPU are present; vLLM is imported only when that class is instantiated.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import torch

from cs_pipelines.models.continuous import (
    LOOP_MAX_PERIOD,
    LOOP_MIN_REPEATS,
    LOOP_MIN_SPAN,
    ContinuousDecoder,
    Row,
    RowStops,
    ends_in_loop,
    loop_spans,
    stop_window,
    stops_in_tails,
)
from cs_pipelines.models.cpu import torch_threads
from cs_pipelines.models.device import cuda_available, default_device, resolve_dtype
from cs_pipelines.models.sampling import EngineSettings

logger = logging.getLogger(__name__)

Message = dict[str, str]
Prompt = list[Message] | str | list[int]
"""A chat (list of ``{"role", "content"}`` messages, rendered with the tokenizer's chat template
and ``add_generation_prompt=True``), a raw string used verbatim (completion-style prompts), or
token ids already encoded (what an RL trainer holds; the transformers engine only)."""

FinishReason = Literal["stop", "length", "repetition"]


@dataclass(frozen=True)
class Completion:
    """One sample.

    Attributes:
        text: the generated text, without the prompt, special tokens or the stop sequence (the
            text is cut before the first stop sequence it contains).
        n_tokens: generated tokens, counted up to and including the EOS token or the token that
            completed the stop sequence.
        finish_reason: ``"stop"`` (EOS or a stop sequence), ``"length"`` (max_new_tokens hit)
            or ``"repetition"`` (cut in a loop: see :class:`_StopOnRepetition`).
        token_ids: the ``n_tokens`` generated token ids (the transformers engine only; empty
            from vLLM). Not compared: two completions are equal when they say the same.
    """

    text: str
    n_tokens: int
    finish_reason: FinishReason
    token_ids: tuple[int, ...] = field(default=(), compare=False, repr=False)


class Generator(ABC):
    """Samples ``n`` completions for each prompt."""

    @abstractmethod
    def generate(
        self,
        prompts: Sequence[Prompt],
        n: int = 1,
        temperature: float = 0.8,
        top_p: float = 0.95,
        max_new_tokens: int = 256,
        stop: list[str] | None = None,
        seed: int | None = None,
    ) -> list[list[Completion]]:
        """One list of ``n`` completions per prompt, in prompt order.

        ``temperature=0`` means greedy decoding (then the ``n`` samples are identical).
        ``seed`` makes sampling reproducible for the same prompts, ``n``, batch size and device.
        """


def _check_args(n: int, temperature: float, top_p: float, max_new_tokens: int) -> None:
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    if temperature < 0:
        raise ValueError(f"temperature must be >= 0, got {temperature}")
    if not 0 < top_p <= 1:
        raise ValueError(f"top_p must be in (0, 1], got {top_p}")
    if max_new_tokens < 1:
        raise ValueError(f"max_new_tokens must be >= 1, got {max_new_tokens}")


def cut_at_stop(text: str, stop: Sequence[str]) -> tuple[str, bool]:
    """Text before the earliest stop sequence, and whether one was found."""
    cut = min((i for s in stop if s and (i := text.find(s)) >= 0), default=-1)
    return (text[:cut], True) if cut >= 0 else (text, False)


class _RowStops:
    """What the stopping criteria share: the generated length at which each row first stopped.

    transformers calls a criterion after every step with the whole ``input_ids`` (prompt
    included) and accepts a per-row bool tensor: done rows get padding from then on, and
    generation ends when every row is done. A row once stopped stays done.
    """

    def __init__(self, prompt_len: int, batch: int) -> None:
        self.prompt_len = prompt_len
        self.stopped_at: list[int | None] = [None] * batch

    def _settle(self, done: torch.Tensor, generated: int) -> torch.BoolTensor:
        """``done`` with the rows stopped before set, recording the rows newly done."""
        for row, stopped in enumerate(self.stopped_at):
            if stopped is not None:
                done[row] = True
            elif done[row]:
                self.stopped_at[row] = generated
        return done  # type: ignore[return-value]


class _StopOnSequences(_RowStops):
    """Stopping criterion that marks a row done once its generated text contains a stop sequence.

    The length at which each row stopped keeps tokens after the stop from being counted. Only
    the generated part is decoded, and only a window long enough to hold the longest stop
    sequence (:func:`~cs_pipelines.models.continuous.stop_window`).
    """

    def __init__(self, tokenizer: Any, stop: Sequence[str], prompt_len: int, batch: int) -> None:
        super().__init__(prompt_len, batch)
        self.tokenizer = tokenizer
        self.stop = [s for s in stop if s]
        self.window = stop_window(self.stop)

    def __call__(self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any) -> torch.BoolTensor:
        done = torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)
        if not self.stop:
            return done  # type: ignore[return-value]
        length = input_ids.shape[1]
        start = max(self.prompt_len, length - self.window)
        tails = input_ids[:, start:].tolist()
        hits = stops_in_tails(self.tokenizer, self.stop, tails)
        done |= torch.tensor(hits, dtype=torch.bool, device=input_ids.device)
        return self._settle(done, length - self.prompt_len)


class _StopOnRepetition(_RowStops):
    """Stopping criterion that marks a row done once its generated tokens end in a loop: the
    same run of 1 to ``max_period`` tokens repeated ``min_repeats`` times, over at least
    ``min_span`` tokens (:func:`~cs_pipelines.models.continuous.ends_in_loop`, the rule the
    continuous decoder applies).

    Small models decoding greedily fall into such loops (the same argument line, the same
    ``raise`` pair, one word, until ``max_new_tokens``). The answer is broken either way, and
    the whole batch would decode until its longest row stops, so a loop ends the row early.
    Code with a long literal run (``[0, 0, 0, ...]`` over ``min_span`` tokens) is cut too.
    """

    def __init__(
        self,
        prompt_len: int,
        batch: int,
        max_period: int = LOOP_MAX_PERIOD,
        min_repeats: int = LOOP_MIN_REPEATS,
        min_span: int = LOOP_MIN_SPAN,
    ) -> None:
        super().__init__(prompt_len, batch)
        self.spans = loop_spans(max_period, min_repeats, min_span)

    def __call__(self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any) -> torch.BoolTensor:
        generated = input_ids[:, self.prompt_len :].tolist()
        done = torch.tensor(
            [ends_in_loop(row, self.spans) for row in generated],
            dtype=torch.bool,
            device=input_ids.device,
        )
        return self._settle(done, input_ids.shape[1] - self.prompt_len)


class TransformersGenerator(Generator):
    """Batched sampling with ``transformers`` models (CPU or GPU).

    Args:
        model_path: a local Hugging Face folder (e.g. from ``materialize_base_model``).
        device: ``"cpu"``, ``"cuda"``, ...; None picks CUDA when available.
        batch_size: rows (prompt x sample) per forward batch; 0 picks :func:`default_batch_size`.
        dtype: weights dtype; ``"auto"`` as ``cs_pipelines.models.device.resolve_dtype`` says.
        adapter_path: a peft LoRA adapter folder to apply to the model (merged on load).
        stop_loops: end a sample that loops (finish reason ``"repetition"``).
        compact: continuous batching: a finished row leaves the batch at once and a waiting
            row takes its place (:mod:`cs_pipelines.models.continuous`); False decodes a
            batch at a time with ``model.generate``.

    :meth:`from_model` wraps a model already in memory instead (a loaded champion, the policy
    that RL is training): nothing is copied or merged, so it samples the current weights.
    """

    def __init__(
        self,
        model_path: str | Path,
        device: str | None = None,
        batch_size: int = 0,
        dtype: str = "auto",
        adapter_path: str | Path | None = None,
        stop_loops: bool = True,
        compact: bool = True,
    ) -> None:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        device = device or default_device()
        dtype = resolve_dtype(dtype, device)
        tokenizer = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
        model = AutoModelForCausalLM.from_pretrained(
            model_path, dtype=getattr(torch, dtype), local_files_only=True
        )
        if adapter_path is not None:
            from peft import PeftModel

            # Merged once, the adapter costs nothing per generated token.
            model = PeftModel.from_pretrained(model, adapter_path).merge_and_unload()
        self._setup(model.to(device), tokenizer, Path(model_path), batch_size, stop_loops, compact)

    @classmethod
    def from_model(
        cls,
        model: Any,
        tokenizer: Any,
        batch_size: int = 0,
        stop_loops: bool = True,
        name: str = "in-memory model",
    ) -> TransformersGenerator:
        """An engine on ``model`` as it is (device, dtype, adapters and all)."""
        engine = cls.__new__(cls)
        engine._setup(model, tokenizer, Path(name), batch_size, stop_loops, compact=True)
        return engine

    def _setup(
        self,
        model: Any,
        tokenizer: Any,
        model_path: Path,
        batch_size: int,
        stop_loops: bool,
        compact: bool,
    ) -> None:
        if batch_size < 0:
            raise ValueError(f"batch_size must be >= 0 (0 = automatic), got {batch_size}")
        self.model_path = model_path
        self.model = model
        parameter = next(model.parameters())
        self.device = str(parameter.device)
        self.dtype = str(parameter.dtype).removeprefix("torch.")
        self.batch_size = batch_size or default_batch_size(self.device, self.dtype)
        self.stop_loops = stop_loops
        self.compact = compact
        self.tokenizer = tokenizer
        self.tokenizer.padding_side = "left"
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        eos = model.generation_config.eos_token_id
        if eos is None:
            eos = self.tokenizer.eos_token_id
        self.eos_token_ids: set[int] = set(eos if isinstance(eos, list) else [eos])
        self.pad_token_id: int = self.tokenizer.pad_token_id

    def render(self, prompt: Prompt) -> str:
        """The exact text the model is conditioned on (chat template applied to chats)."""
        if isinstance(prompt, str):
            return prompt
        if _is_token_ids(prompt):
            return self.tokenizer.decode(prompt)
        if not getattr(self.tokenizer, "chat_template", None):
            raise ValueError(f"{self.model_path} has no chat template; pass string prompts")
        return self.tokenizer.apply_chat_template(
            prompt, add_generation_prompt=True, tokenize=False
        )

    @property
    def context_length(self) -> int | None:
        """The most tokens (prompt and completion) the model attends to, where it says."""
        return getattr(self.model.config, "max_position_embeddings", None)

    def _encode(self, prompt: Prompt, index: int, max_new_tokens: int) -> list[int]:
        if _is_token_ids(prompt):
            ids = list(prompt)  # type: ignore[arg-type]
        else:
            # A rendered chat holds its special tokens already; a raw string gets the tokenizer's.
            add_special = isinstance(prompt, str)
            text = self.render(prompt)
            ids = self.tokenizer(text, add_special_tokens=add_special)["input_ids"]
        if not ids:
            raise ValueError(f"prompt {index} encodes to no tokens")
        limit = self.context_length
        if limit is not None and len(ids) + max_new_tokens > limit:
            raise ValueError(
                f"prompt {index} has {len(ids)} tokens; with max_new_tokens {max_new_tokens} it "
                f"exceeds the context of {self.model_path} ({limit} tokens)"
            )
        return ids

    def generate(
        self,
        prompts: Sequence[Prompt],
        n: int = 1,
        temperature: float = 0.8,
        top_p: float = 0.95,
        max_new_tokens: int = 256,
        stop: list[str] | None = None,
        seed: int | None = None,
    ) -> list[list[Completion]]:
        _check_args(n, temperature, top_p, max_new_tokens)
        if not prompts:
            raise ValueError("no prompts to generate for: the prompt list is empty")
        encoded = [self._encode(p, i, max_new_tokens) for i, p in enumerate(prompts)]
        # One row per (prompt, sample); longest first so padding is small and memory peaks early.
        rows = sorted(
            ((i, j) for i in range(len(encoded)) for j in range(n)),
            key=lambda r: (-len(encoded[r[0]]), r[0], r[1]),
        )
        results: list[list[Completion | None]] = [[None] * n for _ in encoded]
        devices = [self.device] if self.device.startswith("cuda") else []
        with (
            torch.random.fork_rng(devices=devices, enabled=seed is not None),
            _eval_mode(self.model),
        ):
            if seed is not None:
                torch.manual_seed(seed % 2**63)
            decode = self._decode_continuous if self.compact else self._decode_in_batches
            completions = decode(
                [encoded[i] for i, _ in rows], temperature, top_p, max_new_tokens, stop or []
            )
        for (i, j), completion in zip(rows, completions, strict=True):
            results[i][j] = completion
        return [[c for c in per_prompt if c is not None] for per_prompt in results]

    def _decode_continuous(
        self,
        prompts: list[list[int]],
        temperature: float,
        top_p: float,
        max_new_tokens: int,
        stop: list[str],
    ) -> list[Completion]:
        """Continuous batching (:mod:`cs_pipelines.models.continuous`)."""
        stops = RowStops(self.tokenizer, stop, self.eos_token_ids, max_new_tokens, self.stop_loops)
        decoder = ContinuousDecoder(self.model, self.pad_token_id, self.batch_size)
        return [
            self._completion(row, stop) for row in decoder.run(prompts, stops, temperature, top_p)
        ]

    def _completion(self, row: Row, stop: list[str]) -> Completion:
        text = self.tokenizer.decode(row.tokens, skip_special_tokens=True)
        text, hit_stop = cut_at_stop(text, stop)
        reason: FinishReason = (
            "stop"
            if hit_stop or row.reason in ("eos", "stop")
            else "repetition"
            if row.reason == "loop"
            else "length"
        )
        return Completion(text, len(row.tokens), reason, token_ids=tuple(row.tokens))

    def _decode_in_batches(
        self,
        prompts: list[list[int]],
        temperature: float,
        top_p: float,
        max_new_tokens: int,
        stop: list[str],
    ) -> list[Completion]:
        """``model.generate`` a batch at a time (the ``compact=False`` reference path)."""
        completions = []
        for start in range(0, len(prompts), self.batch_size):
            with _cpu_threads(self.device):  # asked per batch: the load changes
                completions += self._generate_batch(
                    prompts[start : start + self.batch_size],
                    temperature,
                    top_p,
                    max_new_tokens,
                    stop,
                )
        return completions

    @torch.inference_mode()
    def _generate_batch(
        self,
        batch: list[list[int]],
        temperature: float,
        top_p: float,
        max_new_tokens: int,
        stop: list[str],
    ) -> list[Completion]:
        from transformers import StoppingCriteriaList

        width = max(len(ids) for ids in batch)
        input_ids = torch.full((len(batch), width), self.pad_token_id, dtype=torch.long)
        attention_mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):
            input_ids[row, width - len(ids) :] = torch.tensor(ids, dtype=torch.long)
            attention_mask[row, width - len(ids) :] = 1
        criterion = _StopOnSequences(self.tokenizer, stop, width, len(batch))
        loops = _StopOnRepetition(width, len(batch))
        criteria = [criterion, loops] if self.stop_loops else [criterion]
        sampling: dict[str, Any] = (
            {"do_sample": True, "temperature": temperature, "top_p": top_p, "top_k": 0}
            if temperature > 0
            else {"do_sample": False}
        )
        output = self.model.generate(
            input_ids=input_ids.to(self.device),
            attention_mask=attention_mask.to(self.device),
            max_new_tokens=max_new_tokens,
            pad_token_id=self.pad_token_id,
            eos_token_id=sorted(self.eos_token_ids),
            stopping_criteria=StoppingCriteriaList(criteria),
            **sampling,
        )
        generated = output[:, width:].tolist()
        completions = []
        for row, tokens in enumerate(generated):
            n_tokens = len(tokens)
            hit_eos = False
            for k, token in enumerate(tokens):
                if token in self.eos_token_ids:
                    n_tokens, hit_eos = k + 1, True
                    break
            stopped_at = criterion.stopped_at[row]
            if stopped_at is not None and stopped_at <= n_tokens:
                n_tokens, hit_eos = stopped_at, False
            looped = loops.stopped_at[row]  # counts only when nothing ended the row before
            looping = (
                looped is not None
                and not hit_eos
                and looped <= n_tokens
                and (stopped_at is None or looped < stopped_at)
            )
            if looping:
                n_tokens = looped
            text = self.tokenizer.decode(tokens[:n_tokens], skip_special_tokens=True)
            text, hit_stop = cut_at_stop(text, stop)
            reason: FinishReason = (
                "stop" if hit_eos or hit_stop else "repetition" if looping else "length"
            )
            completions.append(
                Completion(
                    text=text,
                    n_tokens=n_tokens,
                    finish_reason=reason,
                    token_ids=tuple(tokens[:n_tokens]),
                )
            )
        return completions


class VLLMGenerator(Generator):
    """vLLM backend for CUDA machines: same interface, vLLM's continuous batching underneath.

    vLLM is imported here, not at module level, so that CPU-only installs never need it.
    """

    def __init__(self, model_path: str | Path, **engine_kwargs: Any) -> None:
        try:
            import vllm
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ImportError("VLLMGenerator needs vllm (pip install vllm) and a CUDA GPU") from exc
        self._vllm = vllm
        self.model_path = Path(model_path)
        self.llm = vllm.LLM(model=str(self.model_path), **engine_kwargs)
        self.tokenizer = self.llm.get_tokenizer()

    def render(self, prompt: Prompt) -> str:
        """The exact text the model is conditioned on (chat template applied to chats)."""
        if isinstance(prompt, str):
            return prompt
        return self.tokenizer.apply_chat_template(
            prompt, add_generation_prompt=True, tokenize=False
        )

    def generate(  # pragma: no cover - needs vllm and a GPU
        self,
        prompts: Sequence[Prompt],
        n: int = 1,
        temperature: float = 0.8,
        top_p: float = 0.95,
        max_new_tokens: int = 256,
        stop: list[str] | None = None,
        seed: int | None = None,
    ) -> list[list[Completion]]:
        _check_args(n, temperature, top_p, max_new_tokens)
        params = self._vllm.SamplingParams(
            n=n,
            temperature=temperature,
            top_p=top_p if temperature > 0 else 1.0,
            max_tokens=max_new_tokens,
            stop=stop or None,
            seed=seed,
        )
        texts = [self.render(p) for p in prompts]
        outputs = self.llm.generate(texts, params, use_tqdm=False)
        return [
            [
                Completion(
                    text=o.text,
                    n_tokens=len(o.token_ids),
                    finish_reason="length" if o.finish_reason == "length" else "stop",
                )
                for o in request.outputs
            ]
            for request in outputs
        ]


def _is_token_ids(prompt: Prompt) -> bool:
    return isinstance(prompt, list) and bool(prompt) and isinstance(prompt[0], int)


@contextlib.contextmanager
def _eval_mode(model: Any) -> Iterator[None]:
    """Sample without dropout, and leave a model that was training in training mode."""
    was_training = model.training
    model.eval()
    try:
        yield
    finally:
        model.train(was_training)


def default_batch_size(device: str, dtype: str) -> int:
    """Rows per batch where the engine ran fastest in ``benchmarks/bench_generation.py``."""
    if device.startswith("cuda"):
        return 64
    return 32 if dtype == "bfloat16" else 16


@contextlib.contextmanager
def _cpu_threads(device: str) -> Iterator[None]:
    """When other processes keep the CPU busy, decode on one thread (see
    :mod:`cs_pipelines.models.cpu`: two threads would spin waiting for each other)."""
    if not device.startswith("cpu"):
        yield
        return
    with torch_threads():
        yield


def vllm_available() -> bool:
    """vLLM is importable and a CUDA GPU is visible (checked without importing vLLM)."""
    return importlib.util.find_spec("vllm") is not None and cuda_available()


def make_generator(
    model_path: str | Path,
    engine: EngineSettings | None = None,
    *,
    adapter_path: str | Path | None = None,
    device: str | None = None,
) -> Generator:
    """The generation engine for a model folder (plus an optional LoRA adapter), as ``engine``
    says: vLLM when ``backend="auto"`` finds it usable and there is no adapter to merge,
    transformers otherwise."""
    engine = engine or EngineSettings()
    backend = engine.backend
    if backend == "auto":
        backend = "vllm" if vllm_available() and adapter_path is None else "transformers"
    if backend == "transformers":
        return TransformersGenerator(
            model_path,
            device=device,
            batch_size=engine.batch_size,
            dtype=engine.dtype,
            adapter_path=adapter_path,
        )
    if not vllm_available():
        raise RuntimeError("backend='vllm' needs vllm installed and a CUDA GPU")
    if adapter_path is not None:
        raise ValueError("the vLLM backend serves merged models only: use backend='transformers'")
    return VLLMGenerator(model_path, dtype=resolve_dtype(engine.dtype, "cuda"))
