"""merge on damaged shards and in hostile places: one line naming the file, exit 2."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from evalkit.config import Config
from evalkit.errors import ENVIRONMENT
from evalkit.merge import main
from evalkit.report import INDEX, TABLES
from evalkit.run import evaluate

from .conftest import ROOT

ARTICLES = [
    "A fire broke out at the Marlow Bay warehouse on Tuesday night. Crews fought the fire for "
    "six hours and no one was hurt.",
    "A fire broke out at a warehouse in Marlow Bay on Tuesday night. Fire crews fought it for "
    "six hours; police said no one was hurt.",
]
CANDIDATE = "A warehouse fire in Marlow Bay burned for six hours on Tuesday; nobody was hurt."


def events(path: Path, count: int = 4) -> Path:
    lines = [
        {
            "event_id": f"ev{i}",
            "articles": [{"id": f"a{j}", "text": text} for j, text in enumerate(ARTICLES)],
            "candidates": [{"id": "c", "text": CANDIDATE}],
        }
        for i in range(count)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def config(sources: Path, shard: int = 0, num_shards: int = 1) -> Config:
    """embedder=hashed entail=none cache.enabled=false report.html=false report.plots=false
    shard= ..."""
    cfg = Config()
    cfg.embedder.name = "hashed"
    cfg.entail.name = "none"
    cfg.cache.enabled = False
    cfg.report.html = cfg.report.plots = False
    cfg.data.sources = str(sources)
    cfg.data.references = None
    cfg.shard, cfg.num_shards = shard, num_shards
    return cfg


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two finished shard runs of one four-event file, in shards/0 and shards/1."""
    base = tmp_path_factory.mktemp("shards")
    corpus = events(base / "events.jsonl")
    for shard in (0, 1):
        evaluate(config(corpus, shard, 2), base / "shards" / str(shard))
    return base / "shards"


def _truncate(path: Path, keep: int) -> None:
    path.write_bytes(path.read_bytes()[:keep])


def _last_line_torn(path: Path) -> None:
    _truncate(path, len(path.read_bytes()) - 9)


def _bad_byte(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:-20] + b"\xff" + data[-19:])


def _last_line_gone(path: Path) -> None:
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:-1]))


DAMAGES: dict[str, tuple[str, Callable[[Path], None], str]] = {
    # name: (file, how it is damaged, what the message says)
    "torn journal": (INDEX, _last_line_torn, "line 3: not valid JSON"),
    "journal lost a line": (INDEX, _last_line_gone, "lists 1 event.s., run.json 2"),
    "empty journal": (INDEX, lambda p: _truncate(p, 0), "is empty"),
    "journal entry": (INDEX, lambda p: p.write_text('{"sizes": 1}\n'), "line 1: not the header"),
    "run.json not JSON": ("run.json", lambda p: _truncate(p, 40), "not valid JSON"),
    "run.json not UTF-8": ("run.json", lambda p: p.write_bytes(b"\xff\xfe{}"), "not valid UTF-8"),
    "run.json nested": ("run.json", lambda p: p.write_text("[" * 100_000), "not valid JSON"),
    "run.json shape": ("run.json", lambda p: p.write_text('{"config": 1}'), "not the run.json"),
    "table deleted": ("claims.csv", Path.unlink, "cannot be read"),
    "table cut short": ("facts.csv", lambda p: _truncate(p, 100), "100 bytes where"),
    "table not UTF-8": ("sources.csv", _bad_byte, r"line \d+: not valid UTF-8"),
}


def copy(shards: Path, tmp_path: Path) -> Path:
    shutil.copytree(shards, tmp_path / "shards")
    return tmp_path / "shards"


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_shard_is_one_line_exit_2_and_nothing_merged(
    shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    name, hurt, message = DAMAGES[damage]
    folders = copy(shards, tmp_path)
    hurt(folders / "1" / name)
    out = tmp_path / "merged"
    assert main([str(folders / "0"), str(folders / "1"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: {folders / '1' / name}"), err
    assert re.search(message, err) and "run that shard again" in err, err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_the_verb_on_a_damaged_shard_prints_no_traceback(shards: Path, tmp_path: Path) -> None:
    folders = copy(shards, tmp_path)
    _last_line_torn(folders / "0" / INDEX)
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "merge", str(folders)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"error: merge: {folders / '0' / INDEX}: line 3: not valid")
    assert not (folders / "merged").exists()


def _refuse(code: int) -> Callable[..., Any]:
    def refuse(*args: Any) -> None:
        raise OSError(code, os.strerror(code))

    return refuse


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_full_disk_leaves_no_merged_folder(
    shards: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    step: str,
) -> None:
    out = tmp_path / "merged"
    monkeypatch.setattr(os, step, _refuse(errno.ENOSPC))
    assert main([str(shards / "0"), str(shards / "1"), "--out", str(out)]) == ENVIRONMENT
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: cannot write {out} (No space left on device)")
    assert not out.exists()


def test_a_failed_overwrite_keeps_the_run_that_was_there(
    shards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "merged"
    assert main([str(shards / "0"), str(shards / "1"), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    monkeypatch.setattr(os, "fsync", _refuse(errno.ENOSPC))
    assert (
        main([str(shards / "0"), str(shards / "1"), "--out", str(out), "--overwrite"])
        == ENVIRONMENT
    )
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_out_path_under_a_file_is_one_line(
    shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    out = tmp_path / "file" / "merged"
    assert main([str(shards / "0"), str(shards / "1"), "--out", str(out)]) == 2
    assert capsys.readouterr().err.startswith(f"error: merge: cannot write {out} (")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "not a folder\n"


def test_merged_equals_the_single_run(shards: Path, tmp_path: Path) -> None:
    """The checks accept what a real sharded run writes, and merge still lays it out whole."""
    single = tmp_path / "single"
    evaluate(config(events(tmp_path / "events.jsonl")), single)
    assert main([str(shards), "--out", str(tmp_path / "merged")]) == 0
    for name in (*TABLES, "summary.md"):
        assert (tmp_path / "merged" / name).read_bytes() == (single / name).read_bytes()
    assert "NaN" not in (single / "summary.csv").read_text(encoding="utf-8")  # real scores


def _shards_of_a_changed_input(tmp_path: Path) -> Path:
    """Shards 0 and 1 of three run on six events, shard 2 after the first line was removed:
    merged, event ev3 would be there twice and ev2, ev5 missing."""
    corpus = events(tmp_path / "events.jsonl", 6)
    for shard in (0, 1):
        evaluate(config(corpus, shard, 3), tmp_path / "shards" / str(shard))
    corpus.write_text("".join(corpus.read_text().splitlines(keepends=True)[1:]))
    evaluate(config(corpus, 2, 3), tmp_path / "shards" / "2")
    return tmp_path / "shards"


def _without_inputs(folder: Path) -> None:
    """run.json as an evalkit from before runs recorded their inputs wrote it."""
    manifest = json.loads((folder / "run.json").read_text())
    del manifest["inputs"]
    (folder / "run.json").write_text(json.dumps(manifest))


def test_shards_of_a_changed_input_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shards = _shards_of_a_changed_input(tmp_path)
    assert main([str(shards)]) == 2
    assert capsys.readouterr().err == (
        f"error: merge: {shards / '2'} read another data.sources than {shards / '0'} (sha256 "
        "differs); run every shard on the same input\n"
    )
    _without_inputs(shards / "2")
    assert main([str(shards)]) == 2
    assert f"{shards / '2'} records no sha256 of its input" in capsys.readouterr().err
    for shard in ("0", "1"):  # older shards, none with a digest: merged on their event ids
        _without_inputs(shards / shard)
    assert main([str(shards)]) == 2
    assert capsys.readouterr().err == (
        f"error: merge: event 'ev3' is in {shards / '0'} and {shards / '2'}; merge the shards "
        "of one run over one input\n"
    )
    assert not (shards / "merged").exists()


@pytest.mark.parametrize(
    ("out", "where"), [("0", "is"), ("0/merged", "lies inside"), (".", "holds")]
)
def test_an_out_among_the_shards_is_refused(
    shards: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str, where: str
) -> None:
    folders = copy(shards, tmp_path)
    before = {p: p.read_bytes() for p in folders.rglob("*") if p.is_file()}
    target = folders / out
    assert main([str(folders), "--out", str(target), "--overwrite"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: merge: --out {target} {where} the shard {folders / '0'}")
    assert {p: p.read_bytes() for p in folders.rglob("*") if p.is_file()} == before
