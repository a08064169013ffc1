"""Every test writes under its own temporary CS_DATA_DIR, never into the project's data/."""

from pathlib import Path

import pytest

pytest_plugins = ["cs_pipelines_tests.tinymodels"]


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    monkeypatch.setenv("CS_DATA_DIR", str(data_dir))
    monkeypatch.delenv("CS_REFERENCE_REPOS", raising=False)
    return data_dir
