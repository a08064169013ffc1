"""Curation: CommitPackFT-style rule filters, exact and near dedup, over harvested commits.

Plain Python and Polars; no Dagster. Entry point: :func:`curate`.
"""

from cs_pipelines.curate.config import CurationConfig
from cs_pipelines.curate.filters import RULES, Rule
from cs_pipelines.curate.pipeline import CurationResult, curate

__all__ = ["RULES", "CurationConfig", "CurationResult", "Rule", "curate"]
