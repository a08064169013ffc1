"""Where the platform writes: everything lives under ``CS_DATA_DIR`` (default ``./data``)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The root of everything the platform writes (``CS_DATA_DIR``, default ``./data``)."""
    return Path(os.environ.get("CS_DATA_DIR", "data")).resolve()


def warehouse_path() -> Path:
    return data_dir() / "warehouse.duckdb"


def mirrors_dir() -> Path:
    """Bare mirrors of the reference repositories, one ``<name>.git`` folder each."""
    return data_dir() / "mirrors"


def staging_dir() -> Path:
    """Scratch space for harvest batches before they are upserted into the warehouse."""
    return data_dir() / "staging"


def artifacts_dir() -> Path:
    return data_dir() / "artifacts"


def commit_index_dir() -> Path:
    """The FAISS commit index: versioned folders plus a ``CURRENT`` pointer."""
    return artifacts_dir() / "commit_index"


def base_model_dir() -> Path:
    """The base model as a local Hugging Face folder."""
    return artifacts_dir() / "models" / "base"


def cryptoeval_dir() -> Path:
    """The CryptoEval task file and, later, samples and scores."""
    return artifacts_dir() / "cryptoeval"


def cryptoeval_tasks_file() -> Path:
    """The CryptoEval tasks as JSONL: what every model version is scored on."""
    return cryptoeval_dir() / "cryptoeval.jsonl"


SFT_DATASET_DIR = "sft/dataset"
"""The SFT dataset's folder under the artifacts folder."""


def sft_dataset_dir() -> Path:
    """The SFT dataset (``datasets.save_to_disk``): training and held-out scoring read it."""
    return artifacts_dir() / SFT_DATASET_DIR


def training_dir() -> Path:
    """LoRA training runs, one folder per run key (same data and settings, same folder)."""
    return artifacts_dir() / "training"


def reference_repos_file() -> Path:
    """The repository list: ``CS_REFERENCE_REPOS`` or ``<CS_DATA_DIR>/reference_repos.yaml``.

    Falls back to the committed list in the project's ``data/`` when ``CS_DATA_DIR`` points
    elsewhere and holds no list of its own.
    """
    configured = os.environ.get("CS_REFERENCE_REPOS")
    if configured:
        return Path(configured).resolve()
    in_data_dir = data_dir() / "reference_repos.yaml"
    if in_data_dir.exists():
        return in_data_dir
    return PROJECT_ROOT / "data" / "reference_repos.yaml"
