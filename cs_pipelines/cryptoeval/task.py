"""The task record, and the reader of the task folders that hold every task's text.

A task folder (``cryptoeval/tasks/<category>/<NNN>_<entry_point>/``, and the SFT function
problems' ``sft/functions/<category>/<family>/<NN>_<entry_point>/``) holds one task as files:
``task.toml`` (``entry_point``, ``difficulty``, optional ``fix_symptom``, ``prompt_lines``,
``test_prelude``, ``probe_prelude``), ``solution.py`` (the prompt, which ends with the entry
point's docstring, then the canonical body), ``wrong_1.diff``, ``wrong_2.diff``... (each a unified
diff turning ``solution.py`` into a wrong answer), ``test.py`` (``check``, which runs after
:data:`TEST_HELPERS`) and an optional ``probe.py``. No text is written twice: see
:func:`read_spec` and ``cryptoeval/tasks/README.md``.
"""

from __future__ import annotations

import ast
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


META_KEYS = (
    "entry_point",
    "difficulty",
    "fix_symptom",
    "prompt_lines",
    "test_prelude",
    "probe_prelude",
)
_WRONG = re.compile(r"wrong_(\d+)\.diff")
_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@( .*)?")


def folder_number(folder: Path) -> int:
    """The number a task folder's name starts with (``007_vwap`` -> 7): its place in the set."""
    digits = folder.name.split("_", 1)[0]
    if not digits.isdigit():
        raise ValueError(f"{folder}: a task folder's name is <number>_<entry_point>")
    return int(digits)


def read_spec(folder: Path) -> Spec:
    """The task a task folder holds; its text is rebuilt from the files byte for byte.

    - prompt: ``solution.py`` up to and including the line that closes the docstring of the
      top-level ``def``/``class`` named ``entry_point`` (or its first ``prompt_lines`` lines, when
      ``task.toml`` sets them); the canonical solution is the rest of ``solution.py``;
    - a wrong answer ``wrong_N.diff`` is a unified diff from ``solution.py`` to the wrong
      version of it (see :func:`apply_diff`), which keeps the prompt; its body is the rest;
    - test and probe: ``test.py`` and ``probe.py``, after the file ``test_prelude`` and
      ``probe_prelude`` name (relative to the folder holding the task folder) when set: the test
      is the prelude, two blank lines, then ``test.py``; the probe is ``probe.py``'s first line
      (its ``def``), the prelude indented into that function, a blank line, then the rest.

    Raises ``ValueError`` naming the file that breaks the layout: unknown or missing keys in
    ``task.toml``, a folder name that is not ``<number>_<entry_point>``, a solution without the
    docstring, a wrong answer's diff that does not apply or that changes the prompt, wrong
    answers not numbered 1, 2, ..., a prelude that is missing.
    """
    toml = folder / "task.toml"
    meta = tomllib.loads(_text(toml))
    unknown = sorted(set(meta) - set(META_KEYS))
    missing = [k for k in META_KEYS[:2] if k not in meta]
    if unknown or missing:
        raise ValueError(f"{toml}: unknown keys {unknown}, missing {missing}")
    if not re.fullmatch(rf"\d+_{re.escape(meta['entry_point'])}", folder.name):
        raise ValueError(f"{folder}: the folder is named <number>_{meta['entry_point']}")
    solution = folder / "solution.py"
    source = _text(solution)
    prompt, body = split_prompt(source, meta["entry_point"], meta.get("prompt_lines"), solution)
    wrong = sorted(
        (int(m.group(1)), path)
        for path in folder.glob("wrong_*.diff")
        if (m := _WRONG.fullmatch(path.name))
    )
    if [n for n, _ in wrong] != list(range(1, len(wrong) + 1)):
        raise ValueError(
            f"{folder}: wrong answers are wrong_1.diff, wrong_2.diff, ... without gaps"
        )
    test = _text(folder / "test.py")
    if test_prelude := _prelude(folder, meta, "test_prelude"):
        test = test_prelude + "\n\n" + test
    probe_path = folder / "probe.py"
    probe = _text(probe_path) if probe_path.exists() else ""
    if probe_prelude := _prelude(folder, meta, "probe_prelude"):
        probe = _indent_prelude(probe, probe_prelude, probe_path)
    return Spec(
        entry_point=meta["entry_point"],
        difficulty=meta["difficulty"],
        prompt=prompt,
        solution=body,
        test=TEST_HELPERS + "\n" + test,
        mutants=tuple(_wrong_body(path, source, prompt) for _, path in wrong),
        fix_symptom=meta.get("fix_symptom", ""),
        probe=probe,
    )


def split_prompt(
    source: str, entry_point: str, lines: int | None = None, path: Path | str = "solution.py"
) -> tuple[str, str]:
    """(prompt, body) of a whole solution's text.

    The prompt is ``source`` up to and including the line that closes the docstring of the last
    top-level ``def``/``class`` named ``entry_point``, or its first ``lines`` lines; the body is
    the rest.
    """
    source_lines = _split_lines(source)
    if lines is None:
        doc = _docstring_lines(source, entry_point, path)
        if doc is None:
            raise ValueError(
                f"{path}: {entry_point} has no docstring to end the prompt; set prompt_lines"
            )
        lines = doc[1]
    return "".join(source_lines[:lines]), "".join(source_lines[lines:])


def _docstring_lines(source: str, entry_point: str, path: Path | str) -> tuple[int, int] | None:
    """First and last line (1-based) of the entry point's docstring, when it has lines of its
    own; None when there is none."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ValueError(f"{path}: does not parse: {exc}") from exc
    defs = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.name == entry_point
    ]
    if not defs or not defs[-1].body:
        return None
    first = defs[-1].body[0]
    if not (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and first.end_lineno is not None
    ):
        return None
    lines = source.encode("utf-8").splitlines()  # ast's column offsets count UTF-8 bytes
    before = lines[first.lineno - 1][: first.col_offset]
    after = lines[first.end_lineno - 1][first.end_col_offset :]
    if before.strip() or after.strip():
        return None  # shares a line with other code
    return first.lineno, first.end_lineno


def _split_lines(text: str) -> list[str]:
    """Lines as ``ast`` numbers them (``\\n``, ``\\r\\n`` or ``\\r`` ends one), ends kept."""
    return io.StringIO(text, newline="").readlines()


def _wrong_body(path: Path, solution: str, prompt: str) -> str:
    """The body of the wrong answer the diff in ``path`` makes of ``solution`` (prompt kept)."""
    text = apply_diff(solution, _text(path), path)
    if not text.startswith(prompt):
        raise ValueError(
            f"{path}: changes the prompt (solution.py up to the end of the entry point's "
            "docstring); a wrong answer changes only the body"
        )
    return text[len(prompt) :]


def apply_diff(source: str, diff: str, path: Path | str = "<diff>") -> str:
    """``source`` with the unified diff ``diff`` (``diff -u`` output for one file) applied.

    Strict: the hunks come in order, each applies at the line its ``@@`` header states, its
    line counts match the header and its context and removed lines match ``source`` exactly.
    Lines end at ``\\n`` only (as for ``diff``); a ``\\ No newline at end of file`` line takes
    the newline off the line before it. Raises ``ValueError`` naming ``path`` and the hunk when
    the diff does not apply.
    """
    old = _lines(source)
    lines = _lines(diff)
    if len(lines) < 3 or not (lines[0].startswith("--- ") and lines[1].startswith("+++ ")):
        raise ValueError(f"{path}: not a unified diff (a --- line, a +++ line, then hunks)")
    out: list[str] = []
    at = 0  # the lines of ``source`` before ``at`` are done
    i = 2
    while i < len(lines):
        header = lines[i].rstrip("\n")
        match = _HUNK.fullmatch(header)
        if not match:
            raise ValueError(f"{path}: line {i + 1} is not a hunk header: {header!r}")
        start, count, new_start, new_count = (
            1 if g is None else int(g) for g in match.groups()[:4]
        )
        start -= count > 0  # 0-based; a hunk that removes nothing names the line it follows
        new_start -= new_count > 0
        if start < at or new_start != len(out) + start - at:
            raise ValueError(f"{path}: hunk {header} is out of order or at the wrong line")
        before: list[str] = []
        after: list[str] = []
        sides: tuple[list[str], ...] = ()
        i += 1
        while i < len(lines) and not lines[i].startswith("@@"):
            line = lines[i]
            i += 1
            if line.startswith("\\"):
                if not sides or not sides[0][-1].endswith("\n"):
                    raise ValueError(f"{path}: hunk {header}: misplaced {line.rstrip()!r}")
                for side in sides:
                    side[-1] = side[-1][:-1]
                continue
            tag, text = (" ", line) if line == "\n" else (line[0], line[1:])
            sides = {" ": (before, after), "-": (before,), "+": (after,)}.get(tag, ())
            if not sides:
                raise ValueError(f"{path}: hunk {header}: line {i} is not in a hunk's form")
            for side in sides:
                side.append(text)
        if (len(before), len(after)) != (count, new_count):
            raise ValueError(f"{path}: hunk {header} has {len(before)} old, {len(after)} new lines")
        if old[start : start + count] != before:
            raise ValueError(f"{path}: hunk {header} does not match the text from line {start + 1}")
        out += old[at:start] + after
        at = start + count
    return "".join(out + old[at:])


def _lines(text: str) -> list[str]:
    """Lines split at ``\\n`` only, ends kept (as ``diff`` and ``patch`` read them)."""
    return io.StringIO(text, newline="\n").readlines()


def _prelude(folder: Path, meta: dict, key: str) -> str:
    """The text of the file ``meta[key]`` names, relative to the task folder's parent; ''."""
    if key not in meta:
        return ""
    path = folder.parent / meta[key]
    if not path.is_file():
        raise ValueError(f"{folder / 'task.toml'}: {key} names {path}, which does not exist")
    return _text(path)


def _indent_prelude(probe: str, prelude: str, path: Path) -> str:
    """``probe``'s first line (a ``def``), ``prelude`` indented into it, a blank line, the rest."""
    head, _, rest = probe.partition("\n")
    if not (head.startswith("def ") and head.rstrip().endswith(":")):
        raise ValueError(f"{path}: the first line defines the function the prelude goes into")
    return head + "\n" + textwrap.indent(prelude, "    ", lambda s: s.strip()) + "\n" + rest


def _text(path: Path) -> str:
    """The file's text exactly (no newline translation)."""
    return path.read_bytes().decode("utf-8")
