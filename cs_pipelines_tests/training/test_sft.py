"""LoRA SFT on a tiny random Llama with the real SmolLM2 tokenizer and chat template."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cs_pipelines.training import (
    TrainingConfig,
    TrainingError,
    latest_checkpoint,
    load_adapter_model,
    train_lora,
)
from cs_pipelines.training.data import chat_lengths, to_prompt_completion

ANSWER = "Use pandas rolling mean."
POISON = " zebra"  # one token in SmolLM2's vocabulary; its embedding is NaN in `nan_model_dir`
PROGRESS_KEYS = {
    "event",
    "step",
    "max_steps",
    "loss",
    "eval_loss",
    "tokens_per_s",
    "elapsed_s",
    "eta_s",
}


def chat(i: int, answer: str = ANSWER, extra: str = "") -> dict[str, Any]:
    """A trivial mapping: whatever the question, the assistant gives the same answer."""
    return {
        "messages": [
            {"role": "system", "content": "You write Python trading code."},
            {"role": "user", "content": f"How do I compute a moving average, case {i}?{extra}"},
            {"role": "assistant", "content": answer},
        ],
        "task_id": f"task-{i}",
        "verified": True,
    }


def save_dataset(
    folder: Path, train: list[dict[str, Any]], validation: list[dict[str, Any]] | None = None
) -> Path:
    from datasets import Dataset, DatasetDict

    validation = [chat(100 + i) for i in range(8)] if validation is None else validation
    splits = {"train": Dataset.from_list(train)}
    if validation:
        splits["validation"] = Dataset.from_list(validation)
    DatasetDict(splits).save_to_disk(folder)
    return folder


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_dataset(tmp_path_factory.mktemp("sft") / "ds", [chat(i) for i in range(24)])


def quick(**overrides: Any) -> TrainingConfig:
    """A few steps with a high learning rate: the toy task is learnable in that many."""
    values: dict[str, Any] = {
        "max_steps": 4,
        "learning_rate": 1e-2,
        "eval_steps": 2,
        "save_steps": 2,
        "logging_steps": 1,
    }
    return TrainingConfig(**{**values, **overrides})


def test_smoke_run_trains_saves_and_loads(
    tiny_model_dir: Path, dataset_dir: Path, tmp_path: Path
) -> None:
    events: list[dict[str, Any]] = []
    result = train_lora(
        tiny_model_dir, dataset_dir, tmp_path / "out", quick(max_steps=8), progress=events.append
    )

    assert result.config.preset == "smoke" and result.config.device == "cpu"
    assert result.steps == 8 and result.resumed_from is None
    assert result.eval_loss_after < result.eval_loss_before - 0.1
    assert result.tokens_seen > 0 and result.tokens_per_s > 0 and result.peak_memory_mb > 0
    assert result.n_train_examples == 24 and result.n_eval_examples == 8
    assert result.adapter_dir == tmp_path / "out" / "adapter"
    assert (result.adapter_dir / "adapter_config.json").is_file()
    assert (result.adapter_dir / "tokenizer_config.json").is_file()
    assert [h["step"] for h in result.history if "loss" in h] == list(range(1, 9))
    assert result.history[0] == {"step": 0.0, "eval_loss": result.eval_loss_before}

    train_events = [e for e in events if e["event"] == "train"]
    assert len(train_events) == 8 and all(e.keys() >= PROGRESS_KEYS for e in events)
    last = train_events[-1]
    assert (last["step"], last["max_steps"], last["eta_s"]) == (8, 8, 0.0)
    assert last["loss"] > 0 and last["tokens_per_s"] > 0
    assert events[-1]["event"] == "eval" and events[-1]["eval_loss"] == result.eval_loss_after

    model, tokenizer = load_adapter_model(tiny_model_dir, result.adapter_dir, device="cpu")
    prompt = tokenizer.apply_chat_template(
        chat(0)["messages"][:2], add_generation_prompt=True, return_tensors="pt", return_dict=True
    )
    out = model.generate(**prompt, max_new_tokens=3, do_sample=False)
    assert out.shape[1] == prompt["input_ids"].shape[1] + 3


def test_an_interrupted_run_resumes_from_its_latest_checkpoint(
    tiny_model_dir: Path, dataset_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = train_lora(tiny_model_dir, dataset_dir, out, quick(max_steps=4))
    assert first.resumed_from is None
    assert latest_checkpoint(out / "checkpoints") == out / "checkpoints" / "checkpoint-4"

    second = train_lora(tiny_model_dir, dataset_dir, out, quick(max_steps=6))

    assert second.resumed_from == out / "checkpoints" / "checkpoint-4"
    assert second.steps == 6 and second.tokens_seen > first.tokens_seen
    assert [h["step"] for h in second.history if "loss" in h] == list(range(1, 7))


def test_checkpoints_of_another_adapter_shape_are_refused(
    tiny_model_dir: Path, dataset_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    train_lora(tiny_model_dir, dataset_dir, out, quick(max_steps=2))

    with pytest.raises(TrainingError, match="lora_r"):
        train_lora(tiny_model_dir, dataset_dir, out, quick(max_steps=4, lora_r=4))
    fresh = train_lora(tiny_model_dir, dataset_dir, out, quick(max_steps=2, lora_r=4, resume=False))
    assert fresh.resumed_from is None and fresh.config.lora_r == 4


def test_overlong_examples_are_dropped_or_truncated(tiny_model_dir: Path, tmp_path: Path) -> None:
    long = " Explain every step in detail." * 20
    dataset = save_dataset(
        tmp_path / "ds", [chat(i) for i in range(20)] + [chat(50 + i, extra=long) for i in range(4)]
    )
    dropped = train_lora(
        tiny_model_dir, dataset, tmp_path / "a", quick(max_steps=1, max_length=128)
    )
    assert (dropped.n_train_examples, dropped.n_overlong_dropped) == (20, 4)

    truncated = train_lora(
        tiny_model_dir,
        dataset,
        tmp_path / "b",
        quick(max_steps=1, max_length=128, overlong="truncate"),
    )
    assert (truncated.n_train_examples, truncated.n_overlong_truncated) == (24, 4)


def poison_model(tiny_model_dir: Path, target: Path) -> Path:
    """The tiny model with untied output weights and a NaN embedding for the poison token:
    clean validation chats keep a finite loss; the first train batch holding it goes NaN."""
    import torch
    from transformers import AutoTokenizer, LlamaForCausalLM

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    (poison,) = tokenizer(POISON, add_special_tokens=False)["input_ids"]
    model = LlamaForCausalLM.from_pretrained(tiny_model_dir)
    model.config.tie_word_embeddings = False
    model.lm_head.weight = torch.nn.Parameter(model.model.embed_tokens.weight.detach().clone())
    with torch.no_grad():
        model.model.embed_tokens.weight[poison] = float("nan")
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


def test_a_nan_loss_stops_training_with_a_clear_error(tiny_model_dir: Path, tmp_path: Path) -> None:
    model_dir = poison_model(tiny_model_dir, tmp_path / "nan_model")
    dataset = save_dataset(tmp_path / "ds", [chat(i, extra=POISON) for i in range(12)])
    out = tmp_path / "out"

    with pytest.raises(TrainingError, match=r"training loss became nan at step 1"):
        train_lora(model_dir, dataset, out, quick(max_steps=4, save_steps=1))
    assert not (out / "adapter").exists()
    assert latest_checkpoint(out / "checkpoints") is None


def bad_dataset(case: str, folder: Path) -> Path:
    """A dataset folder that is wrong in the named way."""
    from datasets import Dataset, DatasetDict

    ten = [chat(i) for i in range(10)]
    if case == "missing folder":
        return folder / "nowhere"
    if case == "not a dataset":
        folder.mkdir()
        (folder / "notes.txt").write_text("hello")
    elif case == "single dataset":
        Dataset.from_list(ten).save_to_disk(folder)
    elif case == "no validation split":
        save_dataset(folder, ten, validation=[])
    elif case == "empty train split":
        empty = Dataset.from_dict({"messages": [], "task_id": []})
        DatasetDict(train=empty, validation=Dataset.from_list(ten)).save_to_disk(folder)
    elif case == "tiny train split":
        save_dataset(folder, ten[:5])
    elif case == "no assistant answer":
        save_dataset(folder, [{**row, "messages": row["messages"][:2]} for row in ten])
    elif case == "all overlong":
        save_dataset(folder, [chat(i, extra=" word" * 1200) for i in range(10)])
    return folder


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing folder", "does not exist"),
        ("not a dataset", "not a dataset saved with"),
        ("single dataset", "single Dataset"),
        ("no validation split", "no 'validation' split"),
        ("empty train split", "the train split is empty"),
        ("tiny train split", "5 usable examples, fewer than min_train_examples=8"),
        ("no assistant answer", "10 train examples are not chats ending with an assistant"),
        ("all overlong", "all 10 train examples are longer than max_length=1024"),
    ],
)
def test_bad_datasets_fail_before_anything_is_written(
    case: str, message: str, tiny_model_dir: Path, tmp_path: Path
) -> None:
    dataset = bad_dataset(case, tmp_path / "ds")
    out = tmp_path / "out"
    with pytest.raises(TrainingError, match=message):
        train_lora(tiny_model_dir, dataset, out, TrainingConfig(max_steps=1))
    assert not out.exists()


def test_a_missing_base_model_fails_before_anything_is_written(
    dataset_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(TrainingError, match=r"base model folder .* does not exist"):
        train_lora(tmp_path / "no_model", dataset_dir, tmp_path / "out", TrainingConfig())
    assert not (tmp_path / "out").exists()


def test_load_adapter_model_refuses_a_folder_without_an_adapter(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(TrainingError, match="no LoRA adapter"):
        load_adapter_model(tiny_model_dir, tmp_path)


def test_chats_become_prompt_completion_pairs(smollm2_tokenizer_dir: Path) -> None:
    from transformers import AutoTokenizer

    messages = chat(1)["messages"]
    pair = to_prompt_completion(messages)
    assert pair["prompt"] == messages[:2] and pair["completion"] == messages[2:]
    with pytest.raises(ValueError, match="assistant"):
        to_prompt_completion(messages[:2])

    # The completion-only mask starts where the rendered prompt ends: the rendered prompt (with
    # the generation prompt) must be a prefix of the rendered chat for SmolLM2's template.
    tokenizer = AutoTokenizer.from_pretrained(smollm2_tokenizer_dir)
    prompt = tokenizer.apply_chat_template(messages[:2], add_generation_prompt=True, tokenize=False)
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    assert full.startswith(prompt) and full[len(prompt) :].startswith(ANSWER)
    assert chat_lengths(tokenizer, [messages])[0] == len(tokenizer(full)["input_ids"])


def test_only_the_assistant_answer_carries_loss(
    tiny_model_dir: Path, dataset_dir: Path, tmp_path: Path
) -> None:
    from cs_pipelines.training import resolve
    from cs_pipelines.training.sft import _build_trainer, _prepare, load_tokenizer

    resolved = resolve(quick(), cuda=False)
    tokenizer = load_tokenizer(tiny_model_dir)
    train, validation = _prepare(dataset_dir, tokenizer, resolved)
    trainer = _build_trainer(
        tiny_model_dir, tokenizer, train, validation, tmp_path / "ckpt", resolved, []
    )

    row = trainer.train_dataset[0]
    labelled = [
        t for t, label in zip(row["input_ids"], row["labels"], strict=True) if label != -100
    ]
    assert tokenizer.decode(labelled) == ANSWER + "<|im_end|>\n"  # the answer and its end of turn
    assert tokenizer.decode(row["input_ids"]).startswith("<|im_start|>system\nYou write Python")
