"""The execution-grounded SFT dataset: verified ladder rows as chat examples, split by family.

Input rows are what the verification ladder returns (mappings or objects with ``task_id``,
``candidate_id``, ``source``, ``code``, ``instruction``, ``rung``, ``rung_name``, ``verified``,
``metrics``, ...) and the tasks they answer (``family``, ``category``, ``difficulty``,
``difficulty_label``). The build removes, in this order, and counts each removal:

1. ``unverified`` rows (``config.require_verified``) and rows ``below_min_rung``;
2. ``unknown_task`` rows: a task id neither in ``tasks`` nor a commit candidate's;
3. ``contaminated`` rows: their instruction or code shares an n-gram with a CryptoEval prompt
   or canonical solution (:mod:`cs_pipelines.sft.decontam`), before dedup, so every
   contaminated row is listed with the n-gram that matched;
4. ``exact_duplicate`` and ``near_duplicate`` rows: the same (instruction, code) pair up to
   whitespace, or a MinHash Jaccard estimate of their instruction + code shingles at or above
   ``near_dup_threshold`` (curation's :func:`~cs_pipelines.curate.dedup.near_duplicate_of`);
5. ``over_task_limit``: more than ``max_examples_per_task`` rows of one task.

Rows are considered best first (highest rung, then teacher, model, commit, then ids), so the
representative of a duplicate group and the examples a task keeps are its best verified ones.

Families, not tasks, are split: every task of a family lands in the same split, so validation
measures generalisation to kinds of task the model never trained on, not to paraphrases of
them. Commit candidates (``source="commit"``) have no task: their family is ``commit:<repo>``,
category ``harvested`` and difficulty 0 labelled ``unknown``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from cs_pipelines.cryptoeval.sampling import SYSTEM_PROMPT
from cs_pipelines.curate.config import CurationConfig
from cs_pipelines.curate.dedup import lsh_accepts, near_duplicate_of
from cs_pipelines.sft.commit_candidates import parse_commit_task_id
from cs_pipelines.sft.decontam import DEFAULT_N, contaminated, ngram_index

log = logging.getLogger(__name__)

METRICS = (
    "total_return", "cagr", "sharpe", "sortino", "max_drawdown", "n_trades", "win_rate",
    "exposure", "final_value", "n_bars",
)  # fmt: skip
INT_METRICS = frozenset({"n_trades", "n_bars"})
REMOVAL_REASONS = (
    "unverified", "below_min_rung", "unknown_task", "contaminated", "exact_duplicate",
    "near_duplicate", "over_task_limit",
)  # fmt: skip
SPLITS = ("train", "validation")
RECORD_KEYS = (
    "task_id", "candidate_id", "family", "category", "difficulty", "difficulty_label", "source",
    "rung", "rung_name",
)  # fmt: skip
CARD_DIMENSIONS = ("category", "difficulty", "source", "rung")
SOURCE_PREFERENCE = {"teacher": 0, "model": 1, "commit": 2}
COMMIT_CATEGORY = "harvested"
UNKNOWN_DIFFICULTY = (0, "unknown")

SFT_DATASET_SCHEMA: dict[str, pl.DataType] = {
    "split": pl.Utf8,
    "task_id": pl.Utf8,
    "candidate_id": pl.Utf8,
    "family": pl.Utf8,
    "category": pl.Utf8,
    "difficulty": pl.Int64,
    "difficulty_label": pl.Utf8,
    "source": pl.Utf8,
    "rung": pl.Int64,
    "rung_name": pl.Utf8,
    "messages": pl.Utf8,  # JSON list of {"role", "content"}
    **{f"metric_{m}": pl.Int64 if m in INT_METRICS else pl.Float64 for m in METRICS},
}


class SftDatasetError(ValueError):
    """The SFT dataset cannot be built or saved as asked; the message says why."""


@dataclass(frozen=True)
class SftDatasetConfig:
    """How verified rows become the SFT dataset. The system prompt defaults to CryptoEval's, so
    the model is trained with the prompt it is evaluated with."""

    system_prompt: str = SYSTEM_PROMPT
    validation_fraction: float = 0.2  # of families, not of examples
    seed: int = 0  # which families go to validation
    require_verified: bool = True
    min_rung: int = 0  # rows whose highest passed rung is lower are removed
    max_examples_per_task: int | None = 4  # None: no limit
    near_dup_threshold: float = 0.8
    shingle_size: int = 5  # code tokens per MinHash shingle
    num_perm: int = 128
    minhash_seed: int = 1
    decontamination_n: int = DEFAULT_N  # n-gram length for CryptoEval overlap

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (not 0 < self.validation_fraction < 1, "validation_fraction must be in (0, 1)"),
                (
                    self.max_examples_per_task is not None and self.max_examples_per_task < 1,
                    "max_examples_per_task must be >= 1 or None",
                ),
                (not 0 < self.near_dup_threshold < 1, "near_dup_threshold must be in (0, 1)"),
                (self.shingle_size < 1, "shingle_size must be >= 1"),
                (self.decontamination_n < 1, "decontamination_n must be >= 1"),
                (
                    0 < self.near_dup_threshold < 1
                    and self.num_perm >= 2
                    and not lsh_accepts(self.near_dup_threshold, self.num_perm),
                    "MinHashLSH cannot index at this near_dup_threshold and num_perm",
                ),
                (self.num_perm < 2, "num_perm must be >= 2"),
            ]
            if failed
        ]
        if problems:
            raise SftDatasetError(f"invalid SftDatasetConfig: {', '.join(problems)}")

    def curation_config(self) -> CurationConfig:
        """The near-dedup settings in the form curation's dedup helpers read."""
        return CurationConfig(
            near_dup_threshold=self.near_dup_threshold,
            shingle_size=self.shingle_size,
            num_perm=self.num_perm,
            minhash_seed=self.minhash_seed,
        )


@dataclass
class SftDatasetReport:
    """What the build did: removals per reason (every reason, zeros included), one entry per
    removed row, the contaminated rows with the n-gram that matched, the families of each
    split and the data card's counts (``card[dimension][value][split]``)."""

    n_rows: int = 0
    removed: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMOVAL_REASONS, 0))
    removals: list[dict[str, Any]] = field(default_factory=list)  # task/candidate, reason, detail
    contaminated: list[dict[str, Any]] = field(default_factory=list)  # + field, ngram
    families: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in SPLITS})
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SPLITS, 0))
    card: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class SftDatasetBuild:
    """The two splits as lists of records (see :func:`build_sft_dataset`) and the report."""

    train: list[dict[str, Any]]
    validation: list[dict[str, Any]]
    report: SftDatasetReport
    config: SftDatasetConfig


# ---------------------------------------------------------------------------------------------
# Building


def build_sft_dataset(
    rows: Sequence[Any],
    tasks: Mapping[str, Any],
    cryptoeval_texts: Sequence[str],
    config: SftDatasetConfig = SftDatasetConfig(),  # frozen, so a shared default is safe
) -> SftDatasetBuild:
    """Filter, decontaminate, deduplicate and split ladder ``rows`` into chat records.

    A record is ``{"messages": [system, user (instruction), assistant ("```python" fenced
    code)], "task_id", "candidate_id", "family", "category", "difficulty",
    "difficulty_label", "source", "rung", "rung_name", "metric_<name>"...}`` with one
    ``metric_`` column per :data:`METRICS` (None where the row lacks it). Building never fails
    on the data itself: an empty result is reported, and :func:`save_dataset` refuses it.
    Malformed rows (no ``task_id`` or ``code``) raise :class:`SftDatasetError`.
    """
    report = SftDatasetReport(n_rows=len(rows))
    examples = sorted((_example(i, row) for i, row in enumerate(rows)), key=_preference)
    examples = _drop(examples, report, "unverified", lambda e: _unverified(e, config))
    examples = _drop(examples, report, "below_min_rung", lambda e: _below_rung(e, config))
    examples = _drop(examples, report, "unknown_task", lambda e: _attach_task(e, tasks))
    examples = _decontaminate(examples, cryptoeval_texts, config, report)
    examples = _exact_dedup(examples, report)
    examples = _near_dedup(examples, config, report)
    examples = _cap_per_task(examples, config, report)
    train, validation = _split(examples, config, report)
    build = SftDatasetBuild(
        train=[_record(e, config) for e in train],
        validation=[_record(e, config) for e in validation],
        report=report,
        config=config,
    )
    report.counts = {"train": len(build.train), "validation": len(build.validation)}
    report.card = _card(build)
    log.info("sft dataset: %s from %d rows; removed %s", report.counts, len(rows), report.removed)
    return build


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """A field of a mapping or an object (ladder rows may be dicts or dataclasses)."""
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _example(index: int, row: Any) -> dict[str, Any]:
    missing = [key for key in ("task_id", "code") if not _get(row, key)]
    if missing:
        raise SftDatasetError(f"row {index} has no {' or '.join(missing)}: {_describe(row)}")
    rung = _get(row, "rung")
    return {
        "task_id": str(_get(row, "task_id")),
        "candidate_id": str(_get(row, "candidate_id") or f"row-{index}"),
        "source": str(_get(row, "source") or "unknown"),
        "code": str(_get(row, "code")),
        "instruction": str(_get(row, "instruction") or ""),
        "rung": -1 if rung is None else int(rung),
        "rung_name": str(_get(row, "rung_name") or ""),
        "verified": bool(_get(row, "verified", False)),
        "stop_reason": _get(row, "stop_reason"),
        "metrics": dict(_get(row, "metrics") or {}),
        "meta": dict(_get(row, "meta") or {}),
    }


def _describe(row: Any) -> str:
    text = repr({k: _get(row, k) for k in ("task_id", "candidate_id", "source")})
    return text[:200]


def _preference(example: Mapping[str, Any]) -> tuple:
    return (
        -example["rung"],
        SOURCE_PREFERENCE.get(example["source"], len(SOURCE_PREFERENCE)),
        example["task_id"],
        example["candidate_id"],
    )


def _remove(report: SftDatasetReport, example: Mapping[str, Any], reason: str, detail: str) -> None:
    report.removed[reason] += 1
    report.removals.append(
        {
            "task_id": example["task_id"],
            "candidate_id": example["candidate_id"],
            "source": example["source"],
            "reason": reason,
            "detail": detail,
        }
    )


def _drop(
    examples: list[dict[str, Any]],
    report: SftDatasetReport,
    reason: str,
    why: Callable[[dict[str, Any]], str | None],
) -> list[dict[str, Any]]:
    """Keep the examples ``why`` returns None for; the others are removed for ``reason``."""
    kept = []
    for example in examples:
        detail = why(example)
        if detail is None:
            kept.append(example)
        else:
            _remove(report, example, reason, detail)
    return kept


def _unverified(example: Mapping[str, Any], config: SftDatasetConfig) -> str | None:
    if config.require_verified and not example["verified"]:
        return str(example["stop_reason"] or example["rung_name"] or "not verified")
    return None


def _below_rung(example: Mapping[str, Any], config: SftDatasetConfig) -> str | None:
    if example["rung"] < config.min_rung:
        return f"rung {example['rung']} < {config.min_rung}"
    return None


def _attach_task(example: dict[str, Any], tasks: Mapping[str, Any]) -> str | None:
    """Attach the task's family, category and difficulty to ``example``; None when it has a
    task (or is a commit candidate), else why not."""
    task = tasks.get(example["task_id"])
    if task is not None:
        example.update(_task_fields(task, example["task_id"]))
        return None
    commit = parse_commit_task_id(example["task_id"])
    if commit is None:
        return "not in tasks and not a commit candidate"
    repo = example["meta"].get("repo") or commit["repo"]
    level, label = UNKNOWN_DIFFICULTY
    example.update(
        family=f"commit:{repo}", category=COMMIT_CATEGORY, difficulty=level, difficulty_label=label
    )
    return None


def _task_fields(task: Any, task_id: str) -> dict[str, Any]:
    """Family (the task's own id when it has none), category and difficulty level and label.

    A string difficulty is taken as the label, with the level from ``level`` when present.
    """
    difficulty = _get(task, "difficulty")
    if isinstance(difficulty, str):
        level, label = _get(task, "level") or 0, difficulty
    else:
        level = 0 if difficulty is None else int(difficulty)
        label = _get(task, "difficulty_label") or str(level)
    return {
        "family": str(_get(task, "family") or task_id),
        "category": str(_get(task, "category") or "uncategorised"),
        "difficulty": int(level),
        "difficulty_label": str(label),
    }


def _decontaminate(
    examples: list[dict[str, Any]],
    cryptoeval_texts: Sequence[str],
    config: SftDatasetConfig,
    report: SftDatasetReport,
) -> list[dict[str, Any]]:
    """Remove examples whose instruction or code shares an n-gram with a CryptoEval text."""
    n = config.decontamination_n
    index = ngram_index(cryptoeval_texts, n)
    if not index:
        report.notes.append("no CryptoEval n-grams to decontaminate against; nothing checked")
        return examples

    def why(example: dict[str, Any]) -> str | None:
        for part in ("instruction", "code"):
            gram = contaminated(example[part], index, n)
            if gram is not None:
                report.contaminated.append(
                    {
                        "task_id": example["task_id"],
                        "candidate_id": example["candidate_id"],
                        "field": part,
                        "ngram": gram,
                    }
                )
                return f"{part}: {gram}"
        return None

    return _drop(examples, report, "contaminated", why)


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _exact_dedup(examples: list[dict[str, Any]], report: SftDatasetReport) -> list[dict]:
    """Drop examples whose whitespace-collapsed (instruction, code) pair was seen before."""
    first: dict[str, str] = {}

    def why(example: dict[str, Any]) -> str | None:
        pair = f"{_normalised(example['instruction'])}\x00{_normalised(example['code'])}"
        key = hashlib.blake2b(pair.encode(), digest_size=16).hexdigest()
        kept = first.setdefault(key, example["candidate_id"])
        return None if kept == example["candidate_id"] else f"duplicate of {kept}"

    return _drop(examples, report, "exact_duplicate", why)


def _near_dedup(
    examples: list[dict[str, Any]], config: SftDatasetConfig, report: SftDatasetReport
) -> list[dict[str, Any]]:
    """Drop examples whose instruction + code near-duplicates a better one kept before."""
    if len(examples) < 2:
        return examples
    texts = [f"{e['instruction']}\n{e['code']}" for e in examples]
    leaders = near_duplicate_of(texts, config.curation_config())
    kept = []
    for example, leader in zip(examples, leaders, strict=True):
        if leader is None:
            kept.append(example)
        else:
            detail = f"near duplicate of {examples[leader]['candidate_id']}"
            _remove(report, example, "near_duplicate", detail)
    return kept


def _cap_per_task(
    examples: list[dict[str, Any]], config: SftDatasetConfig, report: SftDatasetReport
) -> list[dict[str, Any]]:
    limit = config.max_examples_per_task
    if limit is None:
        return examples
    per_task: Counter[str] = Counter()

    def why(example: dict[str, Any]) -> str | None:
        per_task[example["task_id"]] += 1
        return None if per_task[example["task_id"]] <= limit else f"limit {limit} per task"

    return _drop(examples, report, "over_task_limit", why)


# ---------------------------------------------------------------------------------------------
# Splitting and records


def split_families(
    families: Sequence[str], validation_fraction: float, seed: int = 0
) -> tuple[list[str], list[str]]:
    """(train families, validation families), each sorted.

    Families are ranked by a seeded BLAKE2b of their name, and the first
    ``round(fraction * n)`` go to validation, at least one and at most ``n - 1`` when there are
    two or more. Ranking by hash rather than shuffling keeps a family's split when others are
    added, so validation stays unseen across rebuilds more often than not.
    """
    distinct = sorted(set(families))
    ranked = sorted(distinct, key=lambda f: hashlib.blake2b(f"{seed}:{f}".encode()).digest())
    n = len(ranked)
    n_validation = 0 if n < 2 else min(n - 1, max(1, round(validation_fraction * n)))
    return sorted(ranked[n_validation:]), sorted(ranked[:n_validation])


def _split(
    examples: list[dict[str, Any]], config: SftDatasetConfig, report: SftDatasetReport
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    train_families, validation_families = split_families(
        [e["family"] for e in examples], config.validation_fraction, config.seed
    )
    report.families = {"train": train_families, "validation": validation_families}
    if len(train_families) == 1 and not validation_families:
        report.notes.append(
            f"one family ({train_families[0]}): every example is in train, validation is empty"
        )
    chosen = set(validation_families)
    order = sorted(examples, key=lambda e: (e["family"], e["task_id"], e["candidate_id"]))
    return (
        [e for e in order if e["family"] not in chosen],
        [e for e in order if e["family"] in chosen],
    )


def chat_messages(system_prompt: str, instruction: str, code: str) -> list[dict[str, str]]:
    """System prompt, the task as the user turn, the code in a ```python block as the answer
    (trailing whitespace of the code dropped, so the fence closes on the next line)."""
    return [
        {"role": "system", "content": system_prompt},
        {"role": "user", "content": instruction},
        {"role": "assistant", "content": f"```python\n{code.rstrip()}\n```"},
    ]


def _record(example: Mapping[str, Any], config: SftDatasetConfig) -> dict[str, Any]:
    record = {
        "messages": chat_messages(config.system_prompt, example["instruction"], example["code"]),
        **{key: example[key] for key in RECORD_KEYS},
    }
    for name in METRICS:
        record[f"metric_{name}"] = _metric(example["metrics"].get(name), name)
    return record


def _metric(value: Any, name: str) -> float | int | None:
    if value is None:
        return None
    try:
        return int(value) if name in INT_METRICS else float(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: int(inf)
        return None


# ---------------------------------------------------------------------------------------------
# Data card, saving, warehouse frame


def _card(build: SftDatasetBuild) -> dict[str, dict[str, dict[str, int]]]:
    card: dict[str, dict[str, dict[str, int]]] = {d: {} for d in CARD_DIMENSIONS}
    for split in SPLITS:
        for record in getattr(build, split):
            for dimension in CARD_DIMENSIONS:
                counts = card[dimension].setdefault(_card_value(record, dimension), {})
                counts[split] = counts.get(split, 0) + 1
    return {
        dimension: {
            value: {split: values[value].get(split, 0) for split in SPLITS}
            for value in sorted(values)
        }
        for dimension, values in card.items()
    }


def _card_value(record: Mapping[str, Any], dimension: str) -> str:
    if dimension == "difficulty":
        return f"{record['difficulty']} ({record['difficulty_label']})"
    if dimension == "rung":
        return f"{record['rung']} {record['rung_name']}".strip()
    return str(record[dimension])


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def data_card_markdown(build: SftDatasetBuild) -> str:
    """The data card: splits, removals per reason, and counts per category, difficulty, source
    and rung (each table's total is the dataset's size)."""
    report = build.report
    n_train, n_validation = report.counts["train"], report.counts["validation"]
    split_rows = [
        (split, report.counts[split], len(report.families[split]),
         len({r["task_id"] for r in getattr(build, split)}))
        for split in SPLITS
    ]  # fmt: skip
    removal_rows = [(reason, report.removed[reason]) for reason in REMOVAL_REASONS]
    parts = [
        "# SFT dataset",
        f"{n_train + n_validation} verified examples ({n_train} train, {n_validation} "
        f"validation) from {report.n_rows} ladder rows. Validation holds whole task families "
        "that training never sees.",
        "## Splits",
        _table(("split", "examples", "families", "tasks"), split_rows),
        "## Removed",
        _table(("reason", "rows"), [*removal_rows, ("total", sum(report.removed.values()))]),
    ]
    for dimension in CARD_DIMENSIONS:
        rows = [
            (value, counts["train"], counts["validation"], counts["train"] + counts["validation"])
            for value, counts in report.card[dimension].items()
        ]
        parts += [f"## By {dimension}", _table((dimension, *SPLITS, "total"), rows)]
    if report.notes:
        parts += ["## Notes", "\n".join(f"- {note}" for note in report.notes)]
    return "\n\n".join(parts) + "\n"


def _features() -> Any:
    import datasets  # a second to import; only saving needs it

    string = datasets.Value("string")
    columns = {
        "messages": datasets.List({"role": string, "content": string}),
        **{
            name: datasets.Value("int64" if dtype == pl.Int64 else "string")
            for name, dtype in SFT_DATASET_SCHEMA.items()
            if name not in ("split", "messages") and not name.startswith("metric_")
        },
        **{
            f"metric_{m}": datasets.Value("int64" if m in INT_METRICS else "float64")
            for m in METRICS
        },
    }
    return datasets.Features(columns)


def save_dataset(build: SftDatasetBuild, folder: Path) -> Path:
    """Save the splits as a Hugging Face ``DatasetDict`` folder (``load_from_disk`` reads it),
    with the data card as its ``README.md``.

    An empty train split is an error. An empty validation split is allowed, with a warning,
    only when all examples come from one family (there is no unseen family to hold out).
    """
    import datasets

    _check_splits(build)
    features = _features()
    splits = {  # by columns: from_list drops the columns of an empty split
        split: datasets.Dataset.from_dict(
            {name: [r[name] for r in getattr(build, split)] for name in features},
            features=features,
        )
        for split in SPLITS
    }
    folder = Path(folder)
    # An empty split would get zero shards, which load_from_disk cannot read back.
    empty = {split: 1 for split, dataset in splits.items() if dataset.num_rows == 0}
    datasets.DatasetDict(splits).save_to_disk(str(folder), num_shards=empty)
    (folder / "README.md").write_text(data_card_markdown(build), encoding="utf-8")
    return folder


def _check_splits(build: SftDatasetBuild) -> None:
    report = build.report
    if not build.train:
        removed = ", ".join(f"{r} {n}" for r, n in report.removed.items() if n) or "none"
        raise SftDatasetError(
            f"the SFT dataset has no training examples: {report.n_rows} ladder rows in, "
            f"removed: {removed}"
        )
    if not build.validation:
        families = report.families["train"]
        if len(families) > 1:
            raise SftDatasetError(
                f"the validation split is empty although there are {len(families)} families"
            )
        warnings.warn(
            f"the validation split is empty: every example comes from one family "
            f"({families[0]}), so there is no unseen family to validate on",
            stacklevel=3,
        )


def to_frame(build: SftDatasetBuild) -> pl.DataFrame:
    """One row per example for the warehouse (:data:`SFT_DATASET_SCHEMA`): a ``split``
    column, the messages as a JSON string, the metadata and metric columns."""
    rows = [
        {**record, "split": split, "messages": json.dumps(record["messages"], ensure_ascii=False)}
        for split in SPLITS
        for record in getattr(build, split)
    ]
    return pl.DataFrame(rows, schema=SFT_DATASET_SCHEMA)
