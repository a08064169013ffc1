"""Commit data on real trading histories: what curation keeps, CommitPackFT's port against the
unit form, side by side on the same harvest (issue 15).

Each ``--repo NAME=GIT_DIR`` (a local clone or bare repository, e.g. a snapshot of backtrader
or freqtrade) is mirrored and harvested like a reference repository (its default branch), then
curated three ways:

* ``commitpackft``: the CommitPackFT port as it was (no unit form, every dependency update
  kept that the version-bump rule lets through);
* ``+ dependency rule``: dependency updates out of the instruction data;
* ``+ unit form`` (the default configuration): separable Python changes as the units they
  touched, their files read from the mirrors; and the same with the units' window raised
  from 768 to 1,024 and 1,536 estimated tokens (``max_unit_tokens``).

For each: instructions kept, Python ones, by kind, the share of dependency updates among them,
and the curate() time; then the default run's filter report. Goals: >= 3,000 Python
instruction pairs on backtrader + freqtrade (28,812 commits), <= 2% dependency updates.

    .venv/bin/python benchmarks/bench_commit_pairs.py \\
        --repo backtrader=/path/to/backtrader --repo freqtrade=/path/to/freqtrade
"""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import polars as pl  # noqa: E402

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402
from cs_pipelines.curate import CurationConfig, CurationResult, curate  # noqa: E402
from cs_pipelines.harvest.blobs import mirror_blob_texts  # noqa: E402
from cs_pipelines.harvest.harvester import harvest_repository  # noqa: E402
from cs_pipelines.harvest.mirror import sync_mirror  # noqa: E402
from cs_pipelines.harvest.repos import ReferenceRepo  # noqa: E402

GOAL_PYTHON_PAIRS = 3_000
GOAL_DEPENDENCY_SHARE = 0.02


def main() -> None:
    parser = doc_parser(__doc__)
    parser.add_argument("--repo", action="append", required=True, help="NAME=GIT_DIR")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()
    work = scratch_dir("commit-pairs")
    try:
        commits = _harvest([spec.split("=", 1) for spec in args.repo], work)
        blob_texts = mirror_blob_texts(work / "mirrors", CurationConfig().max_unit_source_bytes)
        default = CurationConfig()
        ways = {
            "commitpackft": replace(default, unit_pairs=False, dependency_keep_fraction=1.0),
            "+ dependency rule": replace(default, unit_pairs=False),
            "+ unit form": default,
            "  units <= 1024 tok": replace(default, max_unit_tokens=1024),
            "  units <= 1536 tok": replace(default, max_unit_tokens=1536),
        }
        results = {}
        print(f"\n{commits.height:,} commits; curated three ways")
        print(f"{'way':<20}{'kept':>8}{'Python':>8}{'file':>7}{'units':>7}{'deps':>7}{'s':>7}")
        for name, config in ways.items():
            started = time.perf_counter()
            results[name] = result = curate(commits, config, blob_texts)
            _row(name, result, time.perf_counter() - started)
        _verdict(results["+ unit form"])
        report = results["+ unit form"].report.filter(pl.col("removed") > 0)
        with pl.Config(tbl_rows=100, fmt_str_lengths=60, tbl_width_chars=140):
            print(report.select("stage", "rule", "removed", "rejects_alone"))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _harvest(repos: list[list[str]], work: Path) -> pl.DataFrame:
    frames = []
    for name, path in repos:
        repo = ReferenceRepo(name=name, url=str(Path(path).resolve()))
        started = time.perf_counter()
        mirror = sync_mirror(repo, work / "mirrors")
        result = harvest_repository(repo, mirror, None, set, work / "staging" / name)
        frames += [pl.read_parquet(batch) for batch in result.batch_files]
        print(
            f"harvested {name}: {result.n_commits:,} commits of {result.ref} in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
    return pl.concat(frames)


def _dependency_share(result: CurationResult, config: CurationConfig) -> float:
    kept = result.instructions
    if kept.is_empty():
        return 0.0
    subject = kept["subject"].str.to_lowercase().str.contains(config.dependency_subject)
    path = kept["new_path"].str.to_lowercase().str.contains(config.dependency_file)
    return float((subject | path).mean())


def _row(name: str, result: CurationResult, seconds: float) -> None:
    kept = result.instructions
    python = kept.filter(pl.col("language") == "Python")
    kinds = dict(kept.group_by("kind").len().iter_rows()) if not kept.is_empty() else {}
    share = _dependency_share(result, CurationConfig())
    print(
        f"{name:<20}{kept.height:>8,}{python.height:>8,}{kinds.get('file', 0):>7,}"
        f"{kinds.get('units', 0):>7,}{share:>7.1%}{seconds:>7.1f}"
    )


def _verdict(result: CurationResult) -> None:
    python = result.instructions.filter(pl.col("language") == "Python").height
    share = _dependency_share(result, CurationConfig())
    print(
        f"\nPython instruction pairs: {python:,} (goal >= {GOAL_PYTHON_PAIRS:,}: "
        f"{'met' if python >= GOAL_PYTHON_PAIRS else 'NOT met'}); dependency updates among the "
        f"kept: {share:.1%} (goal <= {GOAL_DEPENDENCY_SHARE:.0%}: "
        f"{'met' if share <= GOAL_DEPENDENCY_SHARE else 'NOT met'})"
    )
    bumps = result.instructions.filter(pl.col("subject").str.contains(r"^(?i:bump) "))
    if not bumps.is_empty():
        print("kept 'Bump ...' subjects:", bumps["subject"].head(5).to_list())


if __name__ == "__main__":
    main()
