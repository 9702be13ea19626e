"""Frozen records passed between pipeline stages; each carries the ids that trace it to its text."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Role = Literal["source", "candidate"]
Verdict = Literal["supported", "unsupported", "contradicted"]
# A key fact against a candidate: said, said with another value (no credit), or not said.
FactState = Literal["covered", "misstated", "missed"]


def id_key(doc_id: str) -> str:
    """What ids are compared by, everywhere: Unicode NFC, case folded. `E1` names the event
    `e1`, and an id typed precomposed (é) is the one typed with a combining accent (é)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", doc_id).casefold())


@dataclass(frozen=True, slots=True)
class Document:
    """One input text as read: a source article or a candidate summary."""

    doc_id: str
    role: Role
    text: str
    origin: str  # file path or "file.jsonl:line" the text came from


@dataclass(frozen=True, slots=True)
class Event:
    """Sources and extra candidates that report one event."""

    event_id: str
    sources: tuple[Document, ...]
    candidates: tuple[Document, ...]
    origin: str
    key_facts: tuple[tuple[str, str], ...] = ()  # hand-written (text, "file:line"), if any
    key_facts_from: str = ""  # where the hand-written key facts are: a file, a JSONL line


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped, with the reason a user can check."""

    doc_id: str
    line_no: int  # 1-based line number in the raw text
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class KeptLine:
    """A line the cleaner kept, with its character offset in the raw text."""

    line_no: int
    start: int
    text: str


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A document after boilerplate removal; kept lines keep their raw offsets."""

    doc: Document
    kept: tuple[KeptLine, ...]
    removed: tuple[RemovedLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.kept)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its span [start, end) in the raw text of its document."""

    doc_id: str
    index: int
    text: str
    start: int
    end: int
    heading: bool = False  # a title line: counts as a claim, never as a key fact

    @property
    def sid(self) -> str:
        return f"{self.doc_id}#{self.index}"


@dataclass(frozen=True, slots=True)
class Segmented:
    """A clean document and its sentences."""

    clean: CleanDocument
    sentences: tuple[Sentence, ...]

    @property
    def doc_id(self) -> str:
        return self.clean.doc.doc_id


@dataclass(frozen=True, slots=True)
class ReferenceChoice:
    """Which source is the reference, and the content counts that decided it."""

    doc_id: str
    reason: str
    content: tuple[tuple[str, int], ...]  # (source id, distinct event terms)


@dataclass(frozen=True, slots=True)
class Fact:
    """A key fact of the reference, weighted by how many sources report it."""

    fact_id: str
    text: str
    weight: int
    origin: str  # reference sentence id, or the hand-written file and line
    reported_by: tuple[str, ...]  # source ids that carry it (the reference included)


@dataclass(frozen=True, slots=True)
class Claim:
    """A candidate sentence, or a clause it joins to others with semicolons
    (`stages.segment.clauses`), checked against the sources; `claim_id` numbers the
    candidate's claims in order (C1, C2, ...), the id claims.csv and the HTML report show."""

    candidate: str
    claim_id: str
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Alignment:
    """A claim's verdict with its best evidence and the signals behind the support score."""

    claim: Claim
    verdict: Verdict
    support: float
    evidence: Sentence | None
    similarity: float
    token_precision: float  # how far its top evidence says its words (paraphrases in part)
    novel: tuple[str, ...]  # names, numbers, dates, quotations found in no source
    conflict: str  # what the nearest evidence disagrees on, "" if nothing
    reason: str
    bigram_precision: float  # share of its content-word pairs in one evidence unit
    weakest_precision: float  # how far its top evidence says its least-said words
    entailment: float | None  # best P(an evidence unit entails it); None with entail=none
    contradiction: float | None  # best P(an evidence unit contradicts it); None: entail=none


@dataclass(frozen=True, slots=True)
class FactMatch:
    """Whether one candidate covers one key fact, and by which sentence."""

    fact: Fact
    candidate: str
    weight: int  # the fact's weight without this candidate's own vote
    state: FactState
    score: float  # the coverage credit; 0 for a misstated fact
    match: Sentence | None
    entailment: float | None  # P(the match or nearest sentence entails it); None: entail=none
    conflict: str = ""  # a misstated fact's change, the fact's value first: "7,000 -> 4,000"

    @property
    def covered(self) -> bool:
        return self.state == "covered"


class Unscorable(StrEnum):
    """Why a candidate's score is NaN; the value is the note its summary row shows."""

    EMPTY = "no sentences to score: the candidate text is empty"
    CLEANED = "no sentences to score: cleaning removed every line (see removed.csv)"
    NO_FACTS = "no key facts: the reference has no sentences (a title is never a key fact)"


@dataclass(frozen=True, slots=True)
class CandidateScore:
    """One row of the summary table; a NaN score comes with the reason it is unscorable."""

    candidate: str
    claims: int
    coverage: float
    coverage_weighted: float
    support_rate: float
    supported: int
    unsupported: int
    contradicted: int
    misstated: int  # key facts the candidate states with another value
    rouge1: float
    rouge2: float
    rougeL: float
    score: float
    unscorable: Unscorable | None = None

    @property
    def note(self) -> str:
        """The summary's note column: why the score is NaN, "" when it is not."""
        return self.unscorable.value if self.unscorable else ""


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One row of the sources table."""

    source: str
    is_reference: bool
    is_candidate: bool
    chars_raw: int
    chars_clean: int
    sentences: int
    removed_lines: int
    event_terms: int


@dataclass(frozen=True, slots=True)
class EventBasis:
    """What an event's verdicts rest on, whether measured or judged: the reference chosen and
    why, the key facts, and each source with the lines cleaning removed."""

    event_id: str
    reference: ReferenceChoice
    facts_origin: str
    sources: tuple[SourceInfo, ...]
    removed: tuple[RemovedLine, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class EventResult(EventBasis):
    """Everything one event produced, ready for the report stage."""

    alignments: tuple[Alignment, ...]
    matches: tuple[FactMatch, ...]
    scores: tuple[CandidateScore, ...]  # sorted by score, best first
