"""The HTML of the systems across events: a leaderboard whose scores carry their 95% interval as
a whisker (inline SVG on one shared axis), and the matrix of paired differences with the
significant ones marked, from systems.csv and pairs.csv. Numbers are shown as the CSV spells
them and name their cell, as on the event pages."""

from __future__ import annotations

import math

from evalkit.columns import DEFINITIONS, PAIRS, SYSTEMS, unfmt
from evalkit.html_event import breakable, esc, headings, legend, number, th
from evalkit.run_reader import Line, Run

SHEET = DEFINITIONS[SYSTEMS.file]
PAIR_SHEET = DEFINITIONS[PAIRS.file]
SHOWN = ("coverage", "support_rate", "unsupported", "contradicted", "misstated")
WHISKER = (
    "The mean score (dot) and its 95% interval (line), all systems on one axis; the "
    "axis runs from the lowest interval end to the highest."
)
MATRIX = (
    "Mean score of the row's system minus the column's (ranked below it), over the events "
    "both were scored on; a marked cell (bold, shaded) is significant after Holm's "
    "correction. Hover for the interval and p-values."
)
SIGNIFICANT = "background:#fde7c8;font-weight:600"


def _whisker(line: Line, low: float, high: float) -> str:
    """The score and its interval on the shared axis [low, high], as a small inline SVG."""
    width, pad = 180, 6
    span = high - low or 1.0

    def x(value: float) -> float:
        return pad + (value - low) / span * (width - 2 * pad)

    score, lo, hi = (unfmt(line[c]) for c in ("score", "score_low", "score_high"))
    if math.isnan(score):
        return ""
    marks = ""
    if not (math.isnan(lo) or math.isnan(hi)):
        marks = (
            f'<line x1="{x(lo):.1f}" x2="{x(hi):.1f}" y1="8" y2="8" stroke="#1f5fa8" '
            f'stroke-width="2"/><line x1="{x(lo):.1f}" x2="{x(lo):.1f}" y1="4" y2="12" '
            f'stroke="#1f5fa8"/><line x1="{x(hi):.1f}" x2="{x(hi):.1f}" y1="4" y2="12" '
            'stroke="#1f5fa8"/>'
        )
    label = f"score {line['score']}, 95% interval {line['score_low']} to {line['score_high']}"
    return (
        f'<svg width="{width}" height="16" role="img" aria-label="{esc(label)}">'
        f"<title>{esc(label)}</title>{marks}"
        f'<circle cx="{x(score):.1f}" cy="8" r="4" fill="#1f5fa8"/></svg>'
    )


def leaderboard(run: Run) -> str:
    """The systems ranked, each with its counts, its score's whisker and its other means."""
    ends = [unfmt(s[c]) for s in run.systems for c in ("score_low", "score_high", "score")]
    known = [v for v in ends if not math.isnan(v)]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    counts = ("rank", "system", "group", "events", "missing", "unscorable", "score")
    terms = [(SYSTEMS[c].heading, SHEET[c]) for c in counts]
    terms.append(("95% interval", WHISKER))
    terms += [(SYSTEMS[c].heading, SHEET[c]) for c in SHOWN]
    heads = headings(terms, " data-sort")
    rows = []
    for line in run.systems:
        tds = [f'<td class="n">{number(line, "rank")}</td>']
        tds.append(f"<td class=name><code>{breakable(line['system'])}</code></td>")
        tds += [f'<td class="n">{number(line, c)}</td>' for c in counts[2:]]
        tds.append(f"<td>{_whisker(line, low, high)}</td>")
        tds += [
            f'<td class="n" title="95% interval {esc(line[c + "_low"])} to '
            f'{esc(line[c + "_high"])}">{number(line, c)}</td>'
            for c in SHOWN
        ]
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return (
        '<h3>Leaderboard</h3><div class="scroll"><table class="sortable systems"><thead><tr>'
        f"{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{legend(terms)}"
    )


def matrix(run: Run) -> str:
    """Every pair's mean score difference, row minus column; significant cells marked."""
    names = [line["system"] for line in run.systems]
    pairs = {(line["system_a"], line["system_b"]): line for line in run.pairs}
    heads = [th("system", "The system of the row, ranked above the columns' systems.")]
    heads += [th(breakable(n), f"The column's system: {n}", ' class="cand-col"') for n in names]
    rows = []
    for row in names:
        tds = [f'<th scope="row"><code>{breakable(row)}</code></th>']
        for col in names:
            line = pairs.get((row, col))  # the row ranked above the column: the upper triangle
            if line is None:
                tds.append("<td></td>")
                continue
            marked = line["significant"] == "1"
            tip = (
                f"{row} − {col}: {line['difference']}, 95% interval {line['difference_low']} "
                f"to {line['difference_high']}; {line['events']} events; p = {line['p_value']}, "
                f"Holm p = {line['p_holm']}" + (" (significant)" if marked else "")
            )
            style = f' style="{SIGNIFICANT}"' if marked else ""
            tds.append(f'<td class="n" title="{esc(tip)}"{style}>{number(line, "difference")}</td>')
        rows.append(f"<tr>{''.join(tds)}</tr>")
    terms = [("system", "The system of the row."), ("cell", MATRIX)]
    return (
        "<h3>Pairwise differences</h3><p class=hint>"
        f"{esc(MATRIX)} Every pair, with its p-values, is in pairs.csv.</p>"
        f'<div class="scroll"><table class="pairs"><thead><tr>{"".join(heads)}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{legend(terms)}"
    )


def systems_section(run: Run) -> str:
    """The systems section of report.html; "" for a run without systems."""
    if not run.systems:
        return ""
    return (
        '<section id="systems"><h2>Systems</h2><p class=hint>A system is a candidate id found in '
        "two or more events; means and intervals are over the events it was scored on, and "
        "the groups put together systems that are not significantly different (see "
        f"systems.md).</p>{leaderboard(run)}{matrix(run)}</section>"
    )
