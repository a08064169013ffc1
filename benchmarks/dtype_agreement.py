"""Do bfloat16 and float32 give the same verdicts? The whole CryptoEval set and the SFT
function tasks, answered greedily by the base model in each dtype and scored in the sandbox.

bfloat16 changes some greedy tokens, so the engine may only default to it on a CPU where the
per-task verdicts agree with float32's on at least 97% of tasks (issue 12). This prints the
agreement per set, with the tasks that disagree, and each dtype's time for the full set.

    .venv/bin/python benchmarks/dtype_agreement.py [--model-dir DIR] [--out verdicts.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from cs_pipelines import paths  # noqa: E402
from cs_pipelines.cryptoeval.evaluate import evaluate_model  # noqa: E402
from cs_pipelines.cryptoeval.sampling import SamplingConfig  # noqa: E402
from cs_pipelines.cryptoeval.taskset import load_tasks  # noqa: E402
from cs_pipelines.models.generation import TransformersGenerator  # noqa: E402
from cs_pipelines.sandbox import SandboxPool  # noqa: E402
from cs_pipelines.sft.function_tasks import load_function_tasks  # noqa: E402

DTYPES = ("float32", "bfloat16")
THRESHOLD = 0.97


def verdicts(model_dir: Path, dtype: str, tasks: list, pool: SandboxPool) -> tuple[dict, dict]:
    """Per-task pass/fail and the run's timings for one dtype."""
    generator = TransformersGenerator(model_dir, device="cpu", dtype=dtype)
    config = SamplingConfig(preset="full")
    evaluation = evaluate_model(dtype, tasks, generator, pool, config)
    passed = {task_id: bool(c) for task_id, (_, c) in evaluation.report.per_task.items()}
    timing = {
        "batch_size": generator.batch_size,
        "generation_s": round(evaluation.generation_s, 1),
        "scoring_s": round(evaluation.scoring_s, 1),
        "tokens": evaluation.generated_tokens,
    }
    return passed, timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model-dir", type=Path, default=paths.base_model_dir())
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    sets = {
        "cryptoeval": load_tasks(),
        "function_tasks": [f.task for f in load_function_tasks()],
    }
    everything = [t for tasks in sets.values() for t in tasks]
    results: dict[str, dict] = {}
    with SandboxPool() as pool:
        for dtype in DTYPES:
            started = time.perf_counter()
            passed, timing = verdicts(args.model_dir, dtype, everything, pool)
            timing["wall_s"] = round(time.perf_counter() - started, 1)
            results[dtype] = {"passed": passed, "timing": timing}
            print(f"{dtype}: {timing}", flush=True)
    a, b = (results[d]["passed"] for d in DTYPES)
    for name, tasks in sets.items():
        ids = [t.task_id for t in tasks]
        differ = [i for i in ids if a[i] != b[i]]
        agreement = 1 - len(differ) / len(ids)
        verdict = "meets" if agreement >= THRESHOLD else "FAILS"
        print(
            f"{name}: {len(ids)} tasks, float32 passes {sum(a[i] for i in ids)}, bfloat16 "
            f"{sum(b[i] for i in ids)}; verdicts agree on {agreement:.1%} ({verdict} "
            f"{THRESHOLD:.0%}); differ: {', '.join(differ) or 'none'}"
        )
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
