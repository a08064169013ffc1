"""Function-level changes from two versions of a Python file (``curate.units``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cs_pipelines.curate.units import MODULE, UnparsableSource, changed_units, units

HERE = Path(__file__).parent / "units"
BEFORE = (HERE / "before.py").read_text()
AFTER = (HERE / "after.py").read_text()


def test_units_of_a_module_are_its_definitions_methods_and_loose_statements() -> None:
    found = units(AFTER)
    assert list(found) == [
        MODULE, "sharpe", "unchanged", "rsi", "Cross", "Cross.__init__", "Cross.size",
        "Cross.size#2", "Cross.next",
    ]  # fmt: skip
    assert found[MODULE].code.splitlines() == [
        '"""A strategy module before the commit."""', "import math", "import numpy as np",
        "PERIOD = 20",
    ]  # fmt: skip
    assert found["Cross.size#2"].code.startswith("    @size.setter\n    def size(self, value):")
    cross = found["Cross"]
    assert cross.kind == "class" and "def " not in cross.code and "slow" in cross.code
    assert found["rsi"].first_line == AFTER.splitlines().index("def rsi(closes, period=14):") + 1


def test_changed_units_are_what_the_commit_touched_before_and_after() -> None:
    changes = {c.qualname: c for c in changed_units(BEFORE, AFTER)}
    assert list(changes) == [MODULE, "sharpe", "rsi", "Cross", "Cross.size#2", "dropped"]
    assert [c.change for c in changes.values()] == [
        "added", "modified", "added", "modified", "modified", "removed",
    ]  # fmt: skip
    # Of the module's loose statements, only the one that changed: a new import.
    assert (changes[MODULE].before, changes[MODULE].after) == ("", "import numpy as np")
    sharpe = changes["sharpe"]
    assert sharpe.before.startswith("def sharpe(returns):") and sharpe.before.endswith("))")
    assert sharpe.after.startswith("def sharpe(returns, periods=365):")
    assert "math.sqrt(periods)" in sharpe.after and "unchanged" not in sharpe.after
    assert changes["rsi"].before == "" and changes["dropped"].after == ""
    assert changes["Cross.size#2"].after.endswith("self.n = int(value)")


def test_trailing_whitespace_is_no_change_but_a_comment_is() -> None:
    spaced = BEFORE.replace("return x + 1", "return x + 1   ")
    assert changed_units(BEFORE, spaced) == []
    commented = BEFORE.replace("return x + 1", "return x + 1  # one more")
    assert [c.qualname for c in changed_units(BEFORE, commented)] == ["unchanged"]


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("def f(:\n    pass\n", "invalid syntax"),
        ("x = 1\x00\n", "null bytes"),
        ("x = " + "(" * 200_000 + ")" * 200_000, ""),
    ],
)
def test_a_version_that_does_not_parse_is_named(source: str, reason: str) -> None:
    with pytest.raises(UnparsableSource, match=f"the new version does not parse: .*{reason}"):
        changed_units(BEFORE, source)
    with pytest.raises(UnparsableSource, match="the old version does not parse"):
        changed_units(source, AFTER)


def test_a_changed_module_statement_keeps_only_what_changed() -> None:
    changed = BEFORE.replace("PERIOD = 20", "PERIOD = 30")
    [change] = changed_units(BEFORE, changed)
    assert (change.qualname, change.before, change.after) == (MODULE, "PERIOD = 20", "PERIOD = 30")
