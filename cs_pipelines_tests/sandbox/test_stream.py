"""A streaming run: items handed out in lock-step for messages, and a child that breaks the
protocol stopped with a clear error."""

from __future__ import annotations

import pytest

from cs_pipelines.sandbox import SandboxPool, Status

ECHO = """
seen = []
item = exchange({"asks": 0})
while item is not None:
    seen.append(item)
    item = exchange({"asks": len(seen), "after": item})
emit(seen)
"""


def test_items_come_one_for_each_message_in_order(pool: SandboxPool) -> None:
    items = [f'{{"bar": {i}}}' for i in range(50)]
    result = pool.run(ECHO, stream=items)
    assert result.status is Status.PASSED, result
    assert result.result == items
    assert len(result.messages) == len(items) + 1  # the last asks past the end
    assert result.messages[0] == {"asks": 0}
    assert [m["after"] for m in result.messages[1:]] == items


def test_the_child_never_holds_an_item_before_asking_for_it(pool: SandboxPool) -> None:
    """The items reach the server after the fork: in no object the child can walk until its
    message asks for them (the search finds the first item once it has been handed out)."""
    hunt = """
import gc

def holds(name):
    needle = name + "-"  # only in this frame's locals, which are no dict
    for obj in gc.get_objects():
        values = obj.values() if isinstance(obj, dict) else obj
        if not isinstance(obj, (dict, list, tuple)):
            continue
        for value in values:
            if isinstance(value, str) and needle in value:
                return True
    return False

first_name, second_name = "FIRST-" + "BAR", "SECOND-" + "BAR"
before = [holds(first_name), holds(second_name)]
first = exchange("ask")
emit({"before": before, "first": first, "after": [holds(first_name), holds(second_name)]})
"""
    result = pool.run(hunt, stream=["FIRST-BAR-0", "SECOND-BAR-1"], timeout_s=30)
    assert result.status is Status.PASSED, result
    assert result.result == {
        "before": [False, False],
        "first": "FIRST-BAR-0",
        "after": [True, False],
    }


def test_an_empty_stream_ends_at_once(pool: SandboxPool) -> None:
    result = pool.run("emit(exchange('hello'))", stream=[])
    assert result.status is Status.PASSED
    assert result.result is None and result.messages == ["hello"]


def test_a_run_without_a_stream_has_no_messages_and_no_exchange(pool: SandboxPool) -> None:
    result = pool.run("emit('exchange' in globals())")
    assert result.result is False and result.messages is None


@pytest.mark.parametrize(
    ("code", "options", "expected"),
    [
        ("exchange(1)\nexchange(2)\nexchange(3)\nexchange(4)", {}, "asks past the end"),
        ("import os\nos.write(5, b'\\x00\\x00\\x00\\x03abc')\nexchange(1)", {}, "not JSON"),
        (
            "import os\nos.write(5, b'\\x7f\\x00\\x00\\x00' + b'x' * 100)\nexchange(1)",
            {"max_result": 10_000},
            "over 10000 bytes",
        ),
        ("exchange('x' * 20_000)", {"max_result": 10_000}, "over 10000 bytes"),
    ],
)
def test_protocol_breaks_stop_the_run(
    pool: SandboxPool, code: str, options: dict, expected: str
) -> None:
    result = pool.run(code, stream=["1", "2"], timeout_s=5, **options)
    assert result.status is Status.ERROR, result
    assert result.exc_type == "StreamError"
    assert expected in result.exc_message
    assert result.duration_s < 4  # stopped at once, not at the time limit
    assert pool.run("emit(1)").result == 1  # the server serves on


def test_a_child_that_never_reads_cannot_block_the_server(pool: SandboxPool) -> None:
    code = (
        "import os, time\n"
        "for _ in range(3):\n"
        "    os.write(5, b'\\x00\\x00\\x00\\x02[]')\n"
        "time.sleep(30)"
    )
    result = pool.run(code, stream=["x" * 50_000] * 3, timeout_s=1.5)
    assert result.status is Status.TIMEOUT, result
    assert result.messages == [[], [], []]


def test_newlines_in_items_are_refused(pool: SandboxPool) -> None:
    with pytest.raises(ValueError, match="stream item 1 contains a newline"):
        pool.run("pass", stream=["a", "b\nc"])
