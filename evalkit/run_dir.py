"""A run folder: refuse to overwrite or restart one unless told to, and on a failure or an
interrupt leave it complete, resumable or gone, never half-written."""

from __future__ import annotations

import contextlib
import shutil
import signal
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evalkit.errors import InputError, fail
from evalkit.report import JOURNAL, MARKER

HYDRA_FILES = {".hydra", MARKER}


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


def _remove_if_empty(run_dir: Path, made: Sequence[Path] = ()) -> None:
    """Remove a run folder that holds nothing but what Hydra and a failed run put there, and
    the folders above it that this command `made` (such as `results/`) if that left them empty."""
    if run_dir.is_dir() and all(
        p.name in HYDRA_FILES or p.name.startswith(".") and p.name.endswith(".tmp")
        for p in run_dir.iterdir()
    ):
        shutil.rmtree(run_dir, ignore_errors=True)
    for folder in sorted(made, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty, or gone: leave it
            folder.rmdir()


def missing_folders(argv: Sequence[str]) -> list[Path]:
    """The folders a run's output folder would add above it (absent now), from the command
    line's `hydra.run.dir` / `hydra.sweep.dir` or the default `results/...`."""
    keys = ("hydra.run.dir=", "hydra.sweep.dir=")
    chosen = [a.split("=", 1)[1] for a in argv if a.startswith(keys)]
    fixed = Path(chosen[-1].split("$", 1)[0] if chosen else "results/")
    return [p.absolute() for p in (fixed, *fixed.parents) if str(p) != "." and not p.exists()]


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


@contextmanager
def guarded(run_dir: Path, made: Sequence[Path] = ()) -> Iterator[None]:
    """Turn any failure or interrupt into one line and an exit code (see evalkit.errors),
    removing a run folder that holds nothing yet (and the empty folders above it that this
    command `made`)."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    except KeyboardInterrupt:
        _remove_if_empty(run_dir, made)
        print(
            f"interrupted: {_kept(run_dir) or f'no results written to {run_dir}'}", file=sys.stderr
        )
        sys.exit(130)
    except Exception as err:
        _remove_if_empty(run_dir, made)
        fail(err, _kept(run_dir))
    finally:
        signal.signal(signal.SIGTERM, previous)
