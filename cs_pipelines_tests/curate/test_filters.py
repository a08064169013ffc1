"""Every rule at its boundaries; each case checks the Python predicate and the Polars expression."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from cs_pipelines.curate.config import BAD_MESSAGES, BAD_SUBSTRINGS, CurationConfig
from cs_pipelines.curate.filters import (
    FIRST_RULE,
    RULES,
    RULES_BY_NAME,
    STRUCTURE_RULES,
    TEXT_RULES,
    apply_rules,
    clean_subject,
    clean_subject_expr,
    evaluate,
    file_stem,
    file_stem_expr,
    flag_column,
    language_expr,
    normalise_whitespace_expr,
    sha_fraction,
)
from cs_pipelines.harvest.languages import language_for_path
from cs_pipelines_tests.curate import file_change, frame, make_commit

CONFIG = CurationConfig()


def verdicts(rule: str, commit: dict, config: CurationConfig = CONFIG) -> tuple[bool, bool]:
    """(Python predicate, Polars flag) of ``rule`` on ``commit``, on the row of its tier."""
    evaluation = evaluate(frame(commit), config)
    tier = evaluation.structure if RULES_BY_NAME[rule] in STRUCTURE_RULES else evaluation.text
    assert tier.height == 1, "text-rule cases must pass every structure rule"
    row = tier.row(0, named=True)
    return RULES_BY_NAME[rule].rejects(row, config), row[flag_column(RULES_BY_NAME[rule])]


def check(rule: str, expected: bool, config: CurationConfig = CONFIG, **overrides: Any) -> None:
    python, polars = verdicts(rule, make_commit(**overrides), config)
    assert (python, polars) == (expected, expected)


def subject(text: str, **overrides: Any) -> dict[str, Any]:
    return {"subject": text, **overrides}


def contents(old: str, new: str) -> dict[str, Any]:
    return {"old_contents": old, "new_contents": new}


CASES = [
    # structure of the commit
    ("missing_key", {"sha": None}, True),
    ("missing_key", {"repo": None}, True),
    ("harvest_error", {"error": "missing blob"}, True),
    ("merge_commit", {"is_merge": True}, True),
    ("no_files", {"files": []}, True),
    ("no_files", {"files": None}, True),
    ("multi_file", {"files": [file_change("a.py"), file_change("b.py")]}, True),
    ("change_type", {"files": [file_change(change_type="A")]}, True),
    ("change_type", {"files": [file_change(change_type="R")]}, True),
    ("binary_or_submodule", {"files": [file_change(is_binary=True)]}, True),
    ("binary_or_submodule", {"files": [file_change(is_submodule=True)]}, True),
    # the extension is compared with its dot: "copy" ends in "py" but is not Python
    ("unknown_language", {"path": "setup.copy"}, True),
    ("unknown_language", {"path": "lib/happy"}, True),
    ("unknown_language", {"path": "README"}, True),
    ("unknown_language", {"path": ".bashrc"}, True),
    ("unknown_language", {"path": "x.unknownext"}, True),
    ("unknown_language", {"path": "src/main.PY"}, False),
    ("unknown_language", {"path": "build/Makefile"}, False),
    ("unknown_language", {"path": "strategy.pine"}, False),
    # contents
    ("missing_contents", {"old_contents": None}, True),
    ("missing_contents", {"new_contents": None}, True),
    ("contents_truncated", {"contents_truncated": True}, True),
    ("empty_new_contents", {"new_contents": ""}, True),
    ("unchanged_contents", contents("same", "same"), True),
    ("unchanged_contents", contents("same", "same "), False),
    ("contents_too_long", contents("a" * 49_999, "b"), False),
    ("contents_too_long", contents("a" * 50_000, "b"), True),
    ("contents_too_long", contents("a", "b" * 50_000), True),
    ("contents_too_long", contents("é" * 49_999, "b"), False),  # characters, not bytes
    # token window, bytes/4 rounded up, inclusive [50, 768]
    ("token_window", contents("a" * 100, "b" * 100), False),
    ("token_window", contents("a" * 100, "b" * 96), True),
    ("token_window", contents("a" * 100, "b" * 97), False),
    ("token_window", contents("a" * 1536, "b" * 1536), False),
    ("token_window", contents("a" * 1536, "b" * 1537), True),
    ("token_window", contents("é" * 50, "b" * 100), False),  # utf-8 bytes
    # subject bounds: 10 < chars < 1000, 4 < words < 1000
    ("missing_subject", subject(None), True),
    ("subject_length", subject("Add b c d ef"), False),  # 11 chars, 5 words
    ("subject_length", subject("Add b c de"), True),  # 10 chars
    ("subject_length", subject("Add the new sma indicator"), False),  # 5 words
    ("subject_length", subject("Add the sma indicator"), True),  # 4 words
    ("subject_length", subject("Add " + "x" * 989 + " a b c"), False),  # 999 chars
    ("subject_length", subject("Add " + "x" * 990 + " a b c"), True),  # 1000 chars
    ("subject_length", subject(""), True),
    ("message_length", {"body": "x" * (10_000 - 42)}, False),  # 40 + 2 + body
    ("message_length", {"body": "x" * (10_000 - 41)}, True),
    # subject contents
    ("hashtag", subject("Fix the crash in the parser (#12)"), True),
    ("basename_in_subject", subject("Add sma to the indicators module"), True),
    ("basename_in_subject", subject("Add sma to the Indicators module"), False),  # their case
    ("basename_in_subject", subject("Tidy up the my.module code", path="my.module.py"), True),
    ("basename_in_subject", subject("Tidy up the module code here", path="my.module.py"), False),
    ("basename_in_subject", subject("Add the bash helpers for a", path=".bashrc"), False),
    ("basename_in_subject", subject("Add a Makefile target for lint", path="Makefile"), False),
    ("cherry_pick", {"body": "(cherry picked from commit " + "a" * 40 + ")"}, True),
    ("cherry_pick", subject("Cherry-pick the risk limit fix"), True),
    ("cherry_pick", subject("Cherrypick the risk limit fix"), True),
    ("sha_mention", subject("Revert commit " + "0123456789abcdef" * 2 + "01234567"), True),
    ("sha_mention", subject("Revert commit " + "0123456789ABCDEF" * 2 + "01234567"), True),
    ("sha_mention", subject("Revert commit " + "0123456789abcdef" * 2 + "0123456"), False),
    ("issue_reference", subject("Fix crash reported in issue 12 today"), True),
    ("issue_reference", subject("Fix crash reported in Issue12 today"), True),
    ("issue_reference", subject("Fix the bug 7 in order sizing"), True),
    ("issue_reference", subject("Implement feature 3 of the roadmap"), True),
    ("issue_reference", subject("Fix debug 2 output of the engine"), False),  # theirs: True
    ("issue_reference", subject("Fix the issue with order sizing"), False),
    ("wip", subject("WIP add the order book model"), True),
    ("wip", subject("[wip] Add the order book model"), True),  # raw subject, before cleaning
    ("wip", subject("Add order book (work in progress)"), True),
    ("wip", subject("Wipe the cache before each backtest"), False),  # theirs: True
    ("url", subject("Add link to https://example.com docs"), True),
    ("url", subject("Add link to http://example.com docs"), True),
    ("url", subject("Add link to the example.com docs"), False),
    ("first_person", subject("Add the thing I wanted here"), True),
    ("first_person", subject("Add what I've been doing today"), True),
    ("first_person", subject("Add what i'm doing right now"), True),
    ("first_person", subject("Add what I’m doing right now"), True),
    ("first_person", subject("Fix the test that failed when I"), True),
    ("first_person", subject("Add i.e. comments to the strategy"), False),
    ("first_person", subject("Add the ii and iii variants now"), False),
    ("thanks", subject("Fix sizing thanks to Bob for the report"), True),
    ("thanks", subject("Fix sizing thanks to the report by Bob"), False),
    ("bad_message", subject("Update README.md"), True),
    ("bad_message", subject("Update readme for the bot"), False),
    ("bad_message", subject("docs: Update README"), True),  # after cleaning the scope
    # version and hash subjects (on the instruction)
    ("version_subject", subject("v1.2.3 release of the bot"), True),
    ("version_subject", subject("1.2.3 release of the bot"), True),  # theirs: False
    ("version_subject", subject("1.2 release of the bot here"), False),
    ("hash_subject", subject("0239-2a41"), True),
    ("hash_subject", subject("deadbeef"), True),
    ("hash_subject", subject("Add the new indicator"), False),
    # version bumps: dropped unless the sha's first 8 hex digits fall under 10% of 2**32
    ("version_bump", subject("Bump version to 1.2.0 now", sha="f" * 40), True),
    ("version_bump", subject("Bump version to 1.2.0 now", sha="19999999" + "0" * 32), False),
    ("version_bump", subject("Bump version to 1.2.0 now", sha="1999999a" + "0" * 32), True),
    ("version_bump", subject("Set version 2.0 for the release", sha="f" * 40), True),
    ("version_bump", subject("Update version number in setup", sha="f" * 40), True),
    ("version_bump", subject("bump version to 1.2.0 now", sha="f" * 40), False),  # case
    ("version_bump", subject("Bump version to 1.2.0 now", sha="zzzzzzzz"), True),
    ("dependency_update", subject("Bump mypy from 0.720 to 0.730"), True),
    ("dependency_update", subject("build(deps): bump ccxt from 4.1.1 to 4.1.2"), True),
    ("dependency_update", subject("Bump the pip group with 3 updates"), True),
    ("dependency_update", subject("Update numpy requirement from <1.25 to <1.27"), True),
    ("dependency_update", subject("[pre-commit.ci] pre-commit autoupdate"), True),
    ("dependency_update", subject("Pin the exchange client", path="requirements-dev.txt"), True),
    ("dependency_update", subject("Refresh the locked versions", path="poetry.lock"), True),
    ("dependency_update", subject("Bump the version of the strategy api"), False),
    ("dependency_update", subject("Update ccxt handling from the old api to the new"), False),
    ("dependency_update", subject("Read requirements from the strategy file"), False),
    # the cleaned subject
    ("instruction_length", subject("[core] Add a b cd"), True),  # "Add a b cd": 4 words
    ("instruction_length", subject("[core] Add a b cd e"), False),
    ("instruction_length", subject("core: Add new sma helper [ci skip]"), True),
    ("not_capitalized", subject("add the exponential moving average"), True),
    ("not_capitalized", subject("1st pass at the moving average"), True),
    ("not_capitalized", subject("Éditer the moving average helper"), False),
    ("not_capitalized", subject("[core] add the exponential moving average"), True),
    ("no_imperative_verb", subject("Added the exponential moving average"), True),
    ("no_imperative_verb", subject("Fix: the exponential moving average"), True),
    ("no_imperative_verb", subject("Fixes to the exponential moving average"), True),
    ("no_imperative_verb", subject("Speed up the exponential moving average"), False),
    ("no_imperative_verb", subject("Plug the leak in the feed handler"), False),  # theirs: True
    ("no_imperative_verb", subject("[perf] Speed up the feed handler loop"), False),
]


@pytest.mark.parametrize(
    ("rule", "overrides", "expected"),
    CASES,
    ids=[f"{rule}-{i}" for i, (rule, _, _) in enumerate(CASES)],
)
def test_rule_boundaries(rule: str, overrides: dict, expected: bool) -> None:
    check(rule, expected, **overrides)


@pytest.mark.parametrize("bad", BAD_SUBSTRINGS)
def test_each_bad_substring(bad: str) -> None:
    check("bad_substring", True, subject=f"Add stuff {bad.upper()} to the project")


@pytest.mark.parametrize("bad", BAD_MESSAGES)
def test_each_bad_message(bad: str) -> None:
    check("bad_message", True, subject=bad.capitalize())


def test_the_baseline_commit_passes_every_rule() -> None:
    evaluation = evaluate(frame(make_commit()), CONFIG)
    row = evaluation.structure.row(0, named=True) | evaluation.text.row(0, named=True)
    assert row[FIRST_RULE] is None
    assert not any(rule.rejects(row, CONFIG) for rule in RULES)
    assert evaluation.kept()["instruction"].to_list() == [make_commit()["subject"]]


def test_a_commit_is_charged_to_the_first_rule_that_rejects_it() -> None:
    merge = make_commit(0, is_merge=True, new_contents=None, subject="wip")
    wip = make_commit(1, subject="WIP add the thing I wanted", body="http://x")
    evaluation = evaluate(frame(merge, wip), CONFIG)
    assert evaluation.structure.row(0, named=True)[FIRST_RULE] == "merge_commit"
    assert evaluation.structure.row(0, named=True)[flag_column(RULES_BY_NAME["missing_contents"])]
    text = evaluation.text.row(0, named=True)
    assert (text[FIRST_RULE], text[flag_column(RULES_BY_NAME["first_person"])]) == ("wip", True)
    assert apply_rules(frame(merge, wip), CONFIG)[FIRST_RULE].to_list() == ["merge_commit", "wip"]


def test_rules_are_both_tiers_in_order() -> None:
    assert RULES == STRUCTURE_RULES + TEXT_RULES
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_configured_bounds() -> None:
    check(
        "change_type",
        False,
        CurationConfig(allowed_change_types=("M", "R")),
        files=[file_change(change_type="R")],
    )
    check("unknown_language", True, CurationConfig(languages=frozenset({"Rust"})))
    check("unknown_language", False, CurationConfig(languages=frozenset({"Python"})))
    words = " ".join(["w"] * 998)  # 1000 words with "Add" and "end"
    wide = CurationConfig(max_subject_chars_exclusive=10_000, max_subject_words_exclusive=1000)
    check("subject_length", True, wide, subject=f"Add {words} end")
    check("subject_length", False, wide, subject=f"Add {words}")


def test_regex_token_estimator() -> None:
    config = CurationConfig(token_estimator="regex", min_tokens=5, max_tokens=6)
    check("token_window", False, config, **contents("x = 1", "x = 12"))  # 3 + 3
    check("token_window", True, config, **contents("x = 1", "x = f()"))  # 3 + 5
    check("token_window", True, config, **contents("x", "y = 1"))  # 1 + 3


def test_nulls_reject_instead_of_crashing() -> None:
    nothing = {name: None for name in make_commit()}
    evaluation = evaluate(frame(nothing), CONFIG)
    row = evaluation.structure.row(0, named=True)
    assert row[FIRST_RULE] == "missing_key"
    assert evaluation.text.height == 0
    assert RULES_BY_NAME["subject_length"].rejects(row, CONFIG)


def test_empty_frame() -> None:
    evaluation = evaluate(frame(), CONFIG)
    assert evaluation.structure.height == evaluation.text.height == 0
    assert evaluation.kept().height == 0
    assert apply_rules(frame(), CONFIG).height == 0


SUBJECTS = [
    "[benchmark] Fix billing project (#9671)",
    "demo/python/cmd.py: Fix struct.unpack format",
    "Fix the thing [ci skip]",
    "Fix the thing [Skip CI]",
    "[a] [b]",
    "[core] scope: Fix it [tag]",
    "scope:",
    "  Fix   spaced\tout  subject ",
    "[]",
    "[ Fix ]",
    "",
    "[ci skip] Fix it",
    "Fix [ci skip] [SKIP-CI] it\t[x]",
    "[a]: b",
    "[a] b: c [d]",
    "Fix\u00a0the\u2003spacing  here \n",
]


@pytest.mark.parametrize("text", SUBJECTS)
def test_clean_subject_matches_its_expression(text: str) -> None:
    vectorised = pl.select(clean_subject_expr(normalise_whitespace_expr(pl.lit(text)))).item()
    assert vectorised == clean_subject(text)


def test_clean_subject_examples() -> None:
    assert clean_subject("[benchmark] Fix billing project (#9671)") == "Fix billing project (#9671)"
    assert clean_subject("demo/python/cmd.py: Fix unpack format") == "Fix unpack format"
    assert clean_subject("[core] scope: Fix it [tag]") == "Fix it"
    assert clean_subject("Fix the thing [ci skip]") == "Fix the thing"


PATHS = [
    "a.py", "setup.copy", "x/y/Z.PY", "Makefile", "dir/makefile", ".bashrc", "..py", "a.",
    "a.b.", "noext", "a.tar.gz", "src/lib.rs", "CMakeLists.txt", "strategy.mq5", "",
]  # fmt: skip


def test_path_expressions_match_their_python_versions() -> None:
    paths = pl.Series(PATHS)
    assert pl.select(language_expr(paths)).to_series().to_list() == [
        language_for_path(p) for p in PATHS
    ]
    assert pl.select(file_stem_expr(paths)).to_series().to_list() == [file_stem(p) for p in PATHS]


def test_file_stem_and_sha_fraction() -> None:
    assert file_stem("a/my.module.py") == "my.module"
    assert file_stem("a/.bashrc") is None
    assert file_stem("Makefile") is None
    assert file_stem("a.") is None
    assert sha_fraction("00000000") == 0.0
    assert sha_fraction("xyz") is None


def test_dependency_updates_may_keep_a_share() -> None:
    bump = {"subject": "Bump mypy from 0.720 to 0.730", "sha": "19999999" + "0" * 32}
    check("dependency_update", True, **bump)
    check("dependency_update", False, CurationConfig(dependency_keep_fraction=0.1), **bump)
    with pytest.raises(ValueError, match="dependency_keep_fraction"):
        CurationConfig(dependency_keep_fraction=1.5)
