"""A multirun's sweep table: every job's summary rows side by side, failed jobs said so."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evalkit import cli
from evalkit.files import read_rows
from evalkit.report import MARKER
from evalkit.sweep import read_jobs, write_sweep

from .conftest import ROOT

FAST = ["embedder=hashed", "entail=none", "cache.enabled=false", "report.plots=false"]
HEADER = "event,candidate,coverage,support_rate,score,claims,unsupported,contradicted,misstated,"
HEADER += "note"  # with `misstated`, not (yet) a column of evalkit's summary.csv


def test_a_sweep_writes_one_table_across_its_jobs_and_lists_the_failed_one(
    tmp_path: Path,
) -> None:
    sweep = tmp_path / "sweep"
    swept = [
        f"data.sources={tmp_path / 'nowhere'},{ROOT / 'seeds'}",
        "scoring.unsupported_penalty=0.1,0.5",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "run", "-m", *FAST, *swept, f"hydra.sweep.dir={sweep}"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # jobs 0 and 1 read a missing folder: they fail, the sweep runs jobs 2 and 3 and says so
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.stderr.count("does not exist") == 2
    assert f"{sweep / 'sweep.csv'}, {sweep / 'sweep.html'}" in done.stdout
    table = read_rows(sweep / "sweep.csv")
    head, rows = table[0], table[1:]
    summary = read_rows(sweep / "2" / "summary.csv")[0]
    assert head == ["job", "status", "data.sources", "scoring.unsupported_penalty", *summary]
    note = head.index("note")
    failed = [r for r in rows if r[1] == "failed"]
    assert [r[:4] for r in failed] == [
        ["0", "failed", str(tmp_path / "nowhere"), "0.1"],
        ["1", "failed", str(tmp_path / "nowhere"), "0.5"],
    ]
    assert all("failed before writing results" in r[note] for r in failed)
    for job, penalty in (("2", "0.1"), ("3", "0.5")):
        mine = [r for r in rows if r[0] == job]
        assert all(r[1:4] == ["done", str(ROOT / "seeds"), penalty] for r in mine)
        assert [r[4:] for r in mine] == read_rows(sweep / job / "summary.csv")[1:]
    page = (sweep / "sweep.html").read_text(encoding="utf-8")
    assert {"2/report.html", "3/report.html"} <= set(re.findall(r'href="([^"]+)"', page))
    assert (sweep / "2" / "report.html").is_file() and (sweep / "3" / "report.html").is_file()
    assert "failed before writing results" in page and "job 1" in page
    assert "| 3 | " in (sweep / "sweep.md").read_text(encoding="utf-8")
    assert not list(sweep.glob(".*.tmp"))


def job_folder(root: Path, name: str, summary: list[str]) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "run.json").write_text("{}", encoding="utf-8")
    (folder / "summary.csv").write_text("\n".join([HEADER, *summary]) + "\n", encoding="utf-8")
    return folder


def test_new_summary_columns_flow_through_and_the_best_job_is_highlighted(
    tmp_path: Path,
) -> None:
    rows = {
        "0": "e,alpha,0.5000,1.0000,0.5000,2,0,0,1,",
        "1": "e,alpha,0.7500,0.5000,0.6000,2,1,0,0,",
        "3": "e,alpha,0.9000,1.0000,0.9000,2,0,0,0,",
    }
    for n, row in rows.items():
        job_folder(tmp_path, n, [row])
    (tmp_path / "2").mkdir()
    (tmp_path / "2" / MARKER).write_text("unfinished", encoding="utf-8")
    started = (tmp_path / "0" / "run.json").stat().st_mtime - 30
    (tmp_path / "multirun.yaml").write_text("{}", encoding="utf-8")
    os.utime(tmp_path / "multirun.yaml", (started, started))
    os.utime(tmp_path / "3" / "run.json", (started - 30, started - 30))  # an earlier sweep's
    given = ["soft_recall", "lexical", "cosine", "soft_recall"]
    jobs = read_jobs(tmp_path, [[f"coverage={cov}", "embedder=hashed"] for cov in given])
    write_sweep(tmp_path, ["coverage"], jobs)

    table = read_rows(tmp_path / "sweep.csv")
    # the swept group `coverage` does not pass for the summary's coverage column
    assert table[0] == ["job", "status", "coverage (swept)", *HEADER.split(",")]
    assert table[1] == ["0", "done", "soft_recall", *rows["0"].split(",")]
    assert table[2] == ["1", "done", "lexical", *rows["1"].split(",")]
    assert table[3][:3] == ["2", "failed", "cosine"] and "resume=true" in table[3][-1]
    assert table[4][:3] == ["3", "failed", "soft_recall"] and "earlier run" in table[4][-1]
    assert len(table) == 5
    page = (tmp_path / "sweep.html").read_text(encoding="utf-8")
    best = re.findall(r'<td class="n best">([^<]*)</td>', page)
    # job 0: the higher support rate, fewer unsupported; job 1: the higher score and
    # coverage, fewer misstated; claims and contradicted tie, so neither is highlighted
    assert best == ["1.0000", "0", "0.6000", "0.7500", "0"]
    assert "misstated" in (tmp_path / "sweep.md").read_text(encoding="utf-8")


def test_a_shard_sweep_gets_no_table_but_the_merge_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs = [["num_shards=2", "shard=0"], ["num_shards=2", "shard=1"]]
    monkeypatch.setattr(cli, "SWEEPS", [cli.Sweep(tmp_path, ["shard"], jobs)])
    cli.sweep_tables()
    out = capsys.readouterr().out
    assert f"evalkit merge {tmp_path}" in out and "note:" not in out
    assert list(tmp_path.iterdir()) == []
    # an earlier sweep of four shards into the same folder (overwrite=true) left two behind
    for name in ("0", "1", "2", "10"):
        job_folder(tmp_path, name, [])
    (tmp_path / "notes").mkdir()  # a user's folder, no run
    cli.sweep_tables()
    out = capsys.readouterr().out
    assert f"note: {tmp_path} also holds 2, 10, runs of an earlier sweep" in out, out
