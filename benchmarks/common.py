"""What every benchmark script shares: its scratch folder and its command-line parser."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path


def scratch_dir(name: str) -> Path:
    """A fresh scratch folder: under ``$CS_DATA_DIR/bench`` when set, else a temp folder."""
    data_dir = os.environ.get("CS_DATA_DIR")
    if data_dir:
        base = Path(data_dir).resolve() / "bench"
        base.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=base))
    return Path(tempfile.mkdtemp(prefix=f"cs-bench-{name}-"))


def doc_parser(doc: str) -> argparse.ArgumentParser:
    """A parser whose description is the docstring's first paragraph and epilog the rest."""
    summary, _, details = doc.partition("\n\n")
    return argparse.ArgumentParser(
        description=summary,
        epilog=details or None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
