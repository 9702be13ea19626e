"""Segment stage: split each kept line into sentences with pysbd, keeping raw-text spans.

pysbd is a maintained rule-based segmenter that knows news abbreviations (U.S., Mr.),
datelines and quotes. Lines are segmented one at a time, so a sentence never spans a line
break (but a hard wrap's, `lines`) and every span maps back into the raw file. A candidate's
sentence is read without a frame that only says the summarised articles report it ("According
to the articles, ...", "The reports say that ...", "..., the sources say."): what follows is
the claim. Independent clauses a sentence joins with semicolons are claims, and key facts,
of their own (`clauses`).
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache

import pysbd

from evalkit.records import CleanDocument, Event, Segmented, Sentence
from evalkit.text import (
    CLITICS,
    LIST_MARKER,
    MONTH_NAMES,
    STOPWORDS,
    cased,
    is_sentence_end,
    tokens,
    unreferenced,
)
from evalkit.workers import can_spawn, main_unshared, quiet_worker, signals_held

log = logging.getLogger("evalkit")
Spans = tuple[tuple[int, int], ...]


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)  # spans: `_locate`


# Tokenised text (CNN/DailyMail's release: "russia 's athletics", "it 's") puts a space before
# a clitic's apostrophe, which pysbd reads as an opening quote: with a plural possessive's
# apostrophe later ("athletics' federations") it takes everything between for one quotation
# and splits no sentence there. The segmenter sees a letter instead (the same length, so every
# span holds).
_CLITIC = re.compile(rf"(?<=\s)'(?=(?:{'|'.join(CLITICS)})\b)")


# A frame naming the summarised articles as what reports a claim; a named source ("according
# to state media", "the UN report says") is part of the claim.
_ONE = r"(?:article|text|document|story|report|source|account|passage|excerpt)"
_SIDE = (
    r"(?:(?:(?:the|this|that|these|those|both|all|several|multiple|some|many|most|each|various"
    r"|other)"
    r"\s+(?:of\s+the\s+)?)?(?:(?:provided|given|source|news|media|original|above|available"
    r"|different|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)*"
    r"(?:articles?|texts?|documents?|stories|story|reports|sources|accounts|coverage|reporting"
    r"|passages?|excerpts?|pieces?)(?:\s+(?:provided|given|above))?"
    # one of them: "Article 1", "the third article", "another report"
    rf"|{_ONE}\s+#?\d{{1,2}}|(?:(?:the\s+)?(?:first|second|third|fourth|fifth|last|latest|other)"
    rf"|one|another)\s+(?:news\s+)?{_ONE})"
)
_SAY = (
    r"(?:said|(?:say|state|note|report|indicate|suggest|mention|explain|describe|agree|claim"
    r"|confirm|highlight|add)(?:s|d|ed)?)"
)
_AS = rf"as\s+(?:reported|noted|stated|mentioned|described)(?:\s+(?:in|by)\s+{_SIDE})?"
# A summary's own signpost: "In summary, ...", "Overall, ...", "To sum up, ..."
_SIGNPOST = (
    r"(?:in\s+(?:summary|short|brief|conclusion|sum)|overall|to\s+(?:summari[sz]e|sum\s+up))"
)
_LEAD = re.compile(
    rf"(?:according\s+to\s+{_SIDE}\s*,|{_AS}\s*,|{_SIGNPOST}\s*[,:]"
    rf"|{_SIDE}\s+(?:(?:all|also|further|generally|both)\s+)?{_SAY}(?:\s+that\b)?\s*,?"
    rf"|it\s+(?:is|was|has\s+been)\s+(?:reported|noted|stated)(?:\s+(?:in|by)\s+{_SIDE})?"
    r"\s+that\b)\s+",
    re.I,
)
_TRAIL = re.compile(rf"\s*,\s*(?:according\s+to\s+{_SIDE}|{_SIDE}\s+{_SAY}|{_AS})\s*[.!?]?$", re.I)


def unframed(sentence: str) -> tuple[int, int]:
    """[start, end) of a candidate's sentence without a frame naming the summarised articles
    ("According to the articles, Kim denied it." -> "Kim denied it.")."""
    lead, trail = _LEAD.match(sentence), _TRAIL.search(sentence)
    start = lead.end() if lead else 0
    end = trail.start() if trail and trail.start() > start else len(sentence)
    return (start, end) if tokens(sentence[start:end]) else (0, len(sentence))


# Independent clauses a sentence joins with semicolons ("Kim denied it; the U.S. imposed
# sanctions.") are claims of their own, or one invented clause would hide among sourced ones.
# Where semicolons part a list's items ("Loan ended: Danny Ward, goalkeeper (Liverpool); Ryan
# McLaughlin, defender (Liverpool)", "300 by 2020; more than 600 a year later"), or stand inside
# brackets or a quotation, the sentence stays one claim: each part must have _CLAUSE words or
# more and a finite verb (`_says`), and no colon may introduce the parts.
_CLAUSE = 3
_NESTING = re.compile(r"-lrb-|-rrb-|``|''|[()\[\]{}\"“”;:]", re.I)
_FINITE = frozenset(
    "is are was were am has have had will would shall can could should may might must do does "
    "did says said told tells went came took gave made got won lost left led met paid put ran "
    "sent set saw spent stood struck thought wrote began broke brought built bought caught chose "
    "drew drove fell felt fought flew found grew held hit kept knew laid meant rose sold shot "
    "spoke stole swore taught threw became".split()
)
_PAST = re.compile(r"(?<![\w'’-])[a-z][a-z-]{2,}ed\b")  # "denied", not "United" or "bed"


def _says(part: str) -> bool:
    """Whether a part has a finite verb: an auxiliary, a common past tense or a regular one."""
    return bool(_PAST.search(part)) or any(w in _FINITE for w in tokens(part))


def clauses(sentence: str) -> list[tuple[int, int]]:
    """[start, end) of the clauses a sentence joins with semicolons, each trimmed; the whole
    sentence when it joins none, or when its parts are a list's items (see _CLAUSE)."""
    cuts: list[int] = []
    depth, quoted = 0, False
    for mark in _NESTING.finditer(sentence):
        m = mark.group().lower()
        if m in ("(", "[", "{", "-lrb-"):
            depth += 1
        elif m in (")", "]", "}", "-rrb-"):
            depth = max(0, depth - 1)
        elif m in ('"', "“", "”", "``", "''"):
            quoted = not quoted if m == '"' else m in ("“", "``")
        elif depth or quoted:
            continue
        elif m != ":":
            cuts.append(mark.start())
        elif cuts:
            break  # "...; its targets: a, b" is a list after the cut
        else:
            return [(0, len(sentence))]  # a colon introduces what follows: no cut
    if not cuts:
        return [(0, len(sentence))]
    parts = []
    for start, end in zip([0, *(c + 1 for c in cuts)], [*cuts, len(sentence)], strict=True):
        text = sentence[start:end]
        start, end = start + len(text) - len(text.lstrip()), start + len(text.rstrip())
        part = sentence[start:end]
        if len(tokens(part)) < _CLAUSE or not _says(part):
            return [(0, len(sentence))]
        parts.append((start, end))
    return parts


# Lines recur across the events of one file (a shared lead, a wire copy); 65,536 of them
# cost about 40 MB, while pysbd takes 1-2 ms per line.
@lru_cache(maxsize=65_536)
def split_line(line: str) -> Spans:
    """[start, end) spans of the sentences of one line, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    seen = _quotes_written(_CLITIC.sub("x", line))
    found = _unquoted(seen, _locate(seen, _segmenter().processor(seen).process()))
    for start, end in found if cased(line) else _quote_ends(seen, found):
        text = line[start:end]
        start, end = start + len(text) - len(text.lstrip()), start + len(text.rstrip())
        if spans and end > start:  # "[1][3]" after a full stop cites that sentence
            text = unreferenced(line[start:end])
            cited = len(text) - len(text.lstrip())
            if cited:
                spans[-1] = (spans[-1][0], start + len(line[start : start + cited].rstrip()))
                start += cited
        day = _DAY.match(line, start) if spans else None
        if day and _MONTH_END.search(line, 0, spans[-1][1]):
            # "... on March | 13. Police ...": pysbd read a numbered list's item
            spans[-1] = (spans[-1][0], day.end())
            rest = line[day.end() : end]
            start = end - len(rest.lstrip())
        if end > start and tokens(line[start:end]):
            spans.append((start, end))
        elif spans and end > start:  # marks alone end the sentence before (". ''")
            spans[-1] = (spans[-1][0], end)
    return _marks_kept(line, spans) or ((0, len(line)),)


# Without capitals, a full stop inside a closing quote ends the sentence where pysbd reads
# none: "... enough to stay.' eight months after ...", "... stay . ' eight months ..." (capitals
# would open the next one); not before a word that goes on with it ("... over.' and left")
_QUOTE_END = re.compile(
    r"(?<![.\s][a-z])[.!?]\s?['\"’”]"  # (not an initialism's: "the u.s.' economy")
    r"(?=\s+(?!(?:and|but|or|said|says|added|adds|told)\b)[a-z])"
)


def _quote_ends(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of a line without capitals, each cut after a quote that a full stop closes
    (`_QUOTE_END`)."""
    return _cut_spans(
        spans, lambda start, end: (m.end() for m in _QUOTE_END.finditer(line, start, end))
    )


# Tokenised single quotes (the release's "` overheat '") as pysbd knows them, the same length
# so every span holds: ` as an apostrophe on the word after it, ' on the word before. Double
# ones (`` '') stay as they are: a quote of several paragraphs opens each with `` and closes
# only the last, and pysbd would take it all for one sentence.
_OPENING = re.compile(r"(?<!`)`(?!`)(\s+)")
_CLOSING_TOKEN = re.compile(r"(\s+)'(?=\s|$)")


def _quotes_written(line: str) -> str:
    """The line with tokenised single quotes written as pysbd reads quotes."""
    if "`" not in line:
        return line
    line = _OPENING.sub(lambda m: m[1] + "'", line)
    return _CLOSING_TOKEN.sub(lambda m: "'" + m[1], line)


# A quotation mark the segmenter left at the wrong side of a sentence break: a closing one that
# opens the next sentence (". '' in saturday 's race"), an opening one that ends the sentence
# before ("... minutes . ``")
_CLOSES_BEFORE = re.compile(r"(?:''|[\"'”’])(?=\s|$)")
_OPENS_AFTER = re.compile(r"(?<!\S)(?:``|`|“|‘)$")


def _marks_kept(line: str, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The spans with each quotation mark on the side of a break whose sentence it belongs to."""
    for k in range(1, len(spans)):
        (a, b), (c, d) = spans[k - 1], spans[k]
        closes = _CLOSES_BEFORE.match(line, c, d)
        opens = _OPENS_AFTER.search(line, a, b)
        if closes:
            b, c = closes.end(), closes.end()
        elif opens:
            b, c = opens.start(), opens.start()
        else:
            continue
        b, c = a + len(line[a:b].rstrip()), c + len(line[c:d]) - len(line[c:d].lstrip())
        spans[k - 1], spans[k] = (a, b), (c, d)
    return tuple(spans)  # each keeps its words: only marks move


# A sentence that ends on a month and one that starts with a day and a full stop: one date
_MONTH_END = re.compile(  # "they may" is no date
    rf"\b(?:(?i:{'|'.join(m for m in MONTH_NAMES if m != 'may')})|May|MAY)$"
)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\.(?=\s|$)")


# pysbd splits no sentence inside a quotation, and an apostrophe or a quote left open (a
# paragraph's quote that runs on, the release's "‘ we hugged . we kissed . i wept . ’")
# makes it take sentences of narrative too for one: "... told him we won . the hurricane
# destroyed homes as it swept through new jersey ...". A segment of _LONG words or more
# that, read without its quotation marks, holds _QUOTED sentences or more is those sentences
# (not "she said 'it is over. we lost.' and left.", a sentence that quotes two).
_QUOTED = 3
_LONG = 50
_QUOTE_MARK = re.compile(r"``|''|[\"“”‘’`]|(?<!\w)'|'(?!\w)")
_CLOSING = re.compile(r"\s*(?:''|[”’])|['\"](?=\s|$)")  # a quote a sentence's end closes


def _unquoted(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, each cut where `_cuts` says."""
    return _cut_spans(spans, lambda start, end: (start + at for at in _cuts(line[start:end])))


def _cut_spans(
    spans: list[tuple[int, int]], cuts: Callable[[int, int], Iterable[int]]
) -> list[tuple[int, int]]:
    """Each span cut at the offsets (in the line, in order) that `cuts(start, end)` gives."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        bounds = [start, *cuts(start, end), end]
        out += zip(bounds, bounds[1:], strict=False)
    return out


def _cuts(text: str) -> list[int]:
    """Where a segment of _LONG words or more that holds _QUOTED sentences or more once its
    quotation marks are read as spaces is cut into them (none: it stays whole); a closing quote
    stays with the sentence it ends."""
    if len(text.split()) < _LONG:  # most sentences: nothing more to read
        return []
    bare = _QUOTE_MARK.sub(lambda m: " " * len(m.group()), text)
    if bare == text:
        return []
    inner = _locate(bare, _segmenter().processor(bare).process())[1:]
    # in cased text, a piece in lower case is what the quote's sentence goes on with
    # ('... said "We will go. You stay." and left ...'): one sentence that quotes
    if cased(text) and any(text[a].islower() for a, _ in inner):
        return []
    cuts = []
    for a, _ in inner:
        said = len(bare[:a].rstrip())  # the previous sentence's last word or mark
        closing = _CLOSING.match(text, said)
        cuts.append(closing.end() if closing and closing.end() <= a else said)
    return cuts if len(cuts) + 1 >= _QUOTED else []


def _locate(line: str, sentences: list[str]) -> list[tuple[int, int]]:
    """Where pysbd's sentences lie in the line, as `Segmenter.segment(char_span=True)` finds
    them (the first occurrence, with its trailing space, that ends past the previous one),
    by plain search: pysbd compiles a regular expression per sentence, a quarter of its time.
    """
    out: list[tuple[int, int]] = []
    prior = 0
    for sentence in sentences:
        at = line.find(sentence)
        while at >= 0:
            end = at + len(sentence)
            while end < len(line) and line[end].isspace():
                end += 1
            if end > prior:
                out.append((at, end))
                prior = end
                break
            at = line.find(sentence, max(end, at + 1))
    return out


# The widths text is hard-wrapped at (a paragraph's longest line): an editor's or a mail
# client's 72 or 80 columns, textwrap's 70; never a headline and byline.
WRAP_WIDTHS = (50, 120)
_BLOCK_START = re.compile(rf"{LIST_MARKER.pattern}|[#|>]")  # a list item, heading, table, quote


def lines(text: str) -> list[tuple[int, int, str]]:
    """(1-based line number, start offset, text) of every non-blank line, stripped. A
    hard-wrapped paragraph's lines are one line (`_breaks`), each break read as a space, so a
    sentence wrapped at 80 columns is one sentence and every span still holds."""
    out: list[tuple[int, int, str]] = []
    block: list[tuple[int, int, str]] = []
    offset = 0
    for number, line in enumerate([*text.split("\n"), ""], 1):
        stripped = line.strip()
        if stripped:
            block.append((number, offset + line.index(stripped), stripped))
        elif block:
            breaks = _breaks([t for _, _, t in block])
            for i, (n, start, part) in enumerate(block):
                if i and breaks[i - 1]:
                    n, start, _ = out[-1]
                    out[-1] = (n, start, text[start : block[i][1] + len(part)].replace("\n", " "))
                else:
                    out.append((n, start, part))
            block = []
        offset += len(line) + 1
    return out


def _breaks(block: list[str]) -> list[bool]:
    """For each line of a paragraph but its last, whether a hard wrap broke it there: the
    paragraph's longest line is as wide as wrapped text is, the next line's first word would
    not have fitted on this one, the line ends no sentence and the next starts no list item,
    heading, table or quote. A run of such lines is read as wrapped where its last line ends a
    sentence and it breaks twice, or once where the sentence plainly goes on: the next line
    in lower case (in cased text) or this one on a word such as "to" or "the". A list of
    headlines, a headline over its byline or over a sentence, stay lines."""
    width = max(len(t) for t in block)
    cased = any(ch.isupper() for t in block for ch in t)
    breaks = [
        WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]
        and len(line) + 1 + len(after.split(" ")[0]) > width  # no wrap breaks at a no-break space
        and not is_sentence_end(line)
        and not _BLOCK_START.match(after)
        for line, after in zip(block, block[1:], strict=False)
    ]

    def goes_on(i: int) -> bool:
        words = tokens(block[i])
        return (cased and block[i + 1][0].islower()) or (bool(words) and words[-1] in STOPWORDS)

    out = [False] * len(breaks)
    for run in _runs(breaks):
        if is_sentence_end(block[run[-1] + 1]) and (len(run) >= 2 or goes_on(run[0])):
            for i in run:
                out[i] = True
    return out


def _runs(flags: list[bool]) -> list[list[int]]:
    """The indices of each run of consecutive true flags."""
    runs: list[list[int]] = []
    for i, flag in enumerate(flags):
        if flag and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        elif flag:
            runs.append([i])
    return runs


def line_spans(line: str, known: Mapping[str, Spans]) -> Spans:
    """split_line's spans of one line, taken from `known` (segmented ahead) when there."""
    return known.get(line) or split_line(line)


def segment(clean: CleanDocument, known: Mapping[str, Spans] = {}) -> Segmented:
    """Sentences of a clean document; a line that does not end like a sentence is a heading.
    A candidate's sentences are read without their frames (`unframed`). `known` holds spans
    already found for some lines (see `Prefetch`)."""
    sentences: list[Sentence] = []
    summary = clean.doc.role == "candidate"
    for line in clean.kept:
        spans = line_spans(line.text, known)
        heading = len(spans) == 1 and not is_sentence_end(line.text)
        for start, end in spans:
            if summary:
                cut, stop = unframed(line.text[start:end])
                start, end = start + cut, start + stop
            sentences.append(
                Sentence(
                    doc_id=clean.doc.doc_id,
                    index=len(sentences),
                    text=line.text[start:end],
                    start=line.start + start,
                    end=line.start + end,
                    heading=heading,
                )
            )
    return Segmented(clean, tuple(sentences))


def clause_sentences(sentence: Sentence) -> list[Sentence]:
    """The sentence's clauses (`clauses`) as sentences of their own: each keeps the sentence's
    index and points into the raw text; the sentence itself when it joins none."""
    parts = clauses(sentence.text)
    if len(parts) == 1:
        return [sentence]
    return [
        replace(sentence, text=sentence.text[a:b], start=sentence.start + a, end=sentence.start + b)
        for a, b in parts
    ]


def _split_lines(lines: list[str]) -> list[Spans]:
    return [split_line(line) for line in lines]


class Prefetch:
    """Segments the lines of the next events in a worker process while this one scores the
    current events, which mostly means waiting for the model: pysbd is half of a run's own
    work, and this hides part of it on the core the model leaves. The spans are split_line's
    own (same code, pure function), so only the time changes. Where no worker can start (a
    job inside joblib's loky workers) or one is lost, the run segments in-process as before.
    """

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._next: Future[list[Spans]] | None = None
        self._lines: list[str] = []
        self._off = not can_spawn()

    def submit(self, events: Sequence[Event]) -> None:
        """Start segmenting these events' lines (as the cleaner will see them)."""
        if self._off:
            return
        docs = [d for e in events for d in (*e.sources, *e.candidates)]
        texts = list(dict.fromkeys(t for d in docs for _, _, t in lines(d.text)))
        if not texts:
            return
        try:
            with signals_held():  # a Ctrl-C or SIGTERM lands after the worker has started
                if self._pool is None:  # started on first use: one batch never pays for it
                    context = multiprocessing.get_context("spawn")  # no copy of our threads
                    self._pool = ProcessPoolExecutor(1, context, initializer=quiet_worker)
                with main_unshared():
                    self._lines, self._next = texts, self._pool.submit(_split_lines, texts)
        except Exception as err:
            self._give_up(err)

    def collect(self) -> dict[str, Spans]:
        """The spans of the lines submitted last (waiting for them); empty when there are none."""
        known: dict[str, Spans] = {}
        if self._next is None:
            return known
        try:
            known = dict(zip(self._lines, self._next.result(), strict=True))
        except Exception as err:
            self._give_up(err)
        self._next = None
        return known

    def _give_up(self, err: Exception) -> None:
        """A worker that failed once is not tried again: it costs time, never a result."""
        log.warning("segmenting ahead failed (%s); segmenting here instead", err)
        self._off = True

    def close(self) -> None:
        if self._pool is not None:
            # Wait: a pool left shutting down races Python 3.11's exit hook, which then prints
            # "Exception ignored ... Bad file descriptor" after a Ctrl-C or SIGTERM. It costs
            # nothing measurable: that hook waits for the pool's work as well.
            self._pool.shutdown(wait=True, cancel_futures=True)
