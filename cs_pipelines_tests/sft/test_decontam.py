"""N-gram decontamination against CryptoEval's prompts and canonical solutions."""

from __future__ import annotations

import random

import pytest

from cs_pipelines.cryptoeval.taskset import load_tasks
from cs_pipelines.sft.decontam import contaminated, ngram_index, ngrams, normalised_tokens

RSI_STRATEGY = '''import backtrader as bt


class RsiMeanReversion(bt.Strategy):
    """Buy oversold dips, sell when the oscillator recovers."""

    params = dict(period=14, oversold=30, overbought=70, stake=1)

    def __init__(self):
        self.rsi = bt.indicators.RSI(self.data.close, period=self.p.period)
        self.order = None

    def notify_order(self, order):
        if order.status in (order.Completed, order.Canceled, order.Rejected):
            self.order = None

    def next(self):
        if self.order is not None:
            return
        if not self.position and self.rsi[0] < self.p.oversold:
            self.order = self.buy(size=self.p.stake)
        elif self.position and self.rsi[0] > self.p.overbought:
            self.order = self.close()
'''


@pytest.fixture(scope="module")
def cryptoeval() -> list:
    return load_tasks()


@pytest.fixture(scope="module")
def index(cryptoeval) -> frozenset[str]:
    return ngram_index([t.prompt for t in cryptoeval] + [t.canonical_solution for t in cryptoeval])


def test_tokens_ignore_case_punctuation_and_layout() -> None:
    assert normalised_tokens("def f(x):\n    return X[0]  # Done") == [
        "def", "f", "x", "return", "x", "0", "done",
    ]  # fmt: skip
    assert normalised_tokens("") == []
    assert list(ngrams(["a", "b", "c"], 2)) == ["a b", "b c"]
    assert list(ngrams(["a"], 2)) == []


def test_a_reformatted_copy_is_found_and_the_ngram_returned() -> None:
    solution = (
        "def spread(bid, ask):\n    mid = (bid + ask) / 2\n    return (ask - bid) / mid * 10_000\n"
    )
    index = ngram_index([solution], n=8)
    copy = "DEF spread( bid,ask ):  mid=( bid+ask )/2 ; return ( ask-bid )/mid*10_000"
    assert contaminated(copy, index, n=8) == "def spread bid ask mid bid ask 2"
    assert contaminated("def spread(bid, ask): return ask - bid", index, n=8) is None


def test_short_benchmark_texts_and_empty_indexes_match_nothing() -> None:
    assert ngram_index(["return a + b"], n=13) == frozenset()
    assert contaminated("return a + b", frozenset(), n=13) is None
    with pytest.raises(ValueError):
        ngram_index(["x"], n=0)


def test_every_canonical_solution_and_prompt_is_caught(cryptoeval, index) -> None:
    for task in cryptoeval:
        for text in (task.prompt, task.canonical_solution):
            if len(normalised_tokens(text)) >= 13:
                assert contaminated(text, index) is not None, task.task_id


def test_a_13_gram_inside_other_text_is_caught(cryptoeval, index) -> None:
    task = next(t for t in cryptoeval if len(normalised_tokens(t.canonical_solution)) > 40)
    tokens = normalised_tokens(task.canonical_solution)
    start = random.Random(0).randrange(len(tokens) - 13)
    excerpt = " ".join(tokens[start : start + 13])
    text = f"Some instruction.\n{excerpt}\nmore unrelated words here"
    assert contaminated(text, index) == excerpt


def test_an_unrelated_strategy_is_clean(index) -> None:
    assert contaminated(RSI_STRATEGY, index) is None
