"""The one boundary: every failure is one line and a documented exit code, never a traceback."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evalkit import report as report_module
from evalkit.cache import DiskCache
from evalkit.config import Config
from evalkit.errors import ENVIRONMENT, INTERNAL, USER, InputError, boundary, explain
from evalkit.report import JOURNAL, MARKER, RunWriter
from evalkit.run import evaluate
from evalkit.run_dir import guarded

ARTICLES = [
    {"id": "a", "text": "The mayor of Springfield resigned on Friday. She denied wrongdoing."},
    {"id": "b", "text": "Springfield's mayor quit on Friday. The council meets next week."},
]
FAST = [
    "embedder=hashed",
    "entail=none",
    "cache.enabled=false",
    "report.html=false",
    "report.plots=false",
]


def events_file(tmp_path: Path, n: int = 2) -> Path:
    path = tmp_path / "events.jsonl"
    lines = [json.dumps({"event_id": f"e{i}", "articles": ARTICLES}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evalkit", "run", *FAST, *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize(
    ("err", "code", "says"),
    [
        (InputError("data.sources: x does not exist"), USER, "data.sources: x does not exist"),
        (OSError(errno.ENOSPC, "No space left on device", "/r/t.csv"), ENVIRONMENT, "/r/t.csv"),
        (OSError(errno.EEXIST, "File exists", "/r"), USER, "a file stands where a folder"),
        (PermissionError(errno.EACCES, "Permission denied", "/r"), USER, "no permission"),
        (
            FileNotFoundError(errno.ENOENT, "No such file or directory", "/proc/r"),
            USER,
            "/proc/r: No such file or directory; check the path",
        ),
        (MemoryError(), ENVIRONMENT, "out of memory"),
        (RecursionError("too deep\nreally"), INTERNAL, "internal error (RecursionError"),
    ],
)
def test_every_exception_has_one_line_and_its_code(
    err: BaseException, code: int, says: str
) -> None:
    got, line = explain(err)
    assert got == code and says in line and "\n" not in line


def test_an_internal_error_saves_its_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))

    def broken() -> int:
        raise ValueError("a bug")

    with pytest.raises(SystemExit) as exit_info:
        boundary(broken)
    assert exit_info.value.code == INTERNAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (ValueError: a bug)" in err
    (trace,) = tmp_path.glob("evalkit-error-*.txt")
    assert str(trace) in err and "Traceback" in trace.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", ["file", "under_file", "proc"])
def test_an_unusable_run_folder_is_one_line(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    run_dir = {
        "file": blocker,
        "under_file": blocker / "run",
        "proc": Path("/proc/evalkit-run"),  # no one may create folders here, root included
    }[where]
    done = cli_run(f"data.sources={events_file(tmp_path)}", f"hydra.run.dir={run_dir}")
    assert done.returncode == USER, done.stderr
    assert done.stderr.count("\n") == 1 and str(run_dir) in done.stderr
    assert "Traceback" not in done.stderr and blocker.read_text(encoding="utf-8") == "x"


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> None:
    """RunWriter.add fails with ENOSPC from its `calls`-th call on, as on a full disk."""
    real = RunWriter.add
    seen = []

    def add(self: RunWriter, *args: object, **kwargs: object) -> None:
        seen.append(1)
        if len(seen) >= calls:
            raise OSError(errno.ENOSPC, "No space left on device", str(self.run_dir))
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RunWriter, "add", add)


def _run_two_events(
    cfg: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, int | str | None, str]:
    """Run two events inside the CLI's boundary: the run folder, exit code and stderr."""
    cfg.data.sources = str(events_file(tmp_path))
    cfg.report.html = cfg.report.plots = False
    run_dir = tmp_path / "run"
    with pytest.raises(SystemExit) as exit_info, guarded(run_dir):
        evaluate(cfg, run_dir)
    return run_dir, exit_info.value.code, capsys.readouterr().err


@pytest.mark.parametrize("calls", [1, 2])
def test_a_full_disk_during_the_tables_is_one_line_and_marks_the_run(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    calls: int,
) -> None:
    _disk_full_after(monkeypatch, calls)
    run_dir, code, err = _run_two_events(fast_cfg, tmp_path, capsys)
    assert code == ENVIRONMENT
    assert err.count("\n") == 1 and "No space left on device" in err and "free disk" in err
    if calls == 1:  # nothing finished: no folder left behind
        assert not run_dir.exists()
    else:  # one event finished: kept for resume, and the folder says it is incomplete
        assert (run_dir / MARKER).exists() and (run_dir / JOURNAL).exists()
        assert not (run_dir / "summary.csv").exists() and "resume=true" in err


def test_a_full_disk_while_writing_the_report_keeps_the_tables(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    fast_cfg.data.sources = str(events_file(tmp_path, 1))

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "report.html")

    monkeypatch.setattr("evalkit.html_report.build_report", full)
    run_dir = tmp_path / "run"
    with pytest.raises(SystemExit) as exit_info, guarded(run_dir):
        evaluate(fast_cfg, run_dir)
    assert exit_info.value.code == ENVIRONMENT
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"evalkit report {run_dir}" in err
    assert (run_dir / "summary.csv").exists() and not (run_dir / MARKER).exists()


def test_a_cache_dir_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    run_dir = tmp_path / "run"
    done = cli_run(
        f"data.sources={events_file(tmp_path)}",
        "cache.enabled=true",
        f"cache.dir={blocker}",
        f"hydra.run.dir={run_dir}",
    )
    assert done.returncode == USER and done.stderr.count("\n") == 1, done.stderr
    assert f"cache.dir: {blocker} is a file" in done.stderr and not run_dir.exists()


def test_a_cache_the_disk_refuses_warns_once_and_costs_no_result(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = DiskCache(tmp_path / "cache", "hashed", 1 << 20)
    events = DiskCache(tmp_path / "cache", "events-hashed", 1 << 20)  # as a run has both
    store.folder.parent.mkdir(parents=True)
    for blocked in (store, events):
        blocked.folder.write_text("in the way", encoding="utf-8")  # every write now fails
    vectors = np.eye(3, dtype=np.float32)
    store.put((bytes([i]) * 16, vectors[i]) for i in range(3))
    store.put([(b"k" * 16, vectors[0])])
    events.put([(b"e" * 16, vectors[1])])
    assert store.written == events.written == 0 and store.get(b"k" * 16) is None
    assert len([r for r in caplog.records if "cannot write" in r.message]) == 1
    names = sorted(p.name for p in store.folder.parent.iterdir())
    assert names == sorted([store.folder.name, events.folder.name])  # no temp file left


@pytest.mark.parametrize("calls", [1, 2])
def test_a_full_disk_inside_the_abort_path_is_still_one_line(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    calls: int,
) -> None:
    """The disk is full when the tables fail and again when abort closes them."""
    _disk_full_after(monkeypatch, calls)
    real_init = RunWriter.__init__

    def init(self: RunWriter, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        for handle in [*self._handles.values(), self._journal]:
            full = OSError(errno.ENOSPC, "No space left on device")
            monkeypatch.setattr(handle, "close", lambda full=full: (_ for _ in ()).throw(full))

    monkeypatch.setattr(RunWriter, "__init__", init)
    run_dir, code, err = _run_two_events(fast_cfg, tmp_path, capsys)
    assert code == ENVIRONMENT
    assert err.count("\n") == 1 and "No space left on device" in err
    if calls == 1:  # nothing finished: the folder goes, and no resume is offered
        assert not run_dir.exists() and "resume" not in err
    else:
        assert "resume=true" in err and (run_dir / MARKER).exists()
        assert (run_dir / JOURNAL).exists()


@pytest.mark.parametrize("given", [[], ["hydra.run.dir=out/a/b"]])
def test_a_refused_run_leaves_no_folder_it_made(tmp_path: Path, given: list[str]) -> None:
    """Not the run folder, and not `results/` (or the other folders above it) either."""
    work = tmp_path / "work"
    (work / "mine").mkdir(parents=True)  # the user's own empty folder stays
    done = subprocess.run(
        [sys.executable, "-m", "evalkit", "run", *FAST, "data.references=/nowhere", *given],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=work,
    )
    assert done.returncode == USER and "data.references" in done.stderr
    assert [p.name for p in work.iterdir()] == ["mine"]


def test_a_full_disk_names_the_run_folder(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A write's OSError names no file: the line names the run folder, whose disk is full."""
    real = RunWriter.add

    def add(self: RunWriter, *args: object, **kwargs: object) -> None:
        if self.done:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(RunWriter, "add", add)
    run_dir, code, err = _run_two_events(fast_cfg, tmp_path, capsys)
    assert code == ENVIRONMENT and err.count("\n") == 1
    assert err.startswith(f"error: {run_dir}: No space left on device; free disk space")


def test_a_full_disk_while_run_json_is_written_leaves_a_run_to_resume(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """run.json is the last write that needs space: it is written before any table is put in
    place, so the disk filling there leaves the run resumable, and the line says so."""
    real = report_module._atomic_write

    def write(path: Path, data: str | bytes) -> None:
        if "run.json" in path.name:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(report_module, "_atomic_write", write)
    run_dir, code, err = _run_two_events(fast_cfg, tmp_path, capsys)
    assert code == ENVIRONMENT and err.count("\n") == 1
    assert f"continue with resume=true hydra.run.dir={run_dir}" in err
    assert (run_dir / JOURNAL).exists() and not (run_dir / "summary.csv").exists()
    monkeypatch.undo()
    fast_cfg.resume = True
    evaluate(fast_cfg, run_dir)
    assert (run_dir / "run.json").exists() and not (run_dir / MARKER).exists()


@pytest.mark.parametrize(
    ("errno_code", "advice"),
    [(errno.ENOSPC, "free disk space"), (errno.EISDIR, "a folder stands where a file is")],
)
def test_a_failed_report_says_once_what_was_kept(
    fast_cfg: Config,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    errno_code: int,
    advice: str,
) -> None:
    def refuse(path: Path, data: str | bytes) -> None:
        raise OSError(errno_code, os.strerror(errno_code))

    fast_cfg.report.html = True
    monkeypatch.setattr("evalkit.html_report.atomic_write", refuse)
    fast_cfg.data.sources = str(events_file(tmp_path, 1))
    run_dir = tmp_path / "run"
    with pytest.raises(SystemExit), guarded(run_dir):
        evaluate(fast_cfg, run_dir)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.count("rebuild the report") == 1, err
    assert advice in err and ("free" in err) == (errno_code == errno.ENOSPC), err
    assert (run_dir / "summary.csv").exists() and not (run_dir / MARKER).exists()
