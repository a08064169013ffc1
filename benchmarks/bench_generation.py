"""Generation benchmark: the platform's engine against plain ``transformers`` ``generate``.

The same CryptoEval prompts (posed as CryptoEval poses them: chat template, an opened
```python block, stopped at the closing fence) are answered greedily by the real base model
(SmolLM2-135M-Instruct from the packaged GGUF, materialized once; ``--model-dir`` keeps it):

* ``plain``: ``model.generate`` on left-padded batches of ``--plain-batch-sizes`` rows, float32,
  with its own ``stop_strings`` for the closing fence: what a user writes without the engine;
* ``engine``: ``TransformersGenerator`` with its defaults for this machine (``dtype="auto"``,
  automatic batch size; rows sorted by prompt length, loops cut, finished rows dropped);
* ``engine, generate()``: the same, decoding with ``model.generate`` (finished rows stay in
  the batch until its longest row ends), to show what dropping them is worth.

Each (approach, round) runs in a fresh process, so its peak memory (max RSS) is its own; rounds
interleave the approaches (the machine may be shared). Throughput is USEFUL tokens per second:
tokens up to and including EOS or the stop, not padding; the median of ``--rounds`` is kept and
every approach is compared with plain float32 at batch 8, round by round. On a CUDA machine the
engine and plain generate run on the GPU too, and vLLM when it is installed.

    .venv/bin/python benchmarks/bench_generation.py --model-dir data/artifacts/models/base
    .venv/bin/python benchmarks/bench_generation.py --quick     # smoke run, ~1 min
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may download
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402

BASELINE = "plain float32 b8"


@dataclass(frozen=True)
class Approach:
    name: str
    kind: str  # plain | engine | vllm
    dtype: str
    batch_size: int  # 0: the engine's own choice
    device: str


def approaches(plain_batch_sizes: list[int], device: str) -> list[Approach]:
    plain = [
        Approach(f"plain float32 b{b}", "plain", "float32", b, device) for b in plain_batch_sizes
    ]
    return [
        *plain,
        Approach("engine, generate()", "engine-generate", "auto", 0, device),
        Approach("engine (auto)", "engine", "auto", 0, device),
    ]


def _prompts(engine, count: int) -> list[str]:
    from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, task_messages
    from cs_pipelines.cryptoeval.taskset import load_tasks

    tasks = [t for t in load_tasks() if t.variant == "generate"]
    step = max(1, len(tasks) // count)
    return [engine.render(task_messages(t)) + CODE_PREFILL for t in tasks[::step][:count]]


def run_child(approach: Approach, model_dir: Path, prompts: int, max_new: int) -> dict:
    """One timed run in this process: useful tokens, seconds, peak RSS, the engine's settings."""
    import torch

    from cs_pipelines.cryptoeval.sampling import CODE_STOP
    from cs_pipelines.models.generation import TransformersGenerator, VLLMGenerator

    if approach.kind == "vllm":  # pragma: no cover - needs a GPU
        engine = VLLMGenerator(model_dir)
    else:
        dtype = approach.dtype
        engine = TransformersGenerator(
            model_dir,
            device=approach.device,
            dtype=dtype,
            batch_size=approach.batch_size,
            compact=approach.kind != "engine-generate",  # generate(): finished rows stay
        )
    texts = _prompts(engine, prompts)
    greedy = {"temperature": 0.0, "max_new_tokens": max_new, "stop": CODE_STOP}
    warm = texts[:2]
    if approach.kind == "plain":
        _plain(engine, warm, 4)
    else:
        engine.generate(warm, **{**greedy, "max_new_tokens": 4})
    _sync(approach.device)
    start = time.perf_counter()
    if approach.kind == "plain":
        tokens = _plain(engine, texts, max_new)
    else:
        tokens = sum(c.n_tokens for per in engine.generate(texts, **greedy) for c in per)
    _sync(approach.device)
    seconds = time.perf_counter() - start
    return {
        "tokens": tokens,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "gpu_peak_mb": torch.cuda.max_memory_allocated() / 2**20
        if torch.cuda.is_available()
        else 0,
        "dtype": getattr(engine, "dtype", approach.dtype),
        "batch_size": getattr(engine, "batch_size", approach.batch_size),
        "threads": torch.get_num_threads(),
    }


def _plain(engine, texts: list[str], max_new: int) -> int:
    """Plain ``generate``: batches in the given order, left padding, stop strings; useful tokens
    counted up to the first EOS or the end of the stop string."""
    import torch

    from cs_pipelines.cryptoeval.sampling import CODE_STOP

    tokenizer, model = engine.tokenizer, engine.model
    eos = set(engine.eos_token_ids)
    useful = 0
    for start in range(0, len(texts), engine.batch_size):
        batch = tokenizer(
            texts[start : start + engine.batch_size], return_tensors="pt", padding=True
        )
        batch = {k: v.to(model.device) for k, v in batch.items()}
        with torch.inference_mode():
            output = model.generate(
                **batch,
                max_new_tokens=max_new,
                do_sample=False,
                stop_strings=CODE_STOP,
                tokenizer=tokenizer,
                pad_token_id=engine.pad_token_id,
            )
        for row in output[:, batch["input_ids"].shape[1] :].tolist():
            useful += next((k + 1 for k, t in enumerate(row) if t in eos), len(row))
    return useful


def _sync(device: str) -> None:
    if device.startswith("cuda"):
        import torch

        torch.cuda.synchronize()


def _spawn(approach: Approach, args) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        json.dumps(approach.__dict__),
        "--model-dir",
        str(args.model_dir),
        "--prompts",
        str(args.prompts),
        "--max-new-tokens",
        str(args.max_new_tokens),
        "--threads",
        str(args.threads),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{approach.name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = doc_parser(__doc__)
    parser.add_argument("--model-dir", type=Path, help="materialize/reuse the base model here")
    parser.add_argument("--prompts", type=int, default=32)
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--plain-batch-sizes", default="8,16,32")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds, median kept")
    parser.add_argument("--quick", action="store_true", help="4 prompts, 16 tokens, 1 round")
    parser.add_argument("--no-gpu", action="store_true")
    parser.add_argument(
        "--threads", type=int, default=0, help="torch CPU threads in every run (0: torch's)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        if args.threads:
            import torch

            torch.set_num_threads(args.threads)
        approach = Approach(**json.loads(args.child))
        print(json.dumps(run_child(approach, args.model_dir, args.prompts, args.max_new_tokens)))
        return 0
    if args.quick:
        args.prompts, args.max_new_tokens, args.rounds, args.plain_batch_sizes = 4, 16, 1, "8"

    import torch

    from cs_pipelines.models.base import BaseModelConfig, materialize_base_model
    from cs_pipelines.models.generation import vllm_available

    scratch = None
    if args.model_dir is None:
        scratch = scratch_dir("generation")
        args.model_dir = scratch / "base"
    try:
        info = materialize_base_model(BaseModelConfig(), args.model_dir)
        print(f"base model: {info.source}, {info.n_parameters:,} parameters")
        print(
            f"torch {torch.__version__}; {args.prompts} CryptoEval prompts, greedy, "
            f"{args.max_new_tokens} new tokens at most, {args.rounds} rounds"
        )
        sizes = [int(b) for b in args.plain_batch_sizes.split(",")]
        plan = approaches(sizes, "cpu")
        if torch.cuda.is_available() and not args.no_gpu:
            plan += approaches(sizes, "cuda")
            if vllm_available():
                plan.append(Approach("vllm", "vllm", "bfloat16", 0, "cuda"))
        runs: dict[str, list[dict]] = {a.name + "@" + a.device: [] for a in plan}
        for r in range(args.rounds):
            for approach in plan:
                result = _spawn(approach, args)
                runs[approach.name + "@" + approach.device].append(result)
                rate = result["tokens"] / result["seconds"]
                print(
                    f"  round {r + 1} {approach.device} {approach.name:<18} {result['tokens']:>6} "
                    f"tokens {result['seconds']:7.1f} s {rate:6.1f} tok/s",
                    flush=True,
                )
        print_table(plan, runs)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def print_table(plan: list[Approach], runs: dict[str, list[dict]]) -> None:
    print()
    print(
        "| device | approach | dtype | batch | tokens/s (median) | vs plain float32 b8 "
        "(median of per-round ratios) | peak RSS MB |"
    )
    print("|---|---|---|---:|---:|---:|---:|")
    for approach in plan:
        key = approach.name + "@" + approach.device
        base = runs.get(BASELINE + "@" + approach.device, [])
        rates = [r["tokens"] / r["seconds"] for r in runs[key]]
        ratios = [
            (r["tokens"] / r["seconds"]) / (b["tokens"] / b["seconds"])
            for r, b in zip(runs[key], base, strict=False)
        ]
        last = runs[key][-1]
        peak = max(r["peak_mb"] for r in runs[key])
        print(
            f"| {approach.device} | {approach.name} | {last['dtype']} | {last['batch_size']} | "
            f"{statistics.median(rates):.1f} | {statistics.median(ratios):.2f}x "
            f"({', '.join(f'{x:.2f}' for x in ratios)}) | {peak:.0f} |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
