"""The warehouse's tables: each named once, with the reads and writes the stages make of it.

Every table the platform stores is a :class:`Table` below (name, what one row is, and the column
whose value a run replaces, for tables written one model version at a time). A table is read and
written through its generic methods (:meth:`Table.read`, :meth:`Table.replace`,
:meth:`Table.rows_for`, :meth:`Table.replace_rows`) or through the named functions that follow,
which hold every other query the stages and the asset checks make. No SQL lives outside this
package. ``raw_commits``' upserts, the watermarks and the harvest log are in
:mod:`cs_pipelines.warehouse.commits`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from cs_pipelines.harvest.schema import REQUIRED_COLUMNS
from cs_pipelines.warehouse.store import Warehouse


@dataclass(frozen=True)
class Table:
    """One warehouse table: its name, what one row is, and the key a run replaces rows by."""

    name: str
    row: str
    key: str | None = None  # replace_rows/rows_for work on this column's value

    def exists(self, warehouse: Warehouse) -> bool:
        return self.name in warehouse.table_names()

    def read(
        self,
        warehouse: Warehouse,
        columns: Sequence[str] = (),
        order_by: Sequence[str] = (),
    ) -> pl.DataFrame:
        """The table's rows (all columns unless ``columns``), ordered by ``order_by`` if given."""
        selected = ", ".join(_quoted(c) for c in columns) or "*"
        order = f" ORDER BY {', '.join(_quoted(c) for c in order_by)}" if order_by else ""
        return warehouse.query(f"SELECT {selected} FROM {_quoted(self.name)}{order}")

    def read_if_exists(self, warehouse: Warehouse) -> pl.DataFrame | None:
        """The table's rows, or None before it was first written."""
        return self._query_if_exists(warehouse, f"SELECT * FROM {_quoted(self.name)}")

    def replace(self, warehouse: Warehouse, frame: pl.DataFrame) -> None:
        """Atomically replace the whole table with ``frame``."""
        warehouse.replace_table(self.name, frame)

    def rows_for(self, warehouse: Warehouse, value: object) -> pl.DataFrame:
        """The rows whose key is ``value``; an empty frame without columns before the first
        write."""
        sql = f"SELECT * FROM {_quoted(self.name)} WHERE {_quoted(self._key())} = ?"
        rows = self._query_if_exists(warehouse, sql, [value])
        return pl.DataFrame() if rows is None else rows

    def replace_rows(self, warehouse: Warehouse, frame: pl.DataFrame, value: object) -> None:
        """Replace the rows whose key is ``value`` with ``frame`` in one transaction."""
        warehouse.replace_rows(self.name, frame, self._key(), value)

    def _query_if_exists(
        self, warehouse: Warehouse, sql: str, params: list[object] | None = None
    ) -> pl.DataFrame | None:
        """``sql``'s rows, or None when the table does not exist yet: one locked connection
        for both, so the table cannot appear or vanish in between."""
        with warehouse.connect() as conn:
            tables = {row[0] for row in conn.execute("SHOW TABLES").fetchall()}
            return conn.sql(sql, params=params).pl() if self.name in tables else None

    def _key(self) -> str:
        if self.key is None:
            raise ValueError(f"{self.name} is replaced whole: it has no key to select rows by")
        return self.key


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


# --- the catalogue ---------------------------------------------------------------------------

RAW_COMMITS = Table("raw_commits", "one harvested commit, keyed on (repo, sha)")
HARVEST_WATERMARKS = Table("harvest_watermarks", "the head sha of a repository's last harvest")
HARVEST_LOG = Table("harvest_log", "one harvest attempt of a repository, ok or failed")
COMMIT_INSTRUCTIONS = Table("commit_instructions", "a curated commit in CommitPackFT form")
COMMIT_REJECTIONS = Table("commit_rejections", "a commit curation removed, and the rule")
FILTER_REPORT = Table("filter_report", "how many commits one curation rule removed")
COMMIT_INDEX_MAP = Table("commit_index_map", "a FAISS vector id and its (repo, sha)")
MARKET_BARS = Table("market_bars", "one OHLCV bar of a symbol and timeframe")
STRATEGY_TASKS = Table("strategy_tasks", "a graded backtrader strategy task")
FUNCTION_TASKS = Table("function_tasks", "a CryptoEval-style function problem for SFT")
STRATEGY_CANDIDATES = Table("strategy_candidates", "a strategy candidate and its ladder climb")
FUNCTION_CANDIDATES = Table("function_candidates", "a function candidate and its ladder climb")
SFT_DATASET = Table("sft_dataset", "one SFT example with its split")
CRYPTOEVAL_TASKS = Table("cryptoeval_tasks", "one CryptoEval task")
CRYPTOEVAL_RESULTS = Table(
    "cryptoeval_results", "one scored sample of a model version", key="model_version"
)
CRYPTOEVAL_SCORES = Table(
    "cryptoeval_scores", "one metric of a model version on CryptoEval", key="model_version"
)
SFT_HOLDOUT_RESULTS = Table(
    "sft_holdout_results", "one held-out SFT task answered by a model version", key="model_version"
)
SFT_HOLDOUT_SCORES = Table(
    "sft_holdout_scores", "one metric of a model version on held-out SFT tasks", key="model_version"
)
TRADING_AB_RESULTS = Table(
    "trading_ab_results",
    "one strategy an A/B arm wrote for a held-out task, scored by the trading gym",
    key="model_version",
)
TRADING_AB_SCORES = Table(
    "trading_ab_scores",
    "one metric of one arm of a model version's trading A/B",
    key="model_version",
)

CATALOGUE: tuple[Table, ...] = (
    RAW_COMMITS, HARVEST_WATERMARKS, HARVEST_LOG,
    COMMIT_INSTRUCTIONS, COMMIT_REJECTIONS, FILTER_REPORT, COMMIT_INDEX_MAP,
    MARKET_BARS, STRATEGY_TASKS, FUNCTION_TASKS, STRATEGY_CANDIDATES, FUNCTION_CANDIDATES,
    SFT_DATASET, CRYPTOEVAL_TASKS, CRYPTOEVAL_RESULTS, CRYPTOEVAL_SCORES,
    SFT_HOLDOUT_RESULTS, SFT_HOLDOUT_SCORES, TRADING_AB_RESULTS, TRADING_AB_SCORES,
)  # fmt: skip


# --- raw_commits -----------------------------------------------------------------------------


def read_raw_commits(warehouse: Warehouse, repo: str | None = None) -> pl.DataFrame:
    """Harvested commits (of one repository if ``repo``), by repo, commit time and sha."""
    where = " WHERE repo = ?" if repo is not None else ""
    return warehouse.query(
        f"SELECT * FROM {RAW_COMMITS.name}{where} ORDER BY repo, committed_at, sha",
        [repo] if repo is not None else None,
    )


def recent_commits(warehouse: Warehouse, repo: str, limit: int = 10) -> pl.DataFrame:
    """The newest ``limit`` commits of ``repo``, short shas and sizes, for a preview."""
    return warehouse.query(
        f"""
        SELECT left(sha, 10) AS sha, committed_at, subject, n_files, insertions, deletions, error
        FROM {RAW_COMMITS.name} WHERE repo = ? ORDER BY committed_at DESC LIMIT ?
        """,
        [repo, limit],
    )


def commits_per_repo(warehouse: Warehouse) -> dict[str, int]:
    """Stored commits per repository."""
    frame = warehouse.query(f"SELECT repo, count(*) AS n FROM {RAW_COMMITS.name} GROUP BY repo")
    return dict(frame.iter_rows())


def duplicate_raw_commit_keys(warehouse: Warehouse) -> pl.DataFrame:
    """(repo, sha, copies) of every key stored more than once; empty when the key is unique."""
    return warehouse.query(
        f"SELECT repo, sha, count(*) AS copies FROM {RAW_COMMITS.name} "
        "GROUP BY ALL HAVING count(*) > 1"
    )


def raw_commit_null_counts(
    warehouse: Warehouse, columns: Sequence[str] = REQUIRED_COLUMNS
) -> dict[str, int]:
    """How many rows hold null in each of ``columns`` (the never-null ones by default)."""
    counts = ", ".join(f"count(*) - count({_quoted(c)}) AS {_quoted(c)}" for c in columns)
    return warehouse.query(f"SELECT {counts} FROM {RAW_COMMITS.name}").row(0, named=True)


def raw_commits_with_bad_timestamps(warehouse: Warehouse) -> pl.DataFrame:
    """Commits authored or committed before 1970 or after tomorrow (UTC), or at no time."""
    return warehouse.query(
        f"""
        SELECT repo, left(sha, 10) AS sha, authored_at, committed_at FROM {RAW_COMMITS.name}
        WHERE NOT (authored_at > TIMESTAMPTZ '1970-01-01 00:00:00+00'
                   AND committed_at > TIMESTAMPTZ '1970-01-01 00:00:00+00'
                   AND authored_at < now() + INTERVAL 1 DAY
                   AND committed_at < now() + INTERVAL 1 DAY)
        """
    )


# --- curation and retrieval ------------------------------------------------------------------


def write_curation(
    warehouse: Warehouse,
    instructions: pl.DataFrame,
    rejections: pl.DataFrame,
    report: pl.DataFrame,
) -> None:
    """Replace commit_instructions, commit_rejections and filter_report in one transaction."""
    warehouse.replace_tables(
        {
            COMMIT_INSTRUCTIONS.name: instructions,
            COMMIT_REJECTIONS.name: rejections,
            FILTER_REPORT.name: report,
        }
    )


def duplicate_instructions(warehouse: Warehouse) -> pl.DataFrame:
    """(key, value, copies) of every content hash or (instruction, new contents) stored twice."""
    return warehouse.query(
        f"""
        SELECT 'content_hash' AS key, content_hash AS value, count(*) AS copies
        FROM {COMMIT_INSTRUCTIONS.name} GROUP BY content_hash HAVING count(*) > 1
        UNION ALL
        SELECT 'instruction+new_contents', instruction, count(*)
        FROM {COMMIT_INSTRUCTIONS.name} GROUP BY instruction, new_contents HAVING count(*) > 1
        """
    )


def incomplete_instructions(warehouse: Warehouse) -> pl.DataFrame:
    """Instructions without text, new contents, a language, a repo or a sha."""
    return warehouse.query(
        f"""
        SELECT repo, left(sha, 10) AS sha, instruction FROM {COMMIT_INSTRUCTIONS.name}
        WHERE coalesce(trim(instruction), '') = '' OR new_contents IS NULL
           OR language IS NULL OR repo IS NULL OR sha IS NULL
        """
    )


# --- SFT data --------------------------------------------------------------------------------

CANDIDATE_JSON_COLUMNS = ("metrics", "meta")


def candidates_frame(records: Iterable[Mapping[str, Any]]) -> pl.DataFrame:
    """Ladder rows as a candidate table, ``metrics`` and ``meta`` as JSON text."""
    return pl.DataFrame(
        [
            {**record, **{c: json.dumps(record[c]) for c in CANDIDATE_JSON_COLUMNS}}
            for record in records
        ]
    )


def read_candidates(warehouse: Warehouse, tables: Sequence[Table]) -> list[dict[str, Any]]:
    """The rows of candidate ``tables`` in order, ``metrics`` and ``meta`` read back from JSON."""
    return [
        {**row, **{c: json.loads(row[c]) for c in CANDIDATE_JSON_COLUMNS}}
        for table in tables
        for row in table.read(warehouse).to_dicts()
    ]


def function_task_ids(warehouse: Warehouse) -> set[str]:
    """The ids of the stored function tasks."""
    return set(FUNCTION_TASKS.read(warehouse, columns=["task_id"])["task_id"])


# --- evaluation ------------------------------------------------------------------------------

SCORE_INTERVAL_COLUMNS = ("ci_low", "ci_high")  # a score's 95% interval (added later: nullable)


def write_cryptoeval_run(
    warehouse: Warehouse, version: str, results: pl.DataFrame, scores: pl.DataFrame
) -> None:
    """Replace ``version``'s samples and scores, together (one transaction). Scores with
    intervals first give a table stored before intervals existed its two columns (null for
    the versions scored then)."""
    if set(SCORE_INTERVAL_COLUMNS) <= set(scores.columns):
        _add_interval_columns(warehouse)
    _replace_version_rows(
        warehouse, {CRYPTOEVAL_RESULTS: results, CRYPTOEVAL_SCORES: scores}, version
    )


def _add_interval_columns(warehouse: Warehouse) -> None:
    """The migration to scores with intervals: add ``ci_low`` and ``ci_high`` to an existing
    ``cryptoeval_scores`` that lacks them (idempotent; a missing table is created later, by
    the write, from the new rows)."""
    with warehouse.connect() as conn:
        if CRYPTOEVAL_SCORES.name not in {row[0] for row in conn.execute("SHOW TABLES").fetchall()}:
            return
        for column in SCORE_INTERVAL_COLUMNS:
            conn.execute(
                f"ALTER TABLE {_quoted(CRYPTOEVAL_SCORES.name)} "
                f"ADD COLUMN IF NOT EXISTS {_quoted(column)} DOUBLE"
            )


def read_cryptoeval_scores(warehouse: Warehouse, version: str) -> pl.DataFrame:
    """``version``'s CryptoEval scores (one row per metric); empty when it was never scored.

    Rows stored before scores had intervals read back with null ``ci_low`` and ``ci_high``.
    """
    rows = CRYPTOEVAL_SCORES.rows_for(warehouse, version)
    return rows if rows.is_empty() else _with_interval_columns(rows)


def _with_interval_columns(scores: pl.DataFrame) -> pl.DataFrame:
    """``scores`` with ``ci_low`` and ``ci_high``: null where they were stored without them."""
    missing = [c for c in SCORE_INTERVAL_COLUMNS if c not in scores.columns]
    return scores.with_columns(pl.lit(None, dtype=pl.Float64).alias(c) for c in missing)


def pass_counts_per_task(warehouse: Warehouse, version: str) -> dict[str, tuple[int, int]]:
    """``task_id -> (n, c)``: samples of ``version`` scored on each CryptoEval task, and how
    many passed; empty when it was never scored."""
    frame = CRYPTOEVAL_RESULTS._query_if_exists(
        warehouse,
        f"SELECT task_id, count(*) AS n, count(*) FILTER (WHERE passed) AS c "
        f"FROM {CRYPTOEVAL_RESULTS.name} WHERE model_version = ? GROUP BY 1",
        [version],
    )
    if frame is None:
        return {}
    return {task: (int(n), int(c)) for task, n, c in frame.iter_rows()}


def holdout_verified(warehouse: Warehouse, version: str) -> dict[str, bool]:
    """``task_id -> verified``: ``version``'s one greedy answer per held-out SFT task; empty
    when it was never scored there."""
    rows = SFT_HOLDOUT_RESULTS.rows_for(warehouse, version)
    if rows.is_empty() or "verified" not in rows.columns:
        return {}
    return {str(t): bool(v) for t, v in rows.select("task_id", "verified").iter_rows()}


def samples_per_task(warehouse: Warehouse, version: str) -> pl.DataFrame:
    """(task_id, n): how many samples of ``version`` were scored on each CryptoEval task."""
    return warehouse.query(
        f"SELECT task_id, count(*) AS n FROM {CRYPTOEVAL_RESULTS.name} "
        "WHERE model_version = ? GROUP BY 1",
        [version],
    )


def pass_at_1_overview(warehouse: Warehouse) -> pl.DataFrame:
    """pass@1 of every version, overall and per variant, with its interval: (model_version,
    group, value, ci_low, ci_high, n_tasks); the bounds are null for rows scored before them."""
    rows = warehouse.query(
        f"SELECT * FROM {CRYPTOEVAL_SCORES.name} "
        "WHERE metric = 'pass@1' AND scope IN ('all', 'variant') "
        'ORDER BY model_version, scope, "group"'
    )
    columns = ["model_version", "group", "value", *SCORE_INTERVAL_COLUMNS, "n_tasks"]
    return _with_interval_columns(rows).select(columns)


def write_holdout_run(
    warehouse: Warehouse, version: str, results: pl.DataFrame, scores: pl.DataFrame
) -> None:
    """Replace ``version``'s held-out answers and scores, together (one transaction)."""
    _replace_version_rows(
        warehouse, {SFT_HOLDOUT_RESULTS: results, SFT_HOLDOUT_SCORES: scores}, version
    )


def write_trading_ab_run(
    warehouse: Warehouse, version: str, results: pl.DataFrame, scores: pl.DataFrame
) -> None:
    """Replace ``version``'s trading A/B answers and scores, together (one transaction)."""
    _replace_version_rows(
        warehouse, {TRADING_AB_RESULTS: results, TRADING_AB_SCORES: scores}, version
    )


def holdout_overview(warehouse: Warehouse) -> pl.DataFrame:
    """One row per version: model_version, n_tasks and a column per held-out metric."""
    return warehouse.query(
        f"PIVOT {SFT_HOLDOUT_SCORES.name} ON metric USING first(value) "
        "GROUP BY model_version, n_tasks ORDER BY model_version"
    )


def _replace_version_rows(
    warehouse: Warehouse, frames: Mapping[Table, pl.DataFrame], version: str
) -> None:
    """Replace one model version's rows of several keyed tables in one transaction, so a
    version's results and its scores never disagree."""
    keys = {table._key() for table in frames}
    if len(keys) != 1:
        raise ValueError(f"tables replaced together share one key, not {sorted(keys)}")
    warehouse.replace_rows_of({t.name: f for t, f in frames.items()}, keys.pop(), version)
