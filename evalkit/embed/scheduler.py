"""The concurrency of encoding: several events scored at once, one thread each, taking turns.

When every event is waiting for vectors (or entailment probabilities), one call to the model
serves what they all need, so batches stay full even though each event asks for a few texts
at a time. The model always runs
in the thread that called `Scheduler.pooled`. Also here: how long each thread spent encoding or
waiting for others' encodes (`off_stage_seconds`), so stage timings leave that time out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from evalkit.embed.protocol import Tokens

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Request:
    """Texts one waiting event needs, and what came back for them."""

    texts: dict[bytes, str]  # to encode into sentence vectors
    reads: list[str] = field(default_factory=list)  # to read token by token
    pairs: dict[bytes, tuple[str, str]] = field(default_factory=dict)  # for the entailer
    vectors: dict[bytes, np.ndarray] = field(default_factory=dict)
    tokens: dict[str, Tokens] = field(default_factory=dict)
    probs: dict[bytes, np.ndarray] = field(default_factory=dict)
    error: BaseException | None = None
    done: bool = False


class Turns:
    """Event threads that run one at a time and wait together for the encoding thread."""

    def __init__(self, workers: int) -> None:
        self.baton = threading.Lock()  # held by the one thread running pipeline code
        self.cond = threading.Condition()
        self.running = workers  # threads that have not finished
        self.pending: list[Request] = []  # one per thread waiting for vectors

    def wait(self, request: Request) -> Request:
        """Hand the turn on and wait for the request to be served: the calling thread runs the
        model for everyone."""
        self.baton.release()
        try:
            with self.cond:
                self.pending.append(request)
                self.cond.notify_all()
                while not request.done:
                    self.cond.wait()
        finally:
            self.baton.acquire()
        if request.error is not None:
            raise request.error
        return request


_local = threading.local()


def off_stage_seconds() -> float:
    """Seconds this thread spent encoding or waiting for others' encodes (not stage work)."""
    return getattr(_local, "off_stage", 0.0)


def add_off_stage(seconds: float) -> None:
    """Count `seconds` as this thread's time off stage work."""
    _local.off_stage = off_stage_seconds() + seconds


class Scheduler:
    """Runs events in turns and serves their waiting requests together with `encode` (texts by
    key to vectors, and the readings it makes on the way of the texts also to be read), `read`
    (texts to their token vectors) and `entail` (pairs by key to probabilities; set by the
    entailment cache that shares these turns)."""

    def __init__(
        self,
        encode: Callable[
            [dict[bytes, str], list[str]], tuple[dict[bytes, np.ndarray], dict[str, Tokens]]
        ],
        read: Callable[[list[str]], dict[str, Tokens]],
    ) -> None:
        self.encode = encode
        self.read = read
        self.entail: Callable[[dict[bytes, tuple[str, str]]], dict[bytes, np.ndarray]] | None
        self.entail = None
        self.turns: Turns | None = None  # set while `pooled` runs

    def serve(self, requests: list[Request]) -> None:
        union = {k: t for r in requests for k, t in r.texts.items()}
        reads = list(dict.fromkeys(t for r in requests for t in r.reads))
        pairs = {k: p for r in requests for k, p in r.pairs.items()}
        vectors: dict[bytes, np.ndarray] = {}
        tokens: dict[str, Tokens] = {}
        probs: dict[bytes, np.ndarray] = {}
        try:
            if union:  # what the encoding pass reads on the way is not read again
                vectors, tokens = self.encode(union, reads)
            rest = [t for t in reads if t not in tokens]
            tokens |= self.read(rest) if rest else {}
            if pairs and self.entail is not None:
                probs = self.entail(pairs)
        except BaseException as err:  # every waiting event fails the same way
            for r in requests:
                r.error = err
        for r in requests:
            r.vectors = {k: vectors[k] for k in r.texts if k in vectors}
            r.tokens = {t: tokens[t] for t in r.reads if t in tokens}
            r.probs = {k: probs[k] for k in r.pairs if k in probs}
            r.done = True

    def pooled(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """fn(item) for each item, in order; the items' encodes share batches."""
        if len(items) < 2:
            yield from (fn(item) for item in items)
            return
        turns = self.turns = Turns(len(items))
        results: list[Any] = [None] * len(items)
        errors: list[BaseException | None] = [None] * len(items)

        def work(i: int) -> None:
            with turns.baton:
                try:
                    results[i] = fn(items[i])
                except BaseException as err:
                    errors[i] = err
                finally:
                    with turns.cond:
                        turns.running -= 1
                        turns.cond.notify_all()

        threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(len(items))]
        try:
            for thread in threads:
                thread.start()
            # The model always runs here, in the calling thread, once every event waits.
            with turns.cond:
                while turns.running:
                    if turns.pending and len(turns.pending) == turns.running:
                        self.serve(turns.pending)
                        turns.pending = []
                        turns.cond.notify_all()
                    else:
                        turns.cond.wait()
            for thread in threads:
                thread.join()
        finally:
            self.turns = None
        for result, error in zip(results, errors, strict=True):
            if error is not None:
                raise error
            yield result
