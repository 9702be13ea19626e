"""`EmbeddingCache`: any embedder behind a cache, so each distinct text is encoded once, kept in
memory (bounded, least recently used) and optionally on disk, and several events share one
encode call (through `Scheduler`).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

import numpy as np

from evalkit.cache import DiskCache, text_key
from evalkit.embed.protocol import Embedder, Tokens
from evalkit.embed.scheduler import Request, Scheduler, add_off_stage

# Token vectors kept in memory for reuse across events: a run's peak memory grows by at most
# this, whatever its size. 128 MiB holds about 3,000 sentences' readings (~30 tokens x 384
# float32 each).
TOKEN_MEMORY = 128 << 20

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
        self._tokens: OrderedDict[str, Tokens] = OrderedDict()
        self._token_bytes = 0
        self._scheduler = Scheduler(self._encode, self._read)
        self.encoded = 0  # distinct texts sent to the model
        self.from_disk = 0  # texts read from the disk cache
        self.seconds = {"encode": 0.0, "read": 0.0, "cache_read": 0.0}

    def _remember(self, key: bytes, vector: np.ndarray) -> None:
        self._vectors[key] = vector
        if len(self._vectors) > self.memory_items:
            self._vectors.popitem(last=False)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_and_read(texts, ())[0]

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """The model's token vectors, each distinct text read once while it stays in memory
        (least recently used first out, TOKEN_MEMORY bytes at most; never on disk: they are
        big, and what they measure is stored with the event's measurement). Coverage reads
        sentence by sentence, and events that share sentences share their reading.
        In `pooled` the waiting events' texts are read together, by the encoding thread."""
        return self.encode_and_read((), texts)[1]

    def encode_and_read(
        self, texts: Sequence[str], reads: Sequence[str]
    ) -> tuple[np.ndarray, list[Tokens]]:
        """`encode(texts)` and `tokens(reads)` in one request to the model: a text it encodes
        now and must also read is read in the same pass where the embedder can
        (`encode_reading`), not a second time."""
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
        known: dict[str, Tokens] = {}
        unread: list[str] = []
        for text in dict.fromkeys(reads):
            tokens = self._tokens.get(text)
            if tokens is None:
                unread.append(text)
            else:
                self._tokens.move_to_end(text)
                known[text] = tokens
        if missing or unread:
            start = time.perf_counter()
            turns = self._scheduler.turns
            request = Request(missing, unread)
            if turns:
                request = turns.wait(request)
            else:
                self._scheduler.serve([request])
                if request.error is not None:
                    raise request.error
            found.update(request.vectors)
            for text in unread:
                known[text] = request.tokens[text]
                self._keep_tokens(text, request.tokens[text])
            add_off_stage(time.perf_counter() - start)
        for key, vector in found.items():
            self._remember(key, vector)
        vectors = np.stack([found[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)
        return vectors, [known[t] for t in reads]

    def _keep_tokens(self, text: str, tokens: Tokens) -> None:
        if text in self._tokens:
            return
        self._tokens[text] = tokens
        self._token_bytes += tokens.vectors.nbytes
        while self._token_bytes > TOKEN_MEMORY and self._tokens:
            _, dropped = self._tokens.popitem(last=False)
            self._token_bytes -= dropped.vectors.nbytes

    def _read(self, texts: list[str]) -> dict[str, Tokens]:
        with self._timed("read"):
            return dict(zip(texts, self.embedder.tokens(texts), strict=True))

    @contextmanager
    def _timed(self, stage: str) -> Iterator[None]:
        """Time a model call as `stage`, leaving out loading the model (the first call of a
        run loads it, whether it encodes or reads): that is `load_seconds`."""
        loading = getattr(self.embedder, "load_seconds", 0.0)
        start = time.perf_counter()
        yield
        loaded = getattr(self.embedder, "load_seconds", 0.0) - loading
        self.seconds[stage] += time.perf_counter() - start - loaded

    def _encode(
        self, texts: dict[bytes, str], reads: list[str]
    ) -> tuple[dict[bytes, np.ndarray], dict[str, Tokens]]:
        """Run the model on these texts and store the vectors on disk; with them, the
        readings of those in `reads` the embedder makes in the same pass (`encode_reading`)."""
        with self._timed("encode"):
            both = getattr(self.embedder, "encode_reading", None)
            wanted = set(reads).intersection(texts.values())
            if both is not None and wanted:
                rows, tokens = both(list(texts.values()), wanted)
            else:
                rows, tokens = self.embedder.encode(list(texts.values())), {}
            # Rows are copied so that one cached vector never keeps its whole batch alive.
            vectors = {key: row.copy() for key, row in zip(texts, rows, strict=True)}
            self.encoded += len(texts)
            for key, vector in vectors.items():
                self._remember(key, vector)
            if self.disk is not None:
                self.disk.put(vectors.items())
        return vectors, tokens

    def pooled(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """fn(item) for each item, in order; the items' encodes share batches."""
        return self._scheduler.pooled(fn, items)

    @property
    def scheduler(self) -> Scheduler:
        """The turns its pooled events take, which the entailment cache shares."""
        return self._scheduler
