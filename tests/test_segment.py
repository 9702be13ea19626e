"""Segmentation keeps news abbreviations, quotes and datelines whole, with raw-text spans."""

from __future__ import annotations

from evalkit.records import CleanDocument, Document, KeptLine
from evalkit.stages.segment import segment, split_line


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
