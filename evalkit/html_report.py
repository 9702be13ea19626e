"""HTML report: report.html (plus report/<event>.html for many events) from a run's tables.

Reads only the CSV tables and run.json of a finished run (`run_reader`), so
`python -m evalkit report RUN_DIR` and the end of `run` share one code path. Here: the pages,
the run's details and the index of events; one event's sections are in `html_event`. One
self-contained file per page: inline CSS, a little vanilla JS (both from evalkit/assets/),
plots inline; nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from evalkit.errors import InputError, advice, cannot, report_error
from evalkit.files import atomic_write
from evalkit.html_event import (
    BARS,
    DERIVED,
    SUMMARY_SHEET,
    bar,
    breakable,
    cell,
    esc,
    event_body,
    heading,
    headings,
    legend,
    reference_of,
)
from evalkit.html_systems import systems_section
from evalkit.report import PAGES, REPORT
from evalkit.run_reader import Run, load_run, short

# summary.csv's columns the index of events shows for each event's top candidate.
TOP = ("score", "coverage", "misstated", "support_rate", "unsupported", "contradicted")

# ---------------------------------------------------------------- run details and index


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key in sorted(value):
            yield from _flatten(value[key], f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), value if isinstance(value, str) else json.dumps(value)


def _kv(title: str, value: Any) -> str:
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in _flatten(value))
    return f"<div><h3>{esc(title)}</h3><table class=kv><tbody>{rows}</tbody></table></div>"


def run_section(manifest: dict[str, Any]) -> str:
    """The run's configuration, versions, model, counts and timings (run.json)."""
    model = dict(manifest.get("model", {}), git_commit=manifest.get("git_commit", "unknown"))
    blocks = [
        _kv("Counts", manifest.get("counts", {})),
        _kv("Model and code", model),
        _kv("Versions", manifest.get("versions", {})),
        _kv("Timings (seconds)", manifest.get("timings_seconds", {})),
    ]
    config = manifest.get("config", {})
    groups = {k: v for k, v in config.items() if isinstance(v, dict)}
    groups["other"] = {k: v for k, v in config.items() if not isinstance(v, dict)}
    config_html = "".join(_kv(k, v) for k, v in groups.items() if v)
    return (
        f'<section id="run"><h2>Run configuration and versions</h2><div class=cols>'
        f"{''.join(blocks)}</div><details open><summary>Configuration (resolved)</summary>"
        f"<div class=cols>{config_html}</div></details></section>"
    )


def plots_section(plots: Sequence[Any]) -> str:
    """The SVG plots, inline (so their tooltips work), linked to their files beside the
    report."""
    if not plots:
        return ""
    figures = "".join(
        f"<figure>{p.path.read_text(encoding='utf-8')}<figcaption>{esc(p.title)} "
        f'(<a href="{esc(p.path.name)}">{esc(p.path.name)}</a>)</figcaption></figure>'
        for p in plots
    )
    return f'<section id="plots"><h2>Plots</h2><div class=plots>{figures}</div></section>'


def events_index(run: Run, pages: dict[str, str]) -> str:
    """One row per event: counts and its top candidate, linking to the event's page."""
    terms = [
        ("event", SUMMARY_SHEET["event"]),
        *((h, DERIVED[h]) for h in ("reference", "sources", "candidates", "key facts")),
        ("top candidate", DERIVED["top candidate"]),
        *((heading(c), SUMMARY_SHEET[c]) for c in TOP),
    ]
    ths = headings(terms, " data-sort")
    rows = []
    for ev in run.events:
        top = ev.summary[0] if ev.summary else None
        link = f'<a href="{PAGES}/{esc(pages[ev.event])}">{esc(ev.event)}</a>'
        counts = (
            ("sources", len(ev.sources)),
            ("candidates", len(ev.summary)),
            ("facts", len({x["fact_id"] for x in ev.facts})),
        )
        tds = [f"<td>{link}</td>", f"<td><code>{breakable(reference_of(ev) or '—')}</code></td>"]
        tds += [f'<td class="n" data-count="{k}">{v}</td>' for k, v in counts]
        if top:
            name = top["candidate"]
            tds.append(f'<td class=name data-sort="{esc(name)}">{breakable(name)}</td>')
            for column in TOP:
                graph = bar(top[column]) if column in BARS else ""
                tds.append(f'<td class="n" {cell(top, column)}>{graph}{esc(top[column])}</td>')
        else:
            tds += ["<td></td>"] * (1 + len(TOP))
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return (
        '<section id="events"><h2>Events</h2><p class=hint>Each event has its own page with the '
        "claims, evidence, coverage grid and sources. Click a column to sort.</p>"
        '<input type="search" id="filter" placeholder="Filter events by name or candidate" '
        'aria-label="Filter events">'
        f'<div class="scroll"><table class="sortable events"><thead><tr>{ths}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{legend(terms)}</section>"
    )


# ---------------------------------------------------------------- pages and files


ASSETS = Path(__file__).parent / "assets"


@cache
def asset(name: str) -> str:
    """One of the report's files in evalkit/assets (its CSS and JS), read once."""
    return (ASSETS / name).read_text(encoding="utf-8")


def page(title: str, body: str) -> str:
    """A whole self-contained HTML document."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{asset('report.css')}</style></head>"
        f"<body><main>{body}</main><script>{asset('report.js')}</script></body></html>\n"
    )


def page_names(events: Sequence[str]) -> dict[str, str]:
    """A safe, unique file name per event; odd or clashing names get a short hash."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for event in events:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", event).strip("._-")[:60] or "event"
        if slug != event or slug.lower() in used:
            slug = f"{slug}-{hashlib.sha1(event.encode('utf-8')).hexdigest()[:8]}"
        used.add(slug.lower())
        names[event] = f"{slug}.html"
    return names


def _title(run: Run) -> str:
    return f"evalkit report — {run.run_dir.resolve().name}"


def single_event(run: Run, plots: Sequence[Any]) -> str:
    """report.html for a one-event run: everything on one page."""
    ev = run.events[0]
    body = (
        f"<header><h1>evalkit report: event <code>{esc(ev.event)}</code></h1></header>"
        f"{event_body(ev, run.manifest, plots_section(plots))}{run_section(run.manifest)}"
    )
    return page(_title(run), body)


def event_page(run: Run, i: int, pages: dict[str, str]) -> str:
    """report/<event>.html: one event of a many-event run, with links back and across."""
    ev = run.events[i]
    nav = [f'<a href="../{REPORT}">↑ all {len(run.events)} events</a>']
    if i > 0:
        prev = run.events[i - 1].event
        nav.append(f'<a href="{esc(pages[prev])}">← {esc(prev)}</a>')
    if i + 1 < len(run.events):
        nxt = run.events[i + 1].event
        nav.append(f'<a href="{esc(pages[nxt])}">{esc(nxt)} →</a>')
    body = (
        f"<header><nav>{' · '.join(nav)}</nav><h1>Event <code>{esc(ev.event)}</code></h1>"
        f"</header>{event_body(ev, run.manifest)}<p class=hint>Run configuration and versions: "
        f'<a href="../{REPORT}#run">{REPORT}</a>.</p>'
    )
    return page(f"{ev.event} — {_title(run)}", body)


def many_events(run: Run, plots: Sequence[Any], pages: dict[str, str]) -> str:
    """report.html for a many-event run: the systems, plots, an index of events, the run
    details."""
    n_cand = sum(len(ev.summary) for ev in run.events)
    body = (
        f"<header><h1>evalkit report</h1><p class=sub>{len(run.events)} events · {n_cand} "
        f"candidates scored · run <code>{esc(run.run_dir.resolve().name)}</code></p></header>"
        f"{systems_section(run)}{plots_section(plots)}{events_index(run, pages)}"
        f"{run_section(run.manifest)}"
    )
    return page(_title(run), body)


def build_report(run_dir: Path, html: bool = True, plots: bool = True) -> Path | None:
    """Write report.html (and per-event pages, plots) into a finished run folder."""
    run = load_run(run_dir)
    try:
        return _write_report(run, html, plots)
    except OSError as err:  # a full disk, a read-only folder: the tables are fine
        where = f": {err.filename}" if err.filename else ""
        raise cannot(
            err,
            f"{run_dir}: cannot write the report ({err.strerror or short(err)}{where}); the run's "
            f"tables are complete: {advice(err)}, then rebuild the report with "
            f"`python -m evalkit report {run_dir}`",
        ) from None


def _write_report(run: Run, html: bool, plots: bool) -> Path | None:
    run_dir = run.run_dir
    drawn: list[Any] = []
    if plots and run.events:
        from evalkit.plots import draw

        drawn = draw([line.cells for ev in run.events for line in ev.summary], run_dir)
    if not html:
        return None
    folder = run_dir / PAGES
    pages = page_names([ev.event for ev in run.events]) if len(run.events) > 1 else {}
    if len(run.events) <= 1:
        text = single_event(run, drawn) if run.events else page(_title(run), "<p>No events.</p>")
    else:
        folder.mkdir(exist_ok=True)
        for i, ev in enumerate(run.events):
            atomic_write(folder / pages[ev.event], event_page(run, i, pages))
        text = many_events(run, drawn, pages)
    if folder.is_dir():  # pages of events this run no longer has (overwrite=true)
        for old in folder.glob("*.html"):
            if old.name not in pages.values():
                old.unlink()
        if not any(folder.iterdir()):
            folder.rmdir()
    atomic_write(run_dir / REPORT, text)
    return run_dir / REPORT


def main(argv: list[str]) -> int:
    """`python -m evalkit report RUN_DIR`: rebuild the report from a finished run's tables."""
    parser = argparse.ArgumentParser(
        prog="python -m evalkit report",
        description="Rebuild report.html and the plots from a finished run's tables.",
    )
    parser.add_argument("run_dir", type=Path, help="a folder written by `python -m evalkit run`")
    parser.add_argument("--no-plots", action="store_true", help="skip the SVG plots")
    args = parser.parse_args(argv)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # as Ctrl-C
    try:
        path = build_report(args.run_dir, plots=not args.no_plots)
    except InputError as err:
        return report_error(err)
    except KeyboardInterrupt:
        print(f"interrupted: the report in {args.run_dir} is not rebuilt", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"report: {path}")
    return 0
