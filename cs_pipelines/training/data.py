"""The SFT dataset as training sees it: checked, converted to prompt/completion, length-filtered.

The ``sft_dataset`` asset saves a ``datasets.DatasetDict`` (``save_to_disk``) whose rows hold a
``messages`` column (system, user, assistant) plus metadata. SmolLM2's chat template has no
``{% generation %}`` markers and TRL ships no training template for it, so TRL's
``assistant_only_loss`` cannot mask it. Each chat is therefore split into a conversational
prompt/completion pair (prompt = every message before the final assistant turn, completion = that
turn), which TRL trains with completion-only loss: the prompt is rendered with the chat template
and ``add_generation_prompt=True``, the full chat without it, and only the tokens after the
prompt (the answer and its ``<|im_end|>``) carry loss.

The converted splits are built in memory (``Dataset.from_list``), so neither this module nor
TRL's later ``map`` calls write cache files into the upstream asset's folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cs_pipelines.training.config import ResolvedTrainingConfig, TrainingConfig, TrainingError

logger = logging.getLogger(__name__)

SPLITS = ("train", "validation")
Message = dict[str, str]


@dataclass
class PreparedSplit:
    """One split ready for ``SFTTrainer``: prompt/completion rows and what was done to them."""

    name: str
    dataset: Any  # datasets.Dataset with "prompt" and "completion" columns
    n_rows: int
    n_overlong: int
    n_dropped: int
    n_truncated: int
    n_tokens: int
    """Tokens of the kept examples (before truncation), chat template applied."""


def load_splits(dataset_dir: Path) -> dict[str, list[list[Message]]]:
    """The ``messages`` of the train and validation splits; a TrainingError says what is off."""
    from datasets import DatasetDict, load_from_disk

    if not dataset_dir.is_dir():
        raise TrainingError(f"SFT dataset folder {dataset_dir} does not exist")
    for split in _empty_splits(dataset_dir):
        raise TrainingError(f"the {split} split is empty: nothing to train on or evaluate")
    try:
        loaded = load_from_disk(str(dataset_dir))
    except Exception as exc:  # datasets raises FileNotFoundError, ValueError, ... here
        raise TrainingError(
            f"{dataset_dir} is not a dataset saved with DatasetDict.save_to_disk: {exc}"
        ) from exc
    if not isinstance(loaded, DatasetDict):
        raise TrainingError(
            f"{dataset_dir} holds a single Dataset; expected a DatasetDict with splits {SPLITS}"
        )
    out: dict[str, list[list[Message]]] = {}
    for split in SPLITS:
        if split not in loaded:
            raise TrainingError(
                f"{dataset_dir} has no {split!r} split (it has: {', '.join(loaded) or 'none'})"
            )
        if "messages" not in loaded[split].column_names:
            raise TrainingError(
                f"the {split!r} split of {dataset_dir} has no 'messages' column "
                f"(columns: {', '.join(loaded[split].column_names)})"
            )
        out[split] = list(loaded[split]["messages"])
    return out


def _empty_splits(dataset_dir: Path) -> list[str]:
    """Splits saved with no data file: ``load_from_disk`` cannot read them back (datasets 5
    fails with an IndexError), so they are found from the folder's own JSON first."""
    try:
        splits = json.loads((dataset_dir / "dataset_dict.json").read_text())["splits"]
        return [
            split
            for split in splits
            if not json.loads((dataset_dir / split / "state.json").read_text())["_data_files"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []  # not the layout we know: load_from_disk reports what is wrong


def to_prompt_completion(messages: list[Message]) -> dict[str, list[Message]]:
    """Split a chat at its final assistant turn (ValueError when it does not end with one)."""
    if not messages or messages[-1].get("role") != "assistant":
        raise ValueError("the chat does not end with an assistant message")
    if not any(m.get("role") == "user" for m in messages[:-1]):
        raise ValueError("the chat has no user message before the assistant's answer")
    clean = [{"role": m["role"], "content": m["content"]} for m in messages]
    return {"prompt": clean[:-1], "completion": clean[-1:]}


def prepare_split(
    name: str, chats: list[list[Message]], tokenizer: Any, config: ResolvedTrainingConfig
) -> PreparedSplit:
    """Convert, measure and apply the overlong policy to one split."""
    from datasets import Dataset

    rows = _convert(name, chats)
    lengths = chat_lengths(tokenizer, chats)
    overlong = [i for i, n in enumerate(lengths) if n > config.max_length]
    keep = set(range(len(rows)))
    if overlong:
        action = "dropped" if config.overlong == "drop" else "truncated (start kept)"
        logger.warning(
            "%d of %d %s examples are longer than max_length=%d tokens (longest %d): %s",
            len(overlong),
            len(rows),
            name,
            config.max_length,
            max(lengths),
            action,
        )
        if config.overlong == "drop":
            keep -= set(overlong)
    if not keep and rows:
        raise TrainingError(
            f"all {len(rows)} {name} examples are longer than max_length={config.max_length} "
            f"tokens (shortest {min(lengths)}); raise max_length or use overlong='truncate'"
        )
    kept = [rows[i] for i in sorted(keep)]
    dropped = len(rows) - len(kept)
    return PreparedSplit(
        name=name,
        dataset=Dataset.from_list(kept) if kept else None,
        n_rows=len(kept),
        n_overlong=len(overlong),
        n_dropped=dropped,
        n_truncated=len(overlong) - dropped,
        n_tokens=sum(lengths[i] for i in keep),
    )


def _convert(name: str, chats: list[list[Message]]) -> list[dict[str, list[Message]]]:
    rows, bad = [], []
    for i, messages in enumerate(chats):
        try:
            rows.append(to_prompt_completion(messages))
        except (ValueError, KeyError, TypeError) as exc:
            bad.append((i, exc))
    if bad:
        index, exc = bad[0]
        raise TrainingError(
            f"{len(bad)} {name} examples are not chats ending with an assistant answer "
            f"(first: row {index}: {exc})"
        )
    return rows


def chat_lengths(tokenizer: Any, chats: list[list[Message]]) -> list[int]:
    """Token count of each chat rendered with the tokenizer's chat template (what TRL trains on)."""
    if not chats:
        return []
    texts = [tokenizer.apply_chat_template(m, tokenize=False) for m in chats]
    return [len(ids) for ids in tokenizer(texts, add_special_tokens=False)["input_ids"]]


def check_sizes(train: PreparedSplit, validation: PreparedSplit, minimum: int) -> None:
    """Refuse a train split too small to learn from, and an empty validation split."""
    if train.n_rows == 0:
        raise TrainingError("the train split is empty: nothing to train on")
    if train.n_rows < minimum:
        raise TrainingError(
            f"the train split has {train.n_rows} usable examples, fewer than "
            f"min_train_examples={minimum}; a run this small only memorises"
        )
    if validation.n_rows == 0:
        raise TrainingError("the validation split is empty: validation loss cannot be measured")


def run_key(dataset_dir: Path, config: TrainingConfig) -> str:
    """The training run's folder name: same data and settings, same folder, which is what lets
    a restarted run resume from its checkpoints."""
    digest = hashlib.sha256(json.dumps(asdict(config), sort_keys=True).encode())
    for state in sorted(Path(dataset_dir).glob("*/state.json")):
        digest.update(state.read_bytes())  # holds the split's content fingerprint
    return digest.hexdigest()[:12]
