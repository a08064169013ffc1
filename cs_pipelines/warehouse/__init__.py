"""The DuckDB warehouse: one file, many short-lived writers from many processes.

DuckDB allows one read-write process per database file at a time. Harvest runs for different
repositories execute in parallel processes, so every connection here first takes an exclusive
advisory lock on ``<database>.lock`` (waiting up to ``lock_timeout_s``) and holds it only for
the duration of one short transaction. Slow work (git, parsing, curation) happens outside it.
"""

from cs_pipelines.warehouse.store import Warehouse, WarehouseLockTimeout

__all__ = ["Warehouse", "WarehouseLockTimeout"]
