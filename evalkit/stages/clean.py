"""Clean stage: drop scraped boilerplate by what a line is, not by which site it came from.

A line goes when its form is not prose (no words, navigation, URL sign-offs, `Key: value`
page fields, fragments too short to be a sentence) or when it is unrelated to what the other
articles of the event report (its best cosine to any line of another source is low: job ads,
"Related" link lists). Every removed line is recorded with its reason. Candidate summaries
that are not sources are only split into lines, their text being what is judged, except for
what a summary writer's formatting adds: a list marker or Markdown heading mark is cut from a
line's start ("1. Kim denied ..." is the claim "Kim denied ...", not one with the figure 1;
not from a source's, where "13. ..." may be the end of "March 13." split at its stop),
and a label line (a lead-in ending with a colon, "Here is a summary:", a short heading,
"## Summary", "**Key points**", a link alone, as in a list of sources, or a line of no words,
"---", a table's header row) is set aside and recorded, as is what a chat assistant says
around its summary: its opening words ("Sure! Here's a summary of the articles."), a note on
the summary or its sources ("*Note: This summary is based on the provided articles.*", "The
articles do not mention ...", "(Word count: 62)") and a sign-off ("I hope this helps!", "Let
me know if ...", "Would you like me to expand on any of these points?"). A line set in bold or
italics as a whole is read without its marks, a table's row without its outer pipes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from evalkit.config import CleanConfig
from evalkit.embed import Embedder, cosines, encode_joined
from evalkit.lexicon import name_words
from evalkit.records import CleanDocument, Document, KeptLine, RemovedLine
from evalkit.stages.segment import Spans, line_spans, lines
from evalkit.text import LIST_MARKER, TURN, dates, days, is_sentence_end, tokens

_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
# A breadcrumb is a short line of path segments, "Home » World » Asia", whose last segment may
# be the headline; prose that happens to hold a "»" (or a "24/7") is not one.
_CRUMB_SPLIT = re.compile(r"\s*[>›»]\s*|\s+/\s+")
_CRUMB_HOME = re.compile(r"^\s*(?:home|current)\s*[:>›»]", re.I)  # "Home > ...", "Current:Home"
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+\S")  # a sentence ends and another starts
CRUMB_WORDS = 25  # a whole breadcrumb, headline included
CRUMB_SEGMENT_WORDS = 4  # "Home", "World News", "Asia Pacific"
# A page field has a label of one or two words: "Date:", "Reading Time:", "By:", "Updated:".
# "Marlow Bay warehouse fire: what we know" is a headline, not a field.
_FIELD = re.compile(r"^\s*[A-Za-z]\w{0,19}(?: \w{1,20})?\s*:\s*\S")
# Cut from the start of a summary line: a list marker or a symbol set as one ("📌 ", "✅ "), a
# heading mark (and a numbered heading's figure, "### 1. Kim's denial") or a quote mark ("> "),
# and then a label that only says what follows ("Summary:", "Summary (3 sentences):", "TL;DR:",
# "In short:", "Headline:").
_SYMBOL = "\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_PREFIX = rf"{LIST_MARKER.pattern}|^[{_SYMBOL}]\ufe0f?\s+|^#{{1,6}}\s+(?:\d{{1,3}}[.)]\s+)?|^>\s+"
_SUMMARY_LABEL = (
    r"summary(?:\s*\([^()]{1,30}\))?|in (?:summary|short|brief)|tl;?dr|overview|bottom line"
    r"|key (?:points|facts)|title|headline"
)
_MARK = re.compile(rf"(?:{_PREFIX})?(?:{_SUMMARY_LABEL})\s*:\s+|{_PREFIX}", re.I)
# The label of a list of sources ("Sources:", "**References**"), and an entry of that list: a
# list item or a numbered citation ("[2] Reuters, May 17").
_SOURCES = r"sources?|references?|citations?|further reading"
_SOURCES_LABEL = re.compile(rf"(?:{_SOURCES})\W*", re.I)
_LABEL_ALONE = re.compile(rf"(?:{_SUMMARY_LABEL}|{_SOURCES})\W*", re.I)  # "Summary", "Sources"
_ENTRY = re.compile(rf"{LIST_MARKER.pattern}|\[\d{{1,3}}\]\s")
_LINK_LINE = re.compile(r"<?(?:https?://|www\.)\S+>?|\[[^\]]*\]\((?:https?://|www\.)\S+\)", re.I)
_BOLD_LABEL = re.compile(r"(?:\*\*|__)(?P<label>[^*_:]{1,40}?)(?::(?:\*\*|__)|(?:\*\*|__):)\s+")
# A note on the summary itself: a "Note:" or "Disclaimer:" line that speaks of the summary or of
# the articles it was written from, or a line that opens with "This summary". A note on the event
# ("Note: the UN report says ...") is a claim like any other.
_NOTE = re.compile(
    r"[(\[]?(?:notes?|disclaimer|caveat)\s*[:—–-]|(?:this|the above) summary\b", re.I
)
# A line on what the summarised articles leave out: "The articles do not mention ...", "None
# of the sources say ...", "It is not clear from the articles ...".
_SILENT_SOURCES = re.compile(
    r"(?:(?:the|these|both|all(?: of)? the|some of the)\s+(?:provided\s+|given\s+|news\s+)?"
    r"(?:articles?|sources|reports|texts|documents)\s+(?:do|does|did)(?:\s+not|n['’]t)\b"
    r"|(?:none|neither) of the (?:articles|sources|reports|texts|documents)\b"
    r"|it(?:['’]s| is) (?:not |un)clear (?:from|in) the (?:articles|sources|reports|texts)\b)",
    re.I,
)
_ABOUT_SUMMARY = re.compile(
    r"\bsummar(?:y|ies|ised|ized)\b|\b(?:the|these|those|provided|given|original|source)"
    r" (?:articles?|sources?|texts?|information|documents?|reports)\b",
    re.I,
)
# What a chat assistant opens with ("Sure! Here's a summary of the news articles.") and a
# count of the summary's words ("(Word count: 62)").
_ASSENT = r"(?:sure|certainly|of course|absolutely|okay|ok)\b[!,.]*"
_OPENER = re.compile(
    rf"(?:{_ASSENT}\s*)?here(?:'s|’s| is| are)\b[^.!?]*\bsummar[^.!?]*[.!]?|{_ASSENT}", re.I
)
_WORD_COUNT = re.compile(
    r"[(\[]?(?:(?:word count|words|length)\s*:\s*\d+(?:\s*words)?|\d+\s+words)[)\]]?", re.I
)
_SIGN_OFF = re.compile(
    r"(?:i hope (?:this|that|it) (?:helps|is helpful)|hope (?:this|that) helps"
    r"|(?:please )?let me know\b|feel free to\b|is there anything else\b"
    r"|(?:would|do|shall|should|can|could|may) (?:you|i)\b.*\?$)",  # "Would you like me to ...?"
    re.I,
)
_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(?=\S)(?P<inside>(?:(?!\1).)+)(?<=\S)\1")  # "**...**"
# A Markdown table's row ("| Shin Wonsik | 7,000 containers |") and the rule under its header
# ("|---|:---:|"): each row is read without its outer pipes, the header row is a label.
_TABLE_ROW = re.compile(r"\|(?P<cells>.*)\|")
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
LABEL_WORDS = 3  # a summary's heading ("## Summary", "**Key points**"), not a headline
# "Headline | Site Name": the site name after a title separator is page furniture.
_SITE_SUFFIX = re.compile(r"\s+[|]\s+(?P<site>[^|.!?]{1,40})$")


# the openings of two reasons of `_form_reason`, which `datelines` reads back
_FIELD_REASON = "page metadata field"
_FRAGMENT_REASON = "fragment of"


def _form_reason(line: str, cfg: CleanConfig) -> str | None:
    """Why a line is not prose by its form alone, or None. A dialogue's turn ("Jerry: ok", its
    label a name) is what was said, however short."""
    words = tokens(line)
    if not any(ch.isalpha() for ch in line):
        return "no words: separator, counter or number-only line"
    if _is_breadcrumb(line, len(words)):
        return "breadcrumb or navigation path"
    if _URL.search(line) and len(words) <= cfg.max_link_words:
        return "link or sign-off with a URL"
    turn = TURN.match(line)
    if turn and name_words(turn["who"]):
        return None
    if _FIELD.match(line) and len(words) <= 8 and not is_sentence_end(line):
        return f"{_FIELD_REASON} (Key: value)"
    if len(words) < cfg.min_words and not is_sentence_end(line):
        return f"{_FRAGMENT_REASON} {len(words)} word(s), not a sentence (widget, label or counter)"
    return None


def datelines(doc: CleanDocument) -> tuple[str, ...]:
    """The lines removed as a page field or a fragment that give a year or a day of a month:
    the page's date line ("27 December 2012", "Date: 2025-04-19 04:49", "By Travis Zimpfer
    on March 2, 2017"). They are no prose to judge a claim by, but a claim that dates the
    event by them invents no date ("married in December 2012")."""
    return tuple(
        r.text
        for r in doc.removed
        if r.reason.startswith((_FIELD_REASON, _FRAGMENT_REASON))
        and (days(r.text) or any(d.isdigit() for d in dates(r.text)))
    )


def _is_breadcrumb(line: str, words: int) -> bool:
    """Two or more path separators (or "Home >" first), short segments before the last, and
    at most one sentence: a long or many-sentence line is prose, whatever it holds."""
    if words > CRUMB_WORDS or _SENTENCE_BREAK.search(line):
        return False
    *path, _ = _CRUMB_SPLIT.split(line)
    if len(path) < (1 if _CRUMB_HOME.match(line) else 2):
        return False
    return all(len(tokens(segment)) <= CRUMB_SEGMENT_WORDS for segment in path)


def _strip_site(
    number: int, start: int, line: str, doc_id: str, removed: list[RemovedLine]
) -> tuple[int, int, str]:
    """Cut a trailing "| Site Name" off a title line, recording what was cut."""
    match = _SITE_SUFFIX.search(line)
    if match is None or len(tokens(match.group("site"))) > 4:
        return number, start, line
    removed.append(
        RemovedLine(
            doc_id,
            number,
            line[match.start() :].strip(),
            "site name after a title separator (kept the title)",
        )
    )
    return number, start, line[: match.start()].rstrip()


def _cut(line: str) -> tuple[int, int]:
    """Where a summary's line is text, without its formatting: a list marker or heading mark,
    then a label in bold ("- **Point 1:** Kim denied ..."), or bold or italic marks around the
    whole rest ("**Kim denies arms exports**"), or a table row's outer pipes."""
    row = _TABLE_ROW.fullmatch(line)
    if row:
        at, cells = row.start("cells"), row["cells"]
        return at + len(cells) - len(cells.lstrip()), at + len(cells.rstrip())
    mark = _MARK.match(line)
    cut = mark.end() if mark and mark.end() < len(line) else 0
    label = _BOLD_LABEL.match(line, cut)
    if label and label.end() < len(line):  # at most 40 characters: a topic, not a sentence
        cut = label.end()
    whole = _EMPHASIS.fullmatch(line, cut)
    if whole:
        return whole.start("inside"), whole.end("inside")
    return cut, len(line)


def _label(raw: str, cut: int, end: int, following: str) -> str | None:
    """Why a summary's line (`raw`, its text from `cut` to `end`; `following`, the next line)
    is no claim, or None."""
    line = raw[cut:end]
    if not any(ch.isalpha() for ch in line):
        return "no words (a separator such as ---, or an empty list item), not a claim"
    if _TABLE_ROW.fullmatch(raw) and _TABLE_RULE.fullmatch(following):
        return "a table's header row, not a claim"
    if line.endswith(":"):
        return "a lead-in ending with a colon, not a claim"
    if _LINK_LINE.fullmatch(line):
        return "a link, not a claim"
    bold = end < len(raw) and raw.endswith(("**", "__"))  # the whole line set in bold
    heading = raw.startswith("#") or bold
    if heading and len(tokens(line)) <= LABEL_WORDS:
        return f"a heading of at most {LABEL_WORDS} words, not a claim"
    if _LABEL_ALONE.fullmatch(line):
        return "a label, not a claim"
    note = _NOTE.match(line) and _ABOUT_SUMMARY.search(line)
    if note or _SILENT_SOURCES.match(line) or _WORD_COUNT.fullmatch(line):
        return "a note on the summary or its sources, not a claim about the event"
    if _OPENER.fullmatch(line):
        return "an assistant's opening words, not a claim"
    if _SIGN_OFF.match(line):
        return "a sign-off to the reader, not a claim"
    return None


def _summary_lines(doc: Document) -> CleanDocument:
    """A candidate's lines without their formatting, its label lines and the entries of its
    list of sources set aside."""
    kept, removed = [], []
    sources = False  # in the list that follows a "Sources:" label
    found = lines(doc.text)
    for at, (number, start, raw) in enumerate(found):
        cut, end = _cut(raw)
        sources = sources and bool(_ENTRY.match(raw))
        reason = _label(raw, cut, end, found[at + 1][2] if at + 1 < len(found) else "")
        if sources and reason is None:
            reason = "an entry of the list of sources, not a claim"
        sources = sources or bool(_SOURCES_LABEL.fullmatch(raw[cut:end]))
        if reason:
            removed.append(RemovedLine(doc.doc_id, number, raw, reason))
        else:
            kept.append(KeptLine(number, start + cut, raw[cut:end]))
    return CleanDocument(doc, tuple(kept), tuple(removed))


def clean_documents(
    sources: Sequence[Document],
    candidates: Sequence[Document],
    cfg: CleanConfig,
    embedder: Embedder,
    known: Mapping[str, Spans] = {},
) -> tuple[tuple[CleanDocument, ...], tuple[CleanDocument, ...]]:
    """Clean the sources of one event against each other; split candidates into lines."""
    kept: dict[str, list[tuple[int, int, str]]] = {}
    removed: dict[str, list[RemovedLine]] = {d.doc_id: [] for d in sources}
    for doc in sources:
        kept[doc.doc_id] = []
        for number, start, line in lines(doc.text):
            reason = _form_reason(line, cfg)
            if reason:
                removed[doc.doc_id].append(RemovedLine(doc.doc_id, number, line, reason))
            else:
                kept[doc.doc_id].append(
                    _strip_site(number, start, line, doc.doc_id, removed[doc.doc_id])
                )
    if len(sources) > 1:
        _drop_unrelated(sources, kept, removed, cfg, embedder, known)
    cleaned = tuple(
        CleanDocument(
            doc,
            tuple(KeptLine(n, s, t) for n, s, t in kept[doc.doc_id]),
            tuple(sorted(removed[doc.doc_id], key=lambda r: r.line_no)),
        )
        for doc in sources
    )
    return cleaned, tuple(_summary_lines(doc) for doc in candidates)


def _drop_unrelated(
    sources: Sequence[Document],
    kept: dict[str, list[tuple[int, int, str]]],
    removed: dict[str, list[RemovedLine]],
    cfg: CleanConfig,
    embedder: Embedder,
    known: Mapping[str, Spans],
) -> None:
    """Move lines whose best cosine to every other source's lines is low into `removed`.

    A line's vector is joined from its sentences' (see `encode_joined`), the same sentences
    the later stages encode, so cleaning encodes nothing of its own.
    """
    owners = [doc.doc_id for doc in sources for _ in kept[doc.doc_id]]
    texts = [line for doc in sources for _, _, line in kept[doc.doc_id]]
    if not texts:
        return
    parts = [[t[a:b] for a, b in line_spans(t, known)] for t in texts]
    vectors = encode_joined(embedder, parts)[0]
    sims = cosines(vectors, vectors)
    owner = np.array(owners)
    sims[owner[:, None] == owner[None, :]] = -1.0  # a line never vouches for its own article
    best = sims.max(axis=1)
    row = 0
    for doc in sources:
        survivors = []
        for number, start, line in kept[doc.doc_id]:
            score = float(best[row])
            row += 1
            # A bulleted line is a link list unless it clearly reports the event.
            bullet = LIST_MARKER.match(line) is not None
            if score < cfg.min_relevance or (bullet and score < cfg.min_list_relevance):
                what = "list item" if bullet else "line"
                limit = cfg.min_list_relevance if bullet else cfg.min_relevance
                reason = (
                    f"{what} unrelated to the other articles (best similarity {score:.2f} < "
                    f"{limit})"
                )
                removed[doc.doc_id].append(RemovedLine(doc.doc_id, number, line, reason))
            else:
                survivors.append((number, start, line))
        kept[doc.doc_id] = survivors
