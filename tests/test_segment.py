"""Segmentation keeps news abbreviations, quotes and datelines whole, with raw-text spans."""

from __future__ import annotations

from concurrent.futures import Future

import pysbd
import pytest

from evalkit.records import CleanDocument, Document, Event, KeptLine
from evalkit.stages.segment import Prefetch, Spans, segment, split_line, unframed
from tests.conftest import ROOT


def test_abbreviations_quotes_and_datelines() -> None:
    line = (
        "SEOUL, South Korea (AP) — The U.S. said Mr. Kim met Putin. "
        "“We are ready,” she said. He left."
    )
    assert [line[s:e] for s, e in split_line(line)] == [
        "SEOUL, South Korea (AP) — The U.S. said Mr. Kim met Putin.",
        "“We are ready,” she said.",
        "He left.",
    ]


def test_a_citation_mark_after_a_full_stop_stays_with_the_sentence_it_cites() -> None:
    line = "Kim denied it. [1][3] She said 7,000 [2]. Russia agreed. [4-6]"
    assert [line[s:e] for s, e in split_line(line)] == [
        "Kim denied it. [1][3]",
        "She said 7,000 [2].",
        "Russia agreed. [4-6]",
    ]


def test_tokenised_text_splits_though_its_clitics_look_like_quotes() -> None:
    line = (
        "the chairman said russia 's federation should be banned from the olympics . "
        "wada 's commission , which met on friday , also implicated athletics' federations ."
    )
    assert [line[s:e] for s, e in split_line(line)] == [
        "the chairman said russia 's federation should be banned from the olympics .",
        "wada 's commission , which met on friday , also implicated athletics' federations .",
    ]
    # a quotation in single quotes stays whole
    quoted = "she said 'it is over. we lost.' and left."
    assert [quoted[s:e] for s, e in split_line(quoted)] == [quoted]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("According to the articles, Kim denied it.", "Kim denied it."),
        ("According to the provided articles, Kim denied it.", "Kim denied it."),
        ("The reports say she denied it.", "she denied it."),
        ("All five articles report that Kim denied it.", "Kim denied it."),
        ("Both articles agree that Kim denied it.", "Kim denied it."),
        ("As reported by the sources, Kim denied it.", "Kim denied it."),
        ("It was reported that Kim denied it.", "Kim denied it."),
        ("Kim denied it, according to the articles.", "Kim denied it"),
        ("Kim denied it, the reports said.", "Kim denied it"),
        # a named source, or one report, is part of the claim
        ("According to state media, Kim denied it.", None),
        ("According to a UN report, Kim denied it.", None),
        ("The UN report says Kim denied it.", None),
        ("The report says Kim denied it.", None),
        ("Kim denied it, according to KCNA.", None),
        ("Sources close to the government said Kim denied it.", None),
        ("The articles differ on the number of containers.", None),
        ("According to the articles.", None),  # nothing left: the sentence as written
    ],
)
def test_a_frame_naming_the_summarised_articles_is_no_part_of_a_claim(
    sentence: str, claim: str | None
) -> None:
    start, end = unframed(sentence)
    assert sentence[start:end] == (claim or sentence)


def test_only_a_candidate_is_read_without_its_frames() -> None:
    line = "Police said Kim left. According to the articles, Kim denied it."
    for role, second in (("candidate", "Kim denied it."), ("source", line[22:])):
        doc = Document("d", role, line, "d.txt")
        sentences = segment(CleanDocument(doc, (KeptLine(1, 0, line),), ())).sentences
        assert [s.text for s in sentences] == ["Police said Kim left.", second]
        assert all(line[s.start : s.end] == s.text for s in sentences)


def test_spans_point_into_the_raw_text_and_headings_are_marked() -> None:
    raw = "Kim denies arms exports\n\nShe spoke on Friday. Russia agreed."
    doc = Document("d", "source", raw, "d.txt")
    clean = CleanDocument(
        doc,
        (
            KeptLine(1, 0, "Kim denies arms exports"),
            KeptLine(3, 25, "She spoke on Friday. Russia agreed."),
        ),
        (),
    )
    sentences = segment(clean).sentences
    assert [s.text for s in sentences] == [
        "Kim denies arms exports",
        "She spoke on Friday.",
        "Russia agreed.",
    ]
    assert all(raw[s.start : s.end] == s.text for s in sentences)
    assert [s.heading for s in sentences] == [True, False, False]
    assert [s.sid for s in sentences] == ["d#0", "d#1", "d#2"]


def test_spans_match_pysbds_own_char_spans_on_repeats_and_seeds() -> None:
    """split_line locates pysbd's sentences by plain search: the same spans pysbd finds."""
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    lines = [
        "He left. He left. He left.",  # the same sentence thrice: each occurrence once
        "Yes.  Yes. No!   No? Yes.",
        "It rose 3.5% in the U.S. on Jan. 5. Then it fell... to 2.1%. “Why?” he asked.",
        "he left . `` he left . '' he left .",
    ]
    for path in sorted((ROOT / "seeds").rglob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    for line in (ln for ln in lines if ln.strip()):
        expected = []
        for piece in segmenter.segment(line):
            text = piece.sent
            start = piece.start + len(text) - len(text.lstrip())
            end = piece.start + len(text.rstrip())
            if end > start:
                expected.append((start, end))
        got = [(s, e) for s, e in split_line(line)]
        assert got == (expected or [(0, len(line))]), line


def test_prefetch_returns_the_spans_split_line_would_compute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = "He left. She stayed.\n\n  It rose 3.5% in the U.S. on Jan. 5. Then it fell.  \nEnd"
    event = Event("e", (Document("a", "source", text, "x"),), (), "x")
    lines = ["He left. She stayed.", "It rose 3.5% in the U.S. on Jan. 5. Then it fell.", "End"]
    ahead = Prefetch()
    try:
        assert ahead.collect() == {}  # nothing submitted yet
        ahead.submit([event])
        assert ahead.collect() == {line: split_line.__wrapped__(line) for line in lines}
        assert ahead.collect() == {}  # each batch's spans are handed out once
        # A lost worker costs time only: a warning, nothing known, split_line works as before.
        failed: Future[list[Spans]] = Future()
        failed.set_exception(RuntimeError("worker lost"))
        ahead._next, ahead._lines = failed, lines
        assert ahead.collect() == {}
        assert "segmenting ahead failed (worker lost)" in caplog.text
    finally:
        ahead.close()


def test_segment_takes_known_spans_and_split_line_reads_no_state() -> None:
    line = "He left. She stayed."
    doc = Document("d", "source", line, "d")
    clean = CleanDocument(doc, (KeptLine(0, 0, line),), ())
    whole: Spans = ((0, len(line)),)
    assert [s.text for s in segment(clean, {line: whole}).sentences] == [line]
    assert [s.text for s in segment(clean).sentences] == ["He left.", "She stayed."]
    assert split_line(line) == ((0, 8), (9, 20))
