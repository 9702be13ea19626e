"""Score stage: per-candidate coverage, support and ROUGE, and the final score.

score = coverage_weight * coverage_weighted
        - unsupported_penalty * unsupported - contradicted_penalty * contradicted
Coverage is soft: the mean of the facts' coverage credits (a fact's calibrated match
probability re-centred on the decision threshold, so a fact at the threshold earns half;
facts.csv has each credit and the 0/1 verdict). Against human coverage judgements the soft
mean correlates better than counting 0/1 verdicts (see docs/meta-evaluation.md). Every claim
that no source supports costs the same, however long the summary. A candidate that cannot be
scored gets NaN with the reason, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from evalkit.config import ScoringConfig
from evalkit.records import Alignment, CandidateScore, FactMatch, Segmented, Unscorable
from evalkit.rouge import FastRouge

NAN = math.nan


def rouge_f1(
    rouge: FastRouge, reference: Sequence[str], sentences: Sequence[str]
) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate's sentences, joined by spaces, against
    the reference's."""
    scores = rouge.score_sentences(reference, sentences)
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeL"].fmeasure


def unreadable(candidate: Segmented) -> Unscorable | None:
    """Why a candidate has no sentences to score (its text is empty, or cleaning removed every
    line of a source read as a candidate); None when it has some."""
    if candidate.sentences:
        return None
    return Unscorable.CLEANED if candidate.clean.doc.text.strip() else Unscorable.EMPTY


def score_candidate(
    candidate: str,
    alignments: Sequence[Alignment],
    matches: Sequence[FactMatch],
    rouge: tuple[float, float, float],
    cfg: ScoringConfig,
    no_sentences: Unscorable | None,
) -> CandidateScore:
    """One summary-table row, traceable to its claims and fact matches (rouge: `rouge_f1`;
    no_sentences: why the candidate has none, from `unreadable`; None when it has some)."""
    if no_sentences is not None:
        return CandidateScore(
            candidate,
            0,
            NAN,
            NAN,
            NAN,
            0,
            0,
            0,
            0,
            NAN,
            NAN,
            NAN,
            NAN,
            unscorable=no_sentences,
        )
    verdicts = [a.verdict for a in alignments]
    supported = verdicts.count("supported")
    unsupported = verdicts.count("unsupported")
    contradicted = verdicts.count("contradicted")
    if matches:
        coverage = sum(m.score for m in matches) / len(matches)
        coverage_weighted = sum(m.weight * m.score for m in matches) / sum(
            m.weight for m in matches
        )
    else:
        coverage = coverage_weighted = NAN
    final = (
        cfg.coverage_weight * coverage_weighted
        - cfg.unsupported_penalty * unsupported
        - cfg.contradicted_penalty * contradicted
    )
    return CandidateScore(
        candidate=candidate,
        claims=len(alignments),
        coverage=coverage,
        coverage_weighted=coverage_weighted,
        support_rate=supported / len(alignments),
        supported=supported,
        unsupported=unsupported,
        contradicted=contradicted,
        misstated=sum(m.state == "misstated" for m in matches),
        rouge1=rouge[0],
        rouge2=rouge[1],
        rougeL=rouge[2],
        score=final,
        unscorable=None if matches else Unscorable.NO_FACTS,
    )


def rank(scores: Sequence[CandidateScore]) -> tuple[CandidateScore, ...]:
    """Best score first; NaN scores last; ties broken by candidate id."""
    return tuple(
        sorted(
            scores,
            key=lambda s: (
                math.isnan(s.score),
                -s.score if not math.isnan(s.score) else 0.0,
                s.candidate,
            ),
        )
    )
