"""The streaming git log parser on a real, messy repository built in the test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.harvest import gitlog
from cs_pipelines.harvest.gitlog import (
    count_lines,
    iter_commit_batches,
    iter_commit_batches_for_shas,
    split_message,
    utf8_cut,
)
from cs_pipelines.harvest.harvester import HarvestConfig
from cs_pipelines.harvest.repos import ReferenceRepo
from cs_pipelines.harvest.schema import RAW_COMMITS_SCHEMA
from cs_pipelines_tests.gitrepos import (
    EPOCH,
    GitRepoBuilder,
    commit_shas,
    delete_loose_object,
    make_history_repo,
    run_git,
)

CONFIG = HarvestConfig(max_patch_bytes=4_000, max_contents_bytes=2_000, batch_size=4)
STRATEGY = "import backtrader as bt\n\n\nclass Strategy(bt.Strategy):\n    period = 20\n"


@dataclass
class Messy:
    path: Path
    shas: dict[str, str]
    frame: pl.DataFrame

    def row(self, name: str) -> dict:
        return self.frame.filter(pl.col("sha") == self.shas[name]).row(0, named=True)


def build_messy(path: Path) -> dict[str, str]:
    b = GitRepoBuilder(path)
    shas: dict[str, str] = {}
    b.write("strategy.py", STRATEGY)
    b.write("README.md", "# demo\n")
    b.write("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00binary")
    shas["initial"] = b.commit("Initial import\n\nAdds the strategy and a logo.\n")
    b.write("strategy.py", STRATEGY.replace("period = 20", "period = 30\n    fast = 5"))
    shas["modify"] = b.commit("Use a slower period\n\nThe fast one overfits.\nSecond line.\n")
    b.rename("strategy.py", "sma_cross.py")
    b.write("sma_cross.py", STRATEGY.replace("period = 20", "period = 30\n    fast = 5") + "# x\n")
    shas["rename"] = b.commit("Rename the strategy")
    b.delete("README.md")
    shas["delete"] = b.commit("Drop the readme")
    b.checkout("side", create=True)
    b.write("side.py", "x = 1\n")
    shas["side"] = b.commit("Side work")
    b.checkout("main")
    b.write("main_only.txt", "m\n")
    shas["main_only"] = b.commit("Main work")
    shas["merge"] = b.merge("side", "Merge branch 'side'")
    b.write("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00other binary")
    shas["binary"] = b.commit("Update logo")
    b.write("data.py", "".join(f"row_{i} = {i}  # é\n" for i in range(2_000)))
    shas["huge"] = b.commit("Add a big generated table")
    b.write("notes.txt", "latin\n")
    shas["latin1_message"] = b.commit_raw("Caf\xe9 cr\xe8me: fix\n".encode("latin-1"))
    b.write("notes.txt", "latin, declared\n")
    shas["declared_encoding"] = b.commit("Na\xefve fix".encode("latin-1"), encoding="ISO-8859-1")
    b.write(b"caf\xe9.py", "print('hi')\n")
    shas["latin1_path"] = b.commit("Add a file with a latin-1 name")
    b.add_gitlink("vendor/lib", shas["initial"])
    shas["submodule"] = b.commit("Add a submodule", stage=False)
    shas["empty_commit"] = b.commit("Nothing changed", stage=False)
    return shas


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Messy:
    path = tmp_path_factory.mktemp("messy")
    shas = build_messy(path)
    repo = ReferenceRepo(name="messy", url=str(path), license="MIT")
    frames = list(iter_commit_batches(path / ".git", repo, ["HEAD"], CONFIG))
    assert all(frame.height <= CONFIG.batch_size for frame in frames)
    return Messy(path, shas, pl.concat(frames))


def test_every_commit_once_with_the_exact_schema(messy: Messy) -> None:
    assert messy.frame.schema == pl.Schema(RAW_COMMITS_SCHEMA)
    assert sorted(messy.frame["sha"]) == sorted(messy.shas.values())
    assert set(messy.frame["repo"]) == {"messy"}
    assert set(messy.frame["license"]) == {"MIT"}


def test_metadata_of_a_normal_commit(messy: Messy) -> None:
    row = messy.row("modify")
    assert row["subject"] == "Use a slower period"
    assert row["body"] == "The fast one overfits.\nSecond line."
    assert row["parents"] == [messy.shas["initial"]]
    assert not row["is_merge"]
    assert (row["author_name"], row["author_email"]) == ("Ada Lovelace", "ada@example.com")
    assert row["committer_name"] == "Charles Babbage"
    assert row["authored_at"] == datetime.fromtimestamp(EPOCH + 120, UTC)
    assert row["committed_at"].tzinfo is not None
    assert row["error"] is None


def test_single_file_modification_has_counts_patch_and_contents(messy: Messy) -> None:
    row = messy.row("modify")
    [change] = row["files"]
    assert change["path"] == change["old_path"] == "strategy.py"
    assert change["change_type"] == "M"
    assert (change["insertions"], change["deletions"]) == (2, 1)
    assert (row["n_files"], row["insertions"], row["deletions"]) == (1, 2, 1)
    assert change["language"] == "Python"
    assert not change["is_binary"] and not change["is_submodule"]
    assert change["old_blob"] and change["new_blob"] and change["old_blob"] != change["new_blob"]
    assert "+    period = 30" in row["patch"] and not row["patch_truncated"]
    assert row["old_contents"] == STRATEGY
    assert row["new_contents"] == STRATEGY.replace("period = 20", "period = 30\n    fast = 5")
    assert not row["contents_truncated"]


def test_additions_and_binary_files(messy: Messy) -> None:
    row = messy.row("initial")
    files = {f["path"]: f for f in row["files"]}
    assert {f["change_type"] for f in files.values()} == {"A"}
    assert files["logo.png"]["is_binary"] and files["logo.png"]["insertions"] is None
    assert files["README.md"]["language"] == "Markdown" and files["logo.png"]["language"] is None
    assert files["strategy.py"]["old_blob"] is None and files["strategy.py"]["old_path"] is None
    assert row["insertions"] == 5 + 1 and row["n_files"] == 3
    assert row["old_contents"] is None  # three files: no contents
    binary = messy.row("binary")
    assert binary["files"][0]["is_binary"] and binary["old_contents"] is None
    assert "Binary files" in binary["patch"]


def test_rename_with_modification_reads_both_sides(messy: Messy) -> None:
    row = messy.row("rename")
    [change] = row["files"]
    assert change["change_type"] == "R"
    assert (change["old_path"], change["path"]) == ("strategy.py", "sma_cross.py")
    assert (change["insertions"], change["deletions"]) == (1, 0)
    assert row["new_contents"].endswith("# x\n") and "fast = 5" in row["old_contents"]


def test_deletion_has_an_empty_new_side(messy: Messy) -> None:
    row = messy.row("delete")
    [change] = row["files"]
    assert change["change_type"] == "D" and change["path"] == "README.md"
    assert change["new_blob"] is None and change["deletions"] == 1
    assert (row["old_contents"], row["new_contents"]) == ("# demo\n", "")


def test_merge_commit_has_two_parents_and_no_files(messy: Messy) -> None:
    row = messy.row("merge")
    assert row["is_merge"]
    assert row["parents"] == [messy.shas["main_only"], messy.shas["side"]]
    assert row["files"] == [] and row["n_files"] == 0 and row["patch"] == ""


def test_huge_diff_is_capped_on_a_utf8_boundary(messy: Messy) -> None:
    row = messy.row("huge")
    assert row["patch_truncated"] and row["contents_truncated"]
    assert len(row["patch"].encode()) <= CONFIG.max_patch_bytes
    assert len(row["new_contents"].encode()) <= CONFIG.max_contents_bytes
    assert "\ufffd" not in row["patch"] + row["new_contents"]
    assert row["insertions"] == 2_000 and row["error"] is None


def test_non_utf8_message_is_replaced_and_noted(messy: Messy) -> None:
    row = messy.row("latin1_message")
    assert row["subject"] == "Caf\ufffd cr\ufffdme: fix"
    assert "message is not valid UTF-8" in row["error"]
    declared = messy.row("declared_encoding")  # git re-encodes a declared encoding
    assert declared["subject"] == "Naïve fix" and declared["error"] is None


def test_non_utf8_path_is_replaced_and_noted(messy: Messy) -> None:
    row = messy.row("latin1_path")
    assert row["files"][0]["path"] == "caf\ufffd.py"
    assert row["files"][0]["language"] == "Python"
    assert "path is not valid UTF-8" in row["error"]


def test_submodule_entry_is_flagged_and_never_read(messy: Messy) -> None:
    row = messy.row("submodule")
    [change] = row["files"]
    assert change["is_submodule"] and change["path"] == "vendor/lib"
    assert change["new_blob"] == messy.shas["initial"]
    assert row["old_contents"] is None and row["error"] is None


def test_empty_commit(messy: Messy) -> None:
    row = messy.row("empty_commit")
    assert row["files"] == [] and row["patch"] == "" and row["subject"] == "Nothing changed"


def test_explicit_sha_list_keeps_its_order(messy: Messy) -> None:
    repo = ReferenceRepo(name="messy", url=str(messy.path))
    wanted = [messy.shas["delete"], messy.shas["initial"], messy.shas["merge"]]
    frames = iter_commit_batches_for_shas(messy.path / ".git", repo, wanted, CONFIG)
    assert pl.concat(list(frames))["sha"].to_list() == wanted


def test_missing_blob_keeps_the_commit_with_an_error_and_all_others(tmp_path: Path) -> None:
    b = GitRepoBuilder(tmp_path / "repo")
    for i in range(6):
        b.write("a.py", f"a = {i}\n")
        b.write(f"f{i}.txt", f"{i}\n")
        b.commit(f"Commit {i}")
    broken = b.rev("HEAD~3")
    delete_loose_object(b.git_dir, b.blob(broken, "a.py"))  # a.py as HEAD~3 left it
    repo = ReferenceRepo(name="broken", url=str(b.path))
    frame = pl.concat(list(iter_commit_batches(b.git_dir, repo, ["HEAD"], CONFIG)))
    assert sorted(frame["sha"]) == sorted(commit_shas(b.git_dir))
    errors = dict(zip(frame["sha"], frame["error"], strict=True))
    assert {sha for sha, error in errors.items() if error} == {broken, b.rev("HEAD~2")}
    assert "unable to read" in errors[broken]
    row = frame.filter(pl.col("sha") == broken).row(0, named=True)
    assert row["subject"] == "Commit 2" and {f["path"] for f in row["files"]} == {"a.py", "f2.txt"}
    assert row["patch"] is None and row["insertions"] is None


def test_missing_blob_in_the_first_and_last_commits(tmp_path: Path) -> None:
    b = GitRepoBuilder(tmp_path / "repo")
    for i in range(3):
        b.write(f"f{i}.txt", f"content {i}\n")
        b.commit(f"Commit {i}")
    delete_loose_object(b.git_dir, b.blob("HEAD", "f2.txt"))
    delete_loose_object(b.git_dir, b.blob("HEAD", "f0.txt"))
    repo = ReferenceRepo(name="broken", url=str(b.path))
    frame = pl.concat(list(iter_commit_batches(b.git_dir, repo, ["HEAD"], CONFIG)))
    assert frame["sha"].to_list() == commit_shas(b.git_dir)
    assert frame["error"].is_null().to_list() == [False, True, False]


def test_counts_read_off_the_patch_match_git_numstat(tmp_path: Path) -> None:
    mirror = make_history_repo(tmp_path / "h.git", 300, seed=3)
    repo = ReferenceRepo(name="h", url=str(mirror))
    config = HarvestConfig(read_contents=False, batch_size=128)
    frame = pl.concat(list(iter_commit_batches(mirror, repo, ["HEAD"], config)))
    numstat = run_git(mirror, "log", "--numstat", "--format=@%H")
    expected: dict[str, tuple[int, int]] = {}
    for block in numstat.split("@")[1:]:
        sha, *lines = block.strip().splitlines()
        pairs = [line.split("\t")[:2] for line in lines if line.strip()]
        expected[sha] = (sum(int(a) for a, _ in pairs), sum(int(d) for _, d in pairs))
    got = {r[0]: (r[1], r[2]) for r in frame.select("sha", "insertions", "deletions").rows()}
    assert got == expected


def test_count_lines_splits_type_changes_and_spots_binaries() -> None:
    patch = (
        b"diff --git a/t b/t\ndeleted file mode 100644\n--- a/t\n+++ /dev/null\n@@ -1 +0,0 @@\n"
        b"-hello\ndiff --git a/t b/t\nnew file mode 120000\n--- /dev/null\n+++ b/t\n"
        b"@@ -0,0 +1 @@\n+y.py\n\\ No newline at end of file\n"
        b"diff --git a/b.bin b/b.bin\nindex 1..2 100644\nBinary files a/b.bin and b/b.bin differ\n"
        b"diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\n"
    )
    assert count_lines(patch, ["T", "M", "A"]) == [(1, 1), (None, None), (0, 0)]
    assert count_lines(patch, ["M"]) == []


def test_small_helpers() -> None:
    assert split_message("\nFirst\nline\n\nBody\n\n") == ("First line", "Body")
    assert split_message("Only subject\n") == ("Only subject", "")
    text = "aé".encode() * 3
    assert text[: utf8_cut(text, 2)].decode() == "a"
    assert utf8_cut(text, 100) == len(text)


def test_over_long_commit_output_is_cut_and_the_stream_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gitlog, "MAX_RECORD_BYTES", 20_000)
    b = GitRepoBuilder(tmp_path / "repo")
    b.write("a.py", "a = 1\n")
    b.commit("Before")
    for i in range(3):
        b.write(f"big{i}.py", "".join(f"v{j} = {j}\n" for j in range(5_000)))
    huge = b.commit("Three huge files")
    b.write("a.py", "a = 2\n")
    b.commit("After")
    repo = ReferenceRepo(name="big", url=str(b.path))
    config = HarvestConfig(max_patch_bytes=1_000_000, read_contents=False)
    frame = pl.concat(list(iter_commit_batches(b.git_dir, repo, ["HEAD"], config)))
    assert frame["subject"].to_list() == ["After", "Three huge files", "Before"]
    row = frame.filter(pl.col("sha") == huge).row(0, named=True)
    assert row["patch_truncated"] and "cut" in row["error"] and row["n_files"] == 3
    assert len(row["patch"]) < 20_000
    assert frame.filter(pl.col("sha") != huge)["error"].is_null().all()
