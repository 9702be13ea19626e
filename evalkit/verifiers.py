"""Claim verifiers: turn a claim's signals into a verdict, a support score and a reason.

`embedding` is evalkit's verifier: a logistic model over similarity and token overlap, with
names, numbers and dates checked against every source. `cosine` is the plain-similarity
baseline, kept so users can see what the checks buy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from evalkit.config import VerifierConfig
from evalkit.errors import InputError
from evalkit.records import Verdict


@dataclass(frozen=True, slots=True)
class ClaimSignals:
    """What the align stage measured about one claim against its best evidence."""

    similarity: float  # best cosine to any evidence unit
    token_precision: float  # share of the claim's content words found in its top-k evidence
    novel: tuple[str, ...]  # names, numbers, dates found in no source
    conflict: str  # what the nearest evidence disagrees on, "" if nothing


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -500 else 0.0


class Verifier(Protocol):
    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        """Verdict, support score in [0, 1] and a one-line reason."""
        ...


class EmbeddingVerifier:
    """Logistic support over the signals; conflicts and novel items override it."""

    def __init__(self, cfg: VerifierConfig) -> None:
        self.cfg = cfg

    def support(self, s: ClaimSignals) -> float:
        c = self.cfg
        return sigmoid(
            c.bias
            + c.w_similarity * s.similarity
            + c.w_token_precision * s.token_precision
            + c.w_novel * len(s.novel)
        )

    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        support = self.support(s)
        if s.conflict:
            return "contradicted", support, f"nearest source sentence disagrees: {s.conflict}"
        if s.novel:
            return "unsupported", support, f"found in no source: {', '.join(s.novel)}"
        detail = f"similarity {s.similarity:.2f}, {s.token_precision:.0%} of its words in evidence"
        if support >= self.cfg.threshold:
            return "supported", support, f"paraphrases the evidence ({detail})"
        return "unsupported", support, f"no source sentence carries it ({detail})"


class CosineVerifier:
    """Baseline: supported when the best cosine reaches the threshold; no other checks."""

    def __init__(self, cfg: VerifierConfig) -> None:
        self.cfg = cfg

    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        detail = f"similarity {s.similarity:.2f} vs threshold {self.cfg.threshold:.2f}"
        if s.similarity >= self.cfg.threshold:
            return "supported", s.similarity, detail
        return "unsupported", s.similarity, detail


VERIFIERS: dict[str, Callable[[VerifierConfig], Verifier]] = {
    "embedding": EmbeddingVerifier,
    "cosine": CosineVerifier,
}


def build_verifier(cfg: VerifierConfig) -> Verifier:
    """The configured verifier; an unknown name fails before any work."""
    if cfg.name not in VERIFIERS:
        raise InputError(
            f"unknown verifier '{cfg.name}'; choose from: {', '.join(sorted(VERIFIERS))}"
        )
    if cfg.top_k < 1 or cfg.window < 1:
        raise InputError("verifier.top_k and verifier.window must be at least 1")
    return VERIFIERS[cfg.name](cfg)
