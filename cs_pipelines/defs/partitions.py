"""Dynamic partitions: one per reference repository, and one per model version scored."""

import dagster as dg

reference_repo_partitions = dg.DynamicPartitionsDefinition(name="reference_repos")

model_version_partitions = dg.DynamicPartitionsDefinition(name="model_versions")
"""``base`` for the base model; registered model versions add ``cs-trader-coder/<n>``
(names: ``cs_pipelines.registry.versions``)."""
