"""The reference repositories: which git histories the platform mines.

The list lives in ``data/reference_repos.yaml`` (or the file named by ``CS_REFERENCE_REPOS``)::

    repositories:
      - name: cs_pipelines          # partition key: letters, digits, '.', '_', '-'
        path: ..                    # a local path, relative to this file ...
        license: proprietary
      - name: backtrader
        url: https://github.com/mementum/backtrader.git   # ... or a URL
        branch: master              # optional; default: the remote's HEAD
        license: GPL-3.0
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


class ReferenceRepoConfigError(ValueError):
    """The repository list is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class ReferenceRepo:
    name: str
    url: str  # a URL, or an absolute local path
    branch: str | None = None
    license: str | None = None

    @property
    def is_local(self) -> bool:
        return "://" not in self.url and not re.match(r"^[\w.-]+@[\w.-]+:", self.url)


def load_reference_repos(path: Path) -> list[ReferenceRepo]:
    """Parse and validate the repository list at ``path``."""
    if not path.exists():
        raise ReferenceRepoConfigError(
            f"{path}: repository list not found (set CS_REFERENCE_REPOS)"
        )
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ReferenceRepoConfigError(f"{path}: not valid YAML: {exc}") from exc
    entries = document.get("repositories") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ReferenceRepoConfigError(f"{path}: expected a top-level 'repositories:' list")
    repos = [_parse_entry(path, index, entry) for index, entry in enumerate(entries)]
    names = [repo.name for repo in repos]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ReferenceRepoConfigError(f"{path}: duplicate repository names: {duplicates}")
    return repos


def _parse_entry(path: Path, index: int, entry: object) -> ReferenceRepo:
    where = f"{path}: repositories[{index}]"
    if not isinstance(entry, dict):
        raise ReferenceRepoConfigError(
            f"{where}: expected a mapping with 'name' and 'url' or 'path'"
        )
    unknown = set(entry) - {"name", "url", "path", "branch", "license"}
    if unknown:
        raise ReferenceRepoConfigError(f"{where}: unknown keys {sorted(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise ReferenceRepoConfigError(
            f"{where}: 'name' must match {NAME_PATTERN.pattern} (it becomes a partition key), "
            f"got {name!r}"
        )
    if ("url" in entry) == ("path" in entry):
        raise ReferenceRepoConfigError(f"{where} ({name}): give exactly one of 'url' or 'path'")
    if "path" in entry:
        url = str((path.parent / str(entry["path"])).resolve())
    else:
        url = str(entry["url"])
    branch = entry.get("branch")
    license_ = entry.get("license")
    return ReferenceRepo(
        name=name,
        url=url,
        branch=str(branch) if branch is not None else None,
        license=str(license_) if license_ is not None else None,
    )
