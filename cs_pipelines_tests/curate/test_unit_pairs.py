"""The unit form of curation (``curate.unit_pairs``): separable Python changes that CommitPackFT's
structure rules reject become pairs of the units they changed, or are charged to a rule."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from cs_pipelines.curate import CurationConfig, curate
from cs_pipelines.harvest.blobs import mirror_blob_texts
from cs_pipelines.harvest.mirror import sync_mirror
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines_tests.curate import file_change, frame, make_commit
from cs_pipelines_tests.gitrepos import GitRepoBuilder
from cs_pipelines_tests.harvest.test_harvester import harvest

HERE = Path(__file__).parent / "units"
BEFORE = (HERE / "before.py").read_text()
AFTER = (HERE / "after.py").read_text()
# Forty unchanged functions: the file, before + after, is far over CommitPackFT's window.
PADDING = "".join(
    f"\n\ndef helper_{i}(x):\n    return x * {i} + {i} / (x + 1)\n" for i in range(40)
)
DEV_REQUIREMENTS = file_change("requirements/dev.txt", language=None)
LONG_BODY = "    x = 0\n" * 400 + "    return mean"
SUBJECT = "Fix the annualised Sharpe ratio and add an RSI helper"


def blob_source(blobs: Mapping[str, str | None]):
    """Blob texts from a dict (blob id -> text), standing in for a mirror's object store."""

    def texts(repo: str, ids: Sequence[str]) -> dict[str, str | None]:
        return {blob: blobs.get(blob) for blob in ids}

    return texts


def long_file_commit(n: int = 0, old: str = BEFORE, new: str = AFTER, **overrides) -> dict:
    contents = {"subject": SUBJECT, "old_contents": old + PADDING, "new_contents": new + PADDING}
    return make_commit(n, **(contents | overrides))


def charged(result) -> dict[str, str]:
    return {sha[:8]: rule for sha, rule in result.rejections.select("sha", "rule").rows()}


def test_a_long_file_s_change_becomes_the_units_it_touched() -> None:
    result = curate(frame(long_file_commit()))
    assert result.rejections.height == 0
    row = result.instructions.row(0, named=True)
    assert row["kind"] == "units"
    assert row["units"] == "<module>, sharpe, rsi, Cross, Cross.size#2, dropped"
    assert row["instruction"] == SUBJECT
    assert row["old_contents"].startswith("def sharpe(returns):")
    assert row["new_contents"].startswith("import numpy as np\n\ndef sharpe(returns, periods=365):")
    assert "def sharpe(returns):" in row["old_contents"] and "def rsi" not in row["old_contents"]
    assert "def rsi(closes, period=14):" in row["new_contents"]
    assert "def dropped" not in row["new_contents"] and "helper_" not in row["new_contents"]
    assert row["old_path"] == row["new_path"] == "strategy/indicators.py"
    report = dict(result.report.select("rule", "removed").rows())
    assert report["token_window"] == 0  # taken over, not charged


def test_a_separable_multi_file_change_reads_its_files_from_the_mirror() -> None:
    files = [
        file_change("bot/alpha.py", old_blob="a1", new_blob="a2"),
        file_change("bot/beta.py", change_type="A", old_blob=None, new_blob="b2"),
        file_change("CHANGELOG.md", language="Markdown", old_blob="c1", new_blob="c2"),
    ]
    blobs = {"a1": BEFORE, "a2": AFTER, "b2": "def beta(x):\n    return 2 * x\n"}
    commit = make_commit(0, subject=SUBJECT, files=files, old_contents=None, new_contents=None)
    result = curate(frame(commit), blob_texts=blob_source(blobs))
    row = result.instructions.row(0, named=True)
    assert row["kind"] == "units" and row["new_path"] == "bot/alpha.py"
    assert row["units"].split(", ")[:2] == ["bot/alpha.py:<module>", "bot/alpha.py:sharpe"]
    assert row["units"].endswith("bot/beta.py:beta")
    assert row["new_contents"].startswith("# bot/alpha.py\n")
    assert "# bot/beta.py\n\ndef beta(x):" in row["new_contents"]
    assert "# bot/beta.py" not in row["old_contents"]  # nothing of it before

    unreadable = curate(frame(commit), blob_texts=blob_source({**blobs, "b2": None}))
    assert charged(unreadable) == {"00000000": "units_contents_unavailable"}


@pytest.mark.parametrize(
    ("commit", "rule"),
    [
        (long_file_commit(new="def f(:\n"), "units_unparsable"),
        (long_file_commit(new=BEFORE.replace("+ 1", "+ 1   ")), "units_no_change"),
        (long_file_commit(new=BEFORE.replace("def dropped():\n    return None\n", "")),
         "units_removal_only"),
        (long_file_commit(new=AFTER.replace("    return mean", LONG_BODY)), "units_token_window"),
        (long_file_commit(subject="Added the RSI helper to the module"), "no_imperative_verb"),
        (make_commit(files=[file_change(f"m{i}.py") for i in range(4)]), "multi_file"),
        (make_commit(files=[file_change("a.py"), DEV_REQUIREMENTS]), "multi_file"),
        (make_commit(files=[file_change("bot.js", language="JavaScript")],
                     old_contents="x" * 9000), "token_window"),
        (make_commit(files=[file_change("a.py"), file_change(None, language=None)]),
         "multi_file"),
    ],
    ids=["unparsable", "whitespace", "removal", "too-long", "message", "4-files", "deps", "js",
         "no-path"],
)  # fmt: skip
def test_what_cannot_become_a_pair_is_charged_to_its_rule(commit: dict, rule: str) -> None:
    result = curate(frame(commit), blob_texts=blob_source({}))
    assert result.instructions.height == 0
    assert charged(result) == {commit["sha"][:8]: rule}
    assert dict(result.report.select("rule", "removed").rows())[rule] == 1


def test_an_unparsable_version_is_named_in_the_detail() -> None:
    result = curate(frame(long_file_commit(new="def f(:\n")))
    [detail] = result.rejections["detail"].to_list()
    assert detail.startswith("strategy/indicators.py: the new version does not parse")


def test_the_unit_form_can_be_turned_off() -> None:
    result = curate(frame(long_file_commit()), CurationConfig(unit_pairs=False))
    assert charged(result) == {"00000000": "token_window"}


def test_from_a_real_history_through_its_mirror(tmp_path: Path) -> None:
    """Harvest a repository built here, then curate it reading the files of its multi-file
    commits from the mirror: the separable ones become units (a new module: nothing before);
    a file over the size cap costs its pair; without the mirror no multi-file commit can be read."""
    source = GitRepoBuilder(tmp_path / "source")
    source.write("strategy/indicators.py", BEFORE + PADDING)
    source.write("CHANGELOG.md", "# Changes\n")
    added_sha = source.commit("Add the strategy module and a changelog")
    source.write("strategy/indicators.py", AFTER + PADDING)
    source.write("strategy/rsi.py", "def rsi_signal(value):\n    return value < 30\n")
    source.write("CHANGELOG.md", "# Changes\n\n- RSI\n")
    separable_sha = source.commit(SUBJECT)
    source.write("strategy/indicators.py", AFTER.replace("14", "21") + PADDING)
    source.write("strategy/generated.py", "TABLE = [\n" + "    1,\n" * 2000 + "]\n")
    oversized_sha = source.commit("Change the default RSI period to the weekly one")
    repo = ReferenceRepo(name="bot", url=str(source.path), license="MIT")
    mirror = sync_mirror(repo, tmp_path / "mirrors")
    _, commits = harvest(repo, mirror, tmp_path / "staging")

    result = curate(commits, blob_texts=mirror_blob_texts(tmp_path / "mirrors", 10_000))
    rows = {row["sha"]: row for row in result.instructions.rows(named=True)}
    assert set(rows) == {added_sha, separable_sha}
    assert (
        rows[added_sha]["old_contents"] == "" and "def helper_39" in rows[added_sha]["new_contents"]
    )
    row = rows[separable_sha]
    assert row["kind"] == "units"
    assert "strategy/rsi.py:rsi_signal" in row["units"] and "def rsi(" in row["new_contents"]
    rules = dict(result.rejections.select("sha", "rule").rows())
    assert rules[oversized_sha] == "units_contents_unavailable"

    no_mirror = curate(commits, blob_texts=mirror_blob_texts(tmp_path / "none", 1_000_000))
    assert no_mirror.instructions.is_empty()
    assert dict(no_mirror.rejections.select("sha", "rule").rows())[separable_sha] == (
        "units_contents_unavailable"
    )


def test_mirror_blob_texts_gives_none_for_what_is_not_utf8_text(tmp_path: Path) -> None:
    source = GitRepoBuilder(tmp_path / "source")
    source.write("ok.py", "x = 1\n")
    source.write("latin1.py", b"# caf\xe9\n")
    source.commit("Add two modules in two encodings")
    sync_mirror(ReferenceRepo(name="bot", url=str(source.path)), tmp_path / "mirrors")
    ok, latin1, missing = source.blob("HEAD", "ok.py"), source.blob("HEAD", "latin1.py"), "0" * 40
    texts = mirror_blob_texts(tmp_path / "mirrors", 1_000)("bot", [ok, latin1, missing])
    assert texts == {ok: "x = 1\n", latin1: None, missing: None}
    assert mirror_blob_texts(tmp_path / "mirrors", 3)("bot", [ok]) == {ok: None}  # over the cap


def test_the_units_have_a_window_of_their_own() -> None:
    long_change = long_file_commit(new=AFTER.replace("    return mean", LONG_BODY))
    assert charged(curate(frame(long_change))) == {"00000000": "units_token_window"}
    wider = curate(frame(long_change), CurationConfig(max_unit_tokens=4_000))
    assert wider.instructions["kind"].to_list() == ["units"]
    with pytest.raises(ValueError, match="min_tokens > max_unit_tokens"):
        CurationConfig(max_unit_tokens=10)
