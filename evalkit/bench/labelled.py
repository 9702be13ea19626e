"""Labelled signals: what `calibrate` fits on, one record per claim, summary or key fact.

The signals are measured by the pipeline's own stages (`events.measure_signals`), so the models
are fitted on exactly what `run` and `meta` see. Claims take their summary's label, except that
in an unfaithful summary with marked spans a claim outside every span counts as faithful.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from evalkit.bench.events import (
    coverage_event,
    faith_events,
    lexical_precision,
    measure_signals,
    overlaps,
    pooled,
)
from evalkit.bench.load import Benchmark
from evalkit.config import Config
from evalkit.errors import InputError
from evalkit.pipeline import Resources
from evalkit.stages.coverage import FactSignals
from evalkit.text import content_tokens
from evalkit.verifiers import ClaimSignals


@dataclass(frozen=True, slots=True)
class ClaimData:
    """One claim's signals with its label, its summary and where it came from."""

    file: int
    doc_id: str
    summary: str  # benchmark item id
    signals: ClaimSignals
    label: int


@dataclass(frozen=True, slots=True)
class SummaryData:
    """One summary's label and its baselines' scores (the calibrate side of `meta`)."""

    file: int
    doc_id: str
    id: str
    label: int
    lexical: float


@dataclass(frozen=True, slots=True)
class FactData:
    """One key fact x summary: signals and human label."""

    file: int
    doc_id: str
    system: str
    signals: FactSignals
    label: int


def collect_faith(
    index: int, bench: Benchmark, cfg: Config, res: Resources
) -> tuple[list[ClaimData], list[SummaryData]]:
    """Claim signals and labels of one faithfulness file."""
    items = {it.id: it for it in bench.faith}
    claims: list[ClaimData] = []
    summaries: list[SummaryData] = []
    events = faith_events(bench.faith, bench.path)
    measure = partial(measure_signals, cfg=cfg, res=res)
    for event, signals in pooled(measure, events, res, cfg.embedder.event_batch, _name(bench)):
        source_tokens = frozenset(content_tokens(event.sources[0].text))
        for cand in event.candidates:
            item = items[cand.doc_id]
            for m, (start, end) in zip(
                signals.claims[item.id], signals.claim_spans[item.id], strict=True
            ):
                bad = overlaps(start, end, item.spans) or not item.spans
                label = 1 if item.label == 1 else int(not bad)
                claims.append(ClaimData(index, item.doc_id, item.id, m.signals, label))
            lexical = lexical_precision(item.summary, source_tokens)
            summaries.append(SummaryData(index, item.doc_id, item.id, item.label, lexical))
    return claims, summaries


def collect_coverage(index: int, bench: Benchmark, cfg: Config, res: Resources) -> list[FactData]:
    """Fact signals and labels of one coverage file (needs per-fact labels)."""
    out: list[FactData] = []
    events = [coverage_event(doc, bench.path) for doc in bench.coverage]
    measure = partial(measure_signals, cfg=cfg, res=res)
    results = pooled(measure, events, res, cfg.embedder.event_batch, _name(bench))
    for doc, (_, signals) in zip(bench.coverage, results, strict=True):
        for summ in doc.summaries:
            if summ.labels is None:
                raise InputError(
                    f"{bench.path}: document {doc.doc_id} system {summ.system} has no per-fact "
                    "labels; calibrate needs one 0/1 label per key fact"
                )
            measured = signals.matches[summ.system]
            if measured is None:
                continue  # an empty summary has no signals; its coverage is NaN, not a label
            for sig, label in zip(measured, summ.labels, strict=True):
                out.append(FactData(index, doc.doc_id, summ.system, sig, label))
    return out


def _name(bench: Benchmark) -> str:
    return Path(bench.path).name
