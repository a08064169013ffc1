"""The main job behind `cs-pipelines run`: the asset graph's order, run as Dagster runs.

What it materializes is a selection, ``MAIN_JOB_ASSETS`` (next to the jobs, in
``cs_pipelines.defs.automation``); the order is the asset graph's. A Dagster run covers one
partitions definition, so the plan cuts the graph's topological order into steps, each run once
per partition (once, when unpartitioned):

- a step takes every asset of one partitions definition whose upstream in the selection is done
  by then (in earlier steps, or earlier in the same step), so an unpartitioned stretch is one run;
- partitioned assets go first whenever they are ready, so the per-repository harvest opens the job;
- a partitioned step runs the partitions the caller asks for (the repositories of the list, the
  base model), then those that earlier steps added (the version the training registers).

Nothing here names an asset: adding one to the graph (within the selection) adds it to the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dagster as dg

from cs_pipelines.defs.automation import MAIN_JOB_ASSETS
from cs_pipelines.defs.partitions import model_version_partitions, reference_repo_partitions
from cs_pipelines.registry.versions import BASE_MODEL_VERSION

# How a step over one partition reads, and what the CLI says when no partition of a source
# step succeeded; a step of another partitions definition lists its assets.
_PARTITION_WORDS = {
    reference_repo_partitions.name: ("harvest {}", "no repository harvested"),
    model_version_partitions.name: ("score {}", "no model version scored"),
}
_KEY_NAMES = {BASE_MODEL_VERSION: "the base model"}


@dataclass(frozen=True)
class Step:
    """Assets of one partitions definition that run together: one run per partition."""

    assets: tuple[dg.AssetKey, ...]  # in the graph's topological order
    partitions_def: dg.PartitionsDefinition | None
    source: bool  # nothing upstream in the selection: a failed partition is skipped, not fatal

    @property
    def asset_names(self) -> list[str]:
        return [key.to_user_string() for key in self.assets]

    def label(self, partition_key: str | None = None) -> str:
        """``harvest alpha``, ``score the base model``; otherwise the assets (and partition)."""
        words = _PARTITION_WORDS.get(getattr(self.partitions_def, "name", ""))
        if partition_key is not None and words:
            return words[0].format(_KEY_NAMES.get(partition_key, partition_key))
        assets = ", ".join(self.asset_names)
        return assets if partition_key is None else f"{assets} [{partition_key}]"

    @property
    def nothing_done(self) -> str:
        words = _PARTITION_WORDS.get(getattr(self.partitions_def, "name", ""))
        return words[1] if words else f"no partition of {', '.join(self.asset_names)} succeeded"


def main_job_plan(
    defs: dg.Definitions, selection: dg.AssetSelection = MAIN_JOB_ASSETS
) -> list[Step]:
    """The selection's assets as steps in the asset graph's topological order (see the module)."""
    graph = defs.resolve_asset_graph()
    chosen = {key for key in selection.resolve(graph) if graph.get(key).is_materializable}
    order = [key for key in graph.toposorted_asset_keys if key in chosen]
    parents = {key: graph.get(key).parent_keys & chosen for key in order}
    done: set[dg.AssetKey] = set()
    steps = []
    while len(done) < len(order):
        ready = [key for key in order if key not in done and parents[key] <= done]
        first = next((k for k in ready if graph.get(k).partitions_def is not None), ready[0])
        partitions_def = graph.get(first).partitions_def
        step: list[dg.AssetKey] = []
        for key in order:  # topological: a key's parents in this step come before it
            if (
                key not in done
                and graph.get(key).partitions_def == partitions_def
                and parents[key] <= done | set(step)
            ):
                step.append(key)
        steps.append(Step(tuple(step), partitions_def, all(not parents[k] for k in step)))
        done |= set(step)
    return steps


class StepRunner:
    """Runs steps in ``instance`` (each run recorded there, so the UI shows it), a run per
    partition: those asked for (registered here), then those added since (by earlier steps)."""

    def __init__(
        self,
        defs: dg.Definitions,
        instance: dg.DagsterInstance,
        partitions: Mapping[str, Sequence[str]],
    ) -> None:
        self._job = defs.resolve_implicit_global_asset_job_def()
        self._instance = instance
        self._asked = {name: list(keys) for name, keys in partitions.items()}
        for name, keys in self._asked.items():
            instance.add_dynamic_partitions(name, keys)
        self._known = {name: set(instance.get_dynamic_partitions(name)) for name in self._asked}

    def partition_keys(self, step: Step) -> list[str | None]:
        """None for an unpartitioned step; else the asked-for keys, then any added since."""
        partitions_def = step.partitions_def
        if partitions_def is None:
            return [None]
        if not isinstance(partitions_def, dg.DynamicPartitionsDefinition):
            return list(partitions_def.get_partition_keys(dynamic_partitions_store=self._instance))
        name = partitions_def.name or ""
        known = self._known.get(name, set())
        added = [k for k in self._instance.get_dynamic_partitions(name) if k not in known]
        return [*self._asked.get(name, []), *added]

    def execute(
        self, step: Step, partition_key: str | None, run_config: Mapping[str, Any]
    ) -> dg.ExecuteInProcessResult:
        """One run of ``step`` (for ``partition_key``) with the ops of ``run_config`` it has."""
        subset = self._job.get_subset(asset_selection=set(step.assets))
        ops = {node.name for node in subset.graph.nodes}
        config = {key: value for key, value in run_config.items() if key != "ops"}
        wanted = {op: cfg for op, cfg in run_config.get("ops", {}).items() if op in ops}
        if wanted:  # Dagster rejects config for ops a run does not have
            config["ops"] = wanted
        return self._job.execute_in_process(  # the run records its assets for the UI
            instance=self._instance,
            raise_on_error=False,
            run_config=config,
            partition_key=partition_key,
            asset_selection=list(step.assets),
        )
