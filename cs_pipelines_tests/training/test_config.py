"""Training presets: what "auto" picks, what 0 / -1 / "" fall back to, and the launchpad form."""

from __future__ import annotations

import pytest

from cs_pipelines.training import TrainingConfig, resolve
from cs_pipelines.training.config import DEFAULT_TARGET_MODULES


def test_auto_is_smoke_on_a_cpu_and_standard_on_cuda() -> None:
    cpu, gpu = resolve(TrainingConfig(), cuda=False), resolve(TrainingConfig(), cuda=True)
    assert (cpu.preset, cpu.device, cpu.bf16) == ("smoke", "cpu", False)
    assert (cpu.max_steps, cpu.max_length, cpu.batch_size, cpu.lora_r) == (12, 1024, 4, 8)
    assert (gpu.preset, gpu.device, gpu.bf16) == ("standard", "cuda", True)
    assert (gpu.max_steps, gpu.epochs, gpu.lora_r) == (-1, 3.0, 16)
    assert gpu.batch_size > cpu.batch_size
    assert cpu.target_modules == tuple(DEFAULT_TARGET_MODULES.split(","))


def test_every_field_overrides_its_preset_value() -> None:
    config = TrainingConfig(
        preset="standard",
        learning_rate=1e-3,
        epochs=1.5,
        max_steps=7,
        batch_size=2,
        grad_accum=3,
        max_length=256,
        lora_r=4,
        lora_alpha=4,
        lora_dropout=0.0,
        target_modules=" q_proj, v_proj ",
        eval_steps=3,
        save_steps=6,
        logging_steps=2,
        seed=0,
        eval_examples=-1,
    )
    resolved = resolve(config, cuda=False)
    assert resolved.preset == "standard" and resolved.bf16 is False  # no bf16 on a CPU
    assert (resolved.learning_rate, resolved.epochs, resolved.max_steps) == (1e-3, 1.5, 7)
    assert (resolved.batch_size, resolved.grad_accum, resolved.max_length) == (2, 3, 256)
    assert (resolved.lora_r, resolved.lora_alpha, resolved.lora_dropout) == (4, 4, 0.0)
    assert resolved.target_modules == ("q_proj", "v_proj")
    assert (resolved.eval_steps, resolved.save_steps, resolved.logging_steps) == (3, 6, 2)
    assert (resolved.seed, resolved.eval_examples) == (0, -1)
    params = resolved.as_params()
    assert params["target_modules"] == "q_proj,v_proj" and params["device"] == "cpu"


def test_max_steps_minus_one_lets_the_epochs_decide() -> None:
    assert resolve(TrainingConfig(preset="smoke", max_steps=-1), cuda=False).max_steps == -1


@pytest.mark.parametrize(
    "bad",
    [
        {"preset": "huge"},
        {"overlong": "ignore"},
        {"max_steps": -2},
        {"min_train_examples": 0},
        {"cpu_threads": -1},
        {"learning_rate": -1.0},
    ],
)
def test_invalid_values_are_refused(bad: dict) -> None:
    with pytest.raises(ValueError):
        TrainingConfig(**bad)


def test_it_becomes_a_launchpad_config_with_every_field() -> None:
    import dataclasses

    from cs_pipelines.defs.config import launchpad_config, to_stage_config

    launchpad = launchpad_config(TrainingConfig, "SftAdapterConfig", "LoRA SFT settings")
    names = {f.name for f in dataclasses.fields(TrainingConfig)}
    assert set(launchpad.model_fields) == names
    config = to_stage_config(launchpad(max_steps=5, preset="smoke"), TrainingConfig)
    assert config == TrainingConfig(max_steps=5, preset="smoke")


@pytest.mark.parametrize(
    ("setting", "load", "device", "expected"),
    [(0, 4.0, "cpu", 1), (0, 0.0, "cpu", 3), (2, 4.0, "cpu", 2), (0, 4.0, "cuda", 3)],
)
def test_training_threads_follow_the_load_and_are_restored(
    setting: int, load: float, device: str, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import torch

    from cs_pipelines.models import cpu
    from cs_pipelines.training import sft

    before = torch.get_num_threads()
    torch.set_num_threads(3)
    monkeypatch.setattr(cpu, "others_busy_cores", lambda: load * (os.cpu_count() or 1))
    resolved = resolve(TrainingConfig(cpu_threads=setting), cuda=device == "cuda")
    try:
        with sft.cpu_threads(resolved) as used:
            assert used == expected == torch.get_num_threads()
        assert torch.get_num_threads() == 3
    finally:
        torch.set_num_threads(before)
