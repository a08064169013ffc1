"""Settings of the commit harvest (read by ``harvester`` and ``gitlog`` alike)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HarvestConfig:
    max_patch_bytes: int = 256_000  # patch text capped; patch_truncated flag
    max_contents_bytes: int = 512_000  # old/new contents capped; contents_truncated flag
    batch_size: int = 2_000  # commits per Parquet batch file: bounds memory
    read_contents: bool = True  # old/new contents of single-file changes (git cat-file --batch)
