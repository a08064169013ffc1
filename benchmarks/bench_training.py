"""Training benchmark: LoRA versus full fine-tuning of the real base model: tokens/s, peak memory.

Training throughput (tokens/s) and peak memory for LoRA on this CPU, and on a GPU when one is
available, with full fine-tuning beside it for comparison. The base model is SmolLM2-135M-Instruct
at ``cs_pipelines.paths.base_model_dir()`` (materialized from the packaged GGUF when missing).
Both sides train on the same synthetic chat examples (crypto-trading coding tasks with code
answers, 250-370 tokens each) through the platform's own path: prompt/completion rows, TRL's
``SFTTrainer`` with the ``SFTConfig`` that ``train_lora`` builds (``cs_pipelines.training.sft``)
for the smoke preset on a CPU and the standard preset on a GPU, evaluation and checkpoints off.
LoRA adds the preset's adapter (all attention and MLP projections); full fine-tuning trains
every weight with the same optimizer (AdamW) and batch.

Each side runs in its own process (so its peak memory is its own: ``VmHWM``, the resident
high-water mark, which starts afresh at exec; on a GPU, ``torch.cuda.max_memory_allocated``),
for ``--warmup`` untimed steps then ``--steps`` timed ones; tokens/s counts non-padding input
tokens over the timed steps' wall time. Sides are interleaved over ``--rounds`` rounds (order
alternating) and the table shows medians: the machine may be shared, so compare the ratios.

The ``smoke`` section runs ``train_lora`` once, end to end, with the default config (the smoke
preset on a CPU) on ``--smoke-examples`` synthetic chats: the wall time a smoke materialization
of the ``sft_adapter`` asset takes, evaluations and checkpoints included.

    .venv/bin/python benchmarks/bench_training.py                    # both sections
    .venv/bin/python benchmarks/bench_training.py --sections throughput --steps 2 --rounds 1
    .venv/bin/python benchmarks/bench_training.py --sections throughput --lora-dropout 0.05
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing may download
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from transformers import TrainerCallback  # noqa: E402

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402

MODES = ("lora", "full")
SECTIONS = ("throughput", "smoke")
INDICATORS = [
    ("simple moving average", "sum(closes[i - window + 1 : i + 1]) / window"),
    ("rolling maximum", "max(closes[i - window + 1 : i + 1])"),
    ("rolling minimum", "min(closes[i - window + 1 : i + 1])"),
    ("momentum", "closes[i] - closes[i - window + 1]"),
    ("rate of change", "(closes[i] / closes[i - window + 1] - 1.0) * 100.0"),
]


def synthetic_chat(i: int, rng: random.Random) -> list[dict[str, str]]:
    """A trading-code task and a plausible answer (a loop-based indicator plus a signal)."""
    name, expr = INDICATORS[i % len(INDICATORS)]
    window = rng.randint(5, 60)
    func = f"{name.replace(' ', '_')}_{i}"
    extra = "".join(
        f"    # step {k}: keep the last {window} closes in view\n" for k in range(rng.randint(0, 6))
    )
    code = (
        f"def {func}(closes: list[float], window: int = {window}) -> list[float | None]:\n"
        f'    """{name.capitalize()} over {window} bars; None until the window is full."""\n'
        f"{extra}"
        "    out: list[float | None] = []\n"
        "    for i in range(len(closes)):\n"
        "        if i + 1 < window:\n"
        "            out.append(None)\n"
        "            continue\n"
        f"        out.append({expr})\n"
        "    return out\n\n\n"
        f"def signal_{i}(closes: list[float]) -> str:\n"
        f"    values = {func}(closes)\n"
        "    if values[-1] is None:\n"
        '        return "hold"\n'
        '    return "buy" if closes[-1] > values[-1] else "sell"\n'
    )
    return [
        {"role": "system", "content": "You write correct, tested Python for crypto trading."},
        {
            "role": "user",
            "content": f"Write `{func}`, the {window}-bar {name} of a list of BTC/USDT closes, "
            f"and a `signal_{i}` that says buy above it and sell below it.",
        },
        {"role": "assistant", "content": f"```python\n{code}```"},
    ]


def synthetic_chats(count: int, seed: int = 0) -> list[list[dict[str, str]]]:
    rng = random.Random(seed)
    return [synthetic_chat(i, rng) for i in range(count)]


def proc_status_mb(field: str) -> float:
    """A ``/proc/self/status`` field (``VmHWM``, ``VmRSS``) in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---- one side, in its own process -------------------------------------------------------------


class StepTimer(TrainerCallback):
    """Wall time and input tokens from the end of the last warm-up step to the end of training
    (the Trainer counts a step's tokens as it fetches its batches, before ``on_step_begin``)."""

    def __init__(self, warmup: int, cuda: bool) -> None:
        self.warmup, self.cuda = warmup, cuda
        self.tokens, self.seconds = 0, 0.0
        self._mark: tuple[float, int] | None = None

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.cuda:
            import torch

            torch.cuda.synchronize()
        now, seen = time.perf_counter(), state.num_input_tokens_seen
        if state.global_step == self.warmup:
            self._mark = (now, seen)
        elif self._mark is not None:
            self.seconds, self.tokens = now - self._mark[0], seen - self._mark[1]


def run_side(
    mode: str,
    device: str,
    model_dir: Path,
    steps: int,
    warmup: int,
    batch: int,
    max_length: int,
    lora_dropout: float = -1.0,
) -> dict[str, Any]:
    """Train ``warmup + steps`` steps of one mode and measure the timed ones."""
    import torch
    from datasets import Dataset
    from transformers import AutoModelForCausalLM
    from trl import SFTTrainer

    from cs_pipelines.training import TrainingConfig, resolve
    from cs_pipelines.training.data import to_prompt_completion
    from cs_pipelines.training.sft import load_tokenizer, lora_config, sft_config

    cuda = device == "cuda"
    config = TrainingConfig(
        max_steps=warmup + steps,
        batch_size=batch,
        grad_accum=1,
        max_length=max_length,
        lora_dropout=lora_dropout,
    )
    resolved = resolve(config, cuda=cuda)
    rows = [to_prompt_completion(m) for m in synthetic_chats(batch * (warmup + steps))]
    scratch = scratch_dir(f"training-{mode}")
    args = sft_config(resolved, scratch, eval_strategy="no", save_strategy="no", logging_steps=1)
    # LoRA: frozen base in the preset's dtype. Full: float32 master weights (bf16 autocast on GPU).
    dtype = torch.bfloat16 if resolved.bf16 and mode == "lora" else torch.float32
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=dtype, local_files_only=True)
    loaded_mb = proc_status_mb("VmRSS")
    lora = lora_config(resolved)
    timer = StepTimer(warmup, cuda)
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=load_tokenizer(model_dir),
        peft_config=lora if mode == "lora" else None,
        callbacks=[timer],
    )
    params = list(trainer.model.parameters())
    trainer.train()
    shutil.rmtree(scratch, ignore_errors=True)
    return {
        "mode": mode,
        "device": device,
        "threads": torch.get_num_threads(),
        "batch": batch,
        "lora_dropout": resolved.lora_dropout,
        "timed_steps": steps,
        "tokens": timer.tokens,
        "seconds": timer.seconds,
        "tokens_per_s": timer.tokens / timer.seconds if timer.seconds else float("nan"),
        "peak_rss_mb": proc_status_mb("VmHWM"),
        "rss_after_load_mb": loaded_mb,
        "gpu_peak_mb": torch.cuda.max_memory_allocated() / 2**20 if cuda else None,
        "trainable_params": sum(p.numel() for p in params if p.requires_grad),
        "total_params": sum(p.numel() for p in params),
    }


def run_smoke(model_dir: Path, examples: int, threads: int) -> dict[str, Any]:
    """One ``train_lora`` with the default config (smoke preset on a CPU), end to end;
    ``threads`` is its ``cpu_threads`` (0: automatic, by the load average)."""
    from datasets import Dataset, DatasetDict

    from cs_pipelines.training import TrainingConfig, train_lora
    from cs_pipelines.training.callbacks import format_progress

    scratch = scratch_dir("training-smoke")
    chats = synthetic_chats(examples + max(examples // 8, 8), seed=1)
    splits = {"train": chats[:examples], "validation": chats[examples:]}
    DatasetDict(
        {k: Dataset.from_list([{"messages": m} for m in v]) for k, v in splits.items()}
    ).save_to_disk(scratch / "dataset")
    started = time.perf_counter()
    result = train_lora(
        model_dir,
        scratch / "dataset",
        scratch / "out",
        TrainingConfig(cpu_threads=threads),
        progress=lambda e: print("    " + format_progress(e), file=sys.stderr, flush=True),
    )
    wall = time.perf_counter() - started
    shutil.rmtree(scratch, ignore_errors=True)
    return {**result.as_metadata(), "wall_s": wall, "peak_rss_mb": proc_status_mb("VmHWM")}


def worker_main(args: argparse.Namespace) -> int:
    """``--worker``: run one side (or the smoke run) and print its JSON as the last line."""
    import torch

    if args.worker == "smoke":  # train_lora sets its own threads (0: by the load average)
        out = run_smoke(args.model_dir, args.smoke_examples, args.threads)
    else:
        if args.threads:
            torch.set_num_threads(args.threads)
        batch = args.gpu_batch_size if args.device == "cuda" else args.batch_size
        out = run_side(
            args.worker,
            args.device,
            args.model_dir,
            args.steps,
            args.warmup,
            batch,
            args.max_length,
            args.lora_dropout,
        )
    print(json.dumps(out), flush=True)
    return 0


# ---- the driver -------------------------------------------------------------------------------


def spawn(args: argparse.Namespace, worker: str, device: str) -> dict[str, Any]:
    """Run one worker in a fresh interpreter; its stderr passes through, its JSON comes back."""
    command = [
        sys.executable, __file__, "--worker", worker, "--device", device,
        "--model-dir", str(args.model_dir), "--steps", str(args.steps),
        "--warmup", str(args.warmup), "--batch-size", str(args.batch_size),
        "--gpu-batch-size", str(args.gpu_batch_size), "--max-length", str(args.max_length),
        "--smoke-examples", str(args.smoke_examples), "--threads", str(args.threads or 0),
        "--lora-dropout", str(args.lora_dropout),
    ]  # fmt: skip
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_device(args: argparse.Namespace, device: str) -> dict[str, list[dict[str, Any]]]:
    runs: dict[str, list[dict[str, Any]]] = {mode: [] for mode in MODES}
    for r in range(args.rounds):
        for mode in MODES if r % 2 == 0 else MODES[::-1]:
            started = time.perf_counter()
            out = spawn(args, mode, device)
            runs[mode].append(out)
            print(
                f"  round {r + 1} {device} {mode:<4}: {out['tokens_per_s']:8.1f} tokens/s, "
                f"peak {_peak(out):7.0f} MiB ({time.perf_counter() - started:.0f} s with start-up)",
                flush=True,
            )
    return runs


def _peak(out: dict[str, Any]) -> float:
    return out["gpu_peak_mb"] if out["device"] == "cuda" else out["peak_rss_mb"]


def print_table(device: str, runs: dict[str, list[dict[str, Any]]]) -> None:
    memory = "peak GPU MiB (allocated)" if device == "cuda" else "peak RSS MiB (VmHWM)"
    first = {mode: runs[mode][0] for mode in MODES}
    print(
        f"\n{device}: batch {first['lora']['batch']}, {first['lora']['timed_steps']} timed steps "
        f"per run, {len(runs['lora'])} runs per side, torch threads {first['lora']['threads']}, "
        f"LoRA dropout {first['lora']['lora_dropout']}"
    )
    print(f"| side | trainable params | tokens/s (median) | runs | {memory} | RSS after load MiB |")
    print("|---|---:|---:|---|---:|---:|")
    rate = {m: statistics.median(o["tokens_per_s"] for o in runs[m]) for m in MODES}
    peak = {m: max(_peak(o) for o in runs[m]) for m in MODES}
    for mode in MODES:
        out = first[mode]
        share = out["trainable_params"] / out["total_params"]
        each = ", ".join(f"{o['tokens_per_s']:.1f}" for o in runs[mode])
        loaded = statistics.median(o["rss_after_load_mb"] for o in runs[mode])
        print(
            f"| {mode} | {out['trainable_params']:,} ({share:.2%}) | {rate[mode]:.1f} | {each} | "
            f"{peak[mode]:,.0f} | {loaded:,.0f} |"
        )
    print(
        f"LoRA / full: {rate['lora'] / rate['full']:.2f}x tokens/s, "
        f"{peak['lora'] / peak['full']:.2f}x peak memory"
    )


def main(argv: list[str] | None = None) -> int:
    parser = doc_parser(__doc__)
    parser.add_argument(
        "--model-dir", type=Path, help="base model folder (default: the platform's)"
    )
    parser.add_argument("--steps", type=int, default=4, help="timed optimizer steps per run")
    parser.add_argument("--warmup", type=int, default=1, help="untimed steps before those")
    parser.add_argument("--batch-size", type=int, default=4, help="CPU batch (the smoke preset's)")
    parser.add_argument("--gpu-batch-size", type=int, default=16, help="the standard preset's")
    parser.add_argument("--max-length", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=2, help="interleaved runs per side")
    parser.add_argument(
        "--threads",
        type=int,
        default=0,
        help="torch CPU threads (0: torch's default for throughput; automatic for smoke)",
    )
    parser.add_argument(
        "--lora-dropout", type=float, default=-1.0, help="LoRA dropout (negative: the preset's)"
    )
    parser.add_argument("--no-gpu", action="store_true")
    parser.add_argument(
        "--sections", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="what to run"
    )
    parser.add_argument("--smoke-examples", type=int, default=300)
    parser.add_argument("--worker", choices=[*MODES, "smoke"], help=argparse.SUPPRESS)
    parser.add_argument("--device", default="cpu", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main(args)
    return driver(args)


def driver(args: argparse.Namespace) -> int:
    import torch

    from cs_pipelines import paths
    from cs_pipelines.models.base import BaseModelConfig, materialize_base_model

    args.model_dir = (args.model_dir or paths.base_model_dir()).resolve()
    started = time.perf_counter()
    info = materialize_base_model(BaseModelConfig(), args.model_dir)
    print(
        f"Training benchmark {time.strftime('%Y-%m-%d %H:%M')}: {info.source}, "
        f"{info.n_parameters:,} parameters ({'converted' if info.converted else 'reused'} in "
        f"{time.perf_counter() - started:.1f} s); torch {torch.__version__}; "
        f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() and not args.no_gpu else [])
    if "throughput" in args.sections:
        results = {device: bench_device(args, device) for device in devices}
        for device, runs in results.items():
            print_table(device, runs)
        if len(devices) == 1:
            print("no CUDA GPU (or --no-gpu): GPU rows skipped")
    if "smoke" in args.sections:
        smoke = spawn(args, "smoke", "cuda" if "cuda" in devices else "cpu")
        print(
            f"\nsmoke preset end to end (train_lora, default config, {smoke['n_train_examples']} "
            f"train / {smoke['n_eval_examples']} validation examples): {smoke['wall_s']:.0f} s "
            f"wall, {smoke['steps']} steps, eval loss {smoke['eval_loss_before']:.3f} -> "
            f"{smoke['eval_loss_after']:.3f}, {smoke['tokens_per_s']:.1f} tokens/s on "
            f"{smoke['cpu_threads']} thread(s), peak RSS {smoke['peak_rss_mb']:,.0f} MiB"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
