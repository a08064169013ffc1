"""Structure figures of the package: code vs task data, SQL outside the warehouse, import circles.

Run from the repository root: ``python benchmarks/structure.py`` (issue 11 quotes these figures
before and after the restructuring; ``duplicates --most 200 | head -1`` gives the duplicate rows).

- lines of code: ``.py`` lines under ``cs_pipelines/`` that are not task data;
- lines of task data: files under the task-data folders (``cryptoeval/tasks``, ``sft/functions``),
  whatever their format (Python modules of string literals before, data files after);
- SQL statements: string literals (an f-string counts once, its placeholders as ``{}``) that
  start like a SQL statement (``SELECT … FROM``, ``INSERT INTO``, ``CREATE TABLE``, ``PIVOT t
  ON`` …), outside ``cs_pipelines/warehouse``; prose that opens with a verb such as "Drop" or
  "Create" is not SQL;
- import circles: strongly connected components of the module import graph (imports anywhere in
  a module, lazy ones included), and the edges among ``cs_pipelines/defs`` modules.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cs_pipelines"
TASK_DATA = ("cryptoeval/tasks", "sft/functions")
SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|DELETE\s+FROM\b|UPDATE\s+\S+\s+SET\b"
    r"|CREATE\s+(OR\s+REPLACE\s+)?(TEMP\w*\s+)?(TABLE|VIEW|INDEX|SEQUENCE|SCHEMA)\b"
    r"|DROP\s+(TABLE|VIEW|INDEX|SEQUENCE|SCHEMA)\b|ALTER\s+TABLE\b|PIVOT\s+\S+\s+ON\b"
    r"|WITH\s+\w+\s+AS\s*\()",
    re.I | re.S,
)


def is_task_data(path: Path) -> bool:
    rel = path.relative_to(PACKAGE).as_posix()
    return any(rel.startswith(folder + "/") for folder in TASK_DATA)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def code_files() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if not is_task_data(p)]


def line_counts() -> tuple[int, int]:
    code = sum(len(p.read_text().splitlines()) for p in code_files())
    data = sum(
        len(p.read_text().splitlines())
        for folder in TASK_DATA
        for p in (PACKAGE / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
    return code, data


def sql_statements() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for path in code_files():
        if path.relative_to(PACKAGE).parts[0] == "warehouse":
            continue
        tree = ast.parse(path.read_text())
        in_fstrings = {
            id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
            for part in node.values
        }  # fmt: skip
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(
                    str(part.value) if isinstance(part, ast.Constant) else "{}"
                    for part in node.values
                )
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in in_fstrings:
                    continue
                text = node.value
            else:
                continue
            if SQL.match(text):
                counts[path.relative_to(ROOT).as_posix()] += 1
    return dict(counts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in code_files()}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text())):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    sys.setrecursionlimit(10_000)

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def main() -> None:
    code, data = line_counts()
    sql = sql_statements()
    graph = import_graph()
    defs = {m for m in graph if m.startswith("cs_pipelines.defs.")}
    defs_edges = sum(len(graph[m] & defs) for m in defs)
    found = circles(graph)
    print(f"lines of code (cs_pipelines, *.py, task data excluded): {code}")
    print(f"lines of task data ({', '.join(TASK_DATA)}): {data}")
    print(f"SQL statements outside cs_pipelines/warehouse: {sum(sql.values())}")
    for path, n in sorted(sql.items()):
        print(f"  {path}: {n}")
    print(f"defs modules: {len(defs)}, import edges among them: {defs_edges}")
    print(f"import circles: {len(found)}")
    for component in found:
        print("  " + " <-> ".join(component))


if __name__ == "__main__":
    main()
