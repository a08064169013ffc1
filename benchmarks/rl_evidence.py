"""Does RL beat SFT? RL from an SFT version with several advantage estimators at equal steps,
then CryptoEval pass@1 and pass@5 (sampled) of the base model, the SFT parent and every RL
version, per category with 95% intervals, and paired tests against the parent.

Run it on a data folder where ``make run`` (or the main job) has registered the SFT version:

    CS_DATA_DIR=/tmp/x/data .venv/bin/python benchmarks/rl_evidence.py --parent 1

Every RL run and every model's samples are cached under ``--out`` (default
``$CS_DATA_DIR/artifacts/rl_evidence``): a second call resumes where the first stopped and only
re-tabulates what is done. RL trains on the SFT set's train split (``train_only_pool``, as
``rl_policy`` does); CryptoEval's tasks stay unseen. The estimators all start from the same
parent with the same seed, tasks and settings; only the advantages differ. One more run
(``--sft-mix``, default rf++baseline) mixes the SFT loss on the tasks' verified answers in.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from benchmarks.common import doc_parser  # noqa: E402
from cs_pipelines import paths  # noqa: E402
from cs_pipelines.cryptoeval.evaluate import (  # noqa: E402
    Evaluation,
    ScoringConfig,
    base_problem,
    scores_frame,
)
from cs_pipelines.cryptoeval.harness import pass_at_k, score_samples  # noqa: E402
from cs_pipelines.cryptoeval.sampling import generate_samples, select_tasks  # noqa: E402
from cs_pipelines.cryptoeval.taskset import read_jsonl  # noqa: E402
from cs_pipelines.stats import PairedComparison, paired_cluster_bootstrap  # noqa: E402

ESTIMATORS = ("grpo", "rf++baseline", "rloo", "passk_loo")
KS = (1, 5)
SURVEY = "rloo 0.322/0.389, rf++baseline 0.318/0.356, grpo 0.301/0.371, grpo_passk 0.274/0.328"


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--parent", required=True, help="the SFT version number to start from")
    parser.add_argument("--out", type=Path, help="cache and report folder")
    parser.add_argument("--estimators", default=",".join(ESTIMATORS))
    parser.add_argument(
        "--sft-mix",
        default="rf++baseline",
        help="also run this estimator with the SFT loss mixed in ('' for none)",
    )
    parser.add_argument("--sft-loss-weight", type=float, default=0.5)
    parser.add_argument("--steps", type=int, default=0, help="0: the evidence preset's")
    parser.add_argument("--group-size", type=int, default=0, help="0: the evidence preset's")
    parser.add_argument("--tasks-per-step", type=int, default=0, help="0: the evidence preset's")
    parser.add_argument("--max-completion-tokens", type=int, default=0)
    parser.add_argument("--k", type=int, default=0, help="passk_loo's k; 0: the group size")
    parser.add_argument("--eval-tasks", type=int, default=32, help="generate tasks scored")
    parser.add_argument("--samples", type=int, default=5, help="samples per task (pass@5)")
    parser.add_argument("--temperature", type=float, default=0.8)
    args = parser.parse_args()
    out = args.out or paths.artifacts_dir() / "rl_evidence"
    out.mkdir(parents=True, exist_ok=True)
    estimators = [e.strip() for e in args.estimators.split(",") if e.strip()]
    parent_adapter = _parent_adapter(args.parent)
    models: dict[str, Path | None] = {"base": None, f"sft (v{args.parent})": parent_adapter}
    variants = [(e, 0.0) for e in estimators]
    if args.sft_mix:
        variants.append((args.sft_mix, args.sft_loss_weight))
    runs = {}
    for estimator, weight in variants:
        name = f"{estimator}+sft{weight:g}" if weight else estimator
        runs[name] = _train(estimator, weight, parent_adapter, args, out / f"rl-{name}")
        if runs[name]["registered"]:
            models[f"rl {name}"] = out / f"rl-{name}" / "adapter"
    scoring = ScoringConfig(
        variants="generate",
        tasks_per_variant=args.eval_tasks,
        n_samples=args.samples,
        temperature=args.temperature,
    )
    tasks = select_tasks(read_jsonl(paths.cryptoeval_tasks_file()), scoring)
    evaluations = {
        name: _evaluate(name, adapter, tasks, scoring, out / "samples")
        for name, adapter in models.items()
    }
    report = _report(args, runs, evaluations, f"sft (v{args.parent})")
    (out / "report.md").write_text(report)
    print(report)
    print(f"\nwritten to {out / 'report.md'}")


def _parent_adapter(number: str) -> Path:
    from cs_pipelines.registry import MlflowSettings
    from cs_pipelines.registry.champion import model_for
    from cs_pipelines.registry.versions import registered_version_key

    _, adapter = model_for(registered_version_key(number), MlflowSettings(), paths.base_model_dir())
    assert adapter is not None
    return adapter


def _train(
    estimator: str, sft_loss_weight: float, parent: Path, args: Any, folder: Path
) -> dict[str, Any]:
    """One RL run from ``parent`` (cached in ``folder/run.json``)."""
    record = folder / "run.json"
    if record.exists():
        print(f"rl {folder.name}: cached")
        return json.loads(record.read_text())
    from cs_pipelines.rl.config import RLConfig
    from cs_pipelines.rl.pool import train_only_pool
    from cs_pipelines.rl.rewards import rewards_for
    from cs_pipelines.rl.trainer import NoSignal, train_rl
    from cs_pipelines.sandbox import SandboxPool
    from cs_pipelines.sft.function_tasks import load_function_tasks

    functions = {t.task_id: t for t in load_function_tasks()}
    entry_points = [t.entry_point for t in read_jsonl(paths.cryptoeval_tasks_file())]
    pool, _ = train_only_pool(paths.sft_dataset_dir(), functions, ("function",), entry_points)
    config = RLConfig(
        preset="evidence",
        estimator=estimator,
        steps=args.steps,
        group_size=args.group_size,
        tasks_per_step=args.tasks_per_step,
        max_completion_tokens=args.max_completion_tokens,
        k=args.k if estimator == "passk_loo" else 0,
        sft_loss_weight=sft_loss_weight,
    )
    print(f"rl {folder.name}: {len(pool)} train-split function tasks", flush=True)
    with SandboxPool(workers=2) as sandbox:
        rewards = rewards_for(pool, functions, {}, sandbox)
        try:
            result, registered = (
                train_rl(paths.base_model_dir(), parent, pool, rewards, folder, config),
                True,
            )
        except NoSignal as exc:
            result, registered = exc.result, False
    summary = run_summary(result, registered, len(pool), estimator, sft_loss_weight)
    folder.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(summary, indent=1))
    return summary


def run_summary(
    result: Any, registered: bool, n_tasks: int, estimator: str, sft_loss_weight: float = 0.0
) -> dict[str, Any]:
    """What the report needs of one RL run (JSON-able, cached beside its adapter)."""
    return {
        "estimator": estimator,
        "sft_loss_weight": sft_loss_weight,
        "registered": registered,
        "tasks": n_tasks,
        "steps": result.steps,
        "median_step_s": statistics.median(
            h["timing/step_s"] for h in result.history if "timing/step_s" in h
        ),
        "rewards": [h["reward"] for h in result.history if "reward" in h],
        "filtered_share": [
            h.get("rl/filtered_share", 0.0) for h in result.history if "reward" in h
        ],
        "lora_change": result.lora_change,
        "duration_s": result.duration_s,
        "shares": result.shares(),
        "config": result.config.as_params(),
    }


def _evaluate(
    name: str, adapter: Path | None, tasks: list, scoring: ScoringConfig, folder: Path
) -> Evaluation:
    """CryptoEval samples of one model (cached per model and settings), scored in the sandbox."""
    from cs_pipelines.sandbox import SandboxPool

    folder.mkdir(parents=True, exist_ok=True)
    cache = folder / f"{name.replace(' ', '_').replace('(', '').replace(')', '')}.json"
    settings = {**asdict(scoring), "tasks": [t.task_id for t in tasks], "adapter": str(adapter)}
    stored = json.loads(cache.read_text()) if cache.exists() else None
    started = time.perf_counter()
    if stored and stored["settings"] == settings:
        samples = stored["samples"]
        print(f"{name}: samples cached")
    else:
        from cs_pipelines.models.generation import make_generator

        print(f"{name}: sampling {len(tasks)} tasks x {scoring.n_samples}", flush=True)
        generator = make_generator(paths.base_model_dir(), scoring, adapter_path=adapter)
        samples = generate_samples(tasks, generator, scoring)
        cache.write_text(json.dumps({"settings": settings, "samples": samples}))
    generated = time.perf_counter()
    with SandboxPool(workers=2) as pool:
        report = score_samples(tasks, samples, pool, timeout_s=scoring.timeout_s, ks=KS)
    return Evaluation(
        name, tasks, samples, report, generated - started, time.perf_counter() - generated
    )


def _per_task(evaluation: Evaluation, k: int) -> dict[str, float]:
    return {t: pass_at_k(n, c, k) for t, (n, c) in evaluation.report.per_task.items()}


def _paired(candidate: Evaluation, baseline: Evaluation, k: int) -> PairedComparison:
    a, b = _per_task(candidate, k), _per_task(baseline, k)
    shared = sorted(set(a) & set(b))
    return paired_cluster_bootstrap(
        [a[t] for t in shared], [b[t] for t in shared], [base_problem(t) for t in shared]
    )


def _cell(frame: Any, scope: str, group: str, metric: str) -> str:
    row = frame.filter(
        (frame["scope"] == scope) & (frame["group"] == group) & (frame["metric"] == metric)
    )
    if row.is_empty():
        return "-"
    value, low, high = row.row(0)[4:7]
    return f"{value:.3f} [{low:.3f}, {high:.3f}]"


def _report(args: Any, runs: dict, evaluations: dict[str, Evaluation], parent: str) -> str:
    frames = {name: scores_frame(e) for name, e in evaluations.items()}
    any_eval = next(iter(evaluations.values()))
    rl = next(iter(runs.values()))["config"] if runs else {}
    categories = sorted({t.category for t in any_eval.tasks})
    lines = [
        "# RL evidence",
        "",
        f"RL: {rl['steps']} steps of {rl['tasks_per_step']} tasks x {rl['group_size']} answers "
        f"(up to {rl['max_completion_tokens']} tokens, temperature {rl['temperature']}, "
        f"learning rate {rl['learning_rate']}), from {parent}; passk_loo with k = the group size "
        "unless --k says otherwise.",
        f"CryptoEval: {len(any_eval.tasks)} generate tasks x {args.samples} samples at "
        f"temperature {args.temperature}; 95% intervals are bootstraps over base problems.",
        "",
        "## RL runs",
        "",
        "| estimator | registered | median step s | reward first -> last (mean) "
        "| zero-variance share | LoRA change | minutes |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, run in runs.items():
        rewards = run["rewards"]
        lines.append(
            f"| {name} | {run['registered']} | {run['median_step_s']:.1f} | "
            f"{rewards[0]:.3f} -> {rewards[-1]:.3f} ({statistics.mean(rewards):.3f}) | "
            f"{statistics.mean(run['filtered_share']):.2f} | {run['lora_change']:.2e} | "
            f"{run['duration_s'] / 60:.1f} |"
        )
    lines += ["", "## pass@1 and pass@5, all tasks and per category", ""]
    header = ["model", "pass@1 all", "pass@5 all"] + [f"{c} p@1 / p@5" for c in categories]
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for name, frame in frames.items():
        cells = [name, _cell(frame, "all", "all", "pass@1"), _cell(frame, "all", "all", "pass@5")]
        cells += [
            f"{_cell(frame, 'category', c, 'pass@1')} / {_cell(frame, 'category', c, 'pass@5')}"
            for c in categories
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"## Paired against {parent} (and {parent} against base)", ""]
    lines += ["| candidate | metric | difference [95% CI] | p | wins / losses / ties | verdict |"]
    lines += ["| --- | --- | --- | --- | --- | --- |"]
    pairs = [(n, parent) for n in evaluations if n.startswith("rl ")] + [(parent, "base")]
    for candidate, baseline in pairs:
        for k in KS:
            test = _paired(evaluations[candidate], evaluations[baseline], k)
            lines.append(
                f"| {candidate} vs {baseline} | pass@{k} | {test.difference:+.3f} "
                f"[{test.ci_low:+.3f}, {test.ci_high:+.3f}] | {test.p_value:.3f} | "
                f"{test.wins} / {test.losses} / {test.ties} | "
                f"{'significant' if test.significant else 'not significant'} |"
            )
    lines += ["", f"The survey (2511.18538, LiveCodeBench, pass@1/pass@5): {SURVEY}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
