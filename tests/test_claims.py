"""The claims stage's token precision: how far a claim's top evidence says its words."""

from __future__ import annotations

import numpy as np

from evalkit.config import VerifierConfig
from evalkit.embed import HashedEmbedder
from evalkit.pipeline import Resources
from evalkit.records import Claim
from evalkit.stages.claims import document_evidence, measure_claims
from evalkit.text import content_stems

from .test_reference_facts import seg

SOURCE = (
    "Police said the man was killed in the attack on Tuesday.",
    "The mayor visited the city on Friday.",
)


def precisions(embedder: object, *claims: str) -> list[float]:
    cfg = VerifierConfig()
    cand = seg("c", *claims)
    found = [Claim("c", f"C{i}", s) for i, s in enumerate(cand.sentences, 1)]
    evidence = document_evidence(seg("s", *SOURCE), cfg, embedder)  # type: ignore[arg-type]
    measured = measure_claims(found, evidence, cfg, embedder)  # type: ignore[arg-type]
    return [m.signals.token_precision for m in measured]


def test_a_paraphrase_counts_nearly_whole_and_a_new_predicate_little(
    real_resources: Resources,
) -> None:
    same, died, fined = precisions(
        real_resources.embedder,
        "The man was killed in the attack, police said.",
        "Police said the man died in the attack on Tuesday.",
        "Police said the man was fined by the bank on Tuesday.",
    )
    assert same == 1.0  # every content word is in the evidence
    # "died" is missing word for word, but the evidence says "killed": nearly whole
    assert 0.9 < died < 1.0
    # "fined" and "bank" have nothing like them there: the exact share (3 of 5) and a little
    assert 0.6 <= fined < 0.8 and died - fined > 0.15


def test_without_context_it_is_the_exact_share_of_the_words() -> None:
    """The hashed fake reads every word alone (no two words alike), so a missing word counts
    0 and the signal is the share of the claim's content words in its top evidence."""
    claim = "Police said the man was fined by the bank on Tuesday."
    (got,) = precisions(HashedEmbedder(), claim)
    words = content_stems(claim)
    assert got == len(words & content_stems(" ".join(SOURCE))) / len(words)


def test_a_window_is_read_as_its_sentences_and_covers_a_claim_joining_them() -> None:
    embedder, cfg = HashedEmbedder(), VerifierConfig()
    evidence = document_evidence(seg("s", *SOURCE), cfg, embedder)
    (window,) = evidence.windows
    assert window.text == " ".join(SOURCE)
    singles = [r for unit in evidence.readings[: len(evidence.singles)] for r in unit]
    joined = evidence.readings[len(evidence.singles)]
    assert len(joined) == 2 and all(
        np.array_equal(a, b) for a, b in zip(joined, singles, strict=True)
    )
    (both,) = precisions(embedder, "Police said the man was killed; the mayor visited the city.")
    assert both == 1.0
