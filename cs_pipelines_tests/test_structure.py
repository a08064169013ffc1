"""The layering rules DESIGN.md states, held by the same analysis benchmarks/structure.py prints."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "structure.py"
# Dagster lives in these modules only; every stage package must import without it.
ORCHESTRATION = ("cs_pipelines.defs", "cs_pipelines.definitions", "cs_pipelines.main_job")


@pytest.fixture(scope="module")
def structure():
    spec = importlib.util.spec_from_file_location("structure", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["structure"] = module
    spec.loader.exec_module(module)
    return module


def test_no_sql_outside_the_warehouse_package(structure):
    assert structure.sql_statements() == {}


def test_no_import_circles(structure):
    assert structure.circles(structure.import_graph()) == []


def test_the_circle_finder_finds_a_planted_circle(structure):
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert structure.circles(graph) == [["a", "b", "c"]]


def test_stage_packages_do_not_import_dagster(structure):
    offenders = []
    for path in structure.code_files():
        name = structure.module_name(path)
        if name.startswith(ORCHESTRATION) or name == "cs_pipelines.cli":
            continue
        text = path.read_text()
        if "import dagster" in text or "from dagster" in text:
            offenders.append(name)
    assert offenders == []
