"""Event workers: processes that measure events while this one runs the models.

Cleaning, segmenting and the text rules of the claims and coverage stages are pure Python, so
the threads of `Scheduler.pooled` only take turns at them, and on a machine with more than
one core most of a cold run is one core's work. Workers (`embedder.workers`) measure a
batch's events side by side. Each takes a share of the events and measures them in turns, as
`pooled` does, so its events ask for their texts together; it sends what they need encoded,
read or entailed to this process, which keeps the one copy of each model and the caches, and
serves every worker that is waiting in one call. A text's numbers do not depend on which
batch carries it, so the tables are byte-identical for any number of workers.

Also here: what every worker process of evalkit needs to start and stop quietly (the
segmenting worker of `stages.segment.Prefetch` too).
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, NoReturn, cast

import numpy as np

from evalkit.errors import ENVIRONMENT, InputError

if TYPE_CHECKING:
    from evalkit.config import Config
    from evalkit.embed.protocol import Tokens
    from evalkit.pipeline import EventMeasure, Resources
    from evalkit.records import Event

log = logging.getLogger("evalkit")

# A worker takes about a second to start (it imports evalkit); it pays for itself from about
# this many events to measure, and a batch with fewer is measured in this process.
EVENTS_PER_WORKER = 8
# At most this many workers unless `embedder.workers` asks for more: each holds its own memos
# of the text rules (a few hundred MB at most), and the model's calls stay the bottleneck.
AUTO_MAX = 4

_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_METHODS = (None, "fork", "spawn", "forkserver")  # multiprocessing's own start methods


def can_spawn() -> bool:
    """Whether this process can start workers: a spawned child must start the way this
    process's multiprocessing does, and a loky worker's "loky" method is unknown to it (a
    job inside joblib's loky workers), so the child would die at once."""
    return multiprocessing.get_start_method(allow_none=True) in _METHODS


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a worker starts: cut short, it would print a traceback."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def quiet_worker() -> None:
    """The run answers Ctrl-C and stops its workers; a SIGTERM (scancel) ends one silently."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)


@contextmanager
def main_unshared() -> Iterator[None]:
    """While a worker starts, hide where `__main__` came from: a spawned child imports it
    again (as `__mp_main__`) to find what it runs, and a user's script that calls evalkit with
    no `if __name__ == "__main__":` guard then ran twice, scoring and writing twice. Workers
    run only evalkit's functions, so they need nothing from it."""
    main = vars(sys.modules["__main__"]) if "__main__" in sys.modules else {}
    saved: dict[str, Any] = {k: main.pop(k) for k in ("__file__", "__spec__") if k in main}
    if "__spec__" in saved:
        main["__spec__"] = None  # multiprocessing reads it without a default
    try:
        yield
    finally:
        main.update(saved)


def fewer_arenas() -> None:
    """At most two malloc arenas for this process's threads, set before they start. glibc gives
    each thread that allocates while another does an arena of its own, up to eight per core,
    and the event threads of `Scheduler.pooled` fragment them: with two, a 1,000-event run's
    workers peaked at 455 MB each instead of 710 MB, as fast (`embedder=hashed`). Elsewhere
    than glibc nothing changes."""
    try:
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 2)
    except (AttributeError, OSError, TypeError):
        pass


M_ARENA_MAX = -8  # glibc's malloc.h


class WorkerError(RuntimeError):
    """Where an error raised in a worker came from: its traceback there, as text."""


class Workers:
    """Processes that measure events (`measure`) while this one serves their model calls.
    Started on the first batch worth them, kept for the run, stopped by `close`."""

    def __init__(self, cfg: Config, res: Resources) -> None:
        self.cfg, self.res = cfg, res
        wanted = cfg.embedder.workers
        affinity = getattr(os, "sched_getaffinity", None)  # Linux: the cores this job may use
        cores = len(affinity(0)) if affinity else os.cpu_count() or 1
        self.count = min(cores, AUTO_MAX) if wanted is None else wanted
        if (wanted is None and cores == 1) or not can_spawn():
            self.count = 0  # one core: nothing to run side by side
        self._workers: list[tuple[BaseProcess, Connection]] = []
        self._queue: list[list[Event]] = []  # chunks of events no worker has taken yet
        self._sent: dict[Connection, list[Event]] = {}  # what each busy worker measures
        self._measured: dict[int, tuple[Event, Any]] = {}  # by id(event): a measure or error

    def share(self, events: int) -> int:
        """How many workers measure this many events (0: this process measures them)."""
        if self.cfg.embedder.workers is None:
            return min(self.count, events // EVENTS_PER_WORKER)
        return min(self.count, events)

    def measure(self, events: Sequence[Event], ahead: Sequence[Event] = ()) -> list[EventMeasure]:
        """Each event's measurement, in order, by `share(len(events))` workers, a share of the
        events each. A worker done with its share starts on a share of those `ahead` (the next
        batch's), so none waits for the slowest at the end of a batch; the next call collects
        them. (Smaller shares made the model's batches smaller and the run no faster.)"""
        if not events:
            return []
        self._start(max(1, self.share(len(events))))
        if not self._workers:
            from evalkit.pipeline import measure_event

            measured = partial(measure_event, cfg=self.cfg, res=self.res)
            return list(self.res.embedder.pooled(measured, events))
        taken = {id(e) for chunk in (*self._queue, *self._sent.values()) for e in chunk}
        taken |= self._measured.keys()
        for group, at in ((events, 0), (ahead, len(self._queue))):
            new = [e for e in group if id(e) not in taken]
            size = max(1, -(-len(new) // len(self._workers)))
            self._queue[at:at] = [new[i : i + size] for i in range(0, len(new), size)]
            taken |= {id(e) for e in new}
        while any(id(e) not in self._measured for e in events):
            for _, conn in self._workers:
                if conn not in self._sent and self._queue:
                    self._sent[conn] = self._queue.pop(0)
                    self._send(conn, self._sent[conn])
            asks = []
            for conn in cast(list[Connection], wait(list(self._sent))):
                message = self._receive(conn)
                if message[0] == "done":
                    self._keep(conn, message[1])
                    for stage, seconds in message[2].items():
                        self.res.timings.seconds[stage] += seconds
                elif message[0] == "error":  # (error, its trace) for each event of the chunk
                    self._keep(conn, [message[1:]] * len(self._sent[conn]))
                else:
                    asks.append((conn, message))
            self._serve(asks)
        measures = []
        for event in events:
            kept, measure = self._measured.pop(id(event))
            assert kept is event  # held until now, so no other object has its id
            if isinstance(measure, tuple):  # an error, raised when its event's turn comes
                raise measure[0] from WorkerError(measure[1])
            measures.append(measure)
        return measures

    def _keep(self, conn: Connection, results: list[Any]) -> None:
        chunk = self._sent.pop(conn)
        self._measured |= {id(e): (e, r) for e, r in zip(chunk, results, strict=True)}

    def _receive(self, conn: Connection) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = conn.recv()
        except (EOFError, OSError):
            self._lost(conn)
        return message

    def _send(self, conn: Connection, payload: Any) -> None:
        try:
            conn.send(payload)
        except OSError:
            self._lost(conn)

    def _lost(self, conn: Connection) -> NoReturn:
        """A worker that died (killed, most often for memory) ends the run with one line."""
        process = next(p for p, c in self._workers if c is conn)
        process.join(1)
        code = process.exitcode or 0
        how = f"by {signal.Signals(-code).name}" if code < 0 else f"with exit code {code}"
        why = " (most often for want of memory)" if code == -signal.SIGKILL else ""
        raise InputError(
            f"an event worker was stopped {how}{why}; run again with embedder.workers=0 to "
            "measure every event in the run's own process",
            ENVIRONMENT,
        )

    def _serve(self, asks: list[tuple[Connection, tuple[Any, ...]]]) -> None:
        """One model call per kind for every waiting worker: texts to encode (and read on the
        way), texts to read, pairs to entail."""
        by_kind: dict[str, list[tuple[Connection, tuple[Any, ...]]]] = {}
        for conn, message in asks:
            by_kind.setdefault(message[0], []).append((conn, message))
        emb = self.res.embedder
        if "encode" in by_kind:
            texts = list(dict.fromkeys(t for _, m in by_kind["encode"] for t in m[1]))
            reads = list(dict.fromkeys(t for _, m in by_kind["encode"] for t in m[2]))
            vectors, tokens = emb.encode_and_read(texts, reads)
            row = {t: i for i, t in enumerate(texts)}
            read = dict(zip(reads, tokens, strict=True))
            for conn, (_, wanted, wanted_reads) in by_kind["encode"]:
                rows = vectors[[row[t] for t in wanted]]
                self._send(conn, (rows, {t: read[t] for t in wanted_reads}))
        if "read" in by_kind:
            texts = list(dict.fromkeys(t for _, m in by_kind["read"] for t in m[1]))
            read = dict(zip(texts, emb.tokens(texts), strict=True))
            for conn, (_, wanted) in by_kind["read"]:
                self._send(conn, [read[t] for t in wanted])
        if "entail" in by_kind:
            assert self.res.entailer is not None  # a worker asks only when it has one
            pairs = list(dict.fromkeys(p for _, m in by_kind["entail"] for p in m[1]))
            probs = self.res.entailer.entail(pairs)
            row = {p: i for i, p in enumerate(pairs)}
            for conn, (_, wanted) in by_kind["entail"]:
                self._send(conn, probs[[row[p] for p in wanted]])

    def _start(self, count: int) -> None:
        context = multiprocessing.get_context("spawn")  # no copy of this process's threads
        res = self.res
        entailer = None if res.entailer is None else (res.entailer.name, res.entailer.fingerprint)
        while len(self._workers) < count:
            mine, theirs = context.Pipe()
            args = (theirs, self.cfg, (res.embedder.name, res.embedder.fingerprint), entailer)
            process = context.Process(target=_work, args=args, daemon=True)
            try:
                with signals_held(), main_unshared():  # a Ctrl-C lands after it has started
                    process.start()
            except OSError as err:  # no process to be had: this one measures instead
                log.warning("event workers could not start (%s); measuring events here", err)
                mine.close()
                self.count = len(self._workers)
                return
            finally:
                theirs.close()
            self._workers.append((process, mine))

    def close(self) -> None:
        """Stop the workers: a finished run's at once, an interrupted run's midway."""
        for process, conn in self._workers:
            try:
                conn.send(None)
            except OSError:
                pass  # already gone
            if self._sent:  # busy: stopped at once
                process.kill()
        for process, conn in self._workers:
            process.join()
            conn.close()
        self._workers = []


class _Remote:
    """In a worker: the models of the process that started it, asked over a pipe. It stands
    where the embedder and the entailer stand behind the worker's own memory caches."""

    def __init__(self, conn: Connection, name: str, fingerprint: str) -> None:
        self.conn, self.name, self.fingerprint = conn, name, fingerprint

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_reading(texts, ())[0]

    def encode_reading(
        self, texts: Sequence[str], wanted: Sequence[str]
    ) -> tuple[np.ndarray, dict[str, Tokens]]:
        self.conn.send(("encode", list(texts), list(wanted)))
        answer: tuple[np.ndarray, dict[str, Tokens]] = self.conn.recv()
        return answer

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        self.conn.send(("read", list(texts)))
        answer: list[Tokens] = self.conn.recv()
        return answer

    def entail(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.conn.send(("entail", list(pairs)))
        answer: np.ndarray = self.conn.recv()
        return answer


def _work(
    conn: Connection, cfg: Config, embedder: tuple[str, str], entailer: tuple[str, str] | None
) -> None:
    """A worker's life: measure each list of events it is sent, until it is sent None."""
    quiet_worker()
    fewer_arenas()
    from threadpoolctl import threadpool_limits

    from evalkit.embed.cached import EmbeddingCache
    from evalkit.entail import EntailCache
    from evalkit.pipeline import Resources, Timings, measure_event
    from evalkit.rouge import FastRouge
    from evalkit.stages.coverage import build_matcher
    from evalkit.verifiers import build_verifier

    threadpool_limits(1, user_api="blas")  # as in `Resources.build`: the same products
    # Readings are kept here too: sending a worker the same text's token vectors again cost
    # a 1,000-event run a fifth of its time.
    emb = EmbeddingCache(_Remote(conn, *embedder), None, cfg.cache.memory_items)
    entail = None
    if entailer is not None:
        entail = EntailCache(_Remote(conn, *entailer), None, cfg.cache.memory_items)
        entail.share(emb.scheduler)
    verifier, matcher = build_verifier(cfg.verifier), build_matcher(cfg.coverage)
    res = Resources(emb, verifier, matcher, FastRouge(), Timings(), entail)
    while (events := conn.recv()) is not None:
        res.timings = Timings()
        try:
            measures = list(emb.pooled(partial(measure_event, cfg=cfg, res=res), events))
        except BaseException as err:
            trace = traceback.format_exc()
            try:
                conn.send(("error", err, trace))
            except Exception:  # an error that does not pickle
                conn.send(("error", RuntimeError(f"{type(err).__name__}: {err}"), trace))
            continue
        conn.send(("done", measures, dict(res.timings.seconds)))
