"""Model fixtures: the real SmolLM2 tokenizer (read from the packaged GGUF once per session)
and a tiny random Llama built on it, so generation tests exercise the real tokenizer and chat
template without the real weights. Registered as a pytest plugin in the root conftest, so
model, evaluation and training tests all share one tokenizer per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_pipelines.models.base import BaseModelError, packaged_gguf_path


def _gguf() -> Path:
    try:
        return packaged_gguf_path()
    except BaseModelError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def smollm2_tokenizer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import AutoTokenizer

    gguf = _gguf()
    tokenizer = AutoTokenizer.from_pretrained(
        gguf.parent, gguf_file=gguf.name, local_files_only=True
    )
    folder = tmp_path_factory.mktemp("smollm2_tokenizer")
    tokenizer.save_pretrained(folder)
    return folder


def build_tiny_model(tokenizer_dir: Path, target: Path, *, always_eos: bool = False) -> Path:
    """A 2-layer, 64-wide random Llama with the real tokenizer, saved as a HF folder.

    ``always_eos`` wires the weights so that EOS is the arg-max after any token: attention and
    MLP outputs are zeroed (the residual stream is the token embedding), every embedding has a
    large first coordinate, and only EOS's output row reads it.
    """
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir, local_files_only=True)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=1024,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=not always_eos,
    )
    torch.manual_seed(0)
    model = LlamaForCausalLM(config)
    if always_eos:
        with torch.no_grad():
            for layer in model.model.layers:
                layer.self_attn.o_proj.weight.zero_()
                layer.mlp.down_proj.weight.zero_()
            model.model.embed_tokens.weight[:, 0] = 10.0
            model.lm_head.weight.zero_()
            model.lm_head.weight[tokenizer.eos_token_id, 0] = 10.0
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


@pytest.fixture(scope="session")
def tiny_model_dir(smollm2_tokenizer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(smollm2_tokenizer_dir, tmp_path_factory.mktemp("tiny_model"))


@pytest.fixture(scope="session")
def eos_model_dir(smollm2_tokenizer_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(
        smollm2_tokenizer_dir, tmp_path_factory.mktemp("eos_model"), always_eos=True
    )
