"""Plots for the HTML report: PNG files drawn headless from summary.csv rows.

Uses matplotlib's object API (`Figure` + Agg canvas), never pyplot: no GUI backend is chosen,
no global figure state is kept, and nothing needs a display.
"""

from __future__ import annotations

import io
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from evalkit.files import atomic_write

# Score distributions need several events to say anything.
MANY_EVENTS = 5
# Candidate names are labelled (and averaged over events) only when there are this few.
MAX_LABELS = 30
# A candidate name gets its own box in the score distribution from this many events on.
MIN_BOX_EVENTS = 5
MAX_BOXES = 20
# Vertical offsets (points) tried in turn for a label that would cover another.
NUDGES = (2, -11, 13, -22, 24, -33, 35, -44, 46, -55, 57)

Row = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Plot:
    """One PNG written beside report.html, with the text that describes it."""

    path: Path
    title: str
    alt: str


def _num(text: str) -> float:
    """A cell as a number to plot; NaN for text, blanks and infinities (nothing to draw)."""
    try:
        value = float(text)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


def _save(fig: Figure, path: Path) -> None:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    atomic_write(path, buf.getvalue())


def _label(ax: Any, points: Mapping[str, tuple[float, float]]) -> None:
    """Name each point, nudging a label up or down until it clears the ones already placed."""
    scale = 72 / ax.figure.dpi
    right, top = (v * 72 for v in ax.figure.get_size_inches())
    centres = [tuple(v * scale for v in ax.transData.transform(xy)) for xy in points.values()]
    # boxes (in points) a label must not cover: the markers, then the labels already placed
    placed = [(cx - 4, cy - 4, cx + 4, cy + 4) for cx, cy in centres]
    for name, (x, y) in sorted(points.items(), key=lambda kv: (-kv[1][1], kv[1][0])):
        px, py = (v * scale for v in ax.transData.transform((x, y)))
        width, height = 4.9 * len(name) + 4, 10.0
        # labels of points on the right go to their left; then try further up and down
        sides = (True, False) if x > 0.7 else (False, True)
        tries = [(left, dy) for dy in NUDGES for left in sides]
        for left, dy in tries:
            x0 = px - 6 - width if left else px + 6
            box = (x0, py + dy, x0 + width, py + dy + height)
            inside = box[0] >= 0 and box[2] <= right and box[1] >= 0 and box[3] <= top
            if inside and not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        ax.annotate(
            name,
            (x, y),
            xytext=(-6 if left else 6, dy),
            textcoords="offset points",
            fontsize=8,
            ha="right" if left else "left",
            va="bottom",
            arrowprops={"arrowstyle": "-", "color": "#9aa5b1", "lw": 0.6} if abs(dy) > 2 else None,
        )


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def coverage_support(summary: Sequence[Row], path: Path) -> Plot:
    """Coverage against support rate: one labelled point per candidate (its mean over events)."""
    events = len({r["event"] for r in summary})
    points = [
        (r["candidate"], _num(r["support_rate"]), _num(r["coverage"]))
        for r in summary
        if not (math.isnan(_num(r["support_rate"])) or math.isnan(_num(r["coverage"])))
    ]
    by_name: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for name, x, y in points:
        by_name[name].append((x, y))
    fig = Figure(figsize=(7.2, 5.0))
    ax = fig.add_subplot()
    if events > 1:
        ax.scatter(
            [p[1] for p in points],
            [p[2] for p in points],
            s=8,
            c="#9aa5b1",
            alpha=0.3,
            linewidths=0,
            label="one candidate in one event",
        )
    ax.set_xlim(-0.04, 1.08)
    ax.set_ylim(-0.04, 1.08)
    labelled = len(by_name) <= MAX_LABELS
    means = {
        name: (sum(p[0] for p in xy) / len(xy), sum(p[1] for p in xy) / len(xy))
        for name, xy in sorted(by_name.items())
    }
    if labelled:
        ax.scatter(
            [m[0] for m in means.values()],
            [m[1] for m in means.values()],
            s=46,
            c="#1f5fa8",
            edgecolors="white",
            zorder=3,
        )
    ax.set_xlabel("support rate (share of claims a source supports)")
    ax.set_ylabel("coverage (mean soft credit of the key facts, 0-1)")
    mean = " (mean over events)" if events > 1 and labelled else ""
    title = f"Coverage credit against support rate per candidate{mean}"
    ax.set_title(title, fontsize=11)
    ax.grid(True, alpha=0.3)
    dropped = len(summary) - len(points)
    if dropped:
        ax.text(
            0.99,
            0.01,
            f"{dropped} unscorable candidate(s) not shown",
            transform=ax.transAxes,
            ha="right",
            fontsize=8,
            color="#555",
        )
    if events > 1:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    if labelled:
        _label(ax, means)  # after the layout: placement works in final positions
    _save(fig, path)
    alt = f"Scatter plot of coverage credit against support rate for {len(by_name)} candidate(s)"
    return Plot(path, title, alt)


def score_distribution(summary: Sequence[Row], path: Path) -> Plot:
    """Score over events: a box per recurring candidate name, else one histogram of all scores."""
    events = len({r["event"] for r in summary})
    by_name: dict[str, list[float]] = defaultdict(list)
    for r in summary:
        if not math.isnan(score := _num(r["score"])):
            by_name[r["candidate"]].append(score)
    boxes = {n: s for n, s in by_name.items() if len(s) >= MIN_BOX_EVENTS}
    fig = Figure(figsize=(7.2, 5.0))
    ax = fig.add_subplot()
    if boxes:
        names = sorted(boxes, key=lambda n: sorted(boxes[n])[len(boxes[n]) // 2])[-MAX_BOXES:]
        ax.boxplot(
            [boxes[n] for n in names], orientation="horizontal", tick_labels=names, showfliers=False
        )
        ax.set_xlabel("score")
        title = f"Score over {events} events, per candidate (median order)"
    else:
        ax.hist([s for v in by_name.values() for s in v], bins=30, color="#1f5fa8")
        ax.set_xlabel("score")
        ax.set_ylabel("candidates")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers
        title = f"Score over {events} events, all candidates"
    ax.set_title(title, fontsize=11)
    ax.grid(True, axis="x", alpha=0.3)
    fig.tight_layout()
    _save(fig, path)
    return Plot(path, title, f"Distribution of scores over {events} events")


def draw(summary: Sequence[Row], out_dir: Path) -> list[Plot]:
    """Every plot that suits this run, written into `out_dir`."""
    plots = [coverage_support(summary, out_dir / "coverage_support.png")]
    if len({r["event"] for r in summary}) >= MANY_EVENTS:
        plots.append(score_distribution(summary, out_dir / "score_distribution.png"))
    return plots
