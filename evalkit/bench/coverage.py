"""The `meta` verb: evalkit's verdicts against human judgements, with baselines beside them.

A benchmark file (format: the shared bench README) is turned into ordinary events, one per
source document with every summary of that document as a candidate, and run through the same
pipeline as `run` (`run_event`): the same cleaning, segmentation, verifier and coverage matcher,
with the calibrated parameters from the config. Nothing is refitted on the file being scored.

Summary-level faithfulness: a summary's score is the lowest support of its claims (a summary is
as faithful as its weakest sentence) and it is predicted faithful when every claim is judged
supported. Coverage: a summary's coverage is what `run` reports (the mean coverage credit of
the key facts); each fact is predicted covered at the calibrated threshold.

Baselines are computed in the same pass from the same sentences: lexical overlap, plain cosine
(the `cosine` verifier, no checks) and ROUGE, so the table shows what each part of evalkit buys.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from evalkit.bench.load import Benchmark, CoverageDoc, FaithItem, load_benchmark
from evalkit.config import Config
from evalkit.errors import InputError
from evalkit.metrics import (
    Metric,
    accuracy,
    balanced_accuracy,
    estimate,
    f1,
    kendall_tau_b,
    pearson,
    roc_auc,
    spearman,
)
from evalkit.pipeline import EventMeasure, Resources, Timings, judge_event, measured
from evalkit.records import Document, Event, EventResult, Fact
from evalkit.report import fmt
from evalkit.stages.align import FactSignals, Measured
from evalkit.stages.segment import split_line
from evalkit.text import content_tokens
from evalkit.verifiers import CosineVerifier

log = logging.getLogger("evalkit")
T = TypeVar("T")
R = TypeVar("R")

EVALKIT = "evalkit"


# --- benchmark items as events -----------------------------------------------------------------


def one_sentence_per_line(text: str) -> str:
    """The text with each sentence on its own line: the gap after a sentence becomes a newline.

    Length-preserving, so every character offset stays valid. The cleaner judges whole lines,
    and some benchmark sources hold a whole article on one line (CLIFF's CNN/DailyMail): one
    line mentioning a URL would otherwise drop the article. This way a rule drops a sentence.
    """
    out = list(text)
    offset = 0
    for line in text.split("\n"):
        spans = split_line(line) if line.strip() else ()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            gap = line[end:start]
            if gap and gap.isspace():
                out[offset + end] = "\n"
        offset += len(line) + 1
    return "".join(out)


def faith_events(items: Sequence[FaithItem], origin: str) -> list[Event]:
    """One event per source document; its summaries are the candidates (ids are item ids)."""
    by_doc: dict[str, list[FaithItem]] = defaultdict(list)
    for item in items:
        by_doc[item.doc_id].append(item)
    return [
        Event(
            event_id=doc_id,
            sources=(Document(doc_id, "source", one_sentence_per_line(group[0].source), origin),),
            candidates=tuple(
                Document(it.id, "candidate", it.summary, f"{origin}:{it.id}") for it in group
            ),
            origin=origin,
        )
        for doc_id, group in by_doc.items()
    ]


def coverage_event(doc: CoverageDoc, origin: str) -> Event:
    """One document: its source, its summaries as candidates (ids are system names), its facts."""
    return Event(
        event_id=doc.doc_id,
        sources=(Document(doc.doc_id, "source", one_sentence_per_line(doc.source), origin),),
        candidates=tuple(
            Document(s.system, "candidate", s.text, f"{origin}:{doc.doc_id}:{s.system}")
            for s in doc.summaries
        ),
        origin=origin,
        key_facts=tuple(
            (fact, f"{origin}:{doc.doc_id} key_facts[{i}]") for i, fact in enumerate(doc.key_facts)
        ),
        key_facts_from=f"{origin}:{doc.doc_id}",
    )


@dataclass(frozen=True, slots=True)
class EventSignals:
    """The signals the verifier and the coverage matcher see, per candidate of one event."""

    facts: tuple[Fact, ...]
    claims: dict[str, list[Measured]]  # candidate id -> one per claim, in claim order
    matches: dict[str, list[FactSignals] | None]  # candidate id -> one per fact; None: no text
    claim_spans: dict[str, list[tuple[int, int]]]  # candidate id -> [start, end) of each claim


def measure_event(event: Event, cfg: Config, res: Resources) -> EventSignals:
    """The signals `run_event` judges (the pipeline's own measurement, from the disk cache
    when an earlier run measured the event), for calibration and the baselines."""
    return signals_of(measured(event, cfg, res))


def signals_of(m: EventMeasure) -> EventSignals:
    cands = m.candidates
    return EventSignals(
        m.facts,
        {c.candidate: list(c.measured) for c in cands},
        {c.candidate: None if c.facts is None else list(c.facts) for c in cands},
        {c.candidate: [(cl.sentence.start, cl.sentence.end) for cl in c.claims] for c in cands},
    )


def progress(items: Iterable[T], total: int, what: str) -> Iterable[T]:
    """A progress bar on stderr when it is a terminal; the plain items otherwise."""
    if not sys.stderr.isatty():
        return items
    from tqdm import tqdm  # a dependency of sentence-transformers

    return tqdm(items, total=total, desc=what, unit="doc", file=sys.stderr, leave=False)


def pooled(
    fn: Callable[[Event], R], events: Sequence[Event], res: Resources, batch: int, what: str
) -> Iterator[tuple[Event, R]]:
    """(event, fn(event)) in order; up to `batch` events at a time share the model's batches."""

    def chunks() -> Iterator[tuple[Event, R]]:
        for start in range(0, len(events), max(1, batch)):
            part = events[start : start + max(1, batch)]
            yield from zip(part, res.embedder.pooled(fn, part), strict=True)

    return iter(progress(chunks(), len(events), what))


def judged(
    events: Sequence[Event], cfg: Config, res: Resources
) -> Iterator[tuple[Event, tuple[EventResult, EventSignals]]]:
    """Each event measured once, then judged as `run` judges it (evalkit's verdicts) and
    viewed as signals (the baselines)."""

    def both(event: Event) -> tuple[EventResult, EventSignals]:
        m = measured(event, cfg, res)
        return judge_event(m, cfg, res), signals_of(m)

    return pooled(both, events, res, cfg.embedder.event_batch, "meta")


def lexical_precision(summary: str, source_tokens: frozenset[str]) -> float:
    """Share of the summary's content tokens that occur in the source; NaN with none."""
    toks = content_tokens(summary)
    return sum(t in source_tokens for t in toks) / len(toks) if toks else math.nan


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in spans)


# --- faithfulness ------------------------------------------------------------------------------

FAITH_METHODS = ("evalkit", "lexical", "cosine", "rouge1", "rouge2", "rougeL")


@dataclass(frozen=True, slots=True)
class FaithRow:
    """One summary: evalkit's score and verdict, the baselines' scores, the human label."""

    id: str
    doc_id: str
    dataset: str
    system: str
    label: int
    score: float  # lowest claim support; NaN when the summary has no sentence
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


PREDICTION_COLUMNS = (
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
)
CLAIM_COLUMNS = (
    "id",
    "claim_id",
    "claim",
    "start",
    "end",
    "verdict",
    "support",
    "evidence",
    "evidence_start",
    "evidence_end",
    "similarity",
    "token_precision",
    "novel",
    "conflict",
    "reason",
    "in_human_span",
    "label",
)


def score_faithfulness(
    bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[FaithRow], list[tuple[Any, ...]]]:
    """Every summary's row and every claim's row, in file order."""
    items = {it.id: it for it in bench.faith}
    cosine = CosineVerifier(cfg.verifier)  # the verdicts `run verifier=cosine` gives
    rows: dict[str, FaithRow] = {}
    claim_rows: dict[str, list[tuple[Any, ...]]] = {}
    events = faith_events(bench.faith, bench.path)
    for event, (result, signals) in judged(events, cfg, res):
        source = event.sources[0].text
        source_tokens = frozenset(content_tokens(source))
        by_candidate = _alignments(result)
        for cand in event.candidates:
            item = items[cand.doc_id]
            aligned = by_candidate.get(cand.doc_id, [])
            measured = signals.claims[cand.doc_id]
            supports = [a.support for a in aligned]
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
                lexical_predicted=_at(lexical, cfg.verifier.lexical_threshold),
                cosine=min(s for _, s, _ in cos) if cos else math.nan,
                cosine_predicted=float(all(v == "supported" for v, _, _ in cos))
                if cos
                else math.nan,
                rouge1=rouge["rouge1"].precision if item.summary.strip() else math.nan,
                rouge2=rouge["rouge2"].precision if item.summary.strip() else math.nan,
                rougeL=rouge["rougeL"].precision if item.summary.strip() else math.nan,
            )
            claim_rows[item.id] = [
                (
                    item.id,
                    a.claim.claim_id,
                    a.claim.sentence.text,
                    a.claim.sentence.start,
                    a.claim.sentence.end,
                    a.verdict,
                    a.support,
                    a.evidence.text if a.evidence else "",
                    a.evidence.start if a.evidence else "",
                    a.evidence.end if a.evidence else "",
                    a.similarity,
                    a.token_precision,
                    "; ".join(a.novel),
                    a.conflict,
                    a.reason,
                    _overlaps(a.claim.sentence.start, a.claim.sentence.end, item.spans),
                    item.label,
                )
                for a in aligned
            ]
    order = [it.id for it in bench.faith]
    return [rows[i] for i in order], [r for i in order for r in claim_rows[i]]


def _alignments(result: EventResult) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for a in result.alignments:
        out[a.claim.candidate].append(a)
    return out


def _at(value: float, threshold: float) -> float:
    """1.0 / 0.0 for value >= threshold; NaN stays NaN."""
    return math.nan if math.isnan(value) else float(value >= threshold)


def faith_metrics(rows: Sequence[FaithRow], n_boot: int, seed: int) -> list[ScopedMetric]:
    """ROC AUC and balanced accuracy per method, overall and per dataset, with 95% intervals."""
    out: list[ScopedMetric] = []
    for scope, subset in _scopes(rows, lambda r: r.dataset):
        labels = np.array([r.label for r in subset], dtype=float)
        docs = np.array([r.doc_id for r in subset])
        for method in FAITH_METHODS:
            score = np.array([_faith_score(r, method) for r in subset], dtype=float)
            ok = ~np.isnan(score)
            y, s, g = labels[ok], score[ok], docs[ok]
            out.append(_est(scope, method, "roc_auc", roc_auc, (y, s), g, n_boot, seed))
            if method in ("evalkit", "lexical", "cosine"):
                p = np.array([_faith_predicted(r, method) for r in subset], dtype=float)[ok]
                ba = balanced_accuracy
                out.append(_est(scope, method, "balanced_accuracy", ba, (y, p), g, n_boot, seed))
    return out


def _faith_score(row: FaithRow, method: str) -> float:
    return row.score if method == EVALKIT else float(getattr(row, method))


def _faith_predicted(row: FaithRow, method: str) -> float:
    return row.predicted if method == EVALKIT else float(getattr(row, f"{method}_predicted"))


# --- coverage ----------------------------------------------------------------------------------

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


FACT_COLUMNS = (
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
)
SUMMARY_COLUMNS = (
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
)


def score_coverage(
    bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[FactRow], list[SummaryRow]]:
    """Every fact x summary row and every summary row, in file order."""
    cov = cfg.coverage
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
                    lexical_predicted=_at(lexical, cov.lexical_threshold),
                    cosine=cosine,
                    cosine_predicted=_at(cosine, cov.cosine_threshold),
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
    by_fact = _scopes(labelled, lambda f: dataset[(f.doc_id, f.system)]) if labelled else iter(())
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
                out.append(_est(scope, method, name, fn, (y[ok], p[ok]), docs[ok], n_boot, seed))
    for scope, subset in _scopes(summaries, lambda s: s.dataset):
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
                ("summary_pearson_per_doc", _per_doc(pearson), (g, x, h)),
                ("summary_spearman_per_doc", _per_doc(spearman), (g, x, h)),
                ("system_pearson", _system(pearson), (sy, x, h)),
                ("system_kendall_tau", _system(kendall_tau_b), (sy, x, h)),
            )
            for name, fn, args in summary_level:
                out.append(_est(scope, method, name, fn, args, g, n_boot, seed))
    return out


def _per_doc(fn: Callable[[Any, Any], float]) -> Callable[..., float]:
    """Correlation within each document, averaged over documents (Pyramid convention).

    The same numbers as metrics.per_group_mean_correlation (tests/test_meta.py checks), but
    in a few array passes for all documents at once: the bootstrap calls it thousands of times.
    """
    ranked = fn is spearman

    def per_doc(groups: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
        return mean_group_correlation(groups, x, y, ranked)

    return per_doc


def mean_group_correlation(
    groups: np.ndarray, x: np.ndarray, y: np.ndarray, ranked: bool = False
) -> float:
    """Mean over groups of the within-group Pearson (Spearman if `ranked`) correlation.

    Groups with fewer than 2 items or a constant side are skipped; NaN when none is left.
    """
    _, g = np.unique(groups, return_inverse=True)
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(g) < 2 or np.isnan(x).any() or np.isnan(y).any():
        return math.nan
    count = np.bincount(g).astype(float)
    varies = (_group_spread(g, x) > 0) & (_group_spread(g, y) > 0) & (count >= 2)
    if ranked:
        x, y = _group_ranks(g, x), _group_ranks(g, y)
    dx = x - (np.bincount(g, x) / count)[g]
    dy = y - (np.bincount(g, y) / count)[g]
    sxy, sxx, syy = np.bincount(g, dx * dy), np.bincount(g, dx * dx), np.bincount(g, dy * dy)
    keep = varies & (sxx > 0) & (syy > 0)
    if not keep.any():
        return math.nan
    r = np.clip(sxy[keep] / np.sqrt(sxx[keep] * syy[keep]), -1.0, 1.0)
    return float(r.mean())


def _group_spread(g: np.ndarray, v: np.ndarray) -> np.ndarray:
    """max - min of v within each group."""
    n = int(g.max()) + 1
    high = np.full(n, -np.inf)
    low = np.full(n, np.inf)
    np.maximum.at(high, g, v)
    np.minimum.at(low, g, v)
    return high - low


def _group_ranks(g: np.ndarray, v: np.ndarray) -> np.ndarray:
    """1-based ranks of v within each group, ties sharing their average rank."""
    order = np.lexsort((v, g))
    gs, vs = g[order], v[order]
    pos = np.arange(len(v), dtype=float)
    new_run = np.ones(len(v), bool)
    new_run[1:] = (gs[1:] != gs[:-1]) | (vs[1:] != vs[:-1])
    run = np.cumsum(new_run) - 1
    run_mean = np.bincount(run, pos) / np.bincount(run)
    new_group = np.ones(len(v), bool)
    new_group[1:] = gs[1:] != gs[:-1]
    start = np.maximum.accumulate(np.where(new_group, pos, 0.0))
    ranks = np.empty(len(v))
    ranks[order] = run_mean[run] - start + 1
    return ranks


def _system(fn: Callable[[Any, Any], float]) -> Callable[..., float]:
    """Correlation between per-system means."""

    def system(systems: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
        names, inverse = np.unique(systems, return_inverse=True)
        if len(names) < 2:
            return math.nan
        counts = np.bincount(inverse)
        return fn(np.bincount(inverse, x) / counts, np.bincount(inverse, y) / counts)

    return system


# --- metrics plumbing --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScopedMetric:
    """A metric of one method over one scope (all items, or one `dataset` value)."""

    scope: str
    method: str
    metric: Metric


def _scopes(rows: Sequence[Any], key: Callable[[Any], str]) -> Iterator[tuple[str, list[Any]]]:
    """("all", every row), then one scope per `dataset` value when there are several."""
    yield "all", list(rows)
    values = sorted({key(r) for r in rows})
    if len(values) > 1:
        for value in values:
            yield value, [r for r in rows if key(r) == value]


def _est(
    scope: str,
    method: str,
    name: str,
    fn: Callable[..., float],
    arrays: tuple[np.ndarray, ...],
    groups: np.ndarray,
    n_boot: int,
    seed: int,
) -> ScopedMetric:
    """The metric with a bootstrap interval over documents (a document's items move together)."""
    if len(groups) == 0:
        return ScopedMetric(scope, method, Metric(name, math.nan, math.nan, math.nan, 0))
    # A per-document statistic passes `groups` itself as an argument: the bootstrap then gives
    # a document drawn twice two fresh ids, so it counts as two documents.
    metric = estimate(name, fn, *arrays, n_boot=n_boot, seed=seed, groups=groups)
    return ScopedMetric(scope, method, metric)


METRIC_TITLES = {
    "roc_auc": "ROC AUC",
    "balanced_accuracy": "balanced accuracy",
    "fact_accuracy": "fact accuracy",
    "fact_balanced_accuracy": "fact bal. acc.",
    "fact_f1": "fact F1",
    "summary_pearson": "summary Pearson",
    "summary_spearman": "summary Spearman",
    "summary_pearson_per_doc": "per-doc Pearson",
    "summary_spearman_per_doc": "per-doc Spearman",
    "system_pearson": "system Pearson",
    "system_kendall_tau": "system Kendall tau",
}
METHOD_TITLES = {
    "evalkit": "**evalkit**",
    "evalkit_hard": "evalkit, 0/1 verdicts",
    "lexical": "lexical overlap",
    "cosine": "plain cosine",
    "rouge1": "ROUGE-1",
    "rouge2": "ROUGE-2",
    "rougeL": "ROUGE-L",
}


def metrics_csv(metrics: Sequence[ScopedMetric]) -> str:
    """Tidy table: one row per scope x method x metric."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(("scope", "method", "metric", "value", "low", "high", "n"))
    for m in metrics:
        x = m.metric
        writer.writerow((m.scope, m.method, x.name, fmt(x.value), fmt(x.low), fmt(x.high), x.n))
    return buf.getvalue()


def metrics_markdown(metrics: Sequence[ScopedMetric], header: Sequence[str]) -> str:
    """One table per scope: methods as rows, metrics as columns, value [95% interval]."""
    lines = ["# evalkit meta-evaluation", "", *header, ""]
    scopes = list(dict.fromkeys(m.scope for m in metrics))
    for scope in scopes:
        here = [m for m in metrics if m.scope == scope]
        names = list(dict.fromkeys(m.metric.name for m in here))
        methods = list(dict.fromkeys(m.method for m in here))
        cell = {(m.method, m.metric.name): m.metric for m in here}
        sizes = sorted({m.metric.n for m in here}, reverse=True)
        lines += [f"## {scope} (n = {' / '.join(str(n) for n in sizes)})", ""]
        lines.append("| method | " + " | ".join(METRIC_TITLES.get(x, x) for x in names) + " |")
        lines.append("|---|" + "---:|" * len(names))
        for method in methods:
            cells = []
            for name in names:
                x = cell.get((method, name))
                cells.append("" if x is None else _interval(x))
            lines.append(f"| {METHOD_TITLES.get(method, method)} | " + " | ".join(cells) + " |")
        lines.append("")
    lines.append(
        "Intervals: 95% percentile bootstrap over documents (seeded). System-level intervals "
        "run low: resampling documents adds noise to every system's mean."
    )
    return "\n".join(lines) + "\n"


def _interval(m: Metric) -> str:
    if math.isnan(m.value):
        return "NaN"
    if math.isnan(m.low):
        return f"{m.value:.3f}"
    return f"{m.value:.3f} [{m.low:.3f}, {m.high:.3f}]"


# --- the verb ----------------------------------------------------------------------------------


def _table(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(tuple(fmt(v) for v in row) for row in rows)
    return buf.getvalue()


def _ordered(row: Any, columns: Sequence[str]) -> tuple[Any, ...]:
    d = asdict(row)
    return tuple(d[c] for c in columns)


def write_all(run_dir: Path, files: dict[str, str]) -> None:
    """Write every file under a temporary name, then rename them all into place."""
    run_dir.mkdir(parents=True, exist_ok=True)
    try:
        for name, text in files.items():
            (run_dir / f".{name}.tmp").write_text(text, encoding="utf-8")
        for name in files:
            os.replace(run_dir / f".{name}.tmp", run_dir / name)
    finally:
        for name in files:
            (run_dir / f".{name}.tmp").unlink(missing_ok=True)


def load_bench_path(cfg: Config) -> Benchmark:
    """The benchmark named by bench.path, or a one-line error saying how to name one."""
    if not cfg.bench.path:
        raise InputError(
            "bench.path: not set; pass a benchmark JSONL file, e.g. "
            "python -m evalkit meta bench.path=bench/faithfulness_xsumfaith_dev.jsonl"
        )
    return load_benchmark(Path(cfg.bench.path).expanduser())


def run_meta(cfg: Config, run_dir: Path) -> None:
    """The `meta` verb: score a benchmark file and write predictions and agreement metrics."""
    from evalkit.cli import check_run_dir, manifest

    check_run_dir(run_dir, cfg.overwrite)
    started = time.perf_counter()
    bench = load_bench_path(cfg)  # input errors surface before the model loads
    timings = Timings()
    res = Resources.build(cfg, timings)
    n_boot, seed = cfg.bench.bootstrap, cfg.bench.seed
    files: dict[str, str] = {}
    if bench.kind == "faithfulness":
        log.info("scoring %d summaries of %s", len(bench.faith), bench.path)
        with timings.stage("meta_score"):
            rows, claims = score_faithfulness(bench, cfg, res)
        with timings.stage("meta_metrics"):
            metrics = faith_metrics(rows, n_boot, seed)
        files["predictions.csv"] = _table(
            PREDICTION_COLUMNS, (_ordered(r, PREDICTION_COLUMNS) for r in rows)
        )
        files["claims.csv"] = _table(CLAIM_COLUMNS, claims)
        positive = sum(r.label for r in rows)
        header = [
            f"- file: `{bench.path}` (faithfulness, sha256 `{bench.sha256[:16]}…`)",
            f"- {len(rows)} summaries of {len({r.doc_id for r in rows})} documents; "
            f"{positive} faithful ({positive / len(rows):.1%}), {len(rows) - positive} not",
            "- evalkit: score = lowest claim support; faithful when every claim is supported "
            f"(verifier.threshold = {cfg.verifier.threshold:.4g}, calibrated, not refitted)",
            f"- lexical: share of content words in the source >= "
            f"{cfg.verifier.lexical_threshold:.4g}; plain cosine: every claim's best sentence "
            f"cosine >= {cfg.verifier.cosine_threshold:.4g}; ROUGE: precision against the source",
        ]
        counts = {"summaries": len(rows), "claims": len(claims)}
    else:
        n_summaries = sum(len(d.summaries) for d in bench.coverage)
        log.info("scoring %d summaries of %s", n_summaries, bench.path)
        with timings.stage("meta_score"):
            facts, summaries = score_coverage(bench, cfg, res)
        with timings.stage("meta_metrics"):
            metrics = coverage_metrics(facts, summaries, n_boot, seed)
        if any(not math.isnan(f.label) for f in facts):
            files["predictions.csv"] = _table(
                FACT_COLUMNS, (_ordered(f, FACT_COLUMNS) for f in facts)
            )
        files["summaries.csv"] = _table(
            SUMMARY_COLUMNS, (_ordered(s, SUMMARY_COLUMNS) for s in summaries)
        )
        header = [
            f"- file: `{bench.path}` (coverage, sha256 `{bench.sha256[:16]}…`)",
            f"- {len(summaries)} summaries of {len(bench.coverage)} documents, "
            f"{len({s.system for s in summaries})} systems, {len(facts)} fact x summary pairs",
            "- evalkit: coverage = mean credit of the key facts (what `run` reports; a fact's "
            "credit is its calibrated match probability re-centred on the threshold, sharpness "
            f"{cfg.coverage.sharpness:.4g}); a fact is covered at probability >= "
            f"coverage.threshold = {cfg.coverage.threshold:.4g}",
            f"- lexical: fact covered when the recall of its content words >= "
            f"{cfg.coverage.lexical_threshold:.4g}; plain cosine: best sentence cosine >= "
            f"{cfg.coverage.cosine_threshold:.4g}; ROUGE: recall against the reference summary",
        ]
        counts = {"summaries": len(summaries), "fact_pairs": len(facts)}
    timings.seconds["total"] = time.perf_counter() - started
    files["metrics.csv"] = metrics_csv(metrics)
    files["metrics.md"] = metrics_markdown(metrics, header)
    info = {
        "benchmark": {"path": bench.path, "sha256": bench.sha256, "kind": bench.kind},
        "bootstrap": {"resamples": n_boot, "seed": seed, "unit": "document"},
        "metrics": [
            {"scope": m.scope, "method": m.method, **_json_metric(m.metric)} for m in metrics
        ],
    }
    files["metrics.json"] = json.dumps(info, indent=2, sort_keys=True, allow_nan=True) + "\n"
    extra = {"counts": counts, "benchmark": info["benchmark"]}
    files["run.json"] = json.dumps(manifest(cfg, res, timings, extra), indent=2, sort_keys=True)
    write_all(run_dir, files)
    print(metrics_markdown(metrics, header))
    print(f"tables in {run_dir} ({timings.seconds['total']:.0f} s)")


def _json_metric(m: Metric) -> dict[str, Any]:
    """A metric as JSON fields; NaN becomes null so every JSON reader accepts the file."""
    return {
        "metric": m.name,
        "value": None if math.isnan(m.value) else m.value,
        "low": None if math.isnan(m.low) else m.low,
        "high": None if math.isnan(m.high) else m.high,
        "n": m.n,
    }
