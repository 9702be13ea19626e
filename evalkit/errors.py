"""How evalkit fails: every error ends as one line on stderr and a documented exit code.

| code | meaning |
|---|---|
| 0 | done |
| 1 | an internal error (a bug in evalkit): one line, and the full trace saved to a file |
| 2 | a mistake the user can fix: a bad option, input file or path |
| 3 | the environment failed: disk full, out of memory, an I/O error |
| 130 | interrupted (Ctrl-C, SIGTERM) |

`InputError` is raised for user mistakes; `boundary` is the one place that turns any exception
into its line and code, so no verb ever prints a Python traceback.
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Mapping
from typing import NoReturn, TypeVar

USER, INTERNAL, ENVIRONMENT = 2, 1, 3
T = TypeVar("T")

# errno -> what the user can do about it. Errors of the machine, not of a path the user chose.
_ENVIRONMENT = {
    errno.ENOSPC: "free disk space or choose a folder on another disk",
    errno.EDQUOT: "free space within your disk quota or choose another folder",
    errno.EIO: "the disk reported an I/O error; check it or choose another folder",
    errno.ENOMEM: "free memory or run fewer events at once (embedder.event_batch)",
    errno.EMFILE: "too many open files; raise the limit (ulimit -n) and run again",
    errno.ENFILE: "too many open files on this machine; close programs and run again",
}
# A path the user gave (or its parent) that cannot be used as evalkit needs it.
_PATH = {
    errno.EACCES: "no permission; choose a folder you can write to or fix its permissions",
    errno.EPERM: "not permitted; choose a folder you can write to or fix its permissions",
    errno.EROFS: "the disk is read-only; choose a writable folder",
    errno.ENOTDIR: "a file stands where a folder is needed; choose another path",
    errno.EEXIST: "a file stands where a folder is needed; choose another path",
    errno.EISDIR: "a folder stands where a file is needed; choose another path",
    errno.ENOENT: "check the path",  # strerror already says what is missing
    errno.ENAMETOOLONG: "the name is too long for this file system; choose a shorter path",
    errno.ELOOP: "too many symbolic links; choose another path",
}


class InputError(Exception):
    """Bad input or option: the message names the file or option and what to do.

    `code` is USER, or ENVIRONMENT for a place that failed (see `cannot`)."""

    def __init__(self, message: str, code: int = USER) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[InputError], tuple[str, int]]:
        return InputError, (str(self), self.code)  # its code too, from an event worker


def cannot(err: OSError, message: str) -> InputError:
    """`message` (what could not be done, and what to do) for an OSError, with the exit code
    its errno calls for: a full disk is the environment's failure, a bad path the user's."""
    return InputError(message, USER if err.errno in _PATH else ENVIRONMENT)


def explain(err: BaseException) -> tuple[int, str]:
    """The exit code and the one line that tell a user what went wrong and what to do."""
    if isinstance(err, InputError):
        return err.code, _flat(str(err))
    if isinstance(err, MemoryError):
        return ENVIRONMENT, f"out of memory; {_ENVIRONMENT[errno.ENOMEM]}"
    if isinstance(err, OSError):
        code = USER if err.errno in _PATH else ENVIRONMENT
        return code, f"{_where(err)}{err.strerror or err}; {advice(err)}"
    return INTERNAL, f"internal error ({type(err).__name__}: {_flat(str(err))[:200]})"


def advice(err: OSError) -> str:
    """What a user can do about an OSError, by its errno (a full disk, a file in the way)."""
    return (
        _ENVIRONMENT.get(err.errno or 0)
        or _PATH.get(err.errno or 0)
        or "check the path and the disk"
    )


def _where(err: OSError) -> str:
    return f"{_flat(str(err.filename))}: " if err.filename else ""


def _flat(text: str) -> str:
    """One line: newlines and runs of spaces in a message become single spaces."""
    return " ".join(text.split())


def report_error(err: BaseException, kept: str = "") -> int:
    """Print `err` as one line (an internal error with where its trace went, then what was
    `kept` of the run); its exit code."""
    code, line = explain(err)
    line += f"; {kept}" if kept else ""
    if code == INTERNAL:
        line += f"; please report it with the trace saved in {_save_trace(err)}"
    print(f"error: {line}", file=sys.stderr)
    return code


def fail(err: BaseException, kept: str = "") -> NoReturn:
    """`report_error` the error and exit with its code."""
    sys.exit(report_error(err, kept))


def _save_trace(err: BaseException) -> str:
    """Write the full traceback to a file in the temp folder; its path, or why not."""
    text = "".join(traceback.format_exception(err))
    name = f"evalkit-error-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    try:
        path = os.path.join(tempfile.gettempdir(), name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as write_err:
        return f"(nowhere: {write_err.strerror})"
    return path


def boundary(verb: Callable[[], int | None]) -> NoReturn:
    """Run a verb and exit with its code; any exception becomes one line and its exit code."""
    try:
        code = verb()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except BaseException as err:  # noqa: BLE001 - the one place every failure is reported
        fail(err)
    sys.exit(code or 0)


def registered(registry: Mapping[str, T], kind: str, name: str) -> T:
    """A plugin by its config name; an unknown one is refused before any work, with the list
    of valid names ("unknown verifier 'nil'; choose from: cosine, embedding")."""
    if name not in registry:
        raise InputError(f"unknown {kind} '{name}'; choose from: {', '.join(sorted(registry))}")
    return registry[name]
