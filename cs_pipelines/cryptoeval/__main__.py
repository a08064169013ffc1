"""``python -m cs_pipelines.cryptoeval OUT.jsonl [--no-fix]``: export the task set as JSONL."""

from __future__ import annotations

import argparse
from pathlib import Path

from cs_pipelines.cryptoeval.taskset import load_tasks, write_jsonl


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-fix", action="store_true", help="leave out the fix variants")
    args = parser.parse_args(argv)
    tasks = load_tasks(include_fix=not args.no_fix)
    write_jsonl(args.out, tasks)
    print(f"wrote {len(tasks)} tasks to {args.out}")


if __name__ == "__main__":
    main()
