"""The retrieval stage's one settings object (every field a scalar, so the launchpad mirrors it)."""

from __future__ import annotations

from dataclasses import dataclass

INDEX_KINDS = ("auto", "flat", "ivf", "hnsw")


@dataclass(frozen=True)
class CommitIndexConfig:
    """How commit instructions are embedded and indexed.

    ``model``, ``include_code``, ``code_chars`` and ``max_seq_length`` decide the vectors: changing
    any of them re-embeds everything. The index fields only decide the FAISS structure, which is
    rebuilt from stored vectors without re-embedding.
    """

    # The packaged default ("all-MiniLM-L6-v2"), a local sentence-transformers folder, or a hub id
    # (only when allow_hub_download).
    model: str = "all-MiniLM-L6-v2"
    allow_hub_download: bool = False
    include_code: bool = False  # embed the instruction plus the diff's first code_chars chars
    code_chars: int = 2000
    batch_size: int = 64
    max_seq_length: int = 256
    # auto: exact (flat) up to exact_max_vectors vectors, IVF past it; hnsw only when asked.
    index_kind: str = "auto"
    exact_max_vectors: int = 50_000
    ivf_nlist: int = 0  # 0: about 4*sqrt(n), capped at n/39 so k-means has enough training points
    ivf_nprobe: int = 32
    hnsw_m: int = 32
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 64
    recall_sample: int = 200  # queries for the recall@10 check
    seed: int = 0

    def __post_init__(self) -> None:
        problems = [
            message
            for failed, message in [
                (self.index_kind not in INDEX_KINDS, f"index_kind must be one of {INDEX_KINDS}"),
                (self.code_chars < 0, "code_chars must be >= 0"),
                (self.batch_size < 1, "batch_size must be >= 1"),
                (self.max_seq_length < 1, "max_seq_length must be >= 1"),
                (self.exact_max_vectors < 0, "exact_max_vectors must be >= 0"),
                (self.ivf_nlist < 0, "ivf_nlist must be >= 0 (0: automatic)"),
                (self.ivf_nprobe < 1, "ivf_nprobe must be >= 1"),
                (self.hnsw_m < 2, "hnsw_m must be >= 2"),
                (self.hnsw_ef_construction < 1, "hnsw_ef_construction must be >= 1"),
                (self.hnsw_ef_search < 1, "hnsw_ef_search must be >= 1"),
                (self.recall_sample < 1, "recall_sample must be >= 1"),
            ]
            if failed
        ]
        if problems:
            raise ValueError(f"invalid CommitIndexConfig: {', '.join(problems)}")
