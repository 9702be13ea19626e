"""Benchmark items as events: what `meta` and `calibrate` measure and judge.

A benchmark file (format: the shared bench README) is turned into ordinary events, one per
source document with every summary of that document as a candidate, and run through the same
pipeline as `run`: the same cleaning, segmentation, verifier and coverage matcher, with the
calibrated parameters from the config. Baselines that need no model (lexical overlap) are here
too, so both verbs compute them alike.
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from evalkit.bench.load import CoverageDoc, FaithItem
from evalkit.config import Config
from evalkit.pipeline import EventMeasure, Resources, judge_event, measured
from evalkit.records import Document, Event, EventResult
from evalkit.stages.claims import Measured
from evalkit.stages.coverage import FactSignals
from evalkit.stages.segment import split_line
from evalkit.text import content_tokens

T = TypeVar("T")
R = TypeVar("R")


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


def _source(doc_id: str, text: str, origin: str) -> Document:
    """A benchmark document's source, one sentence per line, named by file and doc_id."""
    return Document(doc_id, "source", one_sentence_per_line(text), f"{origin}:{doc_id}")


def faith_events(items: Sequence[FaithItem], origin: str) -> list[Event]:
    """One event per source document; its summaries are the candidates (ids are item ids)."""
    by_doc: dict[str, list[FaithItem]] = defaultdict(list)
    for item in items:
        by_doc[item.doc_id].append(item)
    return [
        Event(
            event_id=doc_id,
            sources=(_source(doc_id, group[0].source, origin),),
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
        sources=(_source(doc.doc_id, doc.source, origin),),
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

    claims: dict[str, list[Measured]]  # candidate id -> one per claim, in claim order
    matches: dict[str, list[FactSignals] | None]  # candidate id -> one per fact; None: no text
    claim_spans: dict[str, list[tuple[int, int]]]  # candidate id -> [start, end) of each claim


def measure_signals(event: Event, cfg: Config, res: Resources) -> EventSignals:
    """The signals `run_event` judges (the pipeline's own measurement, from the disk cache
    when an earlier run measured the event), for calibration and the baselines."""
    return signals_of(measured(event, cfg, res))


def signals_of(m: EventMeasure) -> EventSignals:
    """An event's measurement as the signals of each of its candidates."""
    cands = m.candidates
    return EventSignals(
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


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) shares a character with any of the [a, b) spans."""
    return any(a < end and start < b for a, b in spans)


def predicted_at(value: float, threshold: float) -> float:
    """1.0 / 0.0 for value >= threshold; NaN stays NaN."""
    return math.nan if math.isnan(value) else float(value >= threshold)
