"""The task record, and the reader of the task folders that hold every task's text.

A task folder (``cryptoeval/tasks/<category>/<NNN>_<entry_point>/``, and the SFT function
problems' ``sft/functions/<category>/<family>/<NN>_<entry_point>/``) holds one task as files:
``task.toml`` (``entry_point``, ``difficulty``, optional ``fix_symptom``), ``prompt.py`` (the
prompt, exactly), ``solution.py`` and ``wrong_1.py``, ``wrong_2.py``... (the prompt followed by
the canonical body or a wrong one: whole runnable functions), ``test.py`` (``check``, which
runs after :data:`TEST_HELPERS`) and an optional ``probe.py``. See ``cryptoeval/tasks/README.md``.
"""

from __future__ import annotations

import io
import re
import textwrap
import tokenize
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = (
    "indicators",
    "returns_risk",
    "position_sizing",
    "execution",
    "amm_dex",
    "order_book",
    "rebalancing",
    "data_handling",
    "backtrader",
)
DIFFICULTIES = ("easy", "medium", "hard")
VARIANTS = ("generate", "fix", "explain")

# Prepended to every task's ``test`` so each test is self-contained (as in HumanEval) and compares
# floats with explicit tolerances, treating NaN as equal to NaN (the warm-up convention).
TEST_HELPERS = '''import math

nan = float("nan")


def _close(a, b, rel_tol=1e-9, abs_tol=1e-9):
    """Recursive, NaN-aware comparison with explicit tolerances (exact for str/bool/None)."""
    if hasattr(a, "tolist"):
        a = a.tolist()
    if hasattr(b, "tolist"):
        b = b.tolist()
    if isinstance(a, dict) or isinstance(b, dict):
        if not (isinstance(a, dict) and isinstance(b, dict)) or set(a) != set(b):
            return False
        return all(_close(a[k], b[k], rel_tol, abs_tol) for k in a)
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if not (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple))):
            return False
        return len(a) == len(b) and all(_close(x, y, rel_tol, abs_tol) for x, y in zip(a, b))
    if a is None or b is None or isinstance(a, (str, bool)) or isinstance(b, (str, bool)):
        return a == b
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)


def _raises(fn, exc_type, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except exc_type:
        return True
    return False

'''


@dataclass(frozen=True)
class Task:
    """One CryptoEval task in the HumanEval format (plus category, difficulty and mutants).

    ``prompt + canonical_solution`` is a runnable function named ``entry_point``; ``test`` defines
    ``check(candidate)``; every entry of ``mutants`` is a plausible wrong completion that
    ``check`` rejects. ``probe`` is source defining ``probe(candidate) -> list`` (the inputs maj@k
    clusters samples on; empty for plain HumanEval files).

    Explain variants (HumanEvalExplain style) ask the model to describe ``explain_source`` (the
    function without its docstring) and to write the function again from that description: their
    ``prompt`` is only a comment and the original imports, so a completion, the canonical
    solution and every mutant are whole function definitions starting at column 0.
    """

    task_id: str
    prompt: str
    entry_point: str
    canonical_solution: str
    test: str
    category: str
    difficulty: str
    mutants: tuple[str, ...]
    variant: str = "generate"
    bug_symptom: str = ""
    source_task_id: str = ""
    probe: str = ""
    explain_source: str = ""

    def signature(self) -> str:
        """The ``def name(...) -> T:`` header (possibly several lines), ending in a newline.

        ``class Name(Base):`` for a task whose entry point is a class.
        """
        for text in (self.prompt, self.canonical_solution):
            header = function_header(text, self.entry_point)
            if header:
                return header
        raise ValueError(
            f"{self.task_id}: no definition of {self.entry_point} to take a header from"
        )

    def program(self, completion: str | None = None) -> str:
        """The program running ``check`` on ``prompt + completion`` (default: canonical)."""
        body = self.canonical_solution if completion is None else completion
        return f"{self.prompt}{body}\n\n{self.test}\n\ncheck({self.entry_point})\n"

    def to_record(self) -> dict:
        return {
            "task_id": self.task_id,
            "prompt": self.prompt,
            "entry_point": self.entry_point,
            "canonical_solution": self.canonical_solution,
            "test": self.test,
            "category": self.category,
            "difficulty": self.difficulty,
            "mutants": list(self.mutants),
            "variant": self.variant,
            "bug_symptom": self.bug_symptom,
            "source_task_id": self.source_task_id,
            "probe": self.probe,
            "explain_source": self.explain_source,
        }

    @classmethod
    def from_record(cls, record: dict) -> Task:
        return cls(
            task_id=record["task_id"],
            prompt=record["prompt"],
            entry_point=record["entry_point"],
            canonical_solution=record["canonical_solution"],
            test=record["test"],
            category=record.get("category", ""),
            difficulty=record.get("difficulty", ""),
            mutants=tuple(record.get("mutants", ())),
            variant=record.get("variant", "generate"),
            bug_symptom=record.get("bug_symptom", ""),
            source_task_id=record.get("source_task_id", ""),
            probe=record.get("probe", ""),
            explain_source=record.get("explain_source", ""),
        )


def function_header(source: str, name: str) -> str:
    """The header of the last top-level ``def name(`` (or ``class name``) in ``source``.

    '' when there is none. Tokenised, not split on the first colon: annotations and defaults
    may hold brackets, strings and colons of their own.
    """
    lines = source.splitlines(keepends=True)
    start = re.compile(rf"(def {re.escape(name)}\(|class {re.escape(name)}\b)")
    starts = [i for i, line in enumerate(lines) if start.match(line)]
    if not starts:
        return ""
    lines = lines[starts[-1] :]
    depth = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if token.type != tokenize.OP:
                continue
            if token.string in ("(", "[", "{"):
                depth += 1
            elif token.string in (")", "]", "}"):
                depth -= 1
            elif token.string == ":" and depth == 0:
                row, col = token.end
                return "".join(lines[: row - 1]) + lines[row - 1][:col] + "\n"
    except (tokenize.TokenError, SyntaxError):
        return ""
    return ""


@dataclass(frozen=True)
class Spec:
    """A task as authored (a task folder, see :func:`read_spec`): ids are assigned by the loaders
    (:func:`taskset.load_tasks`, :func:`sft.function_tasks.load_function_tasks`)."""

    entry_point: str
    difficulty: str
    prompt: str
    solution: str
    test: str
    mutants: tuple[str, ...]
    category: str = ""
    # When set, a HumanEvalFix-style variant is derived from the first mutant with this symptom.
    fix_symptom: str = ""
    # Python source defining ``probe(candidate) -> list``: the outputs maj@k clusters samples on.
    # Empty: derived from the calls ``check`` makes (see ``cryptoeval.probes``).
    probe: str = ""
    extra: dict = field(default_factory=dict)


def _block(text: str, indent: str = "") -> str:
    body = textwrap.dedent(text).strip("\n") + "\n"
    return textwrap.indent(body, indent) if indent else body


def spec(
    entry_point: str,
    difficulty: str,
    prompt: str,
    solution: str,
    test: str,
    mutants: list[str] | tuple[str, ...],
    fix: str = "",
    probe: str = "",
) -> Spec:
    """A spec from text written inline (tests): prompt and test at column 0, bodies indented by
    four spaces."""
    return Spec(
        entry_point=entry_point,
        difficulty=difficulty,
        prompt=_block(prompt),
        solution=_block(solution, "    "),
        test=TEST_HELPERS + "\n" + _block(test),
        mutants=tuple(_block(m, "    ") for m in mutants),
        fix_symptom=fix,
        probe=_block(probe) if probe else "",
    )


META_KEYS = ("entry_point", "difficulty", "fix_symptom")
_WRONG = re.compile(r"wrong_(\d+)\.py")


def folder_number(folder: Path) -> int:
    """The number a task folder's name starts with (``007_vwap`` -> 7): its place in the set."""
    digits = folder.name.split("_", 1)[0]
    if not digits.isdigit():
        raise ValueError(f"{folder}: a task folder's name is <number>_<entry_point>")
    return int(digits)


def read_spec(folder: Path) -> Spec:
    """The task a task folder holds, its text byte for byte as in the files.

    Raises ``ValueError`` naming the file that breaks the layout: unknown or missing keys in
    ``task.toml``, a folder name that is not ``<number>_<entry_point>``, a solution or wrong
    answer that does not start with the prompt, wrong answers not numbered 1, 2, ...
    """
    meta = tomllib.loads(_text(folder / "task.toml"))
    unknown = sorted(set(meta) - set(META_KEYS))
    missing = [k for k in META_KEYS[:2] if k not in meta]
    if unknown or missing:
        raise ValueError(f"{folder / 'task.toml'}: unknown keys {unknown}, missing {missing}")
    if not re.fullmatch(rf"\d+_{re.escape(meta['entry_point'])}", folder.name):
        raise ValueError(f"{folder}: the folder is named <number>_{meta['entry_point']}")
    prompt = _text(folder / "prompt.py")
    wrong = sorted(
        (int(m.group(1)), path)
        for path in folder.glob("wrong_*.py")
        if (m := _WRONG.fullmatch(path.name))
    )
    if [n for n, _ in wrong] != list(range(1, len(wrong) + 1)):
        raise ValueError(f"{folder}: wrong answers are wrong_1.py, wrong_2.py, ... without gaps")
    probe = folder / "probe.py"
    return Spec(
        entry_point=meta["entry_point"],
        difficulty=meta["difficulty"],
        prompt=prompt,
        solution=_after_prompt(folder / "solution.py", prompt),
        test=TEST_HELPERS + "\n" + _text(folder / "test.py"),
        mutants=tuple(_after_prompt(path, prompt) for _, path in wrong),
        fix_symptom=meta.get("fix_symptom", ""),
        probe=_text(probe) if probe.exists() else "",
    )


def _text(path: Path) -> str:
    """The file's text exactly (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def _after_prompt(path: Path, prompt: str) -> str:
    """The body a whole function in ``path`` adds to ``prompt``."""
    text = _text(path)
    if not text.startswith(prompt):
        raise ValueError(f"{path}: does not start with the text of prompt.py")
    return text[len(prompt) :]
