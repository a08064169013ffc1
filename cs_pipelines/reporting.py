"""Small renderers for what assets show in the Dagster UI: Markdown tables and bar charts."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from pathlib import Path

import polars as pl


def markdown_table(frame: pl.DataFrame, max_rows: int = 10, max_chars: int = 80) -> str:
    """A Markdown table of the first ``max_rows`` rows, cells shortened to ``max_chars``."""
    if frame.is_empty():
        return "_(no rows)_"
    head = frame.head(max_rows)
    lines = [
        "| " + " | ".join(head.columns) + " |",
        "| " + " | ".join("---" for _ in head.columns) + " |",
    ]
    for row in head.iter_rows():
        lines.append("| " + " | ".join(_cell(value, max_chars) for value in row) + " |")
    if frame.height > max_rows:
        lines.append(f"\n_{frame.height - max_rows} more rows_")
    return "\n".join(lines)


def _cell(value: object, max_chars: int) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\n", " ").replace("|", "\\|")
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def bar_chart_png(
    labels: list[str],
    values: list[float],
    title: str,
    path: Path,
    xlabel: str = "commits removed",
    intervals: list[tuple[float, float] | None] | None = None,
) -> Path:
    """Write a horizontal bar chart to ``path`` (PNG) and return it.

    ``intervals`` (one ``(low, high)`` or None per bar) draws each bar's interval as an error
    bar, and its label then reads ``value [low, high]``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    height = max(2.5, 0.32 * len(labels) + 1.2)
    fig, ax = plt.subplots(figsize=(8, height))
    try:
        shown = intervals if intervals is not None else [None] * len(values)
        bounds = [b or (v, v) for v, b in zip(values, shown, strict=True)]
        below = [v - low for v, (low, _) in zip(values, bounds, strict=True)]
        above = [high - v for v, (_, high) in zip(values, bounds, strict=True)]
        ax.barh(
            labels[::-1],
            values[::-1],
            color="#4F43DD",
            xerr=[below[::-1], above[::-1]] if intervals is not None else None,
            error_kw={"ecolor": "#222222", "capsize": 3, "elinewidth": 1},
        )
        ax.set_title(title)
        ax.set_xlabel(xlabel)
        rows = list(zip(values, bounds, shown, strict=True))[::-1]
        for index, (value, (low, high), interval) in enumerate(rows):
            label = f" {value:.3f}" if isinstance(value, float) else f" {value}"
            if interval is not None:
                label += f" [{low:.3f}, {high:.3f}]"
            ax.text(max(value, high), index, label, va="center", fontsize=8)
        fig.tight_layout()
        fig.savefig(path, dpi=100)
    finally:
        plt.close(fig)
    return path


def line_chart_png(
    series: dict[str, tuple[list, list[float]]], title: str, path: Path, ylabel: str = ""
) -> Path:
    """Write one line per named ``(x, y)`` series to ``path`` (PNG) and return it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(8, 3.5))
    try:
        for name, (xs, ys) in series.items():
            ax.plot(xs, ys, label=name, linewidth=1)
        ax.set_title(title)
        ax.set_ylabel(ylabel)
        if series:
            ax.legend(fontsize=8)
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, dpi=100)
    finally:
        plt.close(fig)
    return path


def history_series(
    history: Sequence[Mapping[str, float]], names: Sequence[str]
) -> dict[str, tuple[list, list[float]]]:
    """Per name, the ``(step, value)`` series of the training-log records that hold it (names
    no record holds are left out): what :func:`line_chart_png` draws."""
    series = {
        name: ([h["step"] for h in history if name in h], [h[name] for h in history if name in h])
        for name in names
    }
    return {name: points for name, points in series.items() if points[0]}


def markdown_image(path: Path, alt: str) -> str:
    """Inline a PNG into Markdown so the Dagster UI shows it without a file server."""
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"![{alt}](data:image/png;base64,{encoded})"
