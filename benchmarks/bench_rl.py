"""RL step time on this CPU: how long a GRPO step takes, how fast rollouts are written, and the
share of a step spent generating, scoring and updating; rollouts through the platform's
engine against TRL's own ``generate``, side by side on the same tasks, settings and seed.

Each approach runs ``train_rl`` from the base model (a fresh LoRA adapter, r 8; or from
``--adapter``, say the SFT version's, whose answers earn more reward) on the first
``--tasks`` function tasks for ``--steps`` steps of the smoke preset (2 tasks x 4 answers a
step, answers up to 256 tokens, rewards in a two-worker sandbox pool). TRL's path runs every
answer to the token limit (it has no stop at the closing code fence); the engine stops there,
as CryptoEval poses answers, so part of the gap is tokens not written. A run in which no group
had a reward spread registers nothing, but its timings are reported all the same.

    .venv/bin/python benchmarks/bench_rl.py                 # ~8 min on 2 cores
    .venv/bin/python benchmarks/bench_rl.py --steps 2 --approaches engine
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from benchmarks.common import doc_parser  # noqa: E402
from cs_pipelines import paths  # noqa: E402
from cs_pipelines.rl.config import RLConfig  # noqa: E402
from cs_pipelines.rl.pool import build_task_pool  # noqa: E402
from cs_pipelines.rl.rewards import rewards_for  # noqa: E402
from cs_pipelines.rl.trainer import NoSignal, RLResult, train_rl  # noqa: E402
from cs_pipelines.sandbox import SandboxPool  # noqa: E402
from cs_pipelines.sft.function_tasks import load_function_tasks  # noqa: E402

APPROACHES = ("engine", "trl")


def run(name: str, model_dir: Path, adapter: Path | None, steps: int, n_tasks: int) -> RLResult:
    functions = {t.task_id: t for t in load_function_tasks()}
    pool = build_task_pool(sorted(functions)[:n_tasks], functions, ("function",))
    config = RLConfig(preset="smoke", steps=steps, rollouts=name, max_tasks=-1)
    with SandboxPool(workers=2) as sandbox, tempfile.TemporaryDirectory() as scratch:
        rewards = rewards_for(pool, functions, {}, sandbox)
        try:
            return train_rl(model_dir, adapter, pool, rewards, Path(scratch), config)
        except NoSignal as exc:  # the timings are what matter; say it happened
            print(f"{name}: no signal (nothing would be registered); timings kept")
            return exc.result


def report(name: str, result: RLResult) -> None:
    print(f"\n{name}")
    steps = [h for h in result.history if "timing/step_s" in h]
    step_s = statistics.median(h["timing/step_s"] for h in steps)
    lengths = [h["completions/mean_length"] for h in steps if "completions/mean_length" in h]
    print(f"  median step        {step_s:6.1f} s over {len(steps)} steps")
    print(
        f"  rollout tokens/s   {result.rollout_tokens_per_s:6.1f} ({result.rollout_tokens} tokens)"
    )
    print(f"  mean answer        {statistics.mean(lengths):6.1f} tokens")
    for part, share in result.shares().items():
        print(f"  {part:<18} {share:6.1%}")
    rewards = [h["reward"] for h in steps if "reward" in h]
    print(f"  reward per step    {', '.join(f'{r:.3f}' for r in rewards)}")


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--model-dir", type=Path, default=paths.base_model_dir())
    parser.add_argument(
        "--adapter", type=Path, help="a parent LoRA adapter to train on (default: a fresh one)"
    )
    parser.add_argument("--steps", type=int, default=4)
    parser.add_argument("--tasks", type=int, default=16)
    parser.add_argument("--approaches", default=",".join(APPROACHES))
    args = parser.parse_args()
    names = [a.strip() for a in args.approaches.split(",") if a.strip()]
    if unknown := set(names) - set(APPROACHES):
        parser.error(f"unknown approaches {sorted(unknown)}; choose from {', '.join(APPROACHES)}")
    print(
        f"RL smoke preset, {args.steps} steps, {args.tasks} function tasks, load "
        f"{os.getloadavg()[0]:.2f}"
    )
    results = {
        name: run(name, args.model_dir, args.adapter, args.steps, args.tasks) for name in names
    }
    for name, result in results.items():
        report(name, result)
    engine, trl = results.get("engine"), results.get("trl")
    if engine is not None and trl is not None:

        def step(r: RLResult) -> float:
            return statistics.median(h["timing/step_s"] for h in r.history if "timing/step_s" in h)

        print(f"\nstep time, trl / engine: {step(trl) / step(engine):.2f}x")
        print(
            f"rollout tokens/s, engine / trl: "
            f"{engine.rollout_tokens_per_s / trl.rollout_tokens_per_s:.2f}x"
        )
    print(f"load at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
