"""What an embedder is and promises (`Embedder`, `Tokens`), and the vector arithmetic built on
that promise: `normalise`, `cosines` and `encode_joined`, shared by the models and the stages.

Every embedder returns L2-normalised float32 rows, so a cosine is a dot product (`cosines`),
and each row depends only on its own text, never on what else is in the batch or which CPU ran
it: that is what lets a cache, a shard or a resumed run reuse a vector without changing a digit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from evalkit.text import fold, is_content, stem, wordless


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


def word_tokens(text: str, tokens: Tokens) -> dict[str, list[list[int]]]:
    """The text's content words as the model split them: stem -> each occurrence's model
    tokens. Stopwords, punctuation and single letters are left out."""
    text = wordless(text)  # "[1]", "-lrb-": no words
    spans: dict[int, list[int]] = {}
    for i, word in enumerate(tokens.words):
        spans.setdefault(word, []).append(i)
    out: dict[str, list[list[int]]] = {}
    for idx in spans.values():
        token = fold(text[tokens.spans[idx[0]][0] : tokens.spans[idx[-1]][1]])
        if is_content(token) and any(ch.isalnum() for ch in token):
            out.setdefault(stem(token), []).append(idx)
    return out


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


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Unit rows as float32 (a float64 input is normalised first, then rounded once)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of every unit row of `a` with every unit row of `b`, as float32, the same on any
    CPU: the sums run in float64 and are rounded once. (A float32 matrix product sums in an
    order the BLAS kernel picks for the CPU and the shapes, and moves the last digit.)"""
    return (a.astype(np.float64) @ b.astype(np.float64).T).astype(np.float32)


def encode_and_read(embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, list[Tokens]]:
    """The texts' vectors and token vectors, in one request to the model where the embedder
    takes one (`EmbeddingCache.encode_and_read`: a text encoded now is read in the same pass),
    else an encode and a read."""
    both = getattr(embedder, "encode_and_read", None)
    if both is not None:
        return both(texts, texts)  # type: ignore[no-any-return]
    return embedder.encode(texts), embedder.tokens(texts)


def encode_joined(
    embedder: Embedder, groups: Sequence[Sequence[str]]
) -> tuple[np.ndarray, list[Tokens]]:
    """Vectors of texts made of several sentences (a line, a window), from the sentences' own
    vectors: their mean weighted by word count, normalised; and each sentence's reading,
    group after group (`encode_and_read`).

    The model mean-pools its token vectors, so this is close to encoding the joined text, and
    it encodes nothing the run does not already need: every sentence is encoded once anyway.
    (Encoding lines and windows as well more than tripled the text a run encoded.) The
    sentences are sources', whose readings the claims stage compares word by word, so they are
    read in this pass.
    """
    parts = [p for group in groups for p in group]
    if not parts:
        return np.zeros((len(groups), 0), dtype=np.float32), []
    vectors, read = encode_and_read(embedder, parts)
    weights = np.array([max(1, len(p.split())) for p in parts], dtype=np.float32)
    sizes = np.array([len(g) for g in groups])
    ends = np.cumsum(sizes)
    joined = np.zeros((len(groups), vectors.shape[1]), dtype=np.float32)
    some = sizes > 0
    joined[some] = np.add.reduceat(vectors * weights[:, None], (ends - sizes)[some], axis=0)
    joined = normalise(joined)
    single = sizes == 1  # a one-sentence text keeps its own vector, bit for bit
    joined[single] = vectors[ends[single] - 1]
    return joined, read
