"""The pipeline: load -> clean -> segment -> reference -> facts -> claims -> coverage -> score.

`run_event` is pure over records: no file I/O, no globals. Heavy objects (the embedder, the
ROUGE scorer, the verifier) are built once in `Resources` and injected.
"""

from __future__ import annotations

import copyreg
import hashlib
import importlib.metadata
import json
import logging
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from threadpoolctl import threadpool_limits

from evalkit.cache import DiskCache, MeasureStore
from evalkit.config import Config, measurement
from evalkit.embed import EmbeddingCache, build_embedder, off_stage_seconds
from evalkit.entail import EntailCache, build_entailer
from evalkit.records import (
    Alignment,
    CandidateScore,
    Claim,
    Event,
    EventBasis,
    EventResult,
    Fact,
    FactMatch,
    ReferenceChoice,
    RemovedLine,
    Segmented,
    Sentence,
    SourceInfo,
    Unscorable,
)
from evalkit.rouge import FastRouge
from evalkit.stages.claims import (
    Measured,
    document_evidence,
    joined_evidence,
    judge_claims,
    measure_claims,
)
from evalkit.stages.clean import clean_documents
from evalkit.stages.coverage import (
    FactSignals,
    Matcher,
    build_matcher,
    decide_facts,
    measure_facts,
)
from evalkit.stages.facts import extract_facts
from evalkit.stages.reference import pick_reference
from evalkit.stages.score import rank, rouge_f1, score_candidate, unreadable
from evalkit.stages.segment import Spans, clause_sentences, segment
from evalkit.verifiers import ClaimSignals, Verifier, build_verifier
from evalkit.workers import fewer_arenas

log = logging.getLogger("evalkit")
NAN = float("nan")


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
    matcher: Matcher
    rouge: FastRouge
    timings: Timings
    entailer: EntailCache | None = None  # None: entail=none
    measures: MeasureStore | None = None  # measured events on disk; None: the cache is off

    @classmethod
    def build(cls, cfg: Config, timings: Timings | None = None) -> Resources:
        timings = timings or Timings()
        fewer_arenas()  # before `pooled` starts its threads
        # numpy's BLAS rounds the same product differently with a different thread count, and a
        # joblib or SLURM job gets its own; one thread everywhere keeps every job's numbers
        # equal (the products per event are small, the model runs in torch, unaffected).
        threadpool_limits(1, user_api="blas")
        verifier = build_verifier(cfg.verifier)  # cheap checks before the model loads
        matcher = build_matcher(cfg.coverage)
        with timings.stage("load_model"):
            embedder = build_embedder(cfg.embedder, cfg.cache)
            entailer = build_entailer(cfg.entail, cfg.cache)
        if entailer is not None:
            entailer.share(embedder.scheduler)
        measures = None
        disk = embedder.disk
        if disk is not None and code_digest.__wrapped__() != code_digest():
            log.warning(
                "evalkit's code or a package it measures with changed on disk since this run "
                "started: no measured event is stored or reused this time (start it again to use "
                "the cache)"
            )
        elif disk is not None:
            events = DiskCache(disk.root, f"events-{disk.folder.name}", disk.max_bytes)
            measures = MeasureStore(events)
        return cls(embedder, verifier, matcher, FastRouge(), timings, entailer, measures)


# Packages whose code shapes a measurement: sentence splitting, words, ROUGE, the model's numbers.
MEASURING_PACKAGES = (
    "pysbd",
    "nltk",
    "rouge-score",
    "numpy",
    "torch",
    "transformers",
    "sentence-transformers",
)


@lru_cache(maxsize=1)
def code_digest() -> bytes:
    """A hash of evalkit's own source, of the word lists its stages read (assets/*.txt: the
    lexicon's names, the countries' names) and of the versions of the packages that shape a
    measurement: a changed stage, list or upgraded package never reuses an old measurement."""
    digest = hashlib.blake2b(digest_size=16)
    root = Path(__file__).parent
    for path in sorted([*root.rglob("*.py"), *root.glob("assets/*.txt")]):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    for name in MEASURING_PACKAGES:
        try:
            digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} not installed".encode())
    return digest.digest()


# Hashed as evalkit is imported, not when a key is first needed: a run started before evalkit
# was edited or upgraded would otherwise store what its old code measures under the new code's
# key. `Resources.build` hashes again once the models (and their modules) are loaded, and keeps
# no measurement if anything changed in between.
code_digest()


def measure_key(event: Event, cfg: Config) -> bytes:
    """Where an event's measurement is stored: the event, every setting measuring reads (the
    config's measurement sections), evalkit's code and the packages it measures with (the
    model is in the store's namespace)."""
    digest = hashlib.blake2b(code_digest(), digest_size=16)
    digest.update(json.dumps(measurement(cfg), sort_keys=True).encode())
    digest.update(repr(event).encode())
    return digest.digest()


def run_event(
    event: Event, cfg: Config, res: Resources, known: Mapping[str, Spans] = {}
) -> EventResult:
    """Score every candidate of one event against its sources; `known`: lines' sentence
    spans found ahead (`Prefetch`), so only the time changes."""
    return judge_event(measured(event, cfg, res, known), cfg, res)


def is_stored(event: Event, cfg: Config, res: Resources) -> bool:
    """Whether the event's measurement is (probably: unchecked) in the disk cache."""
    return res.measures is not None and res.measures.has(measure_key(event, cfg))


def measured(
    event: Event, cfg: Config, res: Resources, known: Mapping[str, Spans] = {}
) -> EventMeasure:
    """The event's measurement from the disk cache, or measured now (and stored)."""
    found = stored(event, cfg, res)
    if found is None:
        found = measure_event(event, cfg, res, known)
        store(event, found, cfg, res)
    return found


def stored(event: Event, cfg: Config, res: Resources) -> EventMeasure | None:
    """The event's measurement from the disk cache; None when the cache is off or has none."""
    if res.measures is None:
        return None
    found = res.measures.get(measure_key(event, cfg))
    return found if isinstance(found, EventMeasure) else None


def store(event: Event, measure: EventMeasure, cfg: Config, res: Resources) -> None:
    """Keep the event's measurement in the disk cache, when it is on."""
    if res.measures is not None:
        res.measures.put(measure_key(event, cfg), measure)


@dataclass(frozen=True, slots=True)
class CandidateMeasure:
    """One candidate's claims and signals: everything its verdicts and scores come from."""

    candidate: str
    claims: tuple[Claim, ...]
    measured: tuple[Measured, ...]  # one per claim
    facts: tuple[FactSignals, ...] | None  # one per key fact; None when it has no sentences
    rouge: tuple[float, float, float]  # ROUGE-1/2/L F1 against the reference
    no_sentences: Unscorable | None  # why it has no sentences; None when it has some


@dataclass(frozen=True, slots=True)
class EventMeasure(EventBasis):
    """An event up to the signals. No threshold, weight or penalty has been applied, so a
    rerun that changes only those (a sweep) judges a stored one instead of measuring again."""

    candidates: tuple[CandidateMeasure, ...]
    warnings: tuple[str, ...]  # logged whenever the event is judged


def measure_event(
    event: Event, cfg: Config, res: Resources, known: Mapping[str, Spans] = {}
) -> EventMeasure:
    """Clean, segment, pick the reference, extract facts, and measure every candidate."""
    t, emb = res.timings, res.embedder
    warnings: list[str] = []
    with t.stage("clean"):
        clean_sources, clean_extra = clean_documents(
            event.sources, event.candidates, cfg.clean, emb, known
        )
    with t.stage("segment"):
        sources = [segment(c, known) for c in clean_sources]
        extra = [segment(c, known) for c in clean_extra]
    for s in sources:
        if not s.sentences:
            warnings.append(f"{s.clean.doc.origin}: no sentences left after cleaning")
    with t.stage("reference"):
        choice = pick_reference(sources, cfg.data.reference)
        reference = next(s for s in sources if s.doc_id == choice.doc_id)
    with t.stage("facts"):
        facts = extract_facts(reference, sources, event.key_facts, cfg.coverage, emb)
    candidates: list[Segmented] = extra[:]
    if cfg.data.sources_as_candidates:
        candidates = [s for s in sources if s.doc_id != choice.doc_id] + candidates
    reference_texts = [s.text for s in reference.sentences]
    with t.stage("coverage"):  # before the evidence: it encodes and reads candidates at once
        matches = measure_facts(
            facts,
            candidates,
            emb,
            res.entailer,
            cfg.entail.fact_min_recall,
            cfg.verifier.contradiction_overlap,
        )
    with t.stage("claims"):
        evidence = [(s.doc_id, document_evidence(s, cfg.verifier, emb)) for s in sources]
    measures = []
    for cand in candidates:
        no_sentences = unreadable(cand)
        if no_sentences is not None:
            warnings.append(
                f"{cand.clean.doc.origin}: candidate '{cand.doc_id}' has {no_sentences}; "
                "its scores are NaN"
            )
        clauses = [c for s in cand.sentences for c in clause_sentences(s)]
        claims = tuple(Claim(cand.doc_id, f"C{i + 1}", s) for i, s in enumerate(clauses))
        with t.stage("claims"):
            others = [e for doc_id, e in evidence if doc_id != cand.doc_id]
            checked = joined_evidence(others)  # never its own evidence
            measured = tuple(
                measure_claims(
                    claims, checked, cfg.verifier, emb, res.entailer, cfg.entail.claim_units
                )
            )
        with t.stage("score"):
            texts = [s.text for s in cand.sentences]
            # ROUGE needs both texts: none when every source line was cleaned away.
            readable = claims and reference_texts
            rouge = rouge_f1(res.rouge, reference_texts, texts) if readable else (NAN, NAN, NAN)
        matched = matches[cand.doc_id]
        signals = None if matched is None else tuple(matched)
        measures.append(
            CandidateMeasure(cand.doc_id, claims, measured, signals, rouge, no_sentences)
        )
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
    return EventMeasure(
        event_id=event.event_id,
        reference=choice,
        facts_origin=(
            f"hand-written in {event.key_facts_from}"
            if event.key_facts
            else f"extracted from the reference article {choice.doc_id}"
        ),
        sources=infos,
        removed=tuple(r for s in sources + extra for r in s.clean.removed),
        facts=facts,
        candidates=tuple(measures),
        warnings=tuple(warnings),
    )


def _as_arguments(record: Any) -> tuple[Any, tuple[Any, ...]]:
    """Pickle a frozen record as its constructor's arguments: it reads back faster than the
    field-by-field state dataclasses pickle, and a warm rerun reads every event's measure."""
    return type(record), tuple(getattr(record, name) for name in _FIELDS[type(record)])


_PICKLED = (
    Claim,
    ClaimSignals,
    Fact,
    FactSignals,
    Measured,
    ReferenceChoice,
    RemovedLine,
    Sentence,
    SourceInfo,
    CandidateMeasure,
    EventMeasure,
)
# Each record's fields in constructor order (`EventMeasure`'s inherited ones first).
_FIELDS = {kind: tuple(f.name for f in fields(kind)) for kind in _PICKLED}
for _record in _PICKLED:
    copyreg.pickle(_record, _as_arguments)


def judge_event(m: EventMeasure, cfg: Config, res: Resources) -> EventResult:
    """Verdicts, coverage and scores from an event's signals: the thresholds, weights and
    penalties of `cfg` apply here and nowhere earlier."""
    for warning in m.warnings:
        log.warning("%s", warning)
    alignments: list[Alignment] = []
    matches: list[FactMatch] = []
    scores: list[CandidateScore] = []
    with res.timings.stage("score"):
        for c in m.candidates:
            aligned = judge_claims(c.claims, c.measured, res.verifier)
            matched = decide_facts(m.facts, c.candidate, c.facts, res.matcher)
            scores.append(
                score_candidate(c.candidate, aligned, matched, c.rouge, cfg.scoring, c.no_sentences)
            )
            alignments.extend(aligned)
            matches.extend(matched)
    basis = {f.name: getattr(m, f.name) for f in fields(EventBasis)}
    return EventResult(
        **basis, alignments=tuple(alignments), matches=tuple(matches), scores=rank(scores)
    )
