"""Score stage: per-candidate coverage, support and ROUGE, and the final score.

score = coverage_weight * coverage_weighted
        - unsupported_penalty * unsupported - contradicted_penalty * contradicted
Coverage is soft: the mean of the facts' coverage credits (a fact's calibrated match
probability re-centred on the decision threshold, so a fact at the threshold earns half;
facts.csv has each credit and the 0/1 verdict). Against human coverage judgements the soft
mean correlates better than counting 0/1 verdicts (see the README, "How well does it agree
with people"). Every claim that no source supports
costs the same, however long the summary. A candidate that cannot be scored gets NaN with
the reason, never 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from evalkit.config import ScoringConfig
from evalkit.records import Alignment, CandidateScore, FactMatch
from evalkit.rouge import FastRouge

NAN = math.nan


def rouge_f1(
    rouge: FastRouge, reference: Sequence[str], sentences: Sequence[str]
) -> tuple[float, float, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 of a candidate's sentences, joined by spaces, against
    the reference's."""
    scores = rouge.score_sentences(reference, sentences)
    return scores["rouge1"].fmeasure, scores["rouge2"].fmeasure, scores["rougeL"].fmeasure


def score_candidate(
    candidate: str,
    alignments: Sequence[Alignment],
    matches: Sequence[FactMatch],
    rouge: tuple[float, float, float],
    cfg: ScoringConfig,
) -> CandidateScore:
    """One summary-table row, traceable to its claims and fact matches (rouge: `rouge_f1`)."""
    if not alignments:
        return CandidateScore(
            candidate,
            0,
            NAN,
            NAN,
            NAN,
            0,
            0,
            0,
            NAN,
            NAN,
            NAN,
            NAN,
            note="no sentences to score: the candidate text is empty",
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
        note = ""
    else:
        coverage = coverage_weighted = NAN
        note = "no key facts: the reference has no sentences"
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
        rouge1=rouge[0],
        rouge2=rouge[1],
        rougeL=rouge[2],
        score=final,
        note=note,
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
