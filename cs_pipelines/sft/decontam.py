"""Decontamination against a benchmark by n-gram overlap (CryptoEval's prompts and solutions).

An SFT example that shares any ``n`` consecutive normalised tokens with a benchmark text is
contaminated: training on it would leak the benchmark's answer (or its wording) into the model
that the benchmark then scores. This is the rule of GPT-3's and the BigCode (StarCoder,
CommitPack) decontamination, with 13-grams by default.

Tokens are the lower-cased ``\\w+`` runs of the text: identifiers, keywords and numbers.
Punctuation and whitespace are dropped, so re-formatting, re-indenting or re-quoting a benchmark
solution does not hide it, and a 13-gram spans about a line and a half of code, long enough that
shared boilerplate (``import backtrader as bt``) does not match on its own.

Benchmark texts shorter than ``n`` tokens add nothing to the index: a handful of tokens is no
evidence of copying.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet

DEFAULT_N = 13
_WORD = re.compile(r"\w+")


def normalised_tokens(text: str) -> list[str]:
    """The lower-cased word tokens (``\\w+`` runs) of ``text``."""
    return _WORD.findall(text.lower())


def ngrams(tokens: Sequence[str], n: int) -> Iterator[str]:
    """Each run of ``n`` consecutive tokens, joined by single spaces, in order."""
    for start in range(len(tokens) - n + 1):
        yield " ".join(tokens[start : start + n])


def ngram_index(texts: Iterable[str], n: int = DEFAULT_N) -> frozenset[str]:
    """Every ``n``-gram of normalised tokens of ``texts`` (the benchmark side)."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n}")
    return frozenset(gram for text in texts for gram in ngrams(normalised_tokens(text), n))


def contaminated(text: str, index: AbstractSet[str], n: int = DEFAULT_N) -> str | None:
    """The first ``n``-gram of ``text`` found in ``index`` (built with the same ``n``), or None.

    The matched n-gram is returned rather than a flag so a report can show why an example went.
    """
    if not index:
        return None
    return next((gram for gram in ngrams(normalised_tokens(text), n) if gram in index), None)
