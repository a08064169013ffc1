"""Does RL in the trading gym beat its parent? RL (``rf++baseline`` by default) from an SFT
version on the SFT set's train-split strategy tasks, rewarded by the gym on its training
windows; then the parent and the RL version (and the base model with ``--base``) each write
strategies for the held-out strategy tasks, scored by the gym on its held-out windows: valid
share, mean reward, Sharpe and drawdown with 95% intervals, and the paired per-task difference
in mean reward with its interval and p-value.

Run it on a data folder where the main job has registered the SFT version (it needs
``strategy_tasks``, ``market_data`` and ``sft_dataset`` there):

    CS_DATA_DIR=/tmp/x/data .venv/bin/python benchmarks/rl_gym_evidence.py --parent 1

The RL run and every arm's answers are cached under ``--out`` (default
``$CS_DATA_DIR/artifacts/rl_gym_evidence``): a second call resumes and re-tabulates.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import polars as pl  # noqa: E402

from benchmarks.common import doc_parser  # noqa: E402
from benchmarks.rl_evidence import _parent_adapter, run_summary  # noqa: E402
from cs_pipelines import paths  # noqa: E402
from cs_pipelines.cryptoeval.taskset import read_jsonl  # noqa: E402
from cs_pipelines.gym import GymConfig, TradingGym, market_bars  # noqa: E402
from cs_pipelines.gym.ab import (  # noqa: E402
    TradingABConfig,
    ab_tasks,
    arm_summary,
    compare_arms,
    run_arm,
)
from cs_pipelines.sft.stored import sft_tasks_by_id  # noqa: E402
from cs_pipelines.warehouse import Warehouse  # noqa: E402
from cs_pipelines.warehouse.tables import MARKET_BARS  # noqa: E402


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--parent", required=True, help="the SFT version number to start from")
    parser.add_argument("--out", type=Path, help="cache and report folder")
    parser.add_argument("--estimator", default="rf++baseline")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--group-size", type=int, default=4)
    parser.add_argument("--tasks-per-step", type=int, default=2)
    parser.add_argument("--max-completion-tokens", type=int, default=384)
    parser.add_argument("--eval-tasks", type=int, default=16, help="held-out strategy tasks")
    parser.add_argument("--samples", type=int, default=4, help="answers per task and model")
    parser.add_argument("--base", action="store_true", help="also the base model, prompt-only")
    args = parser.parse_args()
    out = args.out or paths.artifacts_dir() / "rl_gym_evidence"
    out.mkdir(parents=True, exist_ok=True)
    warehouse = Warehouse(paths.warehouse_path())
    tasks_by_id = sft_tasks_by_id(warehouse)
    bars = market_bars(MARKET_BARS.read(warehouse), GymConfig())
    parent = _parent_adapter(args.parent)
    run = _train(args, parent, tasks_by_id, bars, out / f"rl-{args.estimator}")
    models: dict[str, Path | None] = {f"sft (v{args.parent})": parent}
    if run["registered"]:
        models[f"rl {args.estimator}"] = out / f"rl-{args.estimator}" / "adapter"
    if args.base:
        models = {"base": None, **models}
    config = TradingABConfig(
        n_samples=args.samples,
        max_new_tokens=args.max_completion_tokens,
        max_tasks=args.eval_tasks,
    )
    from datasets import load_from_disk

    validation = load_from_disk(str(paths.sft_dataset_dir()))["validation"]
    tasks = ab_tasks(validation["task_id"], tasks_by_id, config.max_tasks)
    rows = pl.concat(
        [_arm(name, adapter, tasks, bars, config, out / "arms") for name, adapter in models.items()]
    )
    report = _report(args, run, rows, f"sft (v{args.parent})", f"rl {args.estimator}", len(tasks))
    (out / "report.md").write_text(report)
    print(report)
    print(f"\nwritten to {out / 'report.md'}")


def _train(
    args: Any, parent: Path, tasks_by_id: dict, bars: pl.DataFrame, folder: Path
) -> dict[str, Any]:
    """The RL run with the gym's reward (cached in ``folder/run.json``)."""
    record = folder / "run.json"
    if record.exists():
        print(f"rl {folder.name}: cached")
        return json.loads(record.read_text())
    from cs_pipelines.rl.config import RLConfig
    from cs_pipelines.rl.pool import train_only_pool
    from cs_pipelines.rl.rewards import rewards_for
    from cs_pipelines.rl.trainer import NoSignal, format_rl_progress, train_rl
    from cs_pipelines.sandbox import SandboxPool

    entry_points = [t.entry_point for t in read_jsonl(paths.cryptoeval_tasks_file())]
    pool, _ = train_only_pool(paths.sft_dataset_dir(), tasks_by_id, ("strategy",), entry_points)
    config = RLConfig(
        preset="evidence",
        estimator=args.estimator,
        steps=args.steps,
        group_size=args.group_size,
        tasks_per_step=args.tasks_per_step,
        max_completion_tokens=args.max_completion_tokens,
        task_kinds="strategy",
        strategy_reward="gym",
    )
    print(f"rl {folder.name}: {len(pool)} train-split strategy tasks", flush=True)
    with SandboxPool(workers=2) as sandbox:
        gym = TradingGym(bars, GymConfig(), sandbox)
        rewards = rewards_for(pool, tasks_by_id, {}, sandbox, gym=gym)
        try:
            result, registered = (
                train_rl(
                    paths.base_model_dir(),
                    parent,
                    pool,
                    rewards,
                    folder,
                    config,
                    progress=lambda event: print(format_rl_progress(event), flush=True),
                ),
                True,
            )
        except NoSignal as exc:
            result, registered = exc.result, False
    summary = run_summary(result, registered, len(pool), args.estimator)
    folder.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(summary, indent=1))
    return summary


def _arm(
    name: str,
    adapter: Path | None,
    tasks: list,
    bars: pl.DataFrame,
    config: TradingABConfig,
    folder: Path,
) -> pl.DataFrame:
    """One model's answers to the held-out tasks, scored on the held-out windows (cached)."""
    from cs_pipelines.models.generation import make_generator
    from cs_pipelines.sandbox import SandboxPool

    folder.mkdir(parents=True, exist_ok=True)
    cache = folder / f"{name.replace(' ', '_').replace('(', '').replace(')', '')}.parquet"
    settings = folder / f"{cache.stem}.json"
    wanted = {"config": repr(config), "tasks": [t.task_id for t in tasks], "adapter": str(adapter)}
    if cache.exists() and settings.exists() and json.loads(settings.read_text()) == wanted:
        print(f"{name}: cached")
        return pl.read_parquet(cache)
    print(f"{name}: {len(tasks)} tasks x {config.n_samples}", flush=True)
    generator = make_generator(paths.base_model_dir(), config, adapter_path=adapter)
    with SandboxPool(workers=2) as pool:
        rows = run_arm(name, tasks, generator, TradingGym(bars, GymConfig(), pool), config)
    rows.write_parquet(cache)
    settings.write_text(json.dumps(wanted))
    return rows


def _report(args: Any, run: dict, rows: pl.DataFrame, parent: str, rl: str, n_tasks: int) -> str:
    rewards = run["rewards"]
    lines = [
        f"RL: {args.estimator}, {run['steps']} steps of {args.tasks_per_step} strategy tasks x "
        f"{args.group_size} answers (up to {args.max_completion_tokens} tokens), reward: the "
        f"trading gym on its training windows; from {parent}.",
        f"Held-out: {n_tasks} strategy tasks of the SFT validation split x {args.samples} "
        "answers per model, scored on the gym's held-out windows.",
        "",
        "| registered | median step s | reward first -> last (mean) | zero-variance share "
        "| LoRA change | minutes |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {run['registered']} | {run['median_step_s']:.1f} | {rewards[0]:.3f} -> "
        f"{rewards[-1]:.3f} ({sum(rewards) / len(rewards):.3f}) | "
        f"{sum(run['filtered_share']) / len(run['filtered_share']):.2f} | "
        f"{run['lora_change']:.2e} | {run['duration_s'] / 60:.1f} |",
        "",
        "| model | metric | value [95% CI] | tasks |",
        "| --- | --- | --- | --- |",
    ]
    for row in arm_summary(rows).iter_rows(named=True):
        lines.append(
            f"| {row['arm']} | {row['metric']} | {row['value']:.3f} "
            f"[{row['ci_low']:.3f}, {row['ci_high']:.3f}] | {row['n_tasks']} |"
        )
    lines += ["", _gate_table(rows)]
    arms = set(rows["arm"])
    if rl in arms:
        lines += ["", "| candidate | baseline | reward difference [95% CI] | p | families "
                  "| W/L/T | verdict | Wilcoxon p (tasks) | sign test p |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]  # fmt: skip
        for baseline in [parent, *(["base"] if "base" in arms else [])]:
            paired = compare_arms(rows, rl, baseline)
            verdict = "significant" if paired.significant else "not significant"
            wilcoxon, sign = _task_level_tests(rows, rl, baseline)
            lines.append(
                f"| {rl} | {baseline} | {paired.difference:+.3f} [{paired.ci_low:+.3f}, "
                f"{paired.ci_high:+.3f}] | {paired.p_value:.3f} | {paired.n_clusters} | "
                f"{paired.wins}/{paired.losses}/{paired.ties} | {verdict} | {wilcoxon:.3f} | "
                f"{sign:.3f} |"
            )
        lines += [
            "",
            "The interval and p resample task families (clusters): with few families they "
            "rest on few values; the Wilcoxon signed-rank and sign tests treat the tasks as "
            "independent (ties dropped).",
        ]
    return "\n".join(lines) + "\n"


def _gate_table(rows: pl.DataFrame) -> str:
    """Per model, where its answers stopped: the gate rung that failed them, or scored."""
    stopped = pl.when(pl.col("status") == "scored").then(pl.lit("scored"))
    stopped = stopped.otherwise(pl.col("reason").str.extract(r"^(\w+):").fill_null("other"))
    counts = rows.group_by("arm", stopped.alias("stopped")).len()
    columns = sorted(set(counts["stopped"]))
    lines = ["| model | " + " | ".join(f"stopped at {c}" for c in columns) + " |",
             "| --- |" + " --- |" * len(columns)]  # fmt: skip
    for arm in rows["arm"].unique(maintain_order=True):
        found = dict(counts.filter(arm=arm).select("stopped", "len").iter_rows())
        lines.append(f"| {arm} | " + " | ".join(str(found.get(c, 0)) for c in columns) + " |")
    return "\n".join(lines)


def _task_level_tests(rows: pl.DataFrame, candidate: str, baseline: str) -> tuple[float, float]:
    """Wilcoxon signed-rank and exact sign-test p-values of the per-task mean rewards."""
    from scipy.stats import binomtest, wilcoxon

    per_task = rows.group_by("arm", "task_id").agg(pl.col("reward").mean())
    both = per_task.filter(arm=candidate).join(per_task.filter(arm=baseline), on="task_id")
    diffs = (both["reward"] - both["reward_right"]).to_numpy()
    nonzero = diffs[diffs != 0]
    if nonzero.size == 0:
        return 1.0, 1.0
    wins = int((nonzero > 0).sum())
    return float(wilcoxon(nonzero).pvalue), float(binomtest(wins, nonzero.size).pvalue)


if __name__ == "__main__":
    main()
