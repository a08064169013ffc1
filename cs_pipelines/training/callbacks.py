"""Trainer callbacks: progress events for the caller, and a guard that stops on a NaN loss.

Progress goes to a plain callable (the Dagster asset routes it to ``context.log``; a notebook can
print it), one event per logging step and per evaluation, so a run that takes an hour says where
it is and when it will end.

The NaN guard is fed every micro-batch's loss by the trainer (:class:`GuardedTrainerMixin`)
rather than reading the logs: the Trainer's logs average a window of steps and, by default, hide
non-finite losses (``logging_nan_inf_filter``), and a checkpoint written between two log steps
would carry the broken weights into every resumed run.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

from transformers import TrainerCallback

logger = logging.getLogger(__name__)

ProgressFn = Callable[[dict[str, Any]], None]


class ProgressReporter(TrainerCallback):
    """Calls ``progress`` with step, max steps, losses, tokens/s, elapsed and ETA on every log."""

    def __init__(self, progress: ProgressFn | None) -> None:
        self.progress = progress
        self.started: float | None = None
        self.start_step = 0
        self.start_tokens = 0
        self.last_eval_loss: float | None = None

    def on_train_begin(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        # Called after a checkpoint's state was loaded: rates count this session only.
        self.started = time.perf_counter()
        self.start_step = state.global_step
        self.start_tokens = state.num_input_tokens_seen

    def on_log(self, args: Any, state: Any, control: Any, logs: Any = None, **kwargs: Any) -> None:
        logs = logs or {}
        if "eval_loss" in logs:
            self.last_eval_loss = float(logs["eval_loss"])
        if self.progress is None or not ({"loss", "eval_loss"} & logs.keys()):
            return
        self.progress(self.event(state, logs))

    def event(self, state: Any, logs: dict[str, Any]) -> dict[str, Any]:
        """One progress record (also used for the evaluation before training)."""
        elapsed = time.perf_counter() - self.started if self.started is not None else 0.0
        done = state.global_step - self.start_step
        tokens = state.num_input_tokens_seen - self.start_tokens
        remaining = max(state.max_steps - state.global_step, 0)
        eta = elapsed / done * remaining if done > 0 else None
        return {
            "event": "eval" if "eval_loss" in logs else "train",
            "step": state.global_step,
            "max_steps": state.max_steps or None,  # unknown before training starts
            "epoch": state.epoch,
            "loss": _float(logs.get("loss")),
            "eval_loss": self.last_eval_loss,
            "learning_rate": _float(logs.get("learning_rate")),
            "tokens_seen": state.num_input_tokens_seen,
            "tokens_per_s": tokens / elapsed if elapsed > 0 else None,
            "elapsed_s": elapsed,
            "eta_s": eta,
        }


class NanGuard(TrainerCallback):
    """Stops training at the first non-finite loss, before that step can be evaluated or saved."""

    def __init__(self) -> None:
        self.bad: tuple[int, float, str] | None = None
        """(step, value, "train" or "eval") of the first non-finite loss."""

    def observe(self, loss: float, step: int) -> None:
        if self.bad is None and not math.isfinite(loss):
            self.bad = (step, loss, "train")

    def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if self.bad is not None:
            control.should_training_stop = True
            control.should_save = False
            control.should_evaluate = False
            control.should_log = False

    def on_evaluate(
        self, args: Any, state: Any, control: Any, metrics: Any = None, **kwargs: Any
    ) -> None:
        value = (metrics or {}).get("eval_loss")
        if value is not None and not math.isfinite(value) and self.bad is None:
            self.bad = (state.global_step, float(value), "eval")
            control.should_training_stop = True
            control.should_save = False

    def describe(self) -> str:
        assert self.bad is not None
        step, value, kind = self.bad
        which = "training loss" if kind == "train" else "validation loss"
        return (
            f"the {which} became {value} at step {step}; training stopped and no checkpoint of "
            "that step was kept (lower the learning rate, or check the data for empty answers)"
        )


class GuardedTrainerMixin:
    """Feeds every micro-batch's loss to a :class:`NanGuard` (mixed into TRL's SFTTrainer)."""

    nan_guard: NanGuard

    def training_step(self, *args: Any, **kwargs: Any) -> Any:
        loss = super().training_step(*args, **kwargs)  # type: ignore[misc]
        self.nan_guard.observe(float(loss.detach()), self.state.global_step + 1)  # type: ignore[attr-defined]
        return loss


def format_progress(event: dict[str, Any]) -> str:
    """One human line for a progress event (what Dagster's log and ``log_progress`` show)."""
    parts = [f"step {event['step']}/{event['max_steps'] or '?'}"]
    for key, label, fmt in (
        ("loss", "loss", "{:.4f}"),
        ("eval_loss", "eval loss", "{:.4f}"),
        ("tokens_per_s", "tokens/s", "{:.0f}"),
        ("elapsed_s", "elapsed", "{:.0f} s"),
        ("eta_s", "ETA", "{:.0f} s"),
    ):
        if event.get(key) is not None:
            parts.append(f"{label} " + fmt.format(event[key]))
    return ("evaluation: " if event["event"] == "eval" else "") + ", ".join(parts)


def log_progress(event: dict[str, Any]) -> None:
    """The default progress sink: one INFO line per event."""
    logger.info("%s", format_progress(event))


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
