"""Generate a realistic trading-code git history quickly, for the harvest benchmarks.

One ``git fast-import`` process receives the whole history on stdin, so 20,000 commits take
seconds rather than the minutes that ``git commit`` in a loop would. The history looks like a
real trading-code project: a few hundred Python (and YAML, Markdown, SQL, shell, notebook) files
that evolve through mostly single-file modifications with imperative subjects and bodies, plus
multi-file commits, renames, deletions, binary files, merges of short topic branches, several
authors (and sometimes a different committer) and strictly increasing timestamps.

The same seed gives the same history.

Library::

    from benchmarks.synthetic_repo import make_synthetic_repo
    make_synthetic_repo(Path("/tmp/synth"), 20_000, seed=0)

Command line::

    .venv/bin/python benchmarks/synthetic_repo.py /tmp/synth --commits 20000 --seed 0 [--bare]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["make_synthetic_repo"]

EPOCH_START = 1_451_606_400  # 2016-01-01T00:00:00Z

AUTHORS: tuple[tuple[str, str, str], ...] = (
    ("Alice Moreau", "alice@quantdesk.example", "+0100"),
    ("Bogdan Ilie", "bogdan.ilie@example.org", "+0200"),
    ("Chen Wei", "chen.wei@example.com", "+0800"),
    ("Dana Whitfield", "dana@whitfield.example", "-0500"),
    ("Eitan Levi", "eitan@example.net", "+0300"),
    ("Fatima Zahra", "fz@example.com", "+0000"),
    ("Gustavo Pires", "gpires@example.com.br", "-0300"),
    ("Hiro Tanaka", "hiro@tanaka.example", "+0900"),
    ("Ines Kowalska", "ines.k@example.pl", "+0100"),
    ("Jonas Berg", "jonas@example.se", "+0100"),
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "+0000"),
    ("ci-bot", "ci@quantdesk.example", "+0000"),
)
# Weights: a couple of core maintainers write most commits, bots a few.
AUTHOR_WEIGHTS = (30, 18, 14, 10, 8, 6, 5, 4, 3, 2, 1, 1)
MAINTAINER = AUTHORS[0]

PACKAGES = ("strategies", "indicators", "execution", "risk", "data", "backtest", "utils", "live")
STRATEGY_NAMES = (
    "breakout",
    "mean_reversion",
    "momentum",
    "pairs",
    "grid",
    "market_maker",
    "trend_follow",
    "donchian",
    "bollinger_squeeze",
    "macd_cross",
    "rsi_divergence",
    "vwap_reversion",
    "funding_arb",
    "basis_trade",
    "turtle",
    "ichimoku",
    "keltner",
    "supertrend",
    "scalper",
    "dca",
)
MODULE_WORDS = (
    "atr",
    "rsi",
    "macd",
    "ema",
    "sma",
    "vwap",
    "obv",
    "stoch",
    "adx",
    "cci",
    "kalman",
    "hurst",
    "orderbook",
    "ticker",
    "candles",
    "funding",
    "fees",
    "slippage",
    "position",
    "sizing",
    "stops",
    "exposure",
    "drawdown",
    "portfolio",
    "broker",
    "exchange",
    "router",
    "throttle",
    "websocket",
    "rest_client",
    "cache",
    "resample",
    "loader",
    "calendar",
    "metrics",
    "sharpe",
    "report",
    "optimizer",
    "walk_forward",
    "signals",
    "filters",
    "regime",
    "volatility",
    "correlation",
)
COMPONENTS = (
    "breakout strategy",
    "RSI indicator",
    "order router",
    "position sizer",
    "risk manager",
    "backtest engine",
    "data loader",
    "Binance client",
    "Bybit adapter",
    "funding-rate feed",
    "portfolio tracker",
    "walk-forward optimizer",
    "MACD crossover",
    "grid bot",
    "Kelly sizing",
    "stop-loss logic",
    "candle resampler",
    "fee model",
    "slippage model",
    "websocket reconnect",
    "Sharpe ratio report",
    "drawdown monitor",
    "pairs-trading signal",
    "ATR trailing stop",
    "order book snapshot",
    "VWAP execution",
    "volatility regime filter",
    "config loader",
)
FEATURES = (
    "trailing stop",
    "take-profit ladder",
    "maker-only orders",
    "partial fills",
    "retry with backoff",
    "position caps",
    "a cooldown after stop-outs",
    "funding-rate filter",
    "volume filter",
    "time-in-force option",
    "dry-run mode",
    "per-symbol leverage",
    "fee tier lookup",
    "max drawdown guard",
    "rate limiting",
    "heartbeat check",
    "CSV export",
    "timezone handling",
    "warm-up period",
    "type hints",
    "docstrings",
    "logging of rejected orders",
    "slippage estimate",
)
BUGS = (
    "off-by-one in RSI warm-up",
    "division by zero on empty candles",
    "stale order book",
    "wrong sign on short PnL",
    "rounding of lot sizes",
    "timezone drift in daily bars",
    "race in websocket reconnect",
    "double-counted fees",
    "NaN propagation in ATR",
    "leaked file handle in loader",
    "look-ahead bias in signal shift",
    "incorrect Sharpe annualisation",
    "missing await in order cancel",
    "float comparison in stop trigger",
    "overflow in volume sum",
    "crash when exchange returns 429",
    "unclosed session on shutdown",
    "wrong tick size for BTCUSDT",
)
SUBJECT_TEMPLATES: tuple[tuple[str, int], ...] = (
    ("Add {feature} to {component}", 16),
    ("Fix {bug}", 10),
    ("Fix {bug} in {component}", 12),
    ("Refactor {component} into smaller functions", 5),
    ("Speed up {component}", 3),
    ("Handle {bug_short} in {component}", 4),
    ("Update {component} tests", 6),
    ("Remove unused imports from {module}", 4),
    ("Document {component}", 3),
    ("Rename {old_name} to {new_name}", 2),
    ("Use vectorised pandas ops in {component}", 3),
    ("Make {component} configurable", 4),
    ("Clean up {module}", 3),
    ("Bump {dependency} from {v1} to {v2}", 2),
    ("Tweak default parameters of {component}", 3),
    ("Validate inputs to {component}", 3),
    ("Log {feature} decisions in {component}", 2),
    ("wip", 1),
    ("fix typo", 1),
)
BUG_SHORT = ("empty frames", "NaN prices", "exchange timeouts", "zero volume", "missing symbols")
DEPENDENCIES = ("pandas", "numpy", "ccxt", "backtrader", "ta-lib", "pyyaml", "requests", "aiohttp")
BODY_SENTENCES = (
    "The previous implementation recomputed the whole window on every bar.",
    "This matches the behaviour of the reference implementation in TA-Lib.",
    "Backtests on BTCUSDT 1h from 2019 to 2023 show no change in PnL.",
    "Exchanges reject orders below the minimum notional, so round down first.",
    "Without this the strategy entered on the same bar the signal was computed.",
    "Callers that relied on the old default must now pass it explicitly.",
    "Covered by a new unit test with a hand-computed expected value.",
    "The warm-up period was one bar short, so the first value was biased.",
    "Keep the public API unchanged; only internals move.",
    "Reported by users running the live bot on Bybit perpetuals.",
    "Use a monotonic clock so that NTP adjustments do not trigger timeouts.",
    "Fees are now charged on the notional value, not on the quantity.",
    "This removes the last use of the deprecated helper.",
    "Parameters come from the YAML config, with the old values as defaults.",
)

PY_LINE_TEMPLATES = (
    "    {a} = {b}.rolling(window={n}).mean()",
    "    {a} = ({b} - {c}) / {c}",
    "    if {a} > {b}:",
    "        return {a}",
    "    {a} = np.where({b} > {c}, 1, -1)",
    '    logger.debug("{a}=%s {b}=%s", {a}, {b})',
    "    # {comment}",
    "    {a}.append({b})",
    "    {a} = max({b}, {c} * {f})",
    '    {a} = self.{b}.get("{c}", {n})',
    "    for {a} in {b}:",
    "        {a} += {b}",
    "    {a} = {b}.shift({n}).fillna(0.0)",
    '    raise ValueError(f"invalid {a}: {{{a}!r}}")',
    "    {a} = min({b}, self.max_{c})",
    "    self.{a} = {b}",
    "    {a} = {b}.ewm(span={n}, adjust=False).mean()",
    "    {a} = abs({b}) * {f}",
    "    return {a}, {b}",
)
IDENTIFIERS = (
    "price",
    "close",
    "high",
    "low",
    "volume",
    "atr",
    "rsi",
    "signal",
    "position",
    "size",
    "stop",
    "entry",
    "exit_price",
    "pnl",
    "fee",
    "spread",
    "qty",
    "notional",
    "equity",
    "drawdown",
    "ema_fast",
    "ema_slow",
    "window",
    "threshold",
    "leverage",
    "balance",
    "orders",
    "fills",
    "bar",
    "tick",
)
COMMENTS = (
    "TODO: handle partial fills",
    "guard against look-ahead",
    "exchange limits apply here",
    "keep this in sync with the config schema",
    "annualise with 365 days for crypto",
    "use mid price when the book is thin",
    "fees are charged in quote currency",
)


@dataclass
class _File:
    lines: list[str]
    binary: bytes | None = None


@dataclass
class _State:
    files: dict[str, _File] = field(default_factory=dict)


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.clock = EPOCH_START
        self.mark = 0
        self.n_path = 0

    # --- content -------------------------------------------------------------------------
    def ident(self) -> str:
        return self.rng.choice(IDENTIFIERS)

    def py_line(self) -> str:
        rng = self.rng
        return rng.choice(PY_LINE_TEMPLATES).format(
            a=self.ident(),
            b=self.ident(),
            c=self.ident(),
            n=rng.randint(2, 200),
            f=round(rng.uniform(0.1, 3.0), 2),
            comment=rng.choice(COMMENTS),
        )

    def py_function(self) -> list[str]:
        rng = self.rng
        name = (
            f"{rng.choice(('compute', 'update', 'check', 'apply', 'on', 'build'))}_{self.ident()}"
        )
        args = ", ".join(rng.sample(IDENTIFIERS, rng.randint(1, 3)))
        body = [self.py_line() for _ in range(rng.randint(3, 12))]
        return [
            f"def {name}({args}):",
            f'    """{name.replace("_", " ").capitalize()}."""',
            *body,
            f"    return {self.ident()}",
            "",
        ]

    def new_text_file(self, path: str) -> _File:
        rng = self.rng
        if path.endswith(".py"):
            lines = [
                '"""' + path.rsplit("/", 1)[-1][:-3].replace("_", " ").capitalize() + '."""',
                "",
                "import logging",
                "",
                "import numpy as np",
                "import pandas as pd",
                "",
                "logger = logging.getLogger(__name__)",
                "",
            ]
            for _ in range(rng.randint(2, 10)):
                lines += self.py_function()
        elif path.endswith((".yaml", ".yml")):
            lines = [f"{self.ident()}: {rng.randint(1, 500)}" for _ in range(rng.randint(5, 40))]
        elif path.endswith(".md"):
            lines = [f"# {rng.choice(COMPONENTS).capitalize()}", ""]
            lines += [rng.choice(BODY_SENTENCES) for _ in range(rng.randint(5, 30))]
        elif path.endswith(".sql"):
            lines = [
                f"SELECT {self.ident()}, {self.ident()} FROM candles WHERE {self.ident()} > "
                f"{rng.randint(0, 99)};"
                for _ in range(rng.randint(3, 20))
            ]
        else:  # .sh
            lines = ["#!/usr/bin/env bash", "set -euo pipefail"]
            lines += [
                f"python -m {rng.choice(PACKAGES)}.{rng.choice(MODULE_WORDS)} --{self.ident()}"
                for _ in range(rng.randint(2, 10))
            ]
        return _File(lines)

    def new_binary_file(self) -> _File:
        return _File([], binary=self.rng.randbytes(self.rng.randint(200, 6000)))

    def new_path(self) -> str:
        rng = self.rng
        self.n_path += 1
        roll = rng.random()
        if roll < 0.70:
            pkg = rng.choice(PACKAGES)
            stem = rng.choice(STRATEGY_NAMES if pkg == "strategies" else MODULE_WORDS)
            folder = f"tests/{pkg}" if rng.random() < 0.2 else f"quantbot/{pkg}"
            prefix = "test_" if folder.startswith("tests") else ""
            return f"{folder}/{prefix}{stem}_{self.n_path}.py"
        if roll < 0.80:
            return f"configs/{rng.choice(STRATEGY_NAMES)}_{self.n_path}.yaml"
        if roll < 0.86:
            return f"docs/{rng.choice(MODULE_WORDS)}_{self.n_path}.md"
        if roll < 0.90:
            return f"sql/{rng.choice(MODULE_WORDS)}_{self.n_path}.sql"
        if roll < 0.93:
            return f"scripts/run_{rng.choice(STRATEGY_NAMES)}_{self.n_path}.sh"
        ext = rng.choice((".png", ".pkl", ".parquet"))
        return f"assets/{rng.choice(MODULE_WORDS)}_{self.n_path}{ext}"

    def modify(self, f: _File) -> _File:
        """A new version of ``f`` with one to three small hunks changed."""
        rng = self.rng
        if f.binary is not None:
            data = bytearray(f.binary)
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            return _File([], binary=bytes(data))
        lines = list(f.lines)
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            at = rng.randint(0, len(lines))
            op = rng.random()
            if op < 0.45 or len(lines) < 20:  # insert
                if rng.random() < 0.3:
                    lines[at:at] = self.py_function()
                else:
                    lines[at:at] = [self.py_line() for _ in range(rng.randint(1, 6))]
            elif op < 0.85:  # replace
                n = rng.randint(1, 5)
                lines[at : at + n] = [self.py_line() for _ in range(rng.randint(1, 5))]
            elif len(lines) > 60:  # delete
                del lines[at : at + rng.randint(1, 8)]
        return _File(lines)

    # --- messages ------------------------------------------------------------------------
    def subject(self) -> str:
        rng = self.rng
        templates, weights = zip(*SUBJECT_TEMPLATES, strict=True)
        template = rng.choices(templates, weights)[0]
        v = (rng.randint(0, 3), rng.randint(0, 30), rng.randint(0, 9))
        return template.format(
            feature=rng.choice(FEATURES),
            component=rng.choice(COMPONENTS),
            bug=rng.choice(BUGS),
            bug_short=rng.choice(BUG_SHORT),
            module=rng.choice(MODULE_WORDS) + ".py",
            old_name=self.ident(),
            new_name=self.ident() + "_" + rng.choice(("v2", "raw", "adj")),
            dependency=rng.choice(DEPENDENCIES),
            v1=f"{v[0]}.{v[1]}.{v[2]}",
            v2=f"{v[0]}.{v[1]}.{v[2] + 1}",
        )

    def body(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.45:
            return ""
        sentences = rng.sample(BODY_SENTENCES, rng.randint(1, 4))
        text = " ".join(sentences)
        if roll > 0.9:
            text += f"\n\nCloses #{rng.randint(1, 2500)}"
        if roll > 0.97:
            name, email, _ = rng.choice(AUTHORS[:10])
            text += f"\n\nCo-authored-by: {name} <{email}>"
        return text

    # --- commits -------------------------------------------------------------------------
    def tick(self) -> int:
        rng = self.rng
        roll = rng.random()  # mostly minutes to hours apart, sometimes days (~4 h on average)
        if roll < 0.6:
            self.clock += rng.randint(60, 7200)
        elif roll < 0.9:
            self.clock += rng.randint(600, 30_000)
        else:
            self.clock += rng.randint(3600, 172_800)
        return self.clock

    def commit(
        self,
        out: list[bytes],
        ref: str,
        message: str,
        changes: list[bytes],
        parent: int | None,
        merge: int | None = None,
    ) -> int:
        rng = self.rng
        self.mark += 1
        when = self.tick()
        name, email, tz = rng.choices(AUTHORS, AUTHOR_WEIGHTS)[0]
        c_name, c_email, c_tz = (name, email, tz) if rng.random() < 0.85 else MAINTAINER
        author_when = when - (rng.randint(0, 86_400) if (c_name, c_email) != (name, email) else 0)
        msg = message.encode()
        head = [
            f"commit {ref}\nmark :{self.mark}\n".encode(),
            f"author {name} <{email}> {author_when} {tz}\n".encode(),
            f"committer {c_name} <{c_email}> {when} {c_tz}\n".encode(),
            b"data %d\n" % len(msg),
            msg,
            b"\n",
        ]
        if parent is not None:
            head.append(b"from :%d\n" % parent)
        if merge is not None:
            head.append(b"merge :%d\n" % merge)
        out.extend(head)
        out.extend(changes)
        out.append(b"\n")
        return self.mark


def _blob(f: _File) -> bytes:
    if f.binary is not None:
        return f.binary
    return ("\n".join(f.lines) + "\n").encode()


def _m(path: str, f: _File) -> bytes:
    data = _blob(f)
    return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data)


def _message(gen: _Generator) -> str:
    body = gen.body()
    return gen.subject() + ("\n\n" + body if body else "") + "\n"


def _generate(gen: _Generator, n_commits: int, out_write) -> None:
    rng = gen.rng
    state = _State()
    buf: list[bytes] = []

    def flush() -> None:
        out_write(b"".join(buf))
        buf.clear()

    # Initial import: ~150 files.
    changes = []
    for _ in range(150):
        path = gen.new_path()
        f = gen.new_binary_file() if path.startswith("assets/") else gen.new_text_file(path)
        state.files[path] = f
        changes.append(_m(path, f))
    changes.append(_m("README.md", _File(["# quantbot", "", "Crypto trading strategies."])))
    state.files["README.md"] = _File(["# quantbot", "", "Crypto trading strategies."])
    tip = gen.commit(buf, "refs/heads/main", "Initial import of quantbot\n", changes, None)
    made = 1
    topic_no = 0

    while made < n_commits:
        if len(buf) > 4096:
            flush()
        paths = list(state.files)
        roll = rng.random()
        remaining = n_commits - made
        if roll < 0.015 and remaining >= 4:  # a topic branch merged back: >= 4 commits
            topic_no += 1
            fork = tip
            n_side = min(rng.randint(1, 4), remaining - 3)
            n_main = rng.randint(1, min(3, remaining - n_side - 1))
            touched = rng.sample(
                [p for p in paths if state.files[p].binary is None], min(n_side * 2, len(paths))
            )
            side_files = {p: state.files[p] for p in touched}
            side_tip = fork
            for _ in range(n_side):
                p = rng.choice(touched)
                side_files[p] = gen.modify(side_files[p])
                side_tip = gen.commit(
                    buf, "refs/heads/topic", _message(gen), [_m(p, side_files[p])], side_tip
                )
            others = [p for p in paths if p not in side_files]
            for _ in range(n_main):
                p = rng.choice(others)
                state.files[p] = gen.modify(state.files[p])
                tip = gen.commit(
                    buf, "refs/heads/main", _message(gen), [_m(p, state.files[p])], tip
                )
            merged = [p for p in touched if side_files[p] is not state.files[p]]
            for p in merged:
                state.files[p] = side_files[p]
            branch = f"feature/{rng.choice(STRATEGY_NAMES)}-{topic_no}"
            tip = gen.commit(
                buf,
                "refs/heads/main",
                f"Merge branch '{branch}'\n"
                if rng.random() < 0.5
                else f"Merge pull request #{topic_no + 100} from {branch}\n\n{gen.subject()}\n",
                [_m(p, state.files[p]) for p in merged],
                tip,
                merge=side_tip,
            )
            made += n_side + n_main + 1
            continue
        if 0.86 <= roll < 0.93 and len(paths) >= 400:
            roll = 0.97  # enough files: delete instead of adding
        elif roll >= 0.965 and len(paths) < 300:
            roll = 0.90  # too few files: add instead of deleting
        if roll < 0.72:  # single-file modification
            p = rng.choice(paths)
            state.files[p] = gen.modify(state.files[p])
            changes = [_m(p, state.files[p])]
        elif roll < 0.86:  # multi-file modification
            changes = []
            for p in rng.sample(paths, min(rng.randint(2, 6), len(paths))):
                state.files[p] = gen.modify(state.files[p])
                changes.append(_m(p, state.files[p]))
        elif roll < 0.93:  # add one or two files
            changes = []
            for _ in range(rng.choice((1, 1, 2))):
                p = gen.new_path()
                f = gen.new_binary_file() if p.startswith("assets/") else gen.new_text_file(p)
                state.files[p] = f
                changes.append(_m(p, f))
        elif roll < 0.965:  # rename, sometimes with an edit
            old = rng.choice(paths)
            if old == "README.md":
                continue
            stem, dot, ext = old.rpartition(".")
            folder, _, _ = stem.rpartition("/")
            gen.n_path += 1
            new = f"{folder}/{rng.choice(MODULE_WORDS)}_{gen.n_path}{dot}{ext}"
            f = state.files.pop(old)
            changes = [f"R {old} {new}\n".encode()]
            if f.binary is None and rng.random() < 0.5:
                f = gen.modify(f)
                changes.append(_m(new, f))
            state.files[new] = f
        else:  # delete one or a few files (keep 300 to 400 around)
            changes = []
            for p in rng.sample(paths, rng.choice((1, 1, 1, 2, 3))):
                if p == "README.md":
                    continue
                del state.files[p]
                changes.append(f"D {p}\n".encode())
            if not changes:
                continue
        tip = gen.commit(buf, "refs/heads/main", _message(gen), changes, tip)
        made += 1

    buf.append(b"reset refs/heads/topic\nfrom 0000000000000000000000000000000000000000\n\n")
    buf.append(b"done\n")
    flush()


def make_synthetic_repo(path: Path, n_commits: int, seed: int = 0, *, bare: bool = False) -> Path:
    """Create a git repository at ``path`` (which must not exist or be empty) with ``n_commits``
    commits on ``main``, and return ``path``.

    ``bare=False`` also checks out the working tree (a few hundred files).
    """
    if n_commits < 1:
        raise ValueError("n_commits must be >= 1")
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        raise FileExistsError(f"{path} exists and is not empty")
    path.mkdir(parents=True, exist_ok=True)
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", *(["--bare"] if bare else []), str(path)], check=True)
    proc = subprocess.Popen(
        ["git", "-C", str(path), "fast-import", "--quiet", "--done", "--depth=50"],
        stdin=subprocess.PIPE,
    )
    assert proc.stdin is not None
    try:
        _generate(_Generator(seed), n_commits, proc.stdin.write)
        proc.stdin.close()
    except BrokenPipeError:
        pass
    if proc.wait() != 0:
        raise RuntimeError(f"git fast-import failed with exit status {proc.returncode}")
    subprocess.run(["git", "-C", str(path), "symbolic-ref", "HEAD", "refs/heads/main"], check=True)
    if not bare:
        subprocess.run(["git", "-C", str(path), "reset", "-q", "--hard", "main"], check=True)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", type=Path, help="where to create the repository (must not exist)")
    parser.add_argument("--commits", type=int, default=20_000, help="commits (default 20000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--bare", action="store_true", help="create a bare repository")
    parser.add_argument("--force", action="store_true", help="delete the path first if it exists")
    args = parser.parse_args(argv)
    if args.force and args.path.exists():
        shutil.rmtree(args.path)
    start = time.perf_counter()
    make_synthetic_repo(args.path, args.commits, args.seed, bare=args.bare)
    elapsed = time.perf_counter() - start
    count = subprocess.run(
        ["git", "-C", str(args.path), "rev-list", "--count", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"{args.path}: {count} commits in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
