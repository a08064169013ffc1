from pathlib import Path

import pytest

from cs_pipelines import paths
from cs_pipelines.harvest.repos import ReferenceRepoConfigError, load_reference_repos


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "repos.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_committed_default_list_holds_this_repository_and_public_ones():
    repos = load_reference_repos(paths.PROJECT_ROOT / "data" / "reference_repos.yaml")
    by_name = {repo.name: repo for repo in repos}
    assert Path(by_name["cs_pipelines"].url) == paths.PROJECT_ROOT
    assert by_name["cs_pipelines"].is_local
    assert {"backtrader", "freqtrade", "TradingAgents"} <= set(by_name)
    assert not by_name["backtrader"].is_local


def test_relative_paths_resolve_against_the_file(tmp_path: Path):
    (tmp_path / "src").mkdir()
    repos = load_reference_repos(
        write(tmp_path, "repositories:\n  - {name: a, path: src, branch: dev, license: MIT}\n")
    )
    assert repos[0].url == str((tmp_path / "src").resolve())
    assert (repos[0].branch, repos[0].license) == ("dev", "MIT")


def test_scp_style_urls_are_remote(tmp_path: Path):
    repos = load_reference_repos(
        write(tmp_path, "repositories:\n  - {name: a, url: 'git@example.org:x/y.git'}\n")
    )
    assert not repos[0].is_local


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("repositories: 3\n", "top-level 'repositories:' list"),
        ("repositories:\n  - {url: x}\n", "'name' must match"),
        ("repositories:\n  - {name: 'a b', url: x}\n", "'name' must match"),
        ("repositories:\n  - {name: a}\n", "exactly one of 'url' or 'path'"),
        ("repositories:\n  - {name: a, url: x, path: y}\n", "exactly one of 'url' or 'path'"),
        ("repositories:\n  - {name: a, url: x, colour: red}\n", "unknown keys ['colour']"),
        ("repositories:\n  - {name: a, url: x}\n  - {name: a, url: y}\n", "duplicate"),
        ("repositories: [\n", "not valid YAML"),
        ("repositories:\n  - just-a-string\n", "repositories[0]: expected a mapping"),
    ],
)
def test_malformed_lists_name_the_file_and_entry(tmp_path: Path, text: str, message: str):
    path = write(tmp_path, text)
    with pytest.raises(ReferenceRepoConfigError) as error:
        load_reference_repos(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_missing_file_says_how_to_point_elsewhere(tmp_path: Path):
    with pytest.raises(ReferenceRepoConfigError, match="CS_REFERENCE_REPOS"):
        load_reference_repos(tmp_path / "absent.yaml")
