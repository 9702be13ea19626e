"""A finished run read back from its folder: its tables as CSV cells, grouped by event (and the
systems tables across events, when it has them), and its run.json, each checked before
anything is built from them (what the HTML report reads)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evalkit.columns import PAIRS, SYSTEMS, TABLES, Table
from evalkit.errors import InputError
from evalkit.files import Damaged, table_rows
from evalkit.report import MARKER


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
    systems: list[Line] = field(default_factory=list)  # systems.csv; none for one event
    pairs: list[Line] = field(default_factory=list)  # pairs.csv


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
    redo = "merge the shards again" if "merged_from" in manifest else "run it again"
    events: dict[str, EventTables] = {}
    for name, table in TABLES.items():
        for line in _read(run_dir / name, table, redo):
            event = events.setdefault(line["event"], EventTables(line["event"]))
            getattr(event, line.table).append(line)
    across = [
        _read(run_dir / t.file, t, redo) if (run_dir / t.file).is_file() else []
        for t in (SYSTEMS, PAIRS)
    ]
    return Run(run_dir, manifest, list(events.values()), *across)


def _manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); {DAMAGED}") from None
    except (ValueError, RecursionError) as err:  # bad JSON or UTF-8, absurd nesting or digits
        raise InputError(f"{path}: not valid JSON ({short(err)}); {DAMAGED}") from None
    if not isinstance(manifest, dict):
        raise InputError(f"{path}: not a JSON object; {DAMAGED}")
    wrong = [k for k, kind in MANIFEST.items() if not isinstance(manifest.get(k, kind()), kind)]
    if wrong:
        raise InputError(f"{path}: {', '.join(wrong)} has the wrong type; {DAMAGED}")
    return manifest


def short(err: BaseException) -> str:
    """An exception's message cut to one short line."""
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _read(path: Path, table: Table[Any], redo: str) -> list[Line]:
    """A table's rows, each checked to be as evalkit wrote it (`table_rows`); `redo` says how
    to write it again."""
    stem = table.file.removesuffix(".csv")
    try:
        rows = [row for _, _, row in table_rows(path, table)]
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror}); {DAMAGED}") from None
    except Damaged as damage:
        raise InputError(f"{path} {damage}; the table is damaged: {redo}") from None
    return [
        Line(stem, n, dict(zip(table.names, row, strict=True))) for n, row in enumerate(rows[1:])
    ]
