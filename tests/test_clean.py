"""Cleaning removes boilerplate by form and by relatedness, records why, keeps the event."""

from __future__ import annotations

from evalkit.config import CleanConfig
from evalkit.embed import HashedEmbedder
from evalkit.records import Document, RemovedLine
from evalkit.stages.clean import clean_documents

STORY = "Kim Yo Jong denied that North Korea exported weapons to Russia on Friday."
OTHER = "North Korea exported no weapons to Russia, Kim Yo Jong said on Friday."


def doc(doc_id: str, text: str) -> Document:
    return Document(doc_id, "source", text, f"{doc_id}.txt")


def clean(*texts: str) -> tuple:
    docs = [doc(f"d{i}", t) for i, t in enumerate(texts)]
    cleaned, _ = clean_documents(docs, [], CleanConfig(), HashedEmbedder())
    return cleaned


def test_form_rules_remove_widgets_urls_fields_and_breadcrumbs() -> None:
    text = "\n".join(
        [
            "Home > World > Asia",
            STORY,
            "Share",
            "Date:2025-04-19 04:49:57",
            "___",
            "Follow us at https://example.com/news",
            "12 months ago",
        ]
    )
    first, _ = clean(text, OTHER)
    assert [k.text for k in first.kept] == [STORY]
    reasons = {r.text: r.reason for r in first.removed}
    assert reasons["Home > World > Asia"].startswith("breadcrumb")
    assert reasons["Share"].startswith("fragment")
    assert reasons["Date:2025-04-19 04:49:57"].startswith("page metadata")
    assert reasons["___"].startswith("no words")
    assert "URL" in reasons["Follow us at https://example.com/news"]
    assert [r.line_no for r in first.removed] == [1, 3, 4, 5, 6, 7]


def test_unrelated_lines_are_removed_with_their_similarity() -> None:
    ad = "Job title: Senior Java Developer Company: Acme Staffing Job description: apex code"
    first, _ = clean(f"{STORY}\n{ad}", OTHER)
    assert [k.text for k in first.kept] == [STORY]
    assert first.removed[0].reason.startswith("line unrelated to the other articles")


def test_site_name_after_title_separator_is_cut_not_the_title() -> None:
    title = "Kim Yo Jong denied North Korea exported weapons to Russia"
    first, _ = clean(f"{title} | Global News\n{STORY}", OTHER)
    assert first.kept[0].text == title
    assert first.removed[0].text == "| Global News"


def test_kept_lines_keep_raw_offsets() -> None:
    raw = f"Share\n\n  {STORY}"
    first, _ = clean(raw, OTHER)
    line = first.kept[0]
    assert raw[line.start : line.start + len(line.text)] == STORY


def test_single_source_is_cleaned_by_form_only_and_candidates_untouched() -> None:
    cand = Document("c", "candidate", "Short.\nKim denied it.", "c.txt")
    cleaned, split = clean_documents([doc("d0", STORY)], [cand], CleanConfig(), HashedEmbedder())
    assert [k.text for k in cleaned[0].kept] == [STORY]
    assert [k.text for k in split[0].kept] == ["Short.", "Kim denied it."]
    assert split[0].removed == ()


def test_a_long_prose_line_with_a_url_is_kept() -> None:
    line = (
        f"{STORY} The ministry published the statement at https://example.org/statement "
        "and said it would brief reporters in Seoul on Saturday morning about the exports."
    )
    first, _ = clean(line, OTHER)
    assert [k.text for k in first.kept] == [line]


def test_a_one_line_article_with_a_guillemet_and_24_7_is_prose_not_navigation() -> None:
    article = (
        "A fire broke out at the Marlow Bay warehouse on Tuesday night, and crews worked 24/7 "
        "to contain it. The owner said the building » stored paint and timber « for the port. "
        "No one was hurt, police said on Wednesday."
    )
    first, _ = clean(f"Home » World » Asia\n{article}", article.replace("24/7", "all week"))
    assert [k.text for k in first.kept] == [article]
    assert [(r.text, r.reason) for r in first.removed] == [
        ("Home » World » Asia", "breadcrumb or navigation path")
    ]


def test_breadcrumbs_end_with_a_headline_but_prose_never_is_one() -> None:
    crumbs = [
        "Home » World » Asia",
        "News / World › Kim Yo Jong denies North Korea sent weapons to Russia",
        "Current:Home > Kim's sister denies North Korea has supplied weapons to Russia",
    ]
    prose = [
        f"{STORY} Open 24/7 » the ministry said it would answer questions from reporters.",
        "Prices rose » sharply » in Seoul and Pyongyang after officials from both countries "
        "met on Friday to discuss trade, exports, weapons and the border crossings between them",
    ]
    (first,) = clean("\n".join(crumbs + prose))
    reasons = {r.text: r.reason for r in first.removed}
    assert all(reasons.get(c) == "breadcrumb or navigation path" for c in crumbs), reasons
    assert [k.text for k in first.kept] == prose


def test_a_headline_with_a_colon_is_not_a_page_field() -> None:
    headline = "Marlow Bay warehouse fire: what we know"
    fields = ["Date: 2025-04-19", "Reading Time: 3 minutes", "By: Jane Doe", "Updated: May 4"]
    (first,) = clean("\n".join([headline, *fields]))
    assert [k.text for k in first.kept] == [headline]
    assert {r.text: r.reason for r in first.removed} == {
        f: "page metadata field (Key: value)" for f in fields
    }


def test_a_dialogues_short_turns_are_what_was_said_not_page_fields() -> None:
    """A turn such as "Jerry: ok" (its label a name) is kept; "Date: ..." and "Photo: AP"
    stay page fields."""
    turns = ["Amanda: I'll bring you tomorrow :-)", "Amanda: Lemme check", "Jerry: ok"]
    fields = ["Date: 2025-04-19", "Photo: AP"]
    (first,) = clean("\n".join([*turns, *fields]))
    assert [k.text for k in first.kept] == turns
    assert {r.text: r.reason for r in first.removed} == {
        f: "page metadata field (Key: value)" for f in fields
    }


def why(removed: list[RemovedLine]) -> list[tuple[int, str]]:
    """Each removed line's number and the word its reason turns on ("a note on ..." -> note)."""
    return [(r.line_no, r.reason.split()[1]) for r in removed]


def summary_lines(text: str) -> tuple[list[str], list[RemovedLine]]:
    """A candidate's kept lines, each checked to sit at its offset in `text`, and its removed
    lines."""
    cand = Document("c", "candidate", text, "c.txt")
    _, (split,) = clean_documents([doc("d0", STORY)], [cand], CleanConfig(), HashedEmbedder())
    assert all(text[k.start : k.start + len(k.text)] == k.text for k in split.kept)
    return [k.text for k in split.kept], list(split.removed)


def test_a_summary_loses_its_list_markers_and_label_lines_not_its_claims() -> None:
    """A summary written as a list reads as its sentences ("1." is no figure of the claim),
    at the same raw offsets; a label line is set aside with its reason, a headline is not."""
    text = (
        "Here is a summary of the articles:\n"
        "## Summary\n"
        "1. Kim Yo Jong denied the exports.\n"
        "- North Korea sent 7,000 containers.\n"
        "- **Key points**\n"
        "Background:\n"
        "# North Korea denies selling weapons to Russia\n"
        "2) Talks: Russia said nothing.\n"
        "- **Point 3:** Russia agreed.\n"
        "- **Kim Yo-jong's reaction to the claims:** She denied them.\n"
        "**Kim Yo Jong**, the sister, spoke.\n"
        "---\n"
        "Sources:\n"
        "- https://apnews.com/article/north-korea-russia-weapons\n"
        "- [AP News](https://apnews.com/article/kim)"
    )
    kept, removed = summary_lines(text)
    assert kept == [
        "Kim Yo Jong denied the exports.",
        "North Korea sent 7,000 containers.",
        "North Korea denies selling weapons to Russia",
        "Talks: Russia said nothing.",
        "Russia agreed.",
        "She denied them.",
        "**Kim Yo Jong**, the sister, spoke.",
    ]
    assert [(r.line_no, r.text, r.reason.split()[1]) for r in removed] == [
        (1, "Here is a summary of the articles:", "lead-in"),
        (2, "## Summary", "heading"),
        (5, "- **Key points**", "heading"),
        (6, "Background:", "lead-in"),
        (12, "---", "words"),
        (13, "Sources:", "lead-in"),
        (14, "- https://apnews.com/article/north-korea-russia-weapons", "link,"),
        (15, "- [AP News](https://apnews.com/article/kim)", "link,"),
    ]


def test_what_a_chat_assistant_opens_with_and_its_word_count_are_no_claims() -> None:
    """Before, "Sure!" and "Here's a summary ..." were unsupported claims, "(Word count: 62)"
    and "Summary (3 sentences): ..." figures found in no source, and an emoji bullet or a
    "Title:" label part of the claim."""
    text = (
        "Sure! Here's a summary of the news articles.\n"
        "Title: Kim Yo Jong denies arms exports\n"
        "📌 Kim Yo Jong denied the exports.\n"
        "✅ North Korea sent 7,000 containers.\n"
        "Summary (3 sentences): Russia agreed.\n"
        "Sure, Russia agreed to pay.\n"
        "(Word count: 62)"
    )
    kept, removed = summary_lines(text)
    assert kept == [
        "Kim Yo Jong denies arms exports",
        "Kim Yo Jong denied the exports.",
        "North Korea sent 7,000 containers.",
        "Russia agreed.",
        "Sure, Russia agreed to pay.",
    ]
    assert why(removed) == [(1, "assistant's"), (7, "note")]


def test_a_markdown_table_is_read_row_by_row_without_its_header() -> None:
    """A table's rows are claims without their outer pipes; its header row and the rule under
    it are set aside (before, "| Who | Claim |" was an unsupported claim). A line of pipes with
    no rule under it is a row."""
    text = (
        "Kim Yo Jong denied the exports.\n"
        "| Who | Claim |\n"
        "|:---|---:|\n"
        "| Shin Wonsik | North Korea sent about 7,000 containers |\n"
        "|John Kirby|Missiles were fired at Ukraine|\n"
        "\n"
        "| Russia | denied the trade |"
    )
    kept, removed = summary_lines(text)
    assert kept == [
        "Kim Yo Jong denied the exports.",
        "Shin Wonsik | North Korea sent about 7,000 containers",
        "John Kirby|Missiles were fired at Ukraine",
        "Russia | denied the trade",
    ]
    assert why(removed) == [(2, "table's"), (3, "words")]


def test_what_a_chat_assistant_says_around_its_summary_is_no_claim() -> None:
    """A note on the summary or its sources and a sign-off are set aside with their reasons; a
    note on the event, a quote in the first person and a line in bold are claims, read without
    their marks."""
    text = (
        "**Kim Yo Jong denies arms exports to Russia**\n"
        "- _North Korea sent 7,000 containers._\n"
        "*Note: This summary is based on the provided articles.*\n"
        "(Note: the articles do not say whether Russia replied.)\n"
        "The articles do not mention whether Russia replied.\n"
        "None of the sources say how many missiles were sent.\n"
        "Note: the UN panel said Russian shipments exceeded the cap.\n"
        "This summary covers the first two days.\n"
        '"I hope this helps nobody," Kim said.\n'
        "I hope this helps! Let me know if you need anything else.\n"
        "Feel free to ask for a longer version.\n"
        "Would you like me to expand on any of these points?\n"
        "Is there anything else you'd like to know?\n"
        "Can Russia keep up the shipments?\n"
        "Sources did not say whether Kim would attend."
    )
    kept, removed = summary_lines(text)
    assert kept == [
        "Kim Yo Jong denies arms exports to Russia",
        "North Korea sent 7,000 containers.",
        "Note: the UN panel said Russian shipments exceeded the cap.",
        '"I hope this helps nobody," Kim said.',
        "Can Russia keep up the shipments?",  # a question, but not to the reader
        "Sources did not say whether Kim would attend.",  # the article's unnamed sources
    ]
    assert why(removed) == [
        (3, "note"),
        (4, "note"),
        (5, "note"),
        (6, "note"),
        (8, "note"),
        (10, "sign-off"),
        (11, "sign-off"),
        (12, "sign-off"),
        (13, "sign-off"),
    ]


def test_numbered_headings_quote_marks_and_summary_labels_are_formatting() -> None:
    """ "### 1." is no figure 1, "> " no word, "Summary:" no part of the claim, and "Summary"
    alone no claim; "In summary, ..." and a label that says more ("Talks:") stay as written."""
    text = (
        "### 1. Kim's denial of the arms exports\n"
        "> Kim Yo Jong denied the exports.\n"
        "TL;DR: Kim denied it.\n"
        "- In short: Kim denied it.\n"
        "Summary\n"
        "In summary, Kim denied it.\n"
        "Talks: Russia said nothing."
    )
    kept, removed = summary_lines(text)
    assert kept == [
        "Kim's denial of the arms exports",
        "Kim Yo Jong denied the exports.",
        "Kim denied it.",
        "Kim denied it.",
        "In summary, Kim denied it.",
        "Talks: Russia said nothing.",
    ]
    assert [(r.line_no, r.reason) for r in removed] == [(5, "a label, not a claim")]


def test_the_list_of_sources_after_a_sources_label_is_no_claim() -> None:
    """Its entries name outlets and dates that no article reports ("AP News, May 17"); the
    list ends at the first line that is no list item, and "Sources say ..." is a claim."""
    text = (
        "Kim denied it.\n"
        "**Sources:**\n"
        "- AP News, May 17\n"
        "- The Korea Herald\n"
        "Sources say Kim spoke.\n"
        "References\n"
        "[1] Reuters, 17 May 2024\n"
        "- Kim spoke again.\n"
        "Kim left.\n"
        "Further reading\n"
        "- Kim's profile"
    )
    kept, removed = summary_lines(text)
    assert kept == ["Kim denied it.", "Sources say Kim spoke.", "Kim left."]
    assert why(removed) == [
        (2, "lead-in"),
        (3, "entry"),
        (4, "entry"),
        (6, "label,"),
        (7, "entry"),
        (8, "entry"),
        (10, "label,"),
        (11, "entry"),
    ]


def test_a_source_keeps_the_figure_a_line_starts_with() -> None:
    """A source's "13. ..." may be "March 13." split at its full stop (CLIFF has one): only a
    summary's list markers are formatting."""
    first, _ = clean(f"13. {STORY}", OTHER)
    assert [k.text for k in first.kept] == [f"13. {STORY}"]


def test_a_list_item_must_clearly_report_the_event_a_year_opening_a_line_need_not() -> None:
    """A source's bulleted line is a link list unless it is clearly related (the stricter
    `clean.min_list_relevance`); a line opening with a year and a stop is prose."""
    lines = [f"- {STORY}", f"2. {STORY}", f"2024. {STORY}", STORY]
    docs = [doc("d0", "\n".join(lines)), doc("d1", OTHER)]
    cfg = CleanConfig(min_relevance=0.0, min_list_relevance=1.0)
    (first, _), _ = clean_documents(docs, [], cfg, HashedEmbedder())
    assert [k.text for k in first.kept] == lines[2:]
    assert [r.reason.split(" unrelated")[0] for r in first.removed] == ["list item"] * 2
