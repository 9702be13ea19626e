"""Faithfulness against human labels: each summary's score and verdict, with baselines beside it.

A summary's score is the lowest support of its claims (a summary is as faithful as its weakest
sentence) and it is predicted faithful when every claim is judged supported. Baselines are
computed in the same pass from the same sentences: lexical overlap, plain cosine (the `cosine`
verifier, no checks) and ROUGE precision against the source.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any

import numpy as np

from evalkit.bench.events import (
    faith_events,
    judged,
    lexical_precision,
    overlaps,
    predicted_at,
)
from evalkit.bench.load import Benchmark, FaithItem
from evalkit.bench.tables import EVALKIT, ScopedMetric, scoped_estimate, scoped_rows
from evalkit.columns import CLAIMS as RUN_CLAIMS
from evalkit.columns import Column, Entry, Table, attributes, enumerated
from evalkit.config import Config
from evalkit.metrics import balanced_accuracy, roc_auc
from evalkit.pipeline import Resources
from evalkit.records import Alignment, EventResult
from evalkit.text import content_tokens
from evalkit.verifiers import CosineVerifier, ranked

FAITH_METHODS = ("evalkit", "lexical", "cosine", "rouge1", "rouge2", "rougeL")


def _in_human_span(entry: Entry[FaithItem, Alignment]) -> bool:
    """Whether the claim overlaps a span the annotators marked unsupported."""
    sentence = entry.record.claim.sentence
    return overlaps(sentence.start, sentence.end, entry.owner.spans)


@dataclass(frozen=True, slots=True)
class FaithRow:
    """One summary: evalkit's score and verdict, the baselines' scores, the human label."""

    id: str
    doc_id: str
    dataset: str
    system: str
    label: int
    score: float  # lowest claim score (`verifiers.ranked`); NaN when the summary has no sentence
    predicted: float  # 1 when every claim is supported, else 0; NaN with the score
    claims: int
    unsupported: int
    contradicted: int
    lexical: float
    lexical_predicted: float
    cosine: float
    cosine_predicted: float
    rouge1: float
    rouge2: float
    rougeL: float


PREDICTIONS: Table[FaithRow] = Table(
    "predictions.csv",
    attributes(
        "id",
        "score",
        "predicted",
        "doc_id",
        "dataset",
        "system",
        "label",
        "claims",
        "unsupported",
        "contradicted",
        "lexical",
        "lexical_predicted",
        "cosine",
        "cosine_predicted",
        "rouge1",
        "rouge2",
        "rougeL",
    ),
)
# claims.csv: each claim of a summary, read as `run`'s claims.csv reads it, beside the label.
CLAIMS: Table[Entry[FaithItem, Alignment]] = Table(
    "claims.csv",
    (
        Column("id", attrgetter("owner.id")),
        RUN_CLAIMS["claim_id"],
        RUN_CLAIMS["claim"],
        replace(RUN_CLAIMS["claim_start"], name="start"),
        replace(RUN_CLAIMS["claim_end"], name="end"),
        RUN_CLAIMS["verdict"],
        RUN_CLAIMS["support"],
        RUN_CLAIMS["evidence"],
        RUN_CLAIMS["evidence_start"],
        RUN_CLAIMS["evidence_end"],
        RUN_CLAIMS["similarity"],
        RUN_CLAIMS["token_precision"],
        RUN_CLAIMS["bigram_precision"],
        RUN_CLAIMS["weakest_precision"],
        RUN_CLAIMS["entailment"],
        RUN_CLAIMS["contradiction"],
        RUN_CLAIMS["novel"],
        RUN_CLAIMS["conflict"],
        RUN_CLAIMS["reason"],
        Column("in_human_span", _in_human_span),
        Column("label", attrgetter("owner.label")),
    ),
)


def score_faithfulness(
    bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[FaithRow], list[Entry[FaithItem, Alignment]]]:
    """Every summary's row and every claim's row, in file order."""
    items = {it.id: it for it in bench.faith}
    cosine = CosineVerifier(cfg.verifier)  # the verdicts `run verifier=cosine` gives
    rows: dict[str, FaithRow] = {}
    claim_rows: dict[str, list[Entry[FaithItem, Alignment]]] = {}
    events = faith_events(bench.faith, bench.path)
    threshold = res.verifier.threshold  # a ruled-out claim is held below it (`ranked`)
    for event, (result, signals) in judged(events, cfg, res):
        source = event.sources[0].text
        source_tokens = frozenset(content_tokens(source))
        by_candidate = _alignments(result)
        for cand in event.candidates:
            item = items[cand.doc_id]
            aligned = by_candidate.get(cand.doc_id, [])
            measured = signals.claims[cand.doc_id]
            supports = [ranked(a.support, a.verdict != "supported", threshold) for a in aligned]
            cos = [cosine.judge(m.signals) for m in measured]
            lexical = lexical_precision(item.summary, source_tokens)
            rouge = res.rouge.score(source, item.summary)
            verdicts = [a.verdict for a in aligned]
            rows[item.id] = FaithRow(
                id=item.id,
                doc_id=item.doc_id,
                dataset=item.dataset,
                system=item.system,
                label=item.label,
                score=min(supports) if supports else math.nan,
                predicted=float(all(v == "supported" for v in verdicts)) if verdicts else math.nan,
                claims=len(aligned),
                unsupported=verdicts.count("unsupported"),
                contradicted=verdicts.count("contradicted"),
                lexical=lexical,
                lexical_predicted=predicted_at(lexical, cfg.verifier.lexical_threshold),
                cosine=min(s for _, s, _ in cos) if cos else math.nan,
                cosine_predicted=float(all(v == "supported" for v, _, _ in cos))
                if cos
                else math.nan,
                rouge1=rouge["rouge1"].precision if item.summary.strip() else math.nan,
                rouge2=rouge["rouge2"].precision if item.summary.strip() else math.nan,
                rougeL=rouge["rougeL"].precision if item.summary.strip() else math.nan,
            )
            claim_rows[item.id] = list(enumerated(item, aligned))
    order = [it.id for it in bench.faith]
    return [rows[i] for i in order], [r for i in order for r in claim_rows[i]]


def _alignments(result: EventResult) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for a in result.alignments:
        out[a.claim.candidate].append(a)
    return out


def faith_metrics(rows: Sequence[FaithRow], n_boot: int, seed: int) -> list[ScopedMetric]:
    """ROC AUC and balanced accuracy per method, overall and per dataset, with 95% intervals."""
    out: list[ScopedMetric] = []
    for scope, subset in scoped_rows(rows, lambda r: r.dataset):
        labels = np.array([r.label for r in subset], dtype=float)
        docs = np.array([r.doc_id for r in subset])
        for method in FAITH_METHODS:
            score = np.array([_faith_score(r, method) for r in subset], dtype=float)
            ok = ~np.isnan(score)
            y, s, g = labels[ok], score[ok], docs[ok]
            out.append(scoped_estimate(scope, method, "roc_auc", roc_auc, (y, s), g, n_boot, seed))
            if method in ("evalkit", "lexical", "cosine"):
                p = np.array([_faith_predicted(r, method) for r in subset], dtype=float)[ok]
                ba = balanced_accuracy
                out.append(
                    scoped_estimate(scope, method, "balanced_accuracy", ba, (y, p), g, n_boot, seed)
                )
    return out


def _faith_score(row: FaithRow, method: str) -> float:
    return row.score if method == EVALKIT else float(getattr(row, method))


def _faith_predicted(row: FaithRow, method: str) -> float:
    return row.predicted if method == EVALKIT else float(getattr(row, f"{method}_predicted"))
