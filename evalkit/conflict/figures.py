"""Figures: an amount, a date or an age where the text has another of the same thing
(`_figure`, `_date`, `_aged`, `misaged`), and a figure or name between the words the text has
around another of its kind (`_slot`)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from evalkit.conflict.base import _COPY, Conflict, _content, _copy_changes, run_at
from evalkit.conflict.names import (
    _KIN,
    _NAME_LENGTH,
    _PEOPLE_WORDS,
    _STANDS_IN,
    _TITLES,
    _described,
    _short_form,
    abbreviates,
)
from evalkit.lexicon import name_words
from evalkit.text import (
    COUNT_WORDS,
    DECADE,
    MEMO,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL,
    SEASONS,
    STOPWORDS,
    WEEKDAYS,
    Amount,
    amounts,
    cased,
    clock_times,
    dates,
    days,
    fold,
    is_content,
    names,
    same_country,
    stem,
    tokens,
)

_YEAR = re.compile(r"(?:19|20)\d\d")


def _figure(claim: str, unit: str) -> Conflict | None:
    mine, theirs = amounts(claim), amounts(unit)
    mine_only = [a for a in mine if a.value not in {b.value for b in theirs}]
    theirs_only = [b for b in theirs if b.value not in {a.value for a in mine}]
    for a in mine:
        # the unit has the figure, but only counting something else it names: "15 migrants
        # were arrested" against "arrested 12 migrants accused of throwing 15 Muslims overboard"
        # (not "injured 15" or "28 of them", which name nothing)
        elsewhere = a not in mine_only and all(
            _counts_else(b, a, unit) for b in theirs if b.value == a.value
        )
        for b in theirs:
            if not a.same_slot(b):
                continue
            differs = (a in mine_only or elsewhere) and b in theirs_only
            if (differs or a.value == b.value) and _disagree(a, b):
                return Conflict("number", _bounded(a.text, a.bound), _bounded(b.text, b.bound))
    return None


def _figured(claim: str, unit: str, whole: str, dated: bool) -> Conflict | None:
    """A figure of the claim's that the unit gives otherwise (`_figure`, a date where `dated`,
    `_slot`), unless the claim has the unit's figure too, among the unit's words around it
    (`_added`): the claim (`whole`, of which `claim` may be a clause) then adds a figure beside
    it and replaces none ("Venables, who was released in 2001 ..., was recalled to prison in
    2010 when ..." against "He had been released from prison in 2001, ... but was recalled
    when ..."; "McGregor, 29, ... will make his boxing debut against the 40-year-old
    Mayweather" against "McGregor, 29, will make his boxing debut ...")."""
    rules = (_figure, _whole_for_part, _date) if dated else (_figure, _whole_for_part)
    for rule in (*rules, lambda c, u: _slot(c, u, False), _figure_moved):
        found = rule(claim, unit)
        if found and not _added(found, tokens(whole), tokens(unit)):
            return found
    return None


def _whole_for_part(claim: str, unit: str) -> Conflict | None:
    """The unit's whole said where it counts a part of it, after the same word: "The SNP won 59
    Westminster constituencies" against "The SNP won 56 of the 59 Westminster constituencies"
    (not a claim that says the part too: "won 56 of 59 seats")."""
    c, u = tokens(claim), tokens(unit)
    for i in range(1, len(u) - 3):
        if u[i + 1] != "of" or not _figure_word(u[i]):
            continue
        k = i + 2 + (u[i + 2] == "the")
        if k + 1 >= len(u) or not _figure_word(u[k]) or not is_content(u[k + 1]):
            continue
        if run_at(c, (u[i - 1], u[k], u[k + 1])) and not run_at(c, (u[i], "of")):
            return Conflict("number", f"{u[k]} {u[k + 1]}", " ".join(u[i : k + 2]))
    return None


_AFTER = 7  # `_figure_moved`: the words after a figure that say what it is of
_TOLD_BY = 2  # `_figure_moved`: the fewest words that tell the other figure's thing


def _figure_moved(claim: str, unit: str) -> Conflict | None:
    """A figure of the unit's put where the unit has another, the words after it copied from
    that other's: "with 15km lying across Aleppo's territories controlled by government troops"
    against "6km lie across Aleppo's territories controlled by government troops and another
    15km through territories in the hands of illegal armed groups". The words that tell the
    two apart (those after one figure and not after the other) are read; the claim gives the
    other's figure nowhere."""
    c, u = tokens(claim), tokens(unit)
    for i, mine in enumerate(c):
        if not _figure_word(mine) or mine not in u:
            continue
        said = _after(c, i)
        own = set().union(*(_after(u, j) for j, w in enumerate(u) if w == mine))
        for j, theirs in enumerate(u):
            if theirs == mine or theirs in c or _figure_word(theirs) is None:
                continue
            other = _after(u, j)
            told = len(said & (other - own)) >= _TOLD_BY and len(said & other) > _TOLD_BY
            if told and not said & (own - other):
                return Conflict("number", mine, theirs)
    return None


def _after(words: tuple[str, ...], i: int) -> set[str]:
    """The stems of the content words, not figures, within _AFTER after words[i]."""
    return {stem(w) for w in words[i + 1 : i + 1 + _AFTER] if is_content(w) and not _figure_word(w)}


_NEAR = 5  # `_added`: the words either side of a figure that say what it is of


def _added(found: Conflict, whole: tuple[str, ...], unit: tuple[str, ...]) -> bool:
    """Whether the claim's figure is one it adds beside the unit's (`_figured`): the claim has
    the unit's figure as often as the unit does, with a content word of the unit's beside it,
    and the unit lacks the claim's. Not two figures traded ("Caleb Dias, 17, and Chloie
    Rhodes, 18," against "Caleb Dias, 18, and Chloie Rhodes, 17,": the unit has both), nor
    the unit's figure said of another thing ("Waterford Wedgwood collapsed in 2010, and the
    museum went into administration in 2009" against "... after the firm collapsed in
    2009")."""
    mine, theirs = tokens(found.mine), tokens(found.theirs)
    here, there = run_at(whole, theirs), run_at(unit, theirs)
    if not here or len(here) < len(there) or run_at(unit, mine):
        return False
    n = len(theirs)  # each place the unit has it, one of the claim's with a word in common
    return all(any(_near(whole, i, n) & _near(unit, j, n) for i in here) for j in there)


def _near(words: tuple[str, ...], i: int, n: int) -> set[str]:
    """The stems of the content words within _NEAR of the run of n words at i."""
    around = words[max(0, i - _NEAR) : i] + words[i + n : i + n + _NEAR]
    return {stem(w) for w in around if is_content(w) and not _figure_word(w)}


def _counts_else(b: Amount, a: Amount, unit: str) -> bool:
    """Whether the unit's figure `b` counts a thing of its own, named right after it, that is
    not what `a` counts: "15 Muslims" against "15 migrants", not "15 were" or "15 of them"."""
    if not b.noun or a.same_slot(b):
        return False
    after = re.findall(rf"(?<![\w.,]){re.escape(b.text)}\s+([^\W\d_]+)", unit)
    return bool(after) and all(is_content(w.lower()) for w in after)


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
    """A name the claim gives an age (between commas, or "62-year-old" before it) that the
    sources give only other ages, wherever they give it: "Brian Wright, 72, denies causing
    serious injury" where a source has "Brian Wright, 55, of Kempston, told Luton Crown Court
    ..." (and "Sylvia Blackburn, 72," elsewhere). Or an age the sources give the name nowhere
    but give another name: "Prince Harry, 43, was said to ..." where a source has "Carrie
    Reichert, 43," (a description's age, "the 43-year-old said", is nobody's: it may be the
    claim's name). Returns the conflict and the index of the first sentence with the age."""
    mine, named = _ages(claim), _named_ages(claim)
    if not mine and not named:
        return None
    given: dict[str, list[tuple[str, int]]] = {}  # a word of a name, each age given it
    holders: list[tuple[frozenset[str], str, str, int]] = []  # name, as written, age, where
    for i, text in enumerate(sentences):
        for who, age in _ages(text):
            given.setdefault(who, []).append((age, i))
        for words, written, age in _named_ages(text):
            holders.append((words, written, age, i))
            for word in words:
                given.setdefault(word, []).append((age, i))
    for who, age in mine:
        ages = given.get(who, [])
        if ages and age not in {a for a, _ in ages}:
            return Conflict("number", age, ages[0][0]), ages[0][1]
    for words, written, age in named:
        if words & given.keys():
            continue  # the sources give the name an age: the same, or another above
        for other, theirs, their_age, i in holders:
            if their_age == age and not words & other:
                return Conflict("moved", f"{written}, {age}", f"{theirs}, {age}"), i
    return None


# an age before a name: "62-year-old Dennis Krauss", tokenised "62 - year - old clerk gina"
_YEAR_OLD = re.compile(
    r"\b(?P<age>\d{1,3})\s*-\s*year\s*-\s*old\s+(?P<after>(?:[\w'’.-]+\s+){0,4})"
)
_ROLE_WORDS = 1  # `_named_ages`: words between "-year-old" and a name ("clerk Gina Michelle")
# what a name one or two words before it describes ("England international", "Chelsea
# striker", "Swedish man", "University of Brighton student"): an age before the name is theirs
_DESCRIBES = (
    _PEOPLE_WORDS
    | _TITLES
    | _KIN
    | frozenset("international player star man woman men women boy girl teenager".split())
)
_NAME_PART = re.compile(r"[^\W\d_]+")  # a name's words, a hyphened one's parts apart


@lru_cache(maxsize=MEMO)
def _named_ages(text: str) -> tuple[tuple[frozenset[str], str, str], ...]:
    """Each name the text gives an age, between commas ("Mary Ann Diano, 62,") or with
    "-year-old" and at most _ROLE_WORDS word before it ("28-year-old clerk Gina Michelle";
    not "a 39-year-old woman named Lillian Roldan", whose age a description holds), as the
    name's words (folded, a hyphened word's parts apart), the name as written (folded) and the
    age. A name: capitalised in cased text, words the lexicon knows as names in lower-cased
    text (`lexicon.name_words`)."""
    found = names(text) if cased(text) else None

    def is_name(word: str) -> bool:
        return fold(word) in found if found is not None else bool(name_words(word))

    def name(words: list[str], age: str) -> tuple[frozenset[str], str, str]:
        parts = frozenset(p for w in words for p in _NAME_PART.findall(fold(w)) if p != "of")
        return parts, fold(" ".join(words)).strip(".'’,"), age

    out = []
    for m in _AGED.finditer(text) if "," in text else ():
        words = text[: m.end("who")].split()
        run = 0
        while run < min(len(words), _NAME_LENGTH) and is_name(words[-run - 1].strip(".'’,")):
            run += 1
        if run and fold(m["who"]) not in STOPWORDS:
            out.append(name(words[-run:], m["age"]))
    for m in _YEAR_OLD.finditer(text):
        words = [w.strip(".'’") for w in m["after"].split()]
        first = next((i for i, w in enumerate(words[: _ROLE_WORDS + 1]) if is_name(w)), None)
        if first is None:
            continue
        last = first
        while last + 1 < min(len(words), first + _NAME_LENGTH):
            step = 2 if words[last + 1] == "of" else 1  # "University of Brighton"
            if last + step >= len(words) or not is_name(words[last + step]):
                break
            last += step
        if _DESCRIBES.intersection(fold(w) for w in words[last + 1 : last + 3]):
            continue  # the name says what the one aged is: "England Under-19 international"
        out.append(name(words[first : last + 1], m["age"]))
    return tuple(out)


@lru_cache(maxsize=MEMO)
def _ages(text: str) -> tuple[tuple[str, str], ...]:
    """Each name the text gives an age between commas (its last word, folded) and the age (a
    source sentence is read for every claim with an age: `misaged`)."""
    if "," not in text:
        return ()
    found = ((fold(m["who"]), m["age"]) for m in _AGED.finditer(text))
    return tuple((who, age) for who, age in found if who not in STOPWORDS)


def _disagree(a: Amount, b: Amount) -> bool:
    """Whether the claim's figure `a` and the unit's `b` of one thing cannot both hold: two
    values, a value outside the other's bound ("fewer than 2,000" against "more than 9,000";
    not "105" against "more than 100"), or bounds with no value between them; or the claim's
    bound set alike with another value, either way ("more than five" against "more than
    three", which does not say it; "at least two had been killed" against "at least three",
    another figure)."""
    x, y = Decimal(a.value), Decimal(b.value)
    if not a.bound and not b.bound:
        return x != y
    if not a.bound or not b.bound:
        value, limit, bound = (x, y, b.bound) if not a.bound else (y, x, a.bound)
        return value < limit if bound > 0 else value > limit
    if a.bound == b.bound:
        return x != y
    low, high = (x, y) if a.bound > 0 else (y, x)
    return low >= high


def _bounded(text: str, bound: int) -> str:
    return {1: "more than ", -1: "fewer than "}.get(bound, "") + text


def _date(claim: str, unit: str) -> Conflict | None:
    mine, theirs = dates(claim), dates(unit)
    # a year against a year, a decade against a decade, a weekday against a weekday, a month
    # against a month, a season against a season ("on Monday" may be "on 12 May", "in the
    # summer" "in July")
    kinds = (
        _YEAR.fullmatch,
        DECADE.fullmatch,
        WEEKDAYS.__contains__,
        MONTHS.__contains__,
        SEASONS.__contains__,
    )
    for kind in kinds:
        a = {d for d in mine - theirs if kind(d)}
        b = {d for d in theirs - mine if kind(d)}
        if a and b:
            return Conflict("date", ", ".join(sorted(a)), ", ".join(sorted(b)))
    # a time of day against a time of day ("at around 6pm" / "at around 3.30pm")
    mine_times, their_times = clock_times(claim), clock_times(unit)
    mine_only, theirs_only = mine_times.keys() - their_times, their_times.keys() - mine_times
    if mine_only and theirs_only:
        return Conflict("date", mine_times[min(mine_only)], their_times[min(theirs_only)])
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
# bounds ("at least", "more than"): the same bound on both sides, with another figure, is
# another fact ("at least two had been killed" against "at least three had been killed")
_BOUNDS = frozenset("than over under least most".split())


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
        # a list's item the unit lists too, others left out: "Grey-Thompson and Geraint Thomas"
        # for "Grey-Thompson and David Roberts, ... and ... Geraint Thomas"
        if named and c[a[0] - 1 : a[0]] == ("and",) and any(_same(a, b, c, u) for b in theirs):
            continue
        for b in theirs:
            if (
                b[2] != a[2]
                or _same(a, b, c, u)
                or _same_span(a, b, c, u)
                or (_roughly(a, b, c, u) and not _far(a, b, c, u))
            ):
                continue
            if any(_same(m, b, c, u) and _amid(c, m, u, b) for m in mine):
                continue  # the claim has the unit's figure among the same words
            if named and not _other_name(c, a, u, b):
                continue
            # the claim's name beside the unit's, which it also has: a description of the same
            # ("Warner/Chappell boss Jon Platt said" against "Jon Platt said")
            if named and any(_same(m, b, c, u) and _beside(a, m) for m in mine):
                continue
            # and the other way round: "with Terpstra" against "with Holland's Niki Terpstra"
            if named and any(_same(a, n, c, u) and _beside(b, n) for n in theirs):
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


def _roughly(a: Slot, b: Slot, c: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether either figure is a bound or a guess (`_ROUGHLY`), but for one bound both sides
    set alike (`_BOUNDS`: "at least two" / "at least three")."""
    mine, theirs = c[max(a[0] - 2, 0) : a[0]], u[max(b[0] - 2, 0) : b[0]]
    if mine == theirs and mine[-1:] and mine[-1] in _BOUNDS:
        return False
    return bool(_ROUGHLY & {*mine[-1:], *theirs[-1:]})


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
    if not named:  # a count read with its scale stands for both words ("12.5 million")
        scaled = [w in _WORD_SCALES for w in (*words[1:], "")]
        return [(i, i + 1 + scaled[i], *f) for i, f in enumerate(_figure_words(words)) if f]
    found: list[Slot] = []
    known = names(text) if cased(text) else frozenset()
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] in known:
            j += 1
        if _content(words[i:j]):  # not the "m" of a capitalised "I'M"
            found.append((i, j, "name", " ".join(words[i:j])))
        i = max(j, i + 1)
    return found


# `_same_span`: each span of time as a number of the smallest of its scale
_SPAN_SIZES = {
    **dict.fromkeys(("minute", "minutes"), ("time", 1)),
    **dict.fromkeys(("hour", "hours"), ("time", 60)),
    **dict.fromkeys(("day", "days"), ("time", 1440)),
    **dict.fromkeys(("week", "weeks"), ("time", 10080)),
    **dict.fromkeys(("fortnight", "fortnights"), ("time", 20160)),
    **dict.fromkeys(("month", "months"), ("calendar", 1)),
    **dict.fromkeys(("year", "years"), ("calendar", 12)),
    **dict.fromkeys(("decade", "decades"), ("calendar", 120)),
}


def _same_span(a: Slot, b: Slot, c: tuple[str, ...], u: tuple[str, ...]) -> bool:
    """Whether two counts count one span of time in other units: "a week later" and "seven
    days later", "12 months" and "a year"."""
    mine = _SPAN_SIZES.get(c[a[1]] if a[1] < len(c) else "")
    theirs = _SPAN_SIZES.get(u[b[1]] if b[1] < len(u) else "")
    if not mine or not theirs or mine[0] != theirs[0] or a[2] != "count" or b[2] != "count":
        return False
    try:
        return Decimal(a[3]) * mine[1] == Decimal(b[3]) * theirs[1]
    except ArithmeticError:
        return False


def _beside(a: Slot, m: Slot) -> bool:
    """Whether two slots of one text stand at most two words apart."""
    return 0 <= m[0] - a[1] <= 2 or 0 <= a[0] - m[1] <= 2


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
    # the initials of the unit's name and the words after it ("the AAM" for "the Academy of
    # Ancient Music (AAM)", whose "of" ends the name's run)
    # (or before it: "the MoJ" for "the Ministry of Justice", where "Justice" is the name)
    spelt = abbreviates(mine, u[max(b[0] - _NAME_LENGTH, 0) : b[1] + _NAME_LENGTH])
    # the claim's name right after the unit's, which `names` did not join to it ("Yankovic" of
    # '"Weird Al" Yankovic')
    after = u[b[1] : b[1] + len(mine)] == mine
    return not (_short_form(mine, theirs) or spelt or after or _described(u, b[0], c, a[0], y, x))


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
    if a[2] == "name":  # a name's possessive: "Cleveland's practice squad" for "the Cleveland
        mine, theirs = _owned(mine), _owned(theirs)  # Browns practice squad"
    right = len(os.path.commonprefix([mine, theirs]))
    return c[a[0] - left : a[0]], c[a[1] : a[1] + counted] + mine[:right]


def _owned(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words after a name without its possessive "s"."""
    return words[1:] if words[:1] == ("s",) else words


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
        elif t.isdigit() and after == "st":  # "61st", its ending read as a unit glued on
            found[i] = ("rank", t + after)
    kinds = [f[0] if f else "" for f in found]
    joined, scaled = set(), {}
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        counts = kinds[i] == kinds[i + 1] == "count" and a.isdigit() == b.isdigit()
        if counts or (kinds[i] and b in _SCALES):
            joined |= {i, i + 1}
        # not part of a figure of more words: "twenty five million", "one hundred and fifty",
        # "two hundred thousand"
        beyond = words[i + 2] if i + 2 < len(words) else ""
        alone = not (i and kinds[i - 1] == "count") and beyond not in _SCALES | {"and"}
        if kinds[i] == "count" and b in _WORD_SCALES and alone and kinds[i + 2 :][:1] != ["count"]:
            scaled[i] = _scaled(found[i], b)  # "12.5 million": one count, read whole
    return [scaled.get(i) if i in joined else f for i, f in enumerate(found)]


_SCALES = frozenset("hundred thousand million billion trillion m bn k".split())
# the scales a count is read with ("5 m" may be five metres)
_WORD_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_WORD_SCALES |= {"bn": 10**9, "trillion": 10**12}


def _scaled(figure: tuple[str, str] | None, scale: str) -> tuple[str, str] | None:
    """A count and its scale as one value ("12.5" "million": 12500000), None where the count
    is no plain number."""
    if figure is None:
        return None
    try:
        value = Decimal(figure[1].replace(",", "")) * _WORD_SCALES[scale]
    except ArithmeticError:
        return None
    return ("count", str(int(value)) if value == int(value) else format(value.normalize(), "f"))


def _figure_word(token: str) -> tuple[str, str] | None:
    """A token's kind of figure and value ("seven" and "twice" are counts, 7 and 2; "weeks" is
    a span of time), None for other words."""
    if _BARE_NUMBER.fullmatch(token):  # "01 October" is "1 October"
        value = (token.lstrip("0") or "0") if token.isdigit() else token
        return ("year" if _YEAR.fullmatch(token) else "count", value)
    if token in NUMBER_WORDS or token in _TIMES:
        return "count", NUMBER_WORDS.get(token) or COUNT_WORDS[token]
    if token in _SPANS:
        return "span", token.removesuffix("s")
    if token in _PARTS:
        return "part", token
    if token in _SIDES:
        return "side" if token in ("left", "right") else "ground", token
    if ordinal := ORDINAL.fullmatch(token):  # "12th", read as its word up to "twelfth"
        n = int(ordinal[1])
        return "rank", _ORDINALS[n - 1] if 0 < n <= len(_ORDINALS) else token
    return ("rank", token) if token in _RANKS else None


_BARE_NUMBER = re.compile(r"\d[\d.,]*")


# a count said without a figure, and the figures it may stand for: "several hundred people"
# is no 20,000 (`vague`)
_VAGUE = re.compile(
    r"\b(?P<how>(?:several|a few|many|some)\s+)?(?P<size>tens|dozens|hundreds|thousands|"
    r"millions|hundred|thousand|million)(?:\s+of)?(?:\s+(?P<more>thousands|millions)"
    r"(?:\s+of)?)?\s+(?=[a-z])",
    re.IGNORECASE,
)
_RANGES = {  # the figures each count may be, from and up to
    ("dozens", None): (24, 200),
    ("hundred", None): (100, 1000),
    ("hundreds", None): (100, 1000),
    ("thousand", None): (1000, 10000),
    ("thousands", None): (1000, 100000),
    ("tens", "thousands"): (10000, 100000),
    ("hundreds", "thousands"): (100000, 1000000),
    ("million", None): (1000000, 10000000),
    ("millions", None): (1000000, 10000000000),
    ("tens", "millions"): (10000000, 100000000),
    ("hundreds", "millions"): (100000000, 1000000000),
}


def vague(claim: str, unit: str) -> Conflict | None:
    """A copy that puts a figure for a count the unit says without one ("several hundred",
    "thousands of", "tens of thousands", "dozens of"), out of the count's range: "A crowd of
    20,000 people" against "A crowd of several hundred people"."""
    found = [a for a in amounts(claim) if not a.unit and not a.bound]
    if not found:
        return None
    c = tokens(claim)
    for match in _VAGUE.finditer(unit):
        size, more = match["size"].lower(), match["more"] and match["more"].lower()
        if size in ("hundred", "thousand", "million") and not match["how"]:
            continue  # "a hundred" / "one hundred" is a figure
        span = _RANGES.get((size, more))
        if span is None:
            continue
        for amount in found:
            if span[0] <= Decimal(amount.value) < span[1]:
                continue
            copy = unit[: match.start()] + amount.text + " " + unit[match.end() :]
            if _copy_changes(c, tokens(copy), _COPY) is not None:
                return Conflict("number", amount.text, match.group().strip().lower())
    return None
