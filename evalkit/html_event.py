"""The HTML of one event: the ranking, each candidate's claims with their evidence, the
key-fact coverage grid and the sources, from a finished run's table rows.

Numbers are shown exactly as the CSV spells them and every number-bearing element names its
cell (`data-t` table, `data-r` row, `data-c` column); all article text goes through
`html.escape`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from html import escape
from typing import Any

from evalkit.columns import SUMMARY
from evalkit.run_reader import EventTables, Line

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
            covered = match["state"] == "covered"
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
                f'data-state="{esc(match["state"])}">{inner}</td>'
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


def reference_of(ev: EventTables) -> str:
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
    reference = reference_of(ev)
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


def _facts_origin(manifest: dict[str, Any]) -> dict[str, str]:
    return {
        str(e.get("event")): str(e.get("facts", ""))
        for e in manifest.get("events", [])
        if isinstance(e, dict)
    }
