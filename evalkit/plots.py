"""Plots for the HTML report: SVG files written from summary.csv rows.

Two charts, written as SVG text by hand: no plotting library to import (importing matplotlib
and drawing cost the default seeds run about a second), nothing that needs a display, and the
same bytes for the same rows. Each point carries a tooltip (`<title>`). The
report inlines the plots, so their classes start with `pl-` and meet none of its styles.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import numpy as np

from evalkit.files import atomic_write
from evalkit.report import PLOTS

# Score distributions need several events to say anything.
MANY_EVENTS = 5
# Candidate names are labelled (and averaged over events) only when there are this few.
MAX_LABELS = 30
# A candidate name gets its own box in the score distribution from this many events on.
MIN_BOX_EVENTS = 5
MAX_BOXES = 20
# Vertical offsets (pixels) tried in turn for a label that would cover another.
NUDGES = (-3, 13, -17, 27, -31, 41, -45, 55, -59, 69, -73)
WIDTH, HEIGHT = 720, 500
CHAR = 6.2  # width of a character of an 11px label, about
FONT = "font-family:system-ui,sans-serif"
BLUE, GREY, GRID = "#1f5fa8", "#9aa5b1", "#dde2e8"

Row = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Plot:
    """One SVG written beside report.html, with the text that describes it."""

    path: Path
    title: str
    alt: str


@dataclass(frozen=True, slots=True)
class Axes:
    """The plot area (pixels) and the data ranges it shows."""

    left: float
    top: float
    right: float
    bottom: float
    x: tuple[float, float]
    y: tuple[float, float]

    def px(self, x: float) -> float:
        return self.left + (x - self.x[0]) / (self.x[1] - self.x[0]) * (self.right - self.left)

    def py(self, y: float) -> float:
        return self.bottom - (y - self.y[0]) / (self.y[1] - self.y[0]) * (self.bottom - self.top)


def _num(text: str) -> float:
    """A cell as a number to plot; NaN for text, blanks and infinities (nothing to draw)."""
    try:
        value = float(text)
    except ValueError:
        return math.nan
    return value if math.isfinite(value) else math.nan


def _f(v: float) -> str:
    return f"{v:.1f}"


def _text(x: float, y: float, text: str, cls: str, size: int = 11, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text class="{cls}" x="{_f(x)}" y="{_f(y)}" font-size="{size}"{extra}>'
        f"{escape(text)}</text>"
    )


def ticks(low: float, high: float, most: int = 8) -> list[float]:
    """Round tick values (steps of 1, 2 or 5 times a power of ten) from `low` to `high`."""
    span = high - low if high > low else 1.0
    step = 10 ** math.floor(math.log10(span / most))
    for factor in (1, 2, 5, 10):
        if span / (step * factor) <= most:
            step *= factor
            break
    first = math.ceil(low / step - 1e-9)
    values = [
        round((first + i) * step, 10) + 0.0 for i in range(int((high - low) / step + 1e-9) + 2)
    ]
    return [v for v in values if low - 1e-9 <= v <= high + 1e-9]


def _label(value: float) -> str:
    return f"{value:g}"


def _frame(
    ax: Axes, title: str, xlabel: str, ylabel: str, xticks: Sequence[float], yticks: Sequence[float]
) -> list[str]:
    """Grid, ticks, axis labels and title."""
    out = [f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="white"/>']
    for v in xticks:
        x = ax.px(v)
        out.append(
            f'<line x1="{_f(x)}" y1="{ax.top}" x2="{_f(x)}" y2="{ax.bottom}" stroke="{GRID}"/>'
        )
        out.append(_text(x, ax.bottom + 16, _label(v), "pl-xtick", text_anchor="middle"))
    for v in yticks:
        y = ax.py(v)
        out.append(
            f'<line x1="{ax.left}" y1="{_f(y)}" x2="{ax.right}" y2="{_f(y)}" stroke="{GRID}"/>'
        )
        out.append(_text(ax.left - 6, y + 4, _label(v), "pl-ytick", text_anchor="end"))
    out.append(
        f'<rect x="{ax.left}" y="{ax.top}" width="{_f(ax.right - ax.left)}" '
        f'height="{_f(ax.bottom - ax.top)}" fill="none" stroke="#444"/>'
    )
    out.append(_text(WIDTH / 2, 24, title, "pl-title", 14, text_anchor="middle"))
    out.append(
        _text((ax.left + ax.right) / 2, HEIGHT - 12, xlabel, "pl-xlabel", 12, text_anchor="middle")
    )
    if ylabel:
        middle = (ax.top + ax.bottom) / 2
        out.append(
            _text(16, middle, ylabel, "pl-ylabel", 12, text_anchor="middle",
                  transform=f"rotate(-90 16 {_f(middle)})")
        )  # fmt: skip
    return out


def _save(parts: Sequence[str], path: Path, alt: str) -> None:
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" style="{FONT}"><desc>{escape(alt)}</desc>'
        + "".join(parts)
        + "</svg>\n"
    )
    atomic_write(path, svg.encode("utf-8"))


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _names(ax: Axes, points: Mapping[str, tuple[float, float]]) -> list[str]:
    """Name each point, nudging a label up or down until it clears the ones already placed."""
    centres = [(ax.px(x), ax.py(y)) for x, y in points.values()]
    # boxes (pixels) a label must not cover: the markers, then the labels already placed
    placed = [(cx - 5, cy - 5, cx + 5, cy + 5) for cx, cy in centres]
    out = []
    for name, (x, y) in sorted(points.items(), key=lambda kv: (-kv[1][1], kv[1][0])):
        px, py = ax.px(x), ax.py(y)
        width, height = CHAR * len(name) + 4, 13.0
        # labels of points on the right go to their left; then try further up and down
        sides = (True, False) if x > 0.7 else (False, True)
        for dy, left in ((dy, left) for dy in NUDGES for left in sides):
            x0 = px - 7 - width if left else px + 7
            box = (x0, py + dy - height, x0 + width, py + dy)
            inside = box[0] >= 0 and box[2] <= WIDTH and box[1] >= 0 and box[3] <= HEIGHT
            if inside and not any(_overlap(box, other) for other in placed):
                break
        placed.append(box)
        if abs(dy) > 3:  # a leader from the point to a nudged label
            end = box[2] if left else box[0]
            out.append(
                f'<line x1="{_f(px)}" y1="{_f(py)}" x2="{_f(end)}" y2="{_f(py + dy - 4)}" '
                f'stroke="{GREY}" stroke-width="0.8"/>'
            )
        anchor = "end" if left else "start"
        out.append(_text(box[2] - 2 if left else box[0] + 2, py + dy - 3, name, "pl-name",
                         text_anchor=anchor))  # fmt: skip
    return out


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
    labelled = len(by_name) <= MAX_LABELS
    mean = " (mean over events)" if events > 1 and labelled else ""
    title = f"Coverage credit against support rate per candidate{mean}"
    ax = Axes(70, 40, WIDTH - 20, HEIGHT - 55, (-0.04, 1.08), (-0.04, 1.08))
    grid = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    parts = _frame(
        ax,
        title,
        "support rate (share of claims a source supports)",
        "coverage (mean soft credit of the key facts, 0-1)",
        grid,
        grid,
    )
    if events > 1:
        # one dot per 2-pixel cell, darker where more candidates fall: the file stays small
        # however many events the run has
        cells = Counter((2 * round(ax.px(x) / 2), 2 * round(ax.py(y) / 2)) for _, x, y in points)
        parts += [
            f'<circle class="pl-one" cx="{cx}" cy="{cy}" r="2" fill="{GREY}" '
            f'fill-opacity="{min(1.0, 0.3 * n):.1f}"/>'
            for (cx, cy), n in sorted(cells.items())
        ]
        parts.append(f'<circle cx="{ax.left + 12}" cy="{ax.top + 14}" r="3" fill="{GREY}"/>')
        parts.append(
            _text(ax.left + 20, ax.top + 18, "one candidate in one event", "pl-legend", 10)
        )
    means = {
        name: (sum(p[0] for p in xy) / len(xy), sum(p[1] for p in xy) / len(xy))
        for name, xy in sorted(by_name.items())
    }
    if labelled:
        parts += [
            f'<circle class="pl-mean" cx="{_f(ax.px(x))}" cy="{_f(ax.py(y))}" r="5" fill="{BLUE}" '
            f'stroke="white"><title>{escape(name)}: support rate {x:.3f}, coverage {y:.3f}'
            f"</title></circle>"
            for name, (x, y) in means.items()
        ]
        parts += _names(ax, means)
    dropped = len(summary) - len(points)
    if dropped:
        parts.append(
            _text(ax.right - 6, ax.bottom - 6, f"{dropped} unscorable candidate(s) not shown",
                  "pl-note", 10, text_anchor="end", fill="#555")
        )  # fmt: skip
    alt = f"Scatter plot of coverage credit against support rate for {len(by_name)} candidate(s)"
    _save(parts, path, alt)
    return Plot(path, title, alt)


def score_distribution(summary: Sequence[Row], path: Path) -> Plot:
    """Score over events: a box per recurring candidate name, else one histogram of all scores."""
    events = len({r["event"] for r in summary})
    by_name: dict[str, list[float]] = defaultdict(list)
    for r in summary:
        if not math.isnan(score := _num(r["score"])):
            by_name[r["candidate"]].append(score)
    boxes = {n: s for n, s in by_name.items() if len(s) >= MIN_BOX_EVENTS}
    scores = [s for v in by_name.values() for s in v] or [0.0]
    if boxes:
        title = f"Score over {events} events, per candidate (median order)"
        names = sorted(boxes, key=lambda n: sorted(boxes[n])[len(boxes[n]) // 2])[-MAX_BOXES:]
        left = min(20 + CHAR * max(len(n) for n in names), WIDTH / 2)
        stats = [_box(boxes[n]) for n in names]
        low, high = min(s[0] for s in stats), max(s[4] for s in stats)
        pad = (high - low) * 0.05 or 0.05
        ax = Axes(
            left, 40, WIDTH - 20, HEIGHT - 55, (low - pad, high + pad), (0.5, len(names) + 0.5)
        )
        parts = _frame(ax, title, "score", "", ticks(*ax.x), [])
        for i, (name, (lo, q1, median, q3, hi)) in enumerate(zip(names, stats, strict=True), 1):
            y, half = ax.py(i), min(12.0, (ax.bottom - ax.top) / len(names) / 3)
            parts.append(_text(ax.left - 6, y + 4, name, "pl-ytick", text_anchor="end"))
            parts.append(
                f'<g class="pl-box"><title>{escape(name)}: median {median:.3f}, quartiles '
                f"{q1:.3f} to {q3:.3f}, {len(boxes[name])} events</title>"
                f'<line x1="{_f(ax.px(lo))}" y1="{_f(y)}" x2="{_f(ax.px(hi))}" y2="{_f(y)}" '
                f'stroke="#444"/><rect x="{_f(ax.px(q1))}" y="{_f(y - half)}" '
                f'width="{_f(ax.px(q3) - ax.px(q1))}" height="{_f(2 * half)}" fill="white" '
                f'stroke="#444"/><line x1="{_f(ax.px(median))}" y1="{_f(y - half)}" '
                f'x2="{_f(ax.px(median))}" y2="{_f(y + half)}" stroke="#e07b00" '
                f'stroke-width="2"/></g>'
            )
    else:
        title = f"Score over {events} events, all candidates"
        counts, edges = np.histogram(scores, bins=30)
        top = max(int(counts.max()), 1)
        ax = Axes(
            70, 40, WIDTH - 20, HEIGHT - 55, (float(edges[0]), float(edges[-1])), (0, top * 1.05)
        )
        whole = [t for t in ticks(0, top) if t == int(t)]  # counts: whole numbers
        parts = _frame(ax, title, "score", "candidates", ticks(*ax.x), whole)
        for count, a, b in zip(counts, edges, edges[1:], strict=False):
            if count:
                parts.append(
                    f'<rect class="pl-bar" x="{_f(ax.px(a))}" y="{_f(ax.py(count))}" '
                    f'width="{_f(ax.px(b) - ax.px(a))}" height="{_f(ax.bottom - ax.py(count))}" '
                    f'fill="{BLUE}"><title>{count} candidate(s) scored {a:.3f} to {b:.3f}'
                    f"</title></rect>"
                )
    alt = f"Distribution of scores over {events} events"
    _save(parts, path, alt)
    return Plot(path, title, alt)


def _box(values: Sequence[float]) -> tuple[float, float, float, float, float]:
    """Whisker ends, quartiles and median, as a box plot draws them: the whiskers reach the
    furthest values within 1.5 interquartile ranges of the box (outliers are not drawn)."""
    q1, median, q3 = (float(v) for v in np.percentile(values, [25, 50, 75]))
    reach = 1.5 * (q3 - q1)
    lo = min(v for v in values if v >= q1 - reach)
    hi = max(v for v in values if v <= q3 + reach)
    return lo, q1, median, q3, hi


def draw(summary: Sequence[Row], out_dir: Path) -> list[Plot]:
    """Every plot that suits this run, written into `out_dir`."""
    plots = [coverage_support(summary, out_dir / PLOTS[0])]
    if len({r["event"] for r in summary}) >= MANY_EVENTS:
        plots.append(score_distribution(summary, out_dir / PLOTS[1]))
    return plots
