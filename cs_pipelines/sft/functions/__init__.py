"""Function-level practice problems for the SFT set, authored like CryptoEval's tasks.

CryptoEval asks for plain functions far more often than for backtrader strategies, so the SFT set
also teaches the model to complete a function from its signature and docstring. These problems
are *not* CryptoEval's: other functions, other wording, other code (the dataset build
decontaminates every example against CryptoEval's prompts and solutions all the same). Each
module lists :class:`FunctionFamily` groups of related problems; a family is the unit the
train/validation split assigns, so validation holds kinds of function no adapter trained on.
Every problem carries tests and at least one plausible wrong solution the tests reject.
"""

from __future__ import annotations

from dataclasses import dataclass

from cs_pipelines.cryptoeval.task import Spec


@dataclass(frozen=True)
class FunctionFamily:
    """Related problems (one skill, several functions) in one of the SFT task categories."""

    name: str
    category: str
    specs: tuple[Spec, ...]

    def __init__(self, name: str, category: str, specs: list[Spec] | tuple[Spec, ...]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "category", category)
        object.__setattr__(self, "specs", tuple(specs))
