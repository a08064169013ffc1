"""Curation benchmark: throughput of the rule filters alone, and of the full ``curate()``.

Builds a synthetic frame of ``--rows`` commits with the ``raw_commits`` schema
(``RAW_COMMITS_SCHEMA``) that exercises every rule: mostly single-file modifications of Python
and other files with realistic imperative subjects, plus multi-file commits, additions,
deletions, renames, binary files, merges, harvest errors, and subjects CommitPackFT rejects
(``Update README.md``, ``wip``, issue references, version bumps, first person, URLs, ...).
Contents come from the synthetic-history generator; old/new sizes span the token window.

The rows are drawn from a pool of ``--pool`` distinct messages and ``--pool`` distinct
(old, new) contents pairs, combined independently, with unique shas, so that most
(instruction, contents) pairs are distinct and dedup has real work.

Timed, ``--repeat`` times each (medians):

* ``filters.apply_rules(frame, config)``: the rule stage (prepare + one flag per rule + first
  rule + detail), collected. Target: >= 200,000 commits/s.
* ``curate(frame, config)``: rules, exact dedup (BLAKE2b of normalised contents + instruction)
  and near dedup (MinHash LSH) of the survivors. No target; ``--curate-repeat`` times.

    .venv/bin/python benchmarks/bench_curation.py                    # 500k rows
    .venv/bin/python benchmarks/bench_curation.py --rows 50000 --repeat 1 --curate-repeat 1
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

import polars as pl  # noqa: E402

from benchmarks.common import doc_parser  # noqa: E402
from benchmarks.synthetic_repo import (  # noqa: E402
    AUTHOR_WEIGHTS,
    AUTHORS,
    EPOCH_START,
    MODULE_WORDS,
    STRATEGY_NAMES,
    _File,
    _Generator,
)
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA  # noqa: E402

TARGET_RULES_PER_S = 200_000
REPOS = ("backtrader", "freqtrade", "TradingAgents", "cs_pipelines")
LICENSES = {"backtrader": "GPL-3.0", "freqtrade": "GPL-3.0", "TradingAgents": "Apache-2.0"}

# Subjects CommitPackFT-style filters reject, with a placeholder for variety.
BAD_SUBJECTS = (
    "Update README.md",
    "update",
    "wip",
    "WIP: {c}",
    "Merge branch 'develop' into feature/{s}",
    "Merge pull request #{n} from user/{s}",
    "Fix #{n}",
    "fix bug {n} in {s}",
    "Bump numpy from 1.{n}.0 to 1.{n}.1",
    "v2.{n}.0",
    "I've fixed the {s} strategy",
    "Fixed the {s} strategy crash",
    "fix typo in {s}",
    "See https://github.com/org/repo/issues/{n}",
    "Thanks to @user for the {s} fix",
    "Revert 3f2a9c1b7e0d4c6a8b5e2f1d0c9b8a7f6e5d4c3b",
    "Cherry-pick {s} fix onto release",
    "Auto commit from CI",
    "tweak",
    "[skip ci] Update docs for {s}",
    "Signed-off-by: bot",
)
GOOD_PREFIXES = ("", "", "", "", "[strategy] ", "risk: ", "")


def _sha_list(rng: random.Random, n: int) -> list[str]:
    hexes = rng.randbytes(20 * n).hex()
    return [hexes[i : i + 40] for i in range(0, 40 * n, 40)]


def _patch(path: str, old: list[str], new: list[str], rng: random.Random) -> str:
    """A plausible unified diff (not an exact one: the rules do not read the patch)."""
    removed = [f"-{line}" for line in old[: rng.randint(0, 4)]]
    added = [f"+{line}" for line in new[: rng.randint(1, 6)]]
    at = rng.randint(1, max(1, len(old)))
    return "\n".join(
        [
            f"diff --git a/{path} b/{path}",
            f"--- a/{path}",
            f"+++ b/{path}",
            f"@@ -{at},{len(removed) + 3} +{at},{len(added) + 3} @@",
            *removed,
            *added,
            "",
        ]
    )


def build_pool(n: int, seed: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(messages, changes): ``n`` distinct commit messages and ``n`` distinct file changes."""
    gen = _Generator(seed)
    rng = gen.rng
    subjects, bodies = [], []
    for _ in range(n):
        if rng.random() < 0.25:
            subject = rng.choice(BAD_SUBJECTS).format(
                c=gen.subject(), s=rng.choice(STRATEGY_NAMES), n=rng.randint(1, 999)
            )
        else:
            subject = rng.choice(GOOD_PREFIXES) + gen.subject()
        subjects.append(subject)
        body = gen.body()
        if rng.random() < 0.01:
            body = "\n".join(f"* squashed commit {i}: {gen.subject()}" for i in range(300))
        elif rng.random() < 0.01:
            body += "\n\n(cherry picked from commit 3f2a9c1b7e0d4c6a8b5e2f1d0c9b8a7f6e5d4c3b)"
        bodies.append(body)
    messages = pl.DataFrame({"subject": subjects, "body": bodies})

    file_type = pl.Struct(RAW_COMMITS_SCHEMA["files"].inner.fields)  # type: ignore[union-attr]
    rows: dict[str, list] = {
        k: []
        for k in (
            "files",
            "insertions",
            "deletions",
            "patch",
            "old_contents",
            "new_contents",
            "contents_truncated",
        )
    }
    for i in range(n):
        roll = rng.random()
        ext = rng.choices(
            (".py", ".yaml", ".md", ".sql", ".sh", ".png", ""), (80, 6, 5, 3, 3, 2, 1)
        )[0]
        folder = rng.choice(("quantbot/strategies", "quantbot/risk", "quantbot/execution", "tests"))
        path = f"{folder}/{rng.choice(STRATEGY_NAMES + MODULE_WORDS)}_{i}{ext}"
        if ext == ".png":
            old, new = _File([], binary=b"\x89PNG"), _File([], binary=b"\x89PNG!")
        else:
            old = gen.new_text_file(path if ext in (".yaml", ".md", ".sql", ".sh") else "x.py")
            if rng.random() < 0.4:  # small files: more of them fall inside the token window
                old = _File(old.lines[: rng.randint(8, 40)])
            new = gen.modify(old)
        binary = old.binary is not None
        if roll < 0.78:
            change_type = "M"
        elif roll < 0.86:
            change_type = "A"
        elif roll < 0.90:
            change_type = "D"
        elif roll < 0.93:
            change_type = "R"
        else:
            change_type = "M"
        n_files = 1 if roll < 0.93 else rng.randint(2, 8)
        if rng.random() < 0.01:
            n_files = 0
        ins, dels = (None, None) if binary else (rng.randint(1, 40), rng.randint(0, 20))
        files = [
            {
                "path": path if k == 0 else f"{folder}/other_{i}_{k}.py",
                "old_path": (f"{folder}/old_{i}.py" if change_type == "R" else path)
                if change_type != "A"
                else None,
                "change_type": change_type if k == 0 else "M",
                "insertions": ins,
                "deletions": dels,
                "language": None,  # filled in by the harvester; the rules recompute it
                "is_binary": binary,
                "is_submodule": False,
                "old_blob": None if change_type == "A" else f"{i:040x}",
                "new_blob": None if change_type == "D" else f"{i + n:040x}",
            }
            for k in range(n_files)
        ]
        rows["files"].append(files)
        rows["insertions"].append(None if binary else sum(f["insertions"] for f in files))
        rows["deletions"].append(None if binary else sum(f["deletions"] for f in files))
        rows["patch"].append(None if binary else _patch(path, old.lines, new.lines, rng))
        single_text = n_files == 1 and not binary
        old_text = "" if change_type == "A" else "\n".join(old.lines) + "\n"
        new_text = "" if change_type == "D" else "\n".join(new.lines) + "\n"
        rows["old_contents"].append(old_text if single_text else None)
        rows["new_contents"].append(new_text if single_text else None)
        rows["contents_truncated"].append(single_text and rng.random() < 0.005)
    changes = pl.DataFrame(
        rows,
        schema={
            "files": pl.List(file_type),
            "insertions": pl.Int32,
            "deletions": pl.Int32,
            "patch": pl.Utf8,
            "old_contents": pl.Utf8,
            "new_contents": pl.Utf8,
            "contents_truncated": pl.Boolean,
        },
    ).with_columns(pl.col("files").list.len().cast(pl.Int32).alias("n_files"))
    return messages, changes


def build_frame(n_rows: int, pool: int, seed: int) -> pl.DataFrame:
    """``n_rows`` commits with RAW_COMMITS_SCHEMA, drawn from the pools (see module doc)."""
    messages, changes = build_pool(pool, seed)
    rng = random.Random(seed + 1)
    message_idx = pl.Series([rng.randrange(pool) for _ in range(n_rows)], dtype=pl.UInt32)
    change_idx = pl.Series([rng.randrange(pool) for _ in range(n_rows)], dtype=pl.UInt32)
    shas = _sha_list(rng, n_rows)
    parent_shas = _sha_list(rng, n_rows)
    merge = [rng.random() < 0.03 for _ in range(n_rows)]
    authors = rng.choices(range(len(AUTHORS)), AUTHOR_WEIGHTS, k=n_rows)
    repo_idx = [rng.randrange(len(REPOS)) for _ in range(n_rows)]
    clock, times = EPOCH_START, []
    for _ in range(n_rows):
        clock += rng.randint(60, 7200)
        times.append(clock * 1_000_000)
    errors = [
        "old contents: blob 0123 is missing from the object store" if rng.random() < 0.002 else None
        for _ in range(n_rows)
    ]
    people = pl.DataFrame(
        {"name": [a[0] for a in AUTHORS], "email": [a[1] for a in AUTHORS]}
    ).select(pl.all().gather(pl.Series(authors, dtype=pl.UInt32)))
    repos = pl.Series([REPOS[i] for i in repo_idx])
    frame = pl.concat(
        [
            pl.DataFrame(
                {
                    "repo": repos,
                    "sha": shas,
                    "parents": [
                        [p, s[::-1]] if m else [p]
                        for p, s, m in zip(parent_shas, shas, merge, strict=True)
                    ],
                    "is_merge": merge,
                    "author_name": people["name"],
                    "author_email": people["email"],
                    "committer_name": people["name"],
                    "committer_email": people["email"],
                    "authored_at": pl.Series(times).cast(pl.Datetime("us", "UTC")),
                    "committed_at": pl.Series(times).cast(pl.Datetime("us", "UTC")),
                }
            ),
            messages.select(pl.all().gather(message_idx)),
            changes.select(pl.all().gather(change_idx)),
            pl.DataFrame(
                {
                    "patch_truncated": pl.Series([False] * n_rows),
                    "license": repos.replace_strict(LICENSES, default=None, return_dtype=pl.Utf8),
                    "error": pl.Series(errors, dtype=pl.Utf8),
                    "harvested_at": pl.Series([times[-1]] * n_rows).cast(pl.Datetime("us", "UTC")),
                }
            ),
        ],
        how="horizontal",
    )
    return frame.select(list(RAW_COMMITS_SCHEMA)).cast(RAW_COMMITS_SCHEMA)  # type: ignore[arg-type]


def timed(fn, repeat: int, label: str) -> tuple[list[float], object]:
    times, result = [], None
    for i in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        print(f"  {label} [{i + 1}/{repeat}]: {times[-1]:.2f} s", file=sys.stderr, flush=True)
    return times, result


def main(argv: list[str] | None = None) -> int:
    parser = doc_parser(__doc__)
    parser.add_argument("--rows", type=int, default=500_000, help="commits (default 500000)")
    parser.add_argument(
        "--pool", type=int, default=20_000, help="distinct messages / contents (default 20000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="rule-stage runs (default 3)")
    parser.add_argument(
        "--curate-repeat", type=int, default=1, help="full curate() runs (default 1: slow)"
    )
    parser.add_argument(
        "--curate-rows",
        type=int,
        default=None,
        help="rows for the full curate() (default: all --rows; 0 to skip)",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)

    from cs_pipelines.curate import filters
    from cs_pipelines.curate.filters import RULES, apply_rules, prepare
    from cs_pipelines.curate.pipeline import CurationConfig, curate

    config = CurationConfig()
    start = time.perf_counter()
    frame = build_frame(args.rows, min(args.pool, args.rows), args.seed)
    build_s = time.perf_counter() - start
    mib = frame.estimated_size("mb")
    print(f"built {frame.height:,} rows ({mib:,.0f} MB) in {build_s:.1f} s", file=sys.stderr)

    # Interleaved rounds: the whole rule stage, then its first step alone (for diagnosis).
    rule_times: list[float] = []
    prepare_times: list[float] = []
    evaluated = None
    for _ in range(args.repeat):
        times, evaluated = timed(lambda: apply_rules(frame, config), 1, "rules")
        rule_times += times
        del evaluated
        prepare_times += timed(lambda: prepare(frame).collect(), 1, "  of which prepare()")[0]
    evaluated = apply_rules(frame, config)
    first_rule = getattr(filters, "FIRST_RULE", "_first_rule")
    n_pass = evaluated.filter(pl.col(first_rule).is_null()).height
    charged = evaluated.get_column(first_rule).value_counts(sort=True).drop_nulls()
    rule_rate = args.rows / statistics.median(rule_times)
    del evaluated

    curate_rows = args.rows if args.curate_rows is None else min(args.curate_rows, args.rows)
    curate_times: list[float] = []
    result = None
    if curate_rows and args.curate_repeat:
        subset = frame.head(curate_rows)
        curate_times, result = timed(
            lambda: curate(subset, config), args.curate_repeat, f"curate() on {curate_rows:,}"
        )

    print()
    print(
        f"Curation benchmark: {args.rows:,} synthetic commits (pool {args.pool:,}); "
        f"{os.cpu_count()} CPUs; polars {pl.__version__}; {len(RULES)} rules; "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    rows = [
        [
            "rule filters (apply_rules)",
            f"{args.rows:,}",
            str(len(rule_times)),
            f"{statistics.median(rule_times):.2f}",
            f"{rule_rate:,.0f}",
            f">= {TARGET_RULES_PER_S:,} {'OK' if rule_rate >= TARGET_RULES_PER_S else 'MISSED'}",
        ],
        [
            "  of which prepare() (flat columns)",
            f"{args.rows:,}",
            str(len(prepare_times)),
            f"{statistics.median(prepare_times):.2f}",
            f"{args.rows / statistics.median(prepare_times):,.0f}",
            "",
        ],
    ]
    if curate_times:
        curate_rate = curate_rows / statistics.median(curate_times)
        rows.append(
            [
                "full curate() incl. dedup",
                f"{curate_rows:,}",
                str(len(curate_times)),
                f"{statistics.median(curate_times):.2f}",
                f"{curate_rate:,.0f}",
                "(no target)",
            ]
        )
    headers = ["stage", "commits", "runs", "median s", "commits/s", "target"]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print()
    print(
        f"rules keep {n_pass:,} of {args.rows:,} ({n_pass / args.rows:.1%}); "
        "top rejecting rules: " + ", ".join(f"{r} {c:,}" for r, c in charged.head(8).iter_rows())
    )
    if result is not None:
        report = result.report  # type: ignore[attr-defined]
        dedup = report.filter(pl.col("stage") != "rules")
        print(
            f"curate() keeps {result.n_kept:,} of {result.n_input:,}; "  # type: ignore[attr-defined]
            + ", ".join(f"{r} {c:,}" for r, c in dedup.select("rule", "removed").iter_rows())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
