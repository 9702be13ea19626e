"""Segmentation keeps news abbreviations, quotes and datelines whole, with raw-text spans."""

from __future__ import annotations

from concurrent.futures import Future

import pysbd
import pytest

from evalkit.records import CleanDocument, Document, Event, KeptLine
from evalkit.stages.segment import (
    Prefetch,
    Spans,
    _locate,
    clause_sentences,
    clauses,
    lines,
    segment,
    split_line,
    unframed,
)
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


def test_without_capitals_a_quote_a_full_stop_closes_ends_its_sentence() -> None:
    """Lower-cased, nothing but the closing quote shows where a quoted sentence ends: "... to
    stay.' eight months after ..." is two sentences (cased, the capital says so), written out
    or tokenised; a word that goes on with the sentence, or an initialism, keeps it whole."""
    for line in (
        "he said he 'didn't love her enough to stay.' eight months later she went missing.",
        "he said he ' did n't love her enough to stay . ' eight months later she went missing .",
        'he said "it is over." eight months later she went missing.',
    ):
        said, rest = (line[s:e] for s, e in split_line(line))
        assert said.endswith(("'", '"')) and rest.startswith("eight months")
    for whole in (
        "she said 'it is over.' and left.",
        "the sanctions hit the u.s.' economy hard, he said.",
        "He said 'it is over.' and then he left.",
    ):
        assert [whole[s:e] for s, e in split_line(whole)] == [whole]


def test_a_long_segment_a_quotation_held_together_is_its_sentences() -> None:
    """pysbd splits nothing inside a quotation, and a quote left open (REALSumm's tokenised
    CNN/DailyMail) or a paragraph's quote that runs on made it take narrative sentences for
    one, which the claims stage then read as one sentence."""
    line = (
        "she told the daily news : ‘ i ran outside to dennis waiting in the car and told him "
        "we won . the hurricane destroyed homes as it swept through new jersey ( pictured ) , "
        "including ms diano 's home . he said , ‘ if you’re busting my chops , i’ll kill you . "
        "’ mr krauss said they did n't consider the winnings as money ."
    )
    assert [line[s:e] for s, e in split_line(line)][:3] == [
        "she told the daily news : ‘ i ran outside to dennis waiting in the car and told him "
        "we won .",
        "the hurricane destroyed homes as it swept through new jersey ( pictured ) , including "
        "ms diano 's home .",
        "he said , ‘ if you’re busting my chops , i’ll kill you . ’",
    ]
    cased = (
        "Bubbly and vibrant personality. 'We are overwhelmed with the love and support we have "
        "received from Janet's friends worldwide. Janet would have been so happy knowing how "
        "much she was loved. Janet Muller was found dead in the boot of a burning car. 'We will "
        "never forget our beautiful girl. We won't rest until we find the truth.' Detective "
        "Chief Inspector Karen Mizzi said: 'We are extremely grateful.'"
    )
    found = [cased[s:e] for s, e in split_line(cased)]
    assert found[1] == (
        "'We are overwhelmed with the love and support we have received from Janet's friends "
        "worldwide."
    )
    assert "We won't rest until we find the truth.'" in found  # the closing quote kept
    assert found[-1] == "Detective Chief Inspector Karen Mizzi said: 'We are extremely grateful.'"
    # a long sentence that quotes, and goes on after the quote, stays whole
    whole = (
        "The minister, who spoke to reporters outside the hall on Tuesday afternoon after the "
        'vote, said "We will go. You will stay. They will decide." and left the building '
        "through a side door before the protesters who had gathered since the morning outside "
        "the hall in the rain saw him."
    )
    assert [whole[s:e] for s, e in split_line(whole)] == [whole]


def test_days_in_order_are_dates_not_a_numbered_list() -> None:
    """pysbd reads "on March 12. ... on March 13." as the items 12 and 13 of a numbered list
    and splits "March | 12. She was ..."; a sentence ends on its date (CLIFF: "discovered on
    March | 13."). A numbered list stays one."""
    line = "She was seen on March 12. She was found on March 13. End."
    assert [line[s:e] for s, e in split_line(line)] == [
        "She was seen on March 12.",
        "She was found on March 13.",
        "End.",
    ]
    line = "Tips for the home. 1. Keep it dry. 2. Keep it warm."
    assert [line[s:e] for s, e in split_line(line)] == [
        "Tips for the home.",
        "1. Keep it dry.",
        "2. Keep it warm.",
    ]


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
        # one of the summarised articles
        ("Article 1 reports that Kim denied it.", "Kim denied it."),
        ("According to Source 2, Kim denied it.", "Kim denied it."),
        ("The third article notes that Kim denied it.", "Kim denied it."),
        ("Another report adds that Kim denied it.", "Kim denied it."),
        ("This news story reports that Kim denied it.", "Kim denied it."),
        ("The piece highlights that Kim denied it.", "Kim denied it."),
        # the summary's own signpost
        ("In summary, Kim denied it.", "Kim denied it."),
        ("Overall, Kim denied it.", "Kim denied it."),
        ("To sum up: Kim denied it.", "Kim denied it."),
        ("Overall sales fell.", None),
        # a named source, or one report, is part of the claim
        ("According to state media, Kim denied it.", None),
        ("According to a UN report, Kim denied it.", None),
        ("The UN report says Kim denied it.", None),
        ("The report says Kim denied it.", None),
        ("Kim denied it, according to KCNA.", None),
        ("Sources close to the government said Kim denied it.", None),
        ("One source close to the government said Kim denied it.", None),
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


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        (
            "Kim denied it; the U.S. imposed new sanctions on banks.",
            ["Kim denied it", "the U.S. imposed new sanctions on banks."],
        ),
        (  # tokenised text's spaced semicolon
            "soldiers guarded the motorways ; houses are compounds .",
            ["soldiers guarded the motorways", "houses are compounds ."],
        ),
        (  # a list after the last cut is that clause's
            "Kim denied it; the U.S. named its targets: banks, ports and ships.",
            ["Kim denied it", "the U.S. named its targets: banks, ports and ships."],
        ),
        # a list's items (short, verbless or after a colon), a bracket, a quotation: one claim
        ("He visited Paris, France; Berlin, Germany; and Rome, Italy.", None),
        ("The team: Danny Ward, goalkeeper; Ryan McLaughlin, defender.", None),
        ("It marks the debut of three signings; Zlatan Ibrahimovic and Eric Bailly.", None),
        ("Just under 300 will serve by 2020; more than 600 about a year or so later.", None),
        ("The plan (a big one; very costly indeed) was dropped today.", None),
        ('He said "we won the match; they lost the final" in town.', None),
        ("He said “we won the match; they lost the final” in town.", None),
        ("he said `` we won the match ; they lost the final '' in town .", None),
        ("the plan -lrb- a big one ; very costly -rrb- was dropped .", None),
        ("No semicolon here.", None),
    ],
)
def test_clauses_joined_by_semicolons_are_claims_of_their_own(
    sentence: str, parts: list[str] | None
) -> None:
    assert [sentence[a:b] for a, b in clauses(sentence)] == (parts or [sentence])


def test_a_sentences_clauses_keep_its_index_and_point_into_the_raw_text() -> None:
    line = "She wept. Police said Kim left; the U.S. imposed sanctions on banks."
    doc = Document("d", "candidate", line, "d.txt")
    first, second = segment(CleanDocument(doc, (KeptLine(1, 0, line),), ())).sentences
    assert clause_sentences(first) == [first]
    parts = clause_sentences(second)
    assert [p.text for p in parts] == ["Police said Kim left", line[32:]]
    assert [p.index for p in parts] == [1, 1]
    assert all(line[p.start : p.end] == p.text for p in parts)


def read_lines(text: str) -> list[str]:
    """`lines`' texts, each checked to sit at its offset (a wrap's line break read as a space)."""
    found = lines(text)
    assert all(text[s : s + len(t)].replace("\n", " ") == t for _, s, t in found)
    return [t for _, _, t in found]


def test_a_hard_wrapped_paragraph_is_one_line() -> None:
    prose = (
        "Kim Yo Jong, the influential sister of North Korean leader Kim Jong Un, once\n"
        "more rejected claims that her country has sold any weapons to Russia, dismissing\n"
        "foreign speculation about the arms deals as absurd. In a statement, she said\n"
        "North Korea does not intend to export its military capabilities.\n"
        "\n"
        "- The US and South Korea accuse North Korea of providing Russia with artillery\n"
        "  and missiles for the war in Ukraine.\n"
        "- Defence minister Shin Wonsik said about 7,000 containers were shipped to\n"
        "  Russia."
    )
    assert [(n, t[:20]) for n, _, t in lines(prose)] == [
        (1, "Kim Yo Jong, the inf"),
        (6, "- The US and South K"),
        (8, "- Defence minister S"),
    ]
    assert read_lines(prose)[1].endswith("artillery   and missiles for the war in Ukraine.")
    # lower-cased text wraps too, where it breaks twice (or on a word such as "to")
    lowered = read_lines(prose.lower())
    assert lowered[0] == read_lines(prose)[0].lower() and lowered[-1].endswith("to   russia.")


@pytest.mark.parametrize(
    "text",
    [
        # one sentence a line, each about as long as the next
        "Kim Yo Jong denied that North Korea has exported any weapons to Russia.\n"
        "She called outside speculation on the arms dealings an absurd paradox.\n"
        "The US and South Korea accuse the North of supplying artillery shells.",
        # a list of headlines
        "Team USA vs. France will be pressure cooker for men's basketball gold medal\n"
        "Marta gets fitting sendoff, playing her last game for Brazil in Olympic final\n"
        "Scoot flight from Singapore to Wuhan turns back after 'technical issue' detected",
        # a headline over a sentence, a title over its byline
        "Kim Yo Jong denies that North Korea exported any weapons to Russia\n"
        "She called the speculation the most absurd paradox.",
        "Kim denies arms exports to Russia in a statement on Friday night\n"
        "By John Smith, Associated Press Writer\n"
        "May 17, 2024",
        # tokenised text, one sentence a line
        "the plants were found during the search of a warehouse near ashbourne on saturday .\n"
        "police said they were in `` an elaborate grow house '' .\n"
        "a man in his late 40s was arrested at the scene .",
    ],
)
def test_lines_that_are_no_wrap_stay_lines(text: str) -> None:
    assert read_lines(text) == text.split("\n")


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
        pieces = pysbd.Segmenter(language="en", clean=False).segment(line)
        got = [
            (s + len(line[s:e]) - len(line[s:e].lstrip()), s + len(line[s:e].rstrip()))
            for s, e in _locate(line, pieces)
            if line[s:e].strip()
        ]
        assert got == expected, line


def test_tokenised_quotation_marks_stay_with_their_sentence() -> None:
    """The release's quotation marks: a closing mark stays with the sentence it ends, an
    opening one with the sentence it opens, and single quotes (` ') part sentences as ' does."""
    cases = {
        "he left . `` he left . '' he left .": ["he left .", "`` he left . ''", "he left ."],
        "we must prevent it . '' in saturday 's race , thistlecrack caught many clouds .": [
            "we must prevent it . ''",
            "in saturday 's race , thistlecrack caught many clouds .",
        ],
        "he said : `` we must prevent it . ''": ["he said : `` we must prevent it . ''"],
        # a quote of two paragraphs, the first left open
        "`` it 's been my aim for 15 years . `` i think it 's going to be emotional .": [
            "`` it 's been my aim for 15 years .",
            "`` i think it 's going to be emotional .",
        ],
        "clegg called it ` illiterate ' . ` labour 's plan will lead to debt , ' said gauke .": [
            "clegg called it ` illiterate ' .",
            "` labour 's plan will lead to debt , ' said gauke .",
        ],
        "the players ' union said it . he agreed .": [
            "the players ' union said it .",
            "he agreed .",
        ],
    }
    for line, expected in cases.items():
        assert [line[s:e] for s, e in split_line(line)] == expected, line


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
