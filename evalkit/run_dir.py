"""A run folder: refuse to overwrite or restart one unless told to, and on a failure or an
interrupt leave it complete, resumable or gone, never half-written."""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import shutil
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evalkit.config import DataConfig
from evalkit.errors import InputError, fail
from evalkit.files import placed
from evalkit.report import JOURNAL, MARKER
from evalkit.stages.load import references_path, sources_path

LOCK = ".evalkit.lock"  # the pid of the `run` writing into the folder, while it runs
HYDRA_FILES = {".hydra", MARKER, LOCK}
FULL = (errno.ENOSPC, errno.EDQUOT)  # errors of a write, whatever file it was


def input_paths(data: DataConfig) -> dict[str, Path]:
    """The files and folders a run reads, by the option naming them: data.sources (its
    candidates/ included), data.candidates and data.references when given apart from it."""
    sources = sources_path(data)
    paths = {"data.sources": sources}
    if data.candidates not in (None, "auto"):
        paths["data.candidates"] = Path(data.candidates).expanduser()
    references = references_path(data, sources) if data.references is not None else None
    if references is not None:
        paths["data.references"] = references
    return paths


def check_apart(folder: Path, data: DataConfig, key: str = "hydra.run.dir") -> None:
    """Refuse an output folder that is, holds or lies inside an input of the run: evalkit and
    Hydra would write into the user's input (and a later run would read what they wrote)."""
    for option, path in input_paths(data).items():
        if where := placed(folder, path):
            raise InputError(
                f"{key}: {folder} {where} {option} ({path}); choose a folder apart from the inputs"
            )


def check_run_dir(run_dir: Path, overwrite: bool, resume: bool = False) -> None:
    """Refuse to overwrite a finished run, or to restart an unfinished one, unless told to."""
    if (run_dir / "run.json").exists() and not overwrite:
        raise InputError(
            f"hydra.run.dir: {run_dir} already holds a finished run; choose another folder "
            "or pass overwrite=true"
        )
    if (run_dir / JOURNAL).exists() and not resume and not overwrite:
        raise InputError(
            f"hydra.run.dir: {run_dir} holds an unfinished run; pass resume=true to continue "
            "it or overwrite=true to start again"
        )


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def in_use(run_dir: Path) -> None:
    """Refuse a run folder another live `run` holds (see `hold`)."""
    try:
        text = (run_dir / LOCK).read_text(encoding="utf-8").strip()
    except OSError:
        return  # no lock (or none readable): free
    pid = int(text) if text.isdigit() else None
    if pid == os.getpid():
        return
    if pid is not None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return  # its run was killed: the lock is stale
        except PermissionError:
            pass  # alive, another user's
    raise InputError(
        f"hydra.run.dir: {run_dir} is in use by another run (process {pid or '?'}, see "
        f"{run_dir / LOCK}); wait for it to end or choose another folder"
    )


def hold(run_dir: Path) -> None:
    """Mark `run_dir` as this process's until it exits (a lock file with its pid), so a second
    `run` started into it is refused before Hydra rewrites its .hydra/. A stale lock (its
    process gone) is taken over; a folder that cannot be made is left to Hydra to report."""
    path = run_dir / LOCK
    for _ in range(2):
        try:
            run_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            in_use(run_dir)
            path.unlink(missing_ok=True)  # stale: take it over
            continue
        except OSError:
            return
        with open(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        atexit.register(_release, path)
        return


def _release(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.read_text(encoding="utf-8").strip() == str(os.getpid()):
            path.unlink()


def remove_if_empty(run_dir: Path, made: Sequence[Path] = (), existed: bool = False) -> None:
    """Remove a run folder that holds nothing but what Hydra and a failed run put there (only
    what they put there, if the folder `existed` before this command), and the folders above
    it that this command `made` (such as `results/`) if that left them empty."""
    if run_dir.is_dir() and all(
        p.name in HYDRA_FILES or p.name.startswith(".") and p.name.endswith(".tmp")
        for p in run_dir.iterdir()
    ):
        if not existed:
            shutil.rmtree(run_dir, ignore_errors=True)
        else:  # the user's folder: only what Hydra and the run put in it goes
            for path in run_dir.iterdir():
                with contextlib.suppress(OSError):
                    if path.is_dir():
                        shutil.rmtree(path)
                    else:
                        path.unlink()
    for folder in sorted(made, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty, or gone: leave it
            folder.rmdir()


# The options that name where a verb writes (Hydra's).
OUTPUT_DIRS = ("hydra.run.dir", "hydra.sweep.dir")


def named_folders(argv: Sequence[str], keys: Sequence[str] = OUTPUT_DIRS) -> list[str]:
    """The output folders the command line names with `keys`, as written, in order."""
    prefixes = tuple(f"{key}=" for key in keys)
    return [a.split("=", 1)[1] for a in argv if a.startswith(prefixes)]


def missing_folders(argv: Sequence[str]) -> list[Path]:
    """The folders a run's output folder would add above it (absent now), from the command
    line's `hydra.run.dir` / `hydra.sweep.dir` or the default `results/...`."""
    chosen = named_folders(argv)
    fixed = Path(chosen[-1].split("$", 1)[0] if chosen else "results/")
    return [p.absolute() for p in (fixed, *fixed.parents) if str(p) != "." and not p.exists()]


def existing_folders(argv: Sequence[str]) -> set[str]:
    """The output folders the command line names (no `${...}` in them) that exist now: a
    failed run into one leaves the folder (the user made it), removing only what it added."""
    return {os.path.abspath(c) for c in named_folders(argv) if "$" not in c and Path(c).is_dir()}


def _kept(run_dir: Path) -> str:
    """What a run that stopped early leaves in its folder, and what to do with it ("" if none)."""
    if (run_dir / "run.json").exists():
        return (
            f"the tables in {run_dir} are complete; rebuild the report with "
            f"`evalkit report {run_dir}`"
        )
    if (run_dir / JOURNAL).exists():
        return (
            f"finished events kept in {run_dir}; continue with resume=true hydra.run.dir={run_dir}"
        )
    return ""


def name_full_disk(err: BaseException, run_dir: Path) -> None:
    """A write's ENOSPC names no file: name the run folder, whose disk is full (the cache's
    writes only warn), so the line says which disk to free."""
    if isinstance(err, OSError) and err.errno in FULL and not err.filename:
        err.filename = str(run_dir)


@contextmanager
def guarded(run_dir: Path, made: Sequence[Path] = (), existed: bool = False) -> Iterator[None]:
    """Turn any failure or interrupt into one line and an exit code (see evalkit.errors),
    removing a run folder that holds nothing yet (and the empty folders above it that this
    command `made`; only its contents if it `existed` before the command)."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    except KeyboardInterrupt:
        remove_if_empty(run_dir, made, existed)
        print(
            f"interrupted: {_kept(run_dir) or f'no results written to {run_dir}'}", file=sys.stderr
        )
        sys.exit(130)
    except Exception as err:
        remove_if_empty(run_dir, made, existed)
        name_full_disk(err, run_dir)
        # after the tables, an InputError is the report's, which says they are complete
        done = isinstance(err, InputError) and (run_dir / "run.json").exists()
        fail(err, "" if done else _kept(run_dir))
    finally:
        signal.signal(signal.SIGTERM, previous)
