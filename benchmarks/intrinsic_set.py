"""A check set of extractive summaries with intrinsic errors, built from benchmark articles.

For each article (the ``source`` of any faithfulness or coverage benchmark file) an extractive
summary of 2-3 of its sentences is written as faithful (label 1, system ``extractive``); the
same sentences with faithful edits where one applies (label 1, system ``compressed``: a leading
phrase, an appositive, a closing clause or an adverb dropped, "said" -> "says", a figure written
another way, two neighbours fused), so that not every faithful item is a verbatim copy; and
copies of the extractive summary in which exactly one sentence is changed by one corruption
(label 0, ``spans`` marking that sentence, system = the corruption kind): the errors summaries
make with a source's own words -- roles swapped, a quote given to another speaker, a name
replaced by another, a number or date taken from another fact, two sentences spliced, a modifier
moved, a negation or an antonym, a pronoun of the other sex. A share of the articles is
lower-cased and tokenised (as CNN/DailyMail's tokenised release), source and summary alike.
The output is in the faithfulness benchmark format (``dataset`` "intrinsic", ids
``intrinsic:<doc_id>:<kind>``, plus ``origin`` and ``lowercased``), so
``python -m evalkit meta bench.path=OUT`` scores it. Same inputs and seed => same bytes.

The corruptions are written here, apart from evalkit's training generator, so that the check set
does not mirror what the entailment model was trained on.

    python benchmarks/intrinsic_set.py OUT.jsonl ARTICLES.jsonl [ARTICLES.jsonl ...]
        [--seed 0] [--corrupted 2] [--lower-share 0.3 | --lower]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

Corruption = Callable[[str, Sequence[str], random.Random], str | None]

_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_CALENDAR = frozenset((_DAYS + "|" + _MONTHS).lower().split("|"))
_AUX = r"is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do"
_SAYS = r"said|says|told|tells|added|adds|explained|insisted|claimed|claims|warned|stated|wrote"
# irregular or -s verb forms that can link a subject to an object ("-ed" forms are found by shape)
_VERBS = frozenset(
    "beat beats beaten won wins lost loses met meets told tells hit hits led leads took takes "
    "gave gives left leaves made makes saw sees sent sends paid pays caught bought sold shot "
    "struck chose overtook faces plays sues hosts trails succeeds replaces joins signs backs "
    "blames thanks visits warns urges accuses praises criticises".split()
)
_NOT_LINKS = frozenset(
    "and or but of with from for to in on at as than between into onto about after before during "
    "said says told who which that whose".split()
)
_TITLES = r"(?:mr|mrs|ms|dr|miss|sir)\.?"
_NAME_PART = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]{2,}(?![a-z]))"
_NAME = re.compile(rf"\b{_NAME_PART}(?:\s+(?:(?:de|van|von|al|bin|of)\s+)?{_NAME_PART})*\b")
_TITLED = re.compile(rf"\b{_TITLES}\s+[a-z]+(?:\s+[a-z]+)?\b")  # names in lower-cased text
_DET = r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
# what may follow an object swapped with its subject: punctuation, the end, a preposition
_OBJECT_END = re.compile(
    r"\s*(?:[,.;:!?)'\"”’]|$)|\s+(?:in|on|at|for|with|to|from|by|after|before|during|and|but|as|"
    r"when|while|last|this|since|until|over|\d)\b"
)
# a verb of one to three words, then an object ending where a phrase can end
_LINKED = re.compile(
    rf"(?P<gap>(?: [a-z]+){{1,3}}?) "
    rf"(?P<obj>{_NAME_PART}(?: {_NAME_PART})*|{_DET}(?: [a-z]+){{1,3}}?)"
    rf"(?={_OBJECT_END.pattern})"
)
_SUBJECT_START = re.compile(
    r"(?:^|[,;:(“\"'‘]|\b(?:and|but|when|while|after|as|because|that|then|week|year|yesterday))\s*$"
)
_ROLE = (
    r"(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof|[Cc]aptain|[Cc]oach|[Mm]anager|[Mm]inister|[Pp]resident|"
    r"[Cc]hairman|[Ss]pokes(?:man|woman|person)|[Oo]fficer|[Dd]etective|[Jj]udge|[Ss]triker|"
    r"[Dd]irector|[Cc]hief|[Ll]eader|[Ss]ecretary|[Ss]inger|[Aa]ctor|[Aa]ctress|[Ss]ergeant)\.?"
)
_OPENERS = frozenset(
    "The A An He She It They We I You But And Or So In On At As After Before When While If "
    "This That These Those His Her Their Its Our My Some Many Most All Both There Here Then "
    "However Meanwhile Also Now Yet For From With By Police Your".split()
)
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|dozen"
_VALUE = re.compile(
    rf"(?P<year>(?<![\w.,])(?:19|20)\d\d(?![\w]))|(?P<num>(?<![\w.,])\d+(?:[.,]\d+)*(?!\w))|"
    rf"(?P<word>\b(?i:{_NUMBER_WORDS})\b)|(?P<day>\b(?i:{_DAYS})\b)|(?P<month>\b(?i:{_MONTHS})\b)"
)
_TIME = re.compile(
    rf"\b(?i:on|last|this|next|since|until|by|from|in|early|late)\s+(?i:"
    rf"(?:{_DAYS})|(?:{_MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:{_MONTHS})(?:\s+\d{{4}})?|\d{{4}})\b|\b(?i:yesterday|last (?:week|month|year|night|"
    r"weekend)|earlier this (?:week|month|year))\b"
)
_PLACE = re.compile(rf"\b(?:in|at|near|outside)\s+(?:the\s+)?{_NAME_PART}(?:\s+{_NAME_PART})*")
_ANTONYMS = dict(
    pair
    for a, b in (
        ("won", "lost"),
        ("wins", "loses"),
        ("rose", "fell"),
        ("rises", "falls"),
        ("increased", "decreased"),
        ("raised", "lowered"),
        ("higher", "lower"),
        ("more than", "less than"),
        ("before", "after"),
        ("above", "below"),
        ("approved", "rejected"),
        ("allowed", "banned"),
        ("accepted", "refused"),
        ("first", "last"),
        ("best", "worst"),
        ("biggest", "smallest"),
        ("largest", "smallest"),
        ("larger", "smaller"),
        ("earlier", "later"),
        ("survived", "died"),
        ("guilty", "innocent"),
        ("started", "ended"),
        ("opened", "closed"),
        ("bought", "sold"),
        ("supported", "opposed"),
        ("agreed", "refused"),
        ("positive", "negative"),
        ("strong", "weak"),
    )
    for pair in ((a, b), (b, a))
)
_ANTONYM = re.compile(r"\b(?i:" + "|".join(sorted(_ANTONYMS, key=len, reverse=True)) + r")\b")
# a pronoun and the other sex's; "her" is "his" before a word it owns, "him" otherwise
_OTHER_SEX = {"he": "she", "she": "he", "him": "her", "his": "her", "himself": "herself"}
_OTHER_SEX |= {"herself": "himself"}
_PRONOUN = re.compile(r"\b(?i:he|she|him|his|her|himself|herself)\b")
_OWNED = re.compile(r"\s+(?!(?:and|or|but|to|in|on|at|for|with|from|by|as|that|the|a|an)\b)[a-z]")
_NEGATABLE = re.compile(
    rf"\b(?:{_AUX})\b(?=\s+(?!(?:not|never|if|so|as|to|and|or|of|in|on|at|for|by|with|from|that|"
    r"what|this|it|the|a|an)\b)[a-z])"
)
_NEGATION = re.compile(r"\b(?:wo|ca)\s?n't\b|\s?n't\b|\s+not\b|\bcannot\b")
_SENTENCE_END = re.compile(r"[.!?]+(?:\s*(?:''|[\"”’']))*(?=\s+\S)")
_ENDS = re.compile(r"[.!?](?:\s*(?:''|[\"”’']))*$")  # a sentence, not a heading or caption
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr no vs gen gov sen rep prof lt col sgt capt inc co corp ltd "
    "jan feb aug sept oct nov dec".split()
)


@dataclass(frozen=True)
class Article:
    """One source article: where it came from and its sentences, line by line."""

    doc_id: str
    origin: str
    source: str
    sentences: tuple[str, ...]


class InputError(Exception):
    """A problem with the command line or an input file, said in one line."""


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, line by line; lower-cased tokenised text ("word . next") too."""
    out: list[str] = []
    for line in text.split("\n"):
        lower = not any(ch.isupper() for ch in line)
        start = 0
        for m in _SENTENCE_END.finditer(line):
            before = line[start : m.start()]
            word = before.split()[-1] if before and not before[-1].isspace() else ""
            if m.group()[0] == "." and word and _abbreviated(word):
                continue
            if not lower and line[m.end() :].lstrip()[:1].islower():
                continue
            out.append(line[start : m.end()].strip())
            start = m.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def _abbreviated(word: str) -> bool:
    w = word.lower().lstrip("(\"“'")
    return w in _ABBREVIATIONS or "." in w or (len(w) == 1 and w.isalpha())


def tokenise(text: str) -> str:
    """Lower-cased, PTB-style tokens, as in CNN/DailyMail's tokenised release."""
    t = text.lower().replace("’", "'")
    t = re.sub(r"(?<=\w)-(?=\w)", " - ", t)
    t = re.sub(r"(?<=\w)n't\b", " n't", t)
    t = re.sub(r"(?<=\w)'(s|re|ve|ll|d|m)\b", r" '\1", t)
    t = re.sub(r"(^|[\s(\[])[\"“]", r"\1`` ", t)
    t = re.sub(r"[\"”]", " '' ", t)
    t = re.sub(r"(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|[;?!()\[\]]", lambda m: f" {m.group()} ", t)
    t = re.sub(r"(?<=[\w%)'])\.(?=\s|$|'')", lambda m: _period(t, m.start()), t)
    return " ".join(t.split())


def _period(t: str, at: int) -> str:
    """A sentence's period stands apart; an abbreviation keeps its own ("mr.", "u.s.")."""
    words = t[:at].split()
    return "." if words and _abbreviated(words[-1]) else " ."


def _names(text: str) -> list[tuple[int, int]]:
    """Spans of names: capitalised word runs (sentence openers dropped) and "mr smith"."""
    out = []
    for m in _NAME.finditer(text):
        start, words = m.start(), m.group().split()
        while words and (words[0] in _OPENERS or words[0].lower() in _CALENDAR):
            start += len(words[0]) + 1
            words = words[1:]
        if words and not all(w.lower() in _CALENDAR for w in words):
            out.append((start, m.end()))
    out += [(m.start(), m.end()) for m in _TITLED.finditer(text)]
    return sorted(out)


_LOWER_WHEN_MOVED = frozenset("the a an his her their its on in at last".split())


def _fit(phrase: str, at_start: bool) -> str:
    """A moved phrase with the case its new place needs (capital at a sentence start)."""
    if at_start:
        return phrase[:1].upper() + phrase[1:]
    if phrase[:1].isupper() and phrase.split()[0].lower() in _LOWER_WHEN_MOVED:
        return phrase[:1].lower() + phrase[1:]
    return phrase


def _links(gap: str) -> bool:
    """Whether the words between two noun phrases can be a verb linking them ("beat", "has
    sued"): one word that is no function word, or up to three with a verb among them."""
    words = gap.split()
    return (
        0 < len(words) <= 3
        and gap.startswith(" ")
        and gap.endswith(" ")
        and all(w.isalpha() and w.islower() and w not in _NOT_LINKS for w in words)
        and (
            len(words) == 1 or any(w in _VERBS or (w.endswith("ed") and len(w) > 4) for w in words)
        )
    )


def _words(text: str) -> set[str]:
    return set(text.lower().split())


def _noun_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of names and of determiner phrases of one or two words ("the court", "a new law")."""
    spans = _names(text)
    for m in re.finditer(rf"\b{_DET}\b", text):
        for n in (1, 2):
            words = re.compile(rf"(?: [a-z]+){{{n}}}\b").match(text, m.end())
            if words and _NOT_LINKS.isdisjoint(words.group().split()):
                spans.append((m.start(), words.end()))
    return spans


def swap_roles(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """Subject and object exchanged around their verb ("A beat B" -> "B beat A"), or else
    two names of the sentence exchanged."""
    pairs = []
    for a0, a1 in sorted(set(_noun_phrases(sentence))):
        m = _LINKED.match(sentence, a1)
        if (
            m
            and _links(m["gap"] + " ")
            and _SUBJECT_START.search(sentence[:a0])
            and sentence[a0:a1].lower() != m["obj"].lower()
        ):
            pairs.append((a0, a1, m.start("obj"), m.end("obj")))
    if not pairs:  # no subject-verb-object found: exchange two names of the sentence
        names = _names(sentence)
        pairs = [
            (a0, a1, b0, b1)
            for i, (a0, a1) in enumerate(names)
            for b0, b1 in names[i + 1 :]
            if a1 < b0 and _words(sentence[a0:a1]).isdisjoint(_words(sentence[b0:b1]))
        ]
    if not pairs:
        return None
    a0, a1, b0, b1 = rng.choice(pairs)
    first, second = sentence[a0:a1], sentence[b0:b1]
    return (
        sentence[:a0] + _fit(second, a0 == 0) + sentence[a1:b0] + _fit(first, False) + sentence[b1:]
    )


def _speakers(text: str) -> list[tuple[int, int]]:
    """Spans of names a quote or statement is attributed to ("said Smith," / "Smith said")."""
    return [
        (a, b)
        for a, b in _names(text)
        if not _quoted(text, a)
        and (
            re.search(r"\b(?:said|says|added|adds|according to)\s+(?:\w+\s+)?$", text[:a])
            and re.match(r"\s*(?:[,.;:]|$|\s+who\b)", text[b:])
        )
        or (
            re.match(rf"\s*,?\s+(?:has\s+|had\s+)?(?:{_SAYS})\b", text[b:])
            and not re.search(r"\b(?:for|of|in|at|from|to|on|by|with)\s+$", text[:a])
        )
    ]


def _quoted(text: str, at: int) -> bool:
    """Whether position `at` lies inside a double quotation ("...", “...”, ``...'')."""
    before = text[:at]
    return (sum(before.count(q) for q in '"“”') + before.count("``") + before.count("''")) % 2 == 1


def _people(text: str) -> list[tuple[int, int]]:
    """Spans of names that are people: speakers, names after a title or role, "Name, 33,"."""
    return _speakers(text) + [
        (a, b)
        for a, b in _names(text)
        if re.search(rf"\b{_ROLE}\s+$", text[:a]) or re.match(r",\s*\d{1,2},", text[b:])
    ]


def wrong_speaker(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A quote or statement given to another person named in the article."""
    mine = _speakers(sentence)
    if not mine:
        return None
    span = rng.choice(mine)
    spoke = [o[x:y] for o in others for x, y in _speakers(o)]
    people = [o[x:y] for o in others for x, y in _people(o)]
    return _put_in(sentence, span, spoke, rng) or _put_in(sentence, span, people, rng)


def swap_name(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A name (a person, place or team) replaced by another name of the article: "Ireland made
    165-5" -> "Afghanistan made 165-5"."""
    mine = _names(sentence)
    if not mine:
        return None
    names = [o[x:y] for o in others for x, y in _names(o)]
    return _put_in(sentence, rng.choice(mine), names, rng)


def _put_in(
    sentence: str, span: tuple[int, int], pool: Sequence[str], rng: random.Random
) -> str | None:
    """The sentence with `span` replaced by a phrase of `pool` that shares no word with it and
    is not in the sentence already; None when there is none."""
    a, b = span
    who = _words(sentence[a:b])
    fits = sorted(
        {p for p in pool if who.isdisjoint(p.lower().split()) and p.lower() not in sentence.lower()}
    )
    return sentence[:a] + _fit(rng.choice(fits), a == 0) + sentence[b:] if fits else None


def _values(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), str(m.lastgroup)) for m in _VALUE.finditer(text)]


def swap_number(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A number, year, day or month replaced by another of the same kind from the article."""
    found = _values(sentence)
    rng.shuffle(found)
    for a, b, kind in found:
        old = sentence[a:b]
        pool = {o[x:y].lower() for o in others for x, y, k in _values(o) if k == kind}
        pool = {v for v in pool if v != old.lower() and v not in sentence.lower()}
        if pool:
            alike = {v for v in pool if len(v) == len(old)}  # 12 -> 70 rather than 12 -> 0
            new = rng.choice(sorted(alike or pool))
            new = new[:1].upper() + new[1:] if old[:1].isupper() else new
            return sentence[:a] + new + sentence[b:]
    return None


def _pivot(sentence: str) -> int | None:
    """Where the predicate starts: the first verb-like word after a subject of 1-12 words."""
    for i, m in enumerate(re.finditer(r"\S+", sentence)):
        word = m.group().lower()
        if i > 12:
            return None
        verb = (
            re.fullmatch(rf"{_AUX}|{_SAYS}", word)
            or word in _VERBS
            or (word.endswith("ed") and len(word) > 4 and word.isalpha())
        )
        prefix = sentence[: m.start()]
        if i >= 1 and verb and sum(prefix.count(q) for q in '"“”') % 2 == 0:
            return m.start()
    return None


def splice(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """One sentence's subject with another's predicate (either way round)."""
    p = _pivot(sentence)
    if p is None:
        return None
    pool = [(o, q) for o in others if len(o.split()) >= 8 and (q := _pivot(o)) is not None]
    rng.shuffle(pool)
    for other, q in pool:
        if sentence[:p].lower() == other[:q].lower() or sentence[p:].lower() == other[q:].lower():
            continue
        if rng.random() < 0.5:
            return sentence[:p] + other[q:]
        return other[:q] + sentence[p:]
    return None


def _modifiers(text: str) -> list[tuple[int, int, str]]:
    found = [(m.start(), m.end(), "time") for m in _TIME.finditer(text)]
    found += [
        (m.start(), m.end(), "place")
        for m in _PLACE.finditer(text)
        if m.group().split()[-1].lower() not in _CALENDAR
    ]
    return sorted(found)


def move_modifier(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A time or place modifier of another sentence put in place of this one's (or added)."""
    lower = sentence.lower()
    theirs = {
        (o[x:y], kind)
        for o in others
        for x, y, kind in _modifiers(o)
        if o[x:y].lower() not in lower
    }
    mine = _modifiers(sentence)
    rng.shuffle(mine)
    for a, b, kind in mine:
        pool = sorted(m for m, k in theirs if k == kind and m.lower() != sentence[a:b].lower())
        if pool:
            return sentence[:a] + _fit(rng.choice(pool), a == 0) + sentence[b:]
    end = re.search(r"(?<=[a-z0-9])\s?\.$", sentence)
    if mine or not theirs or end is None:
        return None
    moved = _fit(rng.choice(sorted(m for m, _ in theirs)), False)
    return sentence[: end.start()] + " " + moved + sentence[end.start() :]


def negate(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A negation added or removed, or a word replaced by its antonym."""
    edits: list[tuple[int, int, str]] = []
    for m in _ANTONYM.finditer(sentence):
        new = _ANTONYMS[m.group().lower()]
        edits.append((m.start(), m.end(), _fit(new, m.group()[0].isupper())))
    edits += [(m.end(), m.end(), " not") for m in _NEGATABLE.finditer(sentence)]
    for m in _NEGATION.finditer(sentence):
        word = m.group().strip().lower()
        fixed = {"won't": "will", "wo n't": "will", "can't": "can", "ca n't": "can"}.get(word)
        edits.append((m.start(), m.end(), fixed or ("can" if word == "cannot" else "")))
    if not edits:
        return None
    a, b, new = rng.choice(edits)
    return sentence[:a] + new + sentence[b:]


def swap_pronoun(sentence: str, others: Sequence[str], rng: random.Random) -> str | None:
    """A pronoun replaced by the other sex's: "she" for "he", "his" for "her"."""
    found = list(_PRONOUN.finditer(sentence))
    if not found:
        return None
    m = rng.choice(found)
    word = m.group().lower()
    new = _OTHER_SEX.get(word) or ("his" if _OWNED.match(sentence, m.end()) else "him")
    return sentence[: m.start()] + _fit(new, m.group()[0].isupper()) + sentence[m.end() :]


KINDS: dict[str, Corruption] = {
    "swap_roles": swap_roles,
    "wrong_speaker": wrong_speaker,
    "swap_name": swap_name,
    "swap_number": swap_number,
    "splice": splice,
    "move_modifier": move_modifier,
    "negate": negate,
    "swap_pronoun": swap_pronoun,
}


# Faithful edits, for a summary that is extractive but not a verbatim copy: what extractive
# systems with compression (and people) do to a sentence without changing what it says.
_LEAD = re.compile(
    r"^(?:In|On|At|Last|This|Earlier|Later|Since|During|Meanwhile|However|But|And)\b[^,;\"“”]{0,40}"
    r", (?=\S)"
)
_APPOSITIVE = re.compile(
    r", (?:(?:the|a|an|who|which|whose|aged|now|formerly)\b[^,;\"“”]{3,60}|\d{1,3}), "
)
_TAIL = re.compile(
    r", (?:who|which|whose|where|saying|adding|including|while|after|despite|following)\b"
    r"[^\"“”]+(?=[.!?]$)"
)
_ADVERB = re.compile(r" (?:also|however|still|already|reportedly|recently)\b")
_PRESENT = {"said": "says", "told": "tells"}
_REPORTED = re.compile(rf"\b(?:{'|'.join(_PRESENT)})\b")


def drop_lead(sentence: str) -> str | None:
    """A leading phrase dropped: "In March, the minister said" -> "The minister said"."""
    m = _LEAD.match(sentence)
    return _fit(sentence[m.end() :], True) if m else None


def drop_appositive(sentence: str) -> str | None:
    """A phrase between commas dropped: "Smith, the club's captain, said" -> "Smith said"."""
    m = _APPOSITIVE.search(sentence)
    return sentence[: m.start()] + " " + sentence[m.end() :] if m else None


def drop_tail(sentence: str) -> str | None:
    """A closing clause dropped: "He was arrested, police said, after ..." -> "... arrested."."""
    m = _TAIL.search(sentence)
    if not m or len(sentence[: m.start()].split()) < 7:
        return None
    return sentence[: m.start()] + sentence[m.end() :]


def drop_adverb(sentence: str) -> str | None:
    """ "also", "still", "reportedly" and the like dropped."""
    m = _ADVERB.search(sentence)
    return sentence[: m.start()] + sentence[m.end() :] if m else None


def present(sentence: str) -> str | None:
    """A report in the present tense: "said" -> "says"."""
    m = _REPORTED.search(sentence)
    return sentence[: m.start()] + _PRESENT[m.group()] + sentence[m.end() :] if m else None


def figures(sentence: str) -> str | None:
    """A figure written another way: "7,000" -> "7000", "5 per cent" -> "5%"."""
    out = re.sub(r"\b(\d{1,3}),(\d{3})\b(?!,\d)", r"\1\2", sentence, count=1)
    out = re.sub(r"\b(\d+(?:\.\d+)?) per cent\b", r"\1%", out, count=1)
    return out if out != sentence else None


EDITS: dict[str, Callable[[str], str | None]] = {
    "drop_lead": drop_lead,
    "drop_appositive": drop_appositive,
    "drop_tail": drop_tail,
    "drop_adverb": drop_adverb,
    "present": present,
    "figures": figures,
}


def fuse(first: str, second: str) -> str | None:
    """Two neighbouring sentences made one where the second starts with a pronoun for the
    first's subject: "Smith scored. He was ..." -> "Smith scored, and he was ..."."""
    if not re.match(r"(?:He|She|They|It) ", second) or not first.endswith("."):
        return None
    return f"{first[:-1]}, and {second[0].lower()}{second[1:]}"


def compressed(sents: Sequence[str], picks: Sequence[int], rng: random.Random) -> list[str]:
    """The picked sentences with a faithful edit each where one applies, and two neighbours
    fused where they can be; [] where nothing changed."""
    out = []
    for i in picks:
        edited = (EDITS[k](sents[i]) for k in rng.sample(sorted(EDITS), len(EDITS)))
        out.append(next((e for e in edited if e), sents[i]))
    for j in range(len(picks) - 1):
        if picks[j + 1] == picks[j] + 1 and (joined := fuse(out[j], out[j + 1])):
            out[j : j + 2] = [joined]
            break
    return out if out != [sents[i] for i in picks] else []


def _plain(text: str) -> str:
    return " ".join(tokenise(text).split())


def summaries(
    article: Article, rng: random.Random, lowered: bool, n_corrupted: int, used: Counter[str]
) -> list[dict[str, object]]:
    """The article's faithful extractive summary and up to `n_corrupted` corrupted copies,
    each of a different kind, the kinds used least so far tried first."""
    sents = article.sentences
    usable = [i for i, s in enumerate(sents) if 8 <= len(s.split()) <= 60 and _ENDS.search(s)]
    usable = usable[:8]
    if len(usable) < 2:
        return []
    picks = sorted(rng.sample(usable, min(len(usable), rng.choice((2, 3)))))
    style = tokenise if lowered else str.strip
    source = article.source
    if lowered:
        source = "\n".join(tokenise(line) for line in source.split("\n"))
    plain_source = _plain(article.source)
    items = [_item(article, source, [style(sents[i]) for i in picks], "extractive", None)]
    twin = random.Random()  # draws of its own: adding this kind left every other item as it was
    twin.setstate(rng.getstate())
    edited = compressed(sents, picks, twin)
    kinds = sorted(KINDS, key=lambda k: (used[k], rng.random()))
    for kind in kinds:
        if len(items) > n_corrupted:
            break
        for pos in rng.sample(range(len(picks)), len(picks)):
            old = sents[picks[pos]]
            others = [s for j, s in enumerate(sents) if j != picks[pos]]
            new = KINDS[kind](old, others, rng)
            # a corruption must change the words, and must not be said elsewhere in the source
            if new is None or _plain(new) == _plain(old) or _plain(new) in plain_source:
                continue
            text = [style(sents[i]) for i in picks]
            text[pos] = style(new)
            items.append(_item(article, source, text, kind, pos))
            used[kind] += 1
            break
    if edited:
        items.append(_item(article, source, [style(t) for t in edited], "compressed", None))
    return items


def _item(
    article: Article, source: str, sentences: list[str], kind: str, changed: int | None
) -> dict[str, object]:
    summary = " ".join(sentences)
    spans = []
    if changed is not None:
        start = sum(len(s) + 1 for s in sentences[:changed])
        spans = [[start, start + len(sentences[changed])]]
    return {
        "id": f"intrinsic:{article.doc_id}:{kind}",
        "doc_id": article.doc_id,
        "dataset": "intrinsic",
        "system": kind,
        "source": source,
        "summary": summary,
        "label": int(changed is None),
        "spans": spans,
        "origin": article.origin,
        "lowercased": not any(ch.isupper() for ch in source + summary),
    }


def read_articles(paths: Sequence[Path]) -> list[Article]:
    """Each distinct article (by doc_id, first file wins) of the given benchmark files."""
    found: dict[str, Article] = {}
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read ({exc}); pass a benchmark JSONL file") from None
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path} line {number}: not valid JSON ({exc.msg})") from None
            if not (
                isinstance(rec, dict)
                and isinstance(rec.get("doc_id"), str)
                and isinstance(rec.get("source"), str)
            ):
                raise InputError(
                    f"{path} line {number}: needs string fields doc_id and source; pass a "
                    "faithfulness or coverage benchmark file"
                )
            if rec["doc_id"] not in found:
                origin = str(rec.get("dataset", path.stem))
                sents = tuple(split_sentences(rec["source"]))
                found[rec["doc_id"]] = Article(rec["doc_id"], origin, rec["source"], sents)
    return [found[k] for k in sorted(found)]


def build(
    articles: Sequence[Article], seed: int, n_corrupted: int, lower_share: float
) -> list[dict[str, object]]:
    """Every article's summaries, in doc_id order; each article has its own seeded rng."""
    used: Counter[str] = Counter()
    out: list[dict[str, object]] = []
    for article in articles:
        rng = random.Random(f"{seed}:{article.doc_id}")
        lowered = rng.random() < lower_share
        out += summaries(article, rng, lowered, n_corrupted, used)
    return out


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="output JSONL (faithfulness benchmark format)")
    parser.add_argument("articles", type=Path, nargs="+", help="benchmark JSONL files to read")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corrupted", type=int, default=2, help="corrupted copies per article")
    parser.add_argument("--lower-share", type=float, default=0.3, help="share lower-cased")
    parser.add_argument("--lower", action="store_true", help="lower-case every article")
    args = parser.parse_args(argv)
    if not 1 <= args.corrupted <= len(KINDS):
        parser.error(f"--corrupted must be between 1 and {len(KINDS)}, got {args.corrupted}")
    if not 0.0 <= args.lower_share <= 1.0:
        parser.error(f"--lower-share must be between 0 and 1, got {args.lower_share}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        if any(args.out.resolve() == p.resolve() for p in args.articles):
            raise InputError(f"{args.out}: is also an input; write the set to another file")
        if not args.out.parent.is_dir():
            raise InputError(f"{args.out}: its folder does not exist; create it first")
        articles = read_articles(args.articles)
    except InputError as exc:
        print(f"intrinsic_set.py: {exc}", file=sys.stderr)
        return 2
    items = build(articles, args.seed, args.corrupted, 1.0 if args.lower else args.lower_share)
    tmp = args.out.with_name(f".{args.out.name}.tmp")
    tmp.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), "utf-8")
    os.replace(tmp, args.out)
    kinds = Counter(str(it["system"]) for it in items)
    docs = len({it["doc_id"] for it in items})
    lowered = sum(bool(it["lowercased"]) for it in items)
    print(f"{len(items)} summaries of {docs} articles ({len(articles) - docs} skipped: fewer than")
    print(f"two sentences of 8-60 words); {lowered} lower-cased; by kind:")
    for kind, count in sorted(kinds.items()):
        print(f"  {kind:<14} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
