"""TransformersGenerator on a tiny random Llama with the real SmolLM2 tokenizer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cs_pipelines.models.generation import (
    Completion,
    TransformersGenerator,
    cut_at_stop,
    make_generator,
)
from cs_pipelines.models.sampling import EngineSettings

CHAT = [{"role": "user", "content": "Write a function that returns the mean of a list."}]
PROMPTS = [
    CHAT,
    "def add(a, b):",
    [
        {"role": "system", "content": "You write Python trading code."},
        {"role": "user", "content": "Compute a 20-period simple moving average with pandas."},
    ],
]


@pytest.fixture(scope="module")
def generator(tiny_model_dir: Path) -> TransformersGenerator:
    return TransformersGenerator(tiny_model_dir, device="cpu", batch_size=4, dtype="float32")


def _forward_calls(generator: TransformersGenerator) -> tuple[list[int], object]:
    calls = [0]

    def hook(*_: object) -> None:
        calls[0] += 1

    return calls, generator.model.register_forward_hook(hook)


def test_shapes_n_samples_and_order(generator: TransformersGenerator) -> None:
    out = generator.generate(PROMPTS, n=3, max_new_tokens=6, seed=0)
    assert len(out) == len(PROMPTS)
    assert all(len(samples) == 3 for samples in out)
    assert all(isinstance(c, Completion) for samples in out for c in samples)
    # Rows are sorted by length internally; results come back in prompt order: greedy decoding
    # of each prompt alone (batch of one, no padding) gives the same text as inside the batch.
    batched = generator.generate(PROMPTS, n=2, max_new_tokens=8, temperature=0)
    for prompt, samples in zip(PROMPTS, batched, strict=True):
        alone = generator.generate([prompt], n=1, max_new_tokens=8, temperature=0)[0][0]
        assert [c.text for c in samples] == [alone.text, alone.text]


def test_left_padding_matches_unpadded(tiny_model_dir: Path) -> None:
    """Batch size 1 (no padding) and a padded batch give the same greedy tokens."""
    one = TransformersGenerator(tiny_model_dir, device="cpu", batch_size=1)
    many = TransformersGenerator(tiny_model_dir, device="cpu", batch_size=8)
    prompts = ["x = 1", "def moving_average(prices, window):\n    ", "import pandas as pd\n"]
    a = one.generate(prompts, max_new_tokens=10, temperature=0)
    b = many.generate(prompts, max_new_tokens=10, temperature=0)
    assert a == b


def test_max_new_tokens_gives_length(generator: TransformersGenerator) -> None:
    out = generator.generate(PROMPTS, n=2, max_new_tokens=5, seed=3)
    for samples in out:
        for c in samples:
            assert c.n_tokens == 5
            assert c.finish_reason == "length"


def test_seed_determinism(generator: TransformersGenerator) -> None:
    a = generator.generate(PROMPTS, n=2, temperature=1.0, max_new_tokens=8, seed=7)
    b = generator.generate(PROMPTS, n=2, temperature=1.0, max_new_tokens=8, seed=7)
    c = generator.generate(PROMPTS, n=2, temperature=1.0, max_new_tokens=8, seed=8)
    assert a == b
    assert a != c
    # n samples of one prompt are independent draws, not copies.
    assert len({s.text for s in a[0]}) > 1


def test_seed_does_not_touch_global_rng(generator: TransformersGenerator) -> None:
    import torch

    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    generator.generate(["a"], max_new_tokens=3, seed=5)
    assert torch.equal(torch.rand(3), expected)


def test_stop_sequence_cuts_text_and_stops_early(generator: TransformersGenerator) -> None:
    kwargs = {"n": 2, "temperature": 1.0, "max_new_tokens": 24, "seed": 11}
    full = generator.generate([CHAT], **kwargs)[0]
    text = full[0].text
    stop = text[len(text) // 3 : len(text) // 3 + 3]
    assert stop.strip(), text
    calls, handle = _forward_calls(generator)
    try:
        cut = generator.generate([CHAT], stop=[stop], **kwargs)[0]
    finally:
        handle.remove()
    # Same seed, same batch: same samples up to the stop, then cut before it.
    for before, after in zip(full, cut, strict=True):
        expected, hit = cut_at_stop(before.text, [stop])
        assert after.text == expected
        assert after.finish_reason == ("stop" if hit else "length")
        assert stop not in after.text
    assert cut[0].finish_reason == "stop"
    assert cut[0].n_tokens < 24
    if all(c.finish_reason == "stop" for c in cut):
        # Every row stopped: generation ended there instead of running to max_new_tokens.
        assert calls[0] == max(c.n_tokens for c in cut)


def test_eos_stops_the_batch_early(eos_model_dir: Path) -> None:
    generator = TransformersGenerator(eos_model_dir, device="cpu", batch_size=4)
    calls, handle = _forward_calls(generator)
    try:
        out = generator.generate(PROMPTS, n=2, max_new_tokens=50, temperature=0)
    finally:
        handle.remove()
    assert all(c == Completion(text="", n_tokens=1, finish_reason="stop") for s in out for c in s)
    assert calls[0] == 2  # two batches of 4 rows (3 prompts x 2 samples), one step each


def test_chat_template_is_applied(generator: TransformersGenerator) -> None:
    rendered = generator.render(CHAT)
    expected = generator.tokenizer.apply_chat_template(
        CHAT, add_generation_prompt=True, tokenize=False
    )
    assert rendered == expected
    assert rendered.endswith("<|im_start|>assistant\n")
    assert "<|im_start|>user\nWrite a function" in rendered
    # A chat and its rendered string condition the model identically.
    as_chat = generator.generate([CHAT], max_new_tokens=6, temperature=0)
    as_text = generator.generate([rendered], max_new_tokens=6, temperature=0)
    assert as_chat == as_text
    assert generator.render("raw prompt") == "raw prompt"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 0}, "n must be"),
        ({"temperature": -1.0}, "temperature"),
        ({"top_p": 0.0}, "top_p"),
        ({"max_new_tokens": 0}, "max_new_tokens"),
    ],
)
def test_bad_arguments(generator: TransformersGenerator, kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        generator.generate(["x"], **kwargs)


def test_no_prompts_is_an_error(generator: TransformersGenerator) -> None:
    with pytest.raises(ValueError, match="prompt list is empty"):
        generator.generate([], n=3)


def test_a_prompt_longer_than_the_context_is_named(generator: TransformersGenerator) -> None:
    context = generator.context_length
    assert context == 1024
    long_prompt = "x = 1\n" * context
    with pytest.raises(ValueError, match=r"prompt 1 has \d+ tokens.*context .*1024 tokens"):
        generator.generate(["def add(a, b):", long_prompt], max_new_tokens=4)
    short = "x = 1\n" * 100
    with pytest.raises(ValueError, match="max_new_tokens 1000"):
        generator.generate([short], max_new_tokens=1000)


def test_a_model_without_a_chat_template_names_its_folder(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    import json
    import shutil

    bare = shutil.copytree(tiny_model_dir, tmp_path / "bare")
    (bare / "chat_template.jinja").unlink(missing_ok=True)
    config_file = bare / "tokenizer_config.json"
    config = json.loads(config_file.read_text())
    config.pop("chat_template", None)
    config_file.write_text(json.dumps(config))
    engine = TransformersGenerator(bare, device="cpu", dtype="float32")
    with pytest.raises(ValueError, match=f"{bare}.*no chat template"):
        engine.generate([CHAT], max_new_tokens=2)
    assert engine.generate(["def add(a, b):"], max_new_tokens=2)[0][0].n_tokens >= 1


def test_an_in_memory_model_is_sampled_with_its_current_weights(tiny_model_dir: Path) -> None:
    """The RL policy changes between calls: the engine must see every change, and leave a
    training model in training mode."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.manual_seed(0)  # the untied output layer starts random
    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir, tie_word_embeddings=False)
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    engine = TransformersGenerator.from_model(model, tokenizer, batch_size=2)
    assert engine.dtype == "float32" and engine.device == "cpu"
    greedy = {"temperature": 0.0, "max_new_tokens": 8}
    model.train()
    before = engine.generate(PROMPTS, **greedy)
    assert model.training
    noise = torch.Generator().manual_seed(1)
    with torch.no_grad():  # an optimiser step, as far as the engine can tell
        model.lm_head.weight.normal_(generator=noise)
    after = engine.generate(PROMPTS, **greedy)
    assert [c[0].text for c in before] != [c[0].text for c in after]
    fresh = TransformersGenerator.from_model(model, tokenizer, batch_size=2)
    assert [c[0].text for c in fresh.generate(PROMPTS, **greedy)] == [c[0].text for c in after]


def test_package_import_is_light() -> None:
    """``import cs_pipelines.models`` imports neither torch nor vLLM (Dagster loads it)."""
    import subprocess

    code = (
        "import sys, cs_pipelines.models; "
        "print('torch' in sys.modules, 'transformers' in sys.modules, 'vllm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


def test_cut_at_stop() -> None:
    assert cut_at_stop("abc\n```\nmore", ["```"]) == ("abc\n", True)
    assert cut_at_stop("a STOP b END", ["END", "STOP"]) == ("a ", True)
    assert cut_at_stop("nothing", ["x", ""]) == ("nothing", False)


def test_make_generator_picks_transformers_without_vllm(tiny_model_dir: Path) -> None:
    engine = EngineSettings(backend="auto", batch_size=2)
    generator = make_generator(tiny_model_dir, engine, device="cpu")
    assert isinstance(generator, TransformersGenerator)
    assert generator.batch_size == 2
    assert "vllm" not in sys.modules


def test_make_generator_errors(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cs_pipelines.models.generation as generation

    monkeypatch.setattr(generation, "vllm_available", lambda: False)
    with pytest.raises(RuntimeError, match="vllm"):
        make_generator(tiny_model_dir, EngineSettings(backend="vllm"))
    with pytest.raises(ValueError, match="backend"):
        make_generator(tiny_model_dir, EngineSettings(backend="onnx"))


def test_an_adapter_is_applied_merged_and_changes_what_the_model_says(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    import torch
    from peft import LoraConfig, PeftModel, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(1)
    base = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    lora = LoraConfig(r=4, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    get_peft_model(base, lora).save_pretrained(tmp_path / "adapter")

    plain = TransformersGenerator(tiny_model_dir, device="cpu", dtype="float32")
    adapted = TransformersGenerator(
        tiny_model_dir, device="cpu", dtype="float32", adapter_path=tmp_path / "adapter"
    )
    prompt = ["def sma(values, window):"]
    greedy = {"temperature": 0.0, "max_new_tokens": 12}
    with_adapter = adapted.generate(prompt, **greedy)[0][0].text
    assert with_adapter != plain.generate(prompt, **greedy)[0][0].text

    unmerged = PeftModel.from_pretrained(
        AutoModelForCausalLM.from_pretrained(tiny_model_dir), tmp_path / "adapter"
    ).eval()
    ids = plain.tokenizer(prompt[0], return_tensors="pt")
    with torch.no_grad():
        out = unmerged.generate(**ids, max_new_tokens=12, do_sample=False)
    expected = plain.tokenizer.decode(out[0, ids["input_ids"].shape[1] :], skip_special_tokens=True)
    assert with_adapter == expected
    # The unmerged peft model (as RL trains it) through the engine says the same.
    in_memory = TransformersGenerator.from_model(unmerged, plain.tokenizer)
    assert in_memory.generate(prompt, **greedy)[0][0].text == expected


def test_a_busy_cpu_decodes_on_one_thread_and_the_setting_is_restored(
    generator: TransformersGenerator, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import torch

    from cs_pipelines.models import continuous, cpu

    seen: list[int] = []  # torch's threads at each prefill (rows joining the batch)

    def spy(module, args, kwargs):
        if kwargs["input_ids"].shape[1] > 1:
            seen.append(torch.get_num_threads())

    handle = generator.model.register_forward_pre_hook(spy, with_kwargs=True)
    try:
        torch.set_num_threads(2)
        cores = os.cpu_count() or 1
        monkeypatch.setattr(cpu, "others_busy_cores", lambda: 0.5 * cores)
        generator.generate(["a b c"], max_new_tokens=2, temperature=0.0)
        monkeypatch.setattr(cpu, "others_busy_cores", lambda: 0.0)
        generator.generate(["a b c"], max_new_tokens=2, temperature=0.0)
        assert seen == [1, 2] and torch.get_num_threads() == 2
        # Asked again when rows join (here at every join): a long call that starts on a busy
        # machine speeds up once the machine is quiet.
        monkeypatch.setattr(continuous, "THREAD_CHECK_S", 0.0)
        loads = iter([0.5 * cores, 0.0])
        monkeypatch.setattr(cpu, "others_busy_cores", lambda: next(loads))
        seen.clear()
        generator.generate(["a a", "b b b b", "c c", "d d d d d d"], n=2, max_new_tokens=2)
        assert seen == [1, 2] and generator.batch_size == 4 and torch.get_num_threads() == 2
    finally:
        handle.remove()


def test_a_looping_row_is_cut_where_the_loop_shows() -> None:
    import torch

    from cs_pipelines.models.generation import _StopOnRepetition

    criterion = _StopOnRepetition(prompt_len=2, batch=3, max_period=4, min_repeats=4, min_span=8)
    varied = list(range(100, 112))
    looping = [7, 8, 9] + [1, 2, 3] * 3  # period 3, 9 tokens of it: not yet 4 repeats
    ids = torch.tensor([[0, 0, *varied], [0, 0, *looping], [0, 0, *varied[:-1], 5]])
    assert criterion(ids, None).tolist() == [False, False, False]
    more = torch.cat([ids, torch.tensor([[120, 121, 122], [1, 2, 3], [5, 5, 5]])], dim=1)
    assert criterion(more, None).tolist() == [False, True, False]
    assert criterion.stopped_at == [None, 15, None]
    # A done row stays done, whatever follows.
    later = torch.cat([more, torch.tensor([[130], [99], [5]])], dim=1)
    assert criterion(later, None).tolist() == [False, True, False]


@pytest.fixture(scope="module")
def echo_model_dir(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny model with attention and MLP outputs zeroed: each step's logits are the last
    token's embedding against every (tied) embedding, so greedy decoding repeats a token."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    with torch.no_grad():
        for layer in model.model.layers:
            layer.self_attn.o_proj.weight.zero_()
            layer.mlp.down_proj.weight.zero_()
    target = tmp_path_factory.mktemp("echo-model")
    model.save_pretrained(target)
    AutoTokenizer.from_pretrained(tiny_model_dir).save_pretrained(target)
    return target


def test_greedy_loops_end_early_with_the_same_text_up_to_the_cut(echo_model_dir: Path) -> None:
    prompts = ["def add(a, b):", "x = 1\n", "import pandas as pd\n"]
    cut = TransformersGenerator(echo_model_dir, device="cpu", batch_size=3)
    full = TransformersGenerator(echo_model_dir, device="cpu", batch_size=3, stop_loops=False)
    short = cut.generate(prompts, max_new_tokens=200, temperature=0)
    long = full.generate(prompts, max_new_tokens=200, temperature=0)
    assert all(c.finish_reason in ("length", "stop") for (c,) in long)
    assert [c.finish_reason for (c,) in short] == ["repetition"] * 3
    for (a,), (b,) in zip(short, long, strict=True):
        assert b.text.startswith(a.text) and 64 <= a.n_tokens < b.n_tokens == 200


def test_continuous_batching_decodes_what_generate_decodes_alone(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows stop at different steps, leave, and waiting rows join the running ones (4 slots, 7
    prompts); the cache reallocates every few tokens and sheds shared padding: greedy text and
    finish reasons stay those of ``model.generate`` on each prompt alone."""
    from cs_pipelines.models import continuous, kv_cache

    monkeypatch.setattr(kv_cache.GrowingLayer, "chunk", 3)
    joins = []  # rows joining rows still decoding

    def counting_join(cache, other):
        joins.append(other.layers[0].keys.shape[0])
        kv_cache.join_caches(cache, other)

    monkeypatch.setattr(continuous, "join_caches", counting_join)
    prompts = [*PROMPTS, "x = 1", "class Strategy:\n    def next(self):\n", "a", "def f():"]
    stop = ["\n"]  # ends some rows early
    ours = TransformersGenerator(tiny_model_dir, device="cpu", batch_size=4, dtype="float32")
    alone = TransformersGenerator(
        tiny_model_dir, device="cpu", batch_size=1, dtype="float32", compact=False
    )
    joined: list[int] = []  # rows per prefill

    def spy(module, args, kwargs):
        if kwargs["input_ids"].shape[1] > 1:
            joined.append(kwargs["input_ids"].shape[0])

    handle = ours.model.register_forward_pre_hook(spy, with_kwargs=True)
    try:
        a = ours.generate(prompts, max_new_tokens=30, temperature=0, stop=stop)
    finally:
        handle.remove()
    b = alone.generate(prompts, max_new_tokens=30, temperature=0, stop=stop)
    assert a == b
    assert len({c.n_tokens for (c,) in a}) > 1  # rows really finished at different steps
    assert joined[0] == 4 and sum(joined) == 7 and joins  # waiting rows joined running ones


def test_a_growing_layer_keeps_what_it_was_given_through_growth_join_and_trim() -> None:
    import torch

    from cs_pipelines.models.kv_cache import GrowingLayer

    def layer_with(keys: torch.Tensor, steps: tuple[tuple[int, int], ...]) -> GrowingLayer:
        layer = GrowingLayer()
        layer.chunk = 2
        for start, end in steps:
            layer.update(keys[..., start:end, :], -keys[..., start:end, :])
        return layer

    keys = torch.arange(3 * 2 * 7 * 4, dtype=torch.float32).reshape(3, 2, 7, 4)
    layer = layer_with(keys, ((0, 4), (4, 5), (5, 6), (6, 7)))  # a prefill, then token by token
    assert torch.equal(layer.keys, keys) and torch.equal(layer.values, -keys)
    assert layer.get_seq_length() == 7
    layer.batch_select_indices(torch.tensor([2, 0]))
    assert torch.equal(layer.keys, keys[[2, 0]]) and torch.equal(layer.values, -keys[[2, 0]])
    layer.drop_left(3)  # padding both rows share
    assert torch.equal(layer.keys, keys[[2, 0]][..., 3:, :]) and layer.get_seq_length() == 4
    newcomer = layer_with(keys[:1, ..., :2, :] + 1000, ((0, 2),))
    layer.join(newcomer)  # right-aligned: the newcomer's 2 positions are the last 2 of 4
    assert layer.keys.shape == (3, 2, 4, 4)
    assert torch.equal(layer.keys[:2], keys[[2, 0]][..., 3:, :])
    assert torch.equal(layer.keys[2:, ..., 2:, :], keys[:1, ..., :2, :] + 1000)
    assert not layer.keys[2:, ..., :2, :].any()  # left padding is zeros
    more = torch.ones(3, 2, 1, 4)
    k, _ = layer.update(more, more)
    assert k.shape == (3, 2, 5, 4) and torch.equal(k[..., -1:, :], more)


def test_token_id_prompts_sample_what_their_text_samples(generator: TransformersGenerator) -> None:
    """An RL trainer hands over token ids: the same completions, with their token ids."""
    text = generator.render(CHAT)
    ids = generator.tokenizer(text, add_special_tokens=False)["input_ids"]
    (by_text,), (by_ids,) = (
        generator.generate([prompt], max_new_tokens=12, temperature=0) for prompt in (text, ids)
    )
    assert by_ids == by_text and generator.render(ids) == text
    (completion,) = by_ids
    assert len(completion.token_ids) == completion.n_tokens
    assert generator.tokenizer.decode(completion.token_ids, skip_special_tokens=True).startswith(
        completion.text
    )
