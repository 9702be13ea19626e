"""Sentence embedders, as a package: the names other modules import from `evalkit.embed`."""

from evalkit.embed.models import (
    EMBEDDERS,
    READ_LAYERS,
    Embedder,
    EmbeddingCache,
    HashedEmbedder,
    SentenceTransformerEmbedder,
    Tokens,
    build_embedder,
    bundled_model_path,
    cosines,
    encode_joined,
    off_stage_seconds,
)

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
    "encode_joined",
    "off_stage_seconds",
]
