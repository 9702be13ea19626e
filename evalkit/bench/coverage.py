"""Coverage against human labels: each key fact x summary and each summary, with baselines.

A summary's coverage is what `run` reports (the mean coverage credit of the key facts); each
fact is predicted covered at the calibrated threshold. Baselines are computed in the same pass
from the same sentences: lexical recall, plain cosine and ROUGE recall against the reference.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from evalkit.bench.events import coverage_event, judged
from evalkit.bench.load import Benchmark
from evalkit.bench.tables import EVALKIT, ScopedMetric, scoped_estimate, scoped_rows
from evalkit.columns import Table, attributes
from evalkit.config import Config
from evalkit.metrics import (
    accuracy,
    balanced_accuracy,
    f1,
    kendall_tau_b,
    mean_group_correlation,
    pearson,
    spearman,
    system_correlation,
)
from evalkit.pipeline import Resources
from evalkit.stages.coverage import CosineMatcher, LexicalMatcher

COVERAGE_METHODS = ("evalkit", "evalkit_hard", "lexical", "cosine", "rouge1", "rouge2", "rougeL")
FACT_METHODS = ("evalkit", "lexical", "cosine")


@dataclass(frozen=True, slots=True)
class FactRow:
    """One key fact x summary: evalkit's match probability and verdict, baselines, the label."""

    doc_id: str
    system: str
    fact_index: int
    score: float  # coverage credit: >= 0.5 exactly when the fact is judged covered
    predicted: float
    label: float  # NaN when the file gives only a summary-level score
    lexical: float  # plain recall of the fact's content words in the summary
    lexical_predicted: float
    cosine: float  # best cosine of the fact to a summary sentence
    cosine_predicted: float


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One summary: the coverage evalkit reports, the baselines' coverage, the human coverage."""

    doc_id: str
    dataset: str
    system: str
    coverage: float  # what `run` reports: mean credit of the key facts
    evalkit_hard: float  # share of key facts judged covered
    lexical: float  # share of key facts with plain recall >= coverage.lexical_threshold
    cosine: float  # share of key facts with best cosine >= coverage.cosine_threshold
    rouge1: float  # ROUGE recall against the reference summary
    rouge2: float
    rougeL: float
    human: float  # share of key facts humans judged present, or the file's acu_score
    note: str


# predictions.csv: one row per key fact x summary.
FACTS: Table[FactRow] = Table(
    "predictions.csv",
    attributes(
        "doc_id",
        "system",
        "fact_index",
        "score",
        "predicted",
        "label",
        "lexical",
        "lexical_predicted",
        "cosine",
        "cosine_predicted",
    ),
)
SUMMARIES: Table[SummaryRow] = Table(
    "summaries.csv",
    attributes(
        "doc_id",
        "system",
        "coverage",
        "dataset",
        "evalkit_hard",
        "lexical",
        "cosine",
        "rouge1",
        "rouge2",
        "rougeL",
        "human",
        "note",
    ),
)


def score_coverage(
    bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[FactRow], list[SummaryRow]]:
    """Every fact x summary row and every summary row, in file order."""
    # the baselines are the matchers `run coverage=lexical|cosine` judges with
    lexical_matcher, cosine_matcher = LexicalMatcher(cfg.coverage), CosineMatcher(cfg.coverage)
    fact_rows: list[FactRow] = []
    summary_rows: list[SummaryRow] = []
    docs = {doc.doc_id: doc for doc in bench.coverage}
    events = [coverage_event(doc, bench.path) for doc in bench.coverage]
    for event, (result, signals) in judged(events, cfg, res):
        doc = docs[event.event_id]
        scores = {s.candidate: s for s in result.scores}
        matched: dict[str, dict[int, Any]] = defaultdict(dict)
        for m in result.matches:
            matched[m.candidate][int(m.fact.fact_id[1:]) - 1] = m
        for summ in doc.summaries:
            measured = signals.matches[summ.system]
            hard, lex, cos = [], [], []
            for i in range(len(doc.key_facts)):
                m = matched[summ.system][i]
                sig = measured[i] if measured is not None else None
                lexical = sig.plain_recall if sig else math.nan
                cosine = sig.similarity if sig else math.nan
                row = FactRow(
                    doc_id=doc.doc_id,
                    system=summ.system,
                    fact_index=i,
                    score=m.score,
                    predicted=math.nan if math.isnan(m.score) else float(m.covered),
                    label=float(summ.labels[i]) if summ.labels is not None else math.nan,
                    lexical=lexical,
                    lexical_predicted=float(lexical_matcher.judge(sig)[0] == "covered")
                    if sig
                    else math.nan,
                    cosine=cosine,
                    cosine_predicted=float(cosine_matcher.judge(sig)[0] == "covered")
                    if sig
                    else math.nan,
                )
                fact_rows.append(row)
                hard.append(row.predicted)
                lex.append(row.lexical_predicted)
                cos.append(row.cosine_predicted)
            rouge = res.rouge.score(doc.reference, summ.text)
            empty = not summ.text.strip()
            score = scores[summ.system]
            summary_rows.append(
                SummaryRow(
                    doc_id=doc.doc_id,
                    dataset=doc.dataset,
                    system=summ.system,
                    coverage=score.coverage,
                    evalkit_hard=float(np.mean(hard)),
                    lexical=float(np.mean(lex)),
                    cosine=float(np.mean(cos)),
                    rouge1=math.nan if empty else rouge["rouge1"].recall,
                    rouge2=math.nan if empty else rouge["rouge2"].recall,
                    rougeL=math.nan if empty else rouge["rougeL"].recall,
                    human=summ.human_coverage,
                    note=score.note,
                )
            )
    return fact_rows, summary_rows


def coverage_metrics(
    facts: Sequence[FactRow], summaries: Sequence[SummaryRow], n_boot: int, seed: int
) -> list[ScopedMetric]:
    """Per-fact, summary-level and system-level agreement per method, with 95% intervals."""
    out: list[ScopedMetric] = []
    dataset = {(s.doc_id, s.system): s.dataset for s in summaries}
    labelled = [f for f in facts if not math.isnan(f.label)]
    by_fact = (
        scoped_rows(labelled, lambda f: dataset[(f.doc_id, f.system)]) if labelled else iter(())
    )
    for scope, subset in by_fact:
        y = np.array([f.label for f in subset])
        docs = np.array([f.doc_id for f in subset])
        for method in FACT_METHODS:
            attr = "predicted" if method == EVALKIT else f"{method}_predicted"
            p = np.array([getattr(f, attr) for f in subset], dtype=float)
            ok = ~np.isnan(p)
            for name, fn in (
                ("fact_accuracy", accuracy),
                ("fact_balanced_accuracy", balanced_accuracy),
                ("fact_f1", f1),
            ):
                out.append(
                    scoped_estimate(scope, method, name, fn, (y[ok], p[ok]), docs[ok], n_boot, seed)
                )
    for scope, subset in scoped_rows(summaries, lambda s: s.dataset):
        human = np.array([s.human for s in subset], dtype=float)
        docs = np.array([s.doc_id for s in subset])
        systems = np.array([s.system for s in subset])
        for method in COVERAGE_METHODS:
            attr = "coverage" if method == EVALKIT else method
            pred = np.array([getattr(s, attr) for s in subset], dtype=float)
            ok = ~(np.isnan(pred) | np.isnan(human))
            x, h, g, sy = pred[ok], human[ok], docs[ok], systems[ok]
            summary_level: tuple[tuple[str, Callable[..., float], tuple[np.ndarray, ...]], ...] = (
                ("summary_pearson", pearson, (x, h)),
                ("summary_spearman", spearman, (x, h)),
                ("summary_pearson_per_doc", mean_group_correlation, (g, x, h)),
                (
                    "summary_spearman_per_doc",
                    partial(mean_group_correlation, ranked=True),
                    (g, x, h),
                ),
                ("system_pearson", partial(system_correlation, fn=pearson), (sy, x, h)),
                ("system_kendall_tau", partial(system_correlation, fn=kendall_tau_b), (sy, x, h)),
            )
            for name, fn, args in summary_level:
                out.append(scoped_estimate(scope, method, name, fn, args, g, n_boot, seed))
    return out
