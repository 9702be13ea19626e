"""The one atomic writer: the file is replaced whole or not at all; the one table reader."""

from __future__ import annotations

import csv
import errno
import os
from pathlib import Path
from typing import Any

import pytest

from evalkit.files import atomic_write, read_rows


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "table.md"
    atomic_write(path, "first version, longer than the second\n")
    atomic_write(path, "ünï\n")
    atomic_write(tmp_path / "plot.png", b"\x89PNG")
    assert path.read_text(encoding="utf-8") == "ünï\n"
    assert (tmp_path / "plot.png").read_bytes() == b"\x89PNG"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plot.png", "table.md"]


@pytest.mark.parametrize("step", ["fsync", "replace"])
@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left"), KeyboardInterrupt()])
def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, error: BaseException
) -> None:
    path = tmp_path / "summary.md"
    path.write_text("the previous summary\n", encoding="utf-8")

    def fail(*args: Any) -> None:
        raise error

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(type(error)):
        atomic_write(path, "a new summary that never lands\n" * 1000)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "the previous summary\n"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.md"]


def test_read_rows_takes_cells_of_any_size(tmp_path: Path) -> None:
    path = tmp_path / "removed.csv"
    big = "word " * 40_000  # 200,000 characters: over the csv module's default field limit
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([["event", "line"], ["e1", big]])
    assert read_rows(path) == [["event", "line"], ["e1", big]]
