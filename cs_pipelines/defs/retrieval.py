"""`commit_index`: every curated instruction embedded and searchable, kept up to date."""

import json

import dagster as dg
import polars as pl

from cs_pipelines import paths
from cs_pipelines.defs.config import launchpad_config, to_stage_config
from cs_pipelines.defs.resources import WarehouseResource
from cs_pipelines.reporting import markdown_table
from cs_pipelines.retrieval.config import CommitIndexConfig
from cs_pipelines.retrieval.embedder import Embedder
from cs_pipelines.retrieval.index import CommitIndex, IndexUpdate, build_or_update, recall_at_k
from cs_pipelines.retrieval.prompts import PromptBuilder
from cs_pipelines.warehouse.tables import COMMIT_INDEX_MAP, COMMIT_INSTRUCTIONS

CommitIndexRunConfig = launchpad_config(
    CommitIndexConfig,
    "CommitIndexRunConfig",
    "Embedding model, text recipe and FAISS index parameters of the commit index.",
)

EXAMPLE_QUERIES = (
    "add a trailing stop to the breakout strategy",
    "fix the RSI warm-up period",
    "size positions by volatility",
)
MIN_RECALL_AT_10 = 0.95


@dg.asset(
    deps=["commit_instructions"],
    kinds={"faiss", "duckdb"},
    group_name="retrieval",
    automation_condition=dg.AutomationCondition.eager(),
    metadata={"dagster/table_name": COMMIT_INDEX_MAP.name},
    check_specs=[
        dg.AssetCheckSpec(
            "commit_index_vector_count",
            asset="commit_index",
            blocking=True,
            description="The index holds exactly one vector per commit instruction.",
        ),
        dg.AssetCheckSpec(
            "commit_index_dimension",
            asset="commit_index",
            blocking=True,
            description="The index's dimension is the embedding model's.",
        ),
        dg.AssetCheckSpec(
            "commit_index_recall",
            asset="commit_index",
            description=f"Approximate recall@10 against exact search is at least "
            f"{MIN_RECALL_AT_10}.",
        ),
    ],
)
def commit_index(
    context: dg.AssetExecutionContext, config: CommitIndexRunConfig, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Sentence embeddings of every commit instruction in a FAISS index (exact while small,
    IVF or HNSW past a threshold) under CS_DATA_DIR/artifacts/commit_index, with the vector id
    to (repo, sha) map in the warehouse table commit_index_map. Refreshes embed only new or
    changed instructions; a new embedding model rebuilds from scratch. Used by the prompt
    builder (`cs-pipelines retrieve`) to find few-shot examples for a task.

    Its checks run here, on the index and model already loaded, rather than loading both again.
    """
    stage = to_stage_config(config, CommitIndexConfig)
    store = warehouse.warehouse
    instructions = COMMIT_INSTRUCTIONS.read(
        store,
        columns=["repo", "sha", "instruction", "diff", "language", "old_path", "new_path"],
        order_by=["repo", "sha"],
    )
    embedder = Embedder.from_config(stage)
    root = paths.commit_index_dir()
    update = build_or_update(instructions, root, embedder, stage, log=context.log.info)
    index = CommitIndex.load(root)
    COMMIT_INDEX_MAP.replace(
        store,
        index.payload.select("vector_id", "repo", "sha", "text_hash").with_columns(
            pl.lit(index.manifest.version).alias("index_version")
        ),
    )
    return dg.MaterializeResult(
        metadata=_index_metadata(update, index, embedder),
        check_results=_index_checks(index, embedder, n_instructions=instructions.height),
    )


def _index_metadata(
    update: IndexUpdate, index: CommitIndex, embedder: Embedder
) -> dict[str, object]:
    manifest = index.manifest
    return {
        "dagster/row_count": dg.MetadataValue.int(manifest.n_vectors),
        "mode": update.mode,
        "reason": update.reason,
        "added": dg.MetadataValue.int(update.n_added),
        "changed": dg.MetadataValue.int(update.n_changed),
        "removed": dg.MetadataValue.int(update.n_removed),
        "model": manifest.model,
        "dimension": dg.MetadataValue.int(manifest.dimension),
        "index_kind": manifest.kind,
        "index_params": dg.MetadataValue.json(manifest.params),
        "embed_seconds": dg.MetadataValue.float(round(update.embed_seconds, 3)),
        "build_seconds": dg.MetadataValue.float(round(update.build_seconds, 3)),
        "version": manifest.version,
        "path": dg.MetadataValue.path(str(index.root)),
        "example_queries": dg.MetadataValue.md(_example_hits(index, embedder)),
    }


def _example_hits(index: CommitIndex, embedder: Embedder) -> str:
    if index.manifest.n_vectors == 0:
        return "_the index is empty: no commit instructions yet_"
    builder = PromptBuilder(index, embedder)
    rows = [
        {"query": query, "score": round(hit.score, 3), "repo": hit.repo,
         "sha": hit.sha[:10], "instruction": hit.instruction}
        for query in EXAMPLE_QUERIES
        for hit in builder.retrieve(query, k=3, token_budget=None)
    ]  # fmt: skip
    return markdown_table(pl.DataFrame(rows), max_rows=len(rows))


def _index_checks(
    index: CommitIndex, embedder: Embedder, n_instructions: int
) -> list[dg.AssetCheckResult]:
    manifest = index.manifest
    recall = recall_at_k(index, k=10) if manifest.n_vectors else 1.0
    return [
        dg.AssetCheckResult(
            check_name="commit_index_vector_count",
            passed=manifest.n_vectors == n_instructions,
            metadata={"vectors": manifest.n_vectors, "instructions": n_instructions},
        ),
        dg.AssetCheckResult(
            check_name="commit_index_dimension",
            passed=manifest.dimension == embedder.dimension,
            metadata={
                "index_dimension": manifest.dimension,
                "model_dimension": embedder.dimension,
                "model": manifest.model,
            },
        ),
        dg.AssetCheckResult(
            check_name="commit_index_recall",
            passed=recall >= MIN_RECALL_AT_10,
            metadata={
                "recall_at_10": dg.MetadataValue.float(round(recall, 4)),
                "index_kind": manifest.kind,
                "params": dg.MetadataValue.text(json.dumps(manifest.params)),
            },
        ),
    ]
