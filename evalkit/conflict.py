"""The one contradiction rule: a statement and a text that says the same thing with another
value disagree. Claims use it (a claim against its closest evidence: `contradicted`) and
coverage uses it (a key fact against the candidate sentence that matches it: `misstated`).

The rule, in order:
- A dialogue's turn: the statement has someone by name do what a speaker says they do
  themselves ("Jerry baked cookies" against "Amanda: I baked cookies."), however little else
  of it the turn says.
- Comparable: most of the statement's content words, its figures, dates, speakers and
  invented names aside, are in the text (`min_overlap`). Otherwise the two say different
  things: neutral.
- A text that says the statement word for word agrees.
- A figure: the statement has an amount the text lacks where the text has another amount of
  the same thing (the same currency or %; for counts, a counted word in common: "45,000
  vehicles" against "18,000 vehicles"), or the same amount with the opposite bound ("more
  than 9,000" against "fewer than 9,000"); or, where the statement copies the text, another
  number in a number's place, counted word or not (an age: "Smith, 10," against "Smith,
  43,"); or a figure between the words the text has around another of its kind, though the
  statement says the rest otherwise (`_slot`: "were all out for 255" against "they were all
  out for 236", "his first ... goal" against "his second ... goal"). Whether the statement's
  figure appears elsewhere in the sources does not matter.
- A date: a year, month or weekday of the statement's where the text has another of its kind.
- A name found in no source where the text has another name (a name the sources know may be
  a second person the text leaves out), or a speaker the text does not name where it has
  another speaker say it ("Kirby said" against "Shin said", "Kim called it" against "Shin
  called it"; the claims stage reads a source's speaking "she" as the speaker named before
  it, and quotes after "Gareth Batty told BBC Radio London:" as his, `voiced`).
- A swap: the statement copies the text but for one name put in place of another ("Ireland
  made 165-5" against "Afghanistan made 165-5"; a name of up to five words, one opening the
  sentence where it is no English word, not a description or an office for a name); in
  lower-cased text, where capitals cannot find names, any one to three content words in
  place of others, the rest word for word.
- Polarity: the statement and the fewest clauses of the text that say the same thing differ
  in negation ("denied" against "confirmed", "non-permanent" against "permanent") or use
  opposite words ("rose" against "fell"); or the statement copies the text but for a negation
  added or taken away, or a word in place of its opposite, which the clauses can hide ("it is
  not very hard" against "it is very hard", "before" against "after"), or a pronoun in place
  of the other sex's ("she was fined" against "he was fined").
- Order: the statement is made of the text's own words with two of them exchanged ("the
  court fined the company" against "the company fined the court"). In lower-cased text,
  where capitals cannot find speakers, a speaker is also found as the words before "said"
  that the statement replaced ("dr hills said" against "prof ruggles said").
- Last, in cased text: a name between the words the text has around another name, though
  the statement says the rest otherwise (`_slot`: "The film's star Ansel Elgort picked up
  ..." against "The film's star Shailene Woodley also picked up ...").
A text of several sentences (a window) never conflicts, since its neighbours bring other
figures, but agrees when it holds every figure and date of the statement.

One rule reads a claim against every sentence of the sources at once (`spliced`): a claim
made of the start of one sentence and the rest of another, whose own subject it drops ("the
Red Cross" + "are being transferred to rebel-held areas"; "Terpstra" + "had to settle for
14th place", said of Geraint Thomas).
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from evalkit.lexicon import name_words, unknown_words
from evalkit.text import (
    COUNT_WORDS,
    DENIALS,
    IMPLIED,
    MEMO,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    OPPOSITES,
    SEASONS,
    STOPWORDS,
    TURN,
    WEEKDAYS,
    Amount,
    amounts,
    content_stems,
    dates,
    days,
    fold,
    is_content,
    names,
    negated,
    numbers,
    openers,
    plainly_negated,
    roots,
    same_country,
    seat_words,
    stem,
    tokens,
)

# Clause boundaries for the polarity check: punctuation (a sentence's end too: a window, or a
# quote of two sentences kept as one), the conjunctions that join clauses and relative pronouns
# (not "that": "denied that ..." must stay one clause).
_CLAUSE = re.compile(
    r"[,;:()\"“”—]|[.!?](?=\s)"
    r"|\b(?:but|while|although|though|whereas|and|as|after|because|since|which|who)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# The United States written as no pronoun can be ("U.S.", "US", "u.s."), and every "us" (and
# "United States") of a claim and unit where one of them writes it so (`compare`)
_US = re.compile(r"(?<![\w.])(?:U\.S\.|u\.s\.|US)(?!\w)")
_US_ANY = re.compile(r"(?<![\w.])(?:U\.S\.|u\.s\.|US|us|United States|united states)(?!\w)")
_SPEECH = (
    r"(?:said|says|told|tells|stated|states|added|adds|announced|announces|claimed|insisted|"
    r"insists|warned|warns|wrote|writes|argued|argues|tweeted|tweets)"
)
# Verbs that give words to their speaker as "said" does ("Kim called it 'absurd'"), read for
# a speaker by the speaker rule alone (`_speaker`): what else a claim says is weighed beside
# the speakers "said" finds, so "Kim denied ..." keeps Kim among the words it compares.
_ATTRIBUTES = (
    r"(?:called|calls|described|describes|denied|denies|dismissed|dismisses|rejected|rejects|"
    r"labelled|labeled|emphasised|emphasized|stressed|stresses|explained|explains)"
)
_SAYS = re.compile(_SPEECH)
# The order rule (`_order`): a claim whose content words are nearly all (this share) in one
# unit, two of them exchanged at most _REACH words apart; the speaker rule in lower-cased text
# (`_respoken`) reads claims that copy at least _NEAR_COPY of their words in order.
_CONTAINED = 0.9
_REACH = 6
_NEAR_COPY = 0.6
_COPY = 0.8  # `_swapped`: the share of the claim's words copied in order from the unit
_SAYS_IT = 0.5  # `_polarity`: the share of a clause's words the claim says, for its negation
# words across which two sides may change places: "A and B", "A met B", "A drew with B"
_SYMMETRIC = frozenset(
    "and or nor between vs versus met meet meets meeting married marry drew draw draws faced "
    "face faces played play plays".split()
)
# "missiles supplied by North Korea" is "North Korea supplied missiles": two words exchanged
# across "by" count only where both sides have it ("A was beaten by B" / "B was beaten by A")
_PASSIVE = "by"
_SAID = frozenset({"said", "says"})  # a speaker may come before it or after: no exchange
_PRONOUNS = frozenset(
    "i we you he she it they me us him her them his its our their this that these those who "
    "which".split()
)
# a word between "said" and the speaker's name is a role ("said manager Paul Grant"), unless
# it starts a phrase ("said in London", "said on Monday")
_NOT_ROLE = (
    r"(?:in|on|at|to|from|with|that|of|by|for|after|before|during|last|this|when|while|as|and|"
    r"but|it|he|she|they|there|yesterday|today|earlier|later|then|now)"
)
_WHO = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
# a body a name qualifies, speaking as one: "Ukrainian officials said", "Welsh police said"
_BODY = r"(?:\s+(?:officials|authorities|police|prosecutors|investigators|diplomats|sources))?"
# a pronoun before "said" is its speaker, and what follows what is said ("she said North Korea
# does not intend ...", not '"...," said Kim')
_SUBJECT = "".join(
    rf"(?<!\b{p} )" for p in ("he", "He", "she", "She", "they", "They", "we", "We", "I", "it", "It")
)
_BY_SAYING = r"(?:responded|replied|reacted)\s+by\s+saying"  # "The ministry responded by saying"


def _speaker_pattern(speech: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<before>{_WHO}{_BODY})(?:,[^,]{{1,80}},)?\s+(?:{speech}|{_BY_SAYING})\b"
        rf"|{_SUBJECT}\b{speech}\s+(?:(?!{_NOT_ROLE}\b)[a-z]+\s+){{0,2}}(?P<after>{_WHO})"
        rf"|\b[Aa]ccording to (?:[a-z]+\s+){{0,3}}(?P<source>{_WHO})"
    )


_SPEAKER = _speaker_pattern(_SPEECH)
_ATTRIBUTED = _speaker_pattern(rf"(?:{_SPEECH}|{_ATTRIBUTES})")


@dataclass(frozen=True, slots=True)
class Conflict:
    """What a statement and a text disagree on: the kind, the statement's value, the text's."""

    kind: Literal["number", "date", "name", "word", "negation", "opposite", "order", "splice"]
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


@lru_cache(maxsize=MEMO)
def compare(
    claim: str, unit: str, single: bool, novel: frozenset[str], min_overlap: float
) -> Reading:
    """Whether `unit` (a single sentence, or a window when not `single`) agrees with
    `claim`, contradicts it, or says something else; `novel` holds the claim's names,
    figures and dates found in no source. Where one side is written without capitals both are
    read lower-cased: capitals on one side only would tell names apart that the other side
    cannot show (a system that writes lower case against cased sources, or the reverse)."""
    country = _US.search(claim) or _US.search(unit)  # then "us" is the country, no pronoun
    lower = not any(ch.isupper() for ch in claim) or not any(ch.isupper() for ch in unit)
    if lower:
        claim, unit = claim.lower(), unit.lower()
    if country:
        usa = "usa" if lower else "USA"
        claim, unit = _US_ANY.sub(usa, claim), _US_ANY.sub(usa, unit)
        novel = frozenset("usa" if w == "us" else w for w in novel)
    turn = _turn(claim, unit)
    if turn:
        return "conflict", turn
    values = {stem(t) for a in amounts(claim) for t in tokens(a.text)} | dates(claim) | novel
    values |= speakers(claim)
    stems = content_stems(claim) - {stem(t) for t in values}
    if not stems or len(stems & content_stems(unit)) / len(stems) < min_overlap:
        if not single:
            return NEUTRAL
        # a swap is read even where the swapped words are most of what the statement says, and
        # one clause alone: the claim may join two statements
        found = _swapped(claim, unit) or _part(claim, unit, novel, min_overlap)
        return ("conflict", found) if found else NEUTRAL
    if verbatim(claim, unit):
        return NEUTRAL if novel else ("agree", None)
    if not single:
        holds = numbers(claim) <= numbers(unit) and dates(claim) <= dates(unit)
        same = holds and not novel and negated(claim) == negated(unit)
        return ("agree", None) if same else NEUTRAL
    found = _figure(claim, unit) or _date(claim, unit) or _slot(claim, unit, False)
    found = found or _aged(claim, unit) or _role(claim, unit)
    found = found or _name(claim, unit, novel)
    found = found or _speaker(claim, unit) or _swapped(claim, unit)
    found = found or _polarity(claim, unit, min_overlap) or _edited(claim, unit)
    found = found or _done(claim, unit)
    found = found or _order(claim, unit) or _slot(claim, unit, True)
    if found:
        return "conflict", found
    return NEUTRAL if novel else ("agree", None)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_PART_WORDS = 3  # `_part`: the fewest content words of a clause without a figure read alone


def _part(claim: str, unit: str, novel: frozenset[str], min_overlap: float) -> Conflict | None:
    """A clause of a claim that says more than the unit (two statements joined: "Tom Elliott
    served in the UDR for 19 years and is now the MP for ...") with a figure the unit gives
    otherwise, where the clause's words are the unit's ("Mr Elliott served in the UDR for 10
    years, between 1982 and 1992."), or, a clause without a figure of _PART_WORDS content
    words or more, its opposite polarity ("Ronaldo sported an unusual haircut at the 2002
    World Cup, which Brazil went on to lose" against "... for the 2002 World Cup - Brazil went
    on to win it."). Not a date: "in summer" has no words around it to say which thing is
    dated ("a building that is very hot in summer and cold in winter" against "In the winter
    it's quite cold, ...")."""
    theirs = content_stems(unit)
    for part, stems, figured in _clauses(claim, novel):
        if len(stems & theirs) / len(stems) < min_overlap:
            continue
        if figured:
            found = _figure(part, unit) or _slot(part, unit, False)
        else:
            found = _polarity(part, unit, min_overlap)  # "..., which Brazil went on to lose"
        if found:
            return found
    return None


@lru_cache(maxsize=MEMO)
def _clauses(claim: str, novel: frozenset[str]) -> tuple[tuple[str, frozenset[str], bool], ...]:
    """The claim's clauses `_part` reads alone, each with the content stems it must share and
    whether it has a figure: one with a figure needs two stems besides its figures, one
    without _PART_WORDS."""
    out = []
    for part in _CLAUSE.split(_THOUSANDS.sub("", claim)):  # "7,000" is one figure
        found = amounts(part)
        if found or dates(part) or any(_figure_words(tokens(part))):
            values = {stem(t) for a in found for t in tokens(a.text)} | dates(part) | novel
            spans = {n for a in found for n in a.noun & _SPANS}  # the "weeks" of "two weeks"
            stems = content_stems(part) - {stem(t) for t in values | spans}
            if len(stems) >= 2:
                out.append((part, stems, True))
        elif len(stems := content_stems(part) - novel) >= _PART_WORDS:
            out.append((part, stems, False))
    return tuple(out)


def copied(statement: str, text: str) -> int:
    """How many of the statement's words the text says in the same order."""
    return _aligned(_uncontracted(tokens(text)), _uncontracted(tokens(statement)))[0]


def verbatim(statement: str, text: str) -> bool:
    """Whether the text says the statement word for word (whole words, case and punctuation
    aside)."""
    return f" {' '.join(tokens(statement))} " in f" {' '.join(tokens(text))} "


def _figure(claim: str, unit: str) -> Conflict | None:
    mine, theirs = amounts(claim), amounts(unit)
    mine_only = [a for a in mine if a.value not in {b.value for b in theirs}]
    theirs_only = [b for b in theirs if b.value not in {a.value for a in mine}]
    for a in mine:
        for b in theirs:
            if not a.same_slot(b):
                continue
            differs = a in mine_only and b in theirs_only
            if (differs or a.value == b.value) and _disagree(a, b):
                return Conflict("number", _bounded(a.text, a.bound), _bounded(b.text, b.bound))
    return None


# a name and the age after it between commas: "Edward Tenniswood, 51, from Stanley Road"
_AGED = re.compile(r"(?P<who>[^\W\d_][\w'’-]*)\s*,\s*(?P<age>\d{1,3})\s*,")


def _aged(claim: str, unit: str) -> Conflict | None:
    """A name both sides give an age between commas, a different one: "Edward Tenniswood,
    20," against "Edward Tenniswood, 51,", though the claim gives 51 to another ("... the
    murder of India Chipchase, 51.")."""
    theirs = dict(_ages(unit))
    for who, age in _ages(claim):
        if theirs.get(who, age) != age:
            return Conflict("number", age, theirs[who])
    return None


def misaged(claim: str, sentences: Sequence[str]) -> tuple[Conflict, int] | None:
    """A name the claim gives an age between commas that the sources give only other ages,
    wherever they give it: "Brian Wright, 72, denies causing serious injury" where a source has
    "Brian Wright, 55, of Kempston, told Luton Crown Court ..." (and "Sylvia Blackburn, 72,"
    elsewhere). Returns the conflict and the index of the first sentence with another age."""
    mine = _ages(claim)
    if not mine:
        return None
    given: dict[str, list[tuple[str, int]]] = {}
    for i, text in enumerate(sentences):
        for who, age in _ages(text):
            given.setdefault(who, []).append((age, i))
    for who, age in mine:
        ages = given.get(who, [])
        if ages and age not in {a for a, _ in ages}:
            return Conflict("number", age, ages[0][0]), ages[0][1]
    return None


@lru_cache(maxsize=MEMO)
def _ages(text: str) -> tuple[tuple[str, str], ...]:
    """Each name the text gives an age between commas (its last word, folded) and the age (a
    source sentence is read for every claim with an age: `misaged`)."""
    if "," not in text:
        return ()
    found = ((fold(m["who"]), m["age"]) for m in _AGED.finditer(text))
    return tuple((who, age) for who, age in found if who not in STOPWORDS)


# someone and the office between commas beside them: "Peter John, the leader of Southwark
# Council, ..." and "The leader of Southwark Council, Peter John, ..."
_ROLE = re.compile(
    rf"(?P<who>{_WHO}),\s+(?:the|a|an)\s+(?P<role>[a-z][^,.;:]{{3,60}}?)\s*,"
    rf"|\b(?:[Tt]he|[Aa]n?)\s+(?P<office>[a-z][^,.;:]{{3,60}}?),\s+(?P<holder>{_WHO})\s*,"
)


def _role(claim: str, unit: str) -> Conflict | None:
    """An office both sides give between commas beside someone, a different one: "Catherine
    West, the leader of Southwark Council, has called ..." against "The leader of Southwark
    Council, Peter John, has called ..." (the claim's name is in the article, elsewhere)."""
    theirs = dict(_offices(unit))
    for role, who in _offices(claim):
        holder = theirs.get(role)
        if holder and not set(tokens(who)) & set(tokens(holder)):
            return Conflict("name", fold(who), fold(holder))
    return None


def _offices(text: str) -> Iterator[tuple[frozenset[str], str]]:
    """Each office (its content stems, two or more) the text gives between commas beside
    someone, and who holds it."""
    for m in _ROLE.finditer(text):
        role, who = (m["role"], m["who"]) if m["who"] else (m["office"], m["holder"])
        stems = content_stems(role)
        if len(stems) >= 2 and names(who):
            yield stems, who


def _disagree(a: Amount, b: Amount) -> bool:
    """Whether two figures of one thing cannot both hold: two values, a value outside the
    other's bound ("fewer than 2,000" against "more than 9,000"; not "105" against "more than
    100"), or bounds with no value between them."""
    x, y = Decimal(a.value), Decimal(b.value)
    if not a.bound and not b.bound:
        return x != y
    if not a.bound or not b.bound:
        value, limit, bound = (x, y, b.bound) if not a.bound else (y, x, a.bound)
        return value < limit if bound > 0 else value > limit
    if a.bound == b.bound:
        return False
    low, high = (x, y) if a.bound > 0 else (y, x)
    return low >= high


def _bounded(text: str, bound: int) -> str:
    return {1: "more than ", -1: "fewer than "}.get(bound, "") + text


def _date(claim: str, unit: str) -> Conflict | None:
    mine, theirs = dates(claim), dates(unit)
    # a year against a year, a weekday against a weekday, a month against a month, a season
    # against a season ("on Monday" may be "on 12 May", "in the summer" "in July")
    kinds = (_YEAR.fullmatch, WEEKDAYS.__contains__, MONTHS.__contains__, SEASONS.__contains__)
    for kind in kinds:
        a = {d for d in mine - theirs if kind(d)}
        b = {d for d in theirs - mine if kind(d)}
        if a and b:
            return Conflict("date", ", ".join(sorted(a)), ", ".join(sorted(b)))
    # a day against a day of the same month ("on March 12" / "on March 13")
    mine_days, their_days = days(claim), days(unit)
    for month in sorted({m for m, _ in mine_days} & {m for m, _ in their_days}):
        day = sorted(d for m, d in mine_days if m == month)
        their = sorted(d for m, d in their_days if m == month)
        if not set(day) & set(their):
            return Conflict("date", f"{month} {day[0]}", f"{month} {their[0]}")
    return None


# Ordinals and fractions: figures that `amounts` does not read ("his first goal", "a tenth of
# a second"), for `_slot`
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_RANKS = frozenset([*_ORDINALS, "hundredth", "thousandth"])
# a numeral ordinal ("12th"), read as its word up to "twelfth" (`_figure_word`)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
# fractions no ordinal writes ("first-half" is no "half"), and a round of a cup ("quarter-final"
# / "semi-final")
_PARTS = frozenset({"half", "quarter", "semi"})
# sides and grounds: "his left ankle" / "his right ankle", "a 2-0 home win" / "a 2-0 away win"
_SIDES = frozenset({"left", "right", "home", "away"})
_TIMES = ("twice", "thrice")  # counts of times ("poisoned twice": "poisoned three times")
_SPANS = frozenset(
    "minute minutes hour hours day days week weeks month months year years decade decades".split()
)
# which of two times the words before a span of time say ("the same day", "the next day")
_RELATIVE = {"same": "same", "next": "next", "following": "next", "previous": "previous"}
_SLOT = 3  # `_slot`: more words than this either side of a figure that both sides share
# words before a figure that make it a bound or a guess ("more than 100"), `_figure`'s to read
_ROUGHLY = frozenset(
    "than over under about around nearly almost some approximately roughly least most".split()
)


def _slot(claim: str, unit: str, named: bool) -> Conflict | None:
    """A figure of the claim's (or, `named`, a name, in cased text) where the unit has another
    of its kind (a year, a count, an ordinal, a fraction, a span of time, "the same" or "the
    next" day; a name) between the same words, more than _SLOT of them (for a span of time, the
    word before it too; for a name, a content word among them, and two words before it where
    the unit has the claim's name before its own). Each side's is in the other only among
    other words (`_amid`). "all out for 255" against "all out for 236", "just two runs"
    against "just one run", "his first Premier League goal" against "his second ...", "a
    tenth of a second" against "a hundredth of a second", "would have turned 40"
    against "The 40-year-old actor said: "Chris Kyle would have turned 41"", "Oliver, 15,
    fired a rifle ..., killing Edwards, 37" against "Oliver, 37, fired a rifle ...", "The
    film's star Ansel Elgort picked up ..." against "The film's star Shailene Woodley also
    picked up ..., for a scene with Ansel Elgort". Not a bound or a guess ("carrying 105
    migrants" against "carrying more than 100 migrants"; but two guesses far apart: "about
    4,500" against "about 2,400", `_far`), nor a name put for an office or a
    seat of government (`_STANDS_IN`), a short form or a description. The claim need not
    copy the rest of the unit."""
    # "a" and "an" are one word to the words around a figure ("within a day", "within an hour")
    c, u = (tuple("a" if t == "an" else t for t in tokens(x)) for x in (claim, unit))
    mine, theirs = _slots(claim, c, named), _slots(unit, u, named)
    for a in mine:
        if any(_same(a, b, c, u) and _amid(c, a, u, b) for b in theirs):
            continue
        for b in theirs:
            if (
                b[2] != a[2]
                or _same(a, b, c, u)
                or (_ROUGHLY & {*c[a[0] - 1 : a[0]], *u[b[0] - 1 : b[0]]} and not _far(a, b, c, u))
            ):
                continue
            if any(_same(m, b, c, u) and _amid(c, m, u, b) for m in mine):
                continue  # the claim has the unit's figure among the same words
            if named and not _other_name(c, a, u, b):
                continue
            before, after = _around(c, a, u, b)
            if a[2] == "span" and not before:
                continue  # "in the last year" for "in the last 12 months": the word before
            # one count of another span: "up to 51 years" against "up to 51 weeks", "within a
            # day" against "within an hour"; another number of a rank: "world number one"
            # against "world number nine"
            counted = len(before) >= 2 and (
                (a[2] == "span" and _counts(before[-1]))
                or (a[2] == "count" and before[-1] == "number")
            )
            # a name the unit has before, then a clause that ends in another name: what
            # follows that is said of the first ("Netherlands, who were led by 18 points
            # from De Jong, scored ...", "Andrea Barber, who portrayed Kimmy Gibbler, will")
            if named and set(c[a[0] : a[1]]) & set(u[: b[0]]) and len(before) < 2:
                continue
            # not three: "qpr 's third goal" for "qpr 's second goal", another scorer's
            shared = before + after
            # a year after a verb and its preposition: "collapsed in 2010" / "collapsed in 2009"
            dated = a[2] == "year" and len(before) >= 2 and is_content(before[0])
            enough = len(shared) > _SLOT or counted or dated
            if enough and (not named or any(map(is_content, shared))):
                kind: Literal["name", "number"] = "name" if a[2] == "name" else "number"
                return Conflict(kind, " ".join(c[a[0] : a[1]]), " ".join(u[b[0] : b[1]]))
    return None


_APPROXIMATELY = frozenset("about around nearly almost approximately roughly some".split())
_FAR = Decimal("1.25")  # `_far`: how many times the other a figure is, at least, to be far


def _counts(word: str) -> bool:
    """Whether the word counts what follows: a count, or "a" ("a day")."""
    return word == "a" or bool(_figure_word(word))


def _far(a: Slot, b: Slot, c: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether two figures both sides give as roughly the same ("about 4,500" and "about
    2,400") are far apart: the larger at least _FAR times the smaller."""
    rough = {*c[a[0] - 1 : a[0]], *u[b[0] - 1 : b[0]]}
    if len(rough) != 1 or not rough <= _APPROXIMATELY or a[2] != "count":
        return False
    x, y = sorted((Decimal(a[3].replace(",", "")), Decimal(b[3].replace(",", ""))))
    return x > 0 and y >= _FAR * x


# A figure or name a statement has: where (its words' start and end) and its kind and value.
Slot = tuple[int, int, str, str]


def _slots(text: str, words: tuple[str, ...], named: bool) -> list[Slot]:
    """The text's figures (`_figure_words`), or its names where it is cased: runs of the
    words `names` finds."""
    if not named:
        return [(i, i + 1, *f) for i, f in enumerate(_figure_words(words)) if f]
    found: list[Slot] = []
    known = names(text) if any(ch.isupper() for ch in text) else frozenset()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] in known:
            j += 1
        if _content(words[i:j]):  # not the "m" of a capitalised "I'M"
            found.append((i, j, "name", " ".join(words[i:j])))
        i = max(j, i + 1)
    return found


def _same(a: Slot, b: Slot, c: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether two slots say the same: one value, or names with a word in common ("Hazard" of
    "Eden Hazard")."""
    if a[2] == "name" == b[2]:
        return bool(set(c[a[0] : a[1]]) & set(u[b[0] : b[1]]))
    return a[2:] == b[2:]


def _other_name(c: tuple[str, ...], a: Slot, u: tuple[str, ...], b: Slot) -> bool:
    """Whether a name in place of another says someone else: not where the two trade places
    (each side names both: `_order` reads that), nor where either is an office, institution
    or capital that may stand for the other (`_STANDS_IN`), a place of its country
    (`same_country`), its short form or a description ("the Swiss" for "Wawrinka")."""
    mine, theirs = c[a[0] : a[1]], u[b[0] : b[1]]
    x, y = set(mine), set(theirs)
    if x <= set(u) and y <= set(c):
        return False
    if x <= _STANDS_IN or y <= _STANDS_IN or same_country(x, y):
        return False
    return not (_short_form(mine, theirs) or _described(u, b[0], c, a[0], y, x))


def _amid(c: tuple[str, ...], a: Slot, u: tuple[str, ...], b: Slot) -> bool:
    """Whether two slots stand among the same words: two or more of them either side ("won 5
    games in 2019" in "won 3 games in 2018 and 5 games in 2019"; not the one of "first 18
    points of" in "led by 18 points from")."""
    before, after = _around(c, a, u, b)
    return len(before) + len(after) >= 2


def _around(
    c: tuple[str, ...], a: Slot, u: tuple[str, ...], b: Slot
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words right before the claim's slot that the unit has right before its slot, and
    those right after."""
    left = len(os.path.commonprefix([c[: a[0]][::-1], u[: b[0]][::-1]]))
    # the word counted may change its number with the count ("two runs" / "one run")
    counted = _one_or_more(c[a[1] : a[1] + 1], u[b[1] : b[1] + 1])
    mine, theirs = _unrelated(c[a[1] + counted :], u[b[1] + counted :])
    right = len(os.path.commonprefix([mine, theirs]))
    return c[a[0] - left : a[0]], c[a[1] : a[1] + counted] + mine[:right]


def _unrelated(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words after two slots, less a "who" or "which" that only one opens with: "Mr
    Ashley, who also owns ..." says of him what "Mr Wright also owns ..." says."""
    if x[:1] != y[:1]:
        if x[:1] in (("who",), ("which",)):
            return x[1:], y
        if y[:1] in (("who",), ("which",)):
            return x, y[1:]
    return x, y


def _one_or_more(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Whether the two (one word or none each) are one noun, singular and plural ("run" and
    "runs", "match" and "matches", "man" and "men")."""
    if len(x) != 1 or len(y) != 1 or x == y:
        return False
    one, more = sorted((x[0], y[0]), key=len)
    return more in (one + "s", one + "es") or (one, more) == ("man", "men")


def _figure_words(words: tuple[str, ...]) -> list[tuple[str, str] | None]:
    """Each word's kind of figure and value (`_figure_word`), None for part of a figure of
    several words: two counts, both words or both numerals ("twenty five", "3-48"), or a
    figure and its scale ("two million")."""
    found = [_figure_word(t) for t in words]
    # "one" counts before the word it counts ("one run"), not as a pronoun ("one of them");
    # "the same day" is another day than "the next day"
    for i, (t, after) in enumerate(zip(words, words[1:], strict=False)):
        if t == "one" and after != "of" and is_content(after) and not found[i + 1]:
            found[i] = ("count", "1")
        elif t == "number" and after == "one":  # "the world number one" / "number nine"
            found[i + 1] = ("count", "1")
        elif t in ("a", "an") and after in _SPANS:  # "within an hour"
            found[i] = ("count", "1")
        elif t in _RELATIVE and after in _SPANS:
            found[i] = ("relative", _RELATIVE[t])
    kinds = [f[0] if f else "" for f in found]
    joined = set()
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        counts = kinds[i] == kinds[i + 1] == "count" and a.isdigit() == b.isdigit()
        if counts or (kinds[i] and b in _SCALES):
            joined |= {i, i + 1}
    return [None if i in joined else f for i, f in enumerate(found)]


_SCALES = frozenset("hundred thousand million billion trillion m bn k".split())


def _figure_word(token: str) -> tuple[str, str] | None:
    """A token's kind of figure and value ("seven" and "twice" are counts, 7 and 2; "weeks" is
    a span of time), None for other words."""
    if _BARE_NUMBER.fullmatch(token):
        return ("year" if _YEAR.fullmatch(token) else "count", token)
    if token in NUMBER_WORDS or token in _TIMES:
        return "count", NUMBER_WORDS.get(token) or COUNT_WORDS[token]
    if token in _SPANS:
        return "span", token.removesuffix("s")
    if token in _PARTS:
        return "part", token
    if token in _SIDES:
        return "side" if token in ("left", "right") else "ground", token
    if ordinal := _ORDINAL.fullmatch(token):
        n = int(ordinal[1])
        return "rank", _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else token
    return ("rank", token) if token in _RANKS else None


def _name(claim: str, unit: str, novel: frozenset[str]) -> Conflict | None:
    invented = novel & names(claim)
    others = names(unit) - names(claim)
    if invented and others:
        return Conflict("name", ", ".join(sorted(invented)), ", ".join(sorted(others)))
    return None


# Speakers that may stand for a named one: an office or institution ("the Prime Minister",
# "the White House" for its press secretary) or a seat of government ("Seoul said":
# `text.seat_words`). An office may also stand for the person a swap puts it for ("the Prime
# Minister" for "Mr Cameron"), and a seat for its own country ("Seoul" for "South Korea", not
# for "North Korea": `text.same_country`).
_OFFICES = frozenset(
    """spokesman spokeswoman spokesperson minister prime president secretary chancellor premier
    chief executive""".split()
)
_STANDS_IN = (
    _OFFICES
    | seat_words()
    | frozenset(
        """downing street whitehall government ministry department office police council
        committee commission agency court officials official authorities military army navy
        embassy party club company firm board union federation association league un nato
        eu""".split()
    )
)


def _speaker(claim: str, unit: str) -> Conflict | None:
    """The claim has someone say it whom the unit does not name, and the unit someone the
    claim does not name: a quote moved to another speaker. Not where either is an office,
    institution or capital (`_STANDS_IN`), which may speak for the other."""
    mine, theirs = speakers(claim, _ATTRIBUTED), speakers(unit, _ATTRIBUTED)
    named = not (mine <= _STANDS_IN or theirs <= _STANDS_IN)  # (an empty set is a subset)
    # the speaker's quote may name the claim's ("Mr Elliott said: "I have been totally
    # vindicated and Phil Flanagan has admitted ..."" against "Mr Flanagan said he had been
    # totally vindicated")
    if named and not _names_one(mine, _UNQUOTED.sub(" ", unit)) and not _names_one(theirs, claim):
        return Conflict("name", ", ".join(sorted(mine)), ", ".join(sorted(theirs)))
    if not any(ch.isupper() for ch in unit):  # no capitals to find speakers by
        return _respoken(tokens(claim), tokens(unit))
    return None


# a quote (to its end, or the text's where the sentence ends inside it)
_UNQUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")


def _names_one(speaker: frozenset[str], text: str) -> bool:
    """Whether the text names the speaker: has at least half its name words ("Korea" of "South
    Korea's Unification Ministry" in a claim about North Korea is no mention of the ministry)."""
    return 2 * len(speaker & tokens_of(text)) >= len(speaker) > 0


_AUXILIARY = (
    r"(?:(?:will|would|can|could|has|have|had|is|am|was|did|does|just|also|already|really|"
    r"never|not|(?:do|does|did|ca|wo|could)n['’]t)\s+)*"
)
_I_DO = re.compile(rf"\bI(?:['’](?:m|ll|ve|d))?\s+{_AUXILIARY}(?P<verb>[a-z]+)")
_HE_DOES = re.compile(rf"\b(?P<who>[A-Z][\w'’-]*)\s+{_AUXILIARY}(?P<verb>[a-z]+)")


def _turn(claim: str, unit: str) -> Conflict | None:
    """In a dialogue, "Amanda: I baked cookies." says that Amanda baked them: a claim that has
    someone else by name do what a speaker says they do ("Jerry baked cookies") has the wrong
    person. Read where the unit opens with a speaker's label that is a name (`name_words`:
    not a caption's "Defiant: 'I will not resign'")."""
    if not TURN.match(unit):
        return None
    doers = {(m["who"], stem(m["verb"])) for m in _HE_DOES.finditer(claim)}
    for turn in TURN.finditer(unit):
        who = turn["who"][:-2].strip()
        if not name_words(who):
            continue
        done = {stem(m["verb"]) for m in _I_DO.finditer(turn["said"])}
        for name, verb in sorted(doers):
            if verb in done and name_words(name) and not name_words(name) & set(tokens(who)):
                return Conflict("name", name, who)
    return None


def _respoken(claim: tuple[str, ...], unit: tuple[str, ...]) -> Conflict | None:
    """In word-aligned text, the words right before "said" (or after "said" or "according
    to") replaced by others, neither side a pronoun nor a description (`_described`): "dr
    hills said" against "prof ruggles said"."""
    changes = _copy_changes(claim, unit, _NEAR_COPY)
    for i1, i2, j1, j2 in _replaced(changes or (), claim, unit):
        old, new = unit[i1:i2], claim[j1:j2]
        after = unit[i2] if i2 < len(unit) and j2 < len(claim) and claim[j2] == unit[i2] else ""
        before = unit[i1 - 1] if i1 and j1 and claim[j1 - 1] == unit[i1 - 1] else ""
        according = before == "to" and i1 >= 2 and unit[i1 - 2] == "according"
        if _described(unit, i1, claim, j1, _content(old), _content(new)):
            continue  # "the 68-year-old says" for "harry redknapp says"
        if _SAYS.fullmatch(after) or _SAYS.fullmatch(before) or according:
            return Conflict("name", " ".join(new), " ".join(old))
    return None


def _replaced(
    changes: Iterable[tuple[str, int, int, int, int]],
    claim: tuple[str, ...],
    unit: tuple[str, ...],
) -> Iterator[tuple[int, int, int, int]]:
    """The changes (`_aligned`'s) that put content words of the claim's own (more often in the
    claim than in the unit: "North Korean" for "South Korean" in a claim that names "North
    Korea" where the unit does too) in place of content words of the unit's (not all of which
    the claim has elsewhere: "South" of "South Gloucestershire" may be in "the South West"),
    neither side a pronoun, as (i1, i2, j1, j2): unit[i1:i2] replaced by claim[j1:j2]."""
    for op, i1, i2, j1, j2 in changes:
        old, new = unit[i1:i2], claim[j1:j2]
        if op != "replace" or (set(old) | set(new)) & _PRONOUNS:
            continue
        if not _content(old) or not _content(new) or _content(old) <= set(claim):
            continue
        if any(claim.count(w) > unit.count(w) for w in _content(new)):
            yield i1, i2, j1, j2


# Contracted negations as `tokens` splits them ("isn't": "isn", "t"; tokenised "is n't": "is",
# "n", "t"), and the verbs they shorten.
_SHORTENED = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is", "": ""}
_NEGATORS = frozenset({"not", "no", "never"})
_BARE_NUMBER = re.compile(r"\d[\d.,]*")
# A pronoun and the other sex's ("he" / "she"): a copy that changes one speaks of someone else.
_GENDERED = {
    "he": {"she"},
    "she": {"he"},
    "him": {"her"},
    "his": {"her", "hers"},
    "her": {"him", "his"},
    "hers": {"his"},
    "himself": {"herself"},
    "herself": {"himself"},
}


def _edited(claim: str, unit: str) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words, in order), and every change is a
    negation added or taken away (an odd number of them), or one word in place of its opposite,
    or a pronoun in place of the other sex's or a number in place of another (`_exchanged`); a
    pronoun of the other sex also where words were left out or added ("North Korean leader Kim
    Jong Un denied that his country ..." against "The sister of North Korean leader Kim Jong Un
    denied that her country ..."):
    "nothing will not bring him back" against "nothing will bring him back", "before every
    device was switched off" against "after every device was switched off", "she was fined"
    against "he was fined", "Smith, 10, was fined" against "Smith, 43, was fined"."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    changes = _copy_changes(c, u, _COPY)
    if not changes:
        return None
    added, exchanged, cut = 0, None, False
    for op, i1, i2, j1, j2 in changes:
        old, new = u[i1:i2], c[j1:j2]
        if op == "replace" and len(old) == len(new) == 1:
            if new[0] in OPPOSITES.get(old[0], ()) and len(changes) == 1:
                return Conflict("opposite", new[0], old[0])
            kind = _exchanged(old[0], new[0])
            if kind is None:
                return None
            exchanged = exchanged or Conflict(kind, new[0], old[0])
        elif op == "replace":
            return None
        elif not set(old + new) <= _NEGATORS:
            cut = True  # words left out or added: only a pronoun of the other sex still tells
        else:
            added += len(new) - len(old)
    if cut:
        return exchanged if exchanged and exchanged.kind == "word" and added == 0 else None
    if exchanged or added % 2 == 0:
        return exchanged
    side = "claim" if added > 0 else "source"
    return Conflict("negation", side, "source" if side == "claim" else "claim")


def _exchanged(old: str, new: str) -> Literal["word", "number"] | None:
    """What a copy's one word in place of another is, where it is a change of fact: a pronoun
    of the other sex ("word"), or another number ("number": an age, "Smith, 10," against
    "Smith, 43,", which has no counted word for `_figure` to compare)."""
    if new in _GENDERED.get(old, ()):
        return "word"
    if _BARE_NUMBER.fullmatch(old) and _BARE_NUMBER.fullmatch(new):
        return "number"
    return None


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


def _swapped(claim: str, unit: str) -> Conflict | None:
    """The claim copies the unit (at least _COPY of its words but the new ones, in order) but for a
    few words in place of others: names of each (up to _NAME_WORDS words a side; not a title for
    a given name both keep a surname with, `_TITLES`; not a short form: "Hibs" for "Hibernian",
    "QPR" for "Queens Park Rangers"; not an office for a name, `_OFFICES`, nor a seat of
    government for its country, `text.same_country`; kin, `_KIN`, count as names), or, in
    lower-cased text, one to three content words where that is the claim's only change (and the
    rest at least _NEAR_COPY of its words; where the claim also leaves out the unit's head or
    tail, only names the lexicon knows), or kin beside other changes. A word that opens a
    sentence or quote counts as a name where it is one without its capital (`_named`); a
    description for a name ("the Frenchman" for "Ribery") is none (`_described`). In cased
    text a name put for a name with the words after it in other words is one too ("Luke
    Varney headed in ..." for "James Vaughan rose well to head in ...": `_named_run`)."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    lower = not any(ch.isupper() for ch in unit)
    changes = _copy_changes(c, u, _NEAR_COPY)
    if changes is None:
        return None
    # more than one change (the unit's head or tail left out aside): then only kin, since
    # other words may be a paraphrase
    inner = [o for o in changes if not (o[0] == "delete" and (o[1] == 0 or o[2] == len(u)))]
    several = lower and len(inner) > 1 and not _traded(inner, c, u)
    # in cased text, two changes one word apart are read as one too: "Kim Jong Un" for "Kim
    # Yo Jong" (lower-cased, too often a paraphrase)
    spans = changes + tuple(
        ("replace", a[1], b[2], a[3], b[4])
        for a, b in zip(changes, changes[1:], strict=False)
        if not lower and b[1] - a[2] == 1 and b[3] - a[4] == 1
    )
    # the claim's last words in place of the first of the unit's longer tail, the rest left
    # out: "... to attack Tokyo." for "... to attack Seoul, the South Korean capital."
    spans += tuple(
        ("replace", i1, i1 + j2 - j1, j1, j2)
        for op, i1, i2, j1, j2 in changes
        if op == "replace" and j2 == len(c) and i2 - i1 > j2 - j1
    )
    cut = lower and len(inner) < len(changes)  # then only names the lexicon knows, or kin
    # in cased text, a name and a few words after it put for a name and a few words after it,
    # before what both copy: the names are the change, the words a paraphrase ("Luke Varney
    # headed in ..." for "James Vaughan rose well to head in ..."); `outer` keeps the block
    outer: dict[tuple[int, int, int, int], int] = {}
    if not lower:
        theirs, mine = names(unit), names(claim)
        dateline = _DATELINE.match(unit)  # "SEOUL, South Korea (AP) —" names no subject
        after = len(_uncontracted(tokens(dateline.group()))) if dateline else 0
        for op, i1, i2, j1, j2 in changes:
            if op != "replace":
                continue
            a, b = _named_run(u, max(i1, after), i2, theirs), _named_run(c, j1, j2, mine)
            if a and b and _content(u[a[1] : i2]) and _content(c[b[1] : j2]):
                outer[(a[0], a[1], b[0], b[1])] = j2 - j1
                spans += (("replace", a[0], a[1], b[0], b[1]),)
    for i1, i2, j1, j2 in _replaced(spans, c, u):
        old, new = u[i1:i2], c[j1:j2]
        if max(len(old), len(new)) > (3 if lower else _NAME_WORDS):
            continue
        # "Scott Kelley was arrested" for "Scott and Mary were taken into custody": one of two
        listed = u[i1 - 1 : i1] != c[j1 - 1 : j1] and _LIST & {*u[i1 - 1 : i1]}
        if listed or _LIST & {*old, *new}:
            continue
        gone, put = _content(old), _content(new)
        if _described(u, i1, c, j1, gone, put):
            continue
        kin = bool(gone) and bool(put) and gone | put <= _KIN  # "wife" for "sister"
        if several and not kin:
            continue
        if cut and not kin and not (name_words(" ".join(old)) and name_words(" ".join(new))):
            continue
        if not lower:
            # the rest copied: _COPY of the claim's words but the new name's; where the name is
            # what keeps the copy under _COPY, with its role ("of Asda" is no "in Canterbury")
            copied = _aligned(u, c)[0]
            if copied < _COPY * (len(c) - outer.get((i1, i2, j1, j2), len(new))):
                continue
            if copied < _COPY * len(c) and _roles(old) != _roles(new):
                continue
            if i1 == 0 and dateline:
                continue
            if not kin and not (_named(gone, unit, theirs) and _named(put, claim, mine)):
                continue
            if (gone <= _OFFICES) != (put <= _OFFICES) or same_country(gone, put):
                continue
            # part of a name both keep beside it, with no punctuation between ("South Korea"
            # kept beside "North"; not "Russia, South Korea"), is the same name only after a
            # title or a possessive ("Norway's"): (the kept word, the two side by side)
            sides = [(c[j1 - 1], c[j1 - 1], c[j1])] if j1 > 0 else []
            sides += [(c[j2], c[j2 - 1], c[j2])] if j2 < len(c) else []
            kept = any(w in mine and w in u and _adjacent(claim, a, b) for w, a, b in sides)
            titled = bool((gone | put) & _TITLES) or "s" in (old[-1], new[-1])
            if kept and titled:
                continue
        if _short_form(old, new):
            continue
        kind: Literal["name", "word"] = "word" if lower or kin else "name"
        return Conflict(kind, " ".join(new), " ".join(old))
    return None


def _named_run(
    words: tuple[str, ...], start: int, end: int, found: frozenset[str]
) -> tuple[int, int] | None:
    """The last run of names in words[start:end] that at most _PARAPHRASE words follow, as
    (start, end); None if there is none."""
    at = end
    while at > start and at > end - _PARAPHRASE and words[at - 1] not in found:
        at -= 1
    first = at
    while first > start and words[first - 1] in found:
        first -= 1
    return (first, at) if first < at else None


def _traded(
    changes: list[tuple[str, int, int, int, int]], claim: tuple[str, ...], unit: tuple[str, ...]
) -> bool:
    """Whether two changes trade places: each puts in what the other takes out, demonyms
    aside ("russia had received ... north korean containers" for "north korea had received ...
    russian containers"): one exchange, not two rewordings."""
    if len(changes) != 2:
        return False

    def rooted(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset().union(*(roots(w) for w in _content(words)))

    (_, a1, a2, b1, b2), (_, c1, c2, d1, d2) = changes
    first_old, first_new = rooted(unit[a1:a2]), rooted(claim[b1:b2])
    second_old, second_new = rooted(unit[c1:c2]), rooted(claim[d1:d2])
    return bool(first_new & second_old) and bool(second_new & first_old)


def _adjacent(text: str, first: str, second: str) -> bool:
    """Whether the text has the two words side by side, no punctuation between."""
    return re.search(rf"\b{re.escape(first)}[\s-]+{re.escape(second)}\b", fold(text)) is not None


_NAME_WORDS = 5  # `_swapped`: the most words of a name put in place of another
_LIST = frozenset({"and", "or"})
_PARAPHRASE = 4  # `_swapped`: the most words after a swapped name that may say its verb otherwise
# Titles that may stand for a given name both keep a surname with ("Lord Coe" for "Sebastian
# Coe", as may a possessive: "Norway's Kristoff" for "Alexander Kristoff"); any other word
# beside a name both keep makes another name ("Manchester United" for "Manchester City", "Bill
# Clinton" for "Hillary Clinton", "North Korea" for "South Korea")
_TITLES = frozenset(
    """lord lady sir dame prince princess king queen duke duchess earl baron baroness count
    general gen colonel col major captain capt lieutenant lt sergeant sgt corporal private
    officer detective det constable pc inspector superintendent chief judge justice bishop
    archbishop cardinal pope father rev reverend professor prof senator sen rep congressman
    congresswoman governor gov mayor councillor coach manager boss chairman president
    minister secretary chancellor premier speaker commissioner ambassador sheikh""".split()
)
# Kin: one put in place of another says someone else ("his wife" for "his sister").
_KIN = frozenset(
    """wife husband sister brother son daughter mother father uncle aunt nephew niece cousin
    grandson granddaughter grandfather grandmother girlfriend boyfriend fiancee fiance
    widow widower stepson stepdaughter stepfather stepmother""".split()
)
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]+,[^—–]{0,40}[—–]")


def _named(words: set[str], text: str, found: frozenset[str]) -> bool:
    """Whether the words are names of the text (`names`), or open a sentence or quote
    (`openers`) with a word of them a name without its capital (`lexicon.name_words`: no
    English word, or one cased text writes with a capital): "Durrant held ...", "Rangers held
    ...", not "Police said ..."."""
    if words <= found:
        return True
    return words <= found | openers(text) and bool(name_words(" ".join(sorted(words))))


def _described(
    unit: tuple[str, ...], i: int, claim: tuple[str, ...], j: int, gone: set[str], put: set[str]
) -> bool:
    """Whether one side is a description after "the", all English words, where the other has
    a bare name: "the Frenchman" for "Ribery", "the Swiss" for "Wawrinka" (not "the French
    government" for "the British government")."""
    mine, theirs = _after_the(claim, j), _after_the(unit, i)
    described = put if mine else gone
    if described <= _THE_COUNTRIES:
        return False
    return mine != theirs and not unknown_words(" ".join(sorted(described)))


# countries written after "the": no description ("Russia" for "the U.S." or "China" for "the
# United States" is a swap)
_THE_COUNTRIES = frozenset(
    "usa uk uae netherlands philippines united states kingdom arab emirates".split()
)


def _after_the(words: tuple[str, ...], at: int) -> bool:
    return words[at - 1 : at] == ("the",) or words[at : at + 1] == ("the",)


# Words a predicate starts with, for `spliced` (and any "-ed" word): a spliced claim joins one
# sentence's subject to another's predicate.
_PREDICATE = frozenset(
    "is was are were has have had will would can could should may might must did does do "
    "said says told tells added adds".split()
)
_PART = 2  # `spliced`: the fewest words of each part
_SAME_SUBJECT = 0.5  # `spliced`: the share of the start's content words a subject of it keeps


def spliced(claim: str, sentences: tuple[str, ...]) -> tuple[Conflict, int] | None:
    """The claim is the start of one sentence and the rest of another (each at least _PART
    words, word for word; the start may be one word that is a name, `_a_name`, from anywhere in
    the sources, the rest's sentence too), where the rest begins a predicate and the other
    sentence says it of a subject that shares under _SAME_SUBJECT of the start's content words
    (none of "The Red Cross", one of four of "The South Korean Unification Ministry") and is no
    pronoun (which may stand for it): "The Red Cross" + "are being transferred to rebel-held
    areas", said of the wounded. A claim said word for word by a sentence or two neighbouring
    ones is not spliced, nor one whose start and rest one sentence says in that order (a
    clause left out between), nor "X said ..." where the rest's sentence has "said X".
    Returns the conflict and the index of the sentence whose predicate the claim took."""
    c = tokens(claim)
    if len(c) < 2 * _PART:
        return None
    texts, everything, pairs = _spliceable(sentences)
    if not _content(c) <= everything or _padded(c) in texts or _padded(c) in pairs:
        return None
    lines = texts.split("\n")
    for k in range(1 if _a_name(c[0], claim) else _PART, len(c) - _PART + 1):
        start, rest = _padded(c[:k]), _padded(c[k:])
        if start not in texts:
            return None  # a longer start is not in any sentence either
        if rest not in texts or not (c[k] in _PREDICATE or (c[k].endswith("ed") and len(c[k]) > 4)):
            continue
        own = _content(c[:k])
        if not own or not _content(c[k:]):
            continue
        firsts = {i for i, line in enumerate(lines) if start in line}
        if any(lines[i].find(rest, lines[i].index(start) + len(start) - 1) >= 0 for i in firsts):
            return None  # one sentence says it all, with words between left out
        for i, line in enumerate(lines):
            if rest not in line:
                continue
            subject = tuple(line[: line.index(rest)].split())
            if subject[-1:] and subject[-1] in _PRONOUNS:  # "..., who announced": whom?
                continue
            # "Cooper said ..." from "The 40-year-old actor said: "...," said Cooper"
            if c[k] in _SAID and any(f" {said}{start}" in line for said in _SAID):
                continue
            if _content(subject) and len(_content(subject) & own) < _SAME_SUBJECT * len(own):
                return Conflict("splice", " ".join(c[:k][-8:]), " ".join(subject[-8:])), i
    return None


def _a_name(word: str, claim: str) -> bool:
    """Whether the claim's first word is a name: one of its `names`, or a name without its
    capital (`lexicon.name_words`) where capitals cannot tell ("Durrant said", not "Officers
    said")."""
    if word in _PRONOUNS or not is_content(word):
        return False
    return word in names(claim) or bool(name_words(word))


def _padded(words: tuple[str, ...]) -> str:
    return f" {' '.join(words)} "


@lru_cache(maxsize=8)
def _spliceable(sentences: tuple[str, ...]) -> tuple[str, frozenset[str], str]:
    """The sentences' words, a line each; every word; each two neighbours', a line each."""
    words = [tokens(s) for s in sentences]
    pairs = "\n".join(_padded(a + b) for a, b in zip(words, words[1:], strict=False))
    return "\n".join(_padded(w) for w in words), frozenset(t for w in words for t in w), pairs


def _short_form(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one may be a form of the other: the same first three letters ("Hibs",
    "Hibernian"), two for longer single words ("the Irish", "Ireland"; not "Oliver Banks",
    "Oldham Athletic"), initials ("QPR"), or names of one country ("UK", "British":
    `text.same_country`)."""
    a, b = tuple(w for w in a if is_content(w)), tuple(w for w in b if is_content(w))
    same = len(os.path.commonprefix((a[0], b[0])))
    return (
        same_country(set(a), set(b))
        or same >= 3
        or (same == 2 and len(a) == len(b) == 1 and min(len(a[0]), len(b[0])) >= 5)
        or "".join(w[0] for w in a) == "".join(b)
        or "".join(w[0] for w in b) == "".join(a)
    )


def _order(claim: str, unit: str) -> Conflict | None:
    """The claim is the unit's words (nearly all of its content words are in the unit) with
    two of them exchanged: across a word that stays between them ("the company fined the
    court" against "the court fined the company"), or where each stands in the other's
    place ("stranraer incident ... sandyhills con" against "sandyhills incident ... stranraer
    con"). Words joined by "and"/"or" may change places ("Rangers and Hibs"), and so may
    those of a passive ("missiles supplied by North Korea"), unless both are passive ("Smith was
    replaced by Jones" against "Jones was replaced by Smith"). Or the claim drops a passive but
    keeps its order (`_voiced`)."""
    c, u = _uncontracted(tokens(claim)), _uncontracted(tokens(unit))
    words = _content(c)
    found = len(words & set(u))
    if not words or found < _CONTAINED * (len(words) - 1):  # a passive's verb may differ
        return None
    # a given name the unit leaves out is no word of another statement ("Eden Hazard" for the
    # unit's "Hazard")
    whole = found >= _CONTAINED * len(words) or words - set(u) <= names(claim)
    swapped = (_across(c, u) or _crossed(c, u)) if whole else None
    if swapped is None:
        return _voiced(c, u)
    a, b = swapped
    return Conflict("order", f"{a} ... {b}", f"{b} ... {a}")


_BE = frozenset("is was are were be been being".split())
# participles that end in neither -ed nor -en
_PARTICIPLES = frozenset(
    "beat won lost hit shot held led sold bought caught struck left sent paid told made kept met "
    "sued hurt cut put set run".split()
)


def _voiced(c: tuple[str, ...], u: tuple[str, ...]) -> Conflict | None:
    """The claim keeps the order of a passive's two sides but drops its passive: "Smith beat
    Jones" against "Smith was beaten by Jones" (the roles reversed). The unit has "A was <verb
    participle> by B"; the claim has A, then a form of the verb (its first three letters), then
    B, within _REACH words, with no "by" and no "was" between them."""
    for i, w in enumerate(u):
        if w != _PASSIVE or i < 2:
            continue
        verb = u[i - 1]
        if not (verb.endswith(("ed", "en")) or verb in _PARTICIPLES):
            continue
        be = next((k for k in (i - 2, i - 3) if k >= 0 and u[k] in _BE), None)
        if be is None:
            continue
        a = next((u[k] for k in range(be - 1, max(-1, be - 4), -1) if is_content(u[k])), None)
        b = next((u[k] for k in range(i + 1, min(len(u), i + 4)) if is_content(u[k])), None)
        if a is None or b is None or a not in c or b not in c:
            continue
        ia, ib = c.index(a), c.index(b)
        between = c[ia + 1 : ib]
        if not 0 < ib - ia <= _REACH or _PASSIVE in between or _BE & set(between):
            continue
        if any(t[:3] == verb[:3] for t in between):
            return Conflict("order", " ".join(c[ia : ib + 1]), " ".join(u[be - 1 : i + 2]))
    return None


def _across(c: tuple[str, ...], u: tuple[str, ...]) -> tuple[str, str] | None:
    """Content words a before b in the claim (at most _REACH words apart) that stand b before
    a in the unit, with a word p between them in both: a p b against b p a."""
    once = Counter(c)
    at: dict[str, list[int]] = {}
    for i, t in enumerate(u):
        at.setdefault(t, []).append(i)
    pos = {t: i for i, t in enumerate(c) if once[t] == 1 and t in at}
    for a, ia in pos.items():
        for b, ib in pos.items():
            if not (ia < ib <= ia + _REACH and is_content(a) and is_content(b)):
                continue
            if a.isdigit() != b.isdigit():  # a figure moved beside a word: "the 2016 Olympics"
                continue
            if _SYMMETRIC & set(c[ia:ib]):
                continue
            passive = _passive(c, ia, ib)
            for p, ip in pos.items():
                # "Cooper said "Chris ..."" is ""... Chris ...," said Cooper"
                if not ia < ip < ib or p in _SYMMETRIC or p in _SAID:
                    continue
                for ub in at[b]:
                    for up in at[p]:
                        for ua in at[a]:
                            if not ub < up < ua <= ub + _REACH:
                                continue
                            if _SYMMETRIC & set(u[ub:ua]) or _passive(u, ub, ua) != passive:
                                continue
                            return a, b
    return None


def _passive(words: tuple[str, ...], i: int, j: int) -> bool:
    """Whether the words from i to j read as a passive: a "by" between them, or right after the
    last ("Smith's signing was confirmed by the club" against "the club confirmed the signing
    of Smith")."""
    return _PASSIVE in words[i:j] or words[j + 1 : j + 2] == (_PASSIVE,)


def _crossed(c: tuple[str, ...], u: tuple[str, ...]) -> tuple[str, str] | None:
    """Two changed places of the word alignment that trade content words: each puts a word
    the other took out."""
    changed = _aligned(u, c)[1]
    for x, (_, i1, i2, j1, j2) in enumerate(changed):
        for _, k1, k2, l1, l2 in changed[x + 1 :]:
            if (set(u[i1:i2]) | set(u[k1:k2])) & _PRONOUNS:
                continue
            there = _content(c[j1:j2]) & set(u[k1:k2])
            back = _content(c[l1:l2]) & set(u[i1:i2])
            between = c[j2:l1]
            if (_PASSIVE in between) != (_PASSIVE in u[i2:k1]):
                continue
            if there and back and not (between and set(between) <= _SYMMETRIC):
                return min(there), min(back)
    return None


def _copy_changes(
    claim: tuple[str, ...], unit: tuple[str, ...], share: float
) -> tuple[tuple[str, int, int, int, int], ...] | None:
    """Where the claim differs from the unit (`_aligned`'s changes) when the claim copies at
    least `share` of its words from the unit in order; None when it copies less. The unit is
    aligned only where it holds enough of the claim's words (a bound that costs far less)."""
    have = frozenset(unit)
    if sum(w in have for w in claim) < share * len(claim):
        return None
    copied, changes = _aligned(unit, claim)
    return changes if copied >= share * len(claim) else None


@lru_cache(maxsize=MEMO)
def _aligned(
    unit: tuple[str, ...], claim: tuple[str, ...]
) -> tuple[int, tuple[tuple[str, int, int, int, int], ...]]:
    """The word alignment of a claim with a unit: how many claim words it copies in order, and
    the places where the two differ (difflib's opcodes other than "equal")."""
    match = difflib.SequenceMatcher(None, unit, claim, autojunk=False)
    copied = sum(b.size for b in match.get_matching_blocks())
    return copied, tuple(o for o in match.get_opcodes() if o[0] != "equal")


# Prepositions that give a name its role: "branch of Asda" is no "branch in Canterbury".
_ROLES = frozenset("of in at on for from by with to into".split())


def _roles(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(t for t in words if t in _ROLES)


def _content(words: tuple[str, ...]) -> set[str]:
    return {t for t in words if is_content(t) and not t.isdigit()}


@lru_cache(maxsize=MEMO)
def tokens_of(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


# A pronoun that speaks: "she said", "he added", "..., she said."
_PRONOUN_SPEAKS = re.compile(
    rf"\b(?P<pronoun>[Hh]e|[Ss]he)\s+{_SPEECH}\b|\b{_SPEECH}\s+(?P<after>he|she)\b"
)


def names_speaker(text: str) -> bool:
    """Whether the text names whoever says it ("Kirby said", "Kim called it ..."): what the
    speaker rule compares with a unit's speaker, "she" of `voiced` included."""
    return bool(speakers(text, _ATTRIBUTED))


def _who(match: re.Match[str]) -> str:
    """Who the match has speak; none for a name that ends a phrase after a preposition ("The
    woman whose moans sparked most complaints in New York said today: ...")."""
    if match["before"] and _ENDS_PHRASE.search(match.string, 0, match.start("before")):
        return ""
    return match["before"] or match["after"] or match["source"]


_ENDS_PHRASE = re.compile(r"\b(?:in|at|from|near|across|outside|around|over)\s+$")


def voiced(sentences: list[str]) -> list[str]:
    """The sentences of one article with a speaking "he" or "she" read as the name of the
    last speaker named within the three sentences before, read so in turn ("Kirby said ... He
    added ..." -> "Kirby added ..."), and the quotes that open the sentences after one that
    introduces them ("Surrey skipper Gareth Batty told BBC Radio London:", "Yorkshire captain
    Alex Lees:") or before one that closes it and names its speaker (`_quote_closed_by`) read
    as that speaker's ("Gareth Batty said: "Davies and Foakes were ...""), for the speaker
    rule: a claim that has someone else say it names the wrong speaker. Other sentences as
    they are."""
    out: list[str] = []
    quoting = None  # who speaks the quote that opens each sentence since "X told BBC Sport:"
    for i, text in enumerate(sentences):
        if _QUOTE_OPENS.match(text) and not speakers(text):
            # a quote of several sentences, its speaker after it: ""I was more worried about
            # winning the race." | "They went just after the start," Shinn said."
            after = _quote_closed_by(sentences[i + 1]) if i + 1 < len(sentences) else None
            if quoting or after:
                out.append(f"{quoting or after} said: {text}")
                continue
        quoting = _introduced(text)
        found = _PRONOUN_SPEAKS.search(text)
        name = None
        if found and not speakers(text):
            for before in reversed(out[max(0, i - 3) : i]):
                named = [w for m in _ATTRIBUTED.finditer(before) if (w := _who(m))]
                opens = _OPENS_NAMED.match(before)
                if named or (opens and _named_words(opens["who"], before)):
                    name = named[-1] if named else opens["who"] if opens else None
                    break
                if _OPENS_UNNAMED.match(before):  # "An HMRC spokesman pointed out ..."
                    break
        if found and name:
            at = found.start("pronoun") if found["pronoun"] else found.start("after")
            size = len(found["pronoun"] or found["after"])
            text = text[:at] + name + text[at + size :]
        out.append(text)
    return out


def _quote_closed_by(text: str) -> str | None:
    """The speaker a sentence that goes on with a quote names after it closes (""They went
    just after the start," Shinn said."), None for a sentence that opens with a quote."""
    if _QUOTE_OPENS.match(text):
        return None
    close = _QUOTE_CLOSES.search(text)
    named = [m for m in _ATTRIBUTED.finditer(text) if close and m.start() >= close.end()]
    who = _who(named[0]) if named else None
    return None if who is None or who.lower() in _PRONOUNS else who


_QUOTE_CLOSES = re.compile(r"[,.!?][\"”’']")


# the name that opens a sentence, its subject ("Kevin Hart, who ..., brought his kids on
# stage. He said: ..."), for `voiced`
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir)\s+)?"  # a title before a name, not part of it
_OPENS_NAMED = re.compile(rf"\s*{_TITLE}(?P<who>{_WHO})")
# a sentence whose subject is someone unnamed, whom a "he" or "she" after it may be: "An HMRC
# spokesman pointed out ...", "The minister added ..."
_OPENS_UNNAMED = re.compile(
    rf"\s*(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(_OFFICES))}|official)\b"
)


def _named_words(who: str, text: str) -> bool:
    """Whether every word of `who` is a name of the text (`names`: not "The", "Police")."""
    return bool(tokens(who)) and set(tokens(who)) <= names(text)


_QUOTE_OPENS = re.compile(r"\s*[\"“‘']")
# a sentence that introduces the quotes after it: "... told BBC Sport:", "Captain Alex Lees:"
_INTRODUCES = re.compile(r":\s*$")
_LABEL = re.compile(rf"^\s*(?:[A-Za-z'’-]+\s+){{0,4}}?(?P<who>{_WHO})\s*:\s*$")


def _introduced(text: str) -> str | None:
    """The speaker a sentence ending in a colon introduces: the one it has speak ("Gareth
    Batty told BBC Radio London:"), or the name that ends a short label ("Yorkshire captain
    Alex Lees:"); or the speaker of a quote the sentence leaves open, which the sentences
    after it go on with ("... criticised by Ms Davidson who said: "There is nothing more
    serious ... abroad." | ""Alex Salmond has form in ...")."""
    if not _INTRODUCES.search(text) and not _quote_left_open(text):
        return None
    named = [w for m in _ATTRIBUTED.finditer(text) if (w := _who(m))]
    named += [m["who"] for m in _WHO_SAID.finditer(text) if _named_words(m["who"], text)]
    if named:  # not "He told BBC Sport:"
        return None if named[-1].lower() in _PRONOUNS else named[-1]
    label = _LABEL.match(text)
    return label["who"] if label else None


# a name and "who said": "... was criticised by Ms Davidson who said: ..."
_WHO_SAID = re.compile(rf"\b{_TITLE}(?P<who>{_WHO})\s+who\s+{_SPEECH}\b")


def _quote_left_open(text: str) -> bool:
    """Whether the text opens a quote it does not close."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


@lru_cache(maxsize=MEMO)
def speakers(text: str, pattern: re.Pattern[str] = _SPEAKER) -> frozenset[str]:
    """The name words of whoever the text has saying something: "Shin said", "Shin Wonsik,
    the minister, said", "said John Kirby", "according to Kirby" (not "She said"); with
    `_ATTRIBUTED`, "Kim called it ..." too."""
    out: set[str] = set()
    for m in pattern.finditer(text):
        who = _who(m)
        out |= {t for t in tokens(who) if t not in STOPWORDS and not t.isdigit()}
    return frozenset(out - MONTHS - WEEKDAYS)


def _polarity(claim: str, unit: str, min_overlap: float) -> Conflict | None:
    """The claim's clauses that the unit says and the fewest neighbouring clauses of the unit
    that say them differ in negation or use opposite words. Both sides are trimmed so that
    a clause only one side has (a source sentence's "..., but it wasn't enough", a claim's
    added "a charge both have rejected") brings no negation of its own. A negation the unit
    has elsewhere keeps the claim's own from conflicting: "dismissed speculation that her
    country is trading arms" against "denied that her country exported weapons, labelling
    speculation on arms dealings as absurd", where the closest clause is the labelling."""
    told = _gist(unit)
    said = [c for c in _CLAUSE.split(claim) if _overlap(c, told) >= min_overlap]
    if not said:
        return None
    stated = " ".join(said)
    gist = _gist(stated)
    run = _closest_run(gist, tuple(c for c in _CLAUSE.split(unit) if _gist(c)))
    best = " ".join(run)
    mine = negated(stated)
    # the run's clauses that say mostly the claim's words carry its negation, not "..., but
    # it wasn't enough" or "..., will be without two midfielders" beside them
    said_there = [c for c in run if len(_gist(c) & gist) >= _SAYS_IT * len(_gist(c))]
    if (
        mine != any(negated(c) for c in said_there)
        and not (mine and _negates_elsewhere(unit, claim))
        and not _both_deny(stated, best)
        and _negates_what_is_said(claim, unit, said if mine else said_there, mine)
    ):
        side = "claim" if mine else "source"
        return Conflict("negation", side, "source" if side == "claim" else "claim")
    theirs = set(tokens(best))
    # said of another party: "Manchester City have won" against "United have lost to City"
    # (a party the unit names anywhere is the unit's: its subject may open another clause)
    if _capitalised(stated) - set(tokens(unit)) and _capitalised(best) - set(tokens(stated)):
        return None
    mine_words = set(tokens(stated))
    for word, other in sorted(_opposites(mine_words)):
        if other in theirs and word not in theirs and other not in mine_words:
            if not any(ch.isupper() for ch in best) and _other_party(stated, word, other, best):
                continue  # lower-cased, where capitals cannot find the parties
            return Conflict("opposite", word, other)
    return None


def _negates_elsewhere(unit: str, claim: str) -> bool:
    """Whether a negation of the unit's may be the claim's, though not in the clauses that say
    it: one whose reach (to the end of the unit, names aside) has a word of the claim, or one
    whose clause says nothing it negates: a denial ("denied that ..., labelling speculation on
    arms dealings as absurd" for "dismissed speculation that ..."), an answer ("asked whether
    Oscar is struggling, ... Mourinho said: 'No, I don't think ...'"), an ellipsis ("but the
    defendant did not"). Not "Yet he had some anger issues and couldn't overcome the demons in
    his life, Tom Osborne said" for "Phillips had no anger issues"."""
    clauses = _CLAUSE.split(unit)
    mine = content_stems(claim) - _name_stems(unit)
    for k, clause in enumerate(clauses):
        if negated(clause):
            if not _negated_stems(clause):  # "No, I don't think ...", "but he did not"
                return True
            if _negated_stems(" ".join(clauses[k:])) & mine:
                return True
    return False


def _name_stems(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in names(text))


def _negates_what_is_said(claim: str, unit: str, negating: list[str], mine: bool) -> bool:
    """Whether the negating clauses (the claim's, `mine`, or the unit's) negate words the other
    side has, or deny, whose reach no word marks: "the ban was no longer necessary" negates
    no word of "Pakistan has lifted its ban", "the ban was not lifted" does."""
    reach = set().union(*map(_negated_stems, negating))
    return not reach or bool(reach & content_stems(unit if mine else claim))


def _negated_stems(clause: str) -> set[str]:
    """The content stems after the clause's first plain negation ("not", "no", "n't", "failed
    to"): what it negates ("the ban was no longer necessary": longer, necessary)."""
    toks = tokens(clause)
    for i, t in enumerate(toks):
        if t in NEGATIONS or t == "t" or t in IMPLIED:
            return {stem(w) for w in toks[i + 1 :] if is_content(w)}
    return set()


# Words before a verb that make it a plan, a prospect or a possibility, not a deed: "will
# close", "plans to close", "is expected to close"
_MODALS = frozenset("will would could might may shall".split())
_PLANS = frozenset(
    """plan plans planned planning propose proposes proposed proposing intend intends intended want
    wants wanted hope hopes hoped expected set due likely going aim aims""".split()
)


def _done(claim: str, unit: str) -> Conflict | None:
    """The claim has done what the unit only plans, expects or may do: "The council has
    closed the bridge" against "The council plans to close the bridge", "He appeared in court"
    against "He will appear in court". The claim's verb is the unit's with "-ed" or "-d", and
    the claim says no plan or possibility itself."""
    c, u = tokens(claim), tokens(unit)
    if _MODALS & set(c) or _PLANS & set(c):
        return None
    for i, verb in enumerate(u[1:], 1):
        before = u[i - 1]
        planned = before in _MODALS or (before == "to" and i > 1 and u[i - 2] in _PLANS)
        if not planned or len(verb) < 3 or not verb.isalpha():
            continue
        root = verb.removesuffix("e")
        for did in (root + "ed", verb + "d"):
            if did in c and did not in u:
                return Conflict("word", did, " ".join(u[i - 1 - (before == "to") : i + 1]))
    return None


def _both_deny(claim: str, unit: str) -> bool:
    """Whether both sides deny with a verb and neither negates otherwise, so what tells them
    apart is how the denied statement is written, not a polarity: "denies allegations of
    arms exports" and "denied allegations that it exported arms", "denies North Korea has
    supplied weapons" and "refutes claims of North Korea supplying weapons"."""
    return (
        bool(DENIALS.intersection(tokens(claim)))
        and bool(DENIALS.intersection(tokens(unit)))
        and not plainly_negated(claim)
        and not plainly_negated(unit)
    )


# Prefixes that negate a word: "illegal", "unlikely", "irregular", "impossible", "inaccurate".
_NOT_PREFIXES = ("un", "in", "il", "im", "ir")
_PREFIXED_STEM = 5  # the fewest letters of the word a prefix negates ("legal", not "side")


def _opposites(words: set[str]) -> set[tuple[str, str]]:
    """Each word and a word that says its opposite: `OPPOSITES`' ("rose" / "fell"), and the
    word with a negating prefix or without it ("illegal" / "legal")."""
    out = {(w, o) for w in words & OPPOSITES.keys() for o in OPPOSITES[w]}
    for w in words:
        for prefix in _NOT_PREFIXES:
            if w.startswith(prefix) and len(w) - len(prefix) >= _PREFIXED_STEM:
                out.add((w, w[len(prefix) :]))
            if len(w) >= _PREFIXED_STEM:
                out.add((w, prefix + w))
    return out


def _other_party(claim: str, word: str, other: str, unit: str) -> bool:
    """Whether the words before the claim's opposite word and those before the unit's each
    hold a content word the other side lacks: "manchester city have won" against "united
    have lost ... to city"."""
    c, u = tokens(claim), tokens(unit)
    before_c = _content(c[: c.index(word)]) - set(u)
    before_u = _content(u[: u.index(other)]) - set(c)
    return bool(before_c and before_u)


def _capitalised(text: str) -> set[str]:
    """The text's capitalised words, a sentence's first too ("United have lost"), folded."""
    return {t for t in tokens(re.sub(r"\b[a-z]\w*", " ", text)) if t not in STOPWORDS}


def _overlap(text: str, stems: frozenset[str]) -> float:
    mine = _gist(text)
    return len(mine & stems) / len(mine) if mine else 0.0


def _closest_run(stems: frozenset[str], clauses: tuple[str, ...]) -> tuple[str, ...]:
    """The fewest neighbouring clauses that hold as many of the stems as all of them do
    (the first such run)."""
    most = len(stems & _gist(" ".join(clauses)))
    for n in range(1, len(clauses) + 1):
        for i in range(len(clauses) - n + 1):
            if len(stems & _gist(" ".join(clauses[i : i + n]))) >= most:
                return clauses[i : i + n]
    return ()


@lru_cache(maxsize=MEMO)
def _gist(text: str) -> frozenset[str]:
    """What a clause says: its content stems without names and opposite words ("rose"), but
    for the words that negate ("refused" is what the negation rule reads)."""
    drop = {w for w in tokens(text) if w in OPPOSITES and w not in IMPLIED} | names(text)
    return content_stems(text) - {stem(w) for w in drop}
