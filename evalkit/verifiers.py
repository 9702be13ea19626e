"""Claim verifiers: turn a claim's signals into a verdict, a support score and a reason.

`embedding` is evalkit's verifier: a logistic model over similarity, token overlap and the
names, numbers and dates found in no source, fitted on human labels by `evalkit calibrate`.
`cosine` is the plain-similarity baseline, kept so users can see what the checks buy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from evalkit.config import VerifierConfig
from evalkit.errors import registered
from evalkit.records import Verdict


@dataclass(frozen=True, slots=True)
class ClaimSignals:
    """What the claims stage measured about one claim against the sources."""

    similarity: float  # best cosine to a single source sentence (or a piece of a long one)
    # how far its top-k evidence units say the claim's content words: a word they have counts
    # 1, another its best token cosine in context (`stages.claims.said_words`)
    token_precision: float
    source_precision: float  # share of the claim's content words found anywhere in the sources
    novel_numbers: tuple[str, ...]  # numbers found in no source
    novel_dates: tuple[str, ...]  # months, weekdays and years found in no source
    # names found in no source (`stages.claims._names`), and quotations no source has word for
    # word (`stages.claims._novel`)
    novel_names: tuple[str, ...]
    conflict: str  # what the nearest evidence disagrees on, "" if nothing
    # share of the claim's word pairs (in order) found in one of its top-k evidence units:
    # a claim recombined from a source's words scores low although its words are all there
    bigram_precision: float = 0.0
    # the same reading for its least-said words: the mean of its WEAKEST lowest word scores
    # (`stages.claims.said_words`); a claim that adds a clause of its own to a copy scores low
    weakest_precision: float = 0.0
    least_said: tuple[str, ...] = ()  # those weakest words the evidence lacks word for word
    entailment: float | None = None  # best P(entails) over its best units; None: no entailer
    contradiction: float | None = None  # best P(contradicts) over them

    @property
    def novel(self) -> tuple[str, ...]:
        """Every name, number, date and quotation of the claim found in no source, sorted."""
        return tuple(sorted({*self.novel_numbers, *self.novel_dates, *self.novel_names}))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -500 else 0.0


def term(weight: float, signal: float | None) -> float:
    """weight * signal, or nothing for a signal not measured (None: no entailment model)."""
    return 0.0 if signal is None else weight * signal


def contradicts(s: ClaimSignals, threshold: float) -> bool:
    """Whether the entailment model's contradiction probability reaches the threshold."""
    return s.contradiction is not None and s.contradiction >= threshold


def ranked(support: float, ruled_out: bool, threshold: float) -> float:
    """A claim's score for ranking summaries (`meta`, `calibrate`): its support, held just below
    `threshold` when a rule decided against it (a disagreement, a name, number or date found in
    no source, the model's contradiction), so a summary scores at or above the threshold exactly
    when all its claims are supported: the ranking and the verdicts agree."""
    return min(support, threshold - HELD) if ruled_out else support


# How far below the threshold a ruled-out claim's score is held: one unit of the tables' four
# decimals.
HELD = 1e-4


class Verifier(Protocol):
    @property
    def threshold(self) -> float:
        """The support at which a claim is supported, where no rule decides otherwise."""
        ...

    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        """Verdict, support score in [0, 1] and a one-line reason."""
        ...


class EmbeddingVerifier:
    """Logistic support over the signals; conflicts and novel items override it."""

    def __init__(self, cfg: VerifierConfig) -> None:
        self.cfg = cfg

    @property
    def threshold(self) -> float:
        return self.cfg.threshold

    def support(self, s: ClaimSignals) -> float:
        """Calibrated probability that the sources support the claim."""
        c = self.cfg
        return sigmoid(
            c.bias
            + c.w_similarity * s.similarity
            + c.w_token_precision * s.token_precision
            + c.w_source_precision * s.source_precision
            + c.w_bigram_precision * s.bigram_precision
            + c.w_weakest_precision * s.weakest_precision
            + c.w_novel_number * len(s.novel_numbers)
            + c.w_novel_date * len(s.novel_dates)
            + c.w_novel_name * len(s.novel_names)
            + term(c.w_entailment, s.entailment)
            + term(c.w_contradiction, s.contradiction)
        )

    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        support = self.support(s)
        if s.conflict:
            return "contradicted", support, f"nearest source sentence disagrees: {s.conflict}"
        if contradicts(s, self.cfg.contradiction_threshold):
            return (
                "contradicted",
                support,
                (f"the evidence contradicts it (entailment model: {s.contradiction:.2f})"),
            )
        if s.novel:
            return "unsupported", support, f"found in no source: {', '.join(s.novel)}"
        detail = (
            f"similarity {s.similarity:.2f}, {s.source_precision:.0%} of its words in the "
            f"sources, {s.token_precision:.0%} said by the nearest evidence"
        )
        if s.entailment is not None:
            detail += f", entailed {s.entailment:.2f}"
        if s.least_said:
            detail += f"; least said: {', '.join(s.least_said)}"
        if support >= self.cfg.threshold:
            return "supported", support, f"paraphrases the evidence ({detail})"
        return "unsupported", support, f"no source sentence carries it ({detail})"


class CosineVerifier:
    """Baseline: supported when the best cosine reaches `cosine_threshold` (calibrated, the
    one `meta` reports for this baseline); no other checks."""

    def __init__(self, cfg: VerifierConfig) -> None:
        self.cfg = cfg

    @property
    def threshold(self) -> float:
        return self.cfg.cosine_threshold

    def judge(self, s: ClaimSignals) -> tuple[Verdict, float, str]:
        threshold = self.cfg.cosine_threshold
        detail = f"similarity {s.similarity:.2f} vs threshold {threshold:.2f}"
        if s.similarity >= threshold:
            return "supported", s.similarity, detail
        return "unsupported", s.similarity, detail


VERIFIERS: dict[str, Callable[[VerifierConfig], Verifier]] = {
    "embedding": EmbeddingVerifier,
    "cosine": CosineVerifier,
}


def build_verifier(cfg: VerifierConfig) -> Verifier:
    """The configured verifier; an unknown name fails before any work."""
    return registered(VERIFIERS, "verifier", cfg.name)(cfg)
