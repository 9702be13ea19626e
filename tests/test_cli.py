"""The CLI as a user meets it: tables written, and one-line errors with no folder left."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, event_dir

ARTICLE = (
    "Kim Yo Jong denied that North Korea exported weapons to Russia on Friday.\n"
    "South Korea said about 7,000 containers were shipped to Russia last year.\n"
)
OTHER = (
    "North Korea exported no weapons to Russia, Kim Yo Jong said on Friday.\n"
    "Seoul says 7,000 containers of munitions were shipped to Russia last year.\n"
)


def run(tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "evalkit",
            "run",
            "embedder=hashed",
            "report.html=false",
            "report.plots=false",
            f"hydra.run.dir={tmp_path / 'run'}",
            *overrides,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_run_on_own_folder_with_empty_candidate(tmp_path: Path) -> None:
    root = event_dir(
        tmp_path,
        {
            "a.txt": ARTICLE,
            "b.txt": OTHER,
            "candidates/good.txt": "Kim Yo Jong denied the exports.",
            "candidates/blank.txt": "\n\n",
        },
    )
    before = {p: p.read_bytes() for p in root.rglob("*.txt")}
    done = run(tmp_path, f"data.sources={root}", "data.references=null")
    assert done.returncode == 0, done.stderr
    assert "candidate 'blank' has no sentences" in done.stderr
    with (tmp_path / "run" / "summary.csv").open(encoding="utf-8") as handle:
        rows = {r["candidate"]: r for r in csv.DictReader(handle)}
    assert set(rows) == {"a", "good", "blank"} or set(rows) == {"b", "good", "blank"}
    assert rows["blank"]["score"] == "NaN" and rows["blank"]["rank"] == ""
    assert rows["blank"]["note"].startswith("no sentences")
    assert {p: p.read_bytes() for p in root.rglob("*.txt")} == before  # inputs untouched


@pytest.mark.parametrize(
    ("files", "overrides", "message"),
    [
        (None, ["data.sources=/no/such/folder"], "error: data.sources: /no/such/folder does not"),
        ({}, [], "holds no .txt files"),
        ({"a.txt": ""}, [], "a.txt: the file is empty"),
        ({"a.txt": b"\x00\x00\x00"}, [], "a.txt: looks like a binary file"),
        ({"a.txt": b"\xff\xfe bad"}, [], "a.txt: not valid UTF-8"),
        (
            {"a.txt": ARTICLE, "b.txt": OTHER},
            ["data.reference=zzz"],
            "error: data.reference: unknown source id 'zzz'; choose from: a, b",
        ),
        ({"a.txt": ARTICLE}, ["verifier.name=nil"], "unknown verifier 'nil'"),
    ],
)
def test_user_errors_are_one_line_with_no_folder(
    tmp_path: Path, files: dict | None, overrides: list[str], message: str
) -> None:
    extra = [] if files is None else [f"data.sources={event_dir(tmp_path, files)}"]
    done = run(tmp_path, *extra, *overrides)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()


def test_unknown_key_fails_at_startup(tmp_path: Path) -> None:
    done = run(tmp_path, "verifier.treshold=0.5")
    assert done.returncode != 0 and "treshold" in done.stderr
    assert "Traceback" not in done.stderr


def test_finished_run_is_not_overwritten(tmp_path: Path) -> None:
    root = event_dir(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER})
    assert run(tmp_path, f"data.sources={root}").returncode == 0
    summary = (tmp_path / "run" / "summary.csv").read_bytes()
    again = run(tmp_path, f"data.sources={root}", "scoring.unsupported_penalty=0.9")
    assert again.returncode == 2 and "already holds a finished run" in again.stderr
    assert (tmp_path / "run" / "summary.csv").read_bytes() == summary


def test_unknown_verb() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "frobnicate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "unknown verb 'frobnicate'" in done.stderr
