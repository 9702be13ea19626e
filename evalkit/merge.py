"""`python -m evalkit merge DIR...`: join the shard runs of one event file into one run.

Each shard folder's `journal.jsonl` says which input position each event had and where its rows
end in every table, so the merged tables are the shards' rows cut out byte for byte and laid
back in input order: the same bytes a single run over the whole file writes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sys
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from evalkit.columns import SOURCES, TABLES
from evalkit.errors import InputError, advice, cannot, report_error
from evalkit.files import atomic_write, journal_ends, placed, read_rows
from evalkit.records import id_key
from evalkit.report import (
    INDEX,
    MARKER,
    differences,
    event_line,
    markdown,
    remove_report,
    result_settings,
    run_counts,
    sized,
    write_systems,
)

REDO = "the shard is damaged: run that shard again (same settings) into a new hydra.run.dir"
COUNTS = ("sources", "candidates", "unscored")  # per-event counts a journal entry may carry


@dataclass(frozen=True, slots=True)
class Shard:
    """A finished shard run as merge reads it, every part checked before anything is written."""

    folder: Path
    manifest: dict[str, Any]
    head: dict[str, Any]  # the journal's first line: settings and where each table header ends
    entries: list[dict[str, Any]]  # one per event: its input position and where its rows end


def shard_folders(paths: list[Path]) -> list[Path]:
    """Each path is a finished shard run, or a folder of them (a multirun sweep folder)."""
    found = []
    for path in paths:
        if (path / "run.json").is_file():
            found.append(path)
        elif path.is_dir():
            runs = sorted(p for p in path.iterdir() if (p / "run.json").is_file())
            found += [p for p in runs if "merged_from" not in _manifest(p)]  # not an old merge
        else:
            raise InputError(f"{path}: not a run folder; pass shard run folders or their parent")
    for folder in found:
        if (folder / MARKER).exists() or not (folder / INDEX).is_file():
            raise InputError(f"{folder}: not a finished run with {INDEX}; finish or rerun it")
    if not found:
        raise InputError(f"no finished runs in {', '.join(map(str, paths))}")
    return found


def _damaged(path: Path, what: str) -> InputError:
    return InputError(f"merge: {path}: {what}; {REDO}")


def _json(path: Path, text: str, where: str = "") -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as err:  # bad JSON, absurd nesting or digits
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        raise _damaged(path, f"{where}not valid JSON ({reason})") from None


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        raise _damaged(path, f"cannot be read ({err.strerror})") from None
    except UnicodeDecodeError:
        raise _damaged(path, "not valid UTF-8") from None


def _count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _manifest(folder: Path) -> dict[str, Any]:
    """run.json, with the config, shard numbers, events and timings merge relies on."""
    path = folder / "run.json"
    manifest = _json(path, _text(path))
    config = manifest.get("config") if isinstance(manifest, dict) else None
    if not (
        isinstance(config, dict)
        and _count(config.get("shard"))
        and _count(config.get("num_shards"))
        and isinstance(manifest.get("events", []), list)
        and isinstance(timings := manifest.get("timings_seconds", {}), dict)
        and all(type(v) in (int, float) for v in timings.values())
    ):
        raise _damaged(path, "not the run.json of an evalkit run")
    return manifest


def _event(entry: Any) -> bool:
    """A journal line of one finished (or skipped) event, with every key merge reads."""
    if not sized(entry) or not isinstance(entry.get("event"), str):
        return False
    keys = ("skipped",) if "skipped" in entry else ("reference", "reason", "facts")
    counts = [entry.get("position"), *(entry.get(k, 0) for k in COUNTS)]
    return all(k in entry for k in keys) and all(_count(v) for v in counts)


def read_shard(folder: Path) -> Shard:
    """A shard's run.json, journal and tables, or a one-line error naming what is damaged."""
    manifest = _manifest(folder)
    path = folder / INDEX
    lines = _text(path).splitlines()
    if not lines:
        raise _damaged(path, "is empty")
    entries = [_json(path, line, f"line {n}: ") for n, line in enumerate(lines, 1)]
    head = entries[0]
    if not (sized(head) and isinstance(head.get("header"), dict)):
        raise _damaged(path, "line 1: not the header of an evalkit journal")
    for n, (before, entry) in enumerate(zip(entries, entries[1:], strict=False), 2):
        if not _event(entry):
            raise _damaged(path, f"line {n}: not an event of a finished run")
        if any(entry["sizes"][t] < before["sizes"][t] for t in TABLES):
            raise _damaged(path, f"line {n}: its tables end before the previous event's")
    listed = [e.get("event") if isinstance(e, dict) else e for e in manifest.get("events", [])]
    if listed != [e["event"] for e in entries[1:]]:
        raise _damaged(path, f"lists {len(entries) - 1} event(s), run.json {len(listed)}")
    for name, table in TABLES.items():
        try:
            size = (folder / name).stat().st_size
        except OSError as err:
            raise _damaged(folder / name, f"cannot be read ({err.strerror})") from None
        if size != entries[-1]["sizes"][name]:
            raise _damaged(
                folder / name,
                f"{size} bytes where {INDEX} says its rows end at {entries[-1]['sizes'][name]}",
            )
        _, damage = journal_ends(folder / name, table, entries)
        if damage:
            raise InputError(f"merge: {folder / name} {damage}; {REDO}")
    return Shard(folder, manifest, head, entries[1:])


def merge(folders: list[Path], out: Path, overwrite: bool = False) -> dict[str, Any]:
    """Write the merged tables, journal.jsonl, summary.md and run.json into `out`.

    Every shard is checked first; the output is written under temporary names and renamed
    into place at the end, so a failure leaves no merged folder (or, with --overwrite, the
    run that was there) behind.
    """
    _apart(folders, out)
    shards = [read_shard(f) for f in folders]
    configs = [s.manifest["config"] for s in shards]
    total = configs[0]["num_shards"]
    numbers = sorted(c["shard"] for c in configs)
    if numbers != list(range(total)):
        missing = sorted(set(range(total)) - set(numbers))
        raise InputError(
            f"merge: need shards 0..{total - 1} of one run exactly once; got {numbers}"
            + (f" (missing {missing})" if missing else "")
        )
    same = [{**result_settings(c), "shard": 0} for c in configs]
    for folder, config in zip(folders[1:], same[1:], strict=True):
        if config != same[0]:
            differ = ", ".join(differences(same[0], config)[:5])
            raise InputError(
                f"merge: {folder} was run with other settings than {folders[0]} ({differ}); "
                "merge the shards of one run, or run the odd shard again with its settings"
            )
    _same_input(shards)
    if (out / "run.json").exists() and not overwrite:
        raise InputError(f"merge: {out} already holds a run; choose another --out or --overwrite")

    order = []
    for i, shard in enumerate(shards):
        start = shard.head["sizes"]
        for entry in shard.entries:
            order.append((entry["position"], i, start, entry))
            start = entry["sizes"]
    order.sort(key=lambda item: item[0])
    header = shards[0].head["header"]  # the header a single run over the whole file writes
    if isinstance(header.get("config"), dict):
        header["config"].update(shard=0, num_shards=1)
    entries = [e for _, _, _, e in order]
    config = {**configs[0], "shard": 0, "num_shards": 1}
    timings: dict[str, float] = defaultdict(float)
    for shard in shards:
        for key, value in shard.manifest.get("timings_seconds", {}).items():
            timings[key] += value
    manifest = {
        **shards[0].manifest,
        "config": config,
        "counts": run_counts(entries),
        "events": [event_line(e) for e in entries],
        "timings_seconds": {k: round(v, 3) for k, v in sorted(timings.items())},
        "merged_from": [str(f) for f in folders],
    }
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        index = _write_tables(shards, order, out)
        remove_report(out)  # of the run --overwrite replaces; this one's is drawn below
        summary = [tuple(row) for row in read_rows(_tmp(out, "summary.csv"))[1:]]
        (out / MARKER).write_text("This merge did not finish: merge the shards again.\n", "utf-8")
        atomic_write(out / "summary.md", markdown(summary, manifest))
        sources = read_rows(_tmp(out, SOURCES.file))[1:]
        write_systems(out, summary, sources, config)
        for name in TABLES:
            os.replace(_tmp(out, name), out / name)
        atomic_write(out / INDEX, "".join(json.dumps(e, sort_keys=True) + "\n" for e in index))
        atomic_write(out / "run.json", json.dumps(manifest, indent=2, sort_keys=True))
        (out / MARKER).unlink()
    except BaseException as err:
        if created:
            shutil.rmtree(out, ignore_errors=True)
        else:
            for name in TABLES:
                with contextlib.suppress(OSError):
                    _tmp(out, name).unlink(missing_ok=True)
        if isinstance(err, OSError):  # a full disk, a read-only or odd --out
            raise cannot(
                err,
                f"merge: cannot write {out} ({err.strerror or err}); {advice(err)}, then "
                "merge again",
            ) from None
        raise
    return manifest


def _apart(folders: list[Path], out: Path) -> None:
    """Refuse an --out that is, lies inside or holds a shard: merging would replace or mix
    with the runs it reads."""
    for folder in folders:
        if where := placed(out, folder):
            raise InputError(
                f"merge: --out {out} {where} the shard {folder}; choose a folder apart from "
                "the shards (the default is <their parent>/merged)"
            )


def _same_input(shards: list[Shard]) -> None:
    """Refuse shards that read different inputs (run.json's sha256 of each) or that hold one
    event twice: merged, they would give an event twice and leave others out. Shards written
    before runs recorded their inputs are merged on their events' ids alone."""
    first = shards[0]
    for shard in shards[1:]:
        a, b = first.manifest.get("inputs"), shard.manifest.get("inputs")
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            raise InputError(
                f"merge: {shard.folder} read another {', '.join(differences(a, b)[:3])} than "
                f"{first.folder} (sha256 differs); run every shard on the same input"
            )
        old = shard.folder if isinstance(a, dict) else first.folder
        raise InputError(
            f"merge: {old} records no sha256 of its input (an older evalkit's run), the other "
            "shards do; run it again so every shard's input can be compared"
        )
    seen: dict[str, Path] = {}
    for shard in shards:
        for entry in shard.entries:
            if "skipped" in entry:  # a line not read, or a candidate not scored: no event
                continue
            other = seen.setdefault(id_key(entry["event"]), shard.folder)
            if other != shard.folder:
                raise InputError(
                    f"merge: event {entry['event']!r} is in {other} and {shard.folder}; merge "
                    "the shards of one run over one input"
                )


def _tmp(out: Path, name: str) -> Path:
    return out / f".{name}.tmp"


def _write_tables(
    shards: list[Shard], order: list[tuple[int, int, dict[str, int], dict[str, Any]]], out: Path
) -> list[dict[str, Any]]:
    """Lay the shards' rows out in input order under temporary names; the merged journal."""
    sizes = dict(shards[0].head["sizes"])
    index = [{"header": shards[0].head["header"], "sizes": dict(sizes)}]
    with ExitStack() as stack:
        tables = {
            (i, name): stack.enter_context((shard.folder / name).open("rb"))
            for i, shard in enumerate(shards)
            for name in TABLES
        }
        outputs = {name: stack.enter_context(_tmp(out, name).open("wb")) for name in TABLES}
        for name, handle in outputs.items():
            handle.write(_read(tables[0, name], 0, sizes[name]))
        for _, i, start, entry in order:
            for name, handle in outputs.items():
                chunk = _read(tables[i, name], start[name], entry["sizes"][name])
                handle.write(chunk)
                sizes[name] += len(chunk)
            index.append({**entry, "sizes": dict(sizes)})
        for handle in outputs.values():
            handle.flush()
            os.fsync(handle.fileno())
    return index


def _read(handle: BinaryIO, start: int, end: int) -> bytes:
    """Whole rows of a shard's table, where its journal says they lie (`read_shard` checked)."""
    handle.seek(start)
    return handle.read(end - start)


def main(argv: list[str]) -> int:
    """Entry point: merge shard folders, print where the result is."""
    parser = argparse.ArgumentParser(
        prog="python -m evalkit merge",
        description="Join the shard runs of one event file (shard=i num_shards=k) into one run.",
    )
    parser.add_argument("dirs", nargs="+", type=Path, help="shard run folders, or their parent")
    parser.add_argument("--out", type=Path, help="merged run folder (default: <parent>/merged)")
    parser.add_argument("--overwrite", action="store_true", help="replace a run in --out")
    args = parser.parse_args(argv)
    out, manifest = None, None
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # cleans up as Ctrl-C
    try:
        folders = shard_folders(args.dirs)
        out = args.out or folders[0].parent / "merged"
        manifest = merge(folders, out, args.overwrite)
        report = manifest["config"].get("report")
        report = report if isinstance(report, dict) else {}
        html, plots = bool(report.get("html")), bool(report.get("plots"))
        if html or plots:
            from evalkit.html_report import build_report

            build_report(out, html=html, plots=plots)
    except InputError as err:  # after the tables, the report's (which says they are complete)
        return report_error(err)
    except KeyboardInterrupt:
        done = f"the merged tables in {out} are complete" if manifest else "nothing merged"
        print(f"interrupted: {done}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    counts = manifest["counts"]
    print(f"merged {len(folders)} shards: {counts['events']['read']} events into {out}")
    return 0
