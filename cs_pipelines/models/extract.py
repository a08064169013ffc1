"""Pull the code out of a model completion.

Chat models answer in Markdown ("Here is the function: ```python ... ``` It works by ..."),
completion-style prompts get bare code, and generation may stop in the middle of a block
(max_new_tokens, or a stop sequence such as "```"). :func:`extract_code` handles all three, in
this order:

1. the content of the FIRST closed fenced block whose language tag matches ``language`` (aliases
   such as ``py``/``python3`` included, case-insensitive; only the first word of the info string
   counts) or that has no tag;
2. else the content after the last opening fence that is never closed (matching or no tag): the
   completion was cut inside a block;
3. else the raw completion.

Fences are lines of three or more backticks or tildes, closed by the same character at least as
long; they may be indented (models indent them inside list items), and the fence's own indentation
is removed from the block's lines.

Indentation rule (HumanEval-style completions): the result keeps its indentation, so a completion
that continues a function body ("    return a + b", or a body that opens with a nested
``def helper():`` and ends with ``return``) stays valid when appended to the prompt that holds the
signature. The one exception, for Python only, is code indented as a WHOLE that is a complete
module once dedented: its first statement is top-level (``def``, ``async def``, ``class``,
``import``, ``from``, ``@decorator``) AND the dedented code parses (a body's ``return`` at module
level does not). That is a program that happened to be indented (inside a list item, say), so the
common indentation is removed. A body whose first line lost its indentation because the prompt
ended with the indentation itself cannot be told apart without the prompt, and is returned as is.

Leading blank lines and trailing whitespace are removed; nothing else is changed.
"""

from __future__ import annotations

import re
import textwrap

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)$")
_TOP_LEVEL = re.compile(r"^(def |async def |class |import |from |@)")

_ALIASES: dict[str, set[str]] = {
    "python": {"python", "py", "python3", "py3", "python2", "ipython", "pycon"},
    "javascript": {"javascript", "js", "node"},
    "typescript": {"typescript", "ts"},
    "bash": {"bash", "sh", "shell", "zsh", "console"},
    "cpp": {"cpp", "c++", "cc", "cxx"},
}


def _tags_for(language: str) -> set[str]:
    language = language.strip().lower()
    for aliases in _ALIASES.values():
        if language in aliases:
            return aliases
    return {language}


def _tag(info: str) -> str:
    """First word of a fence's info string, lower-cased, braces and dots stripped
    (``{.python}``, ``python title="x"`` -> ``python``)."""
    words = info.strip().strip("{}").split()
    return words[0].lstrip(".").lower() if words else ""


def _strip_indent(line: str, indent: str) -> str:
    """Remove up to the fence's indentation from a content line."""
    n = 0
    while n < len(indent) and n < len(line) and line[n] in " \t":
        n += 1
    return line[n:]


def _parses(code: str) -> bool:
    # compile, not ast.parse: "'return' outside function" is raised only when compiling.
    try:
        compile(code, "<completion>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    return True


def _tidy(code: str, python: bool) -> str:
    lines = code.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    code = "\n".join(lines).rstrip()
    if python and code and code[0] in " \t":
        dedented = textwrap.dedent(code)
        if _TOP_LEVEL.match(dedented) and _parses(dedented):
            return dedented
    return code


def extract_code(text: str, language: str = "python") -> str:
    """The code in a completion; see the module docstring for the rules, in order."""
    tags = _tags_for(language) | {""}
    python = "python" in tags
    lines = text.splitlines()
    unterminated: str | None = None
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        # An opening fence's info string may not contain backticks (CommonMark).
        if opening is None or "`" in opening["info"]:
            i += 1
            continue
        fence, indent = opening["fence"], opening["indent"]
        tag = _tag(opening["info"])
        body: list[str] = []
        j = i + 1
        closed = False
        while j < len(lines):
            closing = _FENCE.match(lines[j])
            if (
                closing is not None
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
                and not closing["info"].strip()
            ):
                closed = True
                break
            body.append(_strip_indent(lines[j], indent))
            j += 1
        if closed:
            if tag in tags:
                return _tidy("\n".join(body), python)
            i = j + 1
            continue
        if tag in tags:
            unterminated = "\n".join(body)
        break  # an unclosed fence runs to the end of the text
    if unterminated is not None:
        return _tidy(unterminated, python)
    return _tidy(text, python)
