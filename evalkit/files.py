"""Result files on disk: written whole or not at all, and read back whatever their size.

`atomic_write` is the one writer of every result file but the streamed tables; `numbered_rows`
(and `read_rows`, all at once) is the one CSV reader: of evalkit's own tables and of a user's
candidates CSV (a cell holds any text a user gave, so the csv module's 128 KiB field limit is
lifted here, and only here).
"""

from __future__ import annotations

import contextlib
import csv
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path


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
