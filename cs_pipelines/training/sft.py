"""LoRA supervised fine-tuning with TRL's ``SFTTrainer`` and a peft ``LoraConfig``.

``train_lora`` checks its inputs before it writes anything, trains on the chat template's
rendering of each example with loss on the assistant's answer only (see ``data.py`` for how),
measures validation loss before and after training, checkpoints every ``save_steps`` under
``output_dir/checkpoints`` and resumes from the latest checkpoint when a previous run left one.
Only a finished run writes ``output_dir/adapter`` (adapter weights and the tokenizer), and it
does so through a temporary sibling folder renamed into place, so ``adapter/`` always holds a
whole adapter or the previous one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import resource
import shutil
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from transformers import PrinterCallback

from cs_pipelines.models.cpu import torch_threads
from cs_pipelines.models.device import cuda_available, default_device
from cs_pipelines.training.callbacks import (
    GuardedTrainerMixin,
    NanGuard,
    ProgressFn,
    ProgressReporter,
    log_progress,
)
from cs_pipelines.training.config import (
    ResolvedTrainingConfig,
    TrainingConfig,
    TrainingError,
    resolve,
)
from cs_pipelines.training.data import (
    PreparedSplit,
    check_sizes,
    load_splits,
    prepare_split,
)

logger = logging.getLogger(__name__)

ADAPTER_DIRNAME = "adapter"
CHECKPOINTS_DIRNAME = "checkpoints"
RUN_MANIFEST = "cs_training.json"
"""Written into ``checkpoints/`` (what a resumed run must match) and ``adapter/`` (provenance)."""
_CHECKPOINT = re.compile(r"^checkpoint-(\d+)$")
# Values a checkpoint cannot be resumed across: they change the adapter's shape or its base.
_STRUCTURAL = ("base_model_dir", "lora_r", "lora_alpha", "target_modules")


@dataclass(frozen=True)
class TrainingResult:
    """What one call of :func:`train_lora` produced.

    ``train_loss`` is the last logged training loss (the mean over the last ``logging_steps``
    steps); ``eval_loss_before`` is the base model's validation loss (the adapter starts as a
    no-op), ``eval_loss_after`` the trained adapter's. ``steps`` and ``tokens_seen`` count the
    whole run, checkpoints before a resume included; ``tokens_per_s`` counts this call's
    training only (non-padding tokens over training wall time). ``history`` holds one dict per
    logged step (``step`` plus ``loss``, ``eval_loss``, ``learning_rate``, ...).
    """

    adapter_dir: Path
    config: ResolvedTrainingConfig
    train_loss: float
    eval_loss_before: float
    eval_loss_after: float
    steps: int
    tokens_seen: int
    tokens_per_s: float
    duration_s: float
    peak_memory_mb: float
    resumed_from: Path | None
    n_train_examples: int
    n_eval_examples: int
    n_overlong_dropped: int
    n_overlong_truncated: int
    history: list[dict[str, float]] = field(default_factory=list)
    cpu_threads: int = 0
    """torch intra-op threads the run used (see ``TrainingConfig.cpu_threads``)."""

    kind = "sft"
    step_metrics = ("loss", "eval_loss", "learning_rate", "grad_norm", "mean_token_accuracy")
    """The per-step records MLflow gets (:func:`cs_pipelines.registry.log_training_run`)."""

    @property
    def preset(self) -> str:
        return self.config.preset

    def mlflow_params(self) -> dict[str, Any]:
        return {
            **self.config.as_params(),
            "n_train_examples": self.n_train_examples,
            "n_eval_examples": self.n_eval_examples,
            "n_overlong_dropped": self.n_overlong_dropped,
            "n_overlong_truncated": self.n_overlong_truncated,
            "resumed_from": str(self.resumed_from) if self.resumed_from else "",
            "cpu_threads_used": self.cpu_threads,
        }

    def final_metrics(self) -> dict[str, float]:
        return {
            "final/train_loss": self.train_loss,
            "final/eval_loss_before": self.eval_loss_before,
            "final/eval_loss_after": self.eval_loss_after,
            "final/steps": self.steps,
            "final/tokens_seen": self.tokens_seen,
            "final/tokens_per_s": self.tokens_per_s,
            "final/duration_s": self.duration_s,
            "final/peak_memory_mb": self.peak_memory_mb,
        }

    def as_metadata(self) -> dict[str, Any]:
        """JSON-friendly summary (asset metadata); the history is left out."""
        return {
            "adapter_dir": str(self.adapter_dir),
            "preset": self.config.preset,
            "device": self.config.device,
            "train_loss": self.train_loss,
            "eval_loss_before": self.eval_loss_before,
            "eval_loss_after": self.eval_loss_after,
            "steps": self.steps,
            "tokens_seen": self.tokens_seen,
            "tokens_per_s": round(self.tokens_per_s, 1),
            "duration_s": round(self.duration_s, 1),
            "peak_memory_mb": round(self.peak_memory_mb, 1),
            "resumed_from": str(self.resumed_from) if self.resumed_from else None,
            "n_train_examples": self.n_train_examples,
            "n_eval_examples": self.n_eval_examples,
            "n_overlong_dropped": self.n_overlong_dropped,
            "n_overlong_truncated": self.n_overlong_truncated,
            "cpu_threads": self.cpu_threads,
        }


def train_lora(
    base_model_dir: Path,
    dataset_dir: Path,
    output_dir: Path,
    config: TrainingConfig,
    progress: ProgressFn | None = None,
) -> TrainingResult:
    """Fine-tune a LoRA adapter on ``dataset_dir`` over ``base_model_dir``; see the module doc.

    Raises:
        TrainingError: a missing base model, dataset folder or split; chats that do not end
            with an assistant answer; a train split below ``min_train_examples``; every example
            over ``max_length``; incompatible checkpoints; a NaN or infinite loss.
    """
    started = time.perf_counter()
    base_model_dir, dataset_dir = Path(base_model_dir).resolve(), Path(dataset_dir).resolve()
    output_dir = Path(output_dir).resolve()
    _check_base_model(base_model_dir)
    cuda = cuda_available()
    resolved = resolve(config, cuda)
    tokenizer = load_tokenizer(base_model_dir)
    train, validation = _prepare(dataset_dir, tokenizer, resolved)

    checkpoints = output_dir / CHECKPOINTS_DIRNAME
    manifest = _manifest(base_model_dir, dataset_dir, resolved)
    resume_from = _resume_point(checkpoints, manifest, resolved.resume)
    checkpoints.mkdir(parents=True, exist_ok=True)
    (checkpoints / RUN_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    if cuda:
        torch.cuda.reset_peak_memory_stats()

    reporter, guard = ProgressReporter(progress or log_progress), NanGuard()
    trainer = _build_trainer(
        base_model_dir, tokenizer, train, validation, checkpoints, resolved, [reporter, guard]
    )
    trainer.nan_guard = guard
    trainer.remove_callback(PrinterCallback)  # progress events replace its printed dicts
    logger.info(
        "LoRA SFT (%s preset on %s): %d train / %d validation examples%s",
        resolved.preset,
        resolved.device,
        train.n_rows,
        validation.n_rows,
        f", resuming from {resume_from.name}" if resume_from else "",
    )
    with cpu_threads(resolved) as threads:
        before = _evaluate(trainer, guard)
        train_started = time.perf_counter()
        trainer.train(resume_from_checkpoint=str(resume_from) if resume_from else None)
        train_seconds = time.perf_counter() - train_started
        if guard.bad is not None:
            raise TrainingError(guard.describe())
        after = _final_eval_loss(trainer, guard)

    adapter_dir = save_adapter(trainer, tokenizer, output_dir / ADAPTER_DIRNAME, manifest)
    state = trainer.state
    return TrainingResult(
        adapter_dir=adapter_dir,
        config=resolved,
        train_loss=_last(state.log_history, "loss"),
        eval_loss_before=before,
        eval_loss_after=after,
        steps=state.global_step,
        tokens_seen=int(state.num_input_tokens_seen),
        tokens_per_s=(state.num_input_tokens_seen - reporter.start_tokens) / train_seconds,
        duration_s=time.perf_counter() - started,
        peak_memory_mb=peak_memory_mb(cuda),
        resumed_from=resume_from,
        n_train_examples=train.n_rows,
        n_eval_examples=validation.n_rows,
        n_overlong_dropped=train.n_dropped + validation.n_dropped,
        n_overlong_truncated=train.n_truncated + validation.n_truncated,
        history=_history(before, state.log_history),
        cpu_threads=threads,
    )


def _check_base_model(base_model_dir: Path) -> None:
    if not base_model_dir.is_dir():
        raise TrainingError(
            f"base model folder {base_model_dir} does not exist; materialize it first "
            "(cs_pipelines.models.materialize_base_model)"
        )
    if not (base_model_dir / "config.json").is_file():
        raise TrainingError(f"{base_model_dir} is not a Hugging Face model folder (no config.json)")


def load_tokenizer(model_dir: Path) -> Any:
    """The model's tokenizer with a pad token (EOS when it has none), right-padded for training."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if not getattr(tokenizer, "chat_template", None):
        raise TrainingError(f"the tokenizer in {model_dir} has no chat template to train with")
    return tokenizer


def _prepare(
    dataset_dir: Path, tokenizer: Any, resolved: ResolvedTrainingConfig
) -> tuple[PreparedSplit, PreparedSplit]:
    chats = load_splits(dataset_dir)
    if resolved.eval_examples > 0:
        chats["validation"] = chats["validation"][: resolved.eval_examples]
    train = prepare_split("train", chats["train"], tokenizer, resolved)
    validation = prepare_split("validation", chats["validation"], tokenizer, resolved)
    check_sizes(train, validation, resolved.min_train_examples)
    return train, validation


def _manifest(base_model_dir: Path, dataset_dir: Path, resolved: ResolvedTrainingConfig) -> dict:
    return {
        "base_model_dir": str(base_model_dir),
        "dataset_dir": str(dataset_dir),
        **resolved.as_params(),
    }


def latest_checkpoint(checkpoints: Path) -> Path | None:
    """The highest-numbered complete checkpoint (one whose trainer state was written)."""
    if not checkpoints.is_dir():
        return None
    found = [
        (int(m.group(1)), path)
        for path in checkpoints.iterdir()
        if (m := _CHECKPOINT.match(path.name)) and (path / "trainer_state.json").is_file()
    ]
    return max(found)[1] if found else None


def _resume_point(checkpoints: Path, manifest: dict, resume: bool) -> Path | None:
    """The checkpoint to resume from; refuses checkpoints of an adapter with another shape."""
    latest = latest_checkpoint(checkpoints)
    if latest is None:
        return None
    if not resume:
        logger.info("resume=False: deleting the checkpoints in %s", checkpoints)
        shutil.rmtree(checkpoints)
        return None
    try:
        previous = json.loads((checkpoints / RUN_MANIFEST).read_text())
    except (OSError, ValueError):
        previous = {}
    changed = [k for k in _STRUCTURAL if previous.get(k) != manifest[k]]
    if changed:
        raise TrainingError(
            f"the checkpoints in {checkpoints} were trained with different "
            f"{', '.join(changed)}; resume=False starts over (deleting them), or use another "
            "output folder"
        )
    return latest


def _build_trainer(
    base_model_dir: Path,
    tokenizer: Any,
    train: PreparedSplit,
    validation: PreparedSplit,
    checkpoints: Path,
    resolved: ResolvedTrainingConfig,
    callbacks: list[Any],
) -> Any:
    from transformers import AutoModelForCausalLM
    from trl import SFTTrainer

    class _Trainer(GuardedTrainerMixin, SFTTrainer):
        pass

    dtype = torch.bfloat16 if resolved.bf16 else torch.float32
    model = AutoModelForCausalLM.from_pretrained(base_model_dir, dtype=dtype, local_files_only=True)
    lora = lora_config(resolved)
    with quiet_peft():
        return _Trainer(
            model=model,
            args=sft_config(resolved, checkpoints),
            train_dataset=train.dataset,
            eval_dataset=validation.dataset,
            processing_class=tokenizer,
            peft_config=lora,
            callbacks=callbacks,
        )


def lora_config(resolved: ResolvedTrainingConfig) -> Any:
    """The peft ``LoraConfig`` of a resolved run: its rank, alpha, dropout and modules."""
    from peft import LoraConfig

    return LoraConfig(
        r=resolved.lora_r,
        lora_alpha=resolved.lora_alpha,
        lora_dropout=resolved.lora_dropout,
        target_modules=list(resolved.target_modules),
        bias="none",
        task_type="CAUSAL_LM",
    )


@contextlib.contextmanager
def cpu_threads(resolved: ResolvedTrainingConfig) -> Iterator[int]:
    """Set torch's intra-op threads for the run (restored afterwards); yields the count used.

    Automatic (``cpu_threads=0``) on a CPU: one thread when other processes keep the cores
    busy (:func:`cs_pipelines.models.cpu.free_threads`), as the generator does for decoding;
    otherwise torch's default.
    """
    before = torch.get_num_threads()
    automatic = resolved.cpu_threads == 0 and resolved.device == "cpu"
    with torch_threads(0 if automatic else resolved.cpu_threads or before) as wanted:
        if wanted != before:
            logger.info("Training on %d CPU thread(s) (torch default %d)", wanted, before)
        yield wanted


@contextlib.contextmanager
def quiet_peft() -> Iterator[None]:
    """peft reads transformers' deprecated ``is_gradient_checkpointing``: nothing to act on."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*")
        yield


def sft_config(resolved: ResolvedTrainingConfig, checkpoints: Path, **overrides: Any) -> Any:
    """TRL's ``SFTConfig`` for the resolved values (TRL 1.x field names); ``overrides`` replace
    any of its fields (the training benchmark turns evaluation and checkpoints off)."""
    from trl import SFTConfig

    cuda = resolved.device == "cuda"
    values: dict[str, Any] = dict(
        output_dir=str(checkpoints),
        per_device_train_batch_size=resolved.batch_size,
        per_device_eval_batch_size=resolved.batch_size,
        gradient_accumulation_steps=resolved.grad_accum,
        learning_rate=resolved.learning_rate,
        num_train_epochs=resolved.epochs,
        max_steps=resolved.max_steps,
        lr_scheduler_type=resolved.lr_scheduler,
        warmup_steps=resolved.warmup_ratio,  # a float in [0, 1) is a ratio of the total
        weight_decay=resolved.weight_decay,
        logging_steps=resolved.logging_steps,
        logging_first_step=True,
        eval_strategy="steps",
        eval_steps=resolved.eval_steps,
        save_strategy="steps",
        save_steps=resolved.save_steps,
        save_total_limit=2,
        max_length=resolved.max_length,
        truncation_mode="keep_start",
        completion_only_loss=True,  # prompt/completion rows: loss on the answer only
        assistant_only_loss=False,  # SmolLM2's template has no {% generation %} markers
        packing=False,
        bf16=resolved.bf16,
        fp16=False,
        use_cpu=not cuda,
        activation_checkpointing=False,  # 135M parameters: small activations; speed matters
        seed=resolved.seed,
        data_seed=resolved.seed,
        include_num_input_tokens_seen="non_padding",
        dataloader_pin_memory=cuda,
        report_to="none",
        disable_tqdm=not _on_terminal(),
    )
    return SFTConfig(**{**values, **overrides})


def _on_terminal() -> bool:
    import sys

    return sys.stderr.isatty()


def _evaluate(trainer: Any, guard: NanGuard) -> float:
    """Validation loss before training (the base model's: a fresh LoRA adapter is a no-op)."""
    loss = float(trainer.evaluate()["eval_loss"])
    if guard.bad is not None:
        raise TrainingError(guard.describe())
    return loss


def _final_eval_loss(trainer: Any, guard: NanGuard) -> float:
    """The last evaluation if it was at the final step, else a fresh one (nothing was left)."""
    final = trainer.state.global_step
    evals = [e for e in trainer.state.log_history if "eval_loss" in e]
    if evals and evals[-1].get("step") == final:
        return float(evals[-1]["eval_loss"])
    loss = float(trainer.evaluate()["eval_loss"])
    if guard.bad is not None:
        raise TrainingError(guard.describe())
    return loss


def save_adapter(
    trainer: Any,
    tokenizer: Any,
    adapter_dir: Path,
    manifest: dict,
    manifest_name: str = RUN_MANIFEST,
) -> Path:
    """Write the adapter, tokenizer and ``manifest`` next to ``adapter_dir``, then rename into
    place: ``adapter_dir`` holds a whole adapter or the previous one."""
    tmp = adapter_dir.parent / f".{adapter_dir.name}.tmp-{uuid.uuid4().hex[:8]}"
    try:
        trainer.model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        (tmp / manifest_name).write_text(json.dumps(manifest, indent=2, default=str) + "\n")
        old = None
        if adapter_dir.exists():
            old = adapter_dir.parent / f".{adapter_dir.name}.old-{uuid.uuid4().hex[:8]}"
            os.replace(adapter_dir, old)
        os.replace(tmp, adapter_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return adapter_dir


def peak_memory_mb(cuda: bool) -> float:
    """Peak GPU memory allocated by torch on CUDA, else this process's peak RSS."""
    if cuda:
        return torch.cuda.max_memory_allocated() / 2**20
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _last(history: list[dict[str, Any]], key: str) -> float:
    values = [e[key] for e in history if key in e]
    return float(values[-1]) if values else float("nan")


def _history(before: float, log_history: list[dict[str, Any]]) -> list[dict[str, float]]:
    """Numeric per-step records: the evaluation before training, then the Trainer's logs."""
    rows = [{"step": 0.0, "eval_loss": before}]
    for entry in log_history:
        if "train_loss" in entry:  # the end-of-training summary, not a step
            continue
        rows.append({k: float(v) for k, v in entry.items() if isinstance(v, int | float)})
    return rows


def load_adapter_model(
    base_model_dir: Path,
    adapter_dir: Path,
    device: str | None = None,
    dtype: str | None = None,
    merge: bool = False,
) -> tuple[Any, Any]:
    """The base model with the adapter applied (eval mode) and the adapter's tokenizer.

    ``device`` defaults to CUDA when available; weights load in ``dtype`` (a name, or ``auto``
    as :func:`~cs_pipelines.models.device.resolve_dtype` says), by default float32 on CPU and
    bfloat16 on CUDA. ``merge`` folds the adapter into the weights: faster to generate with,
    but no longer a peft model.
    """
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from cs_pipelines.models.device import resolve_dtype

    base_model_dir, adapter_dir = Path(base_model_dir), Path(adapter_dir)
    _check_base_model(base_model_dir)
    if not (adapter_dir / "adapter_config.json").is_file():
        raise TrainingError(f"{adapter_dir} holds no LoRA adapter (no adapter_config.json)")
    device = device or default_device()
    if dtype is None:
        dtype = "bfloat16" if device.startswith("cuda") else "float32"
    torch_dtype = getattr(torch, resolve_dtype(dtype, device))
    base = AutoModelForCausalLM.from_pretrained(
        base_model_dir, dtype=torch_dtype, local_files_only=True
    )
    with quiet_peft():
        model = PeftModel.from_pretrained(base, adapter_dir).to(device)
    if merge:
        model = model.merge_and_unload()
    model.eval()
    tokenizer = load_tokenizer(adapter_dir)
    return model, tokenizer
