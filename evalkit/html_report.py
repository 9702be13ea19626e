"""HTML report: report.html (plus report/<event>.html for many events) from a run's tables.

Reads only the CSV tables and run.json of a finished run, so `python -m evalkit report RUN_DIR`
and the end of `run` share one code path. Numbers are shown exactly as the CSV spells them and
every number-bearing element names its cell (`data-t` table, `data-r` row, `data-c` column);
all article text goes through `html.escape`. One self-contained file per page: inline CSS, a
little vanilla JS (both from evalkit/assets/), plots as data URIs; nothing is fetched from the
network.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import re
import signal
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

from evalkit.columns import SUMMARY, TABLES
from evalkit.errors import InputError, cannot, report_error
from evalkit.files import atomic_write, read_rows
from evalkit.report import MARKER

REPORT = "report.html"
PAGES = "report"  # folder of per-event pages when a run has several events
# verdict -> (icon, label); the icon and the underline style carry the verdict besides colour.
VERDICTS = {
    "supported": ("✓", "supported"),
    "unsupported": ("?", "unsupported"),
    "contradicted": ("✗", "contradicted"),
}
BARS = ("coverage", "coverage_weighted", "support_rate")
# summary.csv's columns in the order the ranking shows them (headed by their titles).
SUMMARY_SHOWN = (
    "rank",
    "candidate",
    "score",
    "coverage",
    "coverage_weighted",
    "support_rate",
    "claims",
    "supported",
    "unsupported",
    "contradicted",
    "rouge1",
    "rouge2",
    "rougeL",
    "note",
)
# summary.csv's columns the index of events shows for each event's top candidate.
TOP = ("score", "coverage", "support_rate", "unsupported", "contradicted")


@dataclass(frozen=True, slots=True)
class Line:
    """One CSV row: its table, its 0-based data row number and its cells as the CSV spells them."""

    table: str
    n: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]


@dataclass(slots=True)
class EventTables:
    """Every table row of one event."""

    event: str
    summary: list[Line] = field(default_factory=list)
    claims: list[Line] = field(default_factory=list)
    facts: list[Line] = field(default_factory=list)
    sources: list[Line] = field(default_factory=list)
    removed: list[Line] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Run:
    """A finished run folder as read back from disk."""

    run_dir: Path
    manifest: dict[str, Any]
    events: list[EventTables]


HELP = "pass a run folder written by `python -m evalkit run` (its hydra.run.dir)"
DAMAGED = "the run is damaged: run it again"
# run.json entries the report reads, and the JSON type each must have.
MANIFEST = {
    "config": dict,
    "model": dict,
    "counts": dict,
    "versions": dict,
    "timings_seconds": dict,
    "events": list,
}


def load_run(run_dir: Path) -> Run:
    """Read a finished run's tables and run.json, grouped by event in summary order."""
    if not run_dir.is_dir():
        what = "not a folder" if run_dir.exists() else "no such folder"
        raise InputError(f"{run_dir}: {what}; {HELP}")
    if (run_dir / MARKER).exists():
        raise InputError(f"{run_dir}: the run did not finish ({MARKER} is there); re-run it first")
    missing = [n for n in (*TABLES, "run.json") if not (run_dir / n).is_file()]
    if missing:
        raise InputError(f"{run_dir}: not a finished run (no {', '.join(missing)}); {HELP}")
    manifest = _manifest(run_dir / "run.json")
    events: dict[str, EventTables] = {}
    for name, table in TABLES.items():
        stem = name.removesuffix(".csv")
        for line in _read(run_dir / name, stem, table.names):
            event = events.setdefault(line["event"], EventTables(line["event"]))
            getattr(event, stem).append(line)
    return Run(run_dir, manifest, list(events.values()))


def _manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); {DAMAGED}") from None
    except (ValueError, RecursionError) as err:  # bad JSON or UTF-8, absurd nesting or digits
        raise InputError(f"{path}: not valid JSON ({_short(err)}); {DAMAGED}") from None
    if not isinstance(manifest, dict):
        raise InputError(f"{path}: not a JSON object; {DAMAGED}")
    wrong = [k for k, kind in MANIFEST.items() if not isinstance(manifest.get(k, kind()), kind)]
    if wrong:
        raise InputError(f"{path}: {', '.join(wrong)} has the wrong type; {DAMAGED}")
    return manifest


def _short(err: BaseException) -> str:
    """An exception's message cut to one short line."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _read(path: Path, stem: str, columns: Sequence[str]) -> list[Line]:
    try:
        rows = read_rows(path)
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); {DAMAGED}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not valid UTF-8; re-run the run to rewrite it") from None
    header = rows[0] if rows else []
    lacking = [c for c in columns if c not in header]
    if lacking:
        raise InputError(
            f"{path}: lacks column(s) {', '.join(lacking)}; was it written by evalkit? "
            "Re-run the run to rewrite its tables"
        )
    width = len(header)
    rows = [row + [""] * (width - len(row)) for row in rows[1:] if row]  # as csv.DictReader
    return [Line(stem, n, dict(zip(header, row, strict=False))) for n, row in enumerate(rows)]


# ---------------------------------------------------------------- small HTML helpers


def esc(value: object) -> str:
    """Escape any text for HTML body or attribute use."""
    return escape(str(value), quote=True)


def cell(line: Line, column: str) -> str:
    """Attributes naming the CSV cell a displayed number comes from."""
    return f'data-t="{line.table}" data-r="{line.n}" data-c="{esc(column)}"'


def number(line: Line, column: str, cls: str = "") -> str:
    """A number exactly as the CSV spells it, tagged with its cell."""
    return f'<span class="num {cls}" {cell(line, column)}>{esc(line[column])}</span>'


def breakable(name: str) -> str:
    """An escaped name that may wrap after its underscores (narrow column headers)."""
    return esc(name).replace("_", "_<wbr>")


def bar(value: str) -> str:
    """A 0-1 value as a small horizontal bar (nothing for NaN)."""
    try:
        share = min(max(float(value), 0.0), 1.0)
    except ValueError:
        return '<span class="bar" aria-hidden="true"></span>'
    if math.isnan(share):
        return '<span class="bar" aria-hidden="true"></span>'
    return f'<span class="bar" aria-hidden="true"><i style="width:{share * 100:.1f}%"></i></span>'


def verdict_badge(verdict: str) -> str:
    icon, label = VERDICTS.get(verdict, ("•", verdict))
    icon_html = f'<b aria-hidden="true">{icon}</b>'
    return f'<span class="badge {esc(verdict)}">{icon_html} {esc(label)}</span>'


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


# ---------------------------------------------------------------- the sections of an event


def summary_table(ev: EventTables, anchors: bool) -> str:
    """The ranked summary table, sortable, with coverage and support as bars."""
    has_note = any(line["note"] for line in ev.summary)  # the note column only when used
    shown = [(c, SUMMARY[c].heading) for c in SUMMARY_SHOWN if c != "note" or has_note]
    head = "".join(
        f'<th data-sort scope="col"{" aria-sort=ascending" if c == "rank" else ""}>{esc(h)}</th>'
        for c, h in shown
    )
    body = []
    for i, line in enumerate(ev.summary):
        tds = []
        for column, _ in shown:
            if column == "candidate":
                name = esc(line[column])
                link = f'<a href="#cand-{i}">{name}</a>' if anchors else name
                short = " short" if len(line[column]) <= 24 else ""  # short names never wrap
                tds.append(f'<td class="name{short}">{link}</td>')
            elif column == "note":
                tds.append(f"<td class=note>{esc(line[column])}</td>")
            else:
                graph = bar(line[column]) if column in BARS else ""
                tds.append(f'<td class="n" {cell(line, column)}>{graph}{esc(line[column])}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    return (
        f'<div class="scroll"><table class="sortable summary"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _claims_by_candidate(ev: EventTables) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = defaultdict(list)
    for line in ev.claims:
        out[line["candidate"]].append(line)
    for lines in out.values():
        lines.sort(key=lambda x: (_int(x["claim_start"]) or 0, x.n))
    return out


def claim_detail(line: Line, dom_id: str, reference: str) -> str:
    """The hidden panel one claim reveals: verdict, scores, reason and its nearest sentence."""
    verdict = line["verdict"]
    label = {"supported": "Evidence", "contradicted": "Conflicting source sentence"}.get(
        verdict, "Nearest source sentence"
    )
    source = line["evidence_source"]
    role = " (the reference)" if source and source == reference else ""
    if line["evidence"]:
        where = (
            f"<p class=where>{label} — source <code>{esc(source)}</code>{role}, characters "
            f"{number(line, 'evidence_start')}–{number(line, 'evidence_end')}</p>"
            f'<blockquote class="evidence">{esc(line["evidence"])}</blockquote>'
        )
    else:
        where = "<p class=where>No source sentence found.</p>"
    extra = ""
    if line["novel"]:
        extra += f"<p><b>Not in any source:</b> {esc(line['novel'])}</p>"
    if line["conflict"]:
        extra += f"<p><b>Conflict:</b> {esc(line['conflict'])}</p>"
    return (
        f'<div class="detail" id="d-{dom_id}" hidden>'
        f"<p class=scores>{verdict_badge(verdict)} <code>{esc(line['claim_id'])}</code> "
        f"support <b>{number(line, 'support')}</b> · similarity {number(line, 'similarity')} · "
        f"token precision {number(line, 'token_precision')}</p>"
        f"<p class=reason><b>Why:</b> {esc(line['reason'])}</p>{where}{extra}</div>"
    )


def candidate_sections(
    ev: EventTables, claims: dict[str, list[Line]], reference: str
) -> tuple[str, dict[tuple[str, str], str]]:
    """One article per candidate; also each claim's DOM id by (candidate, claim_id)."""
    ids: dict[tuple[str, str], str] = {}
    parts = []
    for i, line in enumerate(ev.summary):
        name = line["candidate"]
        spans, details = [], []
        for j, claim in enumerate(claims.get(name, [])):
            dom_id = f"c{i}s{j}"
            ids[(name, claim["claim_id"])] = dom_id
            verdict = claim["verdict"]
            icon, label = VERDICTS.get(verdict, ("•", verdict))
            spans.append(
                f'<span class="claim {esc(verdict)}" id="{dom_id}" data-claim="{dom_id}" '
                f'data-t="claims" data-r="{claim.n}" tabindex="0" role="button" '
                f'title="{esc(label)}, support {esc(claim["support"])}: click for the evidence">'
                f'<b class="ico" aria-hidden="true">{icon}</b>'
                f'<span class="sr">{esc(label)}: </span>'
                f"{esc(claim['claim'])}</span>"
            )
            details.append(claim_detail(claim, dom_id, reference))
        if spans:
            body = (
                f'<p class="text">{" ".join(spans)}</p><div class="details" aria-live="polite">'
                '<p class="placeholder">Click or hover a sentence to see its evidence, the '
                f"support score and the reason.</p>{''.join(details)}</div>"
            )
        else:
            note = f" ({esc(line['note'])})" if line["note"] else ""
            body = f'<p class="placeholder">No claims to check{note}.</p>'
        counts = " ".join(
            f'<span class="badge {v}{" zero" if line[v] == "0" else ""}">'
            f'<b aria-hidden="true">{VERDICTS[v][0]}</b> '
            f"{number(line, v)} {v}</span>"
            for v in ("supported", "unsupported", "contradicted")
        )
        parts.append(
            f'<article class="cand" id="cand-{i}"><h3><span class="rank">'
            f"#{esc(line['rank'] or '–')}</span> {esc(name)} <span class=score>score "
            f"{number(line, 'score')}</span></h3><p class=counts>{counts}</p>{body}</article>"
        )
    return "".join(parts), ids


def _covering_claim(match: Line, claims: list[Line]) -> Line | None:
    """The claim whose span holds the fact's matched sentence (most overlap wins)."""
    start, end = _int(match["match_start"]), _int(match["match_end"])
    if start is None or end is None:
        return None
    best, best_overlap = None, 0
    for claim in claims:
        c_start, c_end = _int(claim["claim_start"]), _int(claim["claim_end"])
        if c_start is None or c_end is None:
            continue
        overlap = min(end, c_end) - max(start, c_start)
        if overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def coverage_grid(
    ev: EventTables, claims: dict[str, list[Line]], ids: dict[tuple[str, str], str]
) -> str:
    """Key facts as rows, candidates as columns; each cell links to the covering sentence."""
    if not ev.facts:
        return "<p>No key facts for this event.</p>"
    order = [line["candidate"] for line in ev.summary]
    facts: dict[str, dict[str, Line]] = defaultdict(dict)
    for line in ev.facts:
        facts[line["fact_id"]][line["candidate"]] = line
    head = "".join(f"<th scope=col class=cand-col>{breakable(name)}</th>" for name in order)
    body = []
    for row in facts.values():
        first = next(iter(row.values()))
        tds = [
            f"<th scope=row class=fact><code>{esc(first['fact_id'])}</code> {esc(first['fact'])}"
            f'<span class=origin title="reported by: {esc(first["reported_by"])}">'
            f"{esc(first['fact_origin'])}</span></th>",
            f'<td class="n">{number(first, "weight")}</td>',
        ]
        for name in order:
            match = row.get(name)
            if match is None:
                tds.append('<td class="cell none">—</td>')
                continue
            covered = match["covered"] == "1"
            state, icon = ("covered", "✓") if covered else ("missed", "✗")
            claim = _covering_claim(match, claims.get(name, []))
            dom_id = ids.get((name, claim["claim_id"])) if claim else None
            inner = f'<b aria-hidden="true">{icon}</b> {state}<br>{number(match, "score")}'
            if dom_id:
                what = "covered by" if covered else "closest sentence (below the threshold):"
                inner = (
                    f'<a href="#{dom_id}" data-claim="{dom_id}" title="{what} '
                    f'{esc(claim["claim_id"]) if claim else ""}">{inner}</a>'
                )
            tds.append(
                f'<td class="cell {state}" data-t="facts" data-r="{match.n}" '
                f'data-covered="{esc(match["covered"])}">{inner}</td>'
            )
        body.append(f"<tr>{''.join(tds)}</tr>")
    return (
        '<div class="scroll"><table class="grid"><thead><tr><th scope=col>key fact</th>'
        f"<th scope=col>weight</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def sources_section(ev: EventTables, candidate_index: dict[str, int]) -> str:
    """Which source was the reference and why; removed boilerplate folded away with reasons."""
    columns = ("chars_raw", "chars_clean", "sentences", "removed_lines", "event_terms")
    head = "".join(f"<th scope=col>{c.replace('_', ' ')}</th>" for c in columns)
    rows, why = [], ""
    for line in ev.sources:
        name = esc(line["source"])
        if line["is_reference"] == "1":
            role = '<span class="badge ref"><b aria-hidden="true">★</b> reference</span>'
            why = (
                f'<p class="why"><b>Reference:</b> <code>{name}</code> — '
                f"{esc(line['note']) or 'chosen by the run configuration'}</p>"
            )
        elif line["is_candidate"] == "1":
            i = candidate_index.get(line["source"])
            role = f'<a href="#cand-{i}">also a candidate</a>' if i is not None else "candidate"
        else:
            role = "source"
        nums = "".join(f'<td class="n">{number(line, c)}</td>' for c in columns)
        rows.append(
            f"<tr><td class=src><code>{name}</code></td><td class=role>{role}</td>{nums}"
            f"<td class=note>{esc(line['note'])}</td></tr>"
        )
    removed: dict[str, list[Line]] = defaultdict(list)
    for line in ev.removed:
        removed[line["source"]].append(line)
    folds = []
    for source, lines in removed.items():
        items = "".join(
            f'<tr><td class="n">{number(x, "line_no")}</td><td class=line>{esc(x["line"])}</td>'
            f"<td>{esc(x['reason'])}</td></tr>"
            for x in lines
        )
        folds.append(
            f"<details><summary><code>{esc(source)}</code>: {len(lines)} boilerplate line(s) "
            f"removed</summary><div class=scroll><table class=removed><thead><tr><th>line</th>"
            f"<th>text</th><th>why removed</th></tr></thead><tbody>{items}</tbody></table></div>"
            "</details>"
        )
    removed_html = "".join(folds) or "<p>No lines were removed as boilerplate.</p>"
    return (
        f'{why}<div class="scroll"><table class="sources"><thead><tr><th scope=col>source</th>'
        f"<th scope=col>role</th>{head}<th scope=col>note</th></tr></thead><tbody>"
        f"{''.join(rows)}</tbody></table></div><h3>Removed boilerplate</h3>{removed_html}"
    )


def _reference(ev: EventTables) -> str:
    return next((x["source"] for x in ev.sources if x["is_reference"] == "1"), "")


def formula(manifest: dict[str, Any]) -> str:
    """How the score is computed, with this run's weights."""
    scoring = manifest.get("config", {}).get("scoring", {})
    try:
        return (
            f"score = {scoring['coverage_weight']} × coverage (weighted) − "
            f"{scoring['unsupported_penalty']} × unsupported − "
            f"{scoring['contradicted_penalty']} × contradicted"
        )
    except (KeyError, TypeError):
        return "score = coverage (weighted) minus a penalty per unsupported and contradicted claim"


def event_body(ev: EventTables, manifest: dict[str, Any], plots: str = "") -> str:
    """Every section of one event: ranking (and plots), candidates, coverage grid, sources."""
    facts_origin = _facts_origin(manifest).get(ev.event, "")
    reference = _reference(ev)
    claims = _claims_by_candidate(ev)
    candidates, ids = candidate_sections(ev, claims, reference)
    index = {line["candidate"]: i for i, line in enumerate(ev.summary)}
    n_facts = len({x["fact_id"] for x in ev.facts})
    origin = f" ({esc(facts_origin)})" if facts_origin else ""
    return (
        f"<p class=sub>{len(ev.summary)} candidate(s) · {len(ev.sources)} source(s) · "
        f"{n_facts} key fact(s){origin} · reference <code>{esc(reference or '—')}</code></p>"
        f'<section id="ranking"><h2>Ranking</h2><p class=hint>{esc(formula(manifest))}. '
        f"Click a column to sort.</p>{summary_table(ev, True)}</section>{plots}"
        f'<section id="candidates"><h2>Candidates</h2>{LEGEND}{candidates}</section>'
        f'<section id="coverage"><h2>Key-fact coverage</h2><p class=hint>Rows: the key facts of '
        "the reference; columns: candidates in rank order. A cell links to the candidate's "
        f"sentence that covers the fact (or the closest one).</p>"
        f"{coverage_grid(ev, claims, ids)}</section>"
        f'<section id="sources"><h2>Sources</h2>{sources_section(ev, index)}</section>'
    )


LEGEND = (
    '<p class="legend">Verdicts: '
    + " ".join(verdict_badge(v) for v in VERDICTS)
    + " — click or hover a sentence for its evidence.</p>"
)


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
    """The PNG plots, embedded as data URIs and linked to their files beside the report."""
    if not plots:
        return ""
    figures = "".join(
        f'<figure><img alt="{esc(p.alt)}" src="data:image/png;base64,'
        f'{base64.b64encode(p.path.read_bytes()).decode("ascii")}"><figcaption>{esc(p.title)} '
        f'(<a href="{esc(p.path.name)}">{esc(p.path.name)}</a>)</figcaption></figure>'
        for p in plots
    )
    return f'<section id="plots"><h2>Plots</h2><div class=plots>{figures}</div></section>'


def events_index(run: Run, pages: dict[str, str]) -> str:
    """One row per event: counts and its top candidate, linking to the event's page."""
    head = (
        "event",
        "reference",
        "sources",
        "candidates",
        "key facts",
        "top candidate",
        *(SUMMARY[c].heading for c in TOP),
    )
    ths = "".join(f"<th data-sort scope=col>{esc(h)}</th>" for h in head)
    rows = []
    for ev in run.events:
        top = ev.summary[0] if ev.summary else None
        link = f'<a href="{PAGES}/{esc(pages[ev.event])}">{esc(ev.event)}</a>'
        counts = (
            ("sources", len(ev.sources)),
            ("candidates", len(ev.summary)),
            ("facts", len({x["fact_id"] for x in ev.facts})),
        )
        tds = [f"<td>{link}</td>", f"<td><code>{esc(_reference(ev) or '—')}</code></td>"]
        tds += [f'<td class="n" data-count="{k}">{v}</td>' for k, v in counts]
        if top:
            tds.append(f"<td class=name>{esc(top['candidate'])}</td>")
            for column in TOP:
                graph = bar(top[column]) if column in BARS else ""
                tds.append(f'<td class="n" {cell(top, column)}>{graph}{esc(top[column])}</td>')
        else:
            tds += ["<td></td>"] * 6
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return (
        '<section id="events"><h2>Events</h2><p class=hint>Each event has its own page with the '
        "claims, evidence, coverage grid and sources. Click a column to sort.</p>"
        '<input type="search" id="filter" placeholder="Filter events by name or candidate" '
        'aria-label="Filter events">'
        f'<div class="scroll"><table class="sortable events"><thead><tr>{ths}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
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


def _facts_origin(manifest: dict[str, Any]) -> dict[str, str]:
    return {
        str(e.get("event")): str(e.get("facts", ""))
        for e in manifest.get("events", [])
        if isinstance(e, dict)
    }


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
    """report.html for a many-event run: plots, an index of events, the run details."""
    n_cand = sum(len(ev.summary) for ev in run.events)
    body = (
        f"<header><h1>evalkit report</h1><p class=sub>{len(run.events)} events · {n_cand} "
        f"candidates scored · run <code>{esc(run.run_dir.resolve().name)}</code></p></header>"
        f"{plots_section(plots)}{events_index(run, pages)}{run_section(run.manifest)}"
    )
    return page(_title(run), body)


def build_report(run_dir: Path, html: bool = True, plots: bool = True) -> Path | None:
    """Write report.html (and per-event pages, plots) into a finished run folder."""
    run = load_run(run_dir)
    try:
        return _write_report(run, html, plots)
    except OSError as err:  # a full disk, a read-only folder: the tables are fine
        raise cannot(
            err,
            f"{run_dir}: cannot write the report ({err.strerror or _short(err)}); the run's tables "
            f"are complete: free space or make {run_dir} writable, then rebuild the report with "
            f"`python -m evalkit report {run_dir}`",
        ) from None


def _write_report(run: Run, html: bool, plots: bool) -> Path | None:
    run_dir = run.run_dir
    drawn: list[Any] = []
    if plots and run.events:
        from evalkit.plots import draw  # matplotlib loads only when plots are wanted

        drawn = draw([line.cells for ev in run.events for line in ev.summary], run_dir)
    if not html:
        return None
    if len(run.events) <= 1:
        text = single_event(run, drawn) if run.events else page(_title(run), "<p>No events.</p>")
    else:
        pages = page_names([ev.event for ev in run.events])
        folder = run_dir / PAGES
        folder.mkdir(exist_ok=True)
        for i, ev in enumerate(run.events):
            atomic_write(folder / pages[ev.event], event_page(run, i, pages))
        names = set(pages.values())
        for old in folder.glob("*.html"):  # pages of events this run no longer has
            if old.name not in names:
                old.unlink()
        text = many_events(run, drawn, pages)
    atomic_write(run_dir / REPORT, text)
    return run_dir / REPORT


def main(argv: list[str]) -> int:
    """`python -m evalkit report RUN_DIR`: rebuild the report from a finished run's tables."""
    parser = argparse.ArgumentParser(
        prog="python -m evalkit report",
        description="Rebuild report.html and the plots from a finished run's tables.",
    )
    parser.add_argument("run_dir", type=Path, help="a folder written by `python -m evalkit run`")
    parser.add_argument("--no-plots", action="store_true", help="skip the PNG plots")
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
