"""Generation benchmark: batched sampling versus one prompt at a time, with the real base model.

The base model (SmolLM2-135M-Instruct from the packaged GGUF) is materialized once with
``materialize_base_model`` (about 30 s; ``--model-dir`` keeps it between runs), then the same chat
prompts (crypto-trading coding tasks) are sampled through ``TransformersGenerator``:

* ``sequential``: ``batch_size=1``, one ``generate`` call per prompt, as a naive loop would;
* ``batched``: one ``generate`` call for all prompts, ``--cpu-batch-size`` / ``--gpu-batch-size``
  rows per batch (left padding, rows sorted by prompt length, early stop when every row is done).

Throughput is USEFUL tokens per second, the median of ``--rounds`` interleaved rounds (the machine
may be shared; each round's ratio is printed too): the sum of ``Completion.n_tokens`` (up to EOS,
excluding padding) over wall time, after one warm-up call. Samples differ between the two modes
(the random streams differ), so token counts differ a little; tokens/s normalises that. On a
CUDA machine the same comparison runs on the GPU (with more prompts), and vLLM is added when it
is installed. Nothing is downloaded.

    .venv/bin/python benchmarks/bench_generation.py                 # ~1-2 min on 2 idle cores
    .venv/bin/python benchmarks/bench_generation.py --quick         # smoke run, ~1 min
    .venv/bin/python benchmarks/bench_generation.py --model-dir data/models/base  # reuse
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may download
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402

from benchmarks.common import scratch_dir  # noqa: E402
from cs_pipelines.models.base import BaseModelConfig, materialize_base_model  # noqa: E402
from cs_pipelines.models.generation import (  # noqa: E402
    Generator,
    TransformersGenerator,
    vllm_available,
)

TASKS = [
    "Write a Python function that computes the 14-period RSI of a pandas Series of closes.",
    "Write a backtrader Strategy that buys when the 10-day SMA crosses above the 30-day SMA.",
    "Compute the maximum drawdown of an equity curve given as a list of floats.",
    "Write a function that returns the position size for a 1% account risk and a stop price.",
    "Implement an exponential moving average without pandas.",
    "Write a function that resamples 1-minute OHLCV candles in a DataFrame to 1-hour candles.",
    "Compute the annualised Sharpe ratio of daily returns.",
    "Write a trailing stop-loss class that updates its stop as the price rises.",
    "Parse a Binance kline JSON list into a pandas DataFrame with typed columns.",
    "Write Bollinger Bands (20, 2) for a Series of closes.",
    "Implement a function that detects a bullish engulfing candle pattern.",
    "Compute the VWAP of a DataFrame with price and volume columns.",
]


def _prompts(count: int) -> list[list[dict[str, str]]]:
    return [
        [
            {
                "role": "user",
                "content": TASKS[i % len(TASKS)] + ("" if i < len(TASKS) else " Be brief."),
            }
        ]
        for i in range(count)
    ]


@dataclass
class Row:
    device: str
    mode: str
    batch_size: int
    prompts: int
    tokens: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.synchronize()


def _time_generate(
    generator: Generator, prompts: list, device: str, one_at_a_time: bool, max_new: int
) -> tuple[int, float]:
    kwargs = {"max_new_tokens": max_new, "temperature": 0.8, "top_p": 0.95, "seed": 0}
    _sync(device)
    start = time.perf_counter()
    if one_at_a_time:
        outs = [generator.generate([p], **kwargs)[0] for p in prompts]
    else:
        outs = generator.generate(prompts, **kwargs)
    _sync(device)
    seconds = time.perf_counter() - start
    return sum(c.n_tokens for samples in outs for c in samples), seconds


def bench_device(
    model_dir: Path, device: str, n_prompts: int, batch_size: int, max_new: int, rounds: int
) -> list[Row]:
    prompts = _prompts(n_prompts)
    rows = []
    # One model in memory: "sequential" calls generate once per prompt (a batch of one row).
    generator = TransformersGenerator(model_dir, device=device, batch_size=batch_size)
    print(
        f"  {device}: {generator.dtype}, batch size {batch_size}, {n_prompts} prompts", flush=True
    )
    # Warm-up (allocator, kernels, lazy imports) outside the timings.
    generator.generate(prompts[:1], max_new_tokens=4, seed=0)
    generator.generate(prompts[:batch_size], max_new_tokens=4, seed=0)
    runs: dict[str, list[tuple[int, float]]] = {"sequential": [], "batched": []}
    for r in range(rounds):  # interleaved rounds: the machine may be shared
        for mode, one in (("sequential", True), ("batched", False)):
            tokens, seconds = _time_generate(generator, prompts, device, one, max_new)
            runs[mode].append((tokens, seconds))
            print(f"  round {r + 1} {mode:<10} {tokens:>6} tokens in {seconds:7.1f} s", flush=True)
    ratios = [
        (b[0] / b[1]) / (s[0] / s[1])
        for s, b in zip(runs["sequential"], runs["batched"], strict=True)
    ]
    print(f"  batched / sequential per round: {', '.join(f'{x:.2f}x' for x in ratios)}")
    for mode, bs in (("sequential", 1), ("batched", batch_size)):
        by_rate = sorted(runs[mode], key=lambda run: run[0] / run[1])
        rows.append(Row(device, mode, bs, n_prompts, *by_rate[len(by_rate) // 2]))  # median
    return rows


def bench_vllm(model_dir: Path, n_prompts: int, max_new: int) -> list[Row]:  # pragma: no cover
    from cs_pipelines.models.generation import VLLMGenerator

    generator = VLLMGenerator(model_dir)
    prompts = _prompts(n_prompts)
    generator.generate(prompts[:2], max_new_tokens=4, seed=0)
    tokens, seconds = _time_generate(generator, prompts, "cuda", False, max_new)
    return [Row("cuda", "vllm", n_prompts, n_prompts, tokens, seconds)]


def print_table(rows: list[Row]) -> None:
    print()
    print("| device | mode | batch size | prompts | tokens | seconds | tokens/s | vs sequential |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    base = {r.device: r.rate for r in rows if r.mode == "sequential"}
    for r in rows:
        ratio = r.rate / base[r.device] if base.get(r.device) else float("nan")
        print(
            f"| {r.device} | {r.mode} | {r.batch_size} | {r.prompts} | {r.tokens} | "
            f"{r.seconds:.1f} | {r.rate:.1f} | {ratio:.2f}x |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", type=Path, help="materialize/reuse the base model here")
    parser.add_argument("--cpu-prompts", type=int, default=8)
    parser.add_argument("--cpu-batch-size", type=int, default=8)
    parser.add_argument("--gpu-prompts", type=int, default=64)
    parser.add_argument("--gpu-batch-size", type=int, default=32)
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds, median kept")
    parser.add_argument("--quick", action="store_true", help="4 prompts, 16 new tokens, 1 round")
    parser.add_argument(
        "--threads",
        type=int,
        help="torch CPU threads (default: torch's). On a shared machine use 1: with more threads "
        "than free cores OpenMP spin-waits and decoding gets ~10x slower",
    )
    parser.add_argument("--no-gpu", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the temporary model folder")
    args = parser.parse_args(argv)
    if args.quick:
        args.cpu_prompts, args.cpu_batch_size, args.max_new_tokens = 4, 4, 16
        args.gpu_prompts, args.rounds = 8, 1

    if args.threads:
        torch.set_num_threads(args.threads)
    scratch = None
    model_dir = args.model_dir
    if model_dir is None:
        scratch = scratch_dir("generation")
        model_dir = scratch / "base"
    try:
        start = time.perf_counter()
        info = materialize_base_model(BaseModelConfig(), model_dir)
        what = "converted" if info.converted else "reused"
        print(
            f"base model {what} in {time.perf_counter() - start:.1f} s: {info.source}, "
            f"{info.n_parameters:,} parameters, {info.dtype}"
        )
        print(f"torch {torch.__version__}, {torch.get_num_threads()} CPU threads")
        rows = bench_device(
            model_dir,
            "cpu",
            args.cpu_prompts,
            args.cpu_batch_size,
            args.max_new_tokens,
            args.rounds,
        )
        if torch.cuda.is_available() and not args.no_gpu:
            print(f"GPU: {torch.cuda.get_device_name()}")
            rows += bench_device(
                model_dir,
                "cuda",
                args.gpu_prompts,
                args.gpu_batch_size,
                args.max_new_tokens,
                args.rounds,
            )
            if vllm_available():
                rows += bench_vllm(model_dir, args.gpu_prompts, args.max_new_tokens)
        else:
            print("no CUDA GPU (or --no-gpu): GPU rows skipped")
        print_table(rows)
    finally:
        if scratch is not None and not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
