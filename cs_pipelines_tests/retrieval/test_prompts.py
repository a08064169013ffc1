"""The prompt builder and `cs-pipelines retrieve` over a real index of real embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from cs_pipelines.cli import main
from cs_pipelines.retrieval.config import CommitIndexConfig
from cs_pipelines.retrieval.embedder import Embedder
from cs_pipelines.retrieval.errors import (
    DimensionMismatchError,
    EmptyIndexError,
    EmptyQueryError,
    IndexNotFoundError,
)
from cs_pipelines.retrieval.index import build_or_update
from cs_pipelines.retrieval.prompts import PromptBuilder, approx_tokens

COMMITS = [
    ("bt", "Add a trailing stop to the breakout strategy", "Python"),
    ("bt", "Add trailing stop loss to the momentum strategy", "Python"),
    ("bt", "Use a trailing stop in the mean reversion strategy", "Python"),
    ("bt", "Fix the RSI warm-up period before the first signal", "Python"),
    ("ft", "Size positions by target volatility", "Python"),
    ("ft", "Cap leverage at three times equity", "Python"),
    ("ft", "Round order quantities to the exchange lot size", "Python"),
    ("ft", "Translate the README into Spanish", "Markdown"),
    ("ws", "Add a trailing stop order type to the exchange adapter", "TypeScript"),
    ("ws", "Render the equity curve with a log scale", "JavaScript"),
]


def instructions_frame(commits: list[tuple[str, str, str]] = COMMITS) -> pl.DataFrame:
    rows = []
    for number, (repo, instruction, language) in enumerate(commits):
        path = f"src/file_{number}.{'py' if language == 'Python' else 'txt'}"
        rows.append(
            {
                "repo": repo,
                "sha": f"{number:02d}" + "ab" * 19,
                "instruction": instruction,
                "diff": f"--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-old {number}\n+new {number}\n",
                "language": language,
                "old_path": path,
                "new_path": path,
            }
        )
    columns = ("repo", "sha", "instruction", "diff", "language", "old_path", "new_path")
    return pl.DataFrame(rows, schema=dict.fromkeys(columns, pl.Utf8))


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder()


@pytest.fixture(scope="module")
def index_root(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    root = tmp_path_factory.mktemp("index")
    build_or_update(instructions_frame(), root, embedder, CommitIndexConfig())
    return root


@pytest.fixture
def builder(index_root: Path, embedder: Embedder) -> PromptBuilder:
    return PromptBuilder.open(index_root, embedder)


def test_the_most_relevant_commits_come_first(builder: PromptBuilder):
    hits = builder.retrieve("add a trailing stop to the breakout strategy", k=3)
    assert hits[0].instruction == "Add a trailing stop to the breakout strategy"
    assert all("trailing stop" in hit.instruction.lower() for hit in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_filters_by_language_repository_and_excluded_shas(builder: PromptBuilder):
    task = "add a trailing stop"
    hits = builder.retrieve(task, k=5, languages={"TypeScript"})
    assert [h.repo for h in hits] == ["ws"]
    hits = builder.retrieve(task, k=10, repos={"ft"})
    assert hits and {h.repo for h in hits} == {"ft"}
    best = builder.retrieve(task, k=1)[0]
    without = builder.retrieve(task, k=3, exclude_shas=[best.sha[:7]])
    assert best.sha not in {h.sha for h in without}
    with pytest.raises(ValueError, match="at least 7"):
        builder.retrieve(task, exclude_shas=["00ab"])


def test_mmr_trades_relevance_for_diversity(builder: PromptBuilder):
    task = "add a trailing stop to the breakout strategy"
    plain = builder.retrieve(task, k=3)
    diverse = builder.retrieve(task, k=3, mmr=True, mmr_lambda=0.3)
    assert plain[0].sha == diverse[0].sha  # the best match stays first
    plain_stops = sum("trailing stop" in h.instruction.lower() for h in plain)
    diverse_stops = sum("trailing stop" in h.instruction.lower() for h in diverse)
    assert diverse_stops < plain_stops


def test_examples_stay_within_the_token_budget(builder: PromptBuilder):
    one = builder.retrieve("trailing stop", k=1, token_budget=None)[0]
    system = approx_tokens(builder.system_prompt)
    cost = approx_tokens(one.user_turn()) + approx_tokens(one.assistant_turn())
    assert builder.retrieve("trailing stop", k=5, token_budget=system + cost) == [one]
    assert builder.retrieve("trailing stop", k=5, token_budget=system) == []


def test_messages_are_few_shot_chat_turns(builder: PromptBuilder):
    messages = builder.messages("cap the leverage", k=2)
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user", "assistant",
                                             "user"]  # fmt: skip
    assert messages[-1]["content"] == "cap the leverage"
    assert messages[2]["content"].startswith("```diff\n")


@pytest.mark.parametrize("query", ["", "   \n"])
def test_an_empty_query_is_an_error(builder: PromptBuilder, query: str):
    with pytest.raises(EmptyQueryError, match="describe the task"):
        builder.retrieve(query)


def test_a_missing_index_says_how_to_build_one(tmp_path: Path, embedder: Embedder):
    with pytest.raises(IndexNotFoundError, match="commit_index"):
        PromptBuilder.open(tmp_path / "nothing", embedder)


def test_an_empty_index_is_an_error_not_a_silent_empty_answer(tmp_path: Path, embedder: Embedder):
    build_or_update(instructions_frame([]), tmp_path, embedder, CommitIndexConfig())
    with pytest.raises(EmptyIndexError):
        PromptBuilder.open(tmp_path, embedder).retrieve("add a trailing stop")


def test_a_model_of_another_dimension_is_refused(index_root: Path, embedder: Embedder):
    class Wider:
        name, dimension = "wider-model", 768

    with pytest.raises(DimensionMismatchError, match="768"):
        PromptBuilder.open(index_root, Wider())  # type: ignore[arg-type]


def test_cli_prints_hits_and_json(index_root: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["retrieve", "add a trailing stop", "-k", "2", "--index", str(index_root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith(" 1. ") and "@" in lines[0]
    args = ["retrieve", "size positions by volatility", "-k", "1", "--json"]
    assert main([*args, "--index", str(index_root)]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["instruction"] == "Size positions by target volatility"
    assert {"repo", "sha", "score", "diff", "language"} <= set(hit)


def test_cli_errors_name_the_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["retrieve", "anything", "--index", str(tmp_path / "none")]) == 2
    assert "commit_index" in capsys.readouterr().err
