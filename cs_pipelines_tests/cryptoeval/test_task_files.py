"""The task folders: every loaded task is pinned, and a folder that breaks the layout is named.

``task_hashes.json`` holds the sha256 of every loaded task's record, in load order: the
CryptoEval tasks (generation, fix and explain variants) and the SFT function problems. It was
written from the tasks as they were before they moved into task folders, so ids, order and text
are frozen; after a deliberate change to a task (or to how probes or variants are derived),
rewrite it with ``python -m cs_pipelines_tests.cryptoeval.test_task_files``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from cs_pipelines.cryptoeval.task import apply_diff, read_spec
from cs_pipelines.cryptoeval.taskset import TASKS_DIR, load_specs, load_tasks
from cs_pipelines.sft.function_tasks import FUNCTIONS_DIR, load_families, load_function_tasks

HASHES = Path(__file__).with_name("task_hashes.json")
TASK_FILES = {"task.toml", "solution.py", "test.py", "probe.py"}


def record_hash(record: dict) -> str:
    text = json.dumps(record, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def loaded_hashes() -> dict[str, dict[str, str]]:
    return {
        "cryptoeval": {t.task_id: record_hash(t.to_record()) for t in load_tasks()},
        "sft_functions": {
            t.task_id: record_hash(
                {"family": t.family, "category": t.category, "task": t.task.to_record()}
            )
            for t in load_function_tasks()
        },
    }


def test_loaded_tasks_match_the_pinned_ids_order_and_text() -> None:
    pinned = json.loads(HASHES.read_text(encoding="utf-8"))
    loaded = loaded_hashes()
    for kind in ("cryptoeval", "sft_functions"):
        assert list(loaded[kind]) == list(pinned[kind]), f"{kind}: ids or their order changed"
        changed = [i for i, h in loaded[kind].items() if pinned[kind][i] != h]
        assert changed == [], f"{kind}: these tasks' text changed"


def task_folders() -> list[Path]:
    return sorted(p.parent for root in (TASKS_DIR, FUNCTIONS_DIR) for p in root.rglob("task.toml"))


def test_every_task_folder_holds_only_task_files_and_is_loaded() -> None:
    folders = task_folders()
    assert len(folders) == len(load_specs()) + sum(len(f.specs) for _, f in load_families())
    for folder in folders:
        names = {p.name for p in folder.iterdir()}
        wrong = {n for n in names if n.startswith("wrong_")}
        assert {"task.toml", "solution.py", "test.py"} <= names, folder
        assert wrong and names - wrong <= TASK_FILES, folder
        assert all(n.endswith(".diff") for n in wrong), folder
    for root in (TASKS_DIR, FUNCTIONS_DIR):
        # Shipped as package data (pyproject.toml), never imported as a package.
        files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        assert {p.suffix for p in files} <= {".py", ".diff", ".toml", ".md"}
        assert not [p for p in files if p.name == "__init__.py"]


def copy_task(tmp_path: Path) -> Path:
    source = TASKS_DIR / "indicators" / "000_sma"
    return Path(shutil.copytree(source, tmp_path / "indicators" / source.name))


def test_the_prompt_ends_with_the_docstring_and_wrong_answers_change_only_the_body(
    tmp_path: Path,
) -> None:
    folder = copy_task(tmp_path)
    spec = load_specs()[0][1]
    assert read_spec(folder) == spec
    solution = (folder / "solution.py").read_text()
    assert spec.prompt.endswith('"""\n') and solution == spec.prompt + spec.solution
    wrong = folder / "wrong_2.diff"
    diff = wrong.read_text()
    # The diff shows the planted bug alone: two lines of context, no line of the docstring.
    assert diff.startswith("--- solution.py\n+++ wrong_2.py\n@@ -19,4 +19,4 @@\n")
    assert '"""' not in diff
    assert apply_diff(solution, diff) == spec.prompt + spec.mutants[1]
    # Any unified diff of the same change reads the same (diff -u's dated headers, more context).
    lines = solution.splitlines(keepends=True)
    wrong_lines = (spec.prompt + spec.mutants[1]).splitlines(keepends=True)
    dated = ("solution.py\t2024-01-01 00:00:00", "wrong_2.py\t2024-01-01 00:00:00")
    wrong.write_text("".join(difflib.unified_diff(lines, wrong_lines, *dated, n=5)))
    assert read_spec(folder) == spec
    # prompt_lines sets where the prompt ends, for a prompt the docstring does not end.
    toml = folder / "task.toml"
    toml.write_text(toml.read_text() + f"prompt_lines = {spec.prompt.count(chr(10))}\n")
    assert read_spec(folder) == spec


def test_a_wrong_answer_that_does_not_apply_or_changes_the_prompt_names_its_file(
    tmp_path: Path,
) -> None:
    folder = copy_task(tmp_path)
    wrong = folder / "wrong_2.diff"
    diff = wrong.read_text()
    # Context that does not match solution.py, a removed line that does not, a hunk moved off
    # its line: each is named with the file and the hunk, never applied elsewhere.
    for broken in (
        diff.replace("             out.append(math.nan)", "             out.append(None)"),
        diff.replace("-            out.append(sum(", "-            out.append(max("),
        diff.replace("@@ -19,4 +19,4 @@", "@@ -18,4 +18,4 @@"),
    ):
        assert broken != diff
        wrong.write_text(broken)
        with pytest.raises(ValueError, match=r"wrong_2\.diff: hunk @@ -1[89],4 \+1[89],4 @@ does"):
            read_spec(folder)
    wrong.write_text(diff.replace("@@ -19,4 +19,4 @@", "@@ -19,3 +19,4 @@"))
    with pytest.raises(ValueError, match=r"wrong_2\.diff: hunk @@ -19,3 \+19,4 @@ has 4 old"):
        read_spec(folder)
    wrong.write_text("out.append(0)\n")
    with pytest.raises(ValueError, match=r"wrong_2\.diff: not a unified diff"):
        read_spec(folder)
    # A wrong answer changes the body only: a diff that touches the prompt is named.
    solution = (folder / "solution.py").read_text()
    changed = solution.replace("window: int", "window: int = 3", 1)
    wrong.write_text(
        "".join(
            difflib.unified_diff(
                solution.splitlines(keepends=True),
                changed.splitlines(keepends=True),
                "solution.py",
                "wrong_2.py",
                n=2,
            )
        )
    )
    with pytest.raises(ValueError, match=r"wrong_2\.diff: changes the prompt"):
        read_spec(folder)
    # The prompt ends with the entry point's docstring: a solution without one is named.
    lines = solution.splitlines(keepends=True)
    (folder / "solution.py").write_text("".join(lines[:4] + lines[13:]))
    with pytest.raises(ValueError, match=r"solution\.py: sma has no docstring"):
        read_spec(folder)


def test_a_diff_without_a_final_newline_applies_as_diff_u_writes_it() -> None:
    diff = "--- a\n+++ b\n@@ -2,2 +2,2 @@\n b\n-c\n\\ No newline at end of file\n+C\n"
    assert apply_diff("a\nb\nc", diff) == "a\nb\nC\n"
    assert apply_diff("a\nb\nC\n", diff.replace("-c", "+c").replace("+C", "-C")) == "a\nb\nc"
    with pytest.raises(ValueError, match=r"x\.diff: hunk @@ -2,2 \+2,2 @@ does not match"):
        apply_diff("a\nb\nc\n", diff, "x.diff")


def test_a_prelude_opens_the_test_and_the_probe_and_a_missing_one_is_named(
    tmp_path: Path,
) -> None:
    source = TASKS_DIR / "backtrader" / "150_sma_cross_strategy"
    folder = Path(shutil.copytree(source, tmp_path / "backtrader" / source.name))
    harness = (source.parent / "_harness.py").read_text()
    (tmp_path / "backtrader" / "_harness.py").write_text(harness)
    spec = read_spec(folder)
    assert spec == read_spec(source)
    check = (folder / "test.py").read_text()
    assert spec.test.endswith(harness + "\n\n" + check)
    assert spec.probe.startswith("def probe(candidate):\n    import datetime\n")
    (tmp_path / "backtrader" / "_harness.py").unlink()
    with pytest.raises(ValueError, match=r"task\.toml: test_prelude names .*_harness\.py"):
        read_spec(folder)


def test_misnamed_folders_wrong_answers_and_ids_are_named(tmp_path: Path) -> None:
    folder = copy_task(tmp_path)
    (folder / "wrong_2.diff").rename(folder / "wrong_3.diff")
    with pytest.raises(ValueError, match="without gaps"):
        read_spec(folder)
    (folder / "wrong_3.diff").rename(folder / "wrong_2.diff")
    renamed = folder.rename(folder.with_name("001_sma"))
    assert read_spec(renamed).entry_point == "sma"
    with pytest.raises(ValueError, match=r"ids repeat \[\] or are missing \[0\]"):
        load_specs(tmp_path)
    renamed.rename(folder.with_name("000_simple_ma"))
    with pytest.raises(ValueError, match="the folder is named <number>_sma"):
        load_specs(tmp_path)


if __name__ == "__main__":
    HASHES.write_text(json.dumps(loaded_hashes(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {HASHES}")
