"""Align stage: every claim against every source sentence, every key fact against every
candidate sentence, as matrix products with top-k by partial sort.

A claim's evidence never includes its own article. Evidence units are single sentences plus
windows of neighbouring sentences, so a claim that merges two adjacent sentences finds them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from evalkit.config import CoverageConfig, VerifierConfig
from evalkit.embed import Embedder
from evalkit.records import Alignment, Claim, Fact, FactMatch, Segmented, Sentence
from evalkit.text import content_stems, dates, known, names, negated, numbers, stem, vocabulary
from evalkit.verifiers import ClaimSignals, Verifier, sigmoid


def evidence_units(docs: Sequence[Segmented], window: int) -> list[Sentence]:
    """Each sentence, then each run of up to `window` neighbouring sentences in one document.

    Runs share the index of their first sentence and span to the end of their last; the
    single sentences come first, so `units[:n_sentences]` are exactly the sentences.
    """
    units: list[Sentence] = [s for doc in docs for s in doc.sentences]
    for doc in docs:
        sents = [s for s in doc.sentences if not s.heading]
        for size in range(2, window + 1):
            for i in range(len(sents) - size + 1):
                run = sents[i : i + size]
                units.append(
                    Sentence(
                        run[0].doc_id,
                        run[0].index,
                        " ".join(s.text for s in run),
                        run[0].start,
                        run[-1].end,
                    )
                )
    return units


def top_k(sims: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the k largest values per row, best first (ties: lower index)."""
    k = min(k, sims.shape[1])
    part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    order = np.lexsort((part, -np.take_along_axis(sims, part, axis=1)), axis=1)
    return np.take_along_axis(part, order, axis=1)


def _compare(
    claim: str, unit: str, single: bool, novel: set[str], min_overlap: float
) -> tuple[str, str]:
    """("conflict", what) | ("agree", "") | ("neutral", "") for one evidence unit.

    Only a unit that otherwise says the same thing can contradict: most of the claim's other
    content words must be in it, else it is neutral. A claim that adds an invented detail to
    a different sentence is unsupported, not contradicted. A window of sentences never
    conflicts (its neighbour brings other numbers and negations) but can agree, which covers
    a claim that merges two adjacent sentences.
    """
    stems = content_stems(claim) - {stem(t) for t in novel}
    if not stems or len(stems & content_stems(unit)) / len(stems) < min_overlap:
        return "neutral", ""
    if not single:
        return ("agree", "") if not novel and negated(claim) == negated(unit) else ("neutral", "")
    for kind, extract in (("number", numbers), ("date", dates), ("name", names)):
        mine, theirs = extract(claim), extract(unit)
        if novel & mine and theirs - mine:
            return "conflict", (
                f"{kind} {', '.join(sorted(novel & mine))} where the source has "
                f"{', '.join(sorted(theirs - mine))}"
            )
    if negated(claim) != negated(unit):
        side = "claim" if negated(claim) else "source"
        return "conflict", f"negation: only the {side} denies or negates it"
    return ("neutral", "") if novel else ("agree", "")


def align_claims(
    claims: Sequence[Claim],
    evidence: Sequence[Segmented],
    verifier: Verifier,
    cfg: VerifierConfig,
    embedder: Embedder,
) -> tuple[Alignment, ...]:
    """Best evidence, signals and verdict for each claim of one candidate."""
    units = evidence_units(evidence, cfg.window)
    if not claims:
        return ()
    texts = [s.text for doc in evidence for s in doc.sentences]
    singles = len(texts)  # units[:singles] are single sentences, the rest windows
    vocab = vocabulary(texts)
    all_numbers = frozenset().union(*(numbers(t) for t in texts))
    claim_vecs = embedder.encode([c.sentence.text for c in claims])
    if units:
        sims = claim_vecs @ embedder.encode([u.text for u in units]).T
        best = top_k(sims, cfg.top_k)
    out = []
    for row, claim in enumerate(claims):
        text = claim.sentence.text
        novel = sorted(
            {n for n in numbers(text) if n not in all_numbers}
            | {d for d in dates(text) if not known(d, vocab)}
            | {n for n in names(text) if not known(n, vocab)}
        )
        if not units:
            out.append(
                Alignment(
                    claim,
                    "unsupported",
                    0.0,
                    None,
                    0.0,
                    0.0,
                    tuple(novel),
                    "",
                    "no source sentence to check it against",
                )
            )
            continue
        picks = [units[j] for j in best[row]]
        scores = [float(sims[row, j]) for j in best[row]]
        stems = content_stems(text)
        found = frozenset().union(*(content_stems(u.text) for u in picks))
        precision = len(stems & found) / len(stems) if stems else 0.0
        # Contradicted: some close, comparable unit disagrees and none agrees (a window that
        # joins the sentence a claim merged in counts as agreeing).
        compared = [
            _compare(text, units[j].text, j < singles, set(novel), cfg.contradiction_overlap)
            for j in best[row]
            if sims[row, j] >= cfg.contradiction_similarity
        ]
        conflicts = [what for kind, what in compared if kind == "conflict"]
        agrees = any(kind == "agree" for kind, _ in compared)
        conflict = conflicts[0] if conflicts and not agrees else ""
        signals = ClaimSignals(scores[0], precision, tuple(novel), conflict)
        verdict, support, reason = verifier.judge(signals)
        out.append(
            Alignment(
                claim,
                verdict,
                support,
                picks[0],
                scores[0],
                precision,
                tuple(novel),
                conflict,
                reason,
            )
        )
    return tuple(out)


def match_facts(
    facts: Sequence[Fact],
    candidate: Segmented,
    cfg: CoverageConfig,
    embedder: Embedder,
) -> tuple[FactMatch, ...]:
    """Whether the candidate covers each fact: logistic over best cosine and token recall."""
    if not facts:
        return ()
    if not candidate.sentences:
        return tuple(
            FactMatch(f, candidate.doc_id, _weight(f, candidate.doc_id), False, math.nan, None)
            for f in facts
        )
    sents = candidate.sentences
    sims = embedder.encode([f.text for f in facts]) @ embedder.encode([s.text for s in sents]).T
    best = sims.argmax(axis=1)
    words = frozenset().union(*(content_stems(s.text) for s in sents))
    out = []
    for row, fact in enumerate(facts):
        stems = content_stems(fact.text)
        recall = len(stems & words) / len(stems) if stems else 0.0
        score = sigmoid(
            cfg.bias + cfg.w_similarity * float(sims[row, best[row]]) + cfg.w_token_recall * recall
        )
        out.append(
            FactMatch(
                fact,
                candidate.doc_id,
                _weight(fact, candidate.doc_id),
                score >= cfg.threshold,
                score,
                sents[int(best[row])],
            )
        )
    return tuple(out)


def _weight(fact: Fact, candidate: str) -> int:
    """The fact's weight without the candidate's own vote: a source never boosts itself."""
    return max(1, len([who for who in fact.reported_by if who != candidate]))
