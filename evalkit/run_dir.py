"""A run folder: refuse to overwrite or restart one unless told to, and on a failure or an
interrupt leave it complete, resumable or gone, never half-written."""

from __future__ import annotations

import shutil
import signal
import sys
from collections.abc import Iterator
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


def _remove_if_empty(run_dir: Path) -> None:
    """Remove a run folder that holds nothing but what Hydra and a failed run put there."""
    if run_dir.is_dir() and all(
        p.name in HYDRA_FILES or p.name.startswith(".") and p.name.endswith(".tmp")
        for p in run_dir.iterdir()
    ):
        shutil.rmtree(run_dir, ignore_errors=True)


@contextmanager
def guarded(run_dir: Path) -> Iterator[None]:
    """Turn any failure or interrupt into one line and an exit code (see evalkit.errors),
    removing a run folder that holds nothing yet."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    except KeyboardInterrupt:
        _remove_if_empty(run_dir)
        if (run_dir / "run.json").exists():
            print(
                f"interrupted while writing the report: the tables in {run_dir} are complete; "
                f"rebuild the report with `evalkit report {run_dir}`",
                file=sys.stderr,
            )
        elif (run_dir / JOURNAL).exists():
            print(
                f"interrupted: finished events kept in {run_dir}; continue with "
                f"resume=true hydra.run.dir={run_dir}",
                file=sys.stderr,
            )
        else:
            print(f"interrupted: no results written to {run_dir}", file=sys.stderr)
        sys.exit(130)
    except Exception as err:
        _remove_if_empty(run_dir)
        if (run_dir / "run.json").exists():
            fail(
                err,
                f"the tables in {run_dir} are complete; rebuild the report with "
                f"`evalkit report {run_dir}`",
            )
        if (run_dir / JOURNAL).exists():
            fail(err, f"finished events kept in {run_dir}; continue with resume=true")
        fail(err)
    finally:
        signal.signal(signal.SIGTERM, previous)
