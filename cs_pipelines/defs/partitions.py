"""Dynamic partitions: one per reference repository, and one per model version scored."""

import dagster as dg

reference_repo_partitions = dg.DynamicPartitionsDefinition(name="reference_repos")

model_version_partitions = dg.DynamicPartitionsDefinition(name="model_versions")
"""``base`` for the base model; registered model versions add ``cs-trader-coder/<n>``."""
BASE_MODEL_VERSION = "base"
REGISTERED_MODEL_PREFIX = "cs-trader-coder/"


def registered_version_key(version: str) -> str:
    """The partition of a registered model version: ``cs-trader-coder/<n>``."""
    return f"{REGISTERED_MODEL_PREFIX}{version}"


def registered_version(partition_key: str) -> str | None:
    """The registry version number a partition stands for; None for ``base``."""
    if partition_key.startswith(REGISTERED_MODEL_PREFIX):
        return partition_key[len(REGISTERED_MODEL_PREFIX) :]
    return None
