"""What the rules share: a conflict, a reading, and a statement read as a copy of a text (the
words it keeps in order, `copied`; what it changes, `_copy_changes`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from evalkit.text import MEMO, is_content, tokens

# The share of a claim's words copied in order from the unit: the speaker rule in lower-cased
# text (`_respoken`) reads claims that copy at least _NEAR_COPY of them, a swap (`_swapped`) and
# an edited copy (`_edited`) at least _COPY
_NEAR_COPY = 0.6
_COPY = 0.8
# a verb's form for one subject and its form for several (`edits._agreed`, `order`)
PLURAL_FORMS = {"has": "have", "is": "are", "was": "were"}
_SAID = frozenset({"said", "says"})  # a speaker may come before it or after: no exchange
_PRONOUNS = frozenset(
    "i we you he she it they me us him her them his its our their this that these those who "
    "which".split()
)
_WHO = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
# verbs that give words to a speaker, and what a speaker does right before or after its
# words: "said", "police say"
_SPEECH = (
    r"(?:said|says|told|tells|stated|states|added|adds|announced|announces|claimed|insisted|"
    r"insists|warned|warns|wrote|writes|argued|argues|tweeted|tweets|joked|jokes|explained|"
    r"explains|revealed|reveals|recalled|recalls|replied|replies|remarked|admitted|admits|noted|"
    r"conceded|concedes|enthused|enthuses|confirmed|confirms)"
)
_SAY = re.compile(rf"{_SPEECH}|say")


@dataclass(frozen=True, slots=True)
class Conflict:
    """What a statement and a text disagree on: the kind, the statement's value, the text's."""

    kind: Literal[
        "number", "date", "name", "word", "negation", "opposite", "order", "splice", "moved"
    ]
    mine: str
    theirs: str

    def reason(self) -> str:
        """As a claim's reason: "number 4,000 where the source has 7,000"."""
        if self.kind == "negation":
            return f"negation: only the {self.mine} denies or negates it"
        if self.kind == "splice":
            return f"spliced: the source says the rest of it of {self.theirs}, not of {self.mine}"
        return f"{self.kind} {self.mine} where the source has {self.theirs}"

    def change(self) -> str:
        """As a misstated fact's change, the fact's value then the candidate's: "7,000 -> 4,000"."""
        if self.kind == "negation":
            return "negated -> affirmed" if self.mine == "claim" else "affirmed -> negated"
        return f"{self.mine} -> {self.theirs}"


Reading = tuple[Literal["conflict", "agree", "neutral"], Conflict | None]
NEUTRAL: Reading = ("neutral", None)


def aged(words: tuple[str, ...]) -> bool:
    """Whether the words give someone's age: "the 42 year old", "the 31 year old sister"."""
    return ("year", "old") in zip(words, words[1:], strict=False)


def copied(statement: str, text: str) -> int:
    """How many of the statement's words the text says in the same order."""
    return _aligned(_uncontracted(tokens(text)), _uncontracted(tokens(statement)))[0]


# Where a sentence may end inside a unit the segmenter kept whole: in lower-cased or tokenised
# text no capital follows ("... in his royal buff . ' ms reichert went on ...").
_ENDS = re.compile(r"(?<=[.!?])['\"’”)]*\s+")


def joins_sentences(statement: str, text: str) -> bool:
    """Whether the statement copies words of each of the text's sentences: at least
    _JOINED_WORDS more, in order, from the whole than from any one of them ("She accessorised
    her tweedy skirt and cropped black blazer with a black tote, ..." of "Pippa looked ... in
    a tweedy skirt, black blouse and cropped black blazer. The brunette writer accessorised
    her look with a black tote, ...")."""
    pieces = _ENDS.split(text)
    if len(pieces) < 2:
        return False
    whole = copied(statement, text)
    return all(whole - copied(statement, piece) >= _JOINED_WORDS for piece in pieces)


_JOINED_WORDS = 3


def copied_sentences(statement: str, text: str) -> str:
    """The fewest sentences of `text`, in a row, from which the statement copies as many words
    in order as from the whole (the whole text when it is one sentence, or when no shorter
    run does): a copy of one sentence with one change is read as such where the segmenter
    joined that sentence to a neighbour."""
    pieces = _ENDS.split(text)
    if len(pieces) < 2:
        return text
    whole = copied(statement, text)
    for size in range(1, len(pieces)):
        for start in range(len(pieces) - size + 1):
            run = " ".join(pieces[start : start + size])
            if copied(statement, run) == whole:
                return run
    return text


# who says it, at a statement's end or start: ", Mr Bartram said.", "According to the police, ",
# ", Rodgers told Liverpool's official website."
_SAID_BY = re.compile(
    r",[\"”’']?\s+(?:according to [^,]{1,40}|(?:[^\W\d][\w'’.-]*\s+){1,4}"
    rf"(?:told(?:\s+the)?(?:\s+[\w.'’-]+){{1,4}}|{_SPEECH}(?:\s+\w+)?))\s*\.?\s*$"
    r"|^[Aa]ccording to [^,]{1,40},\s+"
    # a speaker that introduces a quote: "In a statement to police, the alleged victim said: '"
    rf"|^[^:\"“‘']{{1,120}}?\b{_SPEECH}(?:\s+[\w.]+){{0,4}}?\s*:\s*(?=[\"“‘'])"
)


# a speaker that opens a statement, without a quote after it: "Officials have said gross
# domestic product will shrink ...", "Mr Smith says that ..." (`unopened`)
_SAYING = (
    r"(?:has\s+|have\s+|had\s+)?(?:said|says|say|added|adds|warned|warns|stated|believes|believe)"
)
_OPENED_BY = re.compile(
    rf"^(?:[^\W\d][\w'’.-]*\s+){{0,3}}(?P<who>[^\W\d][\w'’.-]*)\s+{_SAYING}"
    r",?\s+(?:that\s+)?(?!(?:on|to|of|for|with|in|at|by|about)\b)(?=[^\W\d_])"
)


def unopened(statement: str, unit: str) -> str:
    """The statement without a speaker that opens it (`_OPENED_BY`), where the unit has that
    speaker say it later: "gross domestic product will shrink" of "Officials have said gross
    domestic product will shrink" against "... may actually shrink ..., Kazakh officials
    have said" (not "he was told he was as important" of "The Frenchman says he was told ..."
    against "He was told that he could be as vital ..."; nor where the unit says it in an
    aside, "The sportive, Lang believes, is ...", which a copy reads past)."""
    m = _OPENED_BY.match(statement)
    said = re.search(rf"\b{re.escape(m['who'])}\s+{_SAYING}\b(?!\s*,)", unit, re.I) if m else None
    if m is None or said is None:
        return statement
    return statement[m.end() :]


def unattributed(statement: str) -> str:
    """The statement without a speaker put at its end or start ("There will be more major
    finds, Mr Bartram said." reads as "There will be more major finds"; "The victim said: 'My
    flatmate ...'" as "'My flatmate ...'"), for the copy rules: who says it is the speaker
    rule's."""
    return _SAID_BY.sub("", statement) or statement


def verbatim(statement: str, text: str) -> bool:
    """Whether the text says the statement word for word (whole words, case and punctuation
    aside)."""
    return f" {' '.join(tokens(statement))} " in f" {' '.join(tokens(text))} "


def _replaced(
    changes: Iterable[tuple[str, int, int, int, int]],
    claim: tuple[str, ...],
    unit: tuple[str, ...],
) -> Iterator[tuple[int, int, int, int]]:
    """The changes (`_aligned`'s) that put content words of the claim's own (more often in the
    claim than in the unit: "North Korean" for "South Korean" in a claim that names "North
    Korea" where the unit does too) in place of content words of the unit's (one of which the
    claim has less often than the unit: "South" of "South Gloucestershire" may be in "the
    South West", but "aid to Ukraine" for "aid to Senegal" in a claim that names Senegal once
    where the unit names it twice is a swap), neither side a pronoun, as (i1, i2, j1, j2):
    unit[i1:i2] replaced by claim[j1:j2]. The unit's words are counted in what the claim
    copies, the words it leaves out aside: "Back in 1995, NPR profiled ..." for "Back in
    1995, the Baltimore Sun profiled ... -- the same part of the city that NPR called out ..."
    puts NPR where the unit has it only in a part the claim leaves out (so does "... jumped to
    his death in Tianjin due to the slump, Xinhua said" for "... in Beijing due to the slump and
    that ... were killed in Tianjin blasts, Xinhua said"); not a phrase that opens
    with a preposition, moved from there ("likely to be in el clasico on 26 october" for
    "likely to be at real madrid on 26 october in el clasico")."""
    changes = tuple(changes)
    cut = [(i1, i2) for op, i1, i2, _, _ in changes if op == "delete"]
    ends = [(i1, i2) for i1, i2 in cut if 0 in (i1, len(unit) - i2)]
    kept = [w for k, w in enumerate(unit) if not any(a <= k < b for a, b in ends)]
    # a word put in a slot the claim copies around (the words before and after it the unit's)
    # counts against the unit's words the claim keeps, all it leaves out aside
    kept_all = [w for k, w in enumerate(unit) if not any(a <= k < b for a, b in cut)]
    for op, i1, i2, j1, j2 in changes:
        old, new = unit[i1:i2], claim[j1:j2]
        if op != "replace" or (set(old) | set(new)) & _PRONOUNS:
            continue
        if not _content(old) or not _content(new):
            continue
        if all(claim.count(w) >= unit.count(w) for w in _content(old)):
            continue
        if any(claim.count(w) > unit.count(w) for w in _content(new)):
            yield i1, i2, j1, j2
        elif new[0] not in _PLACING:
            slot = (
                claim[j1 - 1 : j1] == unit[i1 - 1 : i1] and claim[j2 : j2 + 1] == unit[i2 : i2 + 1]
            )
            counted = kept_all if slot else kept
            if any(claim.count(w) > counted.count(w) for w in _content(new)):
                yield i1, i2, j1, j2


# Prepositions that give a name its role: "branch of Asda" is no "branch in Canterbury"
# (`names._roles`); with those of place, what opens a phrase moved whole (`_replaced`)
_ROLES = frozenset("of in at on for from by with to into".split())
_PLACING = _ROLES | frozenset("near under over".split())


# Contracted negations as `tokens` splits them ("isn't": "isn", "t"; tokenised "is n't": "is",
# "n", "t"), and the verbs they shorten.
_SHORTENED = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is", "": ""}


@lru_cache(maxsize=MEMO)
def _uncontracted(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words with each contracted negation written out: "isn", "t" -> "is", "not"; "won",
    "t" and the tokenised "wo", "n", "t" -> "will", "not"."""
    out: list[str] = []
    for w in words:
        if w == "t" and out and out[-1].endswith("n"):
            verb = out.pop()[:-1]
            if not verb and out:  # tokenised: the verb stands apart from "n't"
                verb = out.pop()
            out += [v for v in (_SHORTENED.get(verb, verb), "not") if v]
        elif w == "cannot":
            out += ["can", "not"]
        else:
            out.append(w)
    return tuple(out)


def _copy_changes(
    claim: tuple[str, ...], unit: tuple[str, ...], share: float
) -> tuple[tuple[str, int, int, int, int], ...] | None:
    """Where the claim differs from the unit (`_aligned`'s changes) when the claim copies at
    least `share` of its words from the unit in order; None when it copies less. The unit is
    aligned only where it holds enough of the claim's words (a bound that costs far less). A
    short claim may change one word whatever the share ("The cashier said yes." for "The
    cashier said no.")."""
    need = min(share * len(claim), len(claim) - 1)
    have = frozenset(unit)
    if sum(w in have for w in claim) < need:
        return None
    copied, changes = _aligned(unit, claim)
    return changes if copied >= need else None


def inner_changes(
    changes: Sequence[tuple[str, int, int, int, int]], size: int
) -> list[tuple[str, int, int, int, int]]:
    """A copy's changes (`_aligned`'s, against a unit of `size` words) but the unit's head or
    tail left out."""
    return [o for o in changes if not (o[0] == "delete" and (o[1] == 0 or o[2] == size))]


def speaks_after(unit: tuple[str, ...], at: int, new: tuple[str, ...]) -> bool:
    """Whether the words put in speak later in the unit, after its "said": the claim moved the
    speaker, and what it puts them for it leaves out."""
    return any(
        _SAY.fullmatch(w) and unit[k + 1 : k + 1 + len(new)] == new
        for k, w in enumerate(unit[at:], at)
    )


def _one_apart(
    changes: tuple[tuple[str, int, int, int, int], ...],
) -> tuple[tuple[str, int, int, int, int], ...]:
    """Each two changes (`_aligned`'s) with one word between them that both sides keep, read
    as one replacement of all three: "Kim Jong Un" for "Kim Yo Jong", "gareth colfer williams"
    for "angela colfer"."""
    return tuple(
        ("replace", a[1], b[2], a[3], b[4])
        for a, b in zip(changes, changes[1:], strict=False)
        if b[1] - a[2] == 1 and b[3] - a[4] == 1
    )


@lru_cache(maxsize=MEMO)
def _aligned(
    unit: tuple[str, ...], claim: tuple[str, ...]
) -> tuple[int, tuple[tuple[str, int, int, int, int], ...]]:
    """The word alignment of a claim with a unit: how many claim words it copies in order, and
    the places where the two differ (difflib's opcodes other than "equal")."""
    match = difflib.SequenceMatcher(None, unit, claim, autojunk=False)
    copied = sum(b.size for b in match.get_matching_blocks())
    return copied, tuple(o for o in match.get_opcodes() if o[0] != "equal")


def copied_stretch(statement: str, text: str) -> str:
    """The words of `text` from the first to the last the statement copies (`_aligned`), what a
    statement the claim joins to another says of it: not the text's head or tail it leaves out."""
    words = tokens(text)
    changes = _aligned(words, tokens(statement))[1]
    start, end = 0, len(words)
    if changes and changes[0][0] == "delete" and changes[0][1] == 0:
        start = changes[0][2]
    if changes and changes[-1][0] == "delete" and changes[-1][2] == len(words):
        end = changes[-1][1]
    return " ".join(words[start:end])


def run_at(words: tuple[str, ...], run: tuple[str, ...]) -> list[int]:
    """Where a run of words stands in the words (none for an empty run)."""
    n = len(run)
    return [i for i in range(len(words) - n + 1) if n and words[i : i + n] == run]


def _content(words: tuple[str, ...]) -> set[str]:
    return {t for t in words if is_content(t) and not t.isdigit()}


_ASIDE = re.compile(r",\s[^,]{1,80}?(?=,\s)")  # an aside between commas (the second kept)


def without_asides(unit: str, have: set[str], opening: frozenset[str] | None = None) -> str:
    """The unit without the asides between commas that a claim (its words: `have`) leaves out
    whole, none of their content words or figures its own: "Many Clouds had shown symptoms in
    the past, but ..." of "Many Clouds had shown symptoms in the past, which had seen him
    over-heat, but ..." for a claim without "over-heat"; only those that open with one of the
    words `opening`, where it is given."""

    def kept(aside: re.Match[str]) -> str:
        if opening is not None and not opening.intersection(tokens(aside.group())[:1]):
            return aside.group()
        before = tokens(unit[: aside.start()])[-1:]
        # (an aside after a word the claim has not is no aside of the copy: the rest of a list
        # whose first item the claim put something in place of, "with charlton, bradford and
        # preston, could")
        if not set(before) <= have or {t for t in tokens(aside.group()) if is_content(t)} & have:
            return aside.group()
        return ""

    return _ASIDE.sub(kept, unit)


def past_asides(
    rule: Callable[..., Conflict | None], claim: str, unit: str, *args: frozenset[str]
) -> Conflict | None:
    """A copy rule read against the unit, else against the unit without the asides between
    commas that the claim leaves out whole (`without_asides`), which may hide that the rule's
    change is the copy's only one ("on a campaign visit to surbiton, south-west london, mr
    clegg said that ..."; "..., which had seen him over-heat ..., but ...")."""
    found = rule(claim, unit, *args)
    if found is not None:
        return found
    bare = without_asides(unit, set(_uncontracted(tokens(claim))))
    return rule(claim, bare, *args) if bare != unit else None


def held_past_asides(
    rule: Callable[[str, str], Conflict | None],
    claim: str,
    unit: str,
    opening: frozenset[str] | None = None,
) -> Conflict | None:
    """A copy rule read against the unit, kept only where it still holds against the unit
    without the asides between commas that the claim leaves out whole (those that open with
    one of `opening`, where it is given): a hedge or a join inside an aside is the aside's own
    ("seen by fans, and possibly even by his manager, as ..."; "Brunning, from the
    Bedfordshire, Cambridgeshire and Hertfordshire major crime unit, said")."""
    found = rule(claim, unit)
    if found is None:
        return None
    bare = without_asides(unit, set(_uncontracted(tokens(claim))), opening)
    return found if bare == unit or rule(claim, bare) else None
