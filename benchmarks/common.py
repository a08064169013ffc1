"""What the benchmark scripts share: the scratch folder, the command-line parser, CPU time."""

from __future__ import annotations

import argparse
import os
import resource
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


def cpu_seconds(servers: list[int]) -> float:
    """CPU time of this process, its reaped children (fresh interpreters) and the sandbox's
    fork servers with their reaped children (the sandboxed executions)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    for pid in servers:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return total
