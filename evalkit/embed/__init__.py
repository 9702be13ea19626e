"""Sentence embedders: a small protocol, the real sentence-transformers model and a hashed fake.

Every embedder returns L2-normalised float32 rows, so a cosine is a dot product (`cosines`),
and each row depends only on its own text, never on what else is in the batch or which CPU ran
it: that is what lets a cache, a shard or a resumed run reuse a vector without changing a digit.
`EmbeddingCache` wraps any embedder so each distinct text is encoded once, kept in memory and
(optionally) on disk, and lets several events share one encode call.

One concern per module: `protocol` (what an embedder promises, and cosines over its vectors),
`models` (the real model, its token reader and the hashed fake), `bert` (the bundled model's
arithmetic in plain torch, so a run need not import transformers), `onnx` (the same model on
ONNX Runtime, `embedder.backend=onnx`), `scheduler` (events encoding together from threads),
`cached` (`EmbeddingCache`). This module holds the registry of embedders by config name and
`build_embedder`; import everything from `evalkit.embed`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from evalkit.cache import DiskCache
from evalkit.config import CacheConfig, EmbedderConfig
from evalkit.embed.cached import EmbeddingCache
from evalkit.embed.models import (
    READ_LAYERS,
    HashedEmbedder,
    SentenceTransformerEmbedder,
    bundled_model_path,
)
from evalkit.embed.protocol import (
    Embedder,
    Tokens,
    cosines,
    encode_and_read,
    encode_joined,
    word_tokens,
)
from evalkit.embed.scheduler import off_stage_seconds
from evalkit.errors import registered

__all__ = [
    "EMBEDDERS",
    "READ_LAYERS",
    "Embedder",
    "EmbeddingCache",
    "HashedEmbedder",
    "SentenceTransformerEmbedder",
    "Tokens",
    "build_embedder",
    "bundled_model_path",
    "cosines",
    "encode_and_read",
    "encode_joined",
    "word_tokens",
    "off_stage_seconds",
]


def _sentence_transformer(c: EmbedderConfig, cache: CacheConfig) -> Embedder:
    if c.backend in ("onnx", "onnx-int8"):
        from evalkit.embed.onnx import OnnxEmbedder

        graphs = cache.dir if cache.enabled else None  # None: exported for this run alone
        return OnnxEmbedder(c.model, c.batch_size, c.device, graphs, c.backend == "onnx-int8")
    return SentenceTransformerEmbedder(c.model, c.batch_size, c.device)


EMBEDDERS: dict[str, Callable[[EmbedderConfig, CacheConfig], Embedder]] = {
    "sentence_transformer": _sentence_transformer,
    "hashed": lambda c, _: HashedEmbedder(c.dim),
}


def build_embedder(cfg: EmbedderConfig, cache: CacheConfig | None = None) -> EmbeddingCache:
    """Build the configured embedder once per run, behind the memory and disk caches."""
    cache = cache or CacheConfig(enabled=False)
    embedder = registered(EMBEDDERS, "embedder", cfg.name)(cfg, cache)
    disk = None
    if cache.enabled:
        variant = getattr(embedder, "variant", "")
        parts = dict.fromkeys((embedder.name, embedder.fingerprint[:16], variant))
        namespace = "-".join(p for p in parts if p)
        disk = DiskCache(Path(cache.dir), namespace, cache.max_mb * 1024 * 1024)
    return EmbeddingCache(embedder, disk, cache.memory_items)
