"""Result files on disk: written whole or not at all, and read back whatever their size.

`atomic_write` is the one writer of every result file but the streamed tables; `numbered_rows`
(and `read_rows`, all at once) is the one CSV reader: of evalkit's own tables and of a user's
candidates CSV (a cell holds any text a user gave, so the csv module's 128 KiB field limit is
lifted here, and only here). `table_rows` reads a table evalkit wrote and checks it is one
(what resume, merge and report trust), and `journal_ends` checks it against a run's journal.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from evalkit.columns import Table


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data`: a temporary file beside it, fsynced, then renamed over it.

    On any failure (a full disk, an interrupt) the temporary file is removed and the previous
    `path`, if any, is left as it was.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with open(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def digest(data: bytes) -> str:
    """What a journal entry records of an event's rows in one table (hex, 32 digits)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def placed(folder: Path, other: Path) -> str | None:
    """Where `folder` is against `other`: "is" it, "lies inside" it or "holds" it; None when
    they are apart (paths made absolute, not resolved)."""
    here, there = Path(os.path.abspath(folder)), Path(os.path.abspath(other))
    if here == there:
        return "is"
    if there in here.parents:
        return "lies inside"
    return "holds" if here in there.parents else None


def input_digest(path: Path) -> str:
    """sha256 of an input as a run reads it: a file's bytes, or of a folder the names and bytes
    of the files directly inside it and inside its folders (a sources folder's candidates/).
    One sequential read (about 1 s per GB on one core); the files are not kept in memory."""
    whole = hashlib.sha256()
    if not path.is_dir():
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    inside = [path, *sorted(p for p in path.iterdir() if p.is_dir())]
    for folder in inside:
        for file in sorted(p for p in folder.iterdir() if p.is_file()):
            whole.update(f"{file.relative_to(path).as_posix()}\0".encode())
            whole.update(input_digest(file).encode())
    return whole.hexdigest()


def read_rows(path: Path) -> list[list[str]]:
    """Every row of a CSV table evalkit wrote, header first."""
    return [row for _, row in numbered_rows(path)]


def numbered_rows(path: Path, *, strict: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Each row of a UTF-8 CSV file, header first, with the line it starts on (a quoted cell
    may span lines; a blank line is an empty row). A byte-order mark is dropped. Raises
    UnicodeDecodeError, and csv.Error as the csv module does (a RowError, naming the line its
    row starts on); the caller names the file. `strict` refuses a quote left open at the end
    of the file, or text after a closing quote, which the lenient reader takes into the cell."""
    csv.field_size_limit(sys.maxsize)  # the limit is process-wide; raising it is harmless
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=strict)
        start = 1
        try:
            for row in reader:
                yield start, row
                start = reader.line_num + 1
        except csv.Error as err:
            raise RowError(start, str(err)) from None


class RowError(csv.Error):
    """A CSV row the csv module refused, and the line it starts on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


class Damaged(ValueError):
    """A table is not as evalkit writes it: the line its first bad record starts on, and what."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(f"line {line}: {what}")
        self.line = line


def table_rows(
    path: Path, table: Table[Any], limit: int | None = None
) -> Iterator[tuple[int, int, list[str]]]:
    """Each record of `table`'s file, header first, as evalkit's writer wrote it: the line it
    starts on (a quoted cell may span lines), the byte offset where it ends, and its cells; of
    the first `limit` bytes only, if given. Raises Damaged at the first record that is not: a
    header other than the table's columns, a row with another number of cells, a number
    column holding text (a missing number is "" or NaN), a NUL byte, bytes that are not UTF-8,
    bad quoting, or a record cut short (each ends with a line end). OSError as `open` does."""
    csv.field_size_limit(sys.maxsize)
    numbers = [(table.names.index(name), name) for name in table.numbers]
    line, offset, ended = 0, 0, True

    def lines() -> Iterator[str]:
        nonlocal line, offset, ended
        with path.open("rb") as handle:
            for raw in handle:
                if limit is not None and offset + len(raw) > limit:
                    raw = raw[: max(limit - offset, 0)]
                    if not raw:
                        return
                line, offset, ended = line + 1, offset + len(raw), raw.endswith(b"\n")
                if b"\0" in raw:
                    raise Damaged(line, "holds NUL bytes")
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise Damaged(line, "not valid UTF-8") from None

    reader = csv.reader(lines(), strict=True)
    start = 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as err:
            raise Damaged(start, f"not CSV as evalkit writes it ({err})") from None
        if row is None:
            if start == 1:
                raise Damaged(1, "empty: no header")
            return
        if not ended:
            raise Damaged(start, "cut short (the record has no line end)")
        if start == 1 and tuple(row) != table.names:
            lacking = [c for c in table.names if c not in row]
            what = f"lacks column(s) {', '.join(lacking)}" if lacking else "has other columns"
            raise Damaged(1, f"the header {what}; it is not the header of {table.file}")
        if len(row) != len(table.names):
            raise Damaged(start, f"{len(row)} cells where the header has {len(table.names)}")
        for i, name in numbers if start > 1 else ():
            if row[i] and row[i] != "NaN":
                try:
                    float(row[i])
                except ValueError:
                    raise Damaged(start, f"{name} is {row[i][:20]!r}, not a number") from None
        yield start, offset, row
        start = line + 1


def journal_ends(
    path: Path, table: Table[Any], entries: Sequence[dict[str, Any]]
) -> tuple[int, Damaged | None]:
    """How many of a run's journal `entries` (its header, then one per event, each saying where
    the table's rows end and, but the header, whose rows they are and their digest) an intact
    start of the table bears out: each end falls where a record ends, each row between the ends
    names the entry's event (a journal line lost or moved would keep another event's rows), and
    each event's rows have the digest it recorded (an edit that keeps their length). Also the
    first damage found (or the first entry not borne out), None when every entry is. A journal
    written before entries had digests is checked without them."""
    ends = [e["sizes"][table.file] for e in entries]
    kept, line = 0, 1
    first: dict[int, int] = {}  # the line each event's rows start on
    try:
        for line, end, row in table_rows(path, table, ends[-1] if ends else 0):
            if kept < len(ends) and ends[kept] < end:
                return kept, Damaged(line, f"the journal says a row ends at byte {ends[kept]}")
            if line > 1 and kept < len(ends) and row[0] != entries[kept].get("event"):
                return kept, Damaged(
                    line,
                    f"a row of event {row[0]!r} where the journal has its rows' end for "
                    f"event {entries[kept].get('event')!r}",
                )
            first.setdefault(kept, line)
            while kept < len(ends) and ends[kept] == end:
                kept += 1
    except Damaged as damage:
        return kept, damage
    if kept < len(ends):
        return kept, Damaged(
            line, f"rows are missing after this one (the journal says they end at byte {ends[-1]})"
        )
    with path.open("rb") as handle:
        handle.seek(ends[0] if ends else 0)
        for k in range(1, kept):
            data, want = handle.read(ends[k] - ends[k - 1]), entries[k].get("digests")
            if want is not None and (
                not isinstance(want, dict) or want.get(table.file) != digest(data)
            ):
                return k, Damaged(
                    first.get(k, line),
                    f"the rows of event {entries[k].get('event')!r} are not those the journal "
                    "recorded (edited after they were written)",
                )
    return kept, None
