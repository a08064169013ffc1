"""One dynamic partition per reference repository, registered from the repository list."""

import dagster as dg

reference_repo_partitions = dg.DynamicPartitionsDefinition(name="reference_repos")
