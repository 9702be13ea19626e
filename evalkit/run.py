"""The `run` verb: stream the events through the pipeline in batches, append each event's rows
as it finishes, then write run.json and print the summary. The Python API (evalkit.api) scores
with `score_events` and writes with `open_writer`, `record` and `finish_run`, as this does."""

from __future__ import annotations

import dataclasses
import logging
import sys
import time
from collections.abc import Generator, Iterator
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from evalkit.config import Config
from evalkit.errors import InputError
from evalkit.files import input_digest
from evalkit.pipeline import (
    Resources,
    Timings,
    is_stored,
    judge_event,
    run_event,
    store,
    stored,
)
from evalkit.provenance import manifest
from evalkit.records import Event, EventResult
from evalkit.report import (
    RunWriter,
    counts_line,
    event_line,
    facts_lines,
    result_settings,
    run_counts,
    systems_terminal,
    terminal_table,
)
from evalkit.run_dir import check_apart, check_run_dir, input_paths
from evalkit.stages.load import BadEvent, is_jsonl, read_events, sources_path
from evalkit.stages.segment import Prefetch
from evalkit.workers import Workers

log = logging.getLogger("evalkit")
T = TypeVar("T")


def evaluate(cfg: Config, run_dir: Path) -> None:
    """The `run` verb: stream the events through the pipeline and append their rows."""
    check_apart(run_dir, cfg.data)  # a folder Hydra named as it started (`${...}`)
    check_run_dir(run_dir, cfg.overwrite, cfg.resume)
    started = time.perf_counter()
    timings = Timings()
    events = read_events(cfg.data, cfg.shard, cfg.num_shards)
    first = next(events, None)  # input errors surface before any work
    inputs = {key: input_digest(path) for key, path in input_paths(cfg.data).items()}
    res = Resources.build(cfg, timings)
    writer = open_writer(run_dir, cfg, inputs)
    done = {entry["position"] for entry in writer.done}
    if done:
        log.info("resume: %d finished events kept in %s", len(done), run_dir)
    todo: Iterator[tuple[int, Event | BadEvent]] = iter(())
    if first is not None:
        todo = (e for e in _chain(first, events) if e[0] not in done)
    try:
        with _progress(cfg, len(done)) as bar, closing(score_events(todo, cfg, res)) as scored:
            for position, item in scored:
                record(writer, position, item)
                bar.update()
        timings.seconds["total"] = time.perf_counter() - started
        counts = finish_run(writer, cfg, res, timings, len(done))
    except BaseException:
        writer.abort()  # `guarded` says what was kept
        raise
    _prune(res)
    report = write_report(cfg, run_dir)
    print(terminal_table(writer.summary))
    if writer.systems is not None:
        print("", systems_terminal(writer.systems), sep="\n")
    print("", *facts_lines(writer.done), sep="\n")
    print(f"{counts_line(counts)}; tables in {run_dir}")
    if report is not None:  # last: what to open
        print(f"report: {report}")


def score_events(
    items: Iterator[tuple[int, Event | BadEvent]], cfg: Config, res: Resources
) -> Generator[tuple[int, EventResult | BadEvent], None, None]:
    """Each event scored, in order (a BadEvent passed on): events are scored in batches of
    embedder.event_batch that share encoding batches. A batch with enough events to measure is
    measured by worker processes (`Workers`); another here, its lines segmented ahead."""
    with closing(Prefetch()) as ahead, closing(Workers(cfg, res)) as workers:
        for batch, following in _ahead(_batches(items, cfg.embedder.event_batch)):
            good = [event for _, event in batch if not isinstance(event, BadEvent)]
            known = ahead.collect()  # this batch's lines, segmented while the last one ran
            apart = workers.share(sum(1 for e in good if not is_stored(e, cfg, res)))
            after = [e for _, e in following if isinstance(e, Event) and not is_stored(e, cfg, res)]
            after_apart = workers.share(len(after))
            if not after_apart:
                ahead.submit(after)
            if apart:
                results = _measured_apart(workers, good, after if after_apart else [], cfg, res)
            else:
                scored = partial(run_event, cfg=cfg, res=res, known=known)
                results = res.embedder.pooled(scored, good)
            for position, event in batch:
                yield position, event if isinstance(event, BadEvent) else next(results)


def _measured_apart(
    workers: Workers, events: list[Event], ahead: list[Event], cfg: Config, res: Resources
) -> Iterator[EventResult]:
    """The events' results: their stored measurements, the rest measured by the workers (and
    stored); a worker with nothing left of them starts on those `ahead`."""
    found = [stored(e, cfg, res) for e in events]
    new = [e for e, m in zip(events, found, strict=True) if m is None]
    fresh = iter(workers.measure(new, ahead))
    for event, measure in zip(events, found, strict=True):
        if measure is None:
            measure = next(fresh)
            store(event, measure, cfg, res)
        yield judge_event(measure, cfg, res)


def open_writer(run_dir: Path, cfg: Config, inputs: dict[str, str] | None = None) -> RunWriter:
    """The run folder's writer, its journal headed by the settings a resume must repeat and
    the sha256 of each input file or folder (`inputs`, by option), which it must read too."""
    header: dict[str, Any] = {"config": result_settings(dataclasses.asdict(cfg))}
    if inputs:
        header["inputs"] = inputs
    return RunWriter(run_dir, header, resume=cfg.resume)


def record(writer: RunWriter, position: int, item: EventResult | BadEvent) -> None:
    """Append one scored event's rows, or the row of an input that is not scored."""
    if isinstance(item, BadEvent):
        writer.skip(item.event_id, item.note, position, item.candidate)
    else:
        writer.add(item, position, _event_info(item))


def finish_run(
    writer: RunWriter, cfg: Config, res: Resources, timings: Timings, resumed: int
) -> dict[str, Any]:
    """Write run.json and put the tables in place; the run's counts."""
    counts = run_counts(writer.done)
    extra = {
        "inputs": writer.header.get("inputs"),  # merge refuses shards whose inputs differ
        "counts": counts,
        "resumed_events": resumed,
        "events": [event_line(e) for e in writer.done],
    }
    writer.finish(manifest(cfg, res, timings, extra))
    return counts


def write_report(cfg: Config, run_dir: Path) -> Path | None:
    """report.html and the plots, as configured, built from the tables just written."""
    if not (cfg.report.html or cfg.report.plots):
        return None
    from evalkit.html_report import build_report

    return build_report(run_dir, html=cfg.report.html, plots=cfg.report.plots)


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
