"""The full CryptoEval set per model version: how long ``cryptoeval_scores`` takes with
``preset: full`` on this CPU (issue 12's target: at most 10 minutes), with the engine as it is
(continuous batching on a KV cache that grows in place) against the engine as issue 12 first
shipped it (a batch at a time, finished rows dropped, transformers' ``DynamicCache``).

Each approach runs what the asset runs for the base model: ``make_generator`` with the
scoring defaults (``dtype: auto``, the engine's batch size), then ``evaluate_model`` on every
task of every variant in a two-worker sandbox pool. Printed per approach: model load,
generation per engine call (explanations; then every code answer, those regenerated from the
explanations included),
sandbox scoring, the total, tokens/s and pass@1; then the ratio of the generation times and
whether the per-task verdicts are the same.

    .venv/bin/python benchmarks/bench_cryptoeval_full.py                  # ~20 min: both
    .venv/bin/python benchmarks/bench_cryptoeval_full.py --approaches engine   # the target
    .venv/bin/python benchmarks/bench_cryptoeval_full.py --tasks 40       # a quick look
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from benchmarks.common import doc_parser  # noqa: E402
from cs_pipelines import paths  # noqa: E402
from cs_pipelines.cryptoeval.evaluate import ScoringConfig, evaluate_model  # noqa: E402
from cs_pipelines.cryptoeval.sampling import select_tasks  # noqa: E402
from cs_pipelines.cryptoeval.taskset import load_tasks  # noqa: E402
from cs_pipelines.models import continuous  # noqa: E402
from cs_pipelines.models.generation import make_generator  # noqa: E402
from cs_pipelines.sandbox import SandboxPool  # noqa: E402

TARGET_S = 600.0
APPROACHES = ("engine", "previous")


@contextlib.contextmanager
def approach(name: str) -> Iterator[None]:
    """``previous``: rows join only when the batch is empty (a batch at a time, compacted, one
    prefill each), on transformers' own cache (which copies itself at every token)."""
    if name == "engine":
        yield
        return
    from transformers import DynamicCache

    saved = continuous.REFILL_BELOW, continuous.PREFILL_ROWS, continuous.growing_cache
    continuous.REFILL_BELOW, continuous.PREFILL_ROWS = 0.0, 1 << 30  # a batch in one prefill
    continuous.growing_cache = lambda _config: DynamicCache()
    try:
        yield
    finally:
        continuous.REFILL_BELOW, continuous.PREFILL_ROWS, continuous.growing_cache = saved


class _TimedCalls:
    """The generator, with each ``generate`` call's prompts, tokens and seconds recorded."""

    def __init__(self, generator: Any) -> None:
        self._generator = generator
        self.calls: list[tuple[int, int, float]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._generator, name)

    def generate(self, prompts: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        out = self._generator.generate(prompts, **kwargs)
        tokens = sum(c.n_tokens for per_prompt in out for c in per_prompt)
        self.calls.append((len(prompts), tokens, time.perf_counter() - started))
        return out


def run(name: str, model_dir: Path, tasks: list, config: ScoringConfig) -> dict[str, Any]:
    """One full-set scoring of the base model with the named approach."""
    with approach(name):
        started = time.perf_counter()
        generator = _TimedCalls(make_generator(model_dir, config))
        loaded = time.perf_counter()
        with SandboxPool(workers=2) as pool:
            evaluation = evaluate_model(name, tasks, generator, pool, config)
    passed = {task_id: bool(c) for task_id, (_, c) in evaluation.report.per_task.items()}
    return {
        "load_s": loaded - started,
        "calls": generator.calls,
        "generation_s": evaluation.generation_s,
        "scoring_s": evaluation.scoring_s,
        "total_s": time.perf_counter() - started,
        "tokens": evaluation.generated_tokens,
        "pass": passed,
        "dtype": generator.dtype,
        "batch_size": generator.batch_size,
    }


def report(name: str, result: dict[str, Any]) -> None:
    passes = sum(result["pass"].values())
    print(f"\n{name} ({result['dtype']}, batch {result['batch_size']})")
    print(f"  model load        {result['load_s']:7.1f} s")
    for name, (prompts, tokens, seconds) in zip(
        ("explanations", "code answers"), result["calls"], strict=False
    ):
        rate = tokens / seconds
        print(
            f"  {name:<17} {seconds:7.1f} s  {prompts:4d} prompts {tokens:6d} tokens {rate:5.1f}/s"
        )
    print(f"  generation        {result['generation_s']:7.1f} s")
    print(f"  sandbox scoring   {result['scoring_s']:7.1f} s")
    verdict = "within" if result["total_s"] <= TARGET_S else "OVER"
    print(
        f"  total             {result['total_s']:7.1f} s  ({verdict} the {TARGET_S:.0f} s target)"
    )
    rate = result["tokens"] / result["generation_s"]
    print(f"  tokens            {result['tokens']:7d}    {rate:.1f} tokens/s")
    print(f"  passed            {passes} of {len(result['pass'])} tasks")


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--model-dir", type=Path, default=paths.base_model_dir())
    parser.add_argument("--approaches", default=",".join(APPROACHES), help="engine, previous")
    parser.add_argument("--tasks", type=int, default=0, help="the first N tasks only (0: all)")
    args = parser.parse_args()
    names = [c.strip() for c in args.approaches.split(",") if c.strip()]
    if unknown := set(names) - set(APPROACHES):
        parser.error(f"unknown approaches {sorted(unknown)}; choose from {', '.join(APPROACHES)}")
    if not (args.model_dir / "config.json").is_file():
        parser.error(f"{args.model_dir} holds no model: materialize base_model first")
    config = ScoringConfig(preset="full")
    tasks = select_tasks(load_tasks(), config)
    if args.tasks:
        tasks = tasks[:: max(1, len(tasks) // args.tasks)][: args.tasks]
    print(f"{len(tasks)} tasks (preset full), greedy, load {os.getloadavg()[0]:.2f}")
    results = {}
    for name in names:
        results[name] = run(name, args.model_dir, tasks, config)
        report(name, results[name])
    if len(results) == 2:
        engine, previous = results["engine"], results["previous"]
        ratio = previous["generation_s"] / engine["generation_s"]
        same = sum(engine["pass"][t] == previous["pass"][t] for t in engine["pass"])
        print(f"\ngeneration, previous / engine: {ratio:.2f}x")
        print(f"per-task verdicts the same: {same} of {len(engine['pass'])}")
    print(f"load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
