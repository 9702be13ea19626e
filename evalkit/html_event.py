"""The HTML of one event: the ranking, each candidate's scores, gaps and claims with their
evidence, the key-fact coverage grid and the sources, from a finished run's table rows.

Numbers are shown exactly as the CSV spells them and every number-bearing element names its
cell (`data-t` table, `data-r` row, `data-c` column); all article text goes through
`html.escape`. Every column heading carries its definition (`columns.DEFINITIONS`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

from evalkit.columns import DEFINITIONS, FACTS, REMOVED, SOURCES, SUMMARY
from evalkit.run_reader import EventTables, Line

# verdict -> (icon, label); the icon and the underline style carry the verdict besides colour.
VERDICTS = {
    "supported": ("✓", "supported"),
    "unsupported": ("?", "unsupported"),
    "contradicted": ("✗", "contradicted"),
}
# A key fact's state in one candidate -> (icon, what it means).
STATES = {
    "covered": ("✓", "the candidate states the fact"),
    "misstated": ("≠", "the candidate states the fact with a different value: no credit"),
    "missed": ("✗", "the candidate does not state the fact"),
}
BARS = ("coverage", "coverage_weighted", "support_rate")
# summary.csv's columns in the order the ranking shows them (headed by their titles).
SUMMARY_SHOWN = (
    "rank",
    "candidate",
    "score",
    "coverage",
    "coverage_weighted",
    "misstated",
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
# The candidate's scores its section opens with, before its claim counts.
SCORECARD = ("score", "coverage_weighted", "coverage", "misstated", "support_rate")
# Headings the page derives rather than reads from one CSV column, defined as the columns are.
DERIVED = {
    "reference": "The source article the key facts and ROUGE come from (see Sources).",
    "sources": "Number of source articles of the event.",
    "candidates": "Number of texts scored: summaries, and source articles scored as candidates.",
    "key facts": "Number of key facts of the event.",
    "top candidate": "The event's best-scoring candidate; the columns after it are its scores.",
    "role": "reference: the article the key facts come from; also a candidate: a source "
    "article scored as a candidate too; source: a source only.",
    "candidate column": "This candidate's state for each key fact: ✓ covered, ≠ misstated or "
    "✗ missed, with the fact's credit. Hover or click a cell for the sentence.",
}
SUMMARY_SHEET = DEFINITIONS[SUMMARY.file]


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
    """An escaped id that may wrap after its underscores and hyphens and every 8 characters
    of a long code (a hash: letters and digits), never inside a word."""
    return CODE.sub(_chunks, esc(name)).replace("_", "_<wbr>").replace("-", "-<wbr>")


CODE = re.compile(r"[A-Za-z0-9]{13,}")


def _chunks(match: re.Match[str]) -> str:
    code = match.group()
    if code.isalpha():  # a word: whole
        return code
    return "<wbr>".join(code[i : i + 8] for i in range(0, len(code), 8))


def heading(column: str) -> str:
    """A summary.csv column's heading for people."""
    return next((c.heading for c in SUMMARY.columns if c.name == column), column)


def th(label: str, definition: str, attrs: str = "") -> str:
    """A column heading (HTML `label`) with its definition as the tooltip."""
    return f'<th scope="col" title="{esc(definition)}"{attrs}>{label}</th>'


def headings(terms: Iterable[tuple[str, str]], attrs: str = "") -> str:
    """A table's headings, each (label, definition) with its definition as the tooltip."""
    return "".join(th(esc(label), definition, attrs) for label, definition in terms)


def legend(terms: Iterable[tuple[str, str]], what: str = "What the columns mean") -> str:
    """Headings and their definitions, folded under the table they explain."""
    items = "".join(f"<dt>{esc(t)}</dt><dd>{esc(d)}</dd>" for t, d in terms)
    return f'<details class="defs"><summary>{esc(what)}</summary><dl>{items}</dl></details>'


def article_badge(name: str, articles: set[str]) -> str:
    """A label on a source article scored as a candidate; nothing on a summary."""
    if name not in articles:
        return ""
    return (
        ' <span class="badge article" title="a source article scored as a candidate, '
        'not a summary">article</span>'
    )


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


def summary_table(ev: EventTables, anchors: bool, articles: set[str]) -> str:
    """The ranked summary table, sortable, with coverage and support as bars."""
    has_note = any(line["note"] for line in ev.summary)  # the note column only when used
    shown = [(c, heading(c)) for c in SUMMARY_SHOWN if c != "note" or has_note]
    head = "".join(
        th(esc(h), SUMMARY_SHEET[c], " data-sort" + (" aria-sort=ascending" if c == "rank" else ""))
        for c, h in shown
    )
    body = []
    for i, line in enumerate(ev.summary):
        tds = []
        for column, _ in shown:
            if column == "candidate":
                name = breakable(line[column])
                link = f'<a href="#cand-{i}">{name}</a>' if anchors else name
                tds.append(
                    f'<td class="name" data-sort="{esc(line[column])}">{link}'
                    f"{article_badge(line[column], articles)}</td>"
                )
            elif column == "note":
                tds.append(f"<td class=note>{esc(line[column])}</td>")
            else:
                graph = bar(line[column]) if column in BARS else ""
                tds.append(f'<td class="n" {cell(line, column)}>{graph}{esc(line[column])}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    return (
        f'<div class="scroll"><table class="sortable summary"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
        f"{legend((h, SUMMARY_SHEET[c]) for c, h in shown)}"
    )


@dataclass(frozen=True, slots=True)
class Links:
    """What an event's sections point at: each claim's and grid cell's element id, and which
    claim is a fact's match sentence (same candidate, same character span)."""

    claims: dict[str, list[Line]]  # candidate -> its claims in text order
    claim_ids: dict[int, str]  # claims.csv row -> element id
    cell_ids: dict[int, str]  # facts.csv row -> element id of its grid cell
    match_claim: dict[int, Line]  # facts.csv row -> the claim that is its match
    facts_of: dict[int, list[Line]]  # claims.csv row -> the misstated facts it states

    @classmethod
    def of(cls, ev: EventTables) -> Links:
        claims: dict[str, list[Line]] = defaultdict(list)
        for line in ev.claims:
            claims[line["candidate"]].append(line)
        for lines in claims.values():
            lines.sort(key=lambda x: (_int(x["claim_start"]) or 0, x.n))
        order = {line["candidate"]: i for i, line in enumerate(ev.summary)}
        claim_ids, at = {}, {}
        for name, i in order.items():
            for j, claim in enumerate(claims.get(name, [])):
                claim_ids[claim.n] = f"c{i}s{j}"
                at[(name, claim["claim_start"], claim["claim_end"])] = claim
        facts = {f: k for k, f in enumerate(dict.fromkeys(x["fact_id"] for x in ev.facts))}
        cell_ids, match_claim, facts_of = {}, {}, defaultdict(list)
        for fact in ev.facts:
            name = fact["candidate"]
            if name in order:
                cell_ids[fact.n] = f"g{facts[fact['fact_id']]}-{order[name]}"
            said = at.get((name, fact["match_start"], fact["match_end"]))
            if said is not None and fact["match_start"]:
                match_claim[fact.n] = said
                if fact["state"] == "misstated":
                    facts_of[said.n].append(fact)
        return cls(claims, claim_ids, cell_ids, match_claim, facts_of)


def _fact_link(fact: Line, links: Links) -> str:
    """A fact's id linking to its grid cell, then its text."""
    fact_id = esc(fact["fact_id"])
    target = links.cell_ids.get(fact.n)
    anchor = f'<a href="#{target}">{fact_id}</a>' if target else fact_id
    return f"<code>{anchor}</code> {esc(fact['fact'])}"


def claim_detail(line: Line, dom_id: str, reference: str, links: Links) -> str:
    """The hidden panel one claim reveals: verdict, what disagrees or how well a source
    supports it, the reason, its nearest sentence and the key facts it misstates."""
    verdict = line["verdict"]
    label = {"supported": "Evidence", "contradicted": "Conflicting source sentence"}.get(
        verdict, "Nearest source sentence"
    )
    source = line["evidence_source"]
    role = " (the reference)" if source and source == reference else ""
    if line["evidence"]:
        where = (
            f"<p class=where>{label} — source <code>{breakable(source)}</code>{role}, "
            f"characters {number(line, 'evidence_start')}–{number(line, 'evidence_end')}</p>"
            f'<blockquote class="evidence">{esc(line["evidence"])}</blockquote>'
        )
    else:
        where = "<p class=where>No source sentence found.</p>"
    badge = f"{verdict_badge(verdict)} <code>{esc(line['claim_id'])}</code>"
    if verdict == "contradicted":  # what disagrees, not a support figure that reads as good
        what = line["conflict"] or line["reason"]
        scores = f'<p class=scores>{badge} <span class="conflict">{esc(what)}</span></p>'
    else:
        scores = (
            f"<p class=scores>{badge} support <b>{number(line, 'support')}</b> · similarity "
            f"{number(line, 'similarity')} · token precision {number(line, 'token_precision')}"
            "</p>"
        )
    extra = ""
    if line["novel"]:
        extra += f"<p><b>Not in any source:</b> {esc(line['novel'])}</p>"
    if line["conflict"] and verdict != "contradicted":
        extra += f"<p><b>Conflict:</b> {esc(line['conflict'])}</p>"
    for fact in links.facts_of.get(line.n, []):
        extra += (
            f'<p class="misstates"><b>Misstates key fact</b> {_fact_link(fact, links)} '
            f'<span class="conflict">{esc(fact["conflict"])}</span></p>'
        )
    return (
        f'<div class="detail" id="d-{dom_id}" hidden>{scores}'
        f"<p class=reason><b>Why:</b> {esc(line['reason'])}</p>{where}{extra}</div>"
    )


def _scorecard(line: Line) -> str:
    """A candidate's scores, each with its definition, and its claim counts."""
    scores = "".join(
        f'<span class="metric" title="{esc(SUMMARY_SHEET[c])}">{esc(heading(c))} '
        f"<b>{number(line, c)}</b></span>"
        for c in SCORECARD
    )
    counts = " ".join(
        f'<span class="badge {v}{" zero" if line[v] == "0" else ""}" '
        f'title="{esc(SUMMARY_SHEET[v])}"><b aria-hidden="true">{VERDICTS[v][0]}</b> '
        f"{number(line, v)} {v}</span>"
        for v in ("supported", "unsupported", "contradicted")
    )
    return f'<p class="scorecard">{scores}</p><p class=counts>{counts}</p>'


def _gaps(facts: list[Line], links: Links) -> str:
    """The key facts a candidate misstated or missed, each linked to its grid cell."""
    if not facts:
        return ""
    misstated = [f for f in facts if f["state"] == "misstated"]
    missed = [f for f in facts if f["state"] == "missed"]
    parts = []
    for state, chosen in (("misstated", misstated), ("missed", missed)):
        if not chosen:
            parts.append(f'<p class="gap {state}">{state.capitalize()}: none.</p>')
            continue
        items = []
        for fact in chosen:
            item = f'<li class="{state}">{_fact_link(fact, links)}'
            if fact["conflict"]:
                item += f' <span class="conflict">{esc(fact["conflict"])}</span>'
            claim = links.match_claim.get(fact.n)
            if state == "misstated" and claim is not None:
                target = links.claim_ids[claim.n]
                item += (
                    f' · <a href="#{target}" data-claim="{target}">claim '
                    f"{esc(claim['claim_id'])}</a>"
                )
            items.append(item + "</li>")
        parts.append(
            f'<div class="gap {state}"><b>{state.capitalize()} ({len(chosen)} of {len(facts)} '
            f"key facts):</b><ul>{''.join(items)}</ul></div>"
        )
    return f'<div class="gaps">{"".join(parts)}</div>'


def candidate_sections(ev: EventTables, links: Links, reference: str, articles: set[str]) -> str:
    """One article per candidate: its scores, the facts it missed or misstated, its claims."""
    facts: dict[str, list[Line]] = defaultdict(list)
    for fact in ev.facts:
        facts[fact["candidate"]].append(fact)
    parts = []
    for i, line in enumerate(ev.summary):
        name = line["candidate"]
        spans, details = [], []
        for claim in links.claims.get(name, []):
            dom_id = links.claim_ids[claim.n]
            verdict = claim["verdict"]
            icon, label = VERDICTS.get(verdict, ("•", verdict))
            if verdict == "contradicted":
                hint = f"{label}: {claim['conflict'] or claim['reason']}"
            else:
                hint = f"{label}, support {claim['support']}"
            spans.append(
                f'<span class="claim {esc(verdict)}" id="{dom_id}" data-claim="{dom_id}" '
                f'data-t="claims" data-r="{claim.n}" tabindex="0" role="button" '
                f'title="{esc(hint)}: click for the evidence">'
                f'<b class="ico" aria-hidden="true">{icon}</b>'
                f'<span class="sr">{esc(label)}: </span>'
                f"{esc(claim['claim'])}</span>"
            )
            details.append(claim_detail(claim, dom_id, reference, links))
        if spans:
            body = (
                f'<p class="text">{" ".join(spans)}</p><div class="details" aria-live="polite">'
                '<p class="placeholder">Click or hover a sentence to see its evidence and why '
                f"it got its verdict.</p>{''.join(details)}</div>"
            )
        else:
            note = f" ({esc(line['note'])})" if line["note"] else ""
            body = f'<p class="placeholder">No claims to check{note}.</p>'
        kind = "a source article scored as a candidate" if name in articles else ""
        what = f'<p class="kind">This is {kind}, not a summary.</p>' if kind else ""
        parts.append(
            f'<article class="cand{" article" if kind else ""}" id="cand-{i}"><h3>'
            f'<span class="rank">#{esc(line["rank"] or "–")}</span> {breakable(name)}'
            f"{article_badge(name, articles)}</h3>{what}{_scorecard(line)}"
            f"{_gaps(facts.get(name, []), links)}{body}</article>"
        )
    return "".join(parts)


def _says(match: Line, name: str, links: Links) -> str:
    """What a grid cell opens on hover or click: the candidate's sentence for the fact."""
    state = match["state"]
    icon = STATES.get(state, ("•", ""))[0]
    credit = f"credit {number(match, 'score')}"
    who = f"<code>{breakable(name)}</code>"
    if state == "misstated":
        head = (
            f'{icon} misstated by {who}: <span class="conflict">{esc(match["conflict"])}</span> '
            f"({credit}, not counted)"
        )
    elif state == "covered":
        head = f"{icon} covered by this sentence of {who} ({credit}):"
    elif match["match"]:
        head = f"{icon} missed: the closest sentence of {who} ({credit}) does not state it:"
    else:
        head = f"{icon} missed: no sentence of {who} comes close ({credit})."
    quote = f"<blockquote>{esc(match['match'])}</blockquote>" if match["match"] else ""
    claim = links.match_claim.get(match.n)
    link = ""
    if claim is not None:
        target = links.claim_ids[claim.n]
        what = "the contradicted claim" if claim["verdict"] == "contradicted" else "claim"
        link = (
            f'<p><a href="#{target}" data-claim="{target}">→ {what} '
            f"{esc(claim['claim_id'])} in the candidate's text</a></p>"
        )
    return f'<div class="says" role="tooltip"><p>{head}</p>{quote}{link}</div>'


def coverage_grid(ev: EventTables, links: Links, articles: set[str]) -> str:
    """Key facts as rows, candidates as columns; a cell opens the candidate's sentence."""
    if not ev.facts:
        return "<p>No key facts for this event.</p>"
    order = [line["candidate"] for line in ev.summary]
    facts: dict[str, dict[str, Line]] = defaultdict(dict)
    for line in ev.facts:
        facts[line["fact_id"]][line["candidate"]] = line
    sheet = DEFINITIONS[FACTS.file]
    column = DERIVED["candidate column"]
    head = "".join(
        th(
            breakable(name) + article_badge(name, articles),
            f"{name}{' (a source article)' if name in articles else ''}: {column}",
            " class=cand-col",
        )
        for name in order
    )
    body = []
    for row in facts.values():
        first = next(iter(row.values()))
        tds = [
            f"<th scope=row class=fact><code>{esc(first['fact_id'])}</code> {esc(first['fact'])}"
            f'<span class=origin title="reported by: {esc(first["reported_by"])}">'
            f"{breakable(first['fact_origin'])}</span></th>",
            f'<td class="n">{number(first, "weight")}</td>',
        ]
        for name in order:
            match = row.get(name)
            if match is None:
                tds.append('<td class="cell none">—</td>')
                continue
            state = match["state"]
            icon = STATES.get(state, ("•", ""))[0]
            shown = (
                f'<span class="conflict">{esc(match["conflict"])}</span>'
                if state == "misstated"
                else number(match, "score")
            )
            tds.append(
                f'<td class="cell {esc(state)}" id="{links.cell_ids[match.n]}" data-t="facts" '
                f'data-r="{match.n}" data-state="{esc(state)}" tabindex="0">'
                f'<b aria-hidden="true">{icon}</b> {esc(state)}<br>{shown}'
                f"{_says(match, name, links)}</td>"
            )
        body.append(f"<tr>{''.join(tds)}</tr>")
    states = [(f"{icon} {state}", text) for state, (icon, text) in STATES.items()]
    terms = [("key fact", sheet["fact"]), ("weight", sheet["weight"]), *states]
    terms.append(("the figure in a cell", sheet["score"]))
    return (
        f'<div class="scroll"><table class="grid"><thead><tr>{th("key fact", sheet["fact"])}'
        f"{th('weight', sheet['weight'])}{head}</tr></thead><tbody>{''.join(body)}</tbody>"
        f"</table></div>{legend(terms, 'What the grid shows')}"
    )


def sources_section(ev: EventTables, candidate_index: dict[str, int]) -> str:
    """Which source was the reference and why; removed boilerplate folded away with reasons."""
    columns = ("chars_raw", "chars_clean", "sentences", "removed_lines", "event_terms")
    sheet = DEFINITIONS[SOURCES.file]
    terms = [
        ("source", sheet["source"]),
        ("role", DERIVED["role"]),
        *((c.replace("_", " "), sheet[c]) for c in columns),
        ("note", sheet["note"]),
    ]
    head = headings(terms)
    rows, why = [], ""
    for line in ev.sources:
        name = breakable(line["source"])
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
    gone = DEFINITIONS[REMOVED.file]
    gone_terms = [
        ("line", gone["line_no"]),
        ("text", gone["line"]),
        ("why removed", gone["reason"]),
    ]
    gone_head = headings(gone_terms)
    folds = []
    for source, lines in removed.items():
        items = "".join(
            f'<tr><td class="n">{number(x, "line_no")}</td><td class=line>{esc(x["line"])}</td>'
            f"<td>{esc(x['reason'])}</td></tr>"
            for x in lines
        )
        folds.append(
            f"<details><summary><code>{esc(source)}</code>: {len(lines)} line(s) removed"
            f"</summary><div class=scroll><table class=removed><thead><tr>{gone_head}"
            f"</tr></thead><tbody>{items}</tbody></table></div></details>"
        )
    removed_html = "".join(folds) + legend(gone_terms) if folds else ""
    removed_html = removed_html or "<p>No lines were removed.</p>"
    return (
        f'{why}<div class="scroll"><table class="sources"><thead><tr>{head}</tr></thead><tbody>'
        f"{''.join(rows)}</tbody></table></div>{legend(terms)}<h3>Removed lines</h3>"
        f"{removed_html}"
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
    links = Links.of(ev)
    articles = {x["source"] for x in ev.sources}  # candidates that are source articles
    index = {line["candidate"]: i for i, line in enumerate(ev.summary)}
    n_facts = len({x["fact_id"] for x in ev.facts})
    origin = f" ({esc(facts_origin)})" if facts_origin else ""
    return (
        f"<p class=sub>{len(ev.summary)} candidate(s) · {len(ev.sources)} source(s) · "
        f"{n_facts} key fact(s){origin} · reference <code>{esc(reference or '—')}</code></p>"
        f'<section id="ranking"><h2>Ranking</h2><p class=hint>{esc(formula(manifest))}. '
        f"Click a column to sort; hover a heading for its meaning.</p>"
        f"{summary_table(ev, True, articles)}</section>{plots}"
        f'<section id="candidates"><h2>Candidates</h2>{LEGEND}'
        f"{candidate_sections(ev, links, reference, articles)}</section>"
        f'<section id="coverage"><h2>Key-fact coverage</h2><p class=hint>Rows: the key facts; '
        "columns: candidates in rank order. Hover a cell for the candidate's sentence that "
        "states the fact (or the closest one); click it to keep it open.</p>"
        f"{coverage_grid(ev, links, articles)}</section>"
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
