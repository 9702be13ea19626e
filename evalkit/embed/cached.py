"""`EmbeddingCache`: any embedder behind a cache, so each distinct text is encoded once, kept in
memory (bounded, least recently used) and optionally on disk, and several events share one
encode call (through `Scheduler`).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import numpy as np

from evalkit.cache import DiskCache, text_key
from evalkit.embed.protocol import Embedder, Tokens
from evalkit.embed.scheduler import Request, Scheduler, add_off_stage

T = TypeVar("T")
R = TypeVar("R")


class EmbeddingCache:
    """Encodes each distinct text once: memory (bounded, least recently used) over disk.

    `pooled` scores several events at once, one thread each, taking turns: when every event is
    waiting for vectors, one call to the model encodes what they all need, so batches stay full
    even though each event asks for a few texts at a time.
    """

    def __init__(
        self, embedder: Embedder, disk: DiskCache | None = None, memory_items: int = 20_000
    ) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.fingerprint = embedder.fingerprint
        self.disk = disk
        self.memory_items = memory_items
        self._vectors: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._scheduler = Scheduler(self._encode, self._read)
        self.encoded = 0  # distinct texts sent to the model
        self.from_disk = 0  # texts read from the disk cache
        self.seconds = {"encode": 0.0, "read": 0.0, "cache_read": 0.0}

    def _remember(self, key: bytes, vector: np.ndarray) -> None:
        self._vectors[key] = vector
        if len(self._vectors) > self.memory_items:
            self._vectors.popitem(last=False)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            vector = self._vectors.get(key)
            if vector is not None:
                self._vectors.move_to_end(key)
                found[key] = vector
            elif key not in missing:
                missing[key] = text
        if missing and self.disk is not None:
            start = time.perf_counter()
            for key in list(missing):
                vector = self.disk.get(key)
                if vector is not None:
                    found[key] = vector
                    del missing[key]
                    self.from_disk += 1
            self.seconds["cache_read"] += time.perf_counter() - start
            add_off_stage(time.perf_counter() - start)
        if missing:
            start = time.perf_counter()
            turns = self._scheduler.turns
            found.update(turns.wait(Request(missing)).vectors if turns else self._encode(missing))
            add_off_stage(time.perf_counter() - start)
        for key, vector in found.items():
            self._remember(key, vector)
        if not keys:
            return np.zeros((0, 0), np.float32)
        return np.stack([found[k] for k in keys])

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """The model's token vectors, never cached: they are big, and each event's candidates
        and facts are read once (what they measure is stored with the event's measurement).
        In `pooled` the waiting events' texts are read together, by the encoding thread."""
        start = time.perf_counter()
        distinct = list(dict.fromkeys(texts))
        turns = self._scheduler.turns
        read = turns.wait(Request({}, distinct)).tokens if turns else self._read(distinct)
        add_off_stage(time.perf_counter() - start)
        return [read[t] for t in texts]

    def _read(self, texts: list[str]) -> dict[str, Tokens]:
        start = time.perf_counter()
        read = dict(zip(texts, self.embedder.tokens(texts), strict=True))
        self.seconds["read"] += time.perf_counter() - start
        return read

    def _encode(self, texts: dict[bytes, str]) -> dict[bytes, np.ndarray]:
        """Run the model on these texts and store the vectors on disk."""
        start = time.perf_counter()
        # Rows are copied so that one cached vector never keeps its whole batch alive.
        rows = self.embedder.encode(list(texts.values()))
        vectors = {key: row.copy() for key, row in zip(texts, rows, strict=True)}
        self.encoded += len(texts)
        for key, vector in vectors.items():
            self._remember(key, vector)
        if self.disk is not None:
            self.disk.put(vectors.items())
        self.seconds["encode"] += time.perf_counter() - start
        return vectors

    def pooled(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """fn(item) for each item, in order; the items' encodes share batches."""
        return self._scheduler.pooled(fn, items)
