"""The Python API: `evalkit run` as a library, with the same configuration, checks and tables.

    from evalkit import Evaluator
    ev = Evaluator(embedder="hashed", scoring={"unsupported_penalty": 0.2})
    result = ev("my_event/")            # or events.jsonl, or a list of event dicts
    result.to_pandas("summary")
    result.write("results/my_run")      # the CLI's tables, byte for byte

Settings are the command line's overrides as keyword arguments: `embedder="hashed"` is
`embedder=hashed`; a section's fields go as a dict (`scoring={"unsupported_penalty": 0.2}`) or
a dotted key (`**{"scoring.unsupported_penalty": 0.2}`). They are composed by Hydra from the
packaged conf/ and checked as `evalkit run` checks them (evalkit.cli.compose), so a mistake is
the same one-line InputError. Events are read by the loader and scored and written by the
functions the run verb uses (evalkit.run), so nothing here parses, scores or formats a cell.
"""

from __future__ import annotations

import contextlib
import dataclasses
import numbers
import os
import re
import time
from collections.abc import Iterable, Mapping
from contextlib import closing
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from evalkit.cli import compose
from evalkit.columns import PAIRS, SOURCES, SUMMARY, SYSTEMS, TABLES, TEXT, Table, fmt
from evalkit.config import Config
from evalkit.errors import InputError, cannot
from evalkit.files import input_digest
from evalkit.pipeline import Resources, Timings
from evalkit.records import Event, EventResult
from evalkit.report import rows, skipped_row, systems_config
from evalkit.run import finish_run, open_writer, record, score_events, write_report
from evalkit.run_dir import check_run_dir, input_paths
from evalkit.run_reader import Line, Run
from evalkit.run_reader import load_run as read_run
from evalkit.stages.coverage import build_matcher
from evalkit.stages.load import BadEvent, read_events
from evalkit.systems import Systems, systems_tables
from evalkit.verifiers import build_verifier

__all__ = ["Evaluator", "Result", "evaluate", "load_run"]

# Sections whose settings the loaded models depend on: fixed for an Evaluator's life.
MODEL_SECTIONS = ("embedder", "entail", "cache")
IN_MEMORY = "(in memory)"  # data.sources / data.candidates as run.json records records given
# Every table a run has: per event, and across events (the systems of a run of several events).
ALL_TABLES: dict[str, Table[Any]] = {**TABLES, SYSTEMS.file: SYSTEMS, PAIRS.file: PAIRS}


def to_overrides(settings: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Keyword settings as command-line overrides: nested dicts become dotted keys, strings
    are quoted (taken as written: no sweep, no ${...}), None is null."""
    out = []
    for key, value in settings.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out += to_overrides(value, f"{name}.")
        else:
            out.append(f"{name}={_spelt(name, value)}")
    return out


def _spelt(name: str, value: Any) -> str:
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    if isinstance(value, str | os.PathLike):
        text = os.fspath(value)
        if isinstance(text, str):
            return _quoted(text)
    raise InputError(
        f"{name}: a {type(value).__name__} is not a setting; give a string, a number, "
        "True/False or None"
    )


def _quoted(text: str) -> str:
    """A string in Hydra's override grammar, read back as exactly `text`."""
    text = re.sub(r"(\\*)'", lambda m: m[1] * 2 + "\\'", text)  # quotes and the \ before them
    text = re.sub(r"(\\*)\$\{", lambda m: m[1] * 2 + "\\${", text)  # no interpolation
    return "'" + re.sub(r"(\\+)$", lambda m: m[1] * 2, text) + "'"


class Evaluator:
    """Scores events under one configuration; its models load once, on the first call that
    needs them, and serve every call. A call may change any setting but the models'
    (embedder, entail, cache)."""

    def __init__(self, **settings: Any) -> None:
        self._settings = to_overrides(settings)
        self.config: Config = compose(self._settings)
        self._resources = Resources.build(self.config)

    def __call__(self, sources: Any, candidates: Any = None, **settings: Any) -> Result:
        """Score the events of `sources`: a folder of .txt articles (one event), an events
        JSONL, or events in memory (dicts shaped like a JSONL line, or Event records); None
        keeps data.sources as configured.
        `candidates`, when given, replaces data.candidates: a folder, a .jsonl or .csv, a
        folder of <system>.jsonl files, or dicts shaped like a candidates line."""
        started = time.perf_counter()
        paths: dict[str, str] = {}
        events = _given(sources, "data.sources", paths)
        given = _given(candidates, "data.candidates", paths)
        cfg = compose(self._settings + to_overrides(paths) + to_overrides(settings))
        for section in MODEL_SECTIONS:
            if getattr(cfg, section) != getattr(self.config, section):
                raise InputError(
                    f"{section}: a call cannot change the models this Evaluator loaded; give "
                    f"the {section} settings to Evaluator(...) instead"
                )
        if events is not None:
            cfg.data.sources = IN_MEMORY
        if given is not None:
            cfg.data.candidates = IN_MEMORY
        res = dataclasses.replace(  # judgement settings are the call's, the models are kept
            self._resources,
            verifier=build_verifier(cfg.verifier),
            matcher=build_matcher(cfg.coverage),
            timings=Timings(),
        )
        read = read_events(cfg.data, cfg.shard, cfg.num_shards, events, given)
        with closing(score_events(read, cfg, res)) as scored:
            items = tuple(scored)
        res.timings.seconds["total"] = time.perf_counter() - started
        files = {} if events is not None else input_paths(cfg.data)  # what was read from disk
        files = {k: p for k, p in files.items() if str(p) != IN_MEMORY}
        return Result(_Scored(cfg, items, res, {k: input_digest(p) for k, p in files.items()}))

    evaluate = __call__


def evaluate(sources: Any, candidates: Any = None, **settings: Any) -> Result:
    """Score `sources` once: `Evaluator(**settings)(sources, candidates)`."""
    return Evaluator(**settings)(sources, candidates)


def load_run(run_dir: str | os.PathLike[str]) -> Result:
    """A finished run folder (written by `evalkit run` or Result.write) read back: its tables
    and run.json; the typed records exist only in the process that scored them."""
    return Result(read_run(_folder(run_dir, "run_dir")))


def _folder(value: Any, what: str) -> Path:
    """A folder named by a str or path, else the one-line InputError (not a TypeError)."""
    if not isinstance(value, str | os.PathLike):
        raise InputError(f"{what}: expected a folder path, got {type(value).__name__}")
    return Path(value)


def _given(value: Any, key: str, paths: dict[str, str]) -> list[Any] | None:
    """Records in memory; None for a path (set as the `key` option) or None (the option as
    configured)."""
    if value is None:
        return None
    if isinstance(value, str | os.PathLike):
        paths[key] = os.fspath(value)
        return None
    if isinstance(value, Mapping | Event):
        return [value]
    if not isinstance(value, Iterable) or isinstance(value, bytes | bytearray):
        raise InputError(
            f"{key}: a {type(value).__name__}; pass a path, or a list of dicts (or Events)"
        )
    return list(value)


@dataclass(frozen=True)
class _Scored:
    """What an Evaluator call produced: its config, each input's result by position, and the
    resources it ran with (run.json names the model, counts and timings)."""

    config: Config
    items: tuple[tuple[int, EventResult | BadEvent], ...]
    resources: Resources
    inputs: dict[str, str]  # the sha256 of each input file or folder read (run.json's)


class Result:
    """The scored events of one call (or a finished run read back by `load_run`).

    `events` holds the typed records of each scored event (EventResult: its scores, claims'
    alignments and fact matches, with the evidence behind them), `skipped` the inputs that were
    not scored, `systems` the systems compared across events (evalkit.systems); `cells(table)`
    and `to_pandas(table)` give any table of the run (summary, claims, facts, sources, removed,
    systems, pairs) with exactly the columns of evalkit/columns.py, and `write(run_dir)` writes
    the run folder the CLI writes."""

    def __init__(self, source: _Scored | Run) -> None:
        self._source = source

    def __repr__(self) -> str:
        if isinstance(self._source, Run):
            return f"<evalkit Result read from {self._source.run_dir}>"
        return f"<evalkit Result: {len(self.events)} events scored, {len(self.skipped)} skipped>"

    def _scored(self, what: str) -> _Scored:
        if isinstance(self._source, Run):
            raise InputError(
                f"{what}: a run read back from {self._source.run_dir} holds its tables, not the "
                "typed records; use cells() or to_pandas(), or score the events again"
            )
        return self._source

    @property
    def events(self) -> tuple[EventResult, ...]:
        """Each scored event's typed results, in input order."""
        items = self._scored("events").items
        return tuple(item for _, item in items if isinstance(item, EventResult))

    @property
    def skipped(self) -> tuple[BadEvent, ...]:
        """The inputs not scored (data.bad_events=skip, data.unmatched=report), with why."""
        items = self._scored("skipped").items
        return tuple(item for _, item in items if isinstance(item, BadEvent))

    @cached_property
    def systems(self) -> Systems | None:
        """The candidates that share an id across events, ranked, with every pair compared;
        None when there are none (as systems.csv is then not written)."""
        summary, sources = self.cells(SUMMARY.file)[1:], self.cells(SOURCES.file)[1:]
        return systems_tables(summary, sources, systems_config(self.config))

    @property
    def config(self) -> dict[str, Any]:
        """The resolved configuration, as run.json records it."""
        if isinstance(self._source, Run):
            config: dict[str, Any] = self._source.manifest["config"]
            return config
        return dataclasses.asdict(self._source.config)

    def cells(self, table: str = "summary") -> list[list[str]]:
        """A table's rows as its CSV spells them, header first (the same cells `write` writes)."""
        name = _table(table)
        spec = ALL_TABLES[name]
        if isinstance(self._source, Run):
            return [list(spec.names)] + [
                [x[c] for c in spec.names] for x in _lines(self._source, name)
            ]
        if name not in TABLES:  # systems.csv, pairs.csv: across events
            found = self.systems
            records = () if found is None else found.systems if spec is SYSTEMS else found.pairs
            return [list(spec.names)] + [spec.cells(r) for r in records]
        out = [list(spec.names)]
        for _, item in self._source.items:
            if isinstance(item, EventResult):
                out += [list(map(fmt, row)) for row in rows(item)[name]]
            elif name == SUMMARY.file:  # as RunWriter.skip writes it
                out.append(skipped_row(item.event_id, item.candidate, item.note))
        return out

    def to_pandas(self, table: str = "summary") -> Any:
        """A table as a pandas DataFrame: the table's columns, ids and texts as text, the other
        columns as numbers (NaN where a cell is empty or NaN). Needs pandas (evalkit[pandas])."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError(
                "Result.to_pandas needs pandas; install it with: pip install 'evalkit[pandas]'"
            ) from None
        header, *body = self.cells(table)
        frame = pd.DataFrame(body, columns=header, dtype=object)
        for name in header:
            if name in TEXT:  # ids such as "001" stay ids
                frame[name] = frame[name].astype(str)
                continue
            with contextlib.suppress(ValueError, TypeError):  # a column of text stays text
                frame[name] = pd.to_numeric(frame[name].replace("", "NaN"))
        return frame

    def write(self, run_dir: str | os.PathLike[str]) -> Path:
        """Write the run folder `evalkit run` writes for the same events and settings (its
        tables byte for byte, run.json, and report.html / plots as `report.*` says). A folder
        holding a finished run is refused unless the settings say overwrite=True."""
        scored = self._scored("write")
        folder = _folder(run_dir, "run_dir")
        if not str(run_dir).strip():
            raise InputError("run_dir is empty; name the folder to write the run into")
        cfg = scored.config
        check_run_dir(folder, cfg.overwrite, cfg.resume)
        made = not folder.exists()
        try:
            writer = open_writer(folder, cfg, scored.inputs)
        except OSError as err:  # a file in its place, a path under a file, a place not writable
            raise cannot(
                err, f"run_dir: cannot write {folder} ({err.strerror or err}); choose another"
            ) from None
        done = {entry["position"] for entry in writer.done}  # resume=true: kept, not repeated
        try:
            for position, item in scored.items:
                if position not in done:
                    record(writer, position, item)
            finish_run(writer, cfg, scored.resources, scored.resources.timings, len(done))
        except BaseException:
            writer.abort()
            if made:
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only when nothing was kept
            raise
        write_report(cfg, folder)
        return folder


def _lines(run: Run, name: str) -> list[Line]:
    """A table's rows as run_reader read them, in the file's order."""
    stem = name.removesuffix(".csv")
    if name not in TABLES:  # across events
        across: list[Line] = getattr(run, stem)
        return across
    return sorted((x for event in run.events for x in getattr(event, stem)), key=lambda x: x.n)


def _table(table: str) -> str:
    """A table's file name from its name with or without .csv."""
    if not isinstance(table, str):
        raise InputError(f"table: expected a table's name, got {type(table).__name__}")
    name = table if table.endswith(".csv") else f"{table}.csv"
    if name not in ALL_TABLES:
        known = ", ".join(n.removesuffix(".csv") for n in ALL_TABLES)
        raise InputError(f"unknown table {table!r}; choose from: {known}")
    return name
