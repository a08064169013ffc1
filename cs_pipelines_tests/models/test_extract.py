"""extract_code: fenced blocks, unterminated fences, raw completions and indentation."""

from __future__ import annotations

import pytest

from cs_pipelines.models.extract import extract_code

FUNC = "def add(a, b):\n    return a + b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. the first closed block with a matching tag
        (f"Here you go:\n```python\n{FUNC}\n```\nIt adds.", FUNC),
        (f"```py\n{FUNC}\n```", FUNC),
        (f"```Python3\n{FUNC}\n```", FUNC),
        (f'```python title="add.py"\n{FUNC}\n```', FUNC),
        (f"```{{.python}}\n{FUNC}\n```", FUNC),
        (f"~~~python\n{FUNC}\n~~~", FUNC),
        # ... or with no tag
        (f"```\n{FUNC}\n```", FUNC),
        # the first matching block wins over later ones
        (f"```python\n{FUNC}\n```\nAnd a test:\n```python\nassert add(1, 2) == 3\n```", FUNC),
        # blocks in another language are skipped
        (f"Install:\n```bash\npip install pandas\n```\nThen:\n```python\n{FUNC}\n```", FUNC),
        # a longer fence may hold a shorter one
        ("````python\nprint('```')\n```\nstill code\n````", "print('```')\n```\nstill code"),
        # a fence indented in a list item: its indentation is removed from the block
        (f"1. Code:\n   ```python\n   {FUNC.replace(chr(10), chr(10) + '   ')}\n   ```", FUNC),
        # blank lines at the start and trailing whitespace are dropped, inner ones kept
        ("```python\n\n\nx = 1\n\ny = 2   \n\n```", "x = 1\n\ny = 2"),
        # 2. an unterminated fence (cut by max_new_tokens or a ``` stop sequence)
        (f"Sure!\n```python\n{FUNC}\n", FUNC),
        (f"```python\n{FUNC}", FUNC),
        (f"```bash\nls\n```\n```python\n{FUNC}", FUNC),
        # 3. the raw completion
        (FUNC, FUNC),
        (f"\n\n{FUNC}\n\n", FUNC),
        ("", ""),
        # a closing fence in the wrong character does not close
        (f"```python\n{FUNC}\n~~~", f"{FUNC}\n~~~"),
    ],
)
def test_extract(text: str, expected: str) -> None:
    assert extract_code(text) == expected


def test_only_other_languages_falls_back_to_raw() -> None:
    text = "Run:\n```bash\npip install x\n```"
    assert extract_code(text) == text
    assert extract_code(text, language="bash") == "pip install x"
    assert extract_code(text, language="sh") == "pip install x"


def test_unterminated_block_in_other_language_is_raw() -> None:
    text = "```bash\npip install x"
    assert extract_code(text) == text


def test_other_language() -> None:
    text = "```js\nconst x = 1;\n```\n```python\nx = 1\n```"
    assert extract_code(text, language="javascript") == "const x = 1;"
    assert extract_code(text, language="Python") == "x = 1"


# Indentation (HumanEval-style): bodies keep their indentation so prompt + completion is valid.
BODY = "    total = sum(xs)\n    return total / len(xs)"
BODY_WITH_HELPER = "    def helper(x):\n        return x * 2\n    return [helper(x) for x in xs]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BODY, BODY),
        (BODY + "\n\n\ndef check(candidate):", BODY + "\n\n\ndef check(candidate):"),
        (f"```python\n{BODY}\n```", BODY),
        (BODY_WITH_HELPER, BODY_WITH_HELPER),
        # an indented whole program (first statement top-level, parses once dedented)
        (
            "    import math\n    def f(x):\n        return math.sqrt(x)",
            "import math\ndef f(x):\n    return math.sqrt(x)",
        ),
        ("  @cache\n  def f():\n      return 1", "@cache\ndef f():\n    return 1"),
        # a body line that lost its indentation (prompt ended with it) is left alone
        ("return a + b\n", "return a + b"),
    ],
)
def test_indentation(text: str, expected: str) -> None:
    assert extract_code(text) == expected


def test_body_can_be_appended_to_prompt() -> None:
    prompt = 'def mean(xs):\n    """Mean of xs."""\n'
    namespace: dict = {}
    exec(prompt + extract_code(f"```python\n{BODY}\n```"), namespace)
    assert namespace["mean"]([1, 2, 3]) == 2


def test_non_python_indentation_untouched() -> None:
    assert extract_code("    def f(): pass", language="ruby") == "    def f(): pass"
