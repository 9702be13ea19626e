"""Report stage: records -> CSV, Markdown and run.json. The only module that writes results.

Tables are written under temporary names while events stream in and renamed into place only
when the run completes; until then an `INCOMPLETE` marker names what is missing, so a
killed run never leaves a table that looks complete but is not.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import math
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from evalkit.bench.tables import table_csv
from evalkit.columns import (
    CLAIMS,
    FACTS,
    PAIRS,
    REMOVED,
    SOURCES,
    SUMMARY,
    SYSTEMS,
    TABLES,
    fmt,
    listed,
)
from evalkit.config import SystemsConfig, options
from evalkit.errors import InputError
from evalkit.files import atomic_write as _atomic_write
from evalkit.files import digest, journal_ends, read_rows
from evalkit.records import EventResult
from evalkit.systems import Systems, systems_tables

log = logging.getLogger("evalkit")
MARKER = "INCOMPLETE"
JOURNAL = ".progress.jsonl"  # finished events of a run in progress
INDEX = "journal.jsonl"  # the same, for a finished run
REPORT = "report.html"
PAGES = "report"  # folder of per-event pages when a run has several events
PLOTS = ("coverage_support.svg", "score_distribution.svg")  # evalkit.plots draws these


def rows(result: EventResult) -> dict[str, list[tuple[Any, ...]]]:
    """Every table row one event contributes, keyed by table file name."""
    return {
        SUMMARY.file: listed(SUMMARY, result, result.scores),
        CLAIMS.file: listed(CLAIMS, result, result.alignments),
        FACTS.file: listed(FACTS, result, result.matches),
        SOURCES.file: listed(SOURCES, result, result.sources),
        REMOVED.file: listed(REMOVED, result, result.removed),
    }


class _Chunk:
    """A table's file handle that also keeps what was written to it since the last event."""

    def __init__(self, handle: TextIO, chunk: list[str]) -> None:
        self.handle, self.chunk = handle, chunk

    def write(self, text: str) -> int:
        self.chunk.append(text)
        return self.handle.write(text)


class RunWriter:
    """Streams tables into a run folder; `finish` makes them visible, `abort` keeps or removes.

    After each event its rows are flushed and a line appended to a journal (`.progress.jsonl`)
    saying where each table ends. A run that stops (Ctrl-C, SIGTERM, a bad input line, a kill)
    keeps its finished events; `resume=True` cuts any half-written event off the tables and
    appends after the last finished one. It keeps only what the tables bear out: events from
    a damaged row on (a table cut short, edited, NUL bytes) run again, with a warning. The
    journal becomes `journal.jsonl` when the run finishes: one line per event with its input
    position and where its rows end in each table, which is how `merge` joins shards.
    """

    def __init__(self, run_dir: Path, header: dict[str, Any] | None = None, resume: bool = False):
        self.run_dir = run_dir
        self.header = header or {}
        self.done: list[dict[str, Any]] = []  # journal entries of the finished events
        self.summary: list[tuple[str, ...]] = []  # filled by finish, for the terminal
        self.systems: Systems | None = None  # likewise
        run_dir.mkdir(parents=True, exist_ok=True)
        kept = self._load_journal() if resume else None
        (run_dir / MARKER).write_text(
            "This run did not finish: its tables are missing or partial. Continue it with "
            "resume=true and the same hydra.run.dir, or run it again.\n",
            encoding="utf-8",
        )
        self._handles: dict[str, TextIO] = {}
        self._writers: dict[str, Any] = {}
        self._chunks: dict[str, list[str]] = {name: [] for name in TABLES}  # this event's rows
        for name, table in TABLES.items():
            path = self._tmp(name)
            if kept is not None:
                with path.open("r+b") as raw:
                    raw.truncate(kept[name])  # drop rows of an event that did not finish
            handle = path.open("a" if kept is not None else "w", encoding="utf-8", newline="")
            self._handles[name] = handle
            chunk = _Chunk(handle, self._chunks[name])
            self._writers[name] = csv.writer(chunk, lineterminator="\n")
            if kept is None:
                self._writers[name].writerow(table.names)
            self._chunks[name].clear()  # the header is no event's
        self._sizes = self._flush()
        if kept is None:
            self._journal = (run_dir / JOURNAL).open("w", encoding="utf-8")
            self._log({"header": self.header, "sizes": self._sizes})
        else:
            self._journal = (run_dir / JOURNAL).open("a", encoding="utf-8")

    def _tmp(self, name: str) -> Path:
        return self.run_dir / f".{name}.tmp"

    def _load_journal(self) -> dict[str, int] | None:
        """Finished events of an unfinished run here, and where its tables end; None if none."""
        path = self.run_dir / JOURNAL
        if not path.exists() or not all(self._tmp(n).exists() for n in TABLES):
            return None
        entries = []
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError:
                    break  # a line cut short by a kill: that event did not finish
        if not entries or "header" not in entries[0]:
            return None
        header = entries[0]["header"]
        if isinstance(header, dict) and "inputs" not in header:  # written before evalkit had it
            header = {**header, "inputs": self.header.get("inputs")}
        differ = differences(header, self.header)
        changed = [d.removeprefix("inputs.") for d in differ if d.startswith("inputs.")]
        if changed:
            raise InputError(
                f"resume=true: {self.run_dir} was started on another {changed[0]} (its sha256 "
                "differs); resume on the same input or pass overwrite=true to start again"
            )
        if differ:
            raise InputError(
                f"resume=true: {self.run_dir} was started with other settings "
                f"({', '.join(differ[:5])}); resume with the same settings or pass "
                "overwrite=true to start again"
            )
        kept = self._intact(entries)
        if not kept:
            return None  # not even the headers are intact: start again
        entries = entries[:kept]
        self.done = entries[1:]
        # Rewrite the journal without a torn last line (or the events lost) before appending.
        _atomic_write(path, "".join(json.dumps(e, sort_keys=True) + "\n" for e in entries))
        sizes: dict[str, int] = entries[-1]["sizes"]
        return sizes

    def _intact(self, entries: list[Any]) -> int:
        """How many of the journal's first entries (its header, then one per event) the tables
        bear out: each table starts as evalkit writes it (`table_rows`) up to where the entry
        says its rows end. Events after a damaged row are run again, with a warning saying
        where the damage is and how many events are kept."""
        well = 0
        for entry in entries:
            if not sized(entry):
                break
            if well and type(entry.get("position")) is not int:
                break
            well += 1
        kept, where = well, f"{self.run_dir / JOURNAL} line {well + 1}: not a journal entry"
        for name, table in TABLES.items():
            count, damage = journal_ends(self._tmp(name), table, entries[:well])
            if count < kept:
                kept, where = count, f"{self._tmp(name)} {damage}"
        if kept < len(entries):
            lost = (
                "no finished event can be kept: the run starts again"
                if not kept
                else (f"keeping the {kept - 1} finished events before it; the others run again")
            )
            log.warning("resume: %s; %s", where, lost)
        return kept

    def _flush(self) -> dict[str, int]:
        sizes = {}
        for name, handle in self._handles.items():
            handle.flush()
            sizes[name] = handle.tell()
        return sizes

    def _log(self, entry: dict[str, Any]) -> None:
        self._journal.write(json.dumps(entry, sort_keys=True) + "\n")
        self._journal.flush()

    def _commit(self, entry: dict[str, Any]) -> None:
        """The event's rows are on disk: record where the tables end now, and a digest of each
        table's rows of the event (resume and merge check them: an edit that keeps a row's
        length is found too)."""
        entry["sizes"] = self._sizes = self._flush()
        entry["digests"] = {}
        for name, chunk in self._chunks.items():
            entry["digests"][name] = digest("".join(chunk).encode("utf-8"))
            chunk.clear()
        self._log(entry)
        self.done.append(entry)

    def add(
        self, result: EventResult, position: int = 0, info: dict[str, Any] | None = None
    ) -> None:
        """Append one event's rows to every table."""
        for name, table_rows in rows(result).items():
            self._writers[name].writerows([list(map(fmt, row)) for row in table_rows])
        self._commit({"position": position, "event": result.event_id, **(info or {})})

    def skip(self, event_id: str, reason: str, position: int = 0, candidate: str = "") -> None:
        """A NaN summary row with the reason for an event that could not be read, or for a
        candidate that is not scored (it names no event, or is not a text)."""
        self._writers[SUMMARY.file].writerow(skipped_row(event_id, candidate, reason))
        entry = {"position": position, "event": event_id, "skipped": reason}
        self._commit({**entry, "candidate": candidate} if candidate else entry)

    def _close(self) -> None:
        for handle in [*self._handles.values(), self._journal]:
            if not handle.closed:
                handle.close()

    def finish(self, manifest: dict[str, Any]) -> None:
        """Write summary.md and run.json, then rename every table into place. Every write that
        needs disk space comes first, while the run can still be resumed; the report and plots
        of an earlier run in the folder (overwrite=true) go, as this run draws its own."""
        self._close()
        remove_report(self.run_dir)
        self.summary = [tuple(r) for r in read_rows(self._tmp(SUMMARY.file))[1:]]
        _atomic_write(self.run_dir / "summary.md", markdown(self.summary, manifest))
        sources = read_rows(self._tmp(SOURCES.file))[1:]
        self.systems = write_systems(self.run_dir, self.summary, sources, manifest["config"])
        staged = self.run_dir / ".run.json.tmp"
        _atomic_write(staged, json.dumps(manifest, indent=2, sort_keys=True))
        for name in TABLES:
            os.replace(self._tmp(name), self.run_dir / name)
        os.replace(self.run_dir / JOURNAL, self.run_dir / INDEX)
        os.replace(staged, self.run_dir / "run.json")
        (self.run_dir / MARKER).unlink()

    def abort(self) -> int:
        """Keep finished events for resume=true, or remove everything when there are none.

        Runs while another error is on its way out (a full disk, say), so it never raises one
        of its own: rows a failed close leaves torn are cut off by resume, which trusts only
        the journal's sizes, and what cannot be removed stays behind the INCOMPLETE marker."""
        for handle in [*self._handles.values(), self._journal]:
            with contextlib.suppress(OSError):
                handle.close()
        if self.done:
            return len(self.done)
        with contextlib.suppress(OSError):
            for name in TABLES:
                self._tmp(name).unlink(missing_ok=True)
            (self.run_dir / JOURNAL).unlink(missing_ok=True)
            (self.run_dir / MARKER).unlink()
        return 0


def remove_report(run_dir: Path) -> None:
    """Remove the report.html, event pages and plots a run left in `run_dir` (only the files
    evalkit writes): a run written over it draws its own, or none (report.html=false)."""
    for path in (run_dir / name for name in (REPORT, *PLOTS)):
        if path.is_file():
            path.unlink()
    if (run_dir / PAGES).is_dir():
        for page in (run_dir / PAGES).glob("*.html"):
            page.unlink()
        with contextlib.suppress(OSError):  # a file of the user's is left, with the folder
            (run_dir / PAGES).rmdir()


def skipped_row(event_id: str, candidate: str, reason: str) -> list[str]:
    """The summary row of an event or candidate not scored: NaN numbers and the reason."""
    row = {"event": event_id, "candidate": candidate, "rank": "", "note": reason}
    return SUMMARY.filled(row, math.nan)


def result_settings(config: dict[str, Any]) -> dict[str, Any]:
    """The resolved config minus its neutral settings (see `opt`): what a resumed run must
    repeat, and shards merged must share."""
    out = json.loads(json.dumps(config))
    for option in options():
        if option.neutral:
            *parents, key = option.key.split(".")
            node = out
            for part in parents:
                node = node.get(part, {})
            node.pop(key, None)
            if parents and not node:
                out.pop(parents[0], None)  # a section with nothing left, as if never there
    return out


def event_line(entry: dict[str, Any]) -> dict[str, Any]:
    """An event of the journal as run.json lists it."""
    if "skipped" in entry:
        return {k: entry[k] for k in ("event", "candidate", "skipped") if k in entry}
    return {k: entry[k] for k in ("event", "reference", "reason", "facts")}


def facts_lines(events: Sequence[dict[str, Any]], limit: int = 20) -> list[str]:
    """Which key facts each scored event used (its journal entries), for the terminal."""
    scored = [ev for ev in events if "facts" in ev]
    lines = [f"event {ev['event']}: key facts {ev['facts']}" for ev in scored[:limit]]
    if len(scored) > limit:
        lines.append(f"... and {len(scored) - limit} more events (see run.json)")
    return lines


def run_counts(entries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """run.json's counts from the journal entries of a run: per kind (events, candidates) how
    many were read, scored, unscorable (NaN with a reason) and refused (a skipped event line,
    a candidate naming no event or not a text). An event is unscorable when none of its
    candidates has a score."""
    events = [e for e in entries if "candidate" not in e]
    kept = [e for e in events if "skipped" not in e]
    candidates = sum(e.get("candidates", 0) for e in kept)
    unscored = sum(e.get("unscored", 0) for e in kept)
    empty = sum(1 for e in kept if e.get("candidates", 0) == e.get("unscored", 0))
    refused = len(entries) - len(events)
    return {
        "events": _kinds(len(events), len(kept) - empty, empty),
        "candidates": _kinds(candidates + refused, candidates - unscored, unscored),
        "sources": sum(e.get("sources", 0) for e in kept),
    }


def _kinds(read: int, scored: int, unscorable: int) -> dict[str, int]:
    refused = read - scored - unscorable
    return {"read": read, "scored": scored, "unscorable": unscorable, "refused": refused}


def counts_line(counts: dict[str, Any]) -> str:
    """The counts in a few words for the terminal: what was scored, of how many, and what not."""
    parts = []
    for kind in ("candidates", "events"):
        c = counts[kind]
        lost = [f"{c[k]} {k}" for k in ("unscorable", "refused") if c[k]]
        parts.append(
            f"{c['scored']} of {c['read']} {kind}" + (f" ({', '.join(lost)})" if lost else "")
        )
    return "scored " + " over ".join(parts)


def sized(entry: Any) -> bool:
    """Whether a journal entry says where each table's rows end (a byte count per table)."""
    sizes = entry.get("sizes") if isinstance(entry, dict) else None
    return isinstance(sizes, dict) and all(
        type(end := sizes.get(name)) is int and end >= 0 for name in TABLES
    )


def differences(old: Any, new: Any, path: str = "") -> list[str]:
    """Dotted keys whose values differ between two JSON-like trees."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key in sorted(set(old) | set(new)):
            out += differences(old.get(key), new.get(key), f"{path}.{key}" if path else key)
        return out
    return [] if old == new else [path or "(all)"]


SHOWN = (
    "rank",
    "candidate",
    "coverage",
    "coverage_weighted",
    "misstated",
    "support_rate",
    "unsupported",
    "contradicted",
    "rougeL",
    "score",
)


# ---------------------------------------------------------------- systems across events

SYSTEM_FILES = (SYSTEMS.file, PAIRS.file, "systems.md")


def systems_config(config: dict[str, Any]) -> SystemsConfig:
    """The systems settings of a run's resolved config (run.json's); defaults where a run
    predates them."""
    return SystemsConfig(**config.get("systems", {}))


def write_systems(
    run_dir: str | os.PathLike[str],
    summary: Sequence[Sequence[str]],
    sources: Sequence[Sequence[str]],
    config: dict[str, Any],
) -> Systems | None:
    """systems.csv, pairs.csv and systems.md from a run's summary.csv and sources.csv rows
    (cells, no header) and its resolved config; a run without systems gets none, and loses
    any an earlier run left in its folder."""
    run_dir = Path(run_dir)
    found = systems_tables(summary, sources, systems_config(config))
    if found is None:
        for name in SYSTEM_FILES:
            (run_dir / name).unlink(missing_ok=True)
        return None
    _atomic_write(run_dir / SYSTEMS.file, table_csv(SYSTEMS, found.systems))
    _atomic_write(run_dir / PAIRS.file, table_csv(PAIRS, found.pairs))
    _atomic_write(run_dir / "systems.md", systems_markdown(found))
    return found


def _interval(record: Any, name: str) -> str:
    """A statistic as `mean [low, high]`."""
    stat = getattr(record, name)
    return f"{fmt(stat.value)} [{fmt(stat.low)}, {fmt(stat.high)}]"


SYSTEMS_SHOWN = ("coverage", "support_rate", "unsupported", "contradicted", "misstated")


def _systems_table(found: Systems, intervals: bool) -> list[list[str]]:
    """The ranking: the score with its interval, the other means (with theirs if asked)."""
    head = ["rank", "group", "system", "events", "missing", "unscorable", "score", "95% interval"]
    rows = [head + list(SYSTEMS_SHOWN)]
    for s in found.systems:
        score = [fmt(s.score.value), f"[{fmt(s.score.low)}, {fmt(s.score.high)}]"]
        means = [_interval(s, c) if intervals else fmt(getattr(s, c).value) for c in SYSTEMS_SHOWN]
        counts = [fmt(s.rank), fmt(s.group), s.system, *map(str, (s.events, s.missing))]
        rows.append([*counts, str(s.unscorable), *score, *means])
    return rows


def systems_markdown(found: Systems) -> str:
    """systems.md: the ranking with intervals, how it was made, the significant pairs and
    what was left out and why."""
    cfg = found.config
    lines = [
        "# evalkit systems",
        "",
        f"{len(found.systems)} systems over {found.events} events, ranked by mean score. "
        f"Intervals: 95% percentile bootstrap over each system's events ({cfg.bootstrap} "
        f"resamples, seed {cfg.seed}). Pairs: paired sign-flip permutation test over the events "
        f"both systems were scored on, Holm-corrected over all pairs, significant at "
        f"{cfg.alpha:g} when the mean difference is at least {cfg.margin:g}. Group: a system "
        "joins the group above it unless it is significantly worse than that group's first "
        "system.",
        "",
        *markdown_rows(_systems_table(found, intervals=True)),
        "",
    ]
    better = [p for p in found.pairs if p.significant]
    lines.append(
        f"Significant differences ({len(better)} of {len(found.pairs)} pairs; all in pairs.csv):"
    )
    lines += [
        f"- `{p.system_a}` > `{p.system_b}`: {_interval(p, 'difference')} over {p.events} "
        f"events, p_holm {fmt(p.p_holm)}"
        for p in better
    ] or ["- none"]
    gaps = [s for s in found.systems if s.missing or s.unscorable]
    if gaps:
        lines += ["", "Events without a score (not counted in a system's means):"]
        lines += [
            f"- `{s.system}`: no candidate in {s.missing}, NaN score in {s.unscorable}"
            for s in gaps
        ]
    floor = len(found.pairs) / (cfg.bootstrap + 1)
    if found.pairs and floor > cfg.alpha:
        lines += [
            "",
            f"Note: with {cfg.bootstrap} sign flips no p-value falls below "
            f"{1 / (cfg.bootstrap + 1):.4f}, too few for {len(found.pairs)} pairs at "
            f"{cfg.alpha:g}: raise systems.bootstrap.",
        ]
    if found.single:
        shown = ", ".join(f"`{n}`" for n in found.single[:20])
        more = f" and {len(found.single) - 20} more" if len(found.single) > 20 else ""
        lines += ["", f"Not systems (candidate ids in one event only): {shown}{more}."]
    lines += ["", "Source articles scored as candidates are not systems."]
    return "\n".join(lines) + "\n"


def systems_terminal(found: Systems, limit: int = 30) -> str:
    """The ranking as aligned plain text for the terminal."""
    text = _aligned(_systems_table(found, intervals=False)[: limit + 1])
    if len(found.systems) > limit:
        text += f"\n... {len(found.systems) - limit} more systems in systems.csv"
    return text


def markdown_rows(table: Sequence[Sequence[str]]) -> list[str]:
    """A header and rows as a Markdown table (a "|" inside a cell escaped)."""
    lines = ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in table]
    return [lines[0], "|" + "---|" * len(table[0]), *lines[1:]]


def _aligned(table: Sequence[Sequence[str]]) -> str:
    """A header and rows as aligned plain text."""
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in table
    )


def _table(summary: Sequence[tuple[str, ...]]) -> list[list[str]]:
    """Header and rows of the shown columns; the event column only when there are several."""
    index = {name: i for i, name in enumerate(SUMMARY.names)}
    several = len({row[0] for row in summary}) > 1
    shown = (("event",) if several else ()) + SHOWN
    return [list(shown)] + [[row[index[c]] for c in shown] for row in summary]


def markdown(summary: Sequence[tuple[str, ...]], manifest: dict[str, Any]) -> str:
    """summary.md: the ranked table, how the score is computed, and where the evidence is."""
    lines = markdown_rows(_table(summary))
    scoring = manifest["config"]["scoring"]
    events = manifest.get("events", [])
    head = ["# evalkit summary", ""]
    for ev in events[:20]:
        if "skipped" in ev:
            candidate = f" candidate `{ev['candidate']}`" if "candidate" in ev else ""
            head.append(f"- event `{ev['event']}`{candidate}: {ev['skipped']}")
            continue
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
    text = _aligned(_table(summary[:limit]))
    if len(summary) > limit:
        text += f"\n... {len(summary) - limit} more rows in summary.csv"
    return text
