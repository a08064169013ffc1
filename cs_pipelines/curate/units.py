"""What a Python change changed, at the level of functions, methods and classes.

CommitPackFT pairs a commit message with whole files before and after, inside a 768-token
window; trading code lives in long files, so on real trading histories that window alone
rejects most commits. :func:`changed_units` compares the two versions' syntax trees instead and
returns the enclosing definitions that differ, before and after: a pair the size of what
changed, whatever the size of the file.

Units of a module: its top-level functions; its top-level classes, whose methods are units of
their own (``Strategy.next``) while the class unit is what is left of it (header, decorators,
docstring, attributes); and ``<module>``, the top-level statements outside any definition
(imports, constants), of which a change keeps only the statements that differ. Nested
functions and classes belong to their parent. A unit is identified by its qualified name (a
repeated one, such as a property's getter and setter, by its occurrence: ``C.x``, ``C.x#2``);
a renamed function is one unit removed and one added.
"""

from __future__ import annotations

import ast
import difflib
import functools
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

UnitKind = Literal["function", "method", "class", "module"]
MODULE = "<module>"


class UnparsableSource(ValueError):
    """A version of the file that is not Python this interpreter can parse (said which)."""


@dataclass(frozen=True)
class Unit:
    qualname: str
    kind: UnitKind
    code: str  # its lines, decorators included; a class without its methods' lines
    first_line: int  # 1-based, in the file
    statements: tuple[str, ...] = ()  # <module>: each loose statement's text


@dataclass(frozen=True)
class UnitChange:
    qualname: str
    kind: UnitKind
    before: str  # "" when the unit was added
    after: str  # "" when it was removed
    first_line: int  # where it is in the new version (the old one for a removal)

    @property
    def change(self) -> Literal["added", "removed", "modified"]:
        if not self.before:
            return "added"
        return "removed" if not self.after else "modified"


def units(source: str, version: str = "source") -> Mapping[str, Unit]:
    """The units of ``source`` by qualified name, in file order (see the module).

    Raises :class:`UnparsableSource` naming ``version`` (``"old"``, ``"new"``) when it does not
    parse: a syntax error, a null byte, or nesting too deep for the parser.
    """
    try:
        return _units_of(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise UnparsableSource(f"the {version} version does not parse: {_reason(exc)}") from None


@functools.lru_cache(maxsize=64)
def _units_of(source: str) -> Mapping[str, Unit]:
    """Parsing is most of curation's unit form (a long module: ~10 ms), and the new version
    of a file in one commit is the old one of the next commit that changes it: cached."""
    with warnings.catch_warnings():  # invalid escapes &c. warn on stderr: not ours to say
        warnings.simplefilter("ignore")
        tree = ast.parse(source)
    lines = source.splitlines()
    found: list[Unit] = []
    loose: list[str] = []  # <module>: top-level statements outside any definition
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(Unit(node.name, "function", _text(lines, node), _start(node)))
        elif isinstance(node, ast.ClassDef):
            found += _class_units(node, lines)
        else:
            loose.append(_text(lines, node))
    named = _named(found)
    if loose:
        first = min(_start(n) for n in tree.body if not isinstance(n, _DEFINITIONS))
        module = Unit(MODULE, "module", "\n".join(loose), first, tuple(loose))
        named = {MODULE: module, **named}
    return MappingProxyType(named)


def changed_units(old_source: str, new_source: str) -> list[UnitChange]:
    """The units that differ between the two versions, in the new version's order (removed
    ones after). Lines compare without trailing whitespace, so a re-indented or re-worded
    line counts and a stripped trailing space does not."""
    old, new = units(old_source, "old"), units(new_source, "new")
    before = {name: unit.code for name, unit in old.items()}
    changes = [
        UnitChange(name, unit.kind, before.get(name, ""), unit.code, unit.first_line)
        for name, unit in new.items()
        if _normalised(before.get(name, "")) != _normalised(unit.code)
    ]
    if changes and changes[0].qualname == MODULE and MODULE in old:  # only what changed of it
        changes[0] = _module_change(old[MODULE], new[MODULE])
    changes += [
        UnitChange(name, unit.kind, unit.code, "", unit.first_line)
        for name, unit in old.items()
        if name not in new
    ]
    return changes


_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _module_change(old: Unit, new: Unit) -> UnitChange:
    """The loose statements that changed, before and after: a module's imports and constants
    can be long, and one new import is all a change may add to them."""
    matcher = difflib.SequenceMatcher(
        a=[tuple(_normalised(s)) for s in old.statements],
        b=[tuple(_normalised(s)) for s in new.statements],
        autojunk=False,
    )
    removed, added = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            removed += old.statements[i1:i2]
            added += new.statements[j1:j2]
    return UnitChange(MODULE, "module", "\n".join(removed), "\n".join(added), new.first_line)


def _class_units(node: ast.ClassDef, lines: list[str]) -> list[Unit]:
    methods = [n for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    skipped = {line for m in methods for line in range(_start(m), (m.end_lineno or m.lineno) + 1)}
    first, last = _start(node), node.end_lineno or node.lineno
    rest = [lines[i - 1] for i in range(first, last + 1) if i not in skipped and i <= len(lines)]
    return [
        Unit(node.name, "class", "\n".join(rest).rstrip(), first),
        *(Unit(f"{node.name}.{m.name}", "method", _text(lines, m), _start(m)) for m in methods),
    ]


def _named(found: list[Unit]) -> dict[str, Unit]:
    """Units by qualified name; a repeated name gets ``#2``, ``#3``... in order."""
    named: dict[str, Unit] = {}
    seen: dict[str, int] = {}
    for unit in found:
        seen[unit.qualname] = seen.get(unit.qualname, 0) + 1
        count = seen[unit.qualname]
        key = unit.qualname if count == 1 else f"{unit.qualname}#{count}"
        named[key] = Unit(key, unit.kind, unit.code, unit.first_line)
    return named


def _start(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _text(lines: list[str], node: ast.stmt) -> str:
    return "\n".join(lines[_start(node) - 1 : node.end_lineno or node.lineno])


def _normalised(code: str) -> list[str]:
    return [line.rstrip() for line in code.splitlines()]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SyntaxError):
        return f"{exc.msg} (line {exc.lineno})"
    if isinstance(exc, RecursionError | MemoryError):
        return "nested too deeply"
    return str(exc)
