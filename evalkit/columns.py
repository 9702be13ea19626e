"""One column spec per table: each column's name, how its value is read from a record, and its
heading for people; every cell is spelt by `fmt`.

The CSV writers (`report`, `meta`), the Markdown and terminal tables, the HTML report and
`merge` all read the run's tables through the specs here, so a column is added, renamed or
moved in one place.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Generic, TypeVar

from evalkit.records import Alignment, CandidateScore, EventResult, FactMatch, SourceInfo

R = TypeVar("R")
C = TypeVar("C")
T = TypeVar("T")


def fmt(value: Any) -> str:
    """One text form for every cell: 4 decimals, NaN spelt NaN, booleans as 0/1."""
    kind = type(value)  # the common cases first: millions of cells in a large run
    if kind is str:
        return value
    if kind is float:
        return f"{value:.4f}" if value == value else "NaN"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else f"{value:.4f}"
    return "" if value is None else str(value)


# Columns of ids and text; every other column of every table holds a number, or "" / NaN
# where it has none (as `fmt` spells a missing value).
TEXT = frozenset(
    "event candidate claim_id claim verdict evidence_source evidence reason novel conflict "
    "fact_id fact state match reported_by fact_origin source note line system system_a "
    "system_b".split()
)


def unfmt(cell: str) -> float:
    """A cell read back as a number: NaN for an empty, NaN or text cell (as `fmt` spells it)."""
    try:
        return float(cell)
    except ValueError:
        return math.nan


@dataclass(frozen=True, slots=True)
class Column(Generic[R]):
    """A table column: its name in the CSV header, how a row's value is read, its heading."""

    name: str
    get: Callable[[R], Any]
    title: str = ""  # the heading people read (the HTML report); "" when it is the name

    @property
    def heading(self) -> str:
        return self.title or self.name


@dataclass(frozen=True, slots=True)
class Table(Generic[R]):
    """A table file and its columns, in order."""

    file: str
    columns: tuple[Column[R], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def numbers(self) -> tuple[str, ...]:
        """The columns that hold numbers (all but `TEXT`'s)."""
        return tuple(n for n in self.names if n not in TEXT)

    def __getitem__(self, name: str) -> Column[R]:
        return next(c for c in self.columns if c.name == name)

    def values(self, record: R) -> tuple[Any, ...]:
        """A row's values, unformatted."""
        return tuple(c.get(record) for c in self.columns)

    def cells(self, record: R) -> list[str]:
        """A row's cells as every table spells them."""
        return [fmt(c.get(record)) for c in self.columns]

    def filled(self, values: dict[str, Any], missing: Any) -> list[str]:
        """A row given by column name; the columns not named hold `missing`."""
        return [fmt(values.get(name, missing)) for name in self.names]


@dataclass(frozen=True, slots=True)
class Entry(Generic[C, T]):
    """A record as its table row reads it: with what it belongs to (an event's result, a
    benchmark item) and its place among the records of its kind (the summary's rank)."""

    owner: C
    record: T
    index: int = 0


def enumerated(owner: C, records: Sequence[T]) -> Iterator[Entry[C, T]]:
    """Each record with its owner and its place."""
    return (Entry(owner, r, i) for i, r in enumerate(records))


def listed(table: Table[Entry[C, T]], owner: C, records: Sequence[T]) -> list[tuple[Any, ...]]:
    """The table's rows of the records of one owner, in order, unformatted."""
    return [table.values(entry) for entry in enumerated(owner, records)]


def attributes(*names: str) -> tuple[Column[Any], ...]:
    """Columns that are a record's attributes of the same names."""
    return tuple(Column(name, attrgetter(name)) for name in names)


def attr(name: str, path: str = "", title: str = "") -> Column[Entry[Any, Any]]:
    """An entry's column read from its record's attribute `path` (dotted; default: `name`)."""
    return Column(name, attrgetter(f"record.{path or name}"), title)


def _optional(name: str, part: str, path: str) -> Column[Entry[Any, Any]]:
    """An attribute of the record's optional sentence `part`; "" when it has none."""
    get = attrgetter(path)

    def read(entry: Entry[Any, Any]) -> Any:
        sentence = getattr(entry.record, part)
        return get(sentence) if sentence else ""

    return Column(name, read)


def _rank(entry: Entry[EventResult, CandidateScore]) -> str:
    """1-based rank in the (already sorted) order; a NaN score gets no rank."""
    return "" if math.isnan(entry.record.score) else str(entry.index + 1)


def _source_note(entry: Entry[EventResult, SourceInfo]) -> str:
    """Why the reference was chosen, on the reference's row."""
    return entry.owner.reference.reason if entry.record.is_reference else ""


EVENT: Column[Entry[EventResult, Any]] = Column("event", lambda e: e.owner.event_id)
SUMMARY: Table[Entry[EventResult, CandidateScore]] = Table(
    "summary.csv",
    (
        EVENT,
        attr("candidate"),
        attr("coverage"),
        attr("coverage_weighted", title="coverage (weighted)"),
        attr("misstated", title="≠ misst."),
        attr("support_rate", title="support rate"),
        attr("unsupported", title="? unsupp."),
        attr("contradicted", title="✗ contr."),
        attr("rouge1", title="ROUGE-1"),
        attr("rouge2", title="ROUGE-2"),
        attr("rougeL", title="ROUGE-L"),
        attr("score"),
        Column("rank", _rank),
        attr("claims"),
        attr("supported", title="✓ supp."),
        attr("note"),
    ),
)
CLAIMS: Table[Entry[Any, Alignment]] = Table(
    "claims.csv",
    (
        EVENT,
        attr("candidate", "claim.candidate"),
        attr("claim_id", "claim.claim_id"),
        attr("claim", "claim.sentence.text"),
        attr("verdict"),
        attr("support"),
        _optional("evidence_source", "evidence", "doc_id"),
        _optional("evidence", "evidence", "text"),
        attr("reason"),
        attr("similarity"),
        attr("token_precision"),
        attr("bigram_precision"),
        attr("weakest_precision"),
        attr("entailment"),
        attr("contradiction"),
        Column("novel", lambda e: "; ".join(e.record.novel)),
        attr("conflict"),
        attr("claim_start", "claim.sentence.start"),
        attr("claim_end", "claim.sentence.end"),
        _optional("evidence_start", "evidence", "start"),
        _optional("evidence_end", "evidence", "end"),
    ),
)
FACTS: Table[Entry[EventResult, FactMatch]] = Table(
    "facts.csv",
    (
        EVENT,
        attr("fact_id", "fact.fact_id"),
        attr("fact", "fact.text"),
        attr("weight"),
        attr("candidate"),
        attr("state"),
        attr("score"),
        attr("conflict"),
        attr("entailment"),
        _optional("match", "match", "text"),
        _optional("match_start", "match", "start"),
        _optional("match_end", "match", "end"),
        Column("reported_by", lambda e: "; ".join(e.record.fact.reported_by)),
        attr("fact_origin", "fact.origin"),
    ),
)
SOURCES: Table[Entry[EventResult, SourceInfo]] = Table(
    "sources.csv",
    (
        EVENT,
        attr("source"),
        attr("is_reference"),
        attr("chars_raw"),
        attr("chars_clean"),
        attr("sentences"),
        attr("removed_lines"),
        attr("is_candidate"),
        attr("event_terms"),
        Column("note", _source_note),
    ),
)
REMOVED: Table[Entry[EventResult, Any]] = Table(
    "removed.csv",
    (
        EVENT,
        attr("source", "doc_id"),
        attr("line", "text"),
        attr("reason"),
        attr("line_no"),
    ),
)
# Every table of a run, by file name, in the order they are written.
TABLES: dict[str, Table[Any]] = {t.file: t for t in (SUMMARY, CLAIMS, FACTS, SOURCES, REMOVED)}


def _interval(name: str, title: str = "") -> tuple[Column[Any], ...]:
    """A statistic's value (an `evalkit.metrics.Metric` attribute) and its 95% interval."""
    return (
        Column(name, attrgetter(f"{name}.value"), title),
        Column(f"{name}_low", attrgetter(f"{name}.low")),
        Column(f"{name}_high", attrgetter(f"{name}.high")),
    )


# The tables across events (evalkit.systems), written once a run has systems to compare.
SYSTEMS: Table[Any] = Table(
    "systems.csv",
    (
        *attributes("rank", "system", "group", "events", "missing", "unscorable"),
        *_interval("score"),
        *_interval("coverage"),
        *_interval("support_rate", "support rate"),
        *_interval("unsupported", "? unsupp."),
        *_interval("contradicted", "✗ contr."),
        *_interval("misstated", "≠ misst."),
    ),
)
PAIRS: Table[Any] = Table(
    "pairs.csv",
    (
        *attributes("system_a", "system_b", "events"),
        *_interval("difference"),
        *attributes("p_value", "p_holm", "significant"),
    ),
)

# ---------------------------------------------------------------- what each column means
# One definition per column, by table: the HTML report's header tooltips and legends read them.
_SPAN = "character span in the raw file"


def _stat(name: str, what: str) -> dict[str, str]:
    """Definitions of a statistic's column and of its interval's two ends."""
    interval = "95% percentile bootstrap interval, resampling the events"
    return {
        name: f"{what}.",
        f"{name}_low": f"Low end of the {name}'s {interval}.",
        f"{name}_high": f"High end of the {name}'s {interval}.",
    }


DEFINITIONS: dict[str, dict[str, str]] = {
    SUMMARY.file: {
        "event": "The event: the source folder's name, or event_id in a JSONL file.",
        "candidate": "The text scored: a summary, or a source article scored as a candidate "
        "(labelled article).",
        "coverage": "Mean credit of the reference's key facts, 0-1. A fact's credit is soft: "
        "about 1 when the candidate clearly states it, about 0 when it does not; a misstated "
        "fact earns none.",
        "coverage_weighted": "Coverage with each key fact counted by its weight (how many "
        "sources report it); the score uses this one.",
        "misstated": "Key facts the candidate states with a wrong value (number, date, name, "
        "negation); they earn no coverage credit.",
        "support_rate": "Share of the candidate's claims (its sentences) that a source "
        "sentence supports.",
        "unsupported": "Claims that add something no source carries: no source sentence "
        "says it, or it brings a name, number, date or quotation found in no source.",
        "contradicted": "Claims whose closest source sentence says the same thing with a "
        "different value (number, amount, date, name, negation).",
        "rouge1": "ROUGE-1 F1 with the reference article: overlap of single words.",
        "rouge2": "ROUGE-2 F1 with the reference article: overlap of word pairs.",
        "rougeL": "ROUGE-L F1 with the reference article: the longest common word sequence.",
        "score": "Weighted coverage minus a penalty per unsupported and per contradicted "
        "claim (the formula above the ranking gives this run's weights); higher is better.",
        "rank": "Place within the event by score; empty when the score is NaN.",
        "claims": "Number of the candidate's sentences checked against the sources.",
        "supported": "Claims a source sentence supports.",
        "note": "Why a value is NaN, when one is.",
    },
    CLAIMS.file: {
        "event": "The event.",
        "candidate": "The candidate the claim belongs to.",
        "claim_id": "The claim's id within its candidate.",
        "claim": "One sentence of the candidate.",
        "verdict": "supported, unsupported (adds what no source carries) or contradicted "
        "(a source says the same thing with a different value).",
        "support": "The verifier's probability that a source supports the claim, 0-1.",
        "evidence_source": "The source holding the evidence.",
        "evidence": "The closest source sentence (or pair of sentences).",
        "reason": "Why the claim got its verdict.",
        "similarity": "Cosine similarity of the claim and its evidence.",
        "token_precision": "How far the claim's top evidence says its content words: a word "
        "it has counts 1, another its closest token's cosine in context.",
        "bigram_precision": "Share of the claim's pairs of neighbouring content words found "
        "in one evidence unit.",
        "weakest_precision": "token_precision's reading of the claim's three least-said "
        "content words alone (their mean): low when part of the claim is nowhere in its evidence.",
        "entailment": "The entailment model's probability that the evidence entails the "
        "claim; empty with entail=none.",
        "contradiction": "The entailment model's probability that the evidence contradicts "
        "the claim; empty with entail=none.",
        "novel": "Names, numbers, dates, quotations, events and aims of the claim found in no "
        "source.",
        "conflict": "What disagrees between the claim and its evidence, e.g. 7,000 -> 4,000.",
        "claim_start": f"Where the claim starts ({_SPAN} of the candidate).",
        "claim_end": f"Where the claim ends ({_SPAN} of the candidate).",
        "evidence_start": f"Where the evidence starts ({_SPAN} of the source).",
        "evidence_end": f"Where the evidence ends ({_SPAN} of the source).",
    },
    FACTS.file: {
        "event": "The event.",
        "fact_id": "The key fact's id.",
        "fact": "A key fact of the reference article: something a good summary states.",
        "weight": "How many sources report the fact (a scored source's own vote not counted); "
        "coverage (weighted) counts each fact by it.",
        "candidate": "The candidate the row judges.",
        "state": "covered: the candidate states the fact; misstated: it states it with a "
        "different value and earns no credit; missed: it does not state it.",
        "score": "The fact's soft coverage credit from this candidate, 0-1: about 1 when "
        "clearly stated, about 0 when absent.",
        "conflict": "For a misstated fact, the fact's value and the candidate's, e.g. "
        "7,000 -> 4,000.",
        "entailment": "The entailment model's probability that the match entails the fact; "
        "empty with entail=none.",
        "match": "The candidate sentence that states the fact, or comes closest.",
        "match_start": f"Where the match starts ({_SPAN} of the candidate).",
        "match_end": f"Where the match ends ({_SPAN} of the candidate).",
        "reported_by": "The sources that report the fact.",
        "fact_origin": "Where the fact comes from: a reference sentence id, or a line of a "
        "references file.",
    },
    SOURCES.file: {
        "event": "The event.",
        "source": "The source article.",
        "is_reference": "1 for the reference: the article the key facts and ROUGE come from.",
        "chars_raw": "Characters in the file as read.",
        "chars_clean": "Characters left after removing boilerplate.",
        "sentences": "Sentences after cleaning.",
        "removed_lines": "Lines removed as boilerplate (listed below).",
        "is_candidate": "1 when the article is also scored as a candidate.",
        "event_terms": "Distinct event terms the article shares with the other sources: "
        "the fullest article becomes the reference.",
        "note": "Why the reference was chosen.",
    },
    REMOVED.file: {
        "event": "The event.",
        "source": "The source the line was removed from (or the candidate, for a label line).",
        "line": "The removed line's text.",
        "reason": "Why cleaning removed it.",
        "line_no": "The line's number in its file.",
    },
    SYSTEMS.file: {
        "rank": "Place by mean score over the events the system was scored on; empty when it "
        "was scored on none.",
        "group": "Rank group: the top system starts group 1; going down the ranking, a system "
        "joins the current group unless it is significantly worse than the group's first "
        "system, then it starts the next group. Systems in one group are not told apart.",
        "system": "A candidate id shared across events: one summariser.",
        "events": "Events the system was scored on (it has a candidate with a score there); "
        "its means and intervals are over these.",
        "missing": "Events of the run where the system has no candidate.",
        "unscorable": "Events where the system's candidate has a NaN score (see the note in "
        "summary.csv).",
        **_stat("score", "Mean score over its events"),
        **_stat("coverage", "Mean coverage of the key facts"),
        **_stat("support_rate", "Mean share of its claims a source supports"),
        **_stat("unsupported", "Mean number of unsupported claims per summary"),
        **_stat("contradicted", "Mean number of contradicted claims per summary"),
        **_stat("misstated", "Mean number of misstated key facts per summary"),
    },
    PAIRS.file: {
        "system_a": "The system ranked higher.",
        "system_b": "The system ranked lower.",
        "events": "Events both systems were scored on: the pairs of scores compared.",
        **_stat("difference", "Mean of system_a's score minus system_b's over those events"),
        "p_value": "Two-sided p-value of a paired sign-flip permutation test over those "
        "events: how often random signs on the differences give a mean at least as far from 0.",
        "p_holm": "The p-value after Holm's correction over every pair of the run.",
        "significant": "1 when p_holm is at most systems.alpha and the difference at least "
        "systems.margin: the two systems differ.",
    },
}
