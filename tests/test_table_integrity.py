"""A damaged table (of a run left to resume, a shard, a finished run) is never kept, merged or
reported: resume runs again what it cannot trust, merge and report stop with one line naming
the file and the line, exit 2."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evalkit.columns import CLAIMS, SUMMARY, Table
from evalkit.errors import InputError
from evalkit.files import Damaged, table_rows
from evalkit.html_report import REPORT, build_report
from evalkit.html_report import main as report_main
from evalkit.merge import main as merge_main
from evalkit.report import INDEX, JOURNAL, MARKER, TABLES
from evalkit.run import evaluate
from evalkit.run_reader import load_run

from .conftest import ROOT, config
from .test_cli import evalkit
from .test_scale import same_outputs, stopped_after, with_line


@pytest.fixture(scope="module")
def shards(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus run as two finished shards, in shards/0 and shards/1."""
    base = tmp_path_factory.mktemp("shards")
    for shard in (0, 1):
        evaluate(config(corpus, shard=shard, num_shards=2), base / str(shard))
    return base


def stopped(corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A run stopped after five events (kept for resume=true), and its input."""
    run_dir = tmp_path / "run"
    with stopped_after(5):
        evaluate(config(corpus), run_dir)
    assert (run_dir / MARKER).exists() and (run_dir / ".claims.csv.tmp").exists()
    return run_dir, corpus


def _cut(path: Path, by: int) -> None:
    os.truncate(path, path.stat().st_size - by)


def _keep(path: Path, size: int) -> None:
    os.truncate(path, size)


def _renumbered(path: Path, table: Table[Any] = CLAIMS) -> None:
    """A number of the last row changed by one digit: the same length, a valid table."""
    *head, last, end = path.read_text(encoding="utf-8").split("\n")
    cells = next(csv.reader([last]))
    i = next(
        table.names.index(n) for n in table.numbers if cells[table.names.index(n)][-1:].isdigit()
    )
    cells[i] = cells[i][:-1] + str((int(cells[i][-1]) + 1) % 10)
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(cells)
    assert len(out.getvalue()) == len(last)
    path.write_text("\n".join([*head, out.getvalue(), end]), encoding="utf-8")


def _nul(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] = 0
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("table", "damage", "kept"),
    [
        ("claims.csv", lambda p: _cut(p, 500), "keeping the [0-4] finished events"),
        ("summary.csv", lambda p: _keep(p, 100), "no finished event can be kept"),
        ("facts.csv", _nul, "NUL bytes; keeping the [0-4] finished events"),
        ("claims.csv", _renumbered, "not those the journal recorded .*; keeping the 4 finished"),
    ],
)
def test_resume_runs_again_what_a_damaged_table_lost(
    corpus: Path,
    single: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    table: str,
    damage: object,
    kept: str,
) -> None:
    """Before: a table shorter than the journal said was extended with NUL bytes, and a cut
    header was renamed into place. Now the events after the damage run again: the tables are
    the single run's, byte for byte."""
    run_dir, mended = stopped(corpus, tmp_path)
    tmp = run_dir / f".{table}.tmp"
    damage(tmp)  # type: ignore[operator]
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        evaluate(config(mended, resume=True), run_dir)
    warned = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert f"resume: {tmp} line " in warned
    assert re.search(kept, warned), warned
    assert same_outputs(single, run_dir, header=False)
    assert not (run_dir / MARKER).exists()


@pytest.mark.parametrize("edit", ["lost", "moved"])
def test_resume_after_a_journal_line_lost_or_moved_runs_those_events_again(
    corpus: Path, single: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, edit: str
) -> None:
    """A journal line lost or moved kept another event's rows as the line's event's, and the
    event ran again: its rows twice. Each row must name the event whose end the journal gives."""
    run_dir, mended = stopped(corpus, tmp_path)
    journal = run_dir / JOURNAL
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    if edit == "lost":
        del lines[2]  # the second event's
    else:
        lines[2], lines[3] = lines[3], lines[2]
    journal.write_text("".join(lines), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        evaluate(config(mended, resume=True), run_dir)
    warned = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert "a row of event 'ev000001'" in warned and "keeping the 1 finished events" in warned
    assert same_outputs(single, run_dir, header=False)


def test_resume_after_a_damaged_table_on_the_command_line(corpus: Path, tmp_path: Path) -> None:
    """The fuzzed case through the verb: exit 0, one warning line naming the file, no NULs."""
    run_dir, mended = stopped(corpus, tmp_path)
    _cut(run_dir / ".claims.csv.tmp", 500)
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "run", "embedder=hashed", "entail=none"]
        + ["embedder.event_batch=4", "cache.enabled=false", "data.references=null"]
        + ["report.html=false", "report.plots=false", f"data.sources={mended}"]
        + [f"hydra.run.dir={run_dir}", "resume=true"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    warned = [line for line in done.stderr.splitlines() if "WARNING: resume:" in line]
    assert len(warned) == 1 and f"{run_dir / '.claims.csv.tmp'} line " in warned[0], warned
    assert b"\0" not in (run_dir / "claims.csv").read_bytes()
    load_run(run_dir)


def test_resume_leaves_an_intact_run_as_it_was(
    corpus: Path, single: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    run_dir, mended = stopped(corpus, tmp_path)
    with caplog.at_level(logging.WARNING, logger="evalkit"):
        evaluate(config(mended, resume=True), run_dir)
    assert not [r for r in caplog.records if r.getMessage().startswith("resume: ")]
    assert same_outputs(single, run_dir, header=False)
    assert load_run(run_dir).events  # a resumed run passes the checks
    assert not (run_dir / JOURNAL).exists()


def _same_size(path: Path, old: str, new: str) -> None:
    """Replace the first `old` after the header with `new` of the same length."""
    assert len(old) == len(new)
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    assert old in rest
    path.write_text(header + "\n" + rest.replace(old, new, 1), encoding="utf-8")


def _coverage(path: Path) -> str:
    """The first row's coverage cell, as written."""
    return next(row for n, _, row in table_rows(path, SUMMARY) if n > 1)[2]


def _quote_first_row(path: Path) -> None:
    """The first byte of the second row becomes a quote: the row swallows the ones below."""
    lines = path.read_bytes().split(b"\n")
    lines[2] = b'"' + lines[2][1:]
    path.write_bytes(b"\n".join(lines))


def test_merge_refuses_a_same_size_edit_in_a_shard_table(
    shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folders = Path(shutil.copytree(shards, tmp_path / "shards"))
    summary = folders / "1" / "summary.csv"
    _same_size(summary, f",{_coverage(summary)},", ",ZZZZZZ,")
    out = tmp_path / "merged"
    assert merge_main([str(folders / "0"), str(folders / "1"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: {summary} line 2: coverage is 'ZZZZZZ', not a number")
    assert "run that shard again" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_merge_refuses_an_edited_number_in_a_shard_table(
    shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A number changed by one digit keeps the table valid and its length: only the digest
    each journal entry records of its event's rows shows it."""
    folders = Path(shutil.copytree(shards, tmp_path / "shards"))
    _renumbered(folders / "1" / "claims.csv")
    out = tmp_path / "merged"
    assert merge_main([str(folders), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: {folders / '1' / 'claims.csv'} line "), err
    assert "are not those the journal recorded" in err and "run that shard again" in err
    assert len(err.strip().splitlines()) == 1 and not out.exists()


def test_merge_takes_shards_whose_journal_has_no_digests(
    shards: Path, single: Path, tmp_path: Path
) -> None:
    """Runs written before journal entries had digests still merge, checked without them; the
    merged journal keeps the digests it was given."""
    folders = Path(shutil.copytree(shards, tmp_path / "shards"))
    journal = folders / "0" / INDEX
    entries = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert all("digests" in e for e in entries[1:])
    journal.write_text(
        "".join(json.dumps({k: v for k, v in e.items() if k != "digests"}) + "\n" for e in entries),
        encoding="utf-8",
    )
    out = tmp_path / "merged"
    assert merge_main([str(folders), "--out", str(out)]) == 0
    assert all((single / n).read_bytes() == (out / n).read_bytes() for n in TABLES)
    merged = [json.loads(line) for line in (out / INDEX).read_text(encoding="utf-8").splitlines()]
    assert sum("digests" in e for e in merged[1:]) == len(entries_of(folders / "1"))


def entries_of(run_dir: Path) -> list[dict[str, Any]]:
    """A finished run's journal entries of its events."""
    return [json.loads(line) for line in (run_dir / INDEX).read_text().splitlines()][1:]


def _rows_moved(path: Path) -> None:
    """The first data row exchanged with the first of another event: the same bytes, in
    another event's place."""
    lines = path.read_bytes().split(b"\n")
    first = next(
        i for i, line in enumerate(lines) if i and line.split(b",")[0] != lines[1].split(b",")[0]
    )
    lines[1], lines[first] = lines[first], lines[1]
    path.write_bytes(b"\n".join(lines))


@pytest.mark.parametrize(
    ("table", "damage", "line"),
    [
        ("0/claims.csv", _quote_first_row, 3),  # a stray quote
        ("1/summary.csv", _rows_moved, 2),  # rows moved between events
    ],
)
def test_merge_refuses_a_damaged_shard_row(
    shards: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    damage: Callable[[Path], None],
    line: int,
) -> None:
    folders = Path(shutil.copytree(shards, tmp_path / "shards"))
    damage(folders / table)
    out = tmp_path / "merged"
    assert merge_main([str(folders), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: {folders / table} line {line}: "), err
    assert len(err.strip().splitlines()) == 1 and not out.exists()


def test_merge_names_the_settings_shards_differ_in(
    corpus: Path, shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = config(corpus, shard=1, num_shards=2)
    cfg.verifier.threshold = 0.9
    evaluate(cfg, tmp_path / "1")
    out = tmp_path / "merged"
    assert merge_main([str(shards / "0"), str(tmp_path / "1"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "was run with other settings than" in err and "(verifier.threshold)" in err, err
    assert len(err.strip().splitlines()) == 1 and not out.exists()


def test_merged_shards_pass_the_checks(shards: Path, single: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged"
    assert merge_main([str(shards), "--out", str(out)]) == 0
    assert same_outputs(single, out, header=False)
    assert len(load_run(out).events) == 9


def _summary_junk(run_dir: Path) -> Path:
    summary = run_dir / "summary.csv"
    _same_size(summary, f",{_coverage(summary)},", ",ZZZZZZ,")
    return summary


def _claims_quote(run_dir: Path) -> Path:
    _quote_first_row(run_dir / "claims.csv")
    return run_dir / "claims.csv"


def _nul_row(run_dir: Path) -> Path:
    _nul(run_dir / "facts.csv")
    return run_dir / "facts.csv"


def _score_text(run_dir: Path) -> Path:
    rows = (run_dir / "summary.csv").read_text(encoding="utf-8").split("\n")
    cells = rows[1].split(",")
    cells[SUMMARY.names.index("score")] = "abc"
    rows[1] = ",".join(cells)
    (run_dir / "summary.csv").write_text("\n".join(rows), encoding="utf-8")
    return run_dir / "summary.csv"


def _extra_cell(run_dir: Path) -> Path:
    with (run_dir / "sources.csv").open("a", encoding="utf-8") as handle:
        handle.write("e,s,1,2,3,4,5,0,6,,extra\n")
    return run_dir / "sources.csv"


def _torn(run_dir: Path) -> Path:
    _cut(run_dir / "removed.csv", 3)
    return run_dir / "removed.csv"


REPORT_DAMAGES = {
    "coverage text": (_summary_junk, "line 2: coverage is 'ZZZZZZ', not a number"),
    "score text": (_score_text, "line 2: score is 'abc', not a number"),
    "stray quote": (_claims_quote, "line 3: "),
    "NUL byte": (_nul_row, r"line \d+: holds NUL bytes"),
    "extra cell": (_extra_cell, r"line \d+: 11 cells where the header has 10"),
    "torn last row": (_torn, r"line \d+: cut short"),
}


@pytest.mark.parametrize("damage", list(REPORT_DAMAGES))
def test_report_refuses_a_damaged_table(
    single: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    hurt, message = REPORT_DAMAGES[damage]
    run_dir = Path(shutil.copytree(single, tmp_path / "run"))
    path = hurt(run_dir)
    with pytest.raises(InputError, match=message):
        build_report(run_dir)
    assert report_main([str(run_dir), "--no-plots"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path} line "), err
    assert "the table is damaged: run it again" in err and len(err.strip().splitlines()) == 1
    assert not (run_dir / REPORT).exists()


def test_the_report_verb_on_a_damaged_table_prints_no_traceback(
    single: Path, tmp_path: Path
) -> None:
    run_dir = Path(shutil.copytree(single, tmp_path / "run"))
    _claims_quote(run_dir)
    done = evalkit("report", str(run_dir))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: {run_dir / 'claims.csv'} line 3: ")
    assert len(done.stderr.strip().splitlines()) == 1


def test_runs_with_nan_rows_and_quoted_cells_pass_the_checks(corpus: Path, tmp_path: Path) -> None:
    """Skipped events (NaN rows with a reason) and cells with commas, quotes and line ends."""
    broken = with_line(corpus, tmp_path, 3, "{broken", replace=False)
    cfg = config(broken)
    cfg.data.bad_events = "skip"
    evaluate(cfg, tmp_path / "run")
    summary = (tmp_path / "run" / "summary.csv").read_text(encoding="utf-8")
    assert "NaN" in summary
    run = load_run(tmp_path / "run")
    assert len(run.events) == 10


def test_a_cell_spanning_lines_is_one_record(tmp_path: Path) -> None:
    """The writer quotes a claim holding a line end: the record spans two lines, and the line
    of a damaged record after it is the line it starts on."""
    header = ",".join(CLAIMS.names)
    row = ["e", "c", "C1", '"two\nlines, ""quoted"""', "supported", "0.5000"] + [""] * 15
    bad = ["e", "c", "C2", "x", "supported", "high"] + [""] * 15
    path = tmp_path / "claims.csv"
    path.write_text(f"{header}\n{','.join(row)}\n{','.join(bad)}\n", encoding="utf-8")
    rows = table_rows(path, CLAIMS)
    assert next(rows)[0] == 1
    line, end, cells = next(rows)
    assert (line, cells[3]) == (2, 'two\nlines, "quoted"')
    with pytest.raises(Damaged, match="line 4: support is 'high', not a number"):
        next(rows)


def test_every_table_of_a_finished_run_passes(single: Path) -> None:
    for name, table in TABLES.items():
        rows = list(table_rows(single / name, table))
        assert rows[-1][1] == (single / name).stat().st_size
