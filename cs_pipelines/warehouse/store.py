"""Locked DuckDB connections and the table operations every stage shares."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA


class WarehouseLockTimeout(TimeoutError):
    """Another process held the warehouse for longer than the configured timeout."""


WATERMARKS_DDL = """
CREATE TABLE IF NOT EXISTS harvest_watermarks (
    repo VARCHAR PRIMARY KEY,
    ref VARCHAR,
    head_sha VARCHAR,
    updated_at TIMESTAMPTZ
)"""

HARVEST_LOG_DDL = """
CREATE TABLE IF NOT EXISTS harvest_log (
    repo VARCHAR,
    started_at TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    status VARCHAR,          -- 'ok' or 'failed'
    mode VARCHAR,            -- initial | incremental | unchanged | rewritten | empty
    head_sha VARCHAR,
    new_commits BIGINT,
    removed_commits BIGINT,
    commits_with_errors BIGINT,
    message VARCHAR,         -- the cause when status = 'failed', notes otherwise
    dagster_run_id VARCHAR
)"""


class Warehouse:
    """A DuckDB database file whose connections are serialised across processes."""

    def __init__(self, path: Path | str, lock_timeout_s: float = 900.0) -> None:
        self.path = Path(path)
        self.lock_timeout_s = lock_timeout_s

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """An exclusive connection; keep the ``with`` block short."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._exclusive_lock():
            conn = duckdb.connect(str(self.path))
            try:
                _ensure_tables(conn)
                yield conn
            finally:
                conn.close()

    @contextmanager
    def _exclusive_lock(self) -> Iterator[None]:
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + self.lock_timeout_s
            delay = 0.01
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise WarehouseLockTimeout(
                            f"{self.path}: another process held the warehouse for more than "
                            f"{self.lock_timeout_s:.0f} s"
                        ) from None
                    time.sleep(delay)
                    delay = min(delay * 2, 0.5)
            yield
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    # --- reads ---------------------------------------------------------------------------

    def query(self, sql: str, params: Iterable[object] | None = None) -> pl.DataFrame:
        with self.connect() as conn:
            return conn.sql(sql, params=list(params) if params else None).pl()

    def table_names(self) -> set[str]:
        """The tables that exist now."""
        with self.connect() as conn:
            return {row[0] for row in conn.execute("SHOW TABLES").fetchall()}

    def table_counts(self) -> dict[str, int]:
        """Rows per table, for summaries."""
        with self.connect() as conn:
            names = [row[0] for row in conn.execute("SHOW TABLES").fetchall()]
            return {
                name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in sorted(names)
            }

    # --- writes --------------------------------------------------------------------------

    def replace_table(self, name: str, frame: pl.DataFrame) -> None:
        """Atomically replace table ``name`` with ``frame`` (readers never see it half written)."""
        self.replace_tables({name: frame})

    def replace_tables(self, frames: Mapping[str, pl.DataFrame]) -> None:
        """Replace several tables in one transaction: all of them change, or none."""
        with self._transaction() as conn:
            for name, frame in frames.items():
                conn.register("incoming_frame", frame.to_arrow())
                conn.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM incoming_frame')
                conn.unregister("incoming_frame")

    def replace_rows(self, name: str, frame: pl.DataFrame, key: str, value: object) -> None:
        """Replace the rows of table ``name`` whose ``key`` equals ``value`` with ``frame``, in
        one transaction (the table is created from ``frame`` when missing). Other keys' rows stay.
        """
        self.replace_rows_of({name: frame}, key, value)

    def replace_rows_of(self, frames: Mapping[str, pl.DataFrame], key: str, value: object) -> None:
        """:meth:`replace_rows` for several tables sharing ``key``, in one transaction: every
        table's rows for ``value`` change, or none do."""
        for name, frame in frames.items():
            if key not in frame.columns:
                raise ValueError(f"{name}: the new rows have no {key!r} column")
        with self._transaction() as conn:
            for name, frame in frames.items():
                conn.register("incoming_frame", frame.to_arrow())
                conn.execute(
                    f'CREATE TABLE IF NOT EXISTS "{name}" AS SELECT * FROM incoming_frame LIMIT 0'
                )
                conn.execute(f'DELETE FROM "{name}" WHERE "{key}" = ?', [value])
                conn.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM incoming_frame')
                conn.unregister("incoming_frame")

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A locked connection inside one transaction: committed when the block ends, rolled
        back when it raises."""
        with self.connect() as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")


def _ensure_tables(conn: duckdb.DuckDBPyConnection) -> None:
    existing = {row[0] for row in conn.execute("SHOW TABLES").fetchall()}
    if "raw_commits" not in existing:
        empty = pl.DataFrame(schema=RAW_COMMITS_SCHEMA).to_arrow()
        conn.register("empty_raw_commits", empty)
        conn.execute("CREATE TABLE raw_commits AS SELECT * FROM empty_raw_commits")
        conn.unregister("empty_raw_commits")
    if "harvest_watermarks" not in existing:
        conn.execute(WATERMARKS_DDL)
    if "harvest_log" not in existing:
        conn.execute(HARVEST_LOG_DDL)
