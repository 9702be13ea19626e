"""Key-facts stage: the reference's sentences (or hand-written facts), weighted pyramid-style.
A sentence's clauses joined by semicolons are facts of their own, as they are a candidate's
claims (`segment.clauses`).

A fact's weight is the number of sources that report it: the reference plus every other
source whose best sentence is at least `coverage.report_similarity` similar. When a source is
also a candidate, its own vote is taken out of the weights it is scored with (see score).
"""

from __future__ import annotations

from collections.abc import Sequence

from evalkit.config import CoverageConfig
from evalkit.embed import Embedder, cosines, encode_and_read
from evalkit.records import Fact, Segmented
from evalkit.stages.segment import clause_sentences


def extract_facts(
    reference: Segmented,
    sources: Sequence[Segmented],
    written: Sequence[tuple[str, str]],
    cfg: CoverageConfig,
    embedder: Embedder,
) -> tuple[Fact, ...]:
    """Facts with weights; `written` (text, origin) replaces extraction when not empty. The
    facts are read token by token in the pass that encodes them: coverage reads them next."""
    if written:
        items = list(written)
    else:
        items = [
            (c.text, c.sid)
            for s in reference.sentences
            if not s.heading
            for c in clause_sentences(s)
        ]
    if not items:
        return ()
    fact_vecs = encode_and_read(embedder, [text for text, _ in items])[0]
    reporters: list[list[str]] = [[] for _ in items]
    for source in sources:
        if not source.sentences:
            continue
        if source.doc_id == reference.doc_id and not written:
            for row in reporters:
                row.append(source.doc_id)  # each extracted fact is the reference's own sentence
            continue
        sims = cosines(fact_vecs, embedder.encode([s.text for s in source.sentences]))
        for row, best in zip(reporters, sims.max(axis=1), strict=True):
            if best >= cfg.report_similarity:
                row.append(source.doc_id)
    return tuple(
        Fact(f"F{i + 1}", text, max(1, len(who)), origin, tuple(sorted(who)))
        for i, ((text, origin), who) in enumerate(zip(items, reporters, strict=True))
    )
