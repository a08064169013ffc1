"""Harvest benchmark: our harvester against PyDriller and raw ``git log``, on a synthetic
history and on this repository, side by side in one run.

Measured, on each repository (the synthetic one of ``--commits`` commits, and ``--self-repo``):

* throughput in commits/s of an initial harvest (message, numstat, patch, contents) with
  ``harvest_repository(..., watermark=None)`` writing its Parquet batches to a scratch folder;
* the same for PyDriller (message, and per file: paths, change type, added/deleted lines and
  the diff) on the oldest ``--pydriller-commits`` commits only, since it is slow;
* the same for ``git log -p --numstat HEAD > /dev/null`` (the floor: git's own diff work);
* an incremental re-harvest with nothing new (``watermark`` == head), target under 1 s.

And the peak memory (max RSS) of a child process that only runs an initial harvest, at each of
``--memory-sizes`` commits: it must not grow with the history length.

Targets: ours >= 5x PyDriller, ours >= 0.5x raw git log, incremental < 1 s, flat memory.
Every timing runs ``--repeat`` times; the table shows medians, and ratios of medians measured in
the same run (the CPU is shared, so absolute figures are noisy; ratios much less so).

Scratch data goes to ``--workdir`` (default: ``$CS_DATA_DIR/bench`` when ``CS_DATA_DIR`` is
set, else a new temporary folder) and is deleted at the end unless ``--keep``.

    .venv/bin/python benchmarks/bench_harvest.py                       # full run, ~5-10 min
    .venv/bin/python benchmarks/bench_harvest.py --commits 3000 --memory-sizes 1000 3000 \\
        --pydriller-commits 300 --repeat 1                              # smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from benchmarks.common import doc_parser, scratch_dir  # noqa: E402
from benchmarks.synthetic_repo import make_synthetic_repo  # noqa: E402

RAW_GIT_LOG = ["log", "-p", "--numstat", "HEAD"]

TARGET_VS_PYDRILLER = 5.0
TARGET_VS_GIT_LOG = 0.5
TARGET_INCREMENTAL_S = 1.0
MEMORY_GROWTH_TOLERANCE = 1.25
# Below this, a run is dominated by process start-up and fixed costs, not by throughput; the
# ratio is shown without a verdict.
MIN_COMMITS_FOR_RATE_TARGETS = 1_000  # "does not grow": largest peak within 25% of the smallest


# --- small helpers ---------------------------------------------------------------------------
def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def timed(fn: Callable[[], object], repeat: int, label: str) -> tuple[list[float], object]:
    """Run ``fn`` ``repeat`` times; return the wall times and the last result."""
    times: list[float] = []
    result: object = None
    for i in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        log(f"  {label} [{i + 1}/{repeat}]: {times[-1]:.2f} s")
    return times, result


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None or value != value:  # NaN
        return "-"
    return f"{value:,.{digits}f}"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "  ".join(
        h.ljust(w) if i == 0 else h.rjust(w)
        for i, (h, w) in enumerate(zip(headers, widths, strict=True))
    )
    out = [line, "  ".join("-" * w for w in widths)]
    for r in rows:
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )
    return "\n".join(out)


def default_workdir() -> tuple[Path, bool]:
    """The scratch folder, and whether it is ours to delete entirely."""
    return scratch_dir("harvest"), True


# --- the three harvesters --------------------------------------------------------------------
def run_ours(
    name: str,
    mirror: Path,
    staging_root: Path,
    watermark: str | None = None,
    known: set[str] | None = None,
) -> tuple[int, str, str]:
    from cs_pipelines.harvest.harvester import HarvestConfig, harvest_repository
    from cs_pipelines.harvest.repos import ReferenceRepo

    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=staging_root))
    try:
        known_set = known or set()
        result = harvest_repository(
            ReferenceRepo(name=name, url=str(mirror)),
            mirror,
            watermark=watermark,
            known_shas=lambda: known_set,
            staging_dir=staging,
            config=HarvestConfig(),
            progress=None,
        )
        return result.n_commits, result.mode, result.head_sha
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_pydriller(mirror: Path, limit: int) -> int:
    from pydriller import Repository

    n = 0
    for commit in Repository(str(mirror)).traverse_commits():
        _ = (
            commit.hash,
            commit.msg,
            commit.author.name,
            commit.author.email,
            commit.committer_date,
            commit.parents,
        )
        for mf in commit.modified_files:
            _ = (
                mf.old_path,
                mf.new_path,
                mf.change_type,
                mf.added_lines,
                mf.deleted_lines,
                mf.diff,
            )
        n += 1
        if n >= limit:
            break
    return n


def run_raw_git(mirror: Path, args: list[str] | None = None) -> None:
    with open(os.devnull, "wb") as sink:
        subprocess.run(["git", "-C", str(mirror), *(args or RAW_GIT_LOG)], stdout=sink, check=True)


def harvester_git_log() -> list[str] | None:
    """The ``git log`` arguments the harvester runs (for a second, diagnostic floor)."""
    try:
        from cs_pipelines.harvest.gitlog import CONFIG, FULL_OPTIONS
    except ImportError:
        return None
    return [*CONFIG, "log", *FULL_OPTIONS, "HEAD", "--"]


# --- memory: a child process that only harvests ----------------------------------------------
#
# Not ``ru_maxrss``: Linux carries a process's high-water mark across fork/vfork + exec, so a
# child started from this (large) benchmark process reports the parent's peak, and the git
# processes the harvester starts report the harvester's. ``VmHWM`` in /proc/<pid>/status is the
# peak of the process's own address space since its exec, which is what we want. The child
# reads its own at the end, and samples the VmHWM of its git subprocesses while they run (it is
# a high-water mark, so the last sample before exit is at most one interval stale).


def proc_status_kib(pid: int | str, field_name: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


class ChildPeaks(threading.Thread):
    """Samples the VmHWM of this process's children, keyed by their command name."""

    def __init__(self, interval_s: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval_s = interval_s
        self.peaks: dict[str, int] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = str(os.getpid())
        while not self._stop_event.wait(self.interval_s):
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
                        stat = fh.read()
                except OSError:
                    continue
                comm_end = stat.rfind(")")
                if stat[comm_end + 2 :].split(" ", 2)[1] != me:
                    continue
                hwm = proc_status_kib(pid, "VmHWM")
                if not hwm:
                    continue
                try:
                    argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                name = process_label([a.decode(errors="replace") for a in argv if a])
                self.peaks[name] = max(self.peaks.get(name, 0), hwm)

    def stop(self) -> dict[str, int]:
        self._stop_event.set()
        self.join()
        return self.peaks


def process_label(argv: list[str]) -> str:
    if "cat-file" in argv:
        return "git cat-file"
    if "log" in argv:
        return "git log"
    return " ".join(argv[:2])[:40] or "?"


def child_harvest(name: str, mirror: Path, staging_root: Path) -> None:
    from cs_pipelines.harvest.harvester import harvest_repository  # noqa: F401 - import cost

    after_imports = proc_status_kib("self", "VmRSS") or 0
    import_peak = proc_status_kib("self", "VmHWM") or 0
    try:  # reset the high-water mark so that the peak below is the harvest's own
        Path("/proc/self/clear_refs").write_text("5")
        reset = True
    except OSError:
        reset = False
    sampler = ChildPeaks()
    sampler.start()
    n, _, _ = run_ours(name, mirror, staging_root)
    git_peaks = sampler.stop()
    print(
        json.dumps(
            {
                "n_commits": n,
                "after_imports_kb": after_imports,
                "import_peak_kb": import_peak,
                "peak_kb": proc_status_kib("self", "VmHWM") or 0,
                "peak_is_harvest_only": reset,
                "git_kb": git_peaks,
            }
        )
    )


def measure_memory(name: str, mirror: Path, staging_root: Path) -> dict:
    """Peaks of a fresh child that imports the harvester and harvests ``mirror``."""
    proc = subprocess.run(
        [sys.executable, __file__, "--_child", name, str(mirror), str(staging_root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"memory child for {name} failed ({proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- per-repository measurements -------------------------------------------------------------
@dataclass
class RepoFigures:
    label: str
    n_commits: int
    ours_s: list[float] = field(default_factory=list)
    ours_n: int = 0
    pydriller_s: list[float] = field(default_factory=list)
    pydriller_n: int = 0
    git_s: list[float] = field(default_factory=list)
    git_ours_flags_s: list[float] = field(default_factory=list)
    incremental_s: list[float] = field(default_factory=list)
    incremental_mode: str = ""
    errors: list[str] = field(default_factory=list)

    def rate(self, times: list[float], n: int) -> float:
        return n / median(times) if times and n else float("nan")

    @property
    def ours_rate(self) -> float:
        return self.rate(self.ours_s, self.ours_n)

    @property
    def pydriller_rate(self) -> float:
        return self.rate(self.pydriller_s, self.pydriller_n)

    @property
    def git_rate(self) -> float:
        return self.rate(self.git_s, self.n_commits)


def mirror_of(label: str, source: Path, mirrors_dir: Path) -> Path:
    """A bare mirror made the way production makes it (``sync_mirror``), or a plain one."""
    try:
        from cs_pipelines.harvest.mirror import sync_mirror
        from cs_pipelines.harvest.repos import ReferenceRepo
    except ImportError:
        target = mirrors_dir / f"{label}.git"
        subprocess.run(["git", "clone", "-q", "--mirror", str(source), str(target)], check=True)
        return target
    return Path(sync_mirror(ReferenceRepo(name=label, url=str(source)), mirrors_dir))


def bench_repo(label: str, mirror: Path, args: argparse.Namespace, scratch: Path) -> RepoFigures:
    """Every measurement on one repository; the runs are interleaved (one of each per round),
    so that a load change on the shared CPU hits all of them alike."""
    n_commits = int(git(mirror, "rev-list", "--count", "HEAD"))
    figures = RepoFigures(label=label, n_commits=n_commits)
    log(f"[{label}] {n_commits} commits at {mirror}")
    limit = min(args.pydriller_commits, n_commits)
    ours_flags = harvester_git_log()
    try:
        import cs_pipelines.harvest.harvester  # noqa: F401
    except ImportError as exc:
        figures.errors.append(f"harvester not importable: {exc}")
        log(f"  ours: skipped ({exc})")
        harvester_ok = False
    else:
        harvester_ok = True
    known = set(git(mirror, "rev-list", "HEAD").split())
    head = git(mirror, "rev-parse", "HEAD").strip()

    for round_no in range(1, args.repeat + 1):
        log(f"  round {round_no}/{args.repeat}")
        figures.git_s += timed(lambda: run_raw_git(mirror), 1, "raw git log")[0]
        if ours_flags:
            figures.git_ours_flags_s += timed(
                lambda: run_raw_git(mirror, ours_flags), 1, "git log, harvester's flags"
            )[0]
        times, n = timed(lambda: run_pydriller(mirror, limit), 1, f"PyDriller, {limit} commits")
        figures.pydriller_s += times
        figures.pydriller_n = int(n)  # type: ignore[arg-type]
        if harvester_ok:
            times, result = timed(lambda: run_ours(label, mirror, scratch), 1, "ours, initial")
            figures.ours_s += times
            figures.ours_n = result[0]  # type: ignore[index]
            times, result = timed(
                lambda: run_ours(label, mirror, scratch, watermark=head, known=known),
                1,
                "ours, incremental (nothing new)",
            )
            figures.incremental_s += times
            figures.incremental_mode = result[1]  # type: ignore[index]
    return figures


# --- main ------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = doc_parser(__doc__)
    parser.add_argument(
        "--commits",
        type=int,
        default=20_000,
        help="commits in the synthetic repository (default 20000)",
    )
    parser.add_argument(
        "--memory-sizes",
        type=int,
        nargs="*",
        default=[5_000, 20_000],
        help="history lengths for the peak-memory runs (default 5000 20000); none to skip",
    )
    parser.add_argument(
        "--pydriller-commits",
        type=int,
        default=2_000,
        help="commits PyDriller reads (the oldest ones; default 2000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic history seed (default 0)")
    parser.add_argument(
        "--self-repo",
        type=Path,
        default=PROJECT_ROOT,
        help=f"a real repository to compare on (default {PROJECT_ROOT}); 'none' to skip",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="scratch folder (default $CS_DATA_DIR/bench/harvest-* or a temp dir)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--_child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args._child:
        name, mirror, staging_root = args._child
        child_harvest(name, Path(mirror), Path(staging_root))
        return 0

    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
        workdir, owned = Path(tempfile.mkdtemp(prefix="harvest-", dir=args.workdir)), True
    else:
        workdir, owned = default_workdir()
    log(f"scratch: {workdir}")
    try:
        return run(args, workdir)
    finally:
        if owned and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, workdir: Path) -> int:
    sources, mirrors, scratch = workdir / "sources", workdir / "mirrors", workdir / "staging"
    for d in (sources, mirrors, scratch):
        d.mkdir()

    sizes = sorted({args.commits, *args.memory_sizes})
    synthetic: dict[int, Path] = {}
    generation_s: dict[int, float] = {}
    for size in sizes:
        start = time.perf_counter()
        source = make_synthetic_repo(sources / f"synthetic-{size}", size, seed=args.seed, bare=True)
        generation_s[size] = time.perf_counter() - start
        log(f"generated synthetic-{size}: {generation_s[size]:.1f} s")
        start = time.perf_counter()
        synthetic[size] = mirror_of(f"synthetic-{size}", source, mirrors)
        log(f"mirrored synthetic-{size}: {time.perf_counter() - start:.1f} s")

    repos: list[tuple[str, Path]] = [(f"synthetic-{args.commits}", synthetic[args.commits])]
    if str(args.self_repo) != "none":
        name = "cs_pipelines" if args.self_repo.resolve() == PROJECT_ROOT else args.self_repo.name
        repos.append((name, mirror_of(name, args.self_repo, mirrors)))

    figures = [bench_repo(label, mirror, args, scratch) for label, mirror in repos]

    memory: list[tuple[int, dict[str, int] | str]] = []
    for size in sorted(args.memory_sizes):
        log(f"[memory] synthetic-{size}")
        try:
            memory.append((size, measure_memory(f"synthetic-{size}", synthetic[size], scratch)))
        except (RuntimeError, ValueError) as exc:
            memory.append((size, str(exc)))

    report(args, figures, memory, generation_s)
    return 0


def report(
    args: argparse.Namespace,
    figures: list[RepoFigures],
    memory: list[tuple[int, dict[str, int] | str]],
    generation_s: dict[int, float],
) -> None:
    print()
    print(
        f"Harvest benchmark: medians of {args.repeat} runs; "
        f"{os.cpu_count()} CPUs; git {git(PROJECT_ROOT, 'version').split()[-1]}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    print(
        "Synthetic generation: "
        + ", ".join(f"{size:,} commits {secs:.1f} s" for size, secs in generation_s.items())
    )
    print()
    headers = ["measure"] + [f.label for f in figures]
    rows = [
        ["commits (HEAD)"] + [f"{f.n_commits:,}" for f in figures],
        ["ours: commits harvested"] + [f"{f.ours_n:,}" for f in figures],
        ["ours: median s"] + [fmt(median(f.ours_s), 2) for f in figures],
        ["ours: commits/s"] + [fmt(f.ours_rate) for f in figures],
        ["PyDriller: commits read"] + [f"{f.pydriller_n:,}" for f in figures],
        ["PyDriller: median s"] + [fmt(median(f.pydriller_s), 2) for f in figures],
        ["PyDriller: commits/s"] + [fmt(f.pydriller_rate) for f in figures],
        ["git log -p --numstat: median s"] + [fmt(median(f.git_s), 2) for f in figures],
        ["git log -p --numstat: commits/s"] + [fmt(f.git_rate) for f in figures],
        ["git log, harvester's flags: median s"]
        + [fmt(median(f.git_ours_flags_s), 2) for f in figures],
        ["git log, harvester's flags: commits/s"]
        + [fmt(f.rate(f.git_ours_flags_s, f.n_commits)) for f in figures],
        [f"ours / PyDriller (target >= {TARGET_VS_PYDRILLER:g}x)"]
        + [ratio(f.ours_rate, f.pydriller_rate, TARGET_VS_PYDRILLER, f.n_commits) for f in figures],
        [f"ours / git log (target >= {TARGET_VS_GIT_LOG:g}x)"]
        + [ratio(f.ours_rate, f.git_rate, TARGET_VS_GIT_LOG, f.n_commits) for f in figures],
        [f"incremental, nothing new: median s (target < {TARGET_INCREMENTAL_S:g} s)"]
        + [incremental(f) for f in figures],
    ]
    print(table(headers, rows))
    for f in figures:
        for error in f.errors:
            print(f"! {f.label}: {error}")

    if memory:
        print()
        rows = []
        peaks: list[int] = []
        totals: list[int] = []
        for size, m in memory:
            if isinstance(m, str):
                rows.append([f"{size:,}", "-", "-", "-", "-", "-", "-", m])
                continue
            git_kb = m["git_kb"]
            log_kb, cat_kb = git_kb.get("git log", 0), git_kb.get("git cat-file", 0)
            total = m["peak_kb"] + sum(git_kb.values())
            peaks.append(m["peak_kb"])
            totals.append(total)
            rows.append(
                [
                    f"{size:,}",
                    f"{m['n_commits']:,}",
                    mib(m["after_imports_kb"]),
                    mib(m["peak_kb"]) + ("" if m["peak_is_harvest_only"] else "*"),
                    mib(log_kb),
                    mib(cat_kb),
                    mib(total),
                ]
            )
        print(
            table(
                [
                    "history (commits)",
                    "harvested",
                    "python after imports MiB",
                    "python peak MiB",
                    "git log peak MiB",
                    "git cat-file peak MiB",
                    "sum of peaks MiB",
                ],
                rows,
            )
        )
        print(
            "(VmHWM of each process since its exec; python peak is the harvest's own, the "
            "import peak reset first"
            + (
                ""
                if all(m["peak_is_harvest_only"] for _, m in memory if not isinstance(m, str))
                else "; * = could not reset, includes imports"
            )
            + ")"
        )
        for what, values in (("python peak", peaks), ("sum of peaks", totals)):
            if len(values) >= 2:
                growth = values[-1] / values[0]
                verdict = "OK" if growth <= MEMORY_GROWTH_TOLERANCE else "MISSED"
                print(
                    f"{what} growth, largest / smallest history: {growth:.2f}x "
                    f"(target: flat, <= {MEMORY_GROWTH_TOLERANCE:g}x) {verdict}"
                )


def ratio(ours: float, other: float, target: float, n_commits: int) -> str:
    if not (ours == ours and other == other and other > 0):
        return "-"
    value = ours / other
    if n_commits < MIN_COMMITS_FOR_RATE_TARGETS:
        return f"{value:.2f}x (start-up bound)"
    return f"{value:.2f}x {'OK' if value >= target else 'MISSED'}"


def incremental(f: RepoFigures) -> str:
    if not f.incremental_s:
        return "-"
    value = median(f.incremental_s)
    verdict = "OK" if value < TARGET_INCREMENTAL_S else "MISSED"
    return f"{value:.3f} ({f.incremental_mode}) {verdict}"


def mib(kb: int) -> str:
    return f"{kb / 1024:.0f}"


if __name__ == "__main__":
    sys.exit(main())
