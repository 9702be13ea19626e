"""The pipeline: load -> clean -> segment -> reference -> key facts -> align -> score.

`run_event` is pure over records: no file I/O, no globals. Heavy objects (the embedder, the
ROUGE scorer, the verifier) are built once in `Resources` and injected.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from rouge_score.rouge_scorer import RougeScorer
from threadpoolctl import threadpool_limits

from evalkit.config import Config
from evalkit.embed import EmbeddingCache, build_embedder, off_stage_seconds
from evalkit.records import (
    Alignment,
    CandidateScore,
    Claim,
    Event,
    EventResult,
    FactMatch,
    Segmented,
    SourceInfo,
)
from evalkit.rouge import FastRouge
from evalkit.stages.align import align_claims, match_facts
from evalkit.stages.clean import clean_documents
from evalkit.stages.facts import extract_facts
from evalkit.stages.reference import pick_reference
from evalkit.stages.score import rank, score_candidate
from evalkit.stages.segment import segment
from evalkit.verifiers import Verifier, build_verifier

log = logging.getLogger("evalkit")


@dataclass
class Timings:
    """Seconds spent per stage, summed over events.

    Encoding is timed on its own ("encode", "cache_read" in run.json), so a stage's seconds are
    its own work, also while several events take turns (time spent waiting is not counted).
    """

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start, off = time.perf_counter(), off_stage_seconds()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - start - (off_stage_seconds() - off)
            self.seconds[name] += elapsed


@dataclass
class Resources:
    """Objects built once per run and shared by every event."""

    embedder: EmbeddingCache
    verifier: Verifier
    rouge: RougeScorer
    timings: Timings

    @classmethod
    def build(cls, cfg: Config, timings: Timings | None = None) -> Resources:
        timings = timings or Timings()
        # numpy's BLAS rounds the same product differently with a different thread count, and a
        # joblib or SLURM job gets its own; one thread everywhere keeps every job's numbers
        # equal (the products per event are small, the model runs in torch, unaffected).
        threadpool_limits(1, user_api="blas")
        verifier = build_verifier(cfg.verifier)  # cheap checks before the model loads
        with timings.stage("load_model"):
            embedder = build_embedder(cfg.embedder, cfg.cache)
        return cls(embedder, verifier, FastRouge(), timings)


def run_event(event: Event, cfg: Config, res: Resources) -> EventResult:
    """Score every candidate of one event against its sources."""
    t, emb = res.timings, res.embedder
    with t.stage("clean"):
        clean_sources, clean_extra = clean_documents(
            event.sources, event.candidates, cfg.clean, emb
        )
    with t.stage("segment"):
        sources = [segment(c) for c in clean_sources]
        extra = [segment(c) for c in clean_extra]
    for s in sources:
        if not s.sentences:
            log.warning("%s: no sentences left after cleaning", s.clean.doc.origin)
    with t.stage("reference"):
        choice = pick_reference(sources, cfg.data.reference)
        reference = next(s for s in sources if s.doc_id == choice.doc_id)
    with t.stage("facts"):
        facts = extract_facts(reference, sources, event.key_facts, cfg.coverage, emb)
    candidates: list[Segmented] = extra[:]
    if cfg.data.sources_as_candidates:
        candidates = [s for s in sources if s.doc_id != choice.doc_id] + candidates
    alignments: list[Alignment] = []
    matches: list[FactMatch] = []
    scores: list[CandidateScore] = []
    reference_text = " ".join(s.text for s in reference.sentences)
    for cand in candidates:
        if not cand.sentences:
            log.warning(
                "%s: candidate '%s' has no sentences; its scores are NaN",
                cand.clean.doc.origin,
                cand.doc_id,
            )
        claims = [Claim(cand.doc_id, f"C{i + 1}", s) for i, s in enumerate(cand.sentences)]
        evidence = [s for s in sources if s.doc_id != cand.doc_id]  # never its own evidence
        with t.stage("align"):
            aligned = align_claims(claims, evidence, res.verifier, cfg.verifier, emb)
            matched = match_facts(facts, cand, cfg.coverage, emb)
        with t.stage("score"):
            text = " ".join(s.text for s in cand.sentences)
            scores.append(
                score_candidate(
                    cand.doc_id, text, reference_text, aligned, matched, cfg.scoring, res.rouge
                )
            )
        alignments.extend(aligned)
        matches.extend(matched)
    is_candidate = {c.doc_id for c in candidates}
    infos = tuple(
        SourceInfo(
            source=s.doc_id,
            is_reference=s.doc_id == choice.doc_id,
            is_candidate=s.doc_id in is_candidate,
            chars_raw=len(s.clean.doc.text),
            chars_clean=len(s.clean.text),
            sentences=len(s.sentences),
            removed_lines=len(s.clean.removed),
            event_terms=dict(choice.content)[s.doc_id],
        )
        for s in sources
    )
    return EventResult(
        event_id=event.event_id,
        reference=choice,
        facts_origin="hand-written" if event.key_facts else f"extracted from {choice.doc_id}",
        sources=infos,
        removed=tuple(r for s in sources for r in s.clean.removed),
        facts=facts,
        alignments=tuple(alignments),
        matches=tuple(matches),
        scores=rank(scores),
    )
