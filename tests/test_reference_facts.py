"""Reference choice by shared event content, and pyramid-weighted key facts."""

from __future__ import annotations

import pytest

from evalkit.config import CoverageConfig
from evalkit.embed import HashedEmbedder
from evalkit.errors import InputError
from evalkit.records import CleanDocument, Document, KeptLine, Segmented
from evalkit.stages.facts import extract_facts
from evalkit.stages.reference import pick_reference
from evalkit.stages.segment import segment


def seg(doc_id: str, *lines: str) -> Segmented:
    text = "\n".join(lines)
    kept, offset = [], 0
    for i, line in enumerate(lines):
        kept.append(KeptLine(i + 1, offset, line))
        offset += len(line) + 1
    return segment(CleanDocument(Document(doc_id, "source", text, doc_id), tuple(kept), ()))


SHARED = "Kim Yo Jong denied weapons exports to Russia."
SECOND = "South Korea said seven thousand containers were shipped."
FULL = seg("full", SHARED, SECOND, "The ministry demanded an immediate halt.")
SHORT = seg("short", SHARED, "The ministry demanded a halt.")
# Long, but its extra words are invented: no other source shares them.
PADDED = seg(
    "padded",
    SHARED,
    "Zebras galloped across Mongolian plateaus yesterday evening, "
    "astonishing veterinarians, botanists and glaciologists everywhere.",
)


def test_fullest_is_most_shared_content_not_longest() -> None:
    choice = pick_reference([PADDED, SHORT, FULL], None)
    assert choice.doc_id == "full"
    counts = dict(choice.content)
    assert counts["full"] > counts["padded"]
    assert len(PADDED.clean.text) > len(FULL.clean.text)


def test_reference_by_id_and_unknown_id() -> None:
    assert pick_reference([FULL, SHORT], "short").doc_id == "short"
    with pytest.raises(InputError, match="unknown source id 'nope'; choose from: full, short"):
        pick_reference([FULL, SHORT], "nope")


def test_facts_are_reference_sentences_weighted_by_reporting_sources() -> None:
    facts = extract_facts(FULL, [FULL, SHORT, PADDED], (), CoverageConfig(), HashedEmbedder())
    assert [f.text for f in facts] == [s.text for s in FULL.sentences]
    assert facts[0].reported_by == ("full", "padded", "short")  # identical sentence everywhere
    assert facts[0].weight == 3
    assert facts[1].weight == 1 and facts[1].reported_by == ("full",)


def test_a_reference_sentences_clauses_joined_by_semicolons_are_facts_of_their_own() -> None:
    joined = "Kim Yo Jong denied weapons exports to Russia; the ministry demanded a halt."
    ref = seg("ref", joined, "Lists stay whole: Ward, goalkeeper; Law, defender.")
    facts = extract_facts(ref, [ref], (), CoverageConfig(), HashedEmbedder())
    assert [f.text for f in facts] == [
        "Kim Yo Jong denied weapons exports to Russia",
        "the ministry demanded a halt.",
        "Lists stay whole: Ward, goalkeeper; Law, defender.",
    ]
    assert [f.origin for f in facts] == ["ref#0", "ref#0", "ref#1"]


def test_hand_written_facts_replace_extraction() -> None:
    written = (
        ("Kim Yo Jong denied weapons exports to Russia.", "refs/e.txt:1"),
        ("A completely unrelated statement about tennis.", "refs/e.txt:2"),
    )
    facts = extract_facts(FULL, [FULL, SHORT], written, CoverageConfig(), HashedEmbedder())
    assert [f.origin for f in facts] == ["refs/e.txt:1", "refs/e.txt:2"]
    assert facts[0].weight == 2
    assert facts[1].reported_by == () and facts[1].weight == 1  # never zero


def test_requested_reference_is_matched_like_every_id() -> None:
    """data.reference follows the id rule (Unicode NFC, case folded) used everywhere."""
    cafe = seg("Café", SHARED, "The ministry demanded a halt.")
    assert pick_reference([cafe, FULL], "FULL").doc_id == "full"
    assert pick_reference([cafe, FULL], "cafe\u0301").doc_id == "Café"
