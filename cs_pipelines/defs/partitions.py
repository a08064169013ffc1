"""Dynamic partitions: one per reference repository, and one per model version scored."""

import dagster as dg

from cs_pipelines.registry.versions import (
    BASE_MODEL_VERSION,
    REGISTERED_MODEL_PREFIX,
    registered_version,
    registered_version_key,
)

__all__ = [
    "BASE_MODEL_VERSION",
    "REGISTERED_MODEL_PREFIX",
    "model_version_partitions",
    "reference_repo_partitions",
    "registered_version",
    "registered_version_key",
]

reference_repo_partitions = dg.DynamicPartitionsDefinition(name="reference_repos")

model_version_partitions = dg.DynamicPartitionsDefinition(name="model_versions")
"""``base`` for the base model; registered model versions add ``cs-trader-coder/<n>``
(names: ``cs_pipelines.registry.versions``)."""
