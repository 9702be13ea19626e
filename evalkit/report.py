"""Report stage: records -> CSV, Markdown and run.json. The only module that writes results.

Tables are written under temporary names while events stream in and renamed into place only
when the run completes; until then an `INCOMPLETE` marker names what is missing, so a
killed run never leaves a table that looks complete but is not.
"""

from __future__ import annotations

import csv
import json
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from evalkit.records import CandidateScore, EventResult

MARKER = "INCOMPLETE"

SUMMARY_COLUMNS = (
    "event",
    "candidate",
    "coverage",
    "coverage_weighted",
    "support_rate",
    "unsupported",
    "contradicted",
    "rouge1",
    "rouge2",
    "rougeL",
    "score",
    "rank",
    "claims",
    "supported",
    "note",
)
TABLES: dict[str, tuple[str, ...]] = {
    "summary.csv": SUMMARY_COLUMNS,
    "claims.csv": (
        "event",
        "candidate",
        "claim_id",
        "claim",
        "verdict",
        "support",
        "evidence_source",
        "evidence",
        "reason",
        "similarity",
        "token_precision",
        "novel",
        "conflict",
        "claim_start",
        "claim_end",
        "evidence_start",
        "evidence_end",
    ),
    "facts.csv": (
        "event",
        "fact_id",
        "fact",
        "weight",
        "candidate",
        "covered",
        "score",
        "match",
        "match_start",
        "match_end",
        "reported_by",
        "fact_origin",
    ),
    "sources.csv": (
        "event",
        "source",
        "is_reference",
        "chars_raw",
        "chars_clean",
        "sentences",
        "removed_lines",
        "is_candidate",
        "event_terms",
        "note",
    ),
    "removed.csv": ("event", "source", "line", "reason", "line_no"),
}


def fmt(value: Any) -> str:
    """One text form for every cell: 4 decimals, NaN spelt NaN, booleans as 0/1."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.4f}"
    return "" if value is None else str(value)


def _ranks(scores: Sequence[CandidateScore]) -> list[str]:
    """1-based ranks in the (already sorted) order; NaN scores get no rank."""
    return ["" if math.isnan(s.score) else str(i + 1) for i, s in enumerate(scores)]


def rows(result: EventResult) -> dict[str, list[tuple[Any, ...]]]:
    """Every table row one event contributes, keyed by table file name."""
    e = result.event_id
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for s, rank in zip(result.scores, _ranks(result.scores), strict=True):
        out["summary.csv"].append(
            (
                e,
                s.candidate,
                s.coverage,
                s.coverage_weighted,
                s.support_rate,
                s.unsupported,
                s.contradicted,
                s.rouge1,
                s.rouge2,
                s.rougeL,
                s.score,
                rank,
                s.claims,
                s.supported,
                s.note,
            )
        )
    for a in result.alignments:
        ev = a.evidence
        out["claims.csv"].append(
            (
                e,
                a.claim.candidate,
                a.claim.claim_id,
                a.claim.sentence.text,
                a.verdict,
                a.support,
                ev.doc_id if ev else "",
                ev.text if ev else "",
                a.reason,
                a.similarity,
                a.token_precision,
                "; ".join(a.novel),
                a.conflict,
                a.claim.sentence.start,
                a.claim.sentence.end,
                ev.start if ev else "",
                ev.end if ev else "",
            )
        )
    for m in result.matches:
        out["facts.csv"].append(
            (
                e,
                m.fact.fact_id,
                m.fact.text,
                m.weight,
                m.candidate,
                m.covered,
                m.score,
                m.match.text if m.match else "",
                m.match.start if m.match else "",
                m.match.end if m.match else "",
                "; ".join(m.fact.reported_by),
                m.fact.origin,
            )
        )
    for src in result.sources:
        note = result.reference.reason if src.is_reference else ""
        out["sources.csv"].append(
            (
                e,
                src.source,
                src.is_reference,
                src.chars_raw,
                src.chars_clean,
                src.sentences,
                src.removed_lines,
                src.is_candidate,
                src.event_terms,
                note,
            )
        )
    for r in result.removed:
        out["removed.csv"].append((e, r.doc_id, r.text, r.reason, r.line_no))
    return out


class RunWriter:
    """Streams tables into a run folder; `finish` makes them visible, `abort` removes them."""

    def __init__(self, run_dir: Path) -> None:
        self.run_dir = run_dir
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / MARKER).write_text(
            "This run did not finish: its tables are missing or partial. Re-run it.\n",
            encoding="utf-8",
        )
        self._handles: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        for name, header in TABLES.items():
            handle = (run_dir / f".{name}.tmp").open("w", encoding="utf-8", newline="")
            self._handles[name] = handle
            self._writers[name] = csv.writer(handle, lineterminator="\n")
            self._writers[name].writerow(header)
        self.summary: list[tuple[str, ...]] = []  # kept for summary.md and the terminal

    def add(self, result: EventResult) -> None:
        """Append one event's rows to every table."""
        for name, table_rows in rows(result).items():
            formatted = [tuple(fmt(v) for v in row) for row in table_rows]
            self._writers[name].writerows(formatted)
            if name == "summary.csv":
                self.summary.extend(formatted)

    def _close(self) -> None:
        for handle in self._handles.values():
            if not handle.closed:
                handle.close()

    def finish(self, manifest: dict[str, Any]) -> None:
        """Write summary.md and run.json, then rename every table into place."""
        self._close()
        _atomic_write(self.run_dir / "summary.md", markdown(self.summary, manifest))
        for name in TABLES:
            os.replace(self.run_dir / f".{name}.tmp", self.run_dir / name)
        _atomic_write(self.run_dir / "run.json", json.dumps(manifest, indent=2, sort_keys=True))
        (self.run_dir / MARKER).unlink()

    def abort(self) -> None:
        """Remove everything this writer created."""
        self._close()
        for name in TABLES:
            (self.run_dir / f".{name}.tmp").unlink(missing_ok=True)
        (self.run_dir / MARKER).unlink(missing_ok=True)


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


SHOWN = (
    "rank",
    "candidate",
    "coverage",
    "coverage_weighted",
    "support_rate",
    "unsupported",
    "contradicted",
    "rougeL",
    "score",
)


def _table(summary: Sequence[tuple[str, ...]]) -> list[list[str]]:
    """Header and rows of the shown columns; the event column only when there are several."""
    index = {name: i for i, name in enumerate(SUMMARY_COLUMNS)}
    several = len({row[0] for row in summary}) > 1
    shown = (("event",) if several else ()) + SHOWN
    return [list(shown)] + [[row[index[c]] for c in shown] for row in summary]


def markdown(summary: Sequence[tuple[str, ...]], manifest: dict[str, Any]) -> str:
    """summary.md: the ranked table, how the score is computed, and where the evidence is."""
    table = _table(summary)
    lines = ["| " + " | ".join(table[0]) + " |", "|" + "---|" * len(table[0])]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in r) + " |" for r in table[1:]]
    scoring = manifest["config"]["scoring"]
    events = manifest.get("events", [])
    head = ["# evalkit summary", ""]
    for ev in events[:20]:
        head.append(
            f"- event `{ev['event']}`: reference `{ev['reference']}` ({ev['reason']}); "
            f"key facts {ev['facts']}"
        )
    if len(events) > 20:
        head.append(f"- ... and {len(events) - 20} more events (see sources.csv)")
    formula = (
        f"score = {scoring['coverage_weight']} x coverage_weighted - "
        f"{scoring['unsupported_penalty']} x unsupported - "
        f"{scoring['contradicted_penalty']} x contradicted"
    )
    tail = [
        "",
        formula,
        "",
        "Evidence for every claim is in claims.csv; every fact match in facts.csv.",
    ]
    return "\n".join(head + [""] + lines + tail) + "\n"


def terminal_table(summary: Sequence[tuple[str, ...]], limit: int = 30) -> str:
    """The summary as aligned plain text for the terminal."""
    table = _table(summary[:limit])
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    text = "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table
    )
    if len(summary) > limit:
        text += f"\n... {len(summary) - limit} more rows in summary.csv"
    return text
