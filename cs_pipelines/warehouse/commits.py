"""Harvest bookkeeping in the warehouse: watermarks, idempotent upserts, the harvest log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import duckdb

from cs_pipelines.warehouse.store import Warehouse

if TYPE_CHECKING:
    from cs_pipelines.harvest.harvester import HarvestResult


def read_watermark(warehouse: Warehouse, repo: str) -> str | None:
    """The head sha stored by the last successful harvest of ``repo``, if any."""
    with warehouse.connect() as conn:
        row = conn.execute(
            "SELECT head_sha FROM harvest_watermarks WHERE repo = ?", [repo]
        ).fetchone()
    return row[0] if row else None


def known_shas(warehouse: Warehouse, repo: str) -> set[str]:
    with warehouse.connect() as conn:
        rows = conn.execute("SELECT sha FROM raw_commits WHERE repo = ?", [repo]).fetchall()
    return {row[0] for row in rows}


def apply_harvest(warehouse: Warehouse, result: HarvestResult, run_id: str | None = None) -> int:
    """Upsert the harvested batches, drop rewritten-away commits and move the watermark.

    One transaction: a crash leaves the previous rows and watermark in place, and a replay of the
    same batches replaces rows keyed on (repo, sha) instead of duplicating them. Returns the
    number of rows the repository now has.
    """
    files = [str(path) for path in result.batch_files]
    with warehouse.connect() as conn:
        conn.execute("BEGIN TRANSACTION")
        try:
            if files:
                conn.execute("CREATE TEMP TABLE incoming AS SELECT * FROM read_parquet(?)", [files])
                conn.execute(
                    "DELETE FROM raw_commits WHERE repo = ? AND sha IN (SELECT sha FROM incoming)",
                    [result.repo],
                )
                conn.execute("INSERT INTO raw_commits BY NAME SELECT * FROM incoming")
                conn.execute("DROP TABLE incoming")
            if result.removed_shas:
                conn.execute(
                    "DELETE FROM raw_commits WHERE repo = ? AND list_contains(?, sha)",
                    [result.repo, result.removed_shas],
                )
            conn.execute(
                "INSERT OR REPLACE INTO harvest_watermarks VALUES (?, ?, ?, ?)",
                [result.repo, result.ref, result.head_sha, datetime.now(UTC)],
            )
            _log(
                conn,
                HarvestLogEntry(
                    repo=result.repo,
                    status="ok",
                    mode=result.mode,
                    head_sha=result.head_sha,
                    new_commits=result.n_commits,
                    removed_commits=len(result.removed_shas),
                    commits_with_errors=result.n_errors,
                    message="; ".join(result.notes),
                    dagster_run_id=run_id,
                    duration_s=result.duration_s,
                ),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return conn.execute(
            "SELECT count(*) FROM raw_commits WHERE repo = ?", [result.repo]
        ).fetchone()[0]


def record_failure(warehouse: Warehouse, repo: str, message: str, run_id: str | None) -> None:
    """Note a failed harvest in the log; stored commits and the watermark stay as they were."""
    with warehouse.connect() as conn:
        _log(
            conn,
            HarvestLogEntry(repo=repo, status="failed", message=message, dagster_run_id=run_id),
        )


def latest_harvests(warehouse: Warehouse) -> list[dict[str, object]]:
    """The most recent harvest log entry per repository."""
    frame = warehouse.query(
        """
        SELECT * EXCLUDE (rank) FROM (
            SELECT *, row_number() OVER (PARTITION BY repo ORDER BY finished_at DESC) AS rank
            FROM harvest_log
        ) WHERE rank = 1 ORDER BY repo
        """
    )
    return frame.to_dicts()


@dataclass(frozen=True)
class HarvestLogEntry:
    repo: str
    status: str  # "ok" | "failed"
    message: str
    dagster_run_id: str | None
    mode: str | None = None
    head_sha: str | None = None
    new_commits: int = 0
    removed_commits: int = 0
    commits_with_errors: int = 0
    duration_s: float = 0.0


def _log(conn: duckdb.DuckDBPyConnection, entry: HarvestLogEntry) -> None:
    finished = datetime.now(UTC)
    started = finished - timedelta(seconds=entry.duration_s)
    conn.execute(
        "INSERT INTO harvest_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            entry.repo,
            started,
            finished,
            entry.status,
            entry.mode,
            entry.head_sha,
            entry.new_commits,
            entry.removed_commits,
            entry.commits_with_errors,
            entry.message,
            entry.dagster_run_id,
        ],
    )
